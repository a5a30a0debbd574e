"""The categories of the 党内统计 (the superior's yearly statistics): age bands, 学历, 入党时间,
民族, 职业 and the 学时 bands, each a pure function of one member's record.

Source: 中共中央组织部《党内统计调查制度》and its 指标解释 (党员基本情况表: 女, 少数民族, age
bands 30岁及以下 … 61岁及以上, 学历 研究生/大学本科/大学专科/中专及以下, 入党时间 by the
milestones 1949-10-01, 十一届三中全会 1978-12-18, 十八大 2012-11-08; 发展党员表: 35岁及以下,
大专及以上, 职业); DOMAIN.md "Statistics superiors ask for". The 学时 bands measure a member's
hours against their own target (32, or 56 for the 书记 and committee members: 全国党员教育培训
工作规划, ``domain.study_hours``), so that one chart holds both targets.
"""

from __future__ import annotations

from datetime import date

AGE_BANDS: tuple[tuple[str, int], ...] = (
    ("30岁及以下", 30),
    ("31至35岁", 35),
    ("36至40岁", 40),
    ("41至45岁", 45),
    ("46至50岁", 50),
    ("51至55岁", 55),
    ("56至60岁", 60),
    ("61岁及以上", 999),
)
YOUNG_MAX_AGE = 35  # 发展党员: 35岁及以下
UNKNOWN = "未填写"

EDUCATION_BANDS = ("研究生", "大学本科", "大学专科", "中专及以下")
_EDUCATION_BAND = {
    **dict.fromkeys(
        ("博士研究生", "硕士研究生", "研究生班", "中央党校研究生", "省（区、市）委党校研究生"),
        "研究生",
    ),
    **dict.fromkeys(("大学本科", "中央党校大学", "省（区、市）委党校大学"), "大学本科"),
    **dict.fromkeys(("大学专科", "中央党校大专", "省（区、市）委党校大专"), "大学专科"),
}

JOIN_PERIODS: tuple[tuple[str, date], ...] = (
    ("新中国成立前", date(1949, 10, 1)),
    ("新中国成立至十一届三中全会前", date(1978, 12, 18)),
    ("十一届三中全会至十八大前", date(2012, 11, 8)),
    ("十八大以来", date.max),
)

ETHNICITY_BANDS = ("汉族", "少数民族")

OCCUPATIONS = (
    "工人（工勤技能人员）",
    "农牧渔民",
    "专业技术人员",
    "管理人员",
    "党政机关工作人员",
    "学生",
    "离退休人员",
    "其他",
)
_OCCUPATION = {
    "工勤技能人员": "工人（工勤技能人员）",
    "农民工": "工人（工勤技能人员）",
    "农牧渔民": "农牧渔民",
    "非公有制企业专业技术人员": "专业技术人员",
    "民办非企业单位专业技术人员": "专业技术人员",
    "非公有制企业管理人员": "管理人员",
    "民办非企业单位管理人员": "管理人员",
    "学生": "学生",
    "离退休人员": "离退休人员",
}


def age_band(age: int | None) -> str:
    if age is None:
        return UNKNOWN
    return next(label for label, top in AGE_BANDS if age <= top)


def education_band(education: str | None) -> str:
    """研究生 / 大学本科 / 大学专科; every lower 学历 is 中专及以下."""
    if not education:
        return UNKNOWN
    return _EDUCATION_BAND.get(education, "中专及以下")


def is_college_or_above(education: str | None) -> bool:
    """大专及以上 (发展党员表)."""
    return education_band(education) in ("研究生", "大学本科", "大学专科")


def join_period(joined_on: date | None) -> str:
    if joined_on is None:
        return UNKNOWN
    return next(label for label, before in JOIN_PERIODS if joined_on < before)


def ethnicity_band(ethnicity: str | None) -> str:
    if not ethnicity:
        return UNKNOWN
    return "汉族" if ethnicity == "汉族" else "少数民族"


def occupation(job_post: str | None) -> str:
    """The 职业 of the 发展党员表 from the roster's 工作岗位."""
    if not job_post:
        return UNKNOWN
    return _OCCUPATION.get(job_post, "其他")


STUDY_HOUR_BANDS = ("已达标", "完成一半以上", "不足一半", "无学时")


def study_hours_band(hours: float, target: int) -> str:
    """已达标 at the target; 完成一半以上 from half of it; 不足一半 below; 无学时 at 0."""
    if hours >= target:
        return "已达标"
    if hours <= 0:
        return "无学时"
    return "完成一半以上" if hours * 2 >= target else "不足一半"
