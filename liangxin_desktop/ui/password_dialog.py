"""启动密码: asked before an archive is shown (at start, when opening another, after the idle
lock), and set, changed or removed from the 文件 menu (the old one asked first)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.storage import privacy
from liangxin_desktop.storage.archive import Archive

MAX_TRIES = 3
_PROBLEM_STYLE = "color: #b71c1c; font-weight: bold;"


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(240)
    return field


def _problem_label() -> QLabel:
    label = QLabel()
    label.setObjectName("problem")
    label.setStyleSheet(_PROBLEM_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class UnlockDialog(QDialog):
    """One password field. At start: 确定 / 退出, three tries. On the idle lock: only 解锁."""

    def __init__(self, archive: Archive, locked: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.archive, self.locked, self.tries = archive, locked, 0
        self.setObjectName("unlock_dialog")
        self.setWindowTitle("台账已锁定" if locked else "请输入启动密码")
        self.setMinimumWidth(420)  # the title (with the program's name) is not cut
        layout = QVBoxLayout(self)
        intro = "离开时间较长，窗口已锁定。" if locked else f"打开台账“{archive.path.name}”"
        layout.addWidget(QLabel(f"{intro}请输入启动密码："))
        self.password = _password_field("password")
        layout.addWidget(self.password)
        self.problem = _problem_label()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox()
        ok = buttons.addButton("解锁" if locked else "确定", QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("unlock")
        ok.setDefault(True)
        if not locked:
            buttons.addButton("退出", QDialogButtonBox.ButtonRole.RejectRole).setObjectName("quit")
        buttons.accepted.connect(self.try_password)
        buttons.rejected.connect(super().reject)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

    def try_password(self) -> None:
        if privacy.password_accepted(self.archive, self.password.text()):
            self.accept()
            return
        self.tries += 1
        self.password.clear()
        self.password.setFocus()
        if not self.locked and self.tries >= MAX_TRIES:
            self.done(QDialog.DialogCode.Rejected)
            return
        left = f"还可以再试 {MAX_TRIES - self.tries} 次。" if not self.locked else ""
        self.problem.setText(f"密码不正确。{left}")
        self.problem.show()

    def reject(self) -> None:
        if not self.locked:  # Esc at start quits; the lock stays until the password is typed
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.locked:
            event.ignore()
        else:
            super().closeEvent(event)


def unlock(archive: Archive, parent: QWidget | None = None, at_start: bool = True) -> bool:
    """Ask the archive's 启动密码 if it has one; False when the clerk quit or failed 3 times
    (then told so plainly: at start the program closes). Nothing is written either way."""
    if not privacy.has_password(archive):
        return True
    dialog = UnlockDialog(archive, parent=parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return True
    if dialog.tries >= MAX_TRIES:
        QMessageBox.warning(
            parent,
            "密码错误",
            f"启动密码连续 {MAX_TRIES} 次输入错误，台账没有打开{'，程序将关闭' if at_start else ''}。\n"
            "如果忘记了密码，请联系单位的信息管理员。",
        )
    return False


class PasswordSettingsDialog(QDialog):
    """设置 / 修改 / 取消启动密码: the old password (when one is set), then the new one twice."""

    def __init__(self, archive: Archive, remove: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.archive, self.remove = archive, remove
        has_old = privacy.has_password(archive)
        title = "取消启动密码" if remove else ("修改启动密码" if has_old else "设置启动密码")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        note = QLabel(
            "启动密码在打开台账和离开一段时间后询问，防止同事或他人在这台电脑上查看台账。"
            "它不加密台账文件，请同时保管好台账文件和备份。"
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.old = _password_field("old_password")
        self.new = _password_field("new_password")
        self.repeated = _password_field("repeated_password")
        if has_old:
            form.addRow("原密码：", self.old)
        if not remove:
            form.addRow(f"新密码（至少 {privacy.MIN_PASSWORD_LENGTH} 位）：", self.new)
            form.addRow("再输入一次：", self.repeated)
        layout.addLayout(form)
        self.problem = _problem_label()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            if self.remove:
                privacy.clear_password(self.archive, self.old.text())
            else:
                privacy.set_password(
                    self.archive, self.old.text(), self.new.text(), self.repeated.text()
                )
        except LiangxinError as exc:  # the dialog stays open with what was typed
            self.problem.setText(exc.message())
            self.problem.show()
            return
        self.accept()

    @classmethod
    def ask(cls, archive: Archive, parent: QWidget | None = None, remove: bool = False) -> bool:
        """Show the dialog; True when the password was set, changed or removed."""
        return cls(archive, remove, parent).exec() == QDialog.DialogCode.Accepted
