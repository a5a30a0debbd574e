"""What every package of the program says about itself, read from the package: one name, one version.

Used by the PyInstaller spec, ``tasks.py build`` (tarball and .deb) and the tests that check the
Windows installer script against it. Standard library only, except ``windows_version_info``.
"""

from __future__ import annotations

import platform
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import liangxin_desktop  # noqa: E402
from liangxin_desktop.display_check import debian_packages  # noqa: E402

NAME = (
    liangxin_desktop.APP_ID
)  # the program's file name and the build folder: dist/liangxin-desktop/
TITLE = liangxin_desktop.APP_NAME
VERSION = liangxin_desktop.__version__
# UOS/Kylin application id (reverse domain, also the Debian package name).
DEB_APPID = "cn.liangxin.desktop"
DESCRIPTION = "两新组织党组织“5簿6册1卡”档案台账（离线使用）"
PUBLISHER = "两新党建台账项目组"

# Bundled data: (source relative to the checkout, folder inside the build).
DATA_FOLDERS = ["resources/fonts", "resources/rules", "resources/icons", "resources/manual"]
# Qt modules the app never imports (keeps the folder small); QtPdf, QtSvg, QtPrintSupport stay.
QT_EXCLUDES = [
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DExtras",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQml",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSpatialAudio",
    "PySide6.QtTextToSpeech",
    "PySide6.QtLocation",
    "PySide6.QtPositioning",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtSensors",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtHttpServer",
    "PySide6.QtNetworkAuth",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "tkinter",
]
# Qt's own translations: only Chinese is shown (qtbase_zh_CN: 是/否, 确定, 取消 …).
KEEP_TRANSLATIONS = re.compile(r"qt(base)?_zh_CN\.qm$")


# Qt plugins the app does not need, and the libraries only they bring in: the GTK theme plugin
# (GTK, cairo, pango … ~20 MB, and a second toolkit whose system themes may not match the bundled
# copy), the virtual keyboard (QtQuick/QML), embedded-screen and network-status plugins.
DROPPED_PLUGINS = re.compile(
    r"plugins/(platformthemes/libqgtk3|platforminputcontexts/libqtvirtualkeyboard"
    r"|platforms/libq(eglfs|linuxfb|minimalegl|vkkhrdisplay|vnc)|egldeviceintegrations/"
    r"|generic/|networkinformation/|tls/)"
)
DROPPED_LIBRARIES = re.compile(
    r"(^|/)libQt6(VirtualKeyboard|Quick|Qml)\w*\.so"  # Qt's, wherever PyInstaller puts them
    # the system's GTK stack at the top level (Pillow's own hashed copies in pillow.libs/ stay)
    r"|^lib(gtk-3|gdk-3|gdk_pixbuf-2\.0|cairo|cairo-gobject|pango(cairo|ft2)?-1\.0|atk-1\.0"
    r"|atk-bridge-2\.0|atspi|epoxy|thai|datrie|fribidi|graphite2|harfbuzz|pixman-1"
    r"|X(composite|damage|inerama|i|randr|cursor))\.so"
)


def keep_binary(destination: str) -> bool:
    """Filter for the collected binaries (see DROPPED_PLUGINS, DROPPED_LIBRARIES)."""
    path = destination.replace("\\", "/")
    return not (DROPPED_PLUGINS.search(path) or DROPPED_LIBRARIES.search(path))


def version_tuple() -> tuple[int, int, int, int]:
    """The version in four numeric parts (Windows resources, the UOS ``info`` file)."""
    numbers = [int(n) for n in re.findall(r"\d+", VERSION)[:4]]
    return (*numbers, 0, 0, 0, 0)[:4]  # type: ignore[return-value]


def four_part_version() -> str:
    return ".".join(str(n) for n in version_tuple())


def machine() -> str:
    """The Debian architecture name of this machine (amd64, arm64, loong64 …)."""
    names = {"x86_64": "amd64", "aarch64": "arm64", "loongarch64": "loong64", "mips64": "mips64el"}
    return names.get(platform.machine().lower(), platform.machine().lower())


def deb_depends() -> str:
    """The system libraries of Qt's xcb plugin (the list the program checks before starting)."""
    return ", ".join(debian_packages())


def keep_data_file(destination: str) -> bool:
    """Filter for the collected data files: drop every Qt translation except Chinese."""
    parts = destination.replace("\\", "/").split("/")
    if "translations" in parts and destination.endswith(".qm"):
        return bool(KEEP_TRANSLATIONS.search(parts[-1]))
    return True


def windows_version_info() -> Any:
    """The Windows version resource of the .exe (PyInstaller's VSVersionInfo; Windows only)."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = version_tuple()
    strings = [
        ("CompanyName", PUBLISHER),
        ("FileDescription", TITLE),
        ("FileVersion", VERSION),
        ("InternalName", NAME),
        ("OriginalFilename", f"{NAME}.exe"),
        ("ProductName", TITLE),
        ("ProductVersion", VERSION),
        ("LegalCopyright", "MIT License"),
    ]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            vi.StringFileInfo(
                [vi.StringTable("080404B0", [vi.StringStruct(k, v) for k, v in strings])]
            ),
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0804, 1200])]),
        ],
    )
