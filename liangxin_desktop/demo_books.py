"""Demo records for the books: a realistic year and a half of meetings, trainings, deeds and documents."""

from __future__ import annotations

import random
from dataclasses import dataclass
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
from liangxin_desktop.domain.member_review import results_with_exceptions
from liangxin_desktop.storage import meetings, member_review, records, rules
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.compliance import compliance_of

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
PLACES = ["党员活动室", "公司三楼会议室", "职工之家", "公司报告厅"]
_LEAVE_REASONS = ["出差", "病假", "事假", "外出培训"]


# 学时 of each kind of study record (trainings, 党课, the study part of 主题党日), so that a
# member who attends is above the 32 学时 a year and the committee, with its 集中轮训, above 56.
_HOURS = {"党课": 3, "主题党日": 2, "专题辅导": 4, "集中学习": 4, "电教片": 4, "集中轮训": 16}
_MOBILE_LEAVE = "外出流动在流入地参加组织生活"
_REVIEW_TOPIC = "开展民主评议党员动员"
MOBILE_AWAY_DAYS = 240  # the mobile member has been away long enough to be flagged (≥ 6 months)


@dataclass(frozen=True)
class Away:
    """A mobile member working away from ``since``: on leave at the home branch's meetings."""

    name: str
    since: date


def _status(rng: random.Random, kind: str) -> tuple[str, str]:
    if kind == "谈心谈话":  # talks are one to one: held with everyone
        return "出席", ""
    roll = rng.random()
    if roll < 0.06:
        return "请假", rng.choice(_LEAVE_REASONS)
    return ("缺席", "") if roll < 0.08 else ("出席", "")


def _meeting(
    rng: random.Random,
    archive: Archive,
    planned: tuple[Register, str, date, str],
    host: str,
    recorder: str,
    roster: list[dict[str, Any]],
    away: Away | None,
) -> int:
    register, kind, day, topic = planned
    attendance = []
    for person in roster:
        status, reason = _status(rng, kind)
        if away and person["name"] == away.name and day >= away.since:
            status, reason = "请假", _MOBILE_LEAVE
        attendance.append(meetings.Attendance(person["id"], status, reason))
    topic = topic or rng.choice(_TOPICS[kind])
    if kind == "党小组会":  # each group has its own meeting: its name leads the topic
        topic = f"{roster[0]['unit']}：{topic}"
    raw: dict[str, Any] = {
        "meeting_date": day,
        "kind": "集中学习" if kind == "集中轮训" else kind,
        "start_time": "14:30",
        "end_time": "16:00",
        "place": rng.choice(PLACES),
        "host": host,
        "recorder": recorder,
        "topic": topic,
        "minutes": f"会议由{host}主持。{topic}。与会党员结合岗位实际进行了交流发言，会议对下一步工作作出安排。",
    }
    if kind in _HOURS:
        raw["hours"] = _HOURS[kind]
    resolutions: list[dict[str, Any]] = []
    if kind in ("支委会", "支部党员大会"):
        resolutions = [
            {
                "content": "按会议要求抓好落实，下次会议通报进展",
                "owner": host,
                "deadline": (day + timedelta(days=30)).isoformat(),
            }
        ]
    return meetings.save_meeting(archive, register, raw, attendance, resolutions, today=day)


def _members_on(archive: Archive, day: date) -> list[dict[str, Any]]:
    return meetings.roster_for_attendance(archive, day)


