"""bundle / verify / summarize through the program's main(): outputs, Chinese refusals, exit codes."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from liangxin_desktop.app import main

PASSWORD = "Zhibu2026!"


@pytest.fixture
def demo_file(demo_archive) -> Path:
    demo_archive.close()  # the command opens it itself
    return demo_archive.path


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    path = tmp_path / "密码.txt"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    return path


def test_bundle_verify_summarize(demo_file, password_file, tmp_path, capsys) -> None:
    bundle = tmp_path / "移交包.zip"
    code = main(
        [
            "bundle",
            "--data",
            str(demo_file),
            "--out",
            str(bundle),
            "--year",
            "2026",
            "--password-file",
            str(password_file),
        ]
    )
    said = capsys.readouterr().err
    assert code == 0, said
    assert "已生成移交包（已加密，密码请另行告知对方）" in said and "校验通过" in said

    assert main(["verify", str(bundle), "--password-file", str(password_file)]) == 0
    assert "校验通过" in capsys.readouterr().err

    wrong = tmp_path / "错.txt"
    wrong.write_text("not-the-password", encoding="utf-8")
    assert main(["verify", str(bundle), "--password-file", str(wrong)]) == 1
    assert "密码不正确" in capsys.readouterr().err
    assert main(["verify", str(bundle)]) == 1
    assert "需要密码" in capsys.readouterr().err

    out = tmp_path / "汇总.xlsx"
    pdf = tmp_path / "汇总.pdf"
    code = main(
        [
            "summarize",
            str(bundle),
            "--password-file",
            str(password_file),
            "--out",
            str(out),
            "--pdf",
            str(pdf),
        ]
    )
    assert code == 0 and "已汇总 1 个党组织" in capsys.readouterr().err
    rows = list(openpyxl.load_workbook(out)["汇总"].iter_rows(values_only=True))
    assert rows[0][0] == "党组织名称" and rows[-1][0] == "合计（1 个党组织）"
    assert "两新党组织台账汇总表" in PdfReader(pdf).pages[0].extract_text()


def test_verify_names_what_was_changed(demo_file, tmp_path, capsys) -> None:
    folder = tmp_path / "移交包"
    assert main(["bundle", "--data", str(demo_file), "--out", str(folder)]) == 0
    capsys.readouterr()
    workbook = next(folder.glob("*.xlsx"))
    workbook.write_bytes(workbook.read_bytes()[:-1])
    assert main(["verify", str(folder)]) == 1
    said = capsys.readouterr().err
    assert "校验未通过" in said and f"文件“{workbook.name}”已被改动" in said
    assert "Traceback" not in said


def test_refusals_are_sentences(demo_file, tmp_path, capsys) -> None:
    assert main(["bundle", "--data", str(demo_file), "--out", str(tmp_path / "无" / "b.zip")]) == 1
    assert "不存在" in capsys.readouterr().err
    assert main(["verify", str(tmp_path / "无.zip")]) == 1
    assert "找不到移交包" in capsys.readouterr().err
    assert main(["summarize", str(tmp_path), "--out", str(tmp_path / "x.csv")]) == 1
    assert "扩展名应为 .xlsx 或 .pdf" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["summarize", "--out", str(tmp_path / "x.xlsx")])
    assert exited.value.code == 2
    assert "缺少必需的参数" in capsys.readouterr().err
