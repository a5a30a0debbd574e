"""Numbered schema migrations. Released migrations are never edited: add a new one instead.

Each migration runs in one transaction together with the record that it ran
(sqlite-utils ``Migrations``); ``PRAGMA user_version`` mirrors the number applied so
that an archive made by a newer program is recognised before anything is written.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("liangxin")


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db.executescript(_INITIAL_SCHEMA)
    db.execute("PRAGMA user_version = 1")


MIGRATION_COUNT = 1

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
