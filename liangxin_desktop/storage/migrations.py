"""Numbered schema migrations. Released migrations are never edited: add a new one instead.

Each migration runs in one transaction together with the record that it ran
(sqlite-utils ``Migrations``); ``PRAGMA user_version`` mirrors the number applied so
that an archive made by a newer program is recognised before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from liangxin_desktop.storage.search_schema import SEARCH_SCHEMA

migrations = Migrations("liangxin")
Migration = Callable[[Database], None]


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db.executescript(_INITIAL_SCHEMA)
    db.execute("PRAGMA user_version = 1")


@migrations(name="0002_books")
def m0002_books(db: Database) -> None:
    db.executescript(_BOOKS_SCHEMA)
    db.execute("PRAGMA user_version = 2")


@migrations(name="0003_pipeline")
def m0003_pipeline(db: Database) -> None:
    db.executescript(_PIPELINE_SCHEMA)
    db.execute("PRAGMA user_version = 3")


@migrations(name="0004_dues")
def m0004_dues(db: Database) -> None:
    db.executescript(_DUES_SCHEMA)
    db.execute("PRAGMA user_version = 4")


@migrations(name="0005_mobile_cards")
def m0005_mobile_cards(db: Database) -> None:
    db.executescript(_MOBILE_SCHEMA)
    db.execute("PRAGMA user_version = 5")


@migrations(name="0006_files")
def m0006_files(db: Database) -> None:
    db.executescript(_FILES_SCHEMA)
    db.execute("PRAGMA user_version = 6")


@migrations(name="0007_excused_months")
def m0007_excused_months(db: Database) -> None:
    db.executescript(_EXCUSED_SCHEMA)
    db.execute("PRAGMA user_version = 7")


@migrations(name="0008_large_dues")
def m0008_large_dues(db: Database) -> None:
    db.executescript(_LARGE_DUES_SCHEMA)
    db.execute("PRAGMA user_version = 8")


@migrations(name="0009_import_batches")
def m0009_import_batches(db: Database) -> None:
    db.executescript(_IMPORT_SCHEMA)
    db.execute("PRAGMA user_version = 9")


RELEASED_BEFORE_2027 = 9  # 0001-0009 set their own user_version (released; never edited)
_LATER: list[str] = []  # the migrations after them, in order


def later_migration(name: str) -> Callable[[Migration], Migration]:
    """Register a migration after 0009; its user_version is its place in the list.

    Branches developed side by side add migrations between others; numbering by place keeps
    ``PRAGMA user_version`` equal to the count of migrations applied without renumbering.
    """
    _LATER.append(name)
    version = RELEASED_BEFORE_2027 + len(_LATER)

    def register(step: Migration) -> Migration:
        def run(db: Database) -> None:
            step(db)
            db.execute(f"PRAGMA user_version = {version}")

        migrations(name=name)(run)
        return step

    return register


@later_migration("0011_membership")
def m0011_membership(db: Database) -> None:
    db.executescript(_MEMBERSHIP_SCHEMA)
    made = db.execute(_EXISTING_PERIODS, [MIGRATED_PERIOD_NOTE, _now()]).rowcount
    db.executescript(_SUSPENDED_BECOME_STANDING)
    if made:
        db.execute(
            "INSERT INTO audit_log (at, action, table_name, fields) VALUES (?, ?, 'membership_periods', ?)",
            [_now(), "升级：按入党日期（或组织成立日期）生成在本组织时段", f"{made}条"],
        )


def _now() -> str:
    from datetime import datetime

    return datetime.now().isoformat(timespec="seconds")


@later_migration("0012_rules")
def m0012_rules(db: Database) -> None:
    db.executescript(_RULES_SCHEMA)
    for key, value in _RULE_SETTING_DEFAULTS:
        db.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)", [key, value])


@later_migration("0014_drafts")
def m0014_drafts(db: Database) -> None:
    db.executescript(_DRAFTS_SCHEMA)


@later_migration("0016_search_index")
def m0016_search_index(db: Database) -> None:
    db.executescript(SEARCH_SCHEMA)


MIGRATION_COUNT = RELEASED_BEFORE_2027 + len(_LATER)

_INITIAL_SCHEMA = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE organization (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    kind TEXT,
    formation_mode TEXT,
    founded_on TEXT,
    parent_org TEXT,
    instructor TEXT,
    term_start TEXT,
    term_end TEXT,
    host_name TEXT,
    host_kind TEXT,
    host_uscc TEXT,
    host_employees INTEGER,
    host_above_scale INTEGER,
    host_leader TEXT,
    host_address TEXT,
    keeper TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE committee_members (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    post TEXT NOT NULL,
    start_on TEXT,
    end_on TEXT,
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE six_haves (
    item TEXT PRIMARY KEY,
    done INTEGER NOT NULL DEFAULT 0,
    done_on TEXT,
    note TEXT
);
CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    sex TEXT,
    ethnicity TEXT,
    id_number TEXT UNIQUE,
    birth_date TEXT,
    education TEXT,
    degree TEXT,
    member_category TEXT,
    unit TEXT,
    joined_on TEXT,
    converted_on TEXT,
    job_post TEXT,
    phone TEXT,
    home_address TEXT,
    is_lost INTEGER NOT NULL DEFAULT 0,
    lost_since TEXT,
    is_mobile INTEGER NOT NULL DEFAULT 0,
    mobile_destination TEXT,
    native_place TEXT,
    residence TEXT,
    household_registration TEXT,
    party_post TEXT,
    work_unit_post TEXT,
    note TEXT,
    stage TEXT NOT NULL,
    left_on TEXT,
    left_kind TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- (stage): the roster in entry order without a sort; (stage, member_category): the counts;
-- people_search covers the search columns so a keystroke scans a narrow index, not the table.
CREATE INDEX people_stage ON people (stage);
CREATE INDEX people_stage_category ON people (stage, member_category);
CREATE INDEX people_search ON people (stage, name, id_number, phone, unit, work_unit_post);
CREATE INDEX people_left_on ON people (left_on);
CREATE TABLE milestones (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    detail TEXT,
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX milestones_person_kind ON milestones (person_id, kind);
CREATE INDEX milestones_kind_date ON milestones (kind, date);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id INTEGER,
    fields TEXT
);
"""

