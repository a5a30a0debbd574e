"""The 年度核定 form of the 党费收缴册: category, base or fixed amount, and the monthly amount
computed (by the rule in ``domain/dues.py``) as the clerk types."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from liangxin_desktop.catalog.fields import Field, Problem
from liangxin_desktop.catalog.fields import FieldKind as K
from liangxin_desktop.catalog.validation import Cleaned, clean_fields
from liangxin_desktop.domain.dues import (
    DuesCategory,
    Rounding,
    format_fen,
    is_capped,
    monthly_dues_fen,
    rate_basis_points,
)
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.ui.record_dialog import RecordDialog, Section

ASSESS_FIELDS = (
    Field(
        "category",
        "缴费类别",
        K.CHOICE,
        required=True,
        choices=tuple(c.value for c in DuesCategory),
    ),
    Field(
        "base",
        "缴费基数（元/月）",
        K.MONEY,
        help="在职：税后月工资（不含五险一金、补贴、奖金）；离退休：月养老金",
    ),
    Field(
        "fixed",
        "定额（元/月）",
        K.MONEY,
        help="农民：0.20至1.00元；困难减免：批准后的金额，免交填0",
    ),
    Field("approved_by", "批准人", help="困难减免须经批准"),
    Field(
        "from_month",
        "调整起始月份",
        K.MONTH,
        help="年度核定不填；年中工资变动的，填按新工资领取的当月，从该月起按新标准交纳",
    ),
    Field(
        "voluntary",
        "自愿多交（元/月）",
        K.MONEY,
        help="每月党费一般不超过1000元；本人自愿多交的，填写每月多交的金额",
    ),
)
_RATED = (DuesCategory.IN_SERVICE.value, DuesCategory.RETIRED.value)


def clean_assessment(raw: dict[str, Any]) -> Cleaned:
    """A rate-based category needs its base; 困难减免 needs its approver and amount."""
    cleaned = clean_fields(ASSESS_FIELDS, raw)
    category, values = cleaned.values.get("category"), cleaned.values
    if category in _RATED and not values.get("base"):
        cleaned.problems.append(
            Problem("base", "缴费基数（元/月）", f"“{category}”党员须填写缴费基数。")
        )
    if category == DuesCategory.HARDSHIP.value:
        if values.get("fixed") is None:
            cleaned.problems.append(
                Problem("fixed", "定额（元/月）", "困难减免请填写批准后的金额，免交填0。")
            )
        if not values.get("approved_by"):
            cleaned.problems.append(
                Problem("approved_by", "批准人", "困难减免须经批准，请填写批准人。")
            )
    return cleaned


def assessment_arguments(values: dict[str, Any]) -> dict[str, Any]:
    """The cleaned form as ``storage.dues.assess`` takes it (after person and year)."""
    farmer = values["category"] == DuesCategory.FARMER.value
    fixed = values.get("fixed")
    return {
        "category": values["category"],
        "base_fen": values.get("base") or 0,
        "reduced_fen": None if farmer else fixed,
        "farmer_fen": fixed if farmer and fixed is not None else 20,
        "approved_by": values.get("approved_by") or "",
        "from_month": values.get("from_month"),
        "voluntary_fen": values.get("voluntary") or 0,
    }


def monthly_text(values: dict[str, Any], rounding: Rounding) -> str:
    """“月应缴党费：97.50元（6500.00元 × 1.5%）” for the form as filled so far."""
    arguments = assessment_arguments(values)
    category = DuesCategory(arguments["category"])
    base = arguments["base_fen"]
    try:
        amount = monthly_dues_fen(
            category,
            base,
            farmer_amount_fen=arguments["farmer_fen"],
            reduced_amount_fen=arguments["reduced_fen"]
            if category is DuesCategory.HARDSHIP
            else None,
            rounding=rounding,
        )
    except InvalidValue as exc:
        return f"月应缴党费：无法计算（{exc.headline}）"
    how = ""
    if values["category"] in _RATED:
        rate = rate_basis_points(category, base)
        how = f"（{format_fen(base)}元 × {rate / 100:g}%）"
        if is_capped(category, base, rounding):
            how += "，按规定最多1000.00元"
    voluntary = arguments["voluntary_fen"]
    extra = f"，另自愿多交{format_fen(voluntary)}元，每月共{format_fen(amount + voluntary)}元"
    return f"月应缴党费：{format_fen(amount)}元{how}{extra if voluntary else ''}"


class MonthlyAmount(Section):
    """The monthly amount under the fields, recomputed whenever the form changes."""

    def __init__(self, rounding: Rounding) -> None:
        super().__init__()
        self.rounding = rounding
        self.label = QLabel()
        self.label.setObjectName("monthly_amount")
        self.label.setWordWrap(True)
        self.label.setStyleSheet("font-weight: bold; padding: 6px 0;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)

    def form_changed(self, raw: dict[str, Any]) -> None:
        cleaned = clean_assessment(raw)
        wanting = {p.field_key for p in cleaned.errors}
        if not cleaned.values.get("category") or wanting & {"category", "base", "fixed"}:
            self.label.setText("月应缴党费：填写缴费类别和基数（或定额）后显示")
            return
        self.label.setText(monthly_text(cleaned.values, self.rounding))


def ask_assessment(
    parent: QWidget,
    title: str,
    initial: dict[str, Any],
    rounding: Rounding,
    save: Callable[[dict[str, Any]], Any],
) -> Any:
    """The 核定 form; ``save`` gets ``assessment_arguments`` of what was typed."""
    sections: Sequence[Section] = (MonthlyAmount(rounding),)
    return RecordDialog.ask(
        parent,
        title,
        ASSESS_FIELDS,
        clean_assessment,
        lambda raw: save(assessment_arguments(clean_assessment(raw).values)),
        initial=initial,
        sections=sections,
    )
