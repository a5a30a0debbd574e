"""The steps of the 细则 after a person is proposed (预审, 公示, 审批, 宣誓, 考察, 转正, 归档), the
meetings that decide steps, and the check that 入党介绍人/培养联系人 are full members on the day.

Every step is a milestone written in one transaction; the warnings of a step can be asked for
before it is recorded (``*_warnings``), so that the clerk decides 仍然办理 or 返回修改 first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from liangxin_desktop.catalog.meetings import COMMITTEE_MEETINGS, vote_of
from liangxin_desktop.domain import pipeline_rules, votes
from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.domain.milestones import MILESTONE_LABELS
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import audit, meetings
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.membership import counted_on_clause
from liangxin_desktop.storage.people import get_person, sync_milestone


@dataclass(frozen=True)
class StepKind:
    label: str
    stages: tuple[str, ...]  # the person's stage when the step can be recorded
    detail_label: str = ""  # the one extra answer the step needs ("" for none)
    repeats: bool = False  # several entries (the half-yearly 考察), else one per person


STEPS: dict[str, StepKind] = {
    "assessment": StepKind(
        "培养考察（半年）", ("activist", "candidate", "member"), "考察情况", True
    ),
    "pre_review": StepKind("上级党委预审", ("candidate",), "预审结果"),
    "sworn": StepKind("入党宣誓", ("member",)),
    "conversion_applied": StepKind("提出转正申请", ("member",)),
    "conversion_approved": StepKind("上级党委审批转正", ("member",), "审批的党委"),
    "archived": StepKind("材料归档", ("applicant", "activist", "candidate", "member"), "存放位置"),
}

# Who decides which step (细则 Art. 9, 14, 22, 30): the meeting kind a step is tied to.
DECIDING_MEETINGS = {
    "activist": "支委会",
    "candidate": "支委会",
    "admitted": "支部党员大会",
    "conversion_meeting": "支部党员大会",
}
# The meetings that vote on the step (细则 Art. 22, 30: the 支部党员大会 votes on 接收 and 转正).
VOTING_MEETINGS = ("支部党员大会",)
NEAR_DAYS = 45
# A 正式党员 on a day (one "?"): converted by then, or recorded as 正式党员 without a 转正日期
# (a roster typed in without it); the same test as the vote counts of ``storage/meetings.py``.
FULL_ON = "(converted_on <= ? OR (converted_on IS NULL AND member_category = '正式党员'))"
T = TypeVar("T")


def _check_day(day: date, today: date) -> None:
    if day > today:
        raise InvalidValue("日期不能晚于今天。", "请在事情发生后再登记。")


def record_step(
    archive: Archive,
    person_id: int,
    kind: str,
    day: date,
    detail: str = "",
    today: date | None = None,
) -> None:
    """Record one of ``STEPS`` (a dated milestone, with its detail) for the person."""
    step = STEPS[kind]
    person = get_person(archive, person_id)
    if person["stage"] not in step.stages:
        raise InvalidValue(f"“{person['name']}”目前不能登记“{step.label}”。")
    _check_day(day, today or date.today())
    if step.detail_label and not detail.strip():
        raise InvalidValue(f"请填写{step.detail_label}。")
    with archive.transaction() as db:
        if step.repeats:
            db.execute(
                "INSERT INTO milestones (person_id, kind, date, detail, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [person_id, kind, day.isoformat(), detail.strip() or None, audit.now_text()],
            )
        else:
            sync_milestone(db, person_id, kind, day.isoformat())
            db.execute(
                "UPDATE milestones SET detail = ? WHERE person_id = ? AND kind = ?",
                [detail.strip() or None, person_id, kind],
            )
        audit.record(db, f"发展步骤：{kind}", "milestones", person_id)


def record_publicity(
    archive: Archive, person_id: int, start: date, end: date, today: date | None = None
) -> list[str]:
    """公示 of a 发展对象 (start and end); returns the warnings (fewer than 5 working days)."""
    person = get_person(archive, person_id)
    if person["stage"] != "candidate":
        raise InvalidValue(f"“{person['name']}”不是发展对象，不需要公示。")
    _check_day(end, today or date.today())
    findings = pipeline_rules.check_publicity(start, end)
    for _key, message, is_error in findings:
        if is_error:
            raise InvalidValue(message)
    with archive.transaction() as db:
        sync_milestone(db, person_id, "publicity_start", start.isoformat())
        sync_milestone(db, person_id, "publicity_end", end.isoformat())
        audit.record(db, "发展步骤：公示", "milestones", person_id)
    return [message for _k, message, _e in findings]


def member_status(archive: Archive, names: Sequence[str], day: date) -> dict[str, str]:
    """For each name: "full" (正式党员 here in normal standing on ``day``), "probationary", or
    "absent" (not on the roster that day)."""
    found = dict.fromkeys(names, "absent")
    if not names:
        return found
    marks = ",".join("?" * len(names))
    text = day.isoformat()
    rows = archive.db.execute(
        f"SELECT name, {FULL_ON} FROM people WHERE name IN ({marks}) AND {counted_on_clause()}",
        [text, *names, *[text] * 4],
    ).fetchall()
    for name, full in rows:
        if found[name] != "full":
            found[name] = "full" if full else "probationary"
    return found


def full_members_on(archive: Archive, day: date) -> list[dict[str, Any]]:
    """The 正式党员 here in normal standing on ``day`` (入党介绍人 and 培养联系人 are picked from
    them), by 党小组 and entry order."""
    text = day.isoformat()
    return list(
        archive.db.query(
            f"SELECT id, name, unit FROM people WHERE {FULL_ON} AND {counted_on_clause()} "
            "ORDER BY unit IS NULL, unit, id",
            [text, *[text] * 4],
        )
    )


def people_findings(
    archive: Archive, role: str, text: str | None, day: date
) -> list[pipeline_rules.Finding]:
    """入党介绍人 (``role`` "sponsors") or 培养联系人 ("mentors") checked against the roster on
    ``day``: how many (2; 1–2) and that each is a full member."""
    counts = pipeline_rules.check_people_counts(
        text if role == "mentors" else None, text if role == "sponsors" else None
    )
    return counts + standing_findings(archive, role, text, day)


def standing_findings(
    archive: Archive, role: str, text: str | None, day: date
) -> list[pipeline_rules.Finding]:
    """That each 入党介绍人/培养联系人 named in ``text`` is a 正式党员 here on ``day``."""
    names = pipeline_rules.split_names(text)
    status = member_status(archive, names, day)
    return [f for name in names for f in pipeline_rules.check_full_member(role, name, status[name])]


def approval_warnings(archive: Archive, person_id: int, day: date) -> list[str]:
    """What the approval limits say about approving on ``day`` (an error beyond 6 months raises)."""
    person = get_person(archive, person_id)
    if person["stage"] != "member" or not person.get("joined_on"):
        raise InvalidValue(f"“{person['name']}”还没有经支部大会接收为预备党员，不能审批。")
    joined = date.fromisoformat(person["joined_on"])
    if day < joined:
        raise InvalidValue("审批日期早于支部大会日期，请核对。")
    finding = pipeline_rules.approval_status(joined, day, day)
    if finding and finding[2]:
        raise InvalidValue(finding[1], "请核对审批日期；确属超期的，应向上级党委说明情况。")
    return [finding[1]] if finding else []


def approve(
    archive: Archive, person_id: int, day: date, body: str, today: date | None = None
) -> list[str]:
    """上级党委审批 of a new 预备党员 (date, approving body); returns the warnings."""
    _check_day(day, today or date.today())
    if not body.strip():
        raise InvalidValue("请填写审批的党委。")
    warnings = approval_warnings(archive, person_id, day)
    with archive.transaction() as db:
        sync_milestone(db, person_id, "approved", day.isoformat())
        db.execute(
            "UPDATE milestones SET detail = ? WHERE person_id = ? AND kind = 'approved'",
            [body.strip(), person_id],
        )
        db.table("people").update(
            person_id, {"approved_on": day.isoformat(), "updated_at": audit.now_text()}
        )
        audit.record(db, "发展步骤：approved", "people", person_id, ["approved_on"])
    return warnings


def convert(
    archive: Archive,
    person_id: int,
    meeting_day: date,
    probation_ends: date,
    converted_on: date | None = None,
    meeting_id: int | None = None,
    today: date | None = None,
) -> date:
    """转为正式党员, decided by the 支部党员大会 on ``meeting_day``: the 转正日期 is the end of the
    预备期 (``probation_ends``), whatever day the meeting was held. Returns the 转正日期."""
    today = today or date.today()
    person = get_person(archive, person_id)
    if person["stage"] != "member" or person["member_category"] != "预备党员":
        raise InvalidValue(f"“{person['name']}”不是预备党员，不能办理转正。")
    day = converted_on or probation_ends
    problem = pipeline_rules.conversion_date_problem(probation_ends, day)
    if problem:
        raise InvalidValue(problem)
    _check_day(meeting_day, today)
    if probation_ends > today:
        raise InvalidValue(f"预备期到{format_cn_date(probation_ends)}才期满，不能提前转正。")
    if meeting_day.isoformat() < person["joined_on"]:
        raise InvalidValue("支部大会日期早于入党日期，请核对。")
    check_meeting_vote(archive, meeting_id, "转为正式党员")
    with archive.transaction() as db:
        db.execute(
            "INSERT INTO milestones (person_id, kind, date, meeting_id, created_at) "
            "VALUES (?, 'conversion_meeting', ?, ?, ?)",
            [person_id, meeting_day.isoformat(), meeting_id, audit.now_text()],
        )
        sync_milestone(db, person_id, "converted", day.isoformat())
        db.table("people").update(
            person_id,
            {
                "member_category": "正式党员",
                "converted_on": day.isoformat(),
                "updated_at": audit.now_text(),
            },
        )
        audit.record(db, "发展步骤：converted", "people", person_id, ["converted_on"])
    return day


def meetings_near(archive: Archive, kind: str, day: date) -> list[dict[str, Any]]:
    """Meetings of ``kind`` (支委会 / 支部党员大会) within 45 days of ``day``, nearest first: the
    meetings a step can be tied to."""
    low, high = (day - timedelta(days=NEAR_DAYS)).isoformat(), (day + timedelta(days=NEAR_DAYS))
    rows = archive.db.query(
        "SELECT id, meeting_date, kind, topic FROM meetings WHERE deleted_at IS NULL AND kind = ? "
        "AND meeting_date BETWEEN ? AND ?",
        [kind, low, high.isoformat()],
    )
    return sorted(rows, key=lambda r: abs((date.fromisoformat(r["meeting_date"]) - day).days))


def link_meeting(archive: Archive, person_id: int, kind: str, meeting_id: int | None) -> None:
    """Tie the person's latest ``kind`` step to the meeting that decided it."""
    with archive.transaction() as db:
        db.execute(
            "UPDATE milestones SET meeting_id = ? WHERE id = (SELECT id FROM milestones "
            "WHERE person_id = ? AND kind = ? ORDER BY date DESC, id DESC LIMIT 1)",
            [meeting_id, person_id, kind],
        )


