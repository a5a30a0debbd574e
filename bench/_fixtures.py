"""Synthetic archives for the benchmarks: many realistic members written in one bulk transaction."""

from __future__ import annotations

import io
import random
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from liangxin_desktop.demo import CITIES, GIVEN_FEMALE, GIVEN_MALE, POSTS, STREETS, SURNAMES
from liangxin_desktop.domain import codes, dates
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.domain.milestones import LEAVE_MILESTONES
from liangxin_desktop.storage import audit, organization
from liangxin_desktop.storage.archive import Archive, open_archive
from liangxin_desktop.storage.schema_later import (
    EXISTING_PERIODS,
    MIGRATED_PERIOD_NOTE,
    SUSPENDED_BECOME_STANDING,
)

HOST = "杭州恒信智能科技有限公司"
ORGANIZATION = {"name": f"中共{HOST}支部委员会", "kind": "党支部"}
UNIT_COUNT = 36
LEFT_SHARE = 0.03

# Region codes beyond demo.py's ten, so that ID numbers start in many different places.
_MORE_REGIONS = [
    ("110105", "北京市朝阳区"), ("110108", "北京市海淀区"), ("310115", "上海市浦东新区"),
    ("310104", "上海市徐汇区"), ("120101", "天津市和平区"), ("500103", "重庆市渝中区"),
    ("330302", "浙江省温州市鹿城区"), ("330402", "浙江省嘉兴市南湖区"), ("330602", "浙江省绍兴市越城区"),
    ("330702", "浙江省金华市婺城区"), ("331002", "浙江省台州市椒江区"), ("320102", "江苏省南京市玄武区"),
    ("320211", "江苏省无锡市滨湖区"), ("340104", "安徽省合肥市蜀山区"), ("360102", "江西省南昌市东湖区"),
    ("410105", "河南省郑州市金水区"), ("130102", "河北省石家庄市长安区"), ("140105", "山西省太原市小店区"),
    ("210102", "辽宁省沈阳市和平区"), ("220102", "吉林省长春市南关区"), ("230103", "黑龙江省哈尔滨市南岗区"),
    ("450103", "广西壮族自治区南宁市青秀区"), ("460106", "海南省海口市龙华区"), ("520102", "贵州省贵阳市南明区"),
    ("530102", "云南省昆明市五华区"), ("620102", "甘肃省兰州市城关区"), ("640104", "宁夏回族自治区银川市兴庆区"),
    ("650102", "新疆维吾尔自治区乌鲁木齐市天山区"),
]  # fmt: skip
REGIONS = CITIES + _MORE_REGIONS
_DEPARTMENTS = ["研发", "生产", "营销", "行政", "财务", "物流", "质检", "客服", "采购", "工程"]
_DIGITS = "零一二三四五六七八九"
_EDUCATIONS = (
    ["大学本科"] * 4
    + ["大学专科"] * 3
    + ["硕士研究生"] * 2
    + ["普通高中", "中等专科", "博士研究生"]
)
_DEGREES = {"大学本科": "学士", "硕士研究生": "硕士", "博士研究生": "博士"}
_JOB_POSTS = codes.JOB_POSTS[:2] * 4 + codes.JOB_POSTS[2:6]
_LEAVE_KINDS = ["转出"] * 20 + ["死亡"] * 3 + ["出党", "停止党籍"]

PEOPLE_COLUMNS = (
    "id", "name", "sex", "ethnicity", "id_number", "birth_date", "education", "degree",
    "member_category", "unit", "joined_on", "converted_on", "job_post", "phone", "home_address",
    "is_lost", "lost_since", "is_mobile", "mobile_destination", "native_place", "residence",
    "household_registration", "party_post", "work_unit_post", "note", "stage", "left_on",
    "left_kind", "created_at", "updated_at",
)  # fmt: skip
MILESTONE_COLUMNS = ("person_id", "kind", "date", "detail", "created_at")


@dataclass(frozen=True)
class BuiltArchive:
    """What was written: counts and how long the bulk insert took."""

    path: Path
    people: int
    left: int
    milestones: int
    seconds: float


def chinese_number(n: int) -> str:
    """1..99 in Chinese numerals (十一, 二十, 三十六)."""
    tens, ones = divmod(n, 10)
    if not tens:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def unit_names(count: int = UNIT_COUNT) -> list[str]:
    return [
        f"第{chinese_number(i)}党小组（{_DEPARTMENTS[(i - 1) % len(_DEPARTMENTS)]}）"
        for i in range(1, count + 1)
    ]


def _name(rng: random.Random, male: bool) -> str:
    pool = GIVEN_MALE if male else GIVEN_FEMALE
    given = rng.choice(pool) + (rng.choice(pool) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def _id_number(rng: random.Random, region: str, birth: date, used: set[str]) -> str:
    while True:
        number = fictional_id_number(region, birth, rng.randrange(1000))
        if number not in used:
            used.add(number)
            return number


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.05:
        return f"0571-{rng.randint(81000000, 89999999)}"
    return f"1{rng.choice('3456789')}{rng.randint(0, 999999999):09d}"


def _party_dates(rng: random.Random, birth: date, today: date) -> tuple[date, date | None]:
    earliest = dates.add_months(birth, 12 * 18 + rng.randint(0, 120))
    span = max((today - earliest).days - 30, 1)
    joined = earliest + timedelta(days=rng.randint(0, span))
    converted = dates.add_months(joined, 12)
    return joined, (converted if converted <= today else None)


def _leave(rng: random.Random, since: date, today: date) -> tuple[str | None, str | None]:
    if rng.random() >= LEFT_SHARE or since >= today:
        return None, None
    day = since + timedelta(days=rng.randint(1, (today - since).days))
    return day.isoformat(), rng.choice(_LEAVE_KINDS)


def _address(rng: random.Random, place: str) -> str:
    return (
        f"{place}{rng.choice(STREETS)}{rng.randint(1, 300)}号"
        f"{rng.randint(1, 30)}幢{rng.randint(1, 24)}0{rng.randint(1, 4)}室"
    )


def _flags(rng: random.Random) -> tuple[int, str | None, int, str | None]:
    lost = rng.random() < 0.004
    mobile = rng.random() < 0.03
    lost_since = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}" if lost else None
    destination = rng.choice(REGIONS)[1] if mobile else None
    return int(lost), lost_since, int(mobile), destination


