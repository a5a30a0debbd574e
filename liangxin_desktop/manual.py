"""The 用户手册 (user manual) as HTML: the written chapters of ``resources/manual/`` plus the register
list, made from the catalog each time so that it names every register the program has, in its group,
with the kinds of meeting each book takes (党课 → 党员组织生活记录簿 …).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from liangxin_desktop import APP_NAME, __version__, paths
from liangxin_desktop.catalog.meetings import BOOK_KINDS
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.catalog.registers import GROUP_TITLES, GROUPS, available_registers

MANUAL_FILE = "用户手册.html"
REGISTERS_MARK = "<!-- 台账一览 -->"
KINDS_MARK = "<!-- 会议类型 -->"

# What the clerk records in each register (the kinds of meeting come from the catalog).
WHAT_GOES_IN: dict[str, str] = {
    "committee_meetings": "支委会、支部党员大会等党组织会议：时间、地点、主持人、出席情况、议题、记录、表决和决议。",
    "trainings": "集中学习、专题辅导、讲座、电教片和讲党课等教育培训，可记学时。",
    "org_life": "党小组会、党课、主题党日、组织生活会、民主评议党员、谈心谈话等组织生活。",
    "activities": "志愿服务、主题活动、参观学习等党组织活动。",
    "deliberations": "党员议事会、党员代表议事会。",
    "joint_meetings": "党组织与董事会（经营管理层）的联席会议，可记对方参会人员。",
    "members": "每一名党员：身份证号、入党和转正日期、党小组、联系方式。转出、去世等只“办理离开”，不删除。",
    "activists": "入党申请人、入党积极分子和发展对象，以及每一步的日期（确定为积极分子、发展对象、接收为预备党员）。",
    "attendance": "不用填写：由各会议记录的出席情况自动生成（三会一课和组织生活）。",
    "dues": "每年核定每名党员的缴费基数和比例，每月登记缴纳；欠缴和补交自动计算。",
    "good_deeds": "党员的好人好事：日期、人员、事迹。",
    "work_rules": "党组织的工作制度，可以从程序自带的制度范本中选用后修改。",
    "mobile_members": "外出和流入的流动党员，以及每次联系、年度报告的记录。",
    "incoming_documents": "收到的上级文件：日期、文号、标题、处理情况。",
    "outgoing_documents": "党组织自己发出的文件。",
    "activity_materials": "活动的通知、方案、总结等材料文件，保存在台账文件里。",
    "photo_album": "活动照片，保存在台账文件里，打印时每页 2 张或 4 张。",
}


def section_anchor(register: Register) -> str:
    """The manual's anchor for a register (F1 on its tab opens it)."""
    return f"reg-{register.key}"


def _register_rows(group: str) -> list[str]:
    rows = []
    for register in available_registers():
        if register.group != group:
            continue
        text = WHAT_GOES_IN.get(register.key, "")
        kinds = BOOK_KINDS.get(register.key)
        if kinds:
            text += f"<br/>会议类型：{escape('、'.join(kinds))}"
        rows.append(
            f'<tr><td><a name="{section_anchor(register)}"></a><b>{escape(register.title)}</b></td>'
            f"<td>{text}</td></tr>"
        )
    return rows


def registers_html() -> str:
    """The register list, group by group, as the window's tabs are."""
    parts = []
    for group in GROUPS:
        rows = _register_rows(group)
        if rows:
            parts.append(f"<h3>{escape(GROUP_TITLES[group])}</h3>")
            parts.append(
                '<table border="1" cellspacing="0" cellpadding="4" width="100%">'
                "<tr><th width='28%'>台账</th><th>记什么</th></tr>" + "".join(rows) + "</table>"
            )
    return "\n".join(parts)


def kinds_html() -> str:
    """Which book a kind of meeting goes into (党课 → 党员组织生活记录簿 / 党员教育培训记录簿)."""
    books_of: dict[str, list[str]] = {}
    titles = {register.key: register.title for register in available_registers()}
    for key, kinds in BOOK_KINDS.items():
        for kind in kinds:
            books_of.setdefault(kind, []).append(titles[key])
    rows = "".join(
        f"<tr><td>{escape(kind)}</td><td>{escape(' 或 '.join(books))}</td></tr>"
        for kind, books in books_of.items()
    )
    return (
        '<table border="1" cellspacing="0" cellpadding="4"><tr><th>会议或活动</th><th>记入</th></tr>'
        f"{rows}</table>"
    )


def manual_html(folder: Path | None = None) -> str:
    """The whole manual, ready for a QTextBrowser whose search path is the manual folder."""
    text = ((folder or paths.manual_dir()) / MANUAL_FILE).read_text(encoding="utf-8")
    text = text.replace("{{APP_NAME}}", escape(APP_NAME)).replace("{{VERSION}}", __version__)
    return text.replace(REGISTERS_MARK, registers_html()).replace(KINDS_MARK, kinds_html())
