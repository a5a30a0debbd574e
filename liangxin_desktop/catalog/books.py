"""Plain record books: 好人好事登记册, 上级/党组织文件信息簿, 党组织工作制度汇总册."""

from __future__ import annotations

from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, Problem, as_date
from liangxin_desktop.catalog.fields import FieldKind as K
from liangxin_desktop.catalog.register import Register

SECRECY_LEVELS = ("公开", "内部", "秘密", "机密")
RULE_STATUSES = ("现行有效", "已修订", "已废止")
_LIVE = "deleted_at IS NULL"


def _not_in_future(key: str, label: str) -> Any:
    def check(row: dict[str, Any], today: date) -> list[Problem]:
        day = as_date(row.get(key))
        return [Problem(key, label, "不能晚于今天。")] if day and day > today else []

    return check


GOOD_DEEDS = Register(
    key="good_deeds",
    title="好人好事登记册",
    group="册",
    row_noun="好人好事",
    count_unit="件",
    fields=(
        Field("deed_date", "日期", K.DATE, required=True, width=11, print_width=1.4),
        Field("person", "姓名（集体）", required=True, max_length=60, width=12, print_width=1.4),
        Field(
            "deed", "主要事迹", K.LONG_TEXT, required=True, max_length=2000, width=40, print_width=5
        ),
        Field("beneficiary", "受益方", max_length=80, width=14, print_width=1.6),
        Field("verified_by", "核实人", max_length=40, width=8, print_width=1.0),
        Field("commendation", "表彰情况", max_length=200, width=16, print_width=1.8),
        Field("note", "备注", K.LONG_TEXT, max_length=500, width=16, print_width=1.2),
    ),
    table="good_deeds",
    where=_LIVE,
    search_columns=("person", "deed", "beneficiary", "commendation"),
    default_sort="deed_date, id",
    date_field="deed_date",
    deletable=True,
    checks=(_not_in_future("deed_date", "日期"),),
)


def _document_fields(date_label: str, issuer_label: str) -> tuple[Field, ...]:
    return (
        Field("doc_date", date_label, K.DATE, required=True, width=11, print_width=1.5),
        Field("issuer", issuer_label, max_length=80, width=18, print_width=2.0),
        Field("doc_number", "文号", max_length=60, width=16, print_width=1.8),
        Field("title", "文件标题", required=True, max_length=200, width=36, print_width=4.0),
        Field("secrecy", "密级", K.CHOICE, choices=SECRECY_LEVELS, width=6, print_width=0.7),
        Field("copies", "份数", K.INTEGER, width=5, print_width=0.6),
        Field("handling", "办理情况", K.LONG_TEXT, max_length=1000, width=24, print_width=2.6),
        Field("handler", "经办人", max_length=40, width=8, print_width=1.0),
        Field("note", "备注", K.LONG_TEXT, max_length=500, width=14, print_width=1.0),
    )


def _documents(key: str, title: str, direction: str, date_label: str, issuer: str) -> Register:
    return Register(
        key=key,
        title=title,
        group="其他",
        row_noun="文件",
        count_unit="份",
        fields=_document_fields(date_label, issuer),
        table="documents",
        where=f"direction = '{direction}' AND {_LIVE}",
        fixed_values=(("direction", direction),),
        search_columns=("title", "doc_number", "issuer", "handler"),
        default_sort="doc_date, id",
        date_field="doc_date",
        deletable=True,
        checks=(_not_in_future("doc_date", date_label),),
    )


INCOMING_DOCUMENTS = _documents(
    "incoming_documents", "上级文件信息簿", "in", "收文日期", "发文机关"
)
OUTGOING_DOCUMENTS = _documents(
    "outgoing_documents", "党组织文件信息簿", "out", "发文日期", "发文党组织"
)


def _rule_dates(row: dict[str, Any], today: date) -> list[Problem]:
    adopted, revised = as_date(row.get("adopted_on")), as_date(row.get("revised_on"))
    if adopted and revised and revised < adopted:
        return [Problem("revised_on", "修订日期", "不能早于通过日期。")]
    return []


WORK_RULES = Register(
    key="work_rules",
    title="党组织工作制度汇总册",
    group="册",
    row_noun="制度",
    count_unit="项",
    fields=(
        Field("title", "制度名称", required=True, max_length=80, width=22, print_width=2.4),
        Field("adopted_on", "通过日期", K.DATE, width=11, print_width=1.5),
        Field("revised_on", "修订日期", K.DATE, width=11, print_width=1.5),
        Field("adopting_meeting", "通过会议", max_length=80, width=18, print_width=2.0),
        Field(
            "status",
            "状态",
            K.CHOICE,
            required=True,
            choices=RULE_STATUSES,
            width=8,
            print_width=1.0,
        ),
        Field("body", "制度全文", K.LONG_TEXT, max_length=50000, width=40, in_table=False),
        Field("note", "备注", K.LONG_TEXT, max_length=500, width=16, print_width=1.6),
    ),
    table="work_rules",
    where=_LIVE,
    search_columns=("title", "body", "adopting_meeting"),
    default_sort="id",
    orientation="portrait",
    deletable=True,
    print_layout="rules",
    checks=(_rule_dates,),
)
