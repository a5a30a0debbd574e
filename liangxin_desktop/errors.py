"""Expected problems (user input, environment) as exception classes; everything else is a bug.

Every class carries a Chinese ``headline`` (what is wrong) and ``advice`` (what to do).
The UI and the command line turn these into messages; they never show a traceback for them.
"""

from __future__ import annotations


class LiangxinError(Exception):
    """An expected problem the clerk can act on."""

    advice = ""

    def __init__(self, headline: str, advice: str | None = None) -> None:
        super().__init__(headline)
        self.headline = headline
        if advice is not None:
            self.advice = advice

    def message(self) -> str:
        """Headline plus advice as one plain Chinese text."""
        return f"{self.headline}{self.advice}" if self.advice else self.headline


class InvalidValue(LiangxinError):
    """One value typed or imported is not acceptable (the headline names the problem)."""


class ValidationFailed(LiangxinError):
    """A record has one or more invalid fields; ``problems`` lists them."""

    def __init__(self, problems: list, headline: str | None = None) -> None:  # list[Problem]
        self.problems = problems
        text = headline or "；".join(p.text() for p in problems if p.is_error)
        super().__init__(text or "记录中有不正确的内容。", "请改正后再保存。")


class ArchiveError(LiangxinError):
    """The archive file cannot be used (not an archive, corrupt, read-only, locked, too new)."""


class ArchiveLocked(ArchiveError):
    """Another running copy of the app has the archive open."""


class ArchiveDamaged(ArchiveError):
    """The archive file is damaged: it is never opened for writing; a backup is offered."""


class ArchiveReadOnly(ArchiveError):
    """The archive (or its folder) cannot be written: it may still be opened read-only."""


class ArchiveUnwritable(ArchiveError):
    """An archive opened for writing can no longer be written (the USB stick was pulled, the
    file was removed, moved or made read-only): the window goes on read-only."""


class OutputError(LiangxinError):
    """An export or print file could not be written."""


class BundleError(LiangxinError):
    """A hand-over bundle cannot be read: wrong password, damaged, unsafe or not a bundle at all."""


class Cancelled(Exception):
    """The clerk cancelled a long job; nothing was written under the final name."""