# Books kept as plain records. ``deleted_at`` marks a record in the recycle bin (回收站):
# records of these books are never removed outright, so a slip can always be undone.
_BOOKS_SCHEMA = """
CREATE TABLE good_deeds (
    id INTEGER PRIMARY KEY,
    deed_date TEXT NOT NULL,
    person TEXT NOT NULL,
    deed TEXT NOT NULL,
    beneficiary TEXT,
    verified_by TEXT,
    commendation TEXT,
    note TEXT,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    doc_date TEXT NOT NULL,
    issuer TEXT,
    doc_number TEXT,
    title TEXT NOT NULL,
    secrecy TEXT,
    copies INTEGER,
    handling TEXT,
    handler TEXT,
    note TEXT,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX documents_direction_date ON documents (direction, doc_date);
CREATE TABLE work_rules (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    adopted_on TEXT,
    revised_on TEXT,
    adopting_meeting TEXT,
    status TEXT NOT NULL,
    body TEXT,
    note TEXT,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    book TEXT NOT NULL,
    kind TEXT NOT NULL,
    meeting_date TEXT NOT NULL,
    start_time TEXT,
    end_time TEXT,
    place TEXT,
    host TEXT,
    recorder TEXT,
    topic TEXT NOT NULL,
    minutes TEXT,
    guests TEXT,
    hours REAL,
    vote_held INTEGER NOT NULL DEFAULT 0,
    vote_eligible INTEGER,
    vote_present INTEGER,
    vote_yes INTEGER,
    vote_no INTEGER,
    vote_abstain INTEGER,
    note TEXT,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX meetings_book_date ON meetings (book, meeting_date);
CREATE TABLE meeting_attendance (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    status TEXT NOT NULL CHECK (status IN ('出席', '请假', '缺席', '列席')),
    reason TEXT,
    PRIMARY KEY (meeting_id, person_id)
);
CREATE INDEX meeting_attendance_person ON meeting_attendance (person_id);
CREATE TABLE resolutions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    content TEXT NOT NULL,
    owner TEXT,
    deadline TEXT,
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE VIEW meetings_view AS
SELECT m.*,
    (SELECT count(*) FROM meeting_attendance a
        WHERE a.meeting_id = m.id AND a.status != '列席') AS expected,
    (SELECT count(*) FROM meeting_attendance a
        WHERE a.meeting_id = m.id AND a.status = '出席') AS present
FROM meetings m;
"""

