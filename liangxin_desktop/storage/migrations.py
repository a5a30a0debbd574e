"""Numbered schema migrations. Released migrations are never edited: add a new one instead.

Each migration runs in one transaction together with the record that it ran
(sqlite-utils ``Migrations``); ``PRAGMA user_version`` mirrors the number applied so
that an archive made by a newer program is recognised before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from liangxin_desktop.storage.schema_later import (
    DRAFTS_SCHEMA,
    EXISTING_PERIODS,
    MEMBERSHIP_SCHEMA,
    MIGRATED_PERIOD_NOTE,
    REMINDERS_SCHEMA,
    RULE_SETTING_DEFAULTS,
    RULES_SCHEMA,
    SUSPENDED_BECOME_STANDING,
)
from liangxin_desktop.storage.schema_released import (
    BOOKS_SCHEMA,
    DUES_SCHEMA,
    EXCUSED_SCHEMA,
    FILES_SCHEMA,
    IMPORT_SCHEMA,
    INITIAL_SCHEMA,
    LARGE_DUES_SCHEMA,
    MOBILE_SCHEMA,
    PIPELINE_SCHEMA,
)
from liangxin_desktop.storage.search_schema import SEARCH_SCHEMA

migrations = Migrations("liangxin")
Migration = Callable[[Database], None]


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db.executescript(INITIAL_SCHEMA)
    db.execute("PRAGMA user_version = 1")


@migrations(name="0002_books")
def m0002_books(db: Database) -> None:
    db.executescript(BOOKS_SCHEMA)
    db.execute("PRAGMA user_version = 2")


@migrations(name="0003_pipeline")
def m0003_pipeline(db: Database) -> None:
    db.executescript(PIPELINE_SCHEMA)
    db.execute("PRAGMA user_version = 3")


@migrations(name="0004_dues")
def m0004_dues(db: Database) -> None:
    db.executescript(DUES_SCHEMA)
    db.execute("PRAGMA user_version = 4")


@migrations(name="0005_mobile_cards")
def m0005_mobile_cards(db: Database) -> None:
    db.executescript(MOBILE_SCHEMA)
    db.execute("PRAGMA user_version = 5")


@migrations(name="0006_files")
def m0006_files(db: Database) -> None:
    db.executescript(FILES_SCHEMA)
    db.execute("PRAGMA user_version = 6")


@migrations(name="0007_excused_months")
def m0007_excused_months(db: Database) -> None:
    db.executescript(EXCUSED_SCHEMA)
    db.execute("PRAGMA user_version = 7")


@migrations(name="0008_large_dues")
def m0008_large_dues(db: Database) -> None:
    db.executescript(LARGE_DUES_SCHEMA)
    db.execute("PRAGMA user_version = 8")


@migrations(name="0009_import_batches")
def m0009_import_batches(db: Database) -> None:
    db.executescript(IMPORT_SCHEMA)
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


def version_before(name: str) -> int:
    """The user_version of an archive migrated up to (not including) the later migration
    ``name`` — what an archive of the version before it carries."""
    return RELEASED_BEFORE_2027 + _LATER.index(name)


@later_migration("0011_membership")
def m0011_membership(db: Database) -> None:
    db.executescript(MEMBERSHIP_SCHEMA)
    made = db.execute(EXISTING_PERIODS, [MIGRATED_PERIOD_NOTE, _now()]).rowcount
    db.executescript(SUSPENDED_BECOME_STANDING)
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
    db.executescript(RULES_SCHEMA)
    for key, value in RULE_SETTING_DEFAULTS:
        db.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)", [key, value])


@later_migration("0013_reminders")
def m0013_reminders(db: Database) -> None:
    db.executescript(REMINDERS_SCHEMA)


@later_migration("0014_drafts")
def m0014_drafts(db: Database) -> None:
    db.executescript(DRAFTS_SCHEMA)


@later_migration("0016_search_index")
def m0016_search_index(db: Database) -> None:
    db.executescript(SEARCH_SCHEMA)


@later_migration("0015_people_picked")  # named by its issue, placed after every other migration
def m0015_people_picked(db: Database) -> None:
    """A committee entry links to its roster row (filled where the name is one member's)."""
    db.executescript(_PEOPLE_PICKED_SCHEMA)


MIGRATION_COUNT = RELEASED_BEFORE_2027 + len(_LATER)

_PEOPLE_PICKED_SCHEMA = """
ALTER TABLE committee_members ADD COLUMN person_id INTEGER REFERENCES people (id) ON DELETE SET NULL;
UPDATE committee_members SET person_id = (
    SELECT p.id FROM people p WHERE p.name = committee_members.name
) WHERE (SELECT count(*) FROM people p WHERE p.name = committee_members.name) = 1;
"""
