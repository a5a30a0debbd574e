"""Set up and run 两新党建台账 with nothing but Python 3.11+: ``python3 tasks.py app`` / ``python3 tasks.py test``.

The first run creates ``.venv`` beside this file and installs the project into it;
later runs reuse it (and reinstall only when pyproject.toml changed).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
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


def run_app(args: list[str]) -> int:
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


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"app", "test"}:
        print(
            "用法：python3 tasks.py app [程序参数…]   启动程序\n"
            "      python3 tasks.py test [pytest 参数…]  运行全部检查和测试"
        )
        return 2
    command, rest = argv[0], argv[1:]
    return run_app(rest) if command == "app" else run_tests(rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
