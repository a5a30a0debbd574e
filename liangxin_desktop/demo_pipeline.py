"""The demo's development pipeline: applicants at every step, each step decided at its 支委会 or
支部党员大会 with the vote, as the 细则 requires."""

from __future__ import annotations

import random
from datetime import date, timedelta

from liangxin_desktop.catalog.meetings import COMMITTEE_MEETINGS
from liangxin_desktop.demo_books import PLACES
from liangxin_desktop.domain import dates
from liangxin_desktop.storage import meetings
from liangxin_desktop.storage.archive import Archive


def admission_meetings(
    archive: Archive, rng: random.Random, ids: list[int], today: date, host: str, recorder: str
) -> None:
    """The 支部党员大会 (with its vote) that admitted each member who joined the Party here."""
    rows = archive.db.execute(
        "SELECT p.id, p.name, p.joined_on FROM people p JOIN membership_periods mp "
        "ON mp.person_id = p.id AND mp.start_kind = '接收' ORDER BY p.joined_on"
    ).fetchall()
    for person_id, name, joined in rows:
        day = date.fromisoformat(joined)
        attendance = [
            meetings.Attendance(p["id"], "出席")
            if rng.random() > 0.1
            else meetings.Attendance(p["id"], "请假", "出差")
            for p in meetings.roster_for_attendance(archive, day)
            if p["id"] != person_id
        ]
        eligible, present = meetings.suggested_vote_counts(archive, attendance, day)
        if present * 2 <= eligible or not eligible:
            continue
        raw = {
            "meeting_date": day,
            "kind": "支部党员大会",
            "start_time": "14:30",
            "end_time": "16:00",
            "place": rng.choice(PLACES),
            "host": host,
            "recorder": recorder,
            "topic": f"讨论接收{name}为预备党员",
            "minutes": f"会议由{host}主持。入党介绍人介绍了{name}的情况，与会党员充分讨论后进行了表决。",
            "vote_held": 1,
            "vote_eligible": eligible,
            "vote_present": present,
            "vote_yes": present,
            "vote_no": 0,
            "vote_abstain": 0,
        }
        meeting_id = meetings.save_meeting(
            archive, COMMITTEE_MEETINGS, raw, attendance, today=today
        )
        with archive.transaction() as db:
            db.execute(
                "UPDATE milestones SET meeting_id = ? WHERE person_id = ? AND kind = 'admitted'",
                [meeting_id, person_id],
            )


def build_pipeline(
    archive: Archive,
    rng: random.Random,
    today: date,
    names: list[str],
    mentors: str,
    host: str = "",
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
                "degree": "学士",
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
            day = _committee_day(archive, rng, applied + timedelta(days=60), host, today)
            pipeline.make_activist(archive, person_id, day[0], mentors, today, meeting_id=day[1])
            _assessments(archive, person_id, day[0], today)
        if index >= 2:
            day = _committee_day(archive, rng, applied + timedelta(days=60 + 400), host, today)
            pipeline.make_candidate(archive, person_id, day[0], today, meeting_id=day[1])
            _candidate_steps(archive, person_id, day[0], mentors, today)


def _committee_day(
    archive: Archive, rng: random.Random, after: date, host: str, today: date
) -> tuple[date, int]:
    """The 支委会 that decides a step: the first on the 8th of a month from ``after`` (the
    schedule's day), recorded here when the books do not have it yet."""
    day = after.replace(day=8) if after.day <= 8 else dates.add_months(after.replace(day=8), 1)
    day = min(day, today)
    found = archive.db.execute(
        "SELECT id FROM meetings WHERE kind = '支委会' AND meeting_date = ? AND deleted_at IS NULL",
        [day.isoformat()],
    ).fetchone()
    if found:
        return day, int(found[0])
    roster = meetings.roster_for_attendance(archive, day)[:3]
    raw = {
        "meeting_date": day,
        "kind": "支委会",
        "start_time": "14:30",
        "end_time": "15:30",
        "place": rng.choice(PLACES),
        "host": host,
        "recorder": host,
        "topic": "讨论确定入党积极分子、发展对象人选",
        "minutes": "支委会听取培养联系人的意见，研究确定入党积极分子、发展对象人选。",
    }
    attendance = [meetings.Attendance(p["id"], "出席") for p in roster]
    return day, meetings.save_meeting(archive, COMMITTEE_MEETINGS, raw, attendance, today=today)


def _assessments(archive: Archive, person_id: int, since: date, today: date) -> None:
    """The half-yearly 考察 of an activist, up to today."""
    from liangxin_desktop.storage import pipeline_steps

    day = dates.add_months(since, 6)
    while day <= today:
        pipeline_steps.record_step(archive, person_id, "assessment", day, "表现良好", today)
        day = dates.add_months(day, 6)


def _candidate_steps(
    archive: Archive, person_id: int, candidate_on: date, mentors: str, today: date
) -> None:
    """What a 发展对象 has before the 支部大会: 备案, 介绍人, 政审, 集中培训."""
    from liangxin_desktop.storage import pipeline

    person = pipeline.get_applicant(archive, person_id)
    values = {k: person.get(k) for k in ("name", "id_number", "applied_on", "talked_on")}
    done = [candidate_on + timedelta(days=n) for n in (10, 30, 40, 42)]
    values.update(
        activist_filed_on=person["activist_on"],
        candidate_filed_on=min(done[0], today),
        sponsors=mentors,
        political_review_on=min(done[1], today),
        review_conclusion="政治合格",
        training_start_on=min(done[2], today),
        training_end_on=min(done[3], today),
        training_hours=24,
    )
    pipeline.update_applicant(archive, person_id, {**person, **values}, today)
