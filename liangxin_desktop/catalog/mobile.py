"""流动党员登记卡: outgoing and incoming mobile members, with the 6-month transfer flag."""

from __future__ import annotations

from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, Problem, as_date
from liangxin_desktop.catalog.fields import FieldKind as K
from liangxin_desktop.catalog.members import fill_and_check_identity
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.domain import codes
from liangxin_desktop.domain.mobile_rules import should_transfer

DIRECTIONS = ("流出", "流入")
ENTRY_KINDS = ("年度报告", "年审", "联系", "其他")


def transfer_flag(row: dict[str, Any], today: date) -> str:
    """外出满6个月（未返回、未转接）: the organizational relationship should be transferred."""
    away = as_date(row.get("away_on"))
    returned, transferred = as_date(row.get("returned_on")), as_date(row.get("transferred_on"))
    if away and should_transfer(away, returned, transferred, today):
        return "外出满6个月，应转接组织关系"
    return ""


def check_card(row: dict[str, Any], today: date) -> list[Problem]:
    away, back = as_date(row.get("away_on")), as_date(row.get("returned_on"))
    problems = []
    if away and away > today:
        problems.append(Problem("away_on", "外出日期", "不能晚于今天。"))
    if away and back and back < away:
        problems.append(Problem("returned_on", "返回日期", "不能早于外出日期。"))
    flag = transfer_flag(row, today)
    if flag:
        problems.append(
            Problem(
                "transferred_on",
                "组织关系转接日期",
                flag + "（固定在外地6个月以上）。",
                is_error=False,
            )
        )
    return problems


MOBILE_MEMBERS = Register(
    key="mobile_members",
    title="流动党员登记卡",
    group="卡",
    row_noun="流动党员",
    count_unit="名",
    fields=(
        Field(
            "direction",
            "类别",
            K.CHOICE,
            required=True,
            choices=DIRECTIONS,
            width=5,
            print_width=0.7,
        ),
        Field("name", "姓名", required=True, max_length=40, width=8, print_width=1.1),
        Field("sex", "性别", K.CHOICE, choices=codes.SEXES, width=5, print_width=0.6),
        Field(
            "id_number",
            "公民身份号码",
            K.ID_NUMBER,
            required=True,
            max_length=18,
            width=20,
            print_width=2.6,
        ),
        Field("phone", "联系电话", K.PHONE, width=14, print_width=1.6),
        Field(
            "home_org", "原所在党组织", max_length=80, width=16, in_table=False, help="流入党员填写"
        ),
        Field("card_no", "活动证编号", max_length=40, width=12, print_width=1.3),
        Field("card_issued_on", "发证日期", K.DATE, width=11, in_table=False),
        Field("card_issuer", "发证党组织", max_length=80, width=16, in_table=False),
        Field("away_on", "外出日期", K.DATE, required=True, width=11, print_width=1.5),
        Field("expected_return", "预计返回日期", K.DATE, width=11, in_table=False),
        Field("reason", "外出原因", max_length=80, width=12, print_width=1.2),
        Field(
            "destination",
            "外出流向",
            max_length=120,
            width=20,
            print_width=2.2,
            placeholder="省、市、县及详细地址",
        ),
        Field("host_unit", "流入地单位", max_length=80, width=16, in_table=False),
        Field("host_org", "流入地党组织", max_length=80, width=16, print_width=1.8),
        Field("host_contact", "流入地党组织联系人及电话", max_length=80, width=16, in_table=False),
        Field("dues_where", "党费交纳地", max_length=60, width=10, in_table=False),
        Field("dues_paid_until", "党费交至", K.MONTH, width=9, print_width=1.0),
        Field("returned_on", "返回日期", K.DATE, width=11, print_width=1.4),
        Field("transferred_on", "组织关系转接日期", K.DATE, width=11, in_table=False),
        Field("flag", "提示", K.COMPUTED, compute=transfer_flag, width=22, print_width=2.0),
        Field("note", "备注", K.LONG_TEXT, max_length=500, width=16, in_table=False),
    ),
    table="mobile_cards",
    where="deleted_at IS NULL",
    search_columns=("name", "id_number", "phone", "destination", "host_org", "card_no"),
    default_sort="away_on, id",
    orientation="landscape",
    is_roster=True,
    deletable=True,
    print_layout="cards",
    checks=(fill_and_check_identity, check_card),
)
