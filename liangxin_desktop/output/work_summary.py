"""年度党建工作总结（初稿）: a .docx in the structure clerks write, every figure and list taken
from the archive (``storage.year_review``); what only the clerk can write is a marked blank.

Nothing is invented: a section without records says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.domain.dues import format_fen
from liangxin_desktop.files import atomic_output
from liangxin_desktop.storage.statistics import BranchStatistics
from liangxin_desktop.storage.year_review import YearReview

BLANK_MARK = "【请填写】"
BODY_FONT, TITLE_FONT = "仿宋", "黑体"
SECTIONS = (
    "一、组织建设",
    "二、党员队伍建设与发展党员",
    "三、组织生活与教育培训",
    "四、制度与阵地建设",
    "五、发挥作用（活动、好人好事）",
    "六、存在的问题",
    "七、下一步打算",
)
_STAGES = (("applicant", "入党申请人"), ("activist", "入党积极分子"), ("candidate", "发展对象"))


class _Writer:
    def __init__(self) -> None:
        self.document = Document()
        style = self.document.styles["Normal"]
        style.font.name = BODY_FONT
        style.font.size = Pt(14)
        style.element.rPr.rFonts.set(qn("w:eastAsia"), BODY_FONT)  # Chinese text in 仿宋

    def title(self, text: str) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._run(paragraph, text, TITLE_FONT, 20, bold=True)

    def heading(self, text: str) -> None:
        self._run(self.document.add_paragraph(), text, TITLE_FONT, 16, bold=True)

    def text(self, text: str) -> None:
        self.document.add_paragraph(text).paragraph_format.first_line_indent = Pt(28)

    def items(self, lines: Sequence[str]) -> None:
        for number, line in enumerate(lines, start=1):
            self.text(f"{number}. {line}")

    def blank(self, what: str) -> None:
        """A paragraph only the clerk can write: red on yellow, so it cannot be missed."""
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(28)
        run = self._run(paragraph, f"{BLANK_MARK}{what}", BODY_FONT, 14)
        run.font.color.rgb = RGBColor(0xC6, 0x28, 0x28)
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW

    def _run(self, paragraph: Any, text: str, font: str, size: int, bold: bool = False) -> Any:
        run = paragraph.add_run(text)
        run.font.name, run.font.size, run.font.bold = font, Pt(size), bold
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
        return run


def _dated(rows: Sequence[dict[str, Any]], date_key: str, text: str) -> list[str]:
    return [f"{format_cn_date(row[date_key])}，{text.format(**row)}" for row in rows]


def _listing(
    w: _Writer, rows: Sequence[dict[str, Any]], intro: str, none: str, date_key: str, text: str
) -> None:
    """ "全年…N次：" and the dated list, or the sentence saying the archive has none."""
    if rows:
        w.text(intro.format(count=len(rows)))
        w.items(_dated(rows, date_key, text))
    else:
        w.text(none)


def _organization(w: _Writer, review: YearReview) -> None:
    p, stats = review.profile, review.stats
    founded = f"，成立于{format_cn_date(p['founded_on'])}" if p.get("founded_on") else ""
    parent = f"，隶属{p['parent_org']}" if p.get("parent_org") else ""
    w.text(f"{p.get('name', '')}为{p.get('kind') or '党组织'}{founded}{parent}。")
    committee = "、".join(f"{c['post']}{c['name']}" for c in review.committee)
    w.text(f"党组织班子：{committee}。" if committee else "台账中没有登记党组织班子成员。")
    if p.get("term_start") and p.get("term_end"):
        w.text(f"本届任期自{format_cn_date(p['term_start'])}至{format_cn_date(p['term_end'])}。")
    full = stats.breakdown("人员类别")
    w.text(
        f"截至{format_cn_date(stats.as_of)}，共有党员{len(stats.members)}名，其中正式党员"
        f"{full.count('正式党员')}名、预备党员{full.count('预备党员')}名"
        + (
            f"；设{len(review.groups)}个党小组（{'、'.join(review.groups)}）。"
            if review.groups
            else "。"
        )
    )
    held = review.held("committee_meetings")
    w.text(
        "全年召开" + "、".join(f"{kind}{count}次" for kind, count in held) + "。"
        if held
        else "本年度台账中没有支委会、支部党员大会的会议记录。"
    )
    w.blank("组织建设方面的主要做法和成效（如班子建设、组织覆盖）。")


def _members(w: _Writer, review: YearReview) -> None:
    stats = review.stats
    by = {b.title: b for b in stats.breakdowns}
    w.text(
        f"党员中女党员{by['性别'].count('女')}名，少数民族党员{by['民族'].count('少数民族')}名；"
        f"35岁及以下{by['年龄'].count('30岁及以下') + by['年龄'].count('31至35岁')}名；"
        f"大专及以上学历{sum(by['学历'].count(b) for b in ('研究生', '大学本科', '大学专科'))}名。"
    )
    now = [f"{label}{review.pipeline.get(stage, 0)}名" for stage, label in _STAGES]
    w.text("目前有" + "、".join(now) + "。")
    for label, noun in (("发展党员", "接收为预备党员"), ("转为正式党员", "转为正式党员")):
        intro, none = f"全年{noun}{{count}}名：", f"本年度没有{noun}的记录。"
        _listing(w, stats.changed_people[label], intro, none, "changed_on", "{name}")
    changes = dict(stats.changes.rows)
    w.text(
        f"组织关系转入{changes['组织关系转入']}名、转出{changes['组织关系转出']}名；"
        f"上年底党员{stats.members_last_year}名，截至{format_cn_date(stats.as_of)}{len(stats.members)}名。"
    )
    w.blank("党员教育管理、发展党员工作的做法和体会。")


def _life(w: _Writer, review: YearReview) -> None:
    held = review.held("org_life")
    w.text(
        "全年开展组织生活：" + "、".join(f"{kind}{count}次" for kind, count in held) + "。"
        if held
        else "本年度台账中没有组织生活记录。"
    )
    rates = [(k, e, p) for k, e, p in review.stats.attendance_by_kind if e]
    if rates:
        w.text(
            "出席情况："
            + "；".join(f"{k}应到{e}人次、实到{p}人次（{p * 100 / e:.1f}%）" for k, e, p in rates)
            + "。"
        )
    stats = review.stats
    if stats.trainings_held:
        w.text(
            f"开展党员教育培训{stats.trainings_held}次，参加{stats.training_attendances}人次，"
            f"共{stats.training_hours:g}学时（人·学时）。"
        )
        w.items(_dated(review.of_book("trainings"), "meeting_date", "{kind}：{topic}"))
    else:
        w.text("本年度台账中没有党员教育培训记录。")
    _reviews_and_hours(w, stats)
    w.blank("组织生活和学习教育的特点、效果。")


def _reviews_and_hours(w: _Writer, stats: BranchStatistics) -> None:
    """民主评议 results and 学时 against the target, of the members at the year's end."""
    if stats.reviews.total:
        results = "，".join(f"{result}{count}名" for result, count in stats.reviews.rows if count)
        w.text(f"开展民主评议党员，{stats.reviews.total}名党员参加评议：{results}。")
    else:
        w.text("本年度台账中没有民主评议党员的结果。")
    if stats.study_hours.total:
        reached = stats.study_hours.count("已达标")
        w.text(
            f"党员学时达到年度目标的{reached}名，未达到的{stats.study_hours.total - reached}名。"
        )


