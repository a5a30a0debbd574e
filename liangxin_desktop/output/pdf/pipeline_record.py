"""发展党员纪实表: one person's way through the development pipeline, on one page.

The steps follow the five stages of the 发展党员工作细则, each with its date, what was
recorded with it, and the time limit that applies; the 细则 checks the app makes on the
form are printed under the table, so the page can be reviewed as it stands.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from reportlab.lib.units import mm

from liangxin_desktop.catalog.activists import ACTIVISTS, check_pipeline
from liangxin_desktop.catalog.fields import display_value
from liangxin_desktop.catalog.meetings import vote_of
from liangxin_desktop.domain import pipeline_rules, votes
from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.output.pdf.document import Book, PageSetup
from liangxin_desktop.output.pdf.flow import Cell, Unit, grid_row, pairs_row, text_line
from liangxin_desktop.output.pdf.fonts import SANS, register_fonts
from liangxin_desktop.output.pdf.parts import Record, RecordPages, record_title, signature_line
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.organization import organization_name

LABEL = 30 * mm
_RULES = pipeline_rules.CURRENT


def _steps(
    row: Mapping[str, Any], events: Mapping[str, Sequence[Mapping[str, Any]]]
) -> list[tuple[str, str, str, str, str]]:
    """(stage, step, date text, what was recorded, time limit) in the 细则's order."""

    def day(key: str) -> str:
        return format_cn_date(row[key]) if row.get(key) else ""

    def event(kind: str) -> tuple[str, str]:
        found = events.get(kind) or []
        if not found:
            return "", ""
        last = found[-1]
        return format_cn_date(last["date"]), "；".join(
            str(part) for part in (last.get("detail"), last.get("note")) if part
        )

    training = day("training_start_on")
    if row.get("training_end_on"):
        training += f"至{day('training_end_on')}"
    hours = row.get("training_hours")
    review = row.get("review_conclusion") or ""
    extended, extended_detail = event("extended")
    converted, converted_detail = event("converted")
    disqualified, disqualified_detail = event("disqualified")
    steps = [
        ("一、申请入党", "递交入党申请书", day("applied_on"), "", f"年满{_RULES.minimum_age}周岁"),
        (
            "",
            "党组织派人谈话",
            day("talked_on"),
            f"谈话人：{row['talked_by']}" if row.get("talked_by") else "",
            f"收到申请后{_RULES.talk_within_months}个月内",
        ),
        (
            "二、入党积极分子",
            "确定为入党积极分子",
            day("activist_on"),
            _join(
                "支委会确定" if row.get("activist_on") else "",
                f"联系人：{row['mentors']}" if row.get("mentors") else "",
                f"备案：{day('activist_filed_on')}" if row.get("activist_filed_on") else "",
            ),
            f"联系人{_RULES.mentors[0]}至{_RULES.mentors[1]}名正式党员",
        ),
        ("", "培养考察", "", _assessments(events.get("assessment", [])), "每半年一次"),
        (
            "三、发展对象",
            "确定为发展对象",
            day("candidate_on"),
            _join(
                f"介绍人：{row['sponsors']}" if row.get("sponsors") else "",
                f"备案：{day('candidate_filed_on')}" if row.get("candidate_filed_on") else "",
            ),
            f"考察{_RULES.activist_min_months}个月以上；介绍人{_RULES.sponsors}名正式党员",
        ),
        ("", "政治审查", day("political_review_on"), f"结论：{review}" if review else "", ""),
        (
            "",
            "集中培训",
            training,
            f"{hours:g}学时" if isinstance(hours, (int, float)) else "",
            f"不少于{_RULES.training_min_days}天或{_RULES.training_min_hours:g}学时",
        ),
        ("四、接收预备党员", "上级党委预审", day("pre_review_on"), event("pre_review")[1], ""),
        (
            "",
            "公示",
            _span(day("publicity_start_on"), day("publicity_end_on")),
            "",
            f"不少于{_RULES.publicity_working_days}个工作日",
        ),
        (
            "",
            "支部大会讨论接收",
            day("admitted_on"),
            "；".join(
                part
                for part in (
                    _vote_detail(events.get("admitted")),
                    f"入党志愿书编号：{row['volunteer_book_no']}"
                    if row.get("volunteer_book_no")
                    else "",
                )
                if part
            ),
            "到会有表决权者过半数",
        ),
        (
            "",
            "上级党委审批",
            day("approved_on"),
            event("approved")[1],
            f"{_RULES.approval_months}个月内，最长{_RULES.approval_max_months}个月",
        ),
        ("五、考察和转正", "入党宣誓", *event("sworn"), ""),
        ("", "提出转正申请", *event("conversion_applied"), "预备期满前"),
        (
            "",
            "支部大会讨论转正",
            event("conversion_meeting")[0],
            _vote_detail(events.get("conversion_meeting")),
            "",
        ),
        (
            "",
            "转为正式党员",
            converted,
            converted_detail,
            "预备期满之日为转正日期",
        ),
        ("", "上级党委审批转正", *event("conversion_approved"), ""),
        ("", "材料归档", *event("archived"), ""),
    ]
    if extended:
        steps.insert(
            -1,
            (
                "",
                "延长预备期",
                extended,
                extended_detail,
                f"{_RULES.extension_min_months}至{_RULES.extension_max_months}个月，只能一次",
            ),
        )
    if disqualified:
        steps.append(("", "取消预备党员资格", disqualified, disqualified_detail, ""))
    return steps


