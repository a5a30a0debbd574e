"""组织关系介绍信 of a 转出: 存根, 介绍信 and 回执 on one A4 page, cut apart along dashed lines.

The standard layout of 中国共产党党员组织关系介绍信: the 存根 (kept by the issuing organization)
and the 介绍信 share one number (第 X 号); both give 姓名, 性别, 年龄, 民族, 党员类别 (正式/预备),
公民身份号码, 由…转到…, 党费交至 YYYY年M月 and the 有效期; the 回执 comes back from the receiving
organization and is recorded with its date (DOMAIN.md "Membership in this organization").
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from reportlab.lib.units import mm

from liangxin_desktop.domain.dates import format_cn_date, format_cn_month
from liangxin_desktop.domain.people import age_on
from liangxin_desktop.output.pdf.document import Book, PageSetup
from liangxin_desktop.output.pdf.flow import Unit, heading, paragraphs, text_line
from liangxin_desktop.output.pdf.fonts import SANS, SERIF, register_fonts
from liangxin_desktop.output.pdf.parts import Record, RecordPages
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.organization import organization_name

TITLE = "中国共产党党员组织关系介绍信"
CUT = "- - - - - - - - - - - - - - - - - - - - 沿此线剪开 - - - - - - - - - - - - - - - - - - - -"


def letter_facts(person: Mapping[str, Any], period: Mapping[str, Any], org: str) -> dict[str, str]:
    """What the letter says, as text: computed from the person and the 转出 period."""
    issued = date.fromisoformat(period["end_on"])
    birth = person.get("birth_date")
    valid = period.get("letter_valid_until")
    category = (
        "正式"
        if person.get("converted_on") and person["converted_on"] <= issued.isoformat()
        else "预备"
    )
    paid = period.get("out_dues_paid_until")
    return {
        "number": period.get("out_letter_no") or "____",
        "name": person["name"],
        "sex": person.get("sex") or "__",
        "age": str(age_on(date.fromisoformat(birth), issued)) if birth else "__",
        "ethnicity": person.get("ethnicity") or "__",
        "category": category,
        "id_number": person.get("id_number") or "",
        "from": org,
        "to": period.get("to_org") or "",
        "paid": format_cn_month(paid) if paid else "____年__月",
        "days": str((date.fromisoformat(valid) - issued).days) if valid else "__",
        "issued": format_cn_date(issued),
    }


def _body(facts: Mapping[str, str]) -> str:
    return (
        f"{facts['name']}同志（{facts['sex']}，{facts['age']}岁，{facts['ethnicity']}），系中共"
        f"{facts['category']}党员，公民身份号码{facts['id_number']}，由{facts['from']}"
        f"转到{facts['to']}。党费已交到{facts['paid']}。"
    )


def letter_units(facts: Mapping[str, str], width: float) -> list[Unit]:
    """The three parts of the page, from the top: 存根, 介绍信, 回执."""
    number = text_line(f"第 {facts['number']} 号", SANS, 10.5, "right")
    units = [heading(f"{TITLE}（存根）", 14, 2 * mm), number]
    units += paragraphs(_body(facts) + f"\n（有效期{facts['days']}天）", width, SERIF, 11, 19)
    units.append(text_line(facts["issued"], SERIF, 11, "right", 2 * mm))
    units.append(text_line(CUT, SANS, 8, "centre", 6 * mm))
    units += [heading(TITLE, 15, 2 * mm), number]
    units.append(text_line(f"{facts['to']}：", SERIF, 11.5))
    units += paragraphs(_body(facts) + "请转接组织关系。", width, SERIF, 11.5, 20)
    units.append(text_line(f"（有效期{facts['days']}天）", SERIF, 11, "", 1 * mm))
    units.append(text_line(f"（盖章）    {facts['issued']}", SERIF, 11, "right", 3 * mm))
    units.append(
        text_line("党员联系电话或其他联系方式：__________________________", SERIF, 10.5, "", 2 * mm)
    )
    units.append(text_line(f"党员原所在基层党委：{facts['from']}", SERIF, 10.5))
    units.append(text_line(CUT, SANS, 8, "centre", 6 * mm))
    units += [heading("回    执", 15, 2 * mm), number]
    units.append(text_line(f"{facts['from']}：", SERIF, 11.5))
    units += paragraphs(
        f"{facts['name']}同志的党员组织关系已转达我处，特此回复。", width, SERIF, 11.5, 20
    )
    units.append(text_line("（盖章）    ____年__月__日", SERIF, 11, "right", 6 * mm))
    return units


def transfer_letter_book(archive: Archive, period_id: int, binding: bool = False) -> Book:
    """The 介绍信 of one 转出 (a row of ``membership_periods``) as a one-page book."""
    register_fonts()
    period = next(
        archive.db.query("SELECT * FROM membership_periods WHERE id = ?", [period_id]), None
    )
    if period is None or period["end_kind"] != "转出":
        raise KeyError(period_id)
    person = next(archive.db.query("SELECT * FROM people WHERE id = ?", [period["person_id"]]))
    org = organization_name(archive)
    setup = PageSetup("portrait", org, "组织关系介绍信", binding)
    _, _, width, _ = setup.body
    units = letter_units(letter_facts(person, period, org), width)
    record = Record(units, bookmark=person["name"])
    return Book(f"组织关系介绍信（{person['name']}）", [RecordPages(setup, [record], "")])
