"""Our export opened by LibreOffice (headless): converted without complaint, values as written.

LibreOffice is what a superior without Excel uses; it is stricter than Excel about damaged
files. Debian's ``libreoffice-calc-nogui`` provides ``soffice`` (``.ci/run`` installs it).
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from helpers import VALID_ID, member

from liangxin_desktop.catalog import get_register
from liangxin_desktop.output.excel import export_workbook
from liangxin_desktop.storage import dues, people, records

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui",
)
# Comma, double quote, UTF-8, from line 1, …, save cell contents as shown, every sheet to its own file.
_CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
TODAY = date(2026, 11, 28)


def _convert(source: Path, folder: Path) -> dict[str, list[list[str]]]:
    """Every sheet of ``source`` as CSV rows, keyed by sheet name, as LibreOffice reads them."""
    out = folder / "csv"
    result = subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            _CSV_FILTER,
            "--outdir",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    sheets = {}
    for path in out.glob(f"{source.stem}-*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            sheets[path.stem.removeprefix(f"{source.stem}-")] = list(csv.reader(handle))
    return sheets


def _by_header(rows: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]


@pytest.mark.slow
def test_libreoffice_reads_our_export(archive, tmp_path: Path) -> None:
    person = people.add_member(
        archive,
        member(
            id_number="110101199003077870",
            joined_on="2015-07-01",
            converted_on="2016-07-01",
            phone="0571-88886666",
            note="-3 不是公式",
        ),
        today=TODAY,
    )
    people.add_member(archive, member(name="李强", id_number=VALID_ID, note="@某人"), today=TODAY)
    dues.assess(archive, person, 2026, "在职", 450000)
    dues.record_payments(archive, [person], ["2026-03"], date(2026, 3, 10), today=TODAY)
    records.add_record(
        archive,
        get_register("good_deeds"),
        {"deed_date": "2026-05-04", "person": "+青年突击队", "deed": "=抢修线路"},
        TODAY,
    )
    target = tmp_path / "台账.xlsx"
    registers = [get_register(k) for k in ("members", "dues", "good_deeds")]
    export_workbook(archive, registers, target, as_of=TODAY)

    sheets = _convert(target, tmp_path)

    assert set(sheets) == {"党员花名册", "党费收缴册", "好人好事登记册"}
    roster = {row["姓名"]: row for row in _by_header(sheets["党员花名册"])}
    assert roster["王秀英"]["公民身份号码"] == "110101199003077870"
    assert roster["李强"]["公民身份号码"] == VALID_ID
    assert roster["王秀英"]["联系电话"] == "0571-88886666"
    assert roster["王秀英"]["加入党组织日期"] == "2015-07-01"
    assert roster["王秀英"]["备注"] == "-3 不是公式" and roster["李强"]["备注"] == "@某人"
    grid = {row["姓名"]: row for row in _by_header(sheets["党费收缴册"])}
    assert grid["王秀英"]["缴费基数"] == "4500.00" and grid["王秀英"]["3月"] == "45.00"
    deed = _by_header(sheets["好人好事登记册"])[0]
    assert deed["姓名（集体）"] == "+青年突击队" and deed["主要事迹"] == "=抢修线路"
    assert deed["日期"] == "2026-05-04"


@pytest.mark.slow
def test_libreoffice_opens_an_import_template(tmp_path: Path) -> None:
    from liangxin_desktop.importing.runner import get_importer
    from liangxin_desktop.importing.templates import write_template

    target = write_template(get_importer("org_life"), tmp_path / "模板.xlsx", date(2026, 11, 28))
    sheets = _convert(target, tmp_path)
    assert sheets["党员组织生活记录簿"][0][:3] == ["日期", "类型", "开始时间"]
    assert sheets["填写说明"][0] == ["列名", "填写要求", "示例"]
