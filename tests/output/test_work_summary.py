"""The 工作总结 draft read back with python-docx: figures in the right sections, blanks marked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
from helpers import member

from liangxin_desktop import app
from liangxin_desktop.catalog.books import GOOD_DEEDS
from liangxin_desktop.catalog.meetings import ACTIVITIES, COMMITTEE_MEETINGS, ORG_LIFE
from liangxin_desktop.output.work_summary import BLANK_MARK, SECTIONS
from liangxin_desktop.storage import meetings, member_review, organization, people, records
from liangxin_desktop.storage.archive import Archive

DAY = date(2026, 12, 31)


def _sections(path: Path) -> dict[str, list[str]]:
    """Paragraph texts under each of the seven headings."""
    found: dict[str, list[str]] = {"": []}
    current = ""
    for paragraph in docx.Document(str(path)).paragraphs:
        if paragraph.text in SECTIONS:
            current = paragraph.text
            found[current] = []
        else:
            found[current].append(paragraph.text)
    return found


def _write(archive: Archive, tmp_path: Path) -> dict[str, list[str]]:
    path, out = archive.path, tmp_path / "总结.docx"
    archive.close()
    assert (
        app.main(
            [
                "report",
                "--data",
                str(path),
                "--year",
                "2026",
                "--today",
                "2027-01-10",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    return _sections(out)


def test_figures_and_lists_land_in_their_sections(archive: Archive, tmp_path: Path) -> None:
    organization.save_profile(
        archive,
        {"name": "中共测试有限公司支部委员会", "kind": "党支部", "founded_on": "2020-07-01"},
        [{"name": "王秀英", "post": "书记"}],
        today=DAY,
    )
    person = people.add_member(archive, member(), today=DAY)
    probationer = people.add_member(
        archive,
        member(name="李新", id_number="110105199005010018", member_category="预备党员",
               joined_on="2026-05-20", converted_on=None),
        today=DAY,
    )  # fmt: skip
    for day in ("2026-01-10", "2026-02-10"):
        meetings.save_meeting(
            archive,
            COMMITTEE_MEETINGS,
            {"kind": "支委会", "meeting_date": day, "topic": "研究工作"},
            [meetings.Attendance(person, "出席")],
            today=DAY,
        )
    meetings.save_meeting(
        archive,
        ACTIVITIES,
        {"kind": "志愿服务", "meeting_date": "2026-06-28", "topic": "党员先锋队参与防汛值守"},
        [meetings.Attendance(person, "出席")],
        today=DAY,
    )
    review = meetings.save_meeting(
        archive,
        ORG_LIFE,
        {"kind": "民主评议党员", "meeting_date": "2026-12-10", "topic": "年度民主评议党员"},
        [meetings.Attendance(pid, "出席") for pid in (person, probationer)],
        today=DAY,
    )
    member_review.save_results(archive, review, {person: "优秀", probationer: "合格"})
    records.add_record(
        archive,
        GOOD_DEEDS,
        {"deed_date": "2026-08-10", "person": "王秀英", "deed": "带头参加无偿献血"},
    )
    sections = _write(archive, tmp_path)
    assert sections[""][0] == "中共测试有限公司支部委员会2026年度党建工作总结（初稿）"
    organizing = "\n".join(sections["一、组织建设"])
    assert "书记王秀英" in organizing and "成立于2020年7月1日" in organizing
    assert "全年召开支委会2次。" in organizing
    assert "共有党员2名，其中正式党员1名、预备党员1名" in organizing
    developing = "\n".join(sections["二、党员队伍建设与发展党员"])
    assert "全年接收为预备党员1名" in developing and "2026年5月20日，李新" in developing
    life = sections["三、组织生活与教育培训"]
    assert "开展民主评议党员，2名党员参加评议：优秀1名，合格1名。" in life
    assert "党员学时达到年度目标的0名，未达到的2名。" in life  # no 学时 recorded
    role = "\n".join(sections["五、发挥作用（活动、好人好事）"])
    assert "2026年6月28日，志愿服务：党员先锋队参与防汛值守" in role
    assert "2026年8月10日，王秀英：带头参加无偿献血" in role
    assert all(text.startswith(BLANK_MARK) for text in sections["六、存在的问题"])
    assert sections["七、下一步打算"][0].startswith(BLANK_MARK)
    assert list(sections)[1:] == list(SECTIONS)


def test_a_section_without_records_says_so(archive: Archive, tmp_path: Path) -> None:
    organization.save_profile(archive, {"name": "中共空白支部委员会", "kind": "党支部"}, today=DAY)
    sections = _write(archive, tmp_path)
    assert "本年度台账中没有支委会、支部党员大会的会议记录。" in sections["一、组织建设"]
    assert "本年度没有接收为预备党员的记录。" in sections["二、党员队伍建设与发展党员"]
    assert "本年度台账中没有组织生活记录。" in sections["三、组织生活与教育培训"]
    assert "本年度台账中没有党员教育培训记录。" in sections["三、组织生活与教育培训"]
    assert "本年度台账中没有民主评议党员的结果。" in sections["三、组织生活与教育培训"]
    assert "台账中没有登记现行有效的工作制度。" in sections["四、制度与阵地建设"]
    role = sections["五、发挥作用（活动、好人好事）"]
    assert "本年度台账中没有党组织活动记录。" in role and "本年度台账中没有好人好事记录。" in role
