"""党员花名册: the 16 items of the 2017 党员基本信息采集表 plus the usual extra columns."""

from __future__ import annotations

from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, Problem, as_date
from liangxin_desktop.catalog.fields import FieldKind as K
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.domain import codes, dates, idnumber
from liangxin_desktop.domain.people import age_on, party_age_on
from liangxin_desktop.errors import InvalidValue


def _age(row: dict[str, Any], day: date) -> int | None:
    birth = as_date(row.get("birth_date"))
    return age_on(birth, day) if birth and birth <= day else None


def _party_age(row: dict[str, Any], day: date) -> int | None:
    converted = as_date(row.get("converted_on"))
    return party_age_on(converted, day) if converted and converted <= day else None


# SQL over ``people``: a member here on a day (two "?" for it), and in normal standing (two more).
# ``storage/membership.py`` keeps the periods; this is how the rosters filter by them.
MEMBER_ON = (
    "EXISTS (SELECT 1 FROM membership_periods mp WHERE mp.person_id = people.id "
    "AND mp.start_on <= ? AND (mp.end_on IS NULL OR mp.end_on > ?))"
)
NORMAL_STANDING_ON = (
    "NOT EXISTS (SELECT 1 FROM party_standing ps WHERE ps.person_id = people.id "
    "AND ps.suspended_on <= ? AND (ps.restored_on IS NULL OR ps.restored_on > ?))"
)


def _standing(row: dict[str, Any], day: date) -> str:
    """党籍状态 on ``day`` from the last 停止党籍 (kept on the row by storage/membership.py)."""
    stopped, restored = row.get("suspended_on") or "", row.get("restored_on") or ""
    text = day.isoformat()
    suspended = bool(stopped) and stopped <= text and not (restored and restored <= text)
    return "停止党籍" if suspended else "正常"


def _category_on(row: dict[str, Any], day: date) -> Any:
    """人员类别 on ``day``: still 预备党员 before the 转正 date (an as-of roster of an earlier year)."""
    converted = row.get("converted_on")
    if converted and converted > day.isoformat():
        return "预备党员"
    return row.get("member_category")


def _yes_with(flag: str, detail: str, month: bool) -> Any:
    def compute(row: dict[str, Any], day: date) -> str:
        if not row.get(flag):
            return "否"
        extra = row.get(detail) or ""
        if extra and month:
            extra = dates.format_cn_month(extra)
        return f"是（{extra}）" if extra else "是"

    return compute


# Who the person is: shared by every register of people (党员, 入党积极分子).
IDENTITY_FIELDS: tuple[Field, ...] = (
    Field("name", "姓名", required=True, max_length=40, width=8, print_width=1.3),
    Field(
        "sex",
        "性别",
        K.CHOICE,
        choices=codes.SEXES,
        width=5,
        print_width=0.7,
        help="填写公民身份号码后会自动填入",
    ),
    Field(
        "ethnicity",
        "民族",
        K.CHOICE,
        choices=codes.ETHNICITIES,
        matcher=codes.match_ethnicity,
        width=8,
        print_width=1.0,
    ),
    Field(
        "id_number",
        "公民身份号码",
        K.ID_NUMBER,
        required=True,
        max_length=18,
        width=20,
        print_width=2.9,
        placeholder="18位号码，末位可以是X",
    ),
    Field(
        "birth_date",
        "出生日期",
        K.DATE,
        width=11,
        print_width=1.7,
        help="填写公民身份号码后会自动填入",
    ),
)

