"""The development pipeline: applicants move forward by dated steps, one transaction per step.

申请人 → 入党积极分子 → 发展对象 → 预备党员 (appears in the 党员花名册 with its 入党日期)
→ 正式党员, or 延长预备期 / 取消资格. Each step is a milestone; the person is never typed twice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from liangxin_desktop.catalog.activists import ACTIVISTS, MILESTONE_FIELDS
from liangxin_desktop.catalog.fields import Problem
from liangxin_desktop.catalog.validation import Cleaned, clean_record
from liangxin_desktop.domain import pipeline_rules
from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.errors import InvalidValue, ValidationFailed
from liangxin_desktop.storage import audit, membership, pipeline_steps
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.people import find_by_id_number, get_person, sync_milestone
from liangxin_desktop.storage.records import insert_row


def _stage_for(values: Mapping[str, Any]) -> str:
    if values.get("candidate_on"):
        return "candidate"
    return "activist" if values.get("activist_on") else "applicant"


def validate_applicant(
    archive: Archive,
    raw: Mapping[str, object],
    person_id: int | None = None,
    today: date | None = None,
) -> Cleaned:
    cleaned = clean_record(ACTIVISTS, raw, today)
    number = cleaned.values.get("id_number")
    other = find_by_id_number(archive, number) if number else None
    if other is not None and other["id"] != person_id:
        cleaned.problems.append(
            Problem(
                "id_number",
                "公民身份号码",
                f"这个号码已登记在“{other['name']}”名下，同一人不能重复登记。",
            )
        )
    cleaned.problems += _people_warnings(archive, cleaned.values, today or date.today())
    return cleaned


def _people_warnings(archive: Archive, values: Mapping[str, Any], today: date) -> list[Problem]:
    """入党介绍人/培养联系人 who are not 正式党员 here today, as warnings while typing (the 支部大会
    refuses such a 介绍人 on its own day, ``admission_warnings``)."""
    return [
        Problem(role, "", message, is_error=False)  # the message names the role and person
        for role in ("sponsors", "mentors")
        for _key, message, _error in pipeline_steps.standing_findings(
            archive, role, values.get(role), today
        )
    ]


def _write(db: Any, person_id: int, values: Mapping[str, Any]) -> None:
    for key, kind in MILESTONE_FIELDS.items():
        sync_milestone(db, person_id, kind, values.get(key))


def _person_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k not in MILESTONE_FIELDS}


def add_applicant(archive: Archive, raw: Mapping[str, object], today: date | None = None) -> int:
    cleaned = validate_applicant(archive, raw, today=today)
    if not cleaned.ok:
        raise ValidationFailed(cleaned.errors)
    return insert_applicant(archive, cleaned.values)


def insert_applicant(archive: Archive, values: Mapping[str, Any]) -> int:
    """Write an applicant whose values ``validate_applicant`` accepted, with the milestones."""
    stamp = audit.now_text()
    row = dict(
        _person_columns(values),
        stage=_stage_for(values),
        created_at=stamp,
        updated_at=stamp,
    )
    with archive.transaction() as db:
        person_id = insert_row(db, "people", row)
        _write(db, person_id, values)
        audit.record(db, "新增入党申请人", "people", person_id)
    return person_id


def update_applicant(
    archive: Archive, person_id: int, raw: Mapping[str, object], today: date | None = None
) -> list[str]:
    cleaned = validate_applicant(archive, raw, person_id, today)
    if not cleaned.ok:
        raise ValidationFailed(cleaned.errors)
    before = _activist_row(archive, person_id)
    changed = [k for k, v in cleaned.values.items() if before.get(k) != v]
    if changed:
        with archive.transaction() as db:
            updates = dict(
                _person_columns({k: cleaned.values[k] for k in changed}),
                stage=_stage_for(cleaned.values),
                updated_at=audit.now_text(),
            )
            db.table("people").update(person_id, updates)
            _write(db, person_id, cleaned.values)
            audit.record(db, "修改入党申请人", "people", person_id, changed)
    return changed


def _activist_row(archive: Archive, person_id: int) -> dict[str, Any]:
    rows = list(archive.db.query("SELECT * FROM activists_view WHERE id = ?", [person_id]))
    if not rows:
        raise InvalidValue("找不到这个人员，可能已被其他操作修改。", "请刷新列表后重试。")
    return rows[0]


def get_applicant(archive: Archive, person_id: int) -> dict[str, Any]:
    return _activist_row(archive, person_id)


def _require(person: Mapping[str, Any], stages: tuple[str, ...], doing: str) -> None:
    if person["stage"] not in stages:
        raise InvalidValue(f"“{person['name']}”目前不能{doing}。", "请先完成前面的发展步骤。")


def _check_day(day: date, after: str | None, after_label: str, today: date) -> None:
    if day > today:
        raise InvalidValue("日期不能晚于今天。", "请在事情发生后再登记。")
    if after and day.isoformat() < after:
        raise InvalidValue(
            f"日期早于{after_label}（{format_cn_date(date.fromisoformat(after))}）。",
            "请核对日期。",
        )


def activist_warnings(archive: Archive, person_id: int, day: date, mentors: str) -> list[str]:
    """Before 确定为积极分子: 培养联系人 should be 1–2 full members on the day."""
    person = _activist_row(archive, person_id)
    _require(person, ("applicant",), "确定为入党积极分子")
    text = mentors.strip() or person.get("mentors")
    return [m for _k, m, _e in pipeline_steps.people_findings(archive, "mentors", text, day)]


def make_activist(
    archive: Archive,
    person_id: int,
    day: date,
    mentors: str = "",
    today: date | None = None,
    meeting_id: int | None = None,
) -> list[str]:
    """确定为入党积极分子 (by the 支委会 of ``meeting_id``); returns the warnings."""
    person = _activist_row(archive, person_id)
    _require(person, ("applicant",), "确定为入党积极分子")
    _check_day(day, person.get("applied_on"), "递交申请书日期", today or date.today())
    warnings = activist_warnings(archive, person_id, day, mentors)
    _step(
        archive,
        person_id,
        "activist",
        day,
        "activist",
        {"mentors": mentors.strip() or person.get("mentors")},
        meeting_id=meeting_id,
    )
    return warnings


def candidate_warnings(archive: Archive, person_id: int, day: date) -> list[str]:
    """Before 确定为发展对象: at least a year as activist (细则 Art. 14)."""
    person = _activist_row(archive, person_id)
    _require(person, ("activist",), "确定为发展对象")
    activist = date.fromisoformat(person["activist_on"]) if person.get("activist_on") else None
    return [m for _, m, _ in pipeline_rules.check_candidate_timing(activist, day)]


def make_candidate(
    archive: Archive,
    person_id: int,
    day: date,
    today: date | None = None,
    meeting_id: int | None = None,
) -> list[str]:
    """确定为发展对象 (by the 支委会 of ``meeting_id``); returns the warnings of the 细则."""
    person = _activist_row(archive, person_id)
    _require(person, ("activist",), "确定为发展对象")
    _check_day(day, person.get("activist_on"), "确定为积极分子日期", today or date.today())
    warnings = candidate_warnings(archive, person_id, day)
    _step(archive, person_id, "candidate", day, "candidate", {}, meeting_id=meeting_id)
    return warnings


def admission_warnings(archive: Archive, person_id: int, branch_meeting: date) -> list[str]:
    """Before 接收为预备党员: what the 细则 expects and is not (yet) recorded, as warnings; an
    applicant under 18 or an 入党介绍人 who is not a full member on the day is refused."""
    person = _activist_row(archive, person_id)
    _require(person, ("candidate",), "接收为预备党员")
    birth = date.fromisoformat(person["birth_date"]) if person.get("birth_date") else None
    applied = date.fromisoformat(person["applied_on"]) if person.get("applied_on") else None
    for _key, message, is_error in pipeline_rules.check_age(birth, applied):
        if is_error:
            raise InvalidValue(message)
    sponsors = pipeline_steps.people_findings(
        archive, "sponsors", person.get("sponsors"), branch_meeting
    )
    for _key, message, is_error in sponsors:
        if is_error:
            raise InvalidValue(message, "请在“修改”中填写两名正式党员作为入党介绍人。")
    return _expected_before_admission(person, branch_meeting) + [m for _k, m, _e in sponsors]


def _expected_before_admission(person: Mapping[str, Any], branch_meeting: date) -> list[str]:
    """What the 细则 expects before the 支部大会 and is not (yet) recorded."""
    keys = (*MILESTONE_FIELDS, "publicity_start_on", "publicity_end_on")
    day = {k: date.fromisoformat(person[k]) if person.get(k) else None for k in keys}
    warnings = [
        m
        for _, m, _ in pipeline_rules.check_training(
            day["training_start_on"], day["training_end_on"], person.get("training_hours")
        )
    ]
    if not person.get("training_start_on") and not person.get("training_hours"):
        warnings.append("没有集中培训记录：未经培训的，一般不能发展。")
    if not person.get("political_review_on"):
        warnings.append("没有政治审查记录：政审未通过的不能发展。")
    if not person.get("sponsors"):
        warnings.append("没有填写入党介绍人：应有两名正式党员作入党介绍人。")
    if not person.get("pre_review_on"):
        warnings.append("没有上级党委预审记录：支部大会讨论前应报上级党委预审。")
    if not person.get("publicity_end_on"):
        warnings.append("没有公示记录：支部大会讨论前应对发展对象进行公示。")
    warnings += [
        m
        for _, m, _ in pipeline_rules.check_publicity(
            day["publicity_start_on"], day["publicity_end_on"]
        )
    ]
    day["admitted_on"] = branch_meeting
    warnings += [m for _, m, _ in pipeline_rules.check_order(day)]
    return warnings


def admit(
    archive: Archive,
    person_id: int,
    branch_meeting: date,
    today: date | None = None,
    meeting_id: int | None = None,
) -> list[str]:
    """接收为预备党员 at the 支部大会 (``meeting_id``, with its vote): from now on in the 党员花名册,
    入党日期 = that meeting, and a period here begins (接收). Refusals and warnings as
    ``admission_warnings``."""
    today = today or date.today()
    person = _activist_row(archive, person_id)
    _require(person, ("candidate",), "接收为预备党员")
    _check_day(branch_meeting, person.get("candidate_on"), "确定为发展对象日期", today)
    warnings = admission_warnings(archive, person_id, branch_meeting)
    pipeline_steps.check_meeting_vote(archive, meeting_id, "接收为预备党员")
    with archive.transaction() as db:
        _step(
            archive,
            person_id,
            "admitted",
            branch_meeting,
            "member",
            {"member_category": "预备党员", "joined_on": branch_meeting.isoformat()},
            meeting_id=meeting_id,
        )
        membership.open_first_period(db, person_id, {"joined_on": branch_meeting.isoformat()})
    return warnings


def probation_due(archive: Archive, person_id: int) -> date:
    """When the 预备期 ends: one year from the 支部大会, plus an extension if one was decided."""
    person = get_person(archive, person_id)
    row = archive.db.execute(
        "SELECT detail FROM milestones WHERE person_id = ? AND kind = 'extended'", [person_id]
    ).fetchone()
    match = re.search(r"延长(\d+)个月", row[0] or "") if row else None
    months = int(match.group(1)) if match else 0
    return pipeline_rules.probation_end(date.fromisoformat(person["joined_on"]), months)


def extend_probation(
    archive: Archive, person_id: int, day: date, months: int, today: date | None = None
) -> date:
    """延长预备期 once, by 6–12 months; returns the new end of the 预备期."""
    person = get_person(archive, person_id)
    if person["stage"] != "member" or person["member_category"] != "预备党员":
        raise InvalidValue(f"“{person['name']}”不是预备党员，不能延长预备期。")
    for _key, message, _is_error in pipeline_rules.check_extension(months):
        raise InvalidValue(message)
    if archive.db.execute(
        "SELECT 1 FROM milestones WHERE person_id = ? AND kind = 'extended'", [person_id]
    ).fetchone():
        raise InvalidValue("预备期只能延长一次。")
    _check_day(day, person.get("joined_on"), "入党日期", today or date.today())
    end = pipeline_rules.probation_end(date.fromisoformat(person["joined_on"]), months)
    _step(
        archive,
        person_id,
        "extended",
        day,
        "member",
        {},
        detail=f"延长{months}个月，至{format_cn_date(end)}",
    )
    return end


def disqualify(
    archive: Archive, person_id: int, day: date, reason: str, today: date | None = None
) -> None:
    """取消资格 (an applicant, activist or candidate, or a 预备党员): kept in history, not deleted."""
    person = get_person(archive, person_id)
    if person["stage"] not in ("applicant", "activist", "candidate", "member") or (
        person["stage"] == "member" and person["member_category"] != "预备党员"
    ):
        raise InvalidValue(f"“{person['name']}”不能取消资格。")
    if not reason.strip():
        raise InvalidValue("请填写取消资格的原因。")
    _check_day(day, None, "", today or date.today())
    with archive.transaction() as db:
        _step(
            archive,
            person_id,
            "disqualified",
            day,
            "dropped",
            {"left_on": day.isoformat(), "left_kind": "取消资格"},
            detail=reason.strip(),
        )
        if person["stage"] == "member":  # a 预备党员's period here ends
            membership.close_period(db, person_id, day, "取消资格")


def _step(
    archive: Archive,
    person_id: int,
    kind: str,
    day: date,
    stage: str,
    updates: Mapping[str, Any],
    detail: str | None = None,
    meeting_id: int | None = None,
) -> None:
    with archive.transaction() as db:
        db.execute(
            "INSERT INTO milestones (person_id, kind, date, detail, meeting_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [person_id, kind, day.isoformat(), detail, meeting_id, audit.now_text()],
        )
        db.table("people").update(
            person_id, dict(updates, stage=stage, updated_at=audit.now_text())
        )
        audit.record(db, f"发展步骤：{kind}", "people", person_id, ["stage", *updates])