# The development pipeline: facts that are not dates live on the person; every dated step is a
# milestone, and ``activists_view`` shows the steps as columns for the 入党积极分子花名册.
_PIPELINE_SCHEMA = """
ALTER TABLE people ADD COLUMN political_status TEXT;
ALTER TABLE people ADD COLUMN talked_by TEXT;
ALTER TABLE people ADD COLUMN mentors TEXT;
ALTER TABLE people ADD COLUMN sponsors TEXT;
ALTER TABLE people ADD COLUMN review_conclusion TEXT;
ALTER TABLE people ADD COLUMN training_hours REAL;
ALTER TABLE people ADD COLUMN volunteer_book_no TEXT;
CREATE VIEW activists_view AS
SELECT p.*,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'applied') AS applied_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'talked') AS talked_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'activist') AS activist_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'activist_filed') AS activist_filed_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'candidate') AS candidate_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'candidate_filed') AS candidate_filed_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'political_review') AS political_review_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'training_start') AS training_start_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'training_end') AS training_end_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'pre_review') AS pre_review_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'admitted') AS admitted_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'approved') AS approved_on
FROM people p;
"""

# 党费: money in integer fen. The yearly 核定 fixes the monthly amount per member; a payment
# belongs to one month (所属月份, ``month``) and carries its own 缴纳日期 (``paid_on``).
_DUES_SCHEMA = """
CREATE TABLE dues_assessments (
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    year INTEGER NOT NULL,
    category TEXT NOT NULL,
    base_fen INTEGER NOT NULL DEFAULT 0 CHECK (base_fen >= 0),
    rate_bp INTEGER,
    monthly_fen INTEGER NOT NULL CHECK (monthly_fen >= 0),
    approved_by TEXT,
    note TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (person_id, year)
);
CREATE TABLE dues_payments (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    month TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    paid_on TEXT NOT NULL,
    method TEXT NOT NULL,
    collector TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (person_id, month)
);
CREATE INDEX dues_payments_month ON dues_payments (month);
CREATE TABLE dues_remittances (
    id INTEGER PRIMARY KEY,
    remitted_on TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    period TEXT,
    receiver TEXT,
    note TEXT,
    created_at TEXT NOT NULL
);
"""

# 流动党员登记卡: one card per mobile member (going out, or coming in from elsewhere), with dated
# follow-up entries (年度报告, 年审, 联系). Incoming members are not in ``people``: the card holds
# their identity itself.
_MOBILE_SCHEMA = """
CREATE TABLE mobile_cards (
    id INTEGER PRIMARY KEY,
    direction TEXT NOT NULL,
    name TEXT NOT NULL,
    sex TEXT,
    id_number TEXT,
    phone TEXT,
    home_org TEXT,
    card_no TEXT,
    card_issued_on TEXT,
    card_issuer TEXT,
    away_on TEXT NOT NULL,
    expected_return TEXT,
    reason TEXT,
    destination TEXT,
    host_unit TEXT,
    host_org TEXT,
    host_contact TEXT,
    dues_where TEXT,
    dues_paid_until TEXT,
    returned_on TEXT,
    transferred_on TEXT,
    note TEXT,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE mobile_card_entries (
    id INTEGER PRIMARY KEY,
    card_id INTEGER NOT NULL REFERENCES mobile_cards (id) ON DELETE CASCADE,
    entry_date TEXT NOT NULL,
    kind TEXT NOT NULL,
    content TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0
);
"""

# 党组织活动资料簿 and 党组织活动图片册: the files themselves live in the archive (one file is the
# whole archive); ``book`` says which register a file belongs to.
_FILES_SCHEMA = """
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    book TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT,
    file_date TEXT,
    place TEXT,
    author TEXT,
    related_meeting TEXT,
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    width INTEGER,
    height INTEGER,
    data BLOB NOT NULL,
    note TEXT,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX files_book_date ON files (book, file_date);
CREATE VIEW files_view AS
SELECT id, book, title, kind, file_date, place, author, related_meeting, file_name, mime, size,
    width, height, note, deleted_at, created_at, updated_at
FROM files;
"""

# The six-month rule: months the clerk marks as having a good reason (illness, approved absence)
# do not count, separately for organizational life and for dues.
_EXCUSED_SCHEMA = """
CREATE TABLE excused_months (
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    month TEXT NOT NULL,
    what TEXT NOT NULL CHECK (what IN ('attendance', 'dues')),
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (person_id, month, what)
);
"""

# 大额党费: a voluntary one-off payment of 1000 yuan or more, recorded apart from the monthly dues.
_LARGE_DUES_SCHEMA = """
CREATE TABLE large_dues (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    paid_on TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 100000),
    note TEXT,
    created_at TEXT NOT NULL
);
"""

