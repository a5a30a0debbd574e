"""Registers printed record by record: the meeting-like books and the 工作制度汇总册.

Each meeting is printed from the top of a new page in the layout of DOMAIN.md (header block,
出席/缺席/列席, 议题, 会议记录, 表决情况, 决议事项, attachments, signature lines); each work rule
as a document with its full text. The book's 目录 lists the records with their pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import mm

from liangxin_desktop.catalog.meetings import vote_result
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.output.pdf.flow import (
    Cell,
    Unit,
    field_row,
    grid_row,
    pairs_row,
    paragraphs,
    spacer,
    text_line,
)
from liangxin_desktop.output.pdf.fonts import SANS
from liangxin_desktop.output.pdf.parts import (
    Column,
    Record,
    record_title,
    section_label,
    signature_line,
)
from liangxin_desktop.storage import queries
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.meetings import (
    attendance_by_meeting,
    files_by_meeting_label,
    meeting_label,
    resolutions_by_meeting,
)

LABEL_WIDTH = 30 * mm
MINUTES_BLANK_LINES = 10
MINUTES_MIN_LINES = 8  # room to write by hand when no minutes were typed

MEETING_CONTENTS = (
    Column("序号", 0.55, "centre"),
    Column("日期", 1.75, "centre"),  # 2026年12月28日 whole, never cut
    Column("类型", 1.5),
    Column("议题", 4.7),
    Column("页码", 0.6, "centre"),
)
RULE_CONTENTS = (
    Column("序号", 0.55, "centre"),
    Column("制度名称", 3.9),
    Column("通过日期", 1.75, "centre"),
    Column("状态", 0.9, "centre"),
    Column("页码", 0.6, "centre"),
)


def _cn(value: Any) -> str:
    return format_cn_date(value) if value else ""


def _time_text(row: Mapping[str, Any]) -> str:
    text = _cn(row.get("meeting_date"))
    start, end = row.get("start_time"), row.get("end_time")
    if start and end:
        text += f"  {start}—{end}"
    elif start:
        text += f"  {start}起"
    return text


def _attendance_texts(
    attendance: Sequence[tuple[str, str, str]], guests: str
) -> tuple[str, str, str]:
    present = [name for status, name, _ in attendance if status == "出席"]
    leave = [
        f"{name}（{reason}）" if reason else name for s, name, reason in attendance if s == "请假"
    ]
    absent = [
        f"{name}（{reason}）" if reason else name for s, name, reason in attendance if s == "缺席"
    ]
    attending = [name for status, name, _ in attendance if status == "列席"]
    away = "；".join(
        part
        for part in (
            f"请假：{'、'.join(leave)}" if leave else "",
            f"缺席：{'、'.join(absent)}" if absent else "",
        )
        if part
    )
    listed = "、".join([*attending, *([guests] if guests else [])])
    return "、".join(present), away or "无", listed or "无"


def _vote_text(row: Mapping[str, Any]) -> str:
    return (
        f"应到会有表决权 {row.get('vote_eligible') or 0} 人，实到 {row.get('vote_present') or 0} 人；"
        + (f"书面意见 {row['vote_written']} 份；" if row.get("vote_written") else "")
        + f"赞成 {row.get('vote_yes') or 0} 票，反对 {row.get('vote_no') or 0} 票，"
        f"弃权 {row.get('vote_abstain') or 0} 票。表决结果：{vote_result(dict(row))}"
    )


def _resolutions_text(resolutions: Sequence[Mapping[str, Any]]) -> str:
    lines = []
    for number, item in enumerate(resolutions, start=1):
        extra = "；".join(
            part
            for part in (
                f"责任人：{item['owner']}" if item.get("owner") else "",
                f"完成时限：{_cn(item['deadline'])}" if item.get("deadline") else "",
            )
            if part
        )
        lines.append(f"{number}．{item['content']}" + (f"（{extra}）" if extra else ""))
    return "\n".join(lines)


def _minutes(text: str) -> str:
    return "\n".join(
        ("\u3000\u3000" + line.strip()) if line.strip() else "" for line in text.split("\n")
    )


def meeting_units(
    register: Register,
    row: Mapping[str, Any],
    attendance: Sequence[tuple[str, str, str]],
    resolutions: Sequence[Mapping[str, Any]],
    attachments: Sequence[str],
    width: float,
    number_text: str = "",
) -> list[Unit]:
    """One meeting in the standard layout, as units to be split into pages."""
    guests_label = register.field("guests").label
    present, away, listed = _attendance_texts(attendance, row.get("guests") or "")
    units = record_title(f"{row['kind']}记录", number_text)
    units += pairs_row(
        [("会议类型", row["kind"]), ("时    间", _time_text(row))], width, LABEL_WIDTH
    )
    units += field_row("地    点", row.get("place") or "", width, LABEL_WIDTH)
    units += pairs_row(
        [("主 持 人", row.get("host") or ""), ("记 录 人", row.get("recorder") or "")],
        width,
        LABEL_WIDTH,
    )
    counts = [
        ("应到人数", str(row.get("expected") or 0)),
        ("实到人数", str(row.get("present") or 0)),
    ]
    if any(spec.key == "hours" for spec in register.fields):
        hours = row.get("hours")
        counts.append(("学    时", f"{hours:g}" if isinstance(hours, (int, float)) else ""))
    units += pairs_row(counts, width, LABEL_WIDTH)
    units += field_row("出席人员", present, width, LABEL_WIDTH)
    units += field_row("缺席人员及原因", away, width, LABEL_WIDTH)
    units += field_row(
        "列席人员" if guests_label == "列席人员" else guests_label, listed, width, LABEL_WIDTH
    )
    units += field_row("议    题", row.get("topic") or "", width, LABEL_WIDTH)
    units += section_label("会  议  记  录", width)
    minutes = _minutes(row.get("minutes") or "")
    # room below the typed minutes for what is added by hand, as in a paper book
    units += grid_row(
        [Cell(minutes, width)], min_lines=MINUTES_MIN_LINES if minutes else MINUTES_BLANK_LINES
    )
    if row.get("vote_held"):
        units += field_row("表决情况", _vote_text(row), width, LABEL_WIDTH)
    if row.get("review_results"):
        units += field_row("评议结果", row["review_results"], width, LABEL_WIDTH)
    if resolutions:
        units += field_row("决议事项", _resolutions_text(resolutions), width, LABEL_WIDTH)
    if attachments:
        units += field_row("附    件", "\n".join(attachments), width, LABEL_WIDTH)
    if row.get("note"):
        units += field_row("备    注", row["note"], width, LABEL_WIDTH)
    units.append(signature_line(["主持人（签字）：", "记录人（签字）："], width))
    return units


def meeting_records(
    archive: Archive, register: Register, row_filter: queries.RowFilter | None, width: float
) -> list[Record]:
    """The book's meetings (as filtered), in date order, with attendance and resolutions."""
    rows = list(queries.iter_rows(archive, register, row_filter))
    ids = [row["id"] for row in rows]
    attendance = attendance_by_meeting(archive, ids)
    resolutions = resolutions_by_meeting(archive, ids)
    files = files_by_meeting_label(archive)
    records = []
    for number, row in enumerate(rows, start=1):
        year = str(row["meeting_date"])[:4]
        units = meeting_units(
            register,
            row,
            attendance.get(row["id"], []),
            resolutions.get(row["id"], []),
            files.get(meeting_label(row), []),
            width,
            f"编号：{year}-{number:03d}",
        )
        contents = (_cn(row["meeting_date"]), row["kind"], row.get("topic") or "")
        bookmark = f"{_cn(row['meeting_date'])} {row['kind']}：{str(row.get('topic') or '')[:24]}"
        records.append(Record(units, contents, bookmark))
    return records


def rule_units(row: Mapping[str, Any], width: float) -> list[Unit]:
    """A work rule: its title, when and by which meeting it was adopted, and its full text."""
    units = record_title(row["title"])
    units += pairs_row(
        [("通过日期", _cn(row.get("adopted_on"))), ("修订日期", _cn(row.get("revised_on")))],
        width,
        LABEL_WIDTH,
    )
    units += pairs_row(
        [("通过会议", row.get("adopting_meeting") or ""), ("状    态", row.get("status") or "")],
        width,
        LABEL_WIDTH,
    )
    if row.get("note"):
        units += field_row("备    注", row["note"], width, LABEL_WIDTH)
    units.append(spacer(6 * mm))
    body = row.get("body") or ""
    units += paragraphs(body, width) if body.strip() else [text_line("（未录入全文）", SANS, 10.5)]
    return units


def rule_records(
    archive: Archive, register: Register, row_filter: queries.RowFilter | None, width: float
) -> list[Record]:
    records = []
    for row in queries.iter_rows(archive, register, row_filter):
        contents = (row["title"], _cn(row.get("adopted_on")), row.get("status") or "")
        records.append(Record(rule_units(row, width), contents, row["title"]))
    return records
