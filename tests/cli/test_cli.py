"""The command line through a real subprocess: outputs, refusals in Chinese, exit codes, no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.lxdb"
    result = run("demo", "--data", path, "--seed", "5")
    assert result.returncode == 0, result.stderr
    assert "已生成示例台账" in result.stderr
    return path


def test_registers_lists_all_keys() -> None:
    result = run("registers")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 17 and "members\t党员花名册" in lines


def test_module_entry_point_is_the_same() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "liangxin_desktop", "registers"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert result.stdout == run("registers").stdout


def test_demo_is_deterministic_per_seed(tmp_path: Path) -> None:
    names = []
    for index, seed in enumerate(("5", "5", "6")):
        path = tmp_path / f"d{index}.lxdb"
        assert run("demo", "--data", path, "--seed", seed, "--members", "12").returncode == 0
        import sqlite3

        conn = sqlite3.connect(path)
        names.append(
            conn.execute("SELECT name FROM organization").fetchone()[0]
            + ",".join(r[0] for r in conn.execute("SELECT id_number FROM people ORDER BY id"))
        )
        conn.close()
    assert names[0] == names[1] and names[0] != names[2]


def test_export_and_print(demo_file: Path, tmp_path: Path) -> None:
    xlsx, pdf = tmp_path / "out.xlsx", tmp_path / "out.pdf"
    assert run("export", "--data", demo_file, "--out", xlsx).returncode == 0
    assert run("print", "--data", demo_file, "--out", pdf, "--register", "members").returncode == 0
    sheet = openpyxl.load_workbook(xlsx)["党员花名册"]
    assert sheet.max_row > 30
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "党员花名册" in text


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (
            ("export", "--data", "{demo}", "--out", "{tmp}/x.xlsx", "--register", "nope"),
            1,
            "没有名为“nope”的台账",
        ),
        (("export", "--data", "{tmp}/missing.lxdb", "--out", "{tmp}/x.xlsx"), 1, "找不到台账文件"),
        (("export", "--data", "{demo}", "--out", "{tmp}/x.csv"), 1, "扩展名应为 .xlsx"),
        (("print", "--data", "{demo}", "--out", "{tmp}/no/such/dir/x.pdf"), 1, "不存在"),
        (("export", "--data", "{demo}"), 2, "缺少必需的参数：--out"),
        (
            ("print", "--data", "{demo}", "--out", "{tmp}/x.pdf", "--year", "twenty"),
            2,
            "年度应为四位数字",
        ),
        (("bogus",), 2, "命令用法不正确"),
        (("demo", "--data", "{demo}"), 1, "已经存在"),
    ],
)
def test_refusals_are_chinese_sentences(
    demo_file: Path, tmp_path: Path, args, code, fragment
) -> None:
    filled = [a.format(demo=demo_file, tmp=tmp_path) for a in args]
    result = run(*filled)
    assert result.returncode == code, result.stderr
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.glob("x.*"))


def test_not_an_archive_is_refused_untouched(tmp_path: Path) -> None:
    letter = tmp_path / "letter.lxdb"
    letter.write_text("亲爱的同志：\n" * 50, encoding="utf-8")
    before = letter.read_bytes()
    result = run("export", "--data", letter, "--out", tmp_path / "x.xlsx")
    assert result.returncode == 1 and "不是“两新党建台账”的台账文件" in result.stderr
    assert letter.read_bytes() == before


def test_smoke_test() -> None:
    result = run("--smoke-test")
    assert result.returncode == 0, result.stderr
    assert "smoke test ok" in result.stderr
