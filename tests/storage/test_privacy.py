"""启动密码 and the idle-lock setting: a scrypt hash with salt and parameters in ``settings``,
the old password asked before a change, the weekly integrity check's schedule."""

from __future__ import annotations

import json
from datetime import date

import pytest

from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import integrity, privacy

# RFC 7914 §12, the second test vector: scrypt("password", "NaCl", N=1024, r=8, p=16); the
# first 32 bytes of its 64-byte key (PBKDF2's blocks are independent: a shorter key is a prefix).
RFC_7914_PREFIX = "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"


def _audit(archive) -> list[tuple[str, str]]:
    return archive.db.execute("SELECT action, fields FROM audit_log ORDER BY id").fetchall()


def test_a_stored_hash_checks_the_password_of_the_rfc_vector() -> None:
    stored = privacy.PasswordHash(b"NaCl".hex(), RFC_7914_PREFIX, n=1024, r=8, p=16)
    assert privacy.matches(stored, "password")
    assert not privacy.matches(stored, "Password")
    again = privacy.PasswordHash.from_text(stored.to_text())
    assert again == stored and json.loads(stored.to_text())["scheme"] == "scrypt"


def test_each_hash_has_its_own_salt() -> None:
    first, second = privacy.hash_password("党建台账2026"), privacy.hash_password("党建台账2026")
    assert first.salt != second.salt and first.digest != second.digest
    assert privacy.matches(first, "党建台账2026") and privacy.matches(second, "党建台账2026")
    assert (first.n, first.r, first.p) == (2**14, 8, 1)


def test_setting_changing_and_removing_the_password(archive) -> None:
    assert not privacy.has_password(archive) and privacy.password_accepted(archive, "")
    privacy.set_password(archive, "", "zhibu2026", "zhibu2026")
    text = archive.db.execute(
        "SELECT value FROM settings WHERE key = 'startup_password'"
    ).fetchone()[0]
    assert "zhibu2026" not in text and privacy.password_accepted(archive, "zhibu2026")
    assert not privacy.password_accepted(archive, "zhibu2025")
    with pytest.raises(InvalidValue, match="原密码不正确"):
        privacy.set_password(archive, "wrong-old", "new-password", "new-password")
    privacy.set_password(archive, "zhibu2026", "new-password", "new-password")
    assert privacy.password_accepted(archive, "new-password")
    with pytest.raises(InvalidValue, match="原密码不正确"):
        privacy.clear_password(archive, "zhibu2026")
    privacy.clear_password(archive, "new-password")
    assert not privacy.has_password(archive)
    assert _audit(archive) == [
        ("设置启动密码", "startup_password"),
        ("修改启动密码", "startup_password"),
        ("取消启动密码", "startup_password"),
    ]


@pytest.mark.parametrize(
    ("new", "repeated", "message"),
    [("12345", "12345", "至少要有 6 个字符"), ("123456", "123457", "两次输入的新密码不一样")],
)
def test_a_bad_new_password_is_refused_and_nothing_changes(archive, new, repeated, message):
    with pytest.raises(InvalidValue, match=message):
        privacy.set_password(archive, "", new, repeated)
    assert not privacy.has_password(archive) and _audit(archive) == []


def test_the_idle_lock_needs_a_password_and_defaults_to_ten_minutes(archive) -> None:
    assert privacy.idle_lock_seconds(archive) == 0  # no password: no lock
    privacy.set_password(archive, "", "zhibu2026", "zhibu2026")
    assert privacy.idle_lock_seconds(archive) == 600
    privacy.save_idle_lock_seconds(archive, 0)
    assert privacy.idle_lock_seconds(archive) == 0
    privacy.save_idle_lock_seconds(archive, 1800)
    assert privacy.idle_lock_seconds(archive) == 1800
    with pytest.raises(InvalidValue):
        privacy.save_idle_lock_seconds(archive, -60)


@pytest.mark.parametrize(
    ("last", "today", "due"),
    [
        (None, date(2026, 11, 28), True),
        (date(2026, 11, 21), date(2026, 11, 28), True),  # exactly a week
        (date(2026, 11, 22), date(2026, 11, 28), False),  # six days
        (date(2026, 11, 28), date(2026, 11, 28), False),
    ],
)
def test_the_integrity_check_is_weekly(last, today, due) -> None:
    assert integrity.check_due(last, today) is due


def test_a_sound_archive_passes_and_the_day_is_kept(demo_archive) -> None:
    steps: list[tuple[int, int]] = []
    assert integrity.integrity_problems(demo_archive, lambda d, t: steps.append((d, t))) == []
    assert steps[-1] == (1, 1)
    integrity.note_check(demo_archive, date(2026, 11, 28))
    assert integrity.last_check(demo_archive) == date(2026, 11, 28)


def test_damage_that_quick_check_misses_is_found(demo_archive) -> None:
    from damage import swap_two_indexes

    from liangxin_desktop.storage.archive import open_archive

    path = demo_archive.path
    demo_archive.close()
    swap_two_indexes(path)
    reopened = open_archive(path)  # quick_check at open passes
    try:
        problems = integrity.integrity_problems(reopened)
    finally:
        reopened.close()
    assert problems and any("people_by_name" in p for p in problems)
