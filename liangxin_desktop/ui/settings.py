"""The app's QSettings, kept as an INI file in the data folder (so portable mode keeps them on the stick)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from liangxin_desktop import APP_ID, APP_NAME, paths


def configure_settings() -> None:
    """Point every QSettings of this process at ``<data>/设置`` (INI), including a bare ``QSettings()``."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.settings_dir())
    )


def app_settings() -> QSettings:
    """The one settings object to use (window geometry, last folders …): ``<data>/设置/…/两新党建台账.ini``."""
    configure_settings()  # the data folder may have changed since start-up (tests)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_ID, APP_NAME)
