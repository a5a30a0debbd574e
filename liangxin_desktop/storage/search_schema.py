"""The SQL of migration 0016_search_index (kept apart so that migrations.py stays short)."""

# Searching and sorting the rosters at 100,000 people. ``people_fts`` is an FTS5 trigram index
# of the people's search columns (rowid = people.id), kept in step by triggers: a term of three
# or more characters is found anywhere in them through the index. Each roster column that can
# be sorted has an index (stage, column), walked in order instead of sorted (年龄 and 党龄 sort
# by birth_date and converted_on); those of the search columns also find a one- or
# two-character term at the start of the text. people_search, scanned by LIKE before,
# has no reader any more.
SEARCH_SCHEMA = """
CREATE VIRTUAL TABLE people_fts USING fts5(
    name, id_number, phone, unit, work_unit_post, mentors,
    content='people', content_rowid='id', tokenize='trigram'
);
INSERT INTO people_fts (people_fts) VALUES ('rebuild');
CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
    INSERT INTO people_fts (rowid, name, id_number, phone, unit, work_unit_post, mentors)
    VALUES (new.id, new.name, new.id_number, new.phone, new.unit, new.work_unit_post, new.mentors);
END;
CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
    INSERT INTO people_fts (people_fts, rowid, name, id_number, phone, unit, work_unit_post, mentors)
    VALUES ('delete', old.id, old.name, old.id_number, old.phone, old.unit, old.work_unit_post,
        old.mentors);
END;
CREATE TRIGGER people_fts_update
AFTER UPDATE OF name, id_number, phone, unit, work_unit_post, mentors ON people BEGIN
    INSERT INTO people_fts (people_fts, rowid, name, id_number, phone, unit, work_unit_post, mentors)
    VALUES ('delete', old.id, old.name, old.id_number, old.phone, old.unit, old.work_unit_post,
        old.mentors);
    INSERT INTO people_fts (rowid, name, id_number, phone, unit, work_unit_post, mentors)
    VALUES (new.id, new.name, new.id_number, new.phone, new.unit, new.work_unit_post, new.mentors);
END;
DROP INDEX people_search;
-- the year's 党费收缴册 by 党小组: its people found and ordered from this index alone
CREATE INDEX people_dues_grid ON people (unit, id, stage, joined_on, left_on);
CREATE INDEX people_by_name ON people (stage, name);
CREATE INDEX people_by_unit ON people (stage, unit);
CREATE INDEX people_by_work_unit_post ON people (stage, work_unit_post);
CREATE INDEX people_by_phone ON people (stage, phone);
CREATE INDEX people_by_sex ON people (stage, sex);
CREATE INDEX people_by_ethnicity ON people (stage, ethnicity);
CREATE INDEX people_by_id_number ON people (stage, id_number);
CREATE INDEX people_by_birth_date ON people (stage, birth_date);
CREATE INDEX people_by_education ON people (stage, education);
CREATE INDEX people_by_member_category ON people (stage, member_category);
CREATE INDEX people_by_joined_on ON people (stage, joined_on);
CREATE INDEX people_by_converted_on ON people (stage, converted_on);
CREATE INDEX people_by_job_post ON people (stage, job_post);
CREATE INDEX people_by_home_address ON people (stage, home_address);
CREATE INDEX people_by_is_lost ON people (stage, is_lost);
CREATE INDEX people_by_lost_since ON people (stage, lost_since);
CREATE INDEX people_by_is_mobile ON people (stage, is_mobile);
CREATE INDEX people_by_mobile_destination ON people (stage, mobile_destination);
CREATE INDEX people_by_degree ON people (stage, degree);
CREATE INDEX people_by_native_place ON people (stage, native_place);
CREATE INDEX people_by_residence ON people (stage, residence);
CREATE INDEX people_by_household_registration ON people (stage, household_registration);
CREATE INDEX people_by_party_post ON people (stage, party_post);
CREATE INDEX people_by_note ON people (stage, note);
"""