def _year_plan(year: int) -> list[tuple[Register, str, date, str]]:
    """What a conscientious branch holds in a year: monthly, quarterly and yearly."""
    plan: list[tuple[Register, str, date, str]] = []
    for month in range(1, 13):
        plan += [
            (COMMITTEE_MEETINGS, "支委会", date(year, month, 8), ""),
            (ORG_LIFE, "主题党日", date(year, month, 20), ""),
            (ORG_LIFE, "党小组会", date(year, month, 25), ""),
        ]
        if month % 3 == 0:
            plan += [
                # December's 支部党员大会 is the 动员 of the 民主评议 a week later
                (
                    COMMITTEE_MEETINGS,
                    "支部党员大会",
                    date(year, month, 5 if month == 12 else 15),
                    _REVIEW_TOPIC if month == 12 else "",
                ),
                (ORG_LIFE, "党课", date(year, month, 18), ""),
                (
                    TRAININGS,
                    ("专题辅导", "集中学习", "电教片")[month // 3 % 3],
                    date(year, month, 12),
                    "",
                ),
            ]
        if month in (3, 6, 9):
            plan.append(
                (ACTIVITIES, ("志愿服务", "主题活动")[month % 2], date(year, month, 28), "")
            )
    plan += [
        (TRAININGS, "集中轮训", date(year, 4, 16), "支部委员集中轮训（上半年）"),
        (TRAININGS, "集中轮训", date(year, 10, 16), "支部委员集中轮训（下半年）"),
        (ORG_LIFE, "组织生活会", date(year, 12, 10), ""),
        (ORG_LIFE, "民主评议党员", date(year, 12, 12), ""),
        (ORG_LIFE, "谈心谈话", date(year, 11, 20), ""),
        (DELIBERATIONS, "党员议事会", date(year, 5, 16), ""),
        (JOINT_MEETINGS, "党组织与董事会联席会议", date(year, 1, 22), ""),
    ]
    return plan


def _schedule(today: date) -> list[tuple[Register, str, date, str]]:
    """Last year's and this year's meetings up to ``today``, in date order."""
    plan = _year_plan(today.year - 1) + _year_plan(today.year)
    return sorted((item for item in plan if item[2] <= today), key=lambda item: item[2])


def _rosters(
    archive: Archive, kind: str, day: date, committee: set[str]
) -> list[list[dict[str, Any]]]:
    """Who is expected: the committee at 支委会 and 集中轮训, each 党小组 at its own 党小组会."""
    roster = _members_on(archive, day)
    if kind in ("支委会", "集中轮训"):
        return [[p for p in roster if p["name"] in committee] or roster[:3]]
    if kind == "党小组会":
        groups = sorted({p["unit"] for p in roster if p["unit"]})
        return [[p for p in roster if p["unit"] == group] for group in groups]
    return [roster]


def _review(rng: random.Random, archive: Archive, meeting_id: int) -> None:
    """The 民主评议 results: 合格 for all, two 优秀 (the review's usual shape)."""
    ids = [m["id"] for m in member_review.reviewable_members(archive, meeting_id)]
    excellent = {pid: "优秀" for pid in rng.sample(ids, k=min(2, len(ids)))}
    member_review.save_results(archive, meeting_id, results_with_exceptions(ids, excellent))


def _talk_with_the_rest(archive: Archive, year: int, today: date, host: str) -> None:
    """A year-end talk with members not yet talked with (those who came after November)."""
    day = date(year, 12, 28)
    if day > today:
        return
    here = {p["id"] for p in meetings.roster_for_attendance(archive, day)}
    not_yet = compliance_of(archive, year, date(year + 1, 1, 1)).members_not_talked_with
    missing = [pid for pid in not_yet if pid in here]  # not those who have left by then
    if missing:
        meetings.save_meeting(
            archive,
            ORG_LIFE,
            {
                "meeting_date": day,
                "kind": "谈心谈话",
                "topic": "支部书记与新党员谈心谈话",
                "host": host,
            },
            [meetings.Attendance(pid, "出席") for pid in missing],
            today=day,
        )


def build_books(
    archive: Archive,
    rng: random.Random,
    today: date,
    host: str,
    recorder: str,
    committee_names: list[str],
    away: Away | None = None,
) -> None:
    committee = set(committee_names) | {host}
    for planned in _schedule(today):
        _, kind, day, _ = planned
        for roster in _rosters(archive, kind, day, committee):
            if roster:
                meeting_id = _meeting(rng, archive, planned, host, recorder, roster, away)
                if kind == "民主评议党员":
                    _review(rng, archive, meeting_id)
    _talk_with_the_rest(archive, today.year - 1, today, host)
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
    incoming = [  # newest first: within a series and a year, numbers rise with the date
        ("关于做好党费收缴工作的通知", "组通〔{y}〕21号"),
        ("关于开展“两新”组织党建工作质量提升行动的通知", "组发〔{y}〕8号"),
        ("关于做好年度党员教育培训工作的通知", "组通〔{y}〕12号"),
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


def build_mobile_cards(
    archive: Archive, today: date, roster: list[dict[str, Any]], issuer: str
) -> None:
    """One member working away (long enough to be flagged) and one member coming in."""
    from liangxin_desktop.domain.idnumber import fictional_id_number
    from liangxin_desktop.storage import mobile

    away = roster[-1]
    away_on = today - timedelta(days=MOBILE_AWAY_DAYS)
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


_PHOTO_SCENES = (
    ("主题党日", "重温入党誓词", 20),
    ("志愿服务", "党员志愿服务进社区", 75),
    ("主题党日", "七一主题党日", 140),
    ("集中学习", "集中学习", 200),
)


def _photo_meetings(archive: Archive, today: date) -> list[tuple[str, dict[str, Any]]]:
    """Each photo's meeting: the latest of its kind held about ``days_ago`` days before today."""
    found = []
    for kind, caption, days_ago in _PHOTO_SCENES:
        rows = list(
            archive.db.query(
                "SELECT * FROM meetings WHERE kind = ? AND deleted_at IS NULL AND meeting_date <= ? "
                "ORDER BY meeting_date DESC LIMIT 1",
                [kind, (today - timedelta(days=days_ago)).isoformat()],
            )
        )
        if rows:
            found.append((caption, rows[0]))
    return found


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
        for index, (caption, meeting) in enumerate(_photo_meetings(archive, today)):
            path = Path(folder) / f"photo{index}.jpg"
            day = date.fromisoformat(meeting["meeting_date"])
            _demo_photo(path, caption, day, index * 37)
            files.import_photo(
                archive,
                {
                    "title": caption,
                    "place": meeting["place"] or "党员活动室",
                    "author": author,
                    "related_meeting": meetings.meeting_label(meeting),
                },
                path,
                today,
            )
