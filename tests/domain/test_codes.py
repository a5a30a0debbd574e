"""Tests for the code tables and their lenient matching."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from liangxin_desktop.domain import codes
from liangxin_desktop.domain.codes import (
    DEGREES,
    EDUCATION_ALIASES,
    EDUCATIONS,
    ETHNICITIES,
    ETHNICITY_CODES,
    JOB_POST_CODES,
    JOB_POSTS,
    LEAVE_KIND_HINTS,
    LEAVE_KINDS,
    SIX_HAVE_LABELS,
    SIX_HAVES,
    match_degree,
    match_education,
    match_ethnicity,
    match_job_post,
    match_leave_kind,
    match_sex,
)
from liangxin_desktop.errors import InvalidValue


def test_ethnicities_follow_gb_3304_code_order() -> None:
    assert len(ETHNICITIES) == 58
    assert len(set(ETHNICITIES)) == 58
    assert ETHNICITY_CODES["汉族"] == "01"
    assert ETHNICITY_CODES["毛南族"] == "36"
    assert ETHNICITY_CODES["德昂族"] == "46"
    assert ETHNICITY_CODES["基诺族"] == "56"
    assert ETHNICITY_CODES["其他"] == "97"
    assert ETHNICITY_CODES["外国血统中国籍人士"] == "98"
    assert list(ETHNICITY_CODES) == list(ETHNICITIES)
    assert all(label.endswith("族") for label in ETHNICITIES[:56])


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("汉族", "汉族"),
        ("汉", "汉族"),
        ("回", "回族"),
        ("蒙古", "蒙古族"),
        ("维吾尔", "维吾尔族"),
        ("土家", "土家族"),
        ("土", "土族"),
        ("毛难族", "毛南族"),
        ("崩龙族", "德昂族"),
        ("01", "汉族"),
        ("36", "毛南族"),
        ("97", "其他"),
        ("98", "外国血统中国籍人士"),
        (" 汉 族 ", "汉族"),
        ("其它", "其他"),
    ],
)
def test_match_ethnicity(typed: str, label: str) -> None:
    assert match_ethnicity(typed) == label


@pytest.mark.parametrize("typed", ["汉人", "1", "99", "穿青人", "Han"])
def test_match_ethnicity_refuses(typed: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        match_ethnicity(typed)
    assert f"“{typed}”不是民族名称" in caught.value.headline


def test_every_ethnicity_matches_itself_and_its_code() -> None:
    for label, code in ETHNICITY_CODES.items():
        assert match_ethnicity(label) == label
        assert match_ethnicity(code) == label


def test_education_aliases_lead_to_real_labels() -> None:
    assert len(EDUCATIONS) == 18
    assert set(EDUCATION_ALIASES.values()) <= set(EDUCATIONS)


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("大学本科", "大学本科"),
        ("大学", "大学本科"),
        ("本科", "大学本科"),
        ("大专", "大学专科"),
        ("专科", "大学专科"),
        ("研究生", "硕士研究生"),
        ("硕士", "硕士研究生"),
        ("博士", "博士研究生"),
        ("中专", "中等专科"),
        ("高中", "普通高中"),
        ("职高", "职业高中"),
        ("技校", "技工学校"),
        ("本科毕业", "大学本科"),
        ("大专学历", "大学专科"),
        ("省委党校大学", "省（区、市）委党校大学"),
        ("省（区、市）委党校大专", "省（区、市）委党校大专"),
        ("初中", "初中"),
    ],
)
def test_match_education(typed: str, label: str) -> None:
    assert match_education(typed) == label


@pytest.mark.parametrize("typed", ["幼儿园", "本科肄业", ""])
def test_match_education_refuses(typed: str) -> None:
    with pytest.raises(InvalidValue):
        match_education(typed)


@pytest.mark.parametrize(
    ("typed", "label"),
    [("博士", "博士"), ("博士学位", "博士"), ("学士学位", "学士"), ("无学位", "无"), ("无", "无")],
)
def test_match_degree(typed: str, label: str) -> None:
    assert match_degree(typed) == label
    assert label in DEGREES


def test_match_degree_refuses_an_education() -> None:
    with pytest.raises(InvalidValue):
        match_degree("大学本科")


@pytest.mark.parametrize(("typed", "label"), [("男", "男"), ("女性", "女"), (" 男性 ", "男")])
def test_match_sex(typed: str, label: str) -> None:
    assert match_sex(typed) == label


def test_job_posts_with_codes_in_order() -> None:
    assert JOB_POSTS[:6] == (
        "非公有制企业管理人员",
        "非公有制企业专业技术人员",
        "民办非企业单位管理人员",
        "民办非企业单位专业技术人员",
        "工勤技能人员",
        "农民工",
    )
    assert [JOB_POST_CODES[label] for label in JOB_POSTS] == [
        "021", "022", "023", "024", "025", "0253", "01", "1", "2", "3", "4", "5",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("企业管理人员", "非公有制企业管理人员"),
        ("专业技术人员", "非公有制企业专业技术人员"),
        ("工勤人员", "工勤技能人员"),
        ("退休", "离退休人员"),
        ("离退休", "离退休人员"),
        ("学生", "学生"),
        ("农民工", "农民工"),
        ("民办非企业管理岗位", "民办非企业单位管理人员"),
        ("021", "非公有制企业管理人员"),
        ("0253", "农民工"),
        ("4", "离退休人员"),
        ("军人", "军人、武警"),
    ],
)
def test_match_job_post(typed: str, label: str) -> None:
    assert match_job_post(typed) == label


def test_match_job_post_refuses_unknown_text() -> None:
    with pytest.raises(InvalidValue) as caught:
        match_job_post("程序员")
    assert "“程序员”不是能识别的工作岗位" in caught.value.headline


def test_organization_tables() -> None:
    assert codes.ORG_KINDS == ("党委", "党总支", "党支部", "联合党支部")
    assert "派驻党建指导员" in codes.FORMATION_MODES
    assert codes.HOST_KINDS == ("新经济组织", "新社会组织")
    assert codes.COMMITTEE_POSTS[0] == "书记"
    assert codes.MEMBER_CATEGORIES == ("正式党员", "预备党员")
    assert codes.PARTY_STANDINGS == ("正常", "停止党籍")


def test_six_haves_have_display_labels() -> None:
    assert len(SIX_HAVES) == 6
    assert list(SIX_HAVE_LABELS) == list(SIX_HAVES)
    assert SIX_HAVE_LABELS["党员活动室"] == "有党员活动室"


def test_leave_kinds_each_have_a_hint() -> None:
    assert set(LEAVE_KIND_HINTS) == set(LEAVE_KINDS)
    assert "去向" in LEAVE_KIND_HINTS["转出"]
    for form in ("开除党籍", "除名", "自行脱党", "劝退"):
        assert form in LEAVE_KIND_HINTS["出党"]
        assert match_leave_kind(form) == "出党"
    needing_destination = codes.LEAVE_KINDS_NEEDING_DESTINATION
    assert needing_destination == {"转出"}


@pytest.mark.parametrize(
    ("matcher", "labels"),
    [
        (match_ethnicity, ETHNICITIES),
        (match_education, EDUCATIONS),
        (match_degree, DEGREES),
        (match_job_post, JOB_POSTS),
        (match_leave_kind, LEAVE_KINDS),
    ],
)
def test_every_label_matches_itself_and_blank_is_refused(
    matcher: Callable[[str], str], labels: tuple[str, ...]
) -> None:
    for label in labels:
        assert matcher(label) == label
        assert matcher(f"　{label} ") == label
    with pytest.raises(InvalidValue) as caught:
        matcher("  ")
    assert caught.value.headline == "还没有填写。"
