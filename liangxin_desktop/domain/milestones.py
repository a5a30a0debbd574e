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
    "restored": "恢复党籍",
    "activist_filed": "积极分子备案",
    "assessment": "培养考察（半年）",
    "candidate_filed": "发展对象备案",
    "political_review": "政治审查",
    "training_start": "集中培训开始",
    "training_end": "集中培训结束",
    "pre_review": "上级党委预审",
    "publicity_start": "公示开始",
    "publicity_end": "公示结束",
    "approved": "上级党委审批",
    "sworn": "入党宣誓",
    "conversion_applied": "提出转正申请",
    "conversion_meeting": "支部大会讨论转正",
    "conversion_approved": "上级党委审批转正",
    "archived": "材料归档",
}

# How a member leaves this organization (the Chinese label the clerk picks → milestone kind).
LEAVE_MILESTONES: dict[str, str] = {
    "转出": "transferred_out",
    "死亡": "died",
    "出党": "expelled",
}

LEAVE_HINTS = LEAVE_KIND_HINTS
