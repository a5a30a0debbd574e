"""A fictional but realistic archive for a first look, tests and benchmarks (deterministic per seed)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from liangxin_desktop.demo_books import (
    MOBILE_AWAY_DAYS,
    Away,
    build_books,
    build_files,
    build_mobile_cards,
)
from liangxin_desktop.demo_dues import build_dues
from liangxin_desktop.demo_pipeline import admission_meetings, build_pipeline
from liangxin_desktop.domain import codes, dates
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.domain.uscc import CHARSET, uscc_check_character
from liangxin_desktop.storage import membership, organization, people
from liangxin_desktop.storage.archive import Archive

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文"
GIVEN_MALE = "伟强磊军洋勇杰涛明超刚平建国东志海鹏飞宇浩然俊文博天一鸣振华新民立晨峰喆堃淼斌辉波"
GIVEN_FEMALE = "芳娜敏静丽艳娟秀霞桂英华玉萍红雪梅丹欣怡涵嘉琪佳慧雨萱春燕秋菊冬晓婷颖洁琳"
CITIES = [
    ("330106", "浙江省杭州市西湖区"),
    ("330108", "浙江省杭州市滨江区"),
    ("320505", "江苏省苏州市虎丘区"),
    ("440305", "广东省深圳市南山区"),
    ("510107", "四川省成都市武侯区"),
    ("370102", "山东省济南市历下区"),
    ("420106", "湖北省武汉市武昌区"),
    ("350102", "福建省福州市鼓楼区"),
    ("610113", "陕西省西安市雁塔区"),
    ("430104", "湖南省长沙市岳麓区"),
]
_FIRMS = [
    "恒信智能科技",
    "瑞丰精密机械",
    "绿源环保科技",
    "安康医疗器械",
    "天成建设工程",
    "明德教育咨询",
    "海川物流",
    "星辰软件",
    "百川新材料",
    "和泰食品",
]
_SOCIAL = ["阳光社会工作服务中心", "同心志愿者协会", "仁和养老服务中心", "益众公益发展中心"]
STREETS = [
    "文三路",
    "江南大道",
    "学院路",
    "人民路",
    "建设路",
    "中山路",
    "解放路",
    "长江路",
    "滨河路",
    "新华路",
]
POSTS = [
    "研发工程师",
    "生产主管",
    "财务经理",
    "销售经理",
    "质检员",
    "行政主管",
    "技术员",
    "项目经理",
    "人力资源专员",
    "车间班长",
    "采购专员",
    "客服主管",
]
_DESTINATIONS = [
    "中共杭州市滨江区物联网街道工作委员会",
    "中共苏州工业园区非公有制企业综合党委",
    "中共深圳市南山区委组织部",
]


_DEGREES = {"大学本科": "学士", "硕士研究生": "硕士"}  # 学位 follows 学历


@dataclass
class DemoSpec:
    seed: int = 1
    members: int = 36
    today: date | None = None


def _name(rng: random.Random, male: bool | None = None) -> str:
    if male is None:
        male = rng.random() < 0.5
    pool = GIVEN_MALE if male else GIVEN_FEMALE
    given = rng.choice(pool) + (rng.choice(pool) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def _credit_code(rng: random.Random, region: str, social: bool) -> str:
    """A well-formed fictional 统一社会信用代码: 5 民政 + 2 民非 or 9 市场监管 + 1 企业."""
    head = ("52" if social else "91") + region
    body = "".join(rng.choice(CHARSET[:10]) for _ in range(8)) + rng.choice(CHARSET)
    return head + body + uscc_check_character(head + body)


def _org_profile(rng: random.Random, seed: int, today: date) -> dict[str, Any]:
    code, place = rng.choice(CITIES)
    city = place[3:6]
    social = seed % 4 == 0
    host = f"{city}{rng.choice(_SOCIAL)}" if social else f"{city}{rng.choice(_FIRMS)}有限公司"
    term_start = date(today.year - rng.randint(0, 2), rng.choice([3, 6, 9]), 1)
    return {
        "name": f"中共{host}支部委员会",
        "kind": "党支部",
        "formation_mode": "单独组建",
        "founded_on": date(today.year - rng.randint(4, 15), 7, 1),
        "parent_org": f"中共{place[6:]}非公有制经济组织和社会组织综合委员会",
        "instructor": _name(rng),
        "term_start": term_start,
        "term_end": dates.add_months(term_start, 36),
        "keeper": "",
        "host_name": host,
        "host_kind": "新社会组织" if social else "新经济组织",
        "host_uscc": _credit_code(rng, code, social),
        "host_employees": rng.randint(60, 600),
        "host_above_scale": 0 if social else 1,
        "host_leader": _name(rng),
        "host_address": f"{place}{rng.choice(STREETS)}{rng.randint(1, 999)}号",
        "_region": code,
        "_place": place,
    }


_ORIGINS = [
    "中共浙江大学计算机科学与技术学院学生第一支部委员会",
    "中共杭州市西湖区文新街道社区委员会",
    "中共苏州工业园区某科技有限公司支部委员会",
    "中共成都市武侯区人才服务中心流动党员支部委员会",
    "中共济南市历下区某建设集团第二支部委员会",
]


def _transfer_in(
    rng: random.Random, joined: date, founded: date, today: date
) -> tuple[date | None, str | None]:
    """Every member who joined the Party before the branch was founded came here by 转入 (most
    of them at the founding); some who joined later did too."""
    if joined >= founded and rng.random() > 0.2:
        return None, None
    earliest = max(joined + timedelta(days=30), founded)
    if joined < founded and rng.random() < 0.6:
        day = founded
    else:
        day = earliest + timedelta(days=rng.randint(0, max((today - earliest).days - 45, 0)))
    return min(day, today - timedelta(days=45)), rng.choice(_ORIGINS)


def _member(
    rng: random.Random,
    index: int,
    region: str,
    place: str,
    units: list[str],
    today: date,
    founded: date,
) -> dict[str, Any]:
    retired = index % 12 == 5  # a few retired members (离退休: pension-based dues)
    birth = date(
        rng.randint(1950, 1960) if retired else rng.randint(1962, 2001),
        rng.randint(1, 12),
        rng.randint(1, 28),
    )
    sex_odd = rng.random() < 0.55
    regions = [region, *(code for code, _ in CITIES if code != region)]
    block, slot = divmod(index, 500)  # 500 people per region code keeps every number unique
    number = fictional_id_number(
        regions[block % len(regions)], birth, slot * 2 + (1 if sex_odd else 0)
    )
    earliest = dates.add_months(birth, 12 * 20)
    span = max((today - earliest).days - 60, 1)
    joined = earliest + timedelta(days=rng.randint(0, span))
    probationary = dates.add_months(joined, 12) > today
    street = rng.choice(STREETS)
    education = rng.choice(
        ["大学本科", "大学本科", "大学专科", "硕士研究生", "普通高中", "中等专科"]
    )
    transferred_in_on, from_org = _transfer_in(rng, joined, founded, today)
    if transferred_in_on is not None and transferred_in_on <= joined:
        transferred_in_on, from_org = None, None  # joined too recently to have moved here
    return {
        "transferred_in_on": transferred_in_on,
        "from_org": from_org,
        "name": _name(rng, male=sex_odd),
        "ethnicity": "汉族" if rng.random() < 0.92 else rng.choice(codes.ETHNICITIES[1:20]),
        "id_number": number,
        "education": education,
        "member_category": "预备党员" if probationary else "正式党员",
        "unit": rng.choice(units),
        "joined_on": joined,
        "converted_on": None if probationary else dates.add_months(joined, 12),
        "job_post": "离退休人员"
        if retired
        else rng.choice(
            [
                "非公有制企业专业技术人员",
                "非公有制企业管理人员",
                "工勤技能人员",
                "非公有制企业专业技术人员",
            ]
        ),
        "phone": f"1{rng.choice('3578')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
        "home_address": f"{place}{street}{rng.randint(1, 300)}号{rng.randint(1, 30)}幢{rng.randint(101, 2402)}室",
        "degree": _DEGREES.get(education, "无"),
        "native_place": rng.choice(CITIES)[1][:3],
        "work_unit_post": rng.choice(POSTS),
    }


def build_demo(archive: Archive, spec: DemoSpec | None = None) -> None:
    """Fill an empty archive with a fictional organization and its members."""
    spec = spec or DemoSpec()
    today = spec.today or date.today()
    rng = random.Random(spec.seed)
    profile = _org_profile(rng, spec.seed, today)
    region, place = profile.pop("_region"), profile.pop("_place")
    units = ["第一党小组（研发）", "第二党小组（生产）", "第三党小组（营销与行政）"]
    founded = profile["founded_on"]
    roster = [
        _member(rng, i + 1, region, place, units, today, founded) for i in range(spec.members)
    ]
    committee = [
        {"name": roster[i]["name"], "post": post, "start_on": profile["term_start"]}
        for i, post in enumerate(["书记", "组织委员", "宣传委员"][: max(1, min(3, spec.members))])
    ]
    profile["keeper"] = roster[1]["name"] if len(roster) > 1 else roster[0]["name"]
    haves = [
        {"item": item, "done": 1, "done_on": profile["founded_on"]} for item in codes.SIX_HAVES[:5]
    ]
    with archive.transaction():
        organization.save_profile(archive, profile, committee, haves, today=today)
        ids = [people.add_member(archive, member, today=today) for member in roster]
        admission_meetings(archive, rng, ids, today, roster[0]["name"], profile["keeper"])
        _some_leave(rng, archive, ids, today)
        _one_lost(archive, ids, today)
        build_books(
            archive,
            rng,
            today,
            roster[0]["name"],
            profile["keeper"],
            [c["name"] for c in committee],
            Away(roster[-1]["name"], today - timedelta(days=MOBILE_AWAY_DAYS)),
        )
        mentors = "、".join(member["name"] for member in roster[1:3])
        build_pipeline(
            archive,
            rng,
            today,
            [_name(rng, male=i % 2 == 0) for i in range(4)],
            mentors,
            roster[0]["name"],
        )
        build_dues(archive, rng, today, profile["keeper"], profile["parent_org"])
        build_mobile_cards(archive, today, roster, profile["name"])
        build_files(archive, today, profile["keeper"])


def _some_leave(rng: random.Random, archive: Archive, ids: list[int], today: date) -> None:
    """Three leave: two 转出 with a 组织关系介绍信 (one 回执 back), one 死亡."""
    leavers = rng.sample(ids[3:], k=min(3, max(0, len(ids) - 3)))
    for number, (person_id, kind) in enumerate(
        zip(leavers, ["转出", "死亡", "转出"], strict=False), start=1
    ):
        person = people.get_person(archive, person_id)
        start = date.fromisoformat(
            max(person["converted_on"] or "", person["transferred_in_on"] or "")
            or person["joined_on"]
        )
        day = start + timedelta(days=rng.randint(1, max((today - start).days - 1, 1)))
        details: dict[str, Any] = {}
        if kind == "转出":
            details = {
                "to_org": rng.choice(_DESTINATIONS),
                "out_letter_no": f"{day.year}-{number:03d}",
                "letter_valid_until": (day + timedelta(days=30)).isoformat(),
                "out_dues_paid_until": day.isoformat()[:7],
            }
        period_id = people.record_leave(archive, person_id, kind, day, today=today, **details)
        if kind == "转出" and number == 1 and day + timedelta(days=20) <= today:
            membership.record_receipt(archive, period_id, day + timedelta(days=20), today)


def _one_lost(archive: Archive, ids: list[int], today: date) -> None:
    """One member has been out of contact (失联) for eight months."""
    current = [p for p in ids if people.get_person(archive, p)["stage"] == "member"]
    if len(current) > 4:
        since = dates.add_months(today.replace(day=1), -8).isoformat()[:7]
        with archive.transaction() as db:
            db.table("people").update(current[4], {"is_lost": 1, "lost_since": since})