FIELDS: tuple[Field, ...] = (
    *IDENTITY_FIELDS,
    Field(
        "age",
        "年龄",
        K.COMPUTED,
        compute=_age,
        width=5,
        in_form=False,
        sort_by="birth_date",
        sort_reversed=True,
    ),
    Field(
        "education",
        "学历",
        K.CHOICE,
        choices=codes.EDUCATIONS,
        matcher=codes.match_education,
        width=10,
        print_width=1.3,
    ),
    Field(
        "member_category",
        "人员类别",
        K.CHOICE,
        required=True,
        choices=codes.MEMBER_CATEGORIES,
        width=9,
        print_width=1.2,
        compute=_category_on,
    ),
    Field(
        "unit",
        "所在党支部（党小组）",
        K.CHOICE,
        editable_choices=True,
        max_length=60,
        width=20,
        print_width=1.8,
    ),
    Field("joined_on", "加入党组织日期", K.DATE, required=True, width=12, print_width=1.7),
    Field(
        "converted_on", "转为正式党员日期", K.DATE, width=12, print_width=1.7, help="预备党员不填"
    ),
    Field(
        "party_age",
        "党龄",
        K.COMPUTED,
        compute=_party_age,
        width=5,
        in_form=False,
        sort_by="converted_on",
        sort_reversed=True,
    ),
    Field(
        "job_post",
        "工作岗位",
        K.CHOICE,
        choices=codes.JOB_POSTS,
        matcher=codes.match_job_post,
        width=16,
        print_width=1.9,
    ),
    Field(
        "phone", "联系电话", K.PHONE, width=14, print_width=1.8, placeholder="手机号或区号-电话号码"
    ),
    Field("home_address", "家庭住址", max_length=120, width=24, print_width=2.6),
    Field(
        "party_standing",
        "党籍状态",
        K.COMPUTED,
        compute=_standing,
        width=8,
        in_form=False,
        print_width=1.0,
        sort_by="suspended_on",
    ),
    Field("is_lost", "是否失联党员", K.BOOL, width=8, in_table=True),
    Field("lost_since", "失联年月", K.MONTH, width=9, help="失联党员填写，例如 2023-05"),
    Field(
        "lost_print",
        "失联党员",
        K.COMPUTED,
        compute=_yes_with("is_lost", "lost_since", True),
        in_table=False,
        in_form=False,
        in_excel=False,
        print_width=1.0,
    ),
    Field("is_mobile", "是否流动党员", K.BOOL, width=8),
    Field(
        "mobile_destination",
        "外出流向",
        max_length=80,
        width=16,
        help="流动党员填写，例如 广东省深圳市南山区",
    ),
    Field(
        "mobile_print",
        "流动党员",
        K.COMPUTED,
        compute=_yes_with("is_mobile", "mobile_destination", False),
        in_table=False,
        in_form=False,
        in_excel=False,
        print_width=1.3,
    ),
    Field(
        "transferred_in_on",
        "组织关系转入日期",
        K.DATE,
        width=12,
        print_width=1.7,
        help="从其他党组织转入的填写；在本支部入党的不填",
    ),
    Field("from_org", "原所在党组织", max_length=80, width=18, help="转入党员填写"),
    Field("degree", "学位", K.CHOICE, choices=codes.DEGREES, matcher=codes.match_degree, width=6),
    Field("native_place", "籍贯", max_length=60, width=12),
    Field("residence", "现居住地", max_length=120, width=20),
    Field("household_registration", "户籍所在地", max_length=120, width=20),
    Field("party_post", "党内职务", max_length=60, width=12),
    Field("work_unit_post", "工作单位及职务", max_length=120, width=22),
    Field("approved_on", "党委审批日期", K.DATE, width=12, in_form=False),
    Field("volunteer_book_no", "入党志愿书编号", max_length=40, width=12),
    Field("note", "备注", K.LONG_TEXT, max_length=500, width=24),
)


def fill_and_check_identity(row: dict[str, Any], today: date) -> list[Problem]:
    """性别 and 出生日期 must agree with the ID number (and are filled from it when blank)."""
    number = row.get("id_number")
    if not number:
        return []
    try:
        info = idnumber.parse_id_number(number, today)
    except InvalidValue:
        return []
    problems = []
    if "sex" in row and not row["sex"]:  # only the fields this register has are filled in
        row["sex"] = info.sex
    elif row.get("sex") and row["sex"] != info.sex:
        problems.append(Problem("sex", "性别", f"与公民身份号码不符（号码表明为{info.sex}性）。"))
    if "birth_date" in row and not row["birth_date"]:
        row["birth_date"] = info.birth_date.isoformat()
    elif row.get("birth_date") and row["birth_date"] != info.birth_date.isoformat():
        shown = dates.format_cn_date(info.birth_date)
        problems.append(
            Problem("birth_date", "出生日期", f"与公民身份号码不符（号码表明为{shown}）。")
        )
    return problems


