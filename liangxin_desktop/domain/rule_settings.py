"""The rule values that vary by place (DOMAIN.md: "a setting with the default given here")."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from liangxin_desktop.domain.dues import Rounding

ROUNDINGS = ("fen", "jiao", "yuan")
ROUNDING_LABELS = {"fen": "分", "jiao": "角", "yuan": "元"}


@dataclass(frozen=True)
class RuleSettings:
    """One value per rule; the defaults are those of DOMAIN.md.

    - ``dues_rounding``: 党费 to the 分 (default), 角 or 元, half up — no national rule was found
      (domain-research §1.3 "Rounding"), so it is the branch's choice.
    - ``prepay_months``: 预交 at most 6 months ahead (上海 2013 党务问答, §1.3; some provinces
      allow more).
    - ``study_hours_target`` / ``study_hours_leader_target``: 32 学时 a member, 56 for the 书记
      and committee members (2019–2023 全国党员教育培训工作规划, §3 "Training hours").
    - ``party_lessons_per_quarter``: 党课 at least once a quarter (common practice, §3).
    - ``publicity_working_days``: 公示 before the 支部大会 at least 5 working days (细则 2014).
    """

    dues_rounding: Rounding = "fen"
    prepay_months: int = 6
    study_hours_target: int = 32
    study_hours_leader_target: int = 56
    party_lessons_per_quarter: int = 1
    publicity_working_days: int = 5


DEFAULT_SETTINGS = RuleSettings()
SETTING_KEYS = tuple(f.name for f in fields(RuleSettings))


def settings_from_text(stored: dict[str, str]) -> RuleSettings:
    """The settings from the stored text values; an unreadable or missing value keeps its default."""
    values: dict[str, Any] = {}
    for item in fields(RuleSettings):
        text = stored.get(item.name)
        if text is None:
            continue
        default = getattr(DEFAULT_SETTINGS, item.name)
        if isinstance(default, int):
            if text.strip().isdigit():
                values[item.name] = int(text)
        elif item.name != "dues_rounding" or text in ROUNDINGS:
            values[item.name] = text
    return RuleSettings(**values)
