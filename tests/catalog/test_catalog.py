"""The catalog: all 17 registers, the member roster's fields in DOMAIN.md order, and validation."""

from __future__ import annotations

from datetime import date

from liangxin_desktop.catalog import REGISTERS, get_register
from liangxin_desktop.catalog.fields import Field, FieldKind, display_value, parse_value
from liangxin_desktop.catalog.validation import clean_record

DOMAIN_KEYS = [
    "committee_meetings",
    "trainings",
    "org_life",
    "activities",
    "deliberations",
    "members",
    "activists",
    "attendance",
    "dues",
    "good_deeds",
    "work_rules",
    "mobile_members",
    "incoming_documents",
    "outgoing_documents",
    "activity_materials",
    "joint_meetings",
    "photo_album",
]


def test_all_seventeen_registers_with_titles_and_groups() -> None:
    assert list(REGISTERS) == DOMAIN_KEYS
    groups = [r.group for r in REGISTERS.values()]
    assert groups.count("簿") == 5 and groups.count("册") == 6 and groups.count("卡") == 1
    assert get_register("members").title == "党员花名册"


def test_member_fields_follow_the_official_form_order() -> None:
    labels = [f.label for f in get_register("members").fields if f.stored]
    official = [
        "姓名",
        "性别",
        "民族",
        "公民身份号码",
        "出生日期",
        "学历",
        "人员类别",
        "所在党支部（党小组）",
        "加入党组织日期",
        "转为正式党员日期",
        "工作岗位",
        "联系电话",
        "家庭住址",
        "是否失联党员",
        "失联年月",
        "是否流动党员",
        "外出流向",
    ]
    assert labels[: len(official)] == official
    assert {"学位", "籍贯", "现居住地", "户籍所在地", "党内职务", "工作单位及职务", "备注"} <= set(
        labels
    )
    computed = {f.label for f in get_register("members").fields if not f.stored}
    assert {"年龄", "党龄", "党籍状态"} <= computed


def test_numeric_id_cell_is_refused_with_the_excel_explanation() -> None:
    members = get_register("members")
    cleaned = clean_record(
        members,
        {"id_number": 1.10105194912310e17},
        date(2026, 1, 1),
        fields=[members.field("id_number")],
    )
    assert "15 位有效数字" in cleaned.errors[0].text()


def test_parse_and_display_by_kind() -> None:
    day = Field("d", "日期", FieldKind.DATE)
    assert parse_value(day, "2019年7月1日") == "2019-07-01"
    assert display_value(day, "2019-07-01", printed=True) == "2019年7月1日"
    money = Field("m", "金额", FieldKind.MONEY)
    assert parse_value(money, "3000.01") == 300001
    assert display_value(money, 300001) == "3000.01"
    flag = Field("b", "是否", FieldKind.BOOL)
    assert parse_value(flag, "是") == 1 and parse_value(flag, "") == 0


def test_missing_required_fields_are_named() -> None:
    cleaned = clean_record(get_register("members"), {})
    texts = {p.text() for p in cleaned.errors}
    assert {"姓名：必须填写。", "公民身份号码：必须填写。", "人员类别：必须填写。"} <= texts


def test_every_register_is_working() -> None:
    from liangxin_desktop.catalog.registers import available_registers

    assert [r.key for r in available_registers()] == DOMAIN_KEYS