def _assessments(found: Sequence[Mapping[str, Any]]) -> str:
    """The half-yearly 考察 entries (of the activist, then of the 预备党员): dates and findings."""
    days = "、".join(format_cn_date(e["date"]) for e in found)
    details = {e.get("detail") or "" for e in found}
    if len(details) == 1:  # the usual case: the same finding every time
        return days + (f"（{details.pop()}）" if "" not in details else "")
    return "；".join(
        format_cn_date(e["date"]) + (f"：{e['detail']}" if e.get("detail") else "") for e in found
    )


def _join(*parts: str) -> str:
    return "；".join(part for part in parts if part)


def _span(start: str, end: str) -> str:
    return f"{start}至{end}" if start and end else start or end


def _vote_detail(found: Sequence[Mapping[str, Any]] | None) -> str:
    """The vote of the meeting that decided a step, written out (written opinions counted)."""
    if not found or not found[-1].get("vote_held"):
        return ""
    vote = vote_of(dict(found[-1]))
    written = f"，书面意见{vote.written}份" if vote.written else ""
    return (
        f"应到会有表决权{vote.entitled}人，实到{vote.present}人{written}；赞成{vote.yes}票，"
        f"反对{vote.no}票，弃权{vote.abstain}票：{votes.result_text(vote)}"
    )


def pipeline_units(
    row: Mapping[str, Any],
    events: Mapping[str, Sequence[Mapping[str, Any]]],
    width: float,
    today: date,
) -> list[Unit]:
    def value(key: str) -> str:
        return display_value(ACTIVISTS.field(key), row.get(key), printed=True)

    units = record_title("发展党员工作纪实表")
    units += pairs_row(
        [("姓    名", value("name")), ("性    别", value("sex")), ("民    族", value("ethnicity"))],
        width,
        LABEL,
    )
    units += pairs_row(
        [("出生日期", value("birth_date")), ("学    历", value("education"))], width, LABEL
    )
    units += pairs_row(
        [("公民身份号码", value("id_number")), ("联系电话", value("phone"))], width, LABEL
    )
    units += pairs_row([("工作单位及职务", value("work_unit_post"))], width, LABEL)
    widths = (21 * mm, 42 * mm, 32 * mm)  # 2026年12月28日 stays on one line
    rest = width - sum(widths)
    columns = (*widths, rest * 0.5, rest * 0.5)
    units.append(Unit(2 * mm))
    units += grid_row(
        [
            Cell(text, w, label=True)
            for text, w in zip(
                ("阶段", "程序", "日期", "情况记录", "时限要求"), columns, strict=True
            )
        ],
        split=False,
    )
    units[-1].keep_with_next = True
    for stage, step, when, detail, limit in _steps(row, events):
        units += grid_row(
            [
                Cell(stage, columns[0]),
                Cell(step, columns[1]),
                Cell(when, columns[2], align="centre"),
                Cell(detail, columns[3]),
                Cell(limit, columns[4]),
            ],
            split=False,
            leading=14.0,
            pad=2.2,
        )
    problems = check_pipeline(dict(row), today)
    notes = (
        "\n".join(f"{p.label}：{p.message}" for p in problems)
        if problems
        else "未发现不符合时限和程序要求的情况。"
    )
    units += grid_row([Cell("审核提示", columns[0], label=True), Cell(notes, width - columns[0])])
    units.append(text_line(f"打印日期：{format_cn_date(today)}", SANS, 9, "right", 2 * mm))
    units.append(signature_line(["党支部书记（签字）：", "经办人（签字）："], width, 1 * mm))
    return units


def person_events(archive: Archive, person_id: int) -> dict[str, list[dict[str, Any]]]:
    events: dict[str, list[dict[str, Any]]] = {}
    for event in archive.db.query(
        "SELECT m.kind, m.date, m.detail, m.note, t.vote_held, t.vote_eligible, t.vote_present, "
        "t.vote_yes, t.vote_no, t.vote_abstain, t.vote_written FROM milestones m "
        "LEFT JOIN meetings t ON t.id = m.meeting_id WHERE m.person_id = ? ORDER BY m.date, m.id",
        [person_id],
    ):
        events.setdefault(event["kind"], []).append(event)
    return events


def pipeline_book(archive: Archive, person_id: int, today: date, binding: bool = False) -> Book:
    """The 纪实表 of one person (an applicant, activist, candidate or member) as a book."""
    register_fonts()
    row = archive.db.execute("SELECT 1 FROM people WHERE id = ?", [person_id]).fetchone()
    if row is None:
        raise KeyError(person_id)
    person = next(archive.db.query("SELECT * FROM activists_view WHERE id = ?", [person_id]))
    setup = PageSetup("portrait", organization_name(archive), "发展党员工作纪实表", binding)
    _, _, width, _ = setup.body
    units = pipeline_units(person, person_events(archive, person_id), width, today)
    record = Record(units, bookmark=person["name"])
    return Book(f"发展党员工作纪实表（{person['name']}）", [RecordPages(setup, [record], "")])
