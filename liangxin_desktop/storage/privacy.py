"""The optional 启动密码 and the idle lock, kept in the archive's ``settings`` table.

The password guards the window on a shared office PC; it is not encryption: the archive file
itself stays readable by the command-line jobs and by any SQLite tool. It is stored only as a
slow hash (``hashlib.scrypt``, a random salt, and the parameters beside it so that they may
change later) and compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import unicodedata
from dataclasses import dataclass

from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import audit
from liangxin_desktop.storage.archive import Archive

PASSWORD_KEY = "startup_password"
IDLE_KEY = "idle_lock_seconds"
# Ten minutes of no mouse or key input, once a password is set: the usual office screen-lock
# time (Windows' default screen-saver lock and most 等保 session time-outs are 10–15 minutes);
# shorter interrupts a clerk reading a long record, longer leaves the window open at lunch.
DEFAULT_IDLE_SECONDS = 600
MIN_PASSWORD_LENGTH = 6
# 2**14 × 8 × 128 bytes = 16 MB and about 0.1 s per try: slow for a guesser, quick for the clerk.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


@dataclass(frozen=True)
class PasswordHash:
    """What is stored: the scheme, its parameters, the salt and the derived key (hex)."""

    salt: str
    digest: str
    n: int
    r: int
    p: int

    def to_text(self) -> str:
        return json.dumps({"scheme": "scrypt", **self.__dict__}, sort_keys=True)

    @classmethod
    def from_text(cls, text: str) -> PasswordHash:
        data = json.loads(text)
        return cls(data["salt"], data["digest"], int(data["n"]), int(data["r"]), int(data["p"]))


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    typed = unicodedata.normalize("NFC", password).encode("utf-8")
    return hashlib.scrypt(typed, salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32)


def hash_password(password: str, salt: bytes | None = None) -> PasswordHash:
    """A new hash of ``password`` (a random 16-byte salt unless one is given)."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = _derive(password, salt, **_SCRYPT)
    return PasswordHash(salt.hex(), digest.hex(), **_SCRYPT)


def matches(stored: PasswordHash, password: str) -> bool:
    """Whether ``password`` is the one ``stored`` was made from (constant-time comparison)."""
    digest = _derive(password, bytes.fromhex(stored.salt), stored.n, stored.r, stored.p)
    return hmac.compare_digest(digest.hex(), stored.digest)


def check_new_password(password: str, repeated: str) -> None:
    """A new password must be long enough and typed the same twice."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidValue(f"新密码至少要有 {MIN_PASSWORD_LENGTH} 个字符。", "请换一个更长的密码。")
    if password != repeated:
        raise InvalidValue("两次输入的新密码不一样。", "请重新输入新密码和确认密码。")


def _stored(archive: Archive, key: str) -> str | None:
    row = archive.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def stored_password(archive: Archive) -> PasswordHash | None:
    """The archive's password hash, or None when no 启动密码 is set."""
    text = _stored(archive, PASSWORD_KEY)
    return None if not text else PasswordHash.from_text(text)


def has_password(archive: Archive) -> bool:
    return stored_password(archive) is not None


def password_accepted(archive: Archive, password: str) -> bool:
    """True when no password is set, or ``password`` is it."""
    stored = stored_password(archive)
    return stored is None or matches(stored, password)


def _require_old(archive: Archive, old: str) -> None:
    if not password_accepted(archive, old):
        raise InvalidValue("原密码不正确。", "请输入现在的启动密码；密码没有改变。")


def set_password(archive: Archive, old: str, new: str, repeated: str) -> None:
    """Set or change the 启动密码 (``old`` is ignored when none is set yet)."""
    _require_old(archive, old)
    check_new_password(new, repeated)
    action = "修改启动密码" if has_password(archive) else "设置启动密码"
    with archive.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            [PASSWORD_KEY, hash_password(new).to_text()],
        )
        audit.record(db, action, "settings", None, [PASSWORD_KEY])


def clear_password(archive: Archive, old: str) -> None:
    """Remove the 启动密码 (the old one is asked first)."""
    _require_old(archive, old)
    with archive.transaction() as db:
        db.execute("DELETE FROM settings WHERE key = ?", [PASSWORD_KEY])
        audit.record(db, "取消启动密码", "settings", None, [PASSWORD_KEY])


def idle_lock_seconds(archive: Archive) -> int:
    """Seconds without input before the window locks; 0 = never (and 0 without a password)."""
    if not has_password(archive):
        return 0
    text = _stored(archive, IDLE_KEY)
    return int(text) if text is not None and text.isdigit() else DEFAULT_IDLE_SECONDS


def save_idle_lock_seconds(archive: Archive, seconds: int) -> None:
    """Set the idle time (0: do not lock)."""
    if seconds < 0:
        raise InvalidValue("锁定时间不能是负数。")
    with archive.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [IDLE_KEY, str(seconds)]
        )
        audit.record(db, "修改空闲锁定时间", "settings", None, [IDLE_KEY])