# Excel imports: each import is a batch that "撤销上次导入" can undo. An item is one row the import
# added or changed (``row_id`` is the rowid, so composite keys work too); ``before`` holds the
# row and its child rows as they were (JSON), ``stamp`` a digest of the row and its child rows after
# the import, so an undo can tell that a record was changed since. The meeting books' view also
# gets the attendance as names (出席/请假/缺席/列席 人员) for the Excel export and round trip.
_IMPORT_SCHEMA = """
CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY,
    register TEXT NOT NULL,
    file_name TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    undone_at TEXT
);
CREATE TABLE import_batch_items (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('add', 'update')),
    before TEXT,
    stamp TEXT
);
CREATE INDEX import_batch_items_batch ON import_batch_items (batch_id);
DROP VIEW meetings_view;
CREATE VIEW meetings_view AS
SELECT m.*,
    (SELECT count(*) FROM meeting_attendance a
        WHERE a.meeting_id = m.id AND a.status != '列席') AS expected,
    (SELECT count(*) FROM meeting_attendance a
        WHERE a.meeting_id = m.id AND a.status = '出席') AS present,
    (SELECT group_concat(name, '、') FROM (SELECT p.name FROM meeting_attendance a
        JOIN people p ON p.id = a.person_id WHERE a.meeting_id = m.id AND a.status = '出席'
        ORDER BY p.id)) AS attendees,
    (SELECT group_concat(name, '、') FROM (SELECT p.name || coalesce('（' || a.reason || '）', '')
        AS name FROM meeting_attendance a JOIN people p ON p.id = a.person_id
        WHERE a.meeting_id = m.id AND a.status = '请假' ORDER BY p.id)) AS on_leave,
    (SELECT group_concat(name, '、') FROM (SELECT p.name FROM meeting_attendance a
        JOIN people p ON p.id = a.person_id WHERE a.meeting_id = m.id AND a.status = '缺席'
        ORDER BY p.id)) AS absentees,
    (SELECT group_concat(name, '、') FROM (SELECT p.name FROM meeting_attendance a
        JOIN people p ON p.id = a.person_id WHERE a.meeting_id = m.id AND a.status = '列席'
        ORDER BY p.id)) AS observers
FROM meetings m;
"""

