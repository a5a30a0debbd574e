"""Set up and run 两新党建台账 with nothing but Python 3.11+: ``python3 tasks.py app`` / ``python3 tasks.py test``.

The first run creates ``.venv`` beside this file and installs the project into it;
later runs reuse it (and reinstall only when pyproject.toml changed). ``build [--deb]`` makes the
one-folder program, tarball and .deb (packaging/README.md); ``screenshots`` remakes the manual's pictures.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed"
_LINTED = ["liangxin_desktop", "tests", "bench", "packaging", "tasks.py", "main.py"]


def _python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _wanted_stamp(extras: str) -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    return f"{digest}:{extras}"


def ensure_environment(extras: str = "") -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py runs under whatever python3 is
        sys.exit("需要 Python 3.11 或更新版本。Python 3.11 or newer is required.")
    if not _python().exists():
        print("正在创建虚拟环境 .venv ……", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = _wanted_stamp(extras)
    installed = STAMP.read_text().split("\n") if STAMP.exists() else []
    covered = stamp in installed or (not extras and any(s.startswith(stamp) for s in installed))
    if not covered:  # the app needs no extras, so a test install covers it too
        print("正在安装依赖（首次需要几分钟）……", flush=True)
        target = f".[{extras}]" if extras else "."
        subprocess.run(
            [str(_python()), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True
        )
        subprocess.run(
            [str(_python()), "-m", "pip", "install", "--quiet", "-e", target], check=True, cwd=ROOT
        )
        STAMP.write_text("\n".join([*installed, stamp]))
    return _python()


def display_ready() -> bool:
    """The same check the program makes before Qt starts (no dependencies needed)."""
    sys.path.insert(0, str(ROOT))
    from liangxin_desktop.display_check import ensure_display

    return ensure_display()


def run_app(args: list[str]) -> int:
    if not display_ready():
        return 1
    python = ensure_environment()
    return subprocess.call([str(python), str(ROOT / "main.py"), *args], cwd=ROOT)


def run_tests(args: list[str]) -> int:
    python = ensure_environment("test")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    steps = [
        [str(python), "-m", "ruff", "check", *_LINTED],
        [str(python), "-m", "ruff", "format", "--check", *_LINTED],
        [str(python), "-m", "mypy"],
        [str(python), "-m", "pytest", *args],
    ]
    for step in steps:
        print(
            "$",
            " ".join(Path(step[0]).name if i == 0 else part for i, part in enumerate(step)),
            flush=True,
        )
        code = subprocess.call(step, cwd=ROOT, env=env)
        if code:
            return code
    return 0


def _megabytes(folder: Path) -> float:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6


def run_build(args: list[str]) -> int:
    """The one-folder program in dist/ (PyInstaller), then the .tar.gz (Linux) and, with --deb, the .deb."""
    unknown = [a for a in args if a != "--deb"]
    if unknown:
        print(f"无法识别的参数：{' '.join(unknown)}（只接受 --deb）")
        return 2
    python = ensure_environment("build")
    sys.path.insert(0, str(ROOT / "packaging"))
    import build_info

    started = time.monotonic()
    work, dist = ROOT / "build", ROOT / "dist"
    subprocess.run(
        [str(python), str(ROOT / "packaging" / "icons.py"), str(work / "icons")], check=True
    )
    pyinstaller = [str(python), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    spec = ROOT / "packaging" / "liangxin_desktop.spec"
    places = ["--distpath", str(dist), "--workpath", str(work / "pyinstaller")]
    subprocess.run([*pyinstaller, *places, str(spec)], check=True, cwd=ROOT)
    folder = dist / build_info.NAME
    print(
        f"程序文件夹：{folder}（{_megabytes(folder):.0f} MB，{time.monotonic() - started:.0f} 秒）"
    )
    if sys.platform.startswith("linux"):
        import linux_packages

        arch = build_info.machine()
        made = [linux_packages.make_tarball(folder, dist, arch)]
        if "--deb" in args:
            made.append(linux_packages.make_deb(folder, work / "icons", dist, work, arch))
        for path in made:
            print(f"已生成：{path}（{path.stat().st_size / 1e6:.0f} MB）")
    print(f"完成，用时 {time.monotonic() - started:.0f} 秒。")
    return 0


def run_screenshots(args: list[str]) -> int:
    """Remake resources/manual/images/ by driving the app offscreen (packaging/manual_screenshots.py)."""
    python = ensure_environment()
    script = ROOT / "packaging" / "manual_screenshots.py"
    return subprocess.call([str(python), str(script), *args], cwd=ROOT)


USAGE = """用法：python3 tasks.py app [程序参数…]   启动程序
      python3 tasks.py test [pytest 参数…]  运行全部检查和测试
      python3 tasks.py build [--deb]        打包：dist/ 中的程序文件夹、.tar.gz（和 .deb）
      python3 tasks.py screenshots          重新生成使用说明中的截图"""


def main(argv: list[str]) -> int:
    commands = {
        "app": run_app,
        "test": run_tests,
        "build": run_build,
        "screenshots": run_screenshots,
    }
    if not argv or argv[0] not in commands:
        print(USAGE)
        return 2
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
