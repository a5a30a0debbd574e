"""Demo records for the books: a realistic year and a half of meetings, trainings, deeds and documents."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from liangxin_desktop.catalog.books import GOOD_DEEDS, INCOMING_DOCUMENTS, OUTGOING_DOCUMENTS
from liangxin_desktop.catalog.meetings import (
    ACTIVITIES,
    COMMITTEE_MEETINGS,
    DELIBERATIONS,
    JOINT_MEETINGS,
    ORG_LIFE,
    TRAININGS,
)
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.domain import dates
from liangxin_desktop.storage import meetings, records, rules
from liangxin_desktop.storage.archive import Archive

_TOPICS = {
    "支委会": [
        "研究本月党建工作安排",
        "讨论确定入党积极分子人选",
        "研究党费收缴和使用情况",
        "研究“三会一课”落实情况",
        "研究党员教育培训计划",
        "研究党员志愿服务活动方案",
    ],
    "支部党员大会": [
        "传达学习上级党组织会议精神",
        "通报支部上半年工作情况",
        "讨论接收预备党员",
        "开展民主评议党员动员",
        "审议支部年度工作总结",
    ],
    "党小组会": ["学习《中国共产党章程》", "交流岗位建功体会", "讨论党小组学习计划"],
    "主题党日": [
        "重温入党誓词",
        "参观红色教育基地",
        "开展“党员先锋岗”志愿服务",
        "学习身边的先进典型",
    ],
    "党课": ["书记讲党课：党员如何在企业发展中发挥先锋模范作用", "专题党课：加强党性修养"],
    "组织生活会": ["召开年度组织生活会，开展批评与自我批评"],
    "民主评议党员": ["开展年度民主评议党员"],
    "谈心谈话": ["支部书记与党员开展谈心谈话"],
    "专题辅导": ["非公企业党建工作专题辅导", "安全生产责任专题辅导"],
    "集中学习": ["集中学习党的二十大报告", "集中学习《中国共产党支部工作条例（试行）》"],
    "电教片": ["观看电教片《榜样》"],
    "志愿服务": ["党员志愿者走进社区开展便民服务", "党员先锋队参与防汛值守"],
    "主题活动": ["“党建带工建”职工技能比武", "“七一”主题活动"],
    "党员议事会": ["议定企业党员服务岗设置方案"],
    "党组织与董事会联席会议": ["研究企业年度发展规划中的党建工作", "研究职工关爱与人才培养事项"],
}
_PLACES = ["党员活动室", "公司三楼会议室", "职工之家", "公司报告厅"]
_LEAVE_REASONS = ["出差", "病假", "事假", "外出培训"]


def _meeting(
    rng: random.Random,
    archive: Archive,
    register: Register,
    kind: str,
    day: date,
    host: str,
    recorder: str,
    roster: list[dict[str, Any]],
) -> None:
    attendance = []
    for person in roster:
        roll = rng.random()
        if roll < 0.06:
            attendance.append(meetings.Attendance(person["id"], "请假", rng.choice(_LEAVE_REASONS)))
        elif roll < 0.08:
            attendance.append(meetings.Attendance(person["id"], "缺席"))
        else:
            attendance.append(meetings.Attendance(person["id"], "出席"))
    topic = rng.choice(_TOPICS[kind])
    raw: dict[str, Any] = {
        "meeting_date": day,
        "kind": kind,
        "start_time": "14:30",
        "end_time": "16:00",
        "place": rng.choice(_PLACES),
        "host": host,
        "recorder": recorder,
        "topic": topic,
        "minutes": f"会议由{host}主持。{topic}。与会党员结合岗位实际进行了交流发言，会议对下一步工作作出安排。",
    }
    if register is TRAININGS:
        raw["hours"] = rng.choice([2, 3, 4])
    resolutions: list[dict[str, Any]] = []
    if kind in ("支委会", "支部党员大会"):
        resolutions = [
            {
                "content": "按会议要求抓好落实，下次会议通报进展",
                "owner": host,
                "deadline": (day + timedelta(days=30)).isoformat(),
            }
        ]
    meetings.save_meeting(archive, register, raw, attendance, resolutions, today=day)


def _members_on(archive: Archive, day: date) -> list[dict[str, Any]]:
    return meetings.roster_for_attendance(archive, day)


def _schedule(today: date) -> list[tuple[Register, str, date]]:
    """What a conscientious branch holds: monthly, quarterly and yearly, from last January on."""
    plan: list[tuple[Register, str, date]] = []
    for year in (today.year - 1, today.year):
        for month in range(1, 13):
            plan += [
                (COMMITTEE_MEETINGS, "支委会", date(year, month, 8)),
                (ORG_LIFE, "主题党日", date(year, month, 20)),
                (ORG_LIFE, "党小组会", date(year, month, 25)),
            ]
            if month % 3 == 0:
                plan += [
                    (COMMITTEE_MEETINGS, "支部党员大会", date(year, month, 15)),
                    (ORG_LIFE, "党课", date(year, month, 18)),
                    (
                        TRAININGS,
                        ("专题辅导", "集中学习", "电教片")[month // 3 % 3],
                        date(year, month, 12),
                    ),
                ]
            if month in (3, 6, 9):
                plan.append(
                    (ACTIVITIES, ("志愿服务", "主题活动")[month % 2], date(year, month, 28))
                )
        plan += [
            (ORG_LIFE, "组织生活会", date(year, 12, 10)),
            (ORG_LIFE, "民主评议党员", date(year, 12, 12)),
            (ORG_LIFE, "谈心谈话", date(year, 11, 20)),
            (DELIBERATIONS, "党员议事会", date(year, 5, 16)),
            (JOINT_MEETINGS, "党组织与董事会联席会议", date(year, 1, 22)),
        ]
    return [item for item in plan if item[2] <= today]


def build_books(
    archive: Archive,
    rng: random.Random,
    today: date,
    host: str,
    recorder: str,
    committee_names: list[str],
) -> None:
    committee = set(committee_names) | {host}
    for register, kind, day in _schedule(today):
        roster = _members_on(archive, day)
        if kind == "支委会":  # the committee meets; the whole branch meets at 支部党员大会
            roster = [p for p in roster if p["name"] in committee] or roster[:3]
        elif kind == "党小组会":
            roster = [p for p in roster if p["unit"] == roster[0]["unit"]]
        if roster:
            _meeting(rng, archive, register, kind, day, host, recorder, roster)
    _deeds_and_documents(rng, archive, today, recorder)
    for title in list(rules.standard_rules())[:4]:
        rules.adopt_standard(archive, title)


def _deeds_and_documents(rng: random.Random, archive: Archive, today: date, handler: str) -> None:
    deeds = [
        ("拾金不昧，将捡到的钱包归还失主", "失主"),
        ("带头参加无偿献血", "市中心血站"),
        ("雨夜加班抢修设备，保障订单按期交付", "公司"),
        ("结对帮扶困难职工家庭", "困难职工家庭"),
    ]
    for offset, (deed, beneficiary) in enumerate(deeds):
        day = today - timedelta(days=40 + 70 * offset)
        records.add_record(
            archive,
            GOOD_DEEDS,
            {
                "deed_date": day,
                "person": f"党员志愿服务队第{offset + 1}组",
                "deed": deed,
                "beneficiary": beneficiary,
                "verified_by": handler,
                "commendation": "支部通报表扬",
            },
            today,
        )
    incoming = [
        ("关于做好年度党员教育培训工作的通知", "组通〔{y}〕12号"),
        ("关于开展“两新”组织党建工作质量提升行动的通知", "组发〔{y}〕8号"),
        ("关于做好党费收缴工作的通知", "组通〔{y}〕21号"),
    ]
    for offset, (title, number) in enumerate(incoming):
        day = today - timedelta(days=20 + 60 * offset)
        records.add_record(
            archive,
            INCOMING_DOCUMENTS,
            {
                "doc_date": day,
                "issuer": "上级党委组织部",
                "doc_number": number.format(y=day.year),
                "title": title,
                "secrecy": "公开",
                "copies": 1,
                "handling": "已传达学习并抓好落实",
                "handler": handler,
            },
            today,
        )
    records.add_record(
        archive,
        OUTGOING_DOCUMENTS,
        {
            "doc_date": today - timedelta(days=30),
            "issuer": "本支部",
            "doc_number": f"支字〔{today.year}〕1号",
            "title": "关于表扬优秀共产党员的决定",
            "secrecy": "公开",
            "copies": 5,
            "handling": "已印发",
            "handler": handler,
        },
        today,
    )


def build_pipeline(
    archive: Archive, rng: random.Random, today: date, names: list[str], mentors: str
) -> None:
    """Four people at different steps of the development pipeline."""
    from liangxin_desktop.domain.idnumber import fictional_id_number
    from liangxin_desktop.storage import pipeline

    for index, name in enumerate(names):
        birth = date(today.year - 24 - index, rng.randint(1, 12), rng.randint(1, 28))
        applied = today - timedelta(days=120 + 200 * index)
        person_id = pipeline.add_applicant(
            archive,
            {
                "name": name,
                "id_number": fictional_id_number(
                    "110105", birth, index * 2 + (1 if index % 2 == 0 else 0)
                ),
                "ethnicity": "汉族",
                "education": "大学本科",
                "political_status": "共青团员" if index % 2 else "群众",
                "work_unit_post": "研发工程师",
                "applied_on": applied,
                "talked_on": applied + timedelta(days=14),
                "talked_by": mentors.split("、")[0],
                "phone": f"139{rng.randint(10000000, 99999999)}",
            },
            today,
        )
        if index >= 1:
            pipeline.make_activist(archive, person_id, applied + timedelta(days=60), mentors, today)
        if index >= 2:
            pipeline.make_candidate(archive, person_id, applied + timedelta(days=60 + 400), today)


def build_dues(archive: Archive, rng: random.Random, today: date, collector: str) -> None:
    """核定 for last year and this year, and payments month by month (a few members behind)."""
    from liangxin_desktop.storage import dues

    for year in (today.year - 1, today.year):
        for line in dues.dues_grid(archive, year):
            base = rng.choice([280000, 450000, 650000, 820000, 1200000])
            dues.assess(archive, line.person_id, year, "在职", base)
        for line in dues.dues_grid(archive, year):
            behind = 3 if line.person_id % 11 == 0 else 0
            last = min(date(year, 12, 1), today.replace(day=1))
            month = date.fromisoformat(line.first_month + "-01")
            while (
                month <= last
                and month.isoformat()[:7] <= line.last_month
                and (year < today.year or month <= dates.add_months(last, -behind))
            ):
                paid_on = month.replace(day=min(25, 28))
                if paid_on <= today:
                    dues.record_payments(
                        archive,
                        [line.person_id],
                        [month.isoformat()[:7]],
                        paid_on,
                        "按月",
                        collector,
                        today,
                    )
                month = dates.add_months(month, 1)


def build_mobile_cards(
    archive: Archive, today: date, roster: list[dict[str, Any]], issuer: str
) -> None:
    """One member working away (long enough to be flagged) and one member coming in."""
    from liangxin_desktop.domain.idnumber import fictional_id_number
    from liangxin_desktop.storage import mobile

    away = roster[-1]
    away_on = today - timedelta(days=240)
    mobile.save_card(
        archive,
        {
            "direction": "流出",
            "name": away["name"],
            "id_number": away["id_number"],
            "phone": away.get("phone"),
            "card_no": f"流动{today.year}-001",
            "card_issued_on": away_on,
            "card_issuer": issuer,
            "away_on": away_on,
            "reason": "随项目外派",
            "destination": "广东省深圳市南山区科技园项目部",
            "host_unit": "项目部",
            "host_org": "中共深圳市南山区粤海街道工作委员会",
            "dues_where": "本支部",
            "dues_paid_until": today.isoformat()[:7],
        },
        [
            {
                "entry_date": away_on + timedelta(days=90),
                "kind": "联系",
                "content": "电话了解工作和思想情况",
            }
        ],
        today=today,
    )
    mobile.save_card(
        archive,
        {
            "direction": "流入",
            "name": "杨立新",
            "id_number": fictional_id_number("510107", date(1988, 4, 6), 11),
            "home_org": "中共成都市武侯区某社区支部委员会",
            "card_no": "川流动2025-037",
            "away_on": today - timedelta(days=100),
            "reason": "务工",
            "destination": "本公司",
            "dues_where": "原所在党组织",
        },
        today=today,
    )


def _demo_photo(path: Path, caption: str, day: date, hue: int) -> None:
    """A stand-in activity photo: a coloured scene with its caption, and the date in its EXIF."""
    from PIL import Image, ImageDraw, ImageFont

    from liangxin_desktop import paths

    image = Image.new("RGB", (1600, 1067), (150 + hue % 80, 40 + hue % 50, 40))
    draw = ImageDraw.Draw(image)
    for band in range(0, 1067, 40):
        draw.rectangle([0, band, 1600, band + 20], fill=(170 + hue % 60, 60 + band % 60, 50))
    font = ImageFont.truetype(str(paths.fonts_dir() / "NotoSansSC-Bold.ttf"), 72)
    draw.text((80, 860), caption, font=font, fill=(255, 230, 160))
    exif = Image.Exif()
    exif.get_ifd(0x8769)[36867] = day.strftime("%Y:%m:%d 10:00:00")
    image.save(path, "JPEG", quality=85, exif=exif)


def build_files(archive: Archive, today: date, author: str) -> None:
    """A few activity materials and photos, as the clerk would import them."""
    import tempfile

    from liangxin_desktop.storage import files

    with tempfile.TemporaryDirectory(prefix="liangxin-demo-") as folder:
        plan = Path(folder) / "主题党日活动方案.txt"
        plan.write_text(
            "主题党日活动方案\n一、活动主题：重温入党誓词，践行初心使命\n二、活动时间：每月20日\n"
            "三、参加人员：支部全体党员\n四、活动内容：重温入党誓词、集中学习、志愿服务\n",
            encoding="utf-8",
        )
        files.import_material(
            archive,
            {
                "file_date": today - timedelta(days=60),
                "title": "主题党日活动方案",
                "kind": "活动方案",
            },
            plan,
            today,
        )
        scenes = [
            ("重温入党誓词", 20),
            ("党员志愿服务进社区", 75),
            ("七一主题党日", 140),
            ("集中学习", 200),
        ]
        for index, (caption, days_ago) in enumerate(scenes):
            path = Path(folder) / f"photo{index}.jpg"
            day = today - timedelta(days=days_ago)
            _demo_photo(path, caption, day, index * 37)
            files.import_photo(
                archive, {"title": caption, "place": "党员活动室", "author": author}, path, today
            )