# The rules that decide the numbers (issue 12):
# - ``dues_changes``: a 核定 within a year that applies from an effective month (a new wage,
#   中组发〔2008〕3号 Art. 10); the yearly row of ``dues_assessments`` applies from January.
#   ``voluntary_fen`` is the part of ``monthly_fen`` a member chose to pay above the computed
#   amount (自愿多交, 组电明字〔2017〕5号), on both tables.
# - ``dues_returns``: dues the superior gives back (返还) or allocates (下拨) to the branch.
# - ``member_review_results``: each member's 民主评议 result, on the review meeting.
# - ``elections`` with ``election_candidates``: a 换届 election; ``committee_terms`` with
#   ``committee_term_members``: the committee of every term, kept when a new one is elected.
_RULES_SCHEMA = """
ALTER TABLE dues_assessments ADD COLUMN voluntary_fen INTEGER NOT NULL DEFAULT 0;
CREATE TABLE dues_changes (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    effective_month TEXT NOT NULL,
    category TEXT NOT NULL,
    base_fen INTEGER NOT NULL DEFAULT 0 CHECK (base_fen >= 0),
    rate_bp INTEGER,
    monthly_fen INTEGER NOT NULL CHECK (monthly_fen >= 0),
    voluntary_fen INTEGER NOT NULL DEFAULT 0,
    approved_by TEXT,
    note TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (person_id, effective_month)
);
CREATE TABLE dues_returns (
    id INTEGER PRIMARY KEY,
    received_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('返还', '下拨')),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    source TEXT,
    purpose TEXT,
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE member_review_results (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    result TEXT NOT NULL CHECK (result IN ('优秀', '合格', '基本合格', '不合格')),
    note TEXT,
    PRIMARY KEY (meeting_id, person_id)
);
CREATE TABLE elections (
    id INTEGER PRIMARY KEY,
    held_on TEXT NOT NULL,
    meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    entitled INTEGER NOT NULL CHECK (entitled > 0),
    present INTEGER NOT NULL CHECK (present >= 0),
    seats INTEGER NOT NULL CHECK (seats > 0),
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE election_candidates (
    id INTEGER PRIMARY KEY,
    election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    post TEXT NOT NULL,
    votes INTEGER NOT NULL CHECK (votes >= 0),
    elected INTEGER NOT NULL DEFAULT 0,
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE committee_terms (
    id INTEGER PRIMARY KEY,
    term_start TEXT,
    term_end TEXT,
    election_id INTEGER REFERENCES elections (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE committee_term_members (
    term_id INTEGER NOT NULL REFERENCES committee_terms (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    post TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0
);
DROP VIEW meetings_view;
CREATE VIEW meetings_view AS
SELECT m.*,
    (SELECT count(*) FROM meeting_attendance a
        WHERE a.meeting_id = m.id AND a.status != '列席') AS expected,
    (SELECT count(*) FROM meeting_attendance a
        WHERE a.meeting_id = m.id AND a.status = '出席') AS present,
    (SELECT group_concat(name, '、') FROM (SELECT p.name FROM meeting_attendance a
        JOIN people p ON p.id = a.person_id WHERE a.meeting_id = m.id AND a.status = '出席'
        ORDER BY p.id)) AS attendees,
    (SELECT group_concat(name, '、') FROM (SELECT p.name || coalesce('（' || a.reason || '）', '')
        AS name FROM meeting_attendance a JOIN people p ON p.id = a.person_id
        WHERE a.meeting_id = m.id AND a.status = '请假' ORDER BY p.id)) AS on_leave,
    (SELECT group_concat(name, '、') FROM (SELECT p.name FROM meeting_attendance a
        JOIN people p ON p.id = a.person_id WHERE a.meeting_id = m.id AND a.status = '缺席'
        ORDER BY p.id)) AS absentees,
    (SELECT group_concat(name, '、') FROM (SELECT p.name FROM meeting_attendance a
        JOIN people p ON p.id = a.person_id WHERE a.meeting_id = m.id AND a.status = '列席'
        ORDER BY p.id)) AS observers,
    (SELECT group_concat(result || '：' || names, '；') FROM (SELECT r.result,
        group_concat(p.name, '、') AS names FROM member_review_results r
        JOIN people p ON p.id = r.person_id WHERE r.meeting_id = m.id GROUP BY r.result
        ORDER BY CASE r.result WHEN '优秀' THEN 1 WHEN '合格' THEN 2 WHEN '基本合格' THEN 3
        ELSE 4 END)) AS review_results
FROM meetings m;
"""

# Defaults of DOMAIN.md (domain/rule_settings.py names and explains them).
_RULE_SETTING_DEFAULTS = (
    ("dues_rounding", "fen"),
    ("prepay_months", "6"),
    ("study_hours_target", "32"),
    ("study_hours_leader_target", "56"),
    ("party_lessons_per_quarter", "1"),
    ("publicity_working_days", "5"),
)

# 组织关系 and 党籍 (issue 11). A member's stays here are periods (接收/转入/组建 → 转出/死亡/出党/
# 取消资格); 停止党籍 is an interval in ``party_standing``. ``people`` keeps the current period's
# 转入日期/原党组织 and the last 停止党籍 in step (written by storage/membership.py only), like
# joined_on and left_on. Milestones may name the meeting that decided them (支委会/支部党员大会);
# meetings count 书面意见 (written opinions of absent voting members) in their vote.
_MEMBERSHIP_SCHEMA = """
CREATE TABLE membership_periods (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    start_on TEXT NOT NULL,
    start_kind TEXT NOT NULL CHECK (start_kind IN ('接收', '转入', '组建')),
    from_org TEXT,
    in_letter_no TEXT,
    dues_paid_until TEXT,
    end_on TEXT,
    end_kind TEXT CHECK (end_kind IS NULL OR end_kind IN ('转出', '死亡', '出党', '取消资格')),
    end_detail TEXT,
    decided_by TEXT,
    to_org TEXT,
    out_letter_no TEXT,
    letter_valid_until TEXT,
    out_dues_paid_until TEXT,
    receipt_on TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    CHECK (end_on IS NULL OR end_on > start_on)
);
CREATE INDEX membership_periods_person ON membership_periods (person_id, start_on);
CREATE INDEX membership_periods_start ON membership_periods (start_on, end_on);
CREATE TABLE party_standing (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    suspended_on TEXT NOT NULL,
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    restored_on TEXT,
    restored_by TEXT,
    created_at TEXT NOT NULL,
    CHECK (restored_on IS NULL OR restored_on > suspended_on)
);
CREATE INDEX party_standing_person ON party_standing (person_id, suspended_on);
ALTER TABLE people ADD COLUMN transferred_in_on TEXT;
ALTER TABLE people ADD COLUMN from_org TEXT;
ALTER TABLE people ADD COLUMN suspended_on TEXT;
ALTER TABLE people ADD COLUMN restored_on TEXT;
ALTER TABLE people ADD COLUMN approved_on TEXT;
ALTER TABLE milestones ADD COLUMN meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL;
CREATE INDEX milestones_meeting ON milestones (meeting_id);
ALTER TABLE meetings ADD COLUMN vote_written INTEGER;
UPDATE people SET approved_on = (SELECT max(date) FROM milestones m
    WHERE m.person_id = people.id AND m.kind = 'approved');
DROP VIEW activists_view;
CREATE VIEW activists_view AS
SELECT p.*,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'applied') AS applied_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'talked') AS talked_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'activist') AS activist_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'activist_filed') AS activist_filed_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'candidate') AS candidate_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'candidate_filed') AS candidate_filed_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'political_review') AS political_review_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'training_start') AS training_start_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'training_end') AS training_end_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'pre_review') AS pre_review_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'publicity_start') AS publicity_start_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'publicity_end') AS publicity_end_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'admitted') AS admitted_on
FROM people p;
"""

