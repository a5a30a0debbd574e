"""Prove that every runtime dependency has a binary wheel for the platforms we ship to but cannot build on here.

``python packaging/check_wheels.py [DEST]`` runs ``pip download --only-binary=:all:`` of the
dependencies in pyproject.toml (with their own dependencies) for Windows x64, Linux x64 with glibc
2.28 (统信 UOS 20, Debian 10) and Linux ARM64 with glibc 2.31 (麒麟 V10 on Kunpeng/Phytium), Python
3.11. A missing wheel fails with pip's message. Needs PyPI.

Measured: there is no PySide6 wheel for ``manylinux2014_aarch64`` (glibc 2.17) at all; on ARM64
PySide6 6.8.0 needs glibc ≥ 2.31 and 6.9–6.11 need glibc ≥ 2.39 (packaging/README.md).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLATFORMS = {
    "win_amd64": "Windows x64",
    "manylinux_2_28_x86_64": "Linux x64，glibc 2.28（统信 UOS 20、Debian 10 及更新）",
    "manylinux_2_31_aarch64": "Linux ARM64，glibc 2.31（麒麟 V10 鲲鹏/飞腾）",
}


def platform_tags(platform: str) -> list[str]:
    """pip takes ``--platform`` literally: a glibc 2.N system also runs every older manylinux wheel."""
    if not platform.startswith("manylinux_2_"):
        return [platform]
    glibc, arch = platform.removeprefix("manylinux_2_").split("_", 1)
    older = [f"manylinux_2_{minor}_{arch}" for minor in range(int(glibc), 16, -1)]
    return [*older, f"manylinux2014_{arch}"]


PYTHON_VERSION = "3.11"


def runtime_dependencies() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return list(project["dependencies"])


def download(platform: str, dest: Path) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--quiet",
        "--only-binary=:all:",
        *[option for tag in platform_tags(platform) for option in ("--platform", tag)],
        "--python-version",
        PYTHON_VERSION,
        "--implementation",
        "cp",
        "--dest",
        str(dest / platform),
        *runtime_dependencies(),
    ]
    return subprocess.run(command, capture_output=True, text=True)


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="liangxin-wheels-") as temp:
        dest = Path(argv[0]) if argv else Path(temp)
        failed = 0
        for platform, label in PLATFORMS.items():
            result = download(platform, dest)
            wheels = sorted(p.name for p in (dest / platform).glob("*.whl"))
            if result.returncode:
                failed += 1
                print(f"✗ {label}（{platform}）：\n{result.stderr}")
            else:
                print(f"✓ {label}（{platform}）：{len(wheels)} 个 wheel")
                for name in wheels:
                    print(f"    {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