def _rules(w: _Writer, review: YearReview) -> None:
    if review.rules:
        w.text(
            f"现行有效的工作制度{len(review.rules)}项："
            + "、".join(r["title"] for r in review.rules)
            + "。"
        )
    else:
        w.text("台账中没有登记现行有效的工作制度。")
    done = [h["item"] for h in review.six_haves if h["done"]]
    missing = [h["item"] for h in review.six_haves if not h["done"]]
    w.text(
        "“六有”建设："
        + (f"已有{'、'.join(done)}" if done else "尚无已达标的项目")
        + (f"；尚缺{'、'.join(missing)}。" if missing else "，六项全部达标。")
    )
    remitted = review.stats.remitted_fen
    w.text(
        f"党费收缴：应缴{format_fen(review.dues_due_fen)}元，实缴{format_fen(review.dues_paid_fen)}元，"
        f"上缴上级党组织{format_fen(remitted)}元。"
    )
    w.blank("制度落实和阵地建设的情况。")


def _role(w: _Writer, review: YearReview) -> None:
    _listing(
        w,
        review.of_book("activities"),
        "全年开展党组织活动{count}次：",
        "本年度台账中没有党组织活动记录。",
        "meeting_date",
        "{kind}：{topic}",
    )
    _listing(
        w,
        review.good_deeds,
        "登记好人好事{count}件：",
        "本年度台账中没有好人好事记录。",
        "deed_date",
        "{person}：{deed}",
    )
    w.blank("党组织和党员在企业（单位）发展中发挥作用的事例。")


def write_work_summary(review: YearReview, target: Path) -> Path:
    w = _Writer()
    year, name = review.stats.year, review.profile.get("name", "")
    w.title(f"{name}{year}年度党建工作总结（初稿）")
    w.blank("开头一段：本年度党建工作的总体情况和主要成绩。")
    for heading, section in zip(
        SECTIONS[:5], (_organization, _members, _life, _rules, _role), strict=True
    ):
        w.heading(heading)
        section(w, review)
    w.heading(SECTIONS[5])
    w.blank("工作中存在的问题和不足。")
    w.heading(SECTIONS[6])
    w.blank("下一年度的工作打算。")
    w.text("（本初稿中的数字和名单均取自台账；标有“【请填写】”的段落请党务工作者补写后删去标记。）")
    with atomic_output(target) as temp:
        w.document.save(str(temp))
    return target
