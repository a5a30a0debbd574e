"""Cleaning a record against its register: parse every field, then run the register's checks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, Problem, parse_value
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.errors import InvalidValue


@dataclass
class Cleaned:
    """Stored values plus the problems found; ``ok`` when there is no error."""

    values: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def clean_field(spec: Field, raw: object) -> tuple[Any, Problem | None]:
    try:
        value = parse_value(spec, raw)
    except InvalidValue as exc:
        return None, Problem(spec.key, spec.label, exc.message())
    if value is None and spec.required:
        return None, Problem(spec.key, spec.label, "必须填写。")
    return value, None


def clean_fields(fields: Sequence[Field], raw: Mapping[str, object]) -> Cleaned:
    """Each field parsed on its own (a small form that is not a register record)."""
    cleaned = Cleaned(values={})
    for spec in fields:
        value, problem = clean_field(spec, raw.get(spec.key))
        cleaned.values[spec.key] = value
        if problem:
            cleaned.problems.append(problem)
    return cleaned


def clean_record(
    register: Register,
    raw: Mapping[str, object],
    today: date | None = None,
    fields: Iterable[Field] | None = None,
) -> Cleaned:
    """Parse ``raw`` (keys are field keys) into stored values and collect all problems."""
    today = today or date.today()
    cleaned = Cleaned(values={})
    for spec in fields if fields is not None else register.form_fields:
        value, problem = clean_field(spec, raw.get(spec.key))
        cleaned.values[spec.key] = value
        if problem:
            cleaned.problems.append(problem)
    failed = {p.field_key for p in cleaned.problems}
    for check in register.checks:
        for problem in check(cleaned.values, today):
            if problem.field_key not in failed:
                cleaned.problems.append(problem)
    return cleaned
