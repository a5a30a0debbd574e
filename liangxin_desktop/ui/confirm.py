"""Rule warnings shown before anything is recorded: 仍然办理 (go ahead) or 返回修改 (go back)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

MAX_SHOWN = 8  # warnings listed in full; the rest are counted


def confirm_warnings(parent: QWidget | None, warnings: Sequence[str], action: str = "办理") -> bool:
    """True when there is nothing to confirm or the clerk chose 仍然办理 (or 仍然登记 …)."""
    if not warnings:
        return True
    shown = [f"！{text}" for text in warnings[:MAX_SHOWN]]
    if len(warnings) > MAX_SHOWN:
        shown.append(f"……另有 {len(warnings) - MAX_SHOWN} 条")
    box = QMessageBox(QMessageBox.Icon.Warning, "请确认", "请先看一下以下提示：", parent=parent)
    box.setObjectName("confirm_warnings")
    box.setInformativeText("\n".join(shown))
    go_on = box.addButton(f"仍然{action}", QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton("返回修改", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.exec()
    return box.clickedButton() is go_on