MIGRATED_PERIOD_NOTE = "升级时生成：原台账未记录组织关系转入，按入党日期（早于本组织成立日期的按成立日期）作为在本组织的开始日期"

# Members and leavers of the earlier versions: one period from the later of 入党日期 and the
# organization's 成立日期 (when that is before the day they left), ended as they left.
_EXISTING_PERIODS = """
INSERT INTO membership_periods (person_id, start_on, start_kind, end_on, end_kind, end_detail,
    to_org, note, created_at)
SELECT p.id, s.start_on, CASE WHEN s.start_on > p.joined_on THEN '组建' ELSE '接收' END,
    e.end_on, CASE WHEN e.end_on IS NULL THEN NULL ELSE p.left_kind END,
    CASE WHEN p.left_kind IN ('出党', '取消资格') THEN (SELECT m.detail FROM milestones m
        WHERE m.person_id = p.id AND m.kind IN ('expelled', 'disqualified') ORDER BY m.date DESC LIMIT 1) END,
    CASE WHEN p.left_kind = '转出' THEN (SELECT substr(m.detail, 4) FROM milestones m
        WHERE m.person_id = p.id AND m.kind = 'transferred_out' AND m.detail LIKE '转往：%'
        ORDER BY m.date DESC LIMIT 1) END,
    ?, ?
FROM people p
JOIN (SELECT p2.id AS id, CASE WHEN p2.stage != 'member' AND p2.left_kind != '停止党籍'
        AND p2.left_on <= coalesce(o.founded_on, '') THEN p2.joined_on
        ELSE max(p2.joined_on, coalesce(o.founded_on, p2.joined_on)) END AS start_on
    FROM people p2 LEFT JOIN organization o ON o.id = 1) s ON s.id = p.id
JOIN (SELECT id, CASE WHEN stage IN ('left', 'dropped') AND left_kind IN ('转出', '死亡', '出党', '取消资格')
        THEN left_on END AS end_on FROM people) e ON e.id = p.id
WHERE p.joined_on IS NOT NULL AND p.stage IN ('member', 'left', 'dropped')
    AND (e.end_on IS NULL OR e.end_on > s.start_on)
"""

# 停止党籍 used to take a member off the roster; now the member stays, with 党籍状态 停止党籍.
_SUSPENDED_BECOME_STANDING = """
INSERT INTO party_standing (person_id, suspended_on, reason, decided_by, created_at)
SELECT p.id, p.left_on,
    coalesce((SELECT m.note FROM milestones m WHERE m.person_id = p.id AND m.kind = 'suspended'
        ORDER BY m.date DESC LIMIT 1), '升级前登记为停止党籍'),
    '（升级前未记录）', datetime('now')
FROM people p WHERE p.stage = 'left' AND p.left_kind = '停止党籍' AND p.left_on IS NOT NULL;
UPDATE people SET stage = 'member', suspended_on = left_on, left_on = NULL, left_kind = NULL
WHERE stage = 'left' AND left_kind = '停止党籍';
"""

_DRAFTS_SCHEMA = """
CREATE TABLE drafts (
    key TEXT PRIMARY KEY,
    register TEXT NOT NULL,
    record_id INTEGER,
    label TEXT NOT NULL,
    draft_values TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
"""
