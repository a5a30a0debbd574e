"""What a reminder is, and the plain records every reminder kind reads (no SQL, no Qt).

A kind is a pure function ``find(facts, today) -> list[Reminder]``; the storage layer fills
``Facts`` from the archive and applies what the clerk settled (已处理, 暂缓到).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

SOON_DAYS = 30  # 即将: due within a month


class Urgency(Enum):
    """In the order the 首页 lists them."""

    OVERDUE = "逾期"
    THIS_MONTH = "本月"
    SOON = "即将"
    NOTE = "提示"

    @property
    def rank(self) -> int:
        return list(Urgency).index(self)


@dataclass(frozen=True)
class RecordLink:
    """The record a reminder is about: a register key and a row id (None: the register itself)."""

    register: str
    record_id: int | None = None


@dataclass(frozen=True)
class Reminder:
    kind: str  # the ReminderKind key
    urgency: Urgency
    message: str  # one Chinese sentence: what is due and what to do
    due: date | None = None
    person: str | None = None
    record: RecordLink | None = None
    action: str = "open"  # what settles it in the window: open, edit, convert, make_candidate …
    subject: str = ""  # with kind and due, names the reminder for the stored 已处理/暂缓 state

    @property
    def key(self) -> str:
        """Stable while the fact stays the same; a new due date is a new reminder."""
        due = self.due.isoformat() if self.due else ""
        return f"{self.kind}|{self.subject}|{due}"

    def as_json(self) -> dict[str, Any]:
        record = (
            {"register": self.record.register, "id": self.record.record_id} if self.record else None
        )
        return {
            "kind": self.kind,
            "urgency": self.urgency.value,
            "due": self.due.isoformat() if self.due else None,
            "person": self.person,
            "record": record,
            "message": self.message,
        }


@dataclass(frozen=True)
class MeetingFact:
    meeting_date: date
    kind: str
    book: str


@dataclass(frozen=True)
class MobileCardFact:
    card_id: int
    name: str
    away_on: date
    returned_on: date | None
    transferred_on: date | None
    card_issued_on: date | None
    reports: tuple[date, ...] = ()  # 年度报告 entries
    reviews: tuple[date, ...] = ()  # 年审 entries


@dataclass(frozen=True)
class TransferFact:
    """A 转出 and its 组织关系介绍信 (the period it ended)."""

    period_id: int
    person_id: int
    name: str
    to_org: str | None
    valid_until: date | None
    receipt_on: date | None


@dataclass
class Facts:
    """The archive as the reminder kinds read it: plain dicts and dates, filled by storage."""

    organization: dict[str, Any] = field(default_factory=dict)
    committee: list[dict[str, Any]] = field(default_factory=list)
    six_haves_missing: list[str] = field(default_factory=list)
    members: list[dict[str, Any]] = field(default_factory=list)  # current members
    admitted_here: set[int] = field(default_factory=set)  # members whose period here began by 接收
    full_members: int = 0  # on today
    probation_ends: dict[int, date] = field(default_factory=dict)  # 预备党员 → end of 预备期
    applicants: list[dict[str, Any]] = field(default_factory=list)  # activists_view rows
    six_month_flags: list[Any] = field(default_factory=list)  # storage.six_month.MemberFlag
    assessed_this_year: set[int] = field(default_factory=set)
    paid_this_month: set[int] = field(default_factory=set)
    dues_paid_by_month: dict[str, int] = field(default_factory=dict)  # 所属月份 → fen paid
    remittances: list[tuple[date, str | None]] = field(default_factory=list)  # 上缴: day, 所属期间
    transfers_out: list[TransferFact] = field(default_factory=list)
    meetings: list[MeetingFact] = field(default_factory=list)
    mobile_cards: list[MobileCardFact] = field(default_factory=list)
    # 三会一课 (domain.compliance.PeriodCheck): through the last period over, and the current ones
    compliance_done: list[Any] = field(default_factory=list)
    compliance_current: list[Any] = field(default_factory=list)
    study_hours: list[Any] = field(default_factory=list)  # domain.study_hours.StudyHours, this year


Finder = Callable[[Facts, date], list[Reminder]]


@dataclass(frozen=True)
class ReminderKind:
    key: str
    label: str  # the 首页's name for the kind
    find: Finder
    dismissable: bool = True  # 已处理 makes sense (the fact may be done outside the archive)


def as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def urgency_of_due(due: date, today: date, soon_days: int = SOON_DAYS) -> Urgency | None:
    """逾期 once past, 本月 when due this month, 即将 within ``soon_days``; None when further off."""
    if due < today:
        return Urgency.OVERDUE
    if (due.year, due.month) == (today.year, today.month):
        return Urgency.THIS_MONTH
    if (due - today).days <= soon_days:
        return Urgency.SOON
    return None


def due_or_overdue(
    due: date, today: date, overdue: str, upcoming: str
) -> tuple[Urgency, str] | None:
    """A dated duty: its urgency and the sentence for it (``overdue`` once past), or None."""
    urgency = urgency_of_due(due, today)
    if urgency is None:
        return None
    return urgency, overdue if urgency is Urgency.OVERDUE else upcoming