def check_party_dates(row: dict[str, Any], today: date) -> list[Problem]:
    """入党/转正 dates: in the past, in order, consistent with 人员类别 and age 18."""
    joined = as_date(row.get("joined_on"))
    converted = as_date(row.get("converted_on"))
    birth = as_date(row.get("birth_date"))
    category = row.get("member_category")
    problems: list[Problem] = []
    for key, label, value in (
        ("joined_on", "加入党组织日期", joined),
        ("converted_on", "转为正式党员日期", converted),
        ("birth_date", "出生日期", birth),
    ):
        if value and value > today:
            problems.append(Problem(key, label, "不能晚于今天。"))
    if joined and birth and dates.add_months(birth, 18 * 12) > joined:
        problems.append(Problem("joined_on", "加入党组织日期", "入党时未满18周岁，请核对日期。"))
    if converted and not joined:
        problems.append(
            Problem("joined_on", "加入党组织日期", "已填写转正日期时，入党日期也必须填写。")
        )
    transferred = as_date(row.get("transferred_in_on"))
    if transferred and joined and transferred < joined:
        problems.append(
            Problem("transferred_in_on", "组织关系转入日期", "不能早于加入党组织日期。")
        )
    if transferred and transferred > today:
        problems.append(Problem("transferred_in_on", "组织关系转入日期", "不能晚于今天。"))
    if row.get("from_org") and not transferred:
        problems.append(
            Problem("transferred_in_on", "组织关系转入日期", "填写了原所在党组织，请填写转入日期。")
        )
    if converted and joined and converted < joined:
        problems.append(Problem("converted_on", "转为正式党员日期", "不能早于加入党组织日期。"))
    elif converted and joined and converted < dates.add_months(joined, 12):
        problems.append(
            Problem(
                "converted_on",
                "转为正式党员日期",
                "距入党不满一年，预备期一般为一年，请核对。",
                is_error=False,
            )
        )
    problems.extend(_category_problems(category, joined, converted, today))
    return problems


def _category_problems(
    category: Any, joined: date | None, converted: date | None, today: date
) -> list[Problem]:
    if category == "预备党员" and converted:
        return [
            Problem(
                "member_category", "人员类别", "已填写转为正式党员日期，人员类别应为“正式党员”。"
            )
        ]
    if category == "正式党员" and not converted:
        return [
            Problem("converted_on", "转为正式党员日期", "正式党员应填写转正日期。", is_error=False)
        ]
    if category == "预备党员" and joined and dates.add_months(joined, 12) <= today:
        due = dates.format_cn_date(dates.add_months(joined, 12))
        return [
            Problem(
                "member_category",
                "人员类别",
                f"预备期已于{due}期满，请及时讨论转正。",
                is_error=False,
            )
        ]
    return []


def check_details(row: dict[str, Any], today: date) -> list[Problem]:
    """失联 needs 失联年月; 流动 needs 外出流向."""
    problems = []
    if row.get("is_lost") and not row.get("lost_since"):
        problems.append(Problem("lost_since", "失联年月", "失联党员必须填写失联年月。"))
    if row.get("lost_since") and not row.get("is_lost"):
        problems.append(Problem("is_lost", "是否失联党员", "填写了失联年月，请选择“是”。"))
    if row.get("is_mobile") and not row.get("mobile_destination"):
        problems.append(Problem("mobile_destination", "外出流向", "流动党员必须填写外出流向。"))
    return problems


def people_register(**values: Any) -> Register:
    """A roster of people (党员, 入党积极分子): rows of ``people`` found through their search
    index, listed in entry order, printed landscape as of a date."""
    shared: dict[str, Any] = {
        "group": "册",
        "count_unit": "名",
        "table": "people",
        "search_table": "people_fts",
        "default_sort": "id",
        "orientation": "landscape",
        "is_roster": True,
    }
    return Register(**(shared | values))


MEMBERS = people_register(
    key="members",
    title="党员花名册",
    row_noun="党员",
    fields=FIELDS,
    where="stage = 'member'",
    history_where="stage IN ('member', 'left') OR (stage = 'dropped' AND joined_on IS NOT NULL)",
    as_of_where=f"stage IN ('member', 'left', 'dropped') AND {MEMBER_ON}",
    search_columns=("name", "id_number", "phone", "work_unit_post", "unit"),
    checks=(fill_and_check_identity, check_party_dates, check_details),
)
