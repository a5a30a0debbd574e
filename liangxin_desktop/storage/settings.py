"""The rule settings kept in the archive's ``settings`` table, read through ``rule_settings``."""

from __future__ import annotations

from liangxin_desktop.domain.rule_settings import SETTING_KEYS, RuleSettings, settings_from_text
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import audit
from liangxin_desktop.storage.archive import Archive


def rule_settings(archive: Archive) -> RuleSettings:
    """The settings of this archive (DOMAIN.md defaults for any not set)."""
    stored = {
        str(key): str(value)
        for key, value in archive.db.execute("SELECT key, value FROM settings").fetchall()
    }
    return settings_from_text(stored)


def save_setting(archive: Archive, key: str, value: str | int) -> None:
    """Change one rule setting; an unknown key or an unreadable value is refused."""
    if key not in SETTING_KEYS:
        raise ValueError(f"unknown setting {key!r}")
    text = str(value).strip()
    if getattr(settings_from_text({key: text}), key) != (int(text) if text.isdigit() else text):
        raise InvalidValue(f"设置值“{text}”无法识别。")
    with archive.transaction() as db:
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, text])
        audit.record(db, "修改规则设置", "settings", None, [key])
