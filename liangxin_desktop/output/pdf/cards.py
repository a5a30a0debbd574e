"""The 流动党员登记卡 printed as cards: two to an A4 page, cut along the dashed line.

A card whose follow-ups (年度报告, 年审, 联系) do not fit its half page continues on the next
half, marked "（续）".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import mm

from liangxin_desktop.catalog.fields import display_value
from liangxin_desktop.catalog.mobile import MOBILE_MEMBERS, transfer_flag
from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.output.pdf.document import Pager, PageSetup
from liangxin_desktop.output.pdf.flow import (
    Cell,
    Unit,
    draw_units,
    grid_row,
    heading,
    paginate,
    text_line,
)
from liangxin_desktop.output.pdf.fonts import SANS
from liangxin_desktop.storage import queries
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.mobile import entries_of

LABEL = 24 * mm
GAP = 10 * mm  # between the two cards on a page (the cut line runs through it)
BLANK_ENTRY_ROWS = 3
CARD_LEADING, CARD_PAD = 14.0, 2.5  # denser than record pages: a card is half a page


def _value(row: Mapping[str, Any], key: str) -> str:
    return display_value(MOBILE_MEMBERS.field(key), row.get(key), printed=True)


def _pairs(row: Mapping[str, Any], width: float, pairs: Sequence[tuple[str, str]]) -> list[Unit]:
    value_width = (width - LABEL * len(pairs)) / len(pairs)
    cells = []
    for label, key in pairs:
        cells += [Cell(label, LABEL, label=True), Cell(_value(row, key), value_width)]
    return grid_row(cells, leading=CARD_LEADING, pad=CARD_PAD)


def card_units(
    row: Mapping[str, Any], entries: Sequence[Mapping[str, Any]], width: float, today: Any
) -> list[Unit]:
    units = [heading(f"流动党员登记卡（{row.get('direction') or ''}）", 15, 1 * mm)]
    units.append(text_line(f"活动证编号：{row.get('card_no') or '—'}", SANS, 9, "right"))
    units[-1].keep_with_next = True
    units += _pairs(row, width, [("姓    名", "name"), ("性    别", "sex")])
    units += _pairs(row, width, [("公民身份号码", "id_number"), ("联系电话", "phone")])
    units += _pairs(row, width, [("发证日期", "card_issued_on"), ("发证党组织", "card_issuer")])
    if row.get("home_org") or row.get("direction") == "流入":
        units += _pairs(row, width, [("原所在党组织", "home_org")])
    units += _pairs(row, width, [("外出日期", "away_on"), ("预计返回日期", "expected_return")])
    units += _pairs(row, width, [("外出原因", "reason"), ("外出流向", "destination")])
    units += _pairs(row, width, [("流入地单位", "host_unit"), ("流入地党组织", "host_org")])
    units += _pairs(row, width, [("联系人及电话", "host_contact"), ("党费交纳地", "dues_where")])
    units += _pairs(row, width, [("党费交至", "dues_paid_until"), ("返回日期", "returned_on")])
    flag = transfer_flag(dict(row), today)
    notes = "；".join(
        part
        for part in (
            f"组织关系已于{format_cn_date(row['transferred_on'])}转接"
            if row.get("transferred_on")
            else "",
            flag,
            row.get("note") or "",
        )
        if part
    )
    if notes:
        units += grid_row(
            [Cell("备    注", LABEL, label=True), Cell(notes, width - LABEL)],
            leading=CARD_LEADING,
            pad=CARD_PAD,
        )
    units += grid_row(
        [Cell("联系、年度报告及年审记录", width, label=True)],
        split=False,
        leading=CARD_LEADING,
        pad=CARD_PAD,
    )
    units[-1].keep_with_next = True
    columns = (LABEL + 6 * mm, LABEL - 6 * mm, width - 2 * LABEL)
    units += grid_row(
        [
            Cell(text, w, label=True)
            for text, w in zip(("日期", "类别", "内容"), columns, strict=True)
        ],
        split=False,
        leading=CARD_LEADING,
        pad=CARD_PAD,
    )
    units[-1].keep_with_next = True
    for entry in entries:
        units += grid_row(
            [
                Cell(format_cn_date(entry["entry_date"]), columns[0], align="centre"),
                Cell(entry["kind"], columns[1], align="centre"),
                Cell(entry["content"], columns[2]),
            ],
            split=False,
            leading=CARD_LEADING,
            pad=CARD_PAD,
        )
    for _ in range(max(0, BLANK_ENTRY_ROWS - len(entries))):
        units += grid_row(
            [Cell("", w) for w in columns], split=False, leading=CARD_LEADING, pad=CARD_PAD
        )
    return units


class CardPages:
    """Cards two to a page; each card starts on a fresh half."""

    def __init__(
        self,
        setup: PageSetup,
        archive: Archive,
        row_filter: queries.RowFilter | None,
        today: Any,
    ) -> None:
        self.setup = setup
        _, _, width, height = setup.body
        self.half = (height - GAP) / 2
        self.cards: list[tuple[str, list[Unit], list[tuple[int, int]]]] = []
        for row in queries.iter_rows(archive, MOBILE_MEMBERS, row_filter):
            units = card_units(row, entries_of(archive, row["id"]), width, today)
            self.cards.append((f"{row['name']}（{row.get('direction') or ''}）", units, []))

    def measure(self) -> int:
        slots = 0
        for index, (title, units, _) in enumerate(self.cards):
            heights = [unit.height for unit in units]
            keeps = [unit.keep_with_next for unit in units]
            frames = paginate(heights, keeps, self.half, self.half - 8 * mm)
            self.cards[index] = (title, units, frames)
            slots += len(frames)
        return max(1, (slots + 1) // 2)

    def draw(self, pager: Pager) -> None:
        x, y, width, height = self.setup.body
        slot = 0
        if not self.cards:
            pager.start(self.setup)
            draw_units(pager.canvas, [text_line("暂无流动党员。", SANS, 12)], x, y + height, width)
            pager.finish()
            return
        for title, units, frames in self.cards:
            for number, (start, end) in enumerate(frames):
                if slot % 2 == 0:
                    pager.start(self.setup)
                    self._cut_line(pager, x, y + self.half + GAP / 2, width)
                top = y + height - (slot % 2) * (self.half + GAP)
                if number == 0:
                    pager.bookmark(title)
                else:
                    draw_units(pager.canvas, [text_line(f"{title}（续）", SANS, 9)], x, top, width)
                    top -= 8 * mm
                draw_units(pager.canvas, units[start:end], x, top, width)
                slot += 1
                if slot % 2 == 0:
                    pager.finish()
        if slot % 2:
            pager.finish()

    @staticmethod
    def _cut_line(pager: Pager, x: float, y: float, width: float) -> None:
        canvas = pager.canvas
        canvas.saveState()
        canvas.setStrokeGray(0.6)
        canvas.setLineWidth(0.4)
        canvas.setDash(4, 3)
        canvas.line(x - 8 * mm, y, x + width + 8 * mm, y)
        canvas.restoreState()
