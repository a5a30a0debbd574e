"""Planning an import from a sheet (nothing written) and committing a plan in one transaction."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from liangxin_desktop.errors import InvalidValue, LiangxinError
from liangxin_desktop.importing import columns as headers
from liangxin_desktop.importing.books import BOOK_IMPORTERS
from liangxin_desktop.importing.dues import DUES_IMPORTER
from liangxin_desktop.importing.kinds import Context, Importer
from liangxin_desktop.importing.people import ACTIVISTS_IMPORTER, MEMBERS_IMPORTER
from liangxin_desktop.importing.plan import ADD, UPDATE, ImportPlan, RowProblem
from liangxin_desktop.importing.reading import Cell, SheetData, blank, read_sheet
from liangxin_desktop.importing.safety import ImportRefused
from liangxin_desktop.output.files import Progress, no_progress
from liangxin_desktop.storage import import_batches
from liangxin_desktop.storage.archive import Archive

IMPORTERS: dict[str, Importer] = {
    importer.key: importer
    for importer in (MEMBERS_IMPORTER, ACTIVISTS_IMPORTER, DUES_IMPORTER, *BOOK_IMPORTERS)
}
_PROGRESS_EVERY = 200
_FOOTER = {
    "合计": "这是合计行，不是一条记录，未导入。",
    "签字": "这是表格下方的填表人、审核人等签字行，未导入。",
}


def get_importer(key: str) -> Importer:
    try:
        return IMPORTERS[key]
    except KeyError:
        known = "、".join(f"{k}（{i.title}）" for k, i in IMPORTERS.items())
        raise InvalidValue(f"“{key}”不能从 Excel 导入。", f"可以导入的台账：{known}。") from None


def detect(sheet: SheetData, importer: Importer) -> tuple[int, dict[int, str]]:
    """The header row (0-based index) and the column mapping found by header names."""
    return headers.find_header(sheet, importer.columns)


def guess_importer(sheet: SheetData) -> Importer | None:
    """The register whose columns the sheet's headers name best (most columns, then fewest
    required ones missing); None when no register's header is found."""
    best: tuple[int, int] | None = None
    chosen = None
    for importer in IMPORTERS.values():
        try:
            _row, mapping = detect(sheet, importer)
        except ImportRefused:
            continue
        missing = len(headers.missing_required(mapping, importer.columns))
        score = (len(mapping), -missing)
        if best is None or score > best:
            best, chosen = score, importer
    return chosen


def _fill_merged(sheet: SheetData, first_data_row: int) -> list[list[Cell]]:
    """Merged cells inside the table repeat their value in every cell they cover."""
    rows = sheet.rows
    for (top, left), (bottom, right) in sheet.merged:
        if top < first_data_row or top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            for c in range(left, min(right, len(rows[r]) - 1) + 1):
                rows[r][c] = value
    return rows


def plan_import(
    archive: Archive,
    importer: Importer,
    sheet: SheetData,
    file_name: str,
    *,
    header_row: int | None = None,
    mapping: dict[int, str] | None = None,
    update_existing: bool = False,
    options: dict[str, Any] | None = None,
    excluded: Collection[int] = (),
    today: date | None = None,
    progress: Progress = no_progress,
) -> ImportPlan:
    """What importing ``sheet`` would do; writes nothing. ``mapping``: column index → field key.

    ``excluded``: Excel row numbers the clerk chose not to import (neither planned nor checked).
    """
    if header_row is None or mapping is None:
        found_row, found_mapping = detect(sheet, importer)
        header_row = found_row if header_row is None else header_row
        mapping = found_mapping if mapping is None else mapping
    header_cells = headers.header_cells(sheet, header_row)
    header_texts = [str(v) if v is not None else "" for v in header_cells]
    plan = ImportPlan(
        importer.key,
        file_name,
        sheet.name,
        header_row + 1,
        dict(mapping),
        header_texts,
        update_existing=update_existing,
        options=dict(options or {}),
        excluded=sorted(set(excluded)),
    )
    labels = {c.key: c.label for c in importer.columns}
    ctx = Context(
        archive,
        today or date.today(),
        update_existing,
        {
            key: header_texts[i] or labels.get(key, key)
            for i, key in mapping.items()
            if i < len(header_texts)
        },
        options=plan.options,
    )
    inferred = importer.inferable(set(mapping.values()))
    ctx.inferred = frozenset(inferred)
    ctx.problems.extend(RowProblem(0, "", text, is_error=False) for text in inferred.values())
    # When updating, a row for someone already registered may leave required columns out.
    missing = [] if update_existing else headers.missing_required(mapping, importer.columns)
    for column in (c for c in missing if c.key not in inferred):
        ctx.problems.append(
            RowProblem(0, column.label, "表格中没有这一列（必填），请增加这一列或在列对应中指定。")
        )
    if not any(p.is_error for p in ctx.problems):
        _plan_rows(ctx, importer, sheet, plan, header_row, progress)
    plan.problems = ctx.problems + _cleaned_warnings(sheet, header_row, header_texts)
    return plan


