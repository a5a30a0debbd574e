"""The ten-year archive of the decade benchmark: a 1,000-member branch and ten years of books.

Written in bulk (like ``_fixtures.fill_archive``): about 300 meetings a year, mostly 党小组会 of
one group each plus a few meetings of every member (≈ 150,000 attendance rows in all), a 核定
and a payment for every member and month (≈ 120,000 payments), and 60 photos a year (one
photo-sized JPEG stored 600 times: the archive carries their weight, the build stays short).
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from _fixtures import fill_archive, photo_jpeg

from liangxin_desktop.catalog.meetings import BOOK_KINDS
from liangxin_desktop.storage import audit
from liangxin_desktop.storage.archive import Archive, open_archive

MEETINGS_A_YEAR = 300
EVERYONE_SHARE = 0.03  # 支部党员大会, 主题党日 …: every member attends
PHOTOS_A_YEAR = 60
_PLACES = ["公司三楼会议室", "党员活动室", "生产车间会议室", "线上会议"]
_TOPICS = [
    "传达学习上级党组织关于加强“两新”组织党建工作的通知精神",
    "通报本季度党建工作和生产经营情况",
    "党员结合岗位实际查找不足、开展批评与自我批评",
    "研究党员志愿服务队下一阶段服务项目",
    "听取入党积极分子思想汇报",
    "部署党费收缴和公示工作",
]
_MINUTES = "；".join(_TOPICS) + "。\n会议要求各党小组在本月内完成谈心谈话，做好记录并报支部备案。"


@dataclass(frozen=True)
class Decade:
    path: Path
    years: tuple[int, ...]
    members: int
    meetings: int
    attendance: int
    payments: int
    photos: int
    seconds: float


def _members_on(people: list[tuple[int, str, str, str | None]], day: str) -> list[tuple[int, str]]:
    return [
        (i, unit)
        for i, unit, joined, left in people
        if joined <= day and (left is None or left > day)
    ]


def _meetings(
    archive: Archive, years: tuple[int, ...], today: date, rng: random.Random
) -> tuple[int, int]:
    people = archive.db.execute(
        "SELECT id, coalesce(unit, ''), joined_on, left_on FROM people ORDER BY id"
    ).fetchall()
    stamp, meetings, attendance = audit.now_text(), [], []
    meeting_id = 0
    for year in years:
        last_day = min(date(year, 12, 28), today)
        span = (last_day - date(year, 1, 3)).days
        for _ in range(MEETINGS_A_YEAR):
            meeting_id += 1
            day = (date(year, 1, 3) + timedelta(days=rng.randrange(span))).isoformat()
            present = _members_on(people, day)
            everyone = rng.random() < EVERYONE_SHARE
            book = (
                "committee_meetings"
                if everyone
                else rng.choice(["org_life"] * 5 + ["trainings", "activities"])
            )
            kind = (
                "支部党员大会"
                if everyone
                else ("党小组会" if book == "org_life" else rng.choice(BOOK_KINDS[book]))
            )
            if not everyone:
                unit = rng.choice(sorted({u for _, u in present}))
                present = [(i, u) for i, u in present if u == unit]
            meetings.append(
                (meeting_id, book, kind, day, "14:30", "16:00", rng.choice(_PLACES), "刘杰", "史娜洁",
                 rng.choice(_TOPICS), _MINUTES, 2 if book == "trainings" else None, stamp, stamp)
            )  # fmt: skip
            for person_id, _unit in present:
                roll = rng.random()
                status = "出席" if roll < 0.9 else ("请假" if roll < 0.97 else "缺席")
                attendance.append(
                    (meeting_id, person_id, status, "出差" if status == "请假" else None)
                )
    conn = archive.db.conn
    with archive.transaction():
        conn.executemany(
            "INSERT INTO meetings (id, book, kind, meeting_date, start_time, end_time, place, host, "
            "recorder, topic, minutes, hours, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            meetings,
        )
        conn.executemany(
            "INSERT INTO meeting_attendance (meeting_id, person_id, status, reason) VALUES (?, ?, ?, ?)",
            attendance,
        )
    return len(meetings), len(attendance)


def add_year_of_dues(archive: Archive, year: int, today: date, month_paid: float = 1.0) -> int:
    """A 核定 of 30 yuan a month for everyone in ``year``'s grid, and their months paid so far."""
    stamp, rng = audit.now_text(), random.Random(year)
    last_month = 12 if year < today.year else today.month
    people = archive.db.execute(
        "SELECT id, joined_on, left_on FROM people WHERE stage IN ('member', 'left', 'dropped') "
        "AND joined_on <= ? AND (left_on IS NULL OR left_on >= ?)",
        [f"{year}-12-31", f"{year}-01-01"],
    ).fetchall()
    assessments, payments = [], []
    for person_id, joined, left in people:
        assessments.append((person_id, year, "在职", 600000, 50, 3000, "按上年度核定", stamp))
        first = max(1, int(joined[5:7])) if joined[:4] == str(year) else 1
        last = int(left[5:7]) if left and left[:4] == str(year) else last_month
        for month in range(first, last + 1):
            if rng.random() < month_paid:
                payments.append(
                    (
                        person_id,
                        f"{year}-{month:02d}",
                        3000,
                        f"{year}-{month:02d}-15",
                        "按月",
                        stamp,
                    )
                )
    conn = archive.db.conn
    with archive.transaction():
        conn.executemany(
            "INSERT INTO dues_assessments (person_id, year, category, base_fen, rate_bp, monthly_fen, "
            "note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            assessments,
        )
        conn.executemany(
            "INSERT INTO dues_payments (person_id, month, amount_fen, paid_on, method, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            payments,
        )
    return len(payments)


def _photos(archive: Archive, years: tuple[int, ...], rng: random.Random) -> int:
    data, stamp = photo_jpeg(rng), audit.now_text()
    rows: list[tuple[Any, ...]] = [
        ("photo_album", f"主题党日活动现场（{n + 1}）", f"{year}-{n % 12 + 1:02d}-{n % 27 + 1:02d}",
         "党员活动室", "史娜洁", f"photo-{year}-{n}.jpg", "image/jpeg", len(data), 2400, 1600, data,
         stamp, stamp)
        for year in years
        for n in range(PHOTOS_A_YEAR)
    ]  # fmt: skip
    with archive.transaction():
        archive.db.conn.executemany(
            "INSERT INTO files (book, title, file_date, place, author, file_name, mime, size, width, "
            "height, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return len(rows)


def build_decade(path: Path, members: int, today: date) -> Decade:
    """Create the ten-year archive at ``path`` (closed again when built)."""
    started, rng = time.perf_counter(), random.Random(16)
    years = tuple(range(today.year - 9, today.year + 1))
    archive = open_archive(path)
    try:
        fill_archive(archive, members, seed=16, today=today)
        meetings, attendance = _meetings(archive, years, today, rng)
        payments = sum(add_year_of_dues(archive, year, today) for year in years)
        photos = _photos(archive, years, rng)
    finally:
        archive.close()
    return Decade(
        path, years, members, meetings, attendance, payments, photos, time.perf_counter() - started
    )
