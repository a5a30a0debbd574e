"""What the program ships besides its own code: the libraries (with licenses) and the fonts (关于 lists them)."""

from __future__ import annotations

# (distribution, what it is for the clerk, license as its project publishes it)
COMPONENTS = (
    ("PySide6-Essentials", "Qt for Python（PySide6）", "LGPL-3.0"),
    ("reportlab", "ReportLab（PDF）", "BSD-3-Clause"),
    ("openpyxl", "openpyxl（Excel）", "MIT"),
    ("python-calamine", "python-calamine（读取 Excel）", "MIT"),
    ("sqlite-utils", "sqlite-utils", "Apache-2.0"),
    ("pillow", "Pillow（图片）", "MIT-CMU"),
    ("lxml", "lxml", "BSD-3-Clause"),
    ("defusedxml", "defusedxml", "PSF-2.0"),
    ("pyzipper", "pyzipper（加密压缩包）", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
)
# (file in resources/fonts, what it is used for); license: SIL OFL 1.1 (resources/fonts/OFL.txt)
FONTS = (
    ("NotoSansSC-Regular.ttf", "思源黑体 Noto Sans SC（界面、标题）"),
    ("NotoSansSC-Bold.ttf", "思源黑体 Noto Sans SC 粗体"),
    ("NotoSerifSC-Regular.ttf", "思源宋体 Noto Serif SC（打印正文）"),
)
