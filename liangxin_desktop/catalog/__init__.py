"""The register catalog: one declarative description per register drives storage queries,
forms, tables, validation, Excel sheets and printed pages."""

from liangxin_desktop.catalog.fields import Field, FieldKind, Problem
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.catalog.registers import REGISTERS, get_register

__all__ = ["REGISTERS", "Field", "FieldKind", "Problem", "Register", "get_register"]