def decisions_of(archive: Archive, meeting_id: int) -> list[str]:
    """What a meeting decided about people (确定为积极分子 …), for the meeting's page."""
    rows = archive.db.execute(
        "SELECT p.name, m.kind FROM milestones m JOIN people p ON p.id = m.person_id "
        "WHERE m.meeting_id = ? ORDER BY m.id",
        [meeting_id],
    ).fetchall()
    return [f"{MILESTONE_LABELS.get(kind, kind)}：{name}" for name, kind in rows]


def with_new_meeting(
    archive: Archive,
    kind: str,
    day: date,
    topic: str,
    vote: Mapping[str, Any] | None,
    then: Callable[[int], T],
) -> T:
    """Make the record of the meeting that decides a step (``kind`` on ``day``, in the 党组织会议
    记录簿, with the vote of a 支部党员大会) and record the step at it (``then`` gets the new
    meeting's id), in one transaction: a refused step leaves no meeting behind. The clerk
    completes the record (attendance, minutes) in the meeting register later."""
    raw: dict[str, Any] = {"meeting_date": day.isoformat(), "kind": kind, "topic": topic}
    if vote is not None:
        raw.update(vote, vote_held=True)
    with archive.transaction():
        meeting_id = meetings.save_meeting(archive, COMMITTEE_MEETINGS, raw, [])
        return then(meeting_id)


def check_meeting_vote(archive: Archive, meeting_id: int | None, doing: str) -> None:
    """A step voted on by a 支部党员大会 is refused when the vote recorded there did not pass
    (细则 Art. 22: 赞成人数超过应到会有表决权的正式党员的半数)."""
    if meeting_id is None:
        return
    rows = list(archive.db.query("SELECT * FROM meetings WHERE id = ?", [meeting_id]))
    if not rows or not rows[0].get("vote_held"):
        return
    vote = vote_of(rows[0])
    if not votes.is_passed(vote):
        raise InvalidValue(
            f"所选会议记录的表决结果为“{votes.result_text(vote)}”，不能{doing}。",
            "请核对会议记录中的表决情况。",
        )


def vote_missing(archive: Archive, meeting_id: int | None) -> list[str]:
    """A warning when the 支部党员大会 chosen has no vote recorded yet."""
    if meeting_id is None:
        return []
    row = archive.db.execute("SELECT vote_held FROM meetings WHERE id = ?", [meeting_id]).fetchone()
    if row is None or row[0]:
        return []
    return ["所选的会议记录还没有登记表决情况：请在会议记录中补记表决结果。"]