def person_row(
    rng: random.Random, person_id: int, units: list[str], used: set[str], today: date, stamp: str
) -> dict[str, Any]:
    """One member (or former member) with every roster column filled as a clerk would."""
    region, birthplace = rng.choice(REGIONS)
    birth = date(rng.randint(1955, 2003), rng.randint(1, 12), rng.randint(1, 28))
    number = _id_number(rng, region, birth, used)
    joined, converted = _party_dates(rng, birth, today)
    left_on, left_kind = _leave(rng, converted or joined, today)
    education = rng.choice(_EDUCATIONS)
    is_lost, lost_since, is_mobile, destination = _flags(rng)
    home = _address(rng, rng.choice(CITIES)[1])
    male = int(number[16]) % 2 == 1
    return {
        "id": person_id,
        "name": _name(rng, male),
        "sex": "男" if male else "女",
        "ethnicity": "汉族" if rng.random() < 0.92 else rng.choice(codes.ETHNICITIES[1:20]),
        "id_number": number,
        "birth_date": birth.isoformat(),
        "education": education,
        "degree": _DEGREES.get(education, "无"),
        "member_category": "正式党员" if converted else "预备党员",
        "unit": rng.choice(units),
        "joined_on": joined.isoformat(),
        "converted_on": converted.isoformat() if converted else None,
        "job_post": rng.choice(_JOB_POSTS),
        "phone": _phone(rng),
        "home_address": home,
        "is_lost": is_lost,
        "lost_since": lost_since,
        "is_mobile": is_mobile,
        "mobile_destination": destination,
        "native_place": birthplace[:3],
        "residence": home,
        "household_registration": birthplace,
        "party_post": "党小组组长" if rng.random() < 0.01 else None,
        "work_unit_post": f"{HOST}{rng.choice(POSTS)}",
        "note": None,
        "stage": "left" if left_on else "member",
        "left_on": left_on,
        "left_kind": left_kind,
        "created_at": stamp,
        "updated_at": stamp,
    }


def milestone_rows(person: dict[str, Any], stamp: str) -> list[tuple[Any, ...]]:
    """The dated events that agree with the person row: admitted, converted, and a leave."""
    found: list[tuple[Any, ...]] = [(person["id"], "admitted", person["joined_on"], None, stamp)]
    if person["converted_on"]:
        found.append((person["id"], "converted", person["converted_on"], None, stamp))
    if person["left_on"]:
        kind = person["left_kind"]
        detail = "转往：中共杭州市滨江区非公有制企业综合党委" if kind == "转出" else None
        milestone = LEAVE_MILESTONES.get(kind, "suspended")  # 停止党籍: not a leave since issue 11
        found.append((person["id"], milestone, person["left_on"], detail, stamp))
    return found


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    marks = ", ".join("?" * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


def fill_archive(
    archive: Archive, count: int, seed: int = 1, today: date | None = None
) -> tuple[int, int]:
    """Bulk-insert ``count`` people and their milestones; return (people who left, milestones)."""
    today = today or date.today()
    rng, stamp = random.Random(seed), audit.now_text()
    used: set[str] = set()
    units = unit_names()
    people = [person_row(rng, i, units, used, today, stamp) for i in range(1, count + 1)]
    events = [m for person in people for m in milestone_rows(person, stamp)]
    conn = archive.db.conn
    with archive.transaction():
        conn.executemany(
            "INSERT INTO units (name, sort_order) VALUES (?, ?)",
            [(name, order) for order, name in enumerate(units, start=1)],
        )
        conn.executemany(
            _insert_sql("people", PEOPLE_COLUMNS),
            [tuple(p[c] for c in PEOPLE_COLUMNS) for p in people],
        )
        conn.executemany(_insert_sql("milestones", MILESTONE_COLUMNS), events)
        # each person's period here, as an archive of an earlier version gets them on upgrade
        conn.execute(EXISTING_PERIODS, [MIGRATED_PERIOD_NOTE, stamp])
    conn.executescript(SUSPENDED_BECOME_STANDING)  # a script: its own transaction
    organization.save_profile(archive, ORGANIZATION)
    return sum(p["stage"] == "left" for p in people), len(events)


def build_archive(path: Path, count: int, seed: int = 1) -> BuiltArchive:
    """Create a fresh archive at ``path`` holding ``count`` people; the archive is closed again."""
    start = time.perf_counter()
    archive = open_archive(path)
    try:
        left, events = fill_archive(archive, count, seed)
    finally:
        archive.close()
    return BuiltArchive(path, count, left, events, time.perf_counter() - start)


def photo_jpeg(rng: random.Random, colour: tuple[int, int, int] = (160, 80, 60)) -> bytes:
    """A 2,400 × 1,600 JPEG with enough detail to be photo-sized (a few hundred KB)."""
    image = Image.new("RGB", (2400, 1600), colour)
    draw = ImageDraw.Draw(image)
    for _ in range(400):
        x, y = rng.randrange(2400), rng.randrange(1600)
        draw.ellipse(
            (x, y, x + rng.randrange(20, 200), y + rng.randrange(20, 200)),
            fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)),
        )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()