def _cleaned_warnings(sheet: SheetData, header_row: int, headers: list[str]) -> list[RowProblem]:
    """A warning for each cell that lost control characters on reading (they cannot be kept)."""
    return [
        RowProblem(
            row + 1,
            headers[column] if column < len(headers) else "",
            "含有无法保存的控制字符（不可见），已删除。",
            is_error=False,
        )
        for row, column in sheet.cleaned
        if row > header_row
    ]


def _plan_rows(
    ctx: Context,
    importer: Importer,
    sheet: SheetData,
    plan: ImportPlan,
    header_row: int,
    progress: Progress,
) -> None:
    rows = _fill_merged(sheet, header_row + 1)
    total = len(rows) - header_row - 1
    header = rows[header_row]
    with ctx.archive.snapshot():
        for offset, cells in enumerate(rows[header_row + 1 :]):
            if offset % _PROGRESS_EVERY == 0:
                progress(offset, total)
            if blank(cells) or _same_cells(cells, header):
                continue
            footer = headers.footer_kind(cells)
            if footer is not None:
                ctx.problems.append(RowProblem(header_row + offset + 2, "", _FOOTER[footer], False))
                continue
            values = {key: cells[i] if i < len(cells) else None for i, key in plan.mapping.items()}
            if blank(list(values.values())):
                continue
            if header_row + offset + 2 in plan.excluded:
                continue
            planned = importer.plan_row(ctx, header_row + offset + 2, values)
            if planned is not None:
                plan.rows.append(planned)
    progress(total, total)


def _same_cells(cells: Sequence[Cell], header: Sequence[Cell]) -> bool:
    """A header repeated inside the table (sheets pasted together page by page)."""
    return len(cells) >= len(header) and list(cells[: len(header)]) == list(header)


def commit_import(
    archive: Archive,
    plan: ImportPlan,
    *,
    today: date | None = None,
    progress: Progress = no_progress,
) -> int:
    """Write the plan in one transaction as one batch; the batch id. All or nothing."""
    if not plan.ok:
        raise ImportRefused(
            f"表格中有 {len(plan.errors)} 处错误，没有导入任何数据。",
            "请按问题清单改正表格后重新导入。",
        )
    writes = [row for row in plan.rows if row.action in (ADD, UPDATE)]
    if not writes:
        raise ImportRefused("表格中没有需要导入的新内容。", "表格中的记录与台账中的完全相同。")
    importer = get_importer(plan.kind_key)
    today = today or date.today()
    with archive.transaction() as db:
        batch_id = import_batches.start_batch(db, importer.key, plan.file_name)
        for done, planned in enumerate(writes):
            if done % _PROGRESS_EVERY == 0:
                progress(done, len(writes))
            try:
                importer.commit_row(archive, batch_id, planned, today)
            except LiangxinError as exc:
                raise ImportRefused(
                    f"第{planned.row}行不能导入：{exc.message()}", "没有导入任何数据。"
                ) from exc
        added = sum(1 for row in writes if row.action == ADD)
        import_batches.finish_batch(db, batch_id, added, len(writes) - added)
    progress(len(writes), len(writes))
    return batch_id


def import_file(
    archive: Archive,
    register_key: str,
    path: Path,
    *,
    sheet: str | None = None,
    dry_run: bool = True,
    update_existing: bool = False,
    options: dict[str, Any] | None = None,
    excluded: Collection[int] = (),
    today: date | None = None,
) -> ImportPlan:
    """Read, plan and (unless ``dry_run`` or there are errors) commit; the plan either way."""
    importer = get_importer(register_key)
    data = read_sheet(path, sheet)
    plan = plan_import(
        archive,
        importer,
        data,
        path.name,
        update_existing=update_existing,
        options=options,
        excluded=excluded,
        today=today,
    )
    if not dry_run and plan.ok:
        commit_import(archive, plan, today=today)
    return plan
