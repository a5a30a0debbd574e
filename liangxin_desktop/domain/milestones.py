"""Dated steps in a person's Party life: the development pipeline, joining, and leaving."""

from __future__ import annotations

from liangxin_desktop.domain.codes import LEAVE_KIND_HINTS

MILESTONE_LABELS: dict[str, str] = {
    "applied": "递交入党申请书",
    "talked": "入党申请人谈话",
    "activist": "确定为入党积极分子",
    "candidate": "确定为发展对象",
    "admitted": "接收为预备党员",
    "converted": "转为正式党员",
    "extended": "延长预备期",
    "disqualified": "取消预备党员资格",
    "transferred_in": "组织关系转入",
    "transferred_out": "组织关系转出",
    "died": "死亡",
    "expelled": "出党",
    "suspended": "停止党籍",
}

# How a member leaves the current roster (the Chinese label the clerk picks → milestone kind).
LEAVE_MILESTONES: dict[str, str] = {
    "转出": "transferred_out",
    "死亡": "died",
    "出党": "expelled",
    "停止党籍": "suspended",
}

LEAVE_HINTS = LEAVE_KIND_HINTS
