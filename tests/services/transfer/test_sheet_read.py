"""Reading a sheet's XML directly gives the values openpyxl's read-only mode gives, for files as
Excel and other programs write them (shared strings, rich text, dates, durations, booleans,
errors, gaps, rows and cells without references), so an import accepts and refuses the same."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from app.services.transfer.sheet_read import can_read, sheet_rows


def _openpyxl_rows(path: Path) -> list[tuple[int, tuple[Any, ...]]]:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    out = []
    for n, row in enumerate(wb.active.iter_rows(values_only=True), start=1):
        values = list(row)
        while values and values[-1] is None:
            values.pop()
        if values:
            out.append((n, tuple(values)))
    wb.close()
    return out


def _ours(path: Path) -> list[tuple[int, tuple[Any, ...]]]:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    assert can_read(wb.active)
    rows = [(n, v) for n, v in sheet_rows(wb.active) if any(x is not None for x in v)]
    wb.close()
    return rows


def test_values_equal_openpyxl_for_a_workbook_with_shared_strings(tmp_path: Path) -> None:
    wb = Workbook()  # the normal mode writes shared strings, as Excel does
    ws = wb.active
    ws.append(["故障标题", "发生时间", "数", "是否", "日期"])
    ws.append(["网络中断 & <恢复>", datetime(2026, 5, 6, 9, 30), 3, True, date(2026, 5, 7)])
    ws.append([" 前后空格 ", datetime(2026, 5, 6, 23, 59, 59), 2.5, False, None])
    ws.append([CellRichText("粗体", TextBlock(InlineFont(b=True), "加粗"), "尾"), None, -7, None, "2026/05/06"])
    ws["B6"] = timedelta(hours=5, minutes=3)
    ws["C6"] = time(8, 30)
    ws["E8"] = "#N/A"
    ws["A9"] = 1e20
    ws["D9"] = "line\nbreak"
    path = tmp_path / "shared.xlsx"
    wb.save(path)
    assert _ours(path) == _openpyxl_rows(path)


def _patch_sheet(path: Path, sheet_data: str) -> None:
    """Replace the ``<sheetData>`` of the first sheet by ``sheet_data`` (hand-written XML)."""
    src = path.read_bytes()
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(src)
    with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                start, end = text.index("<sheetData"), text.index("</sheetData>") + len("</sheetData>")
                if "<sheetData/>" in text:
                    start, end = text.index("<sheetData/>"), text.index("<sheetData/>") + len("<sheetData/>")
                text = text[:start] + sheet_data + text[end:]
                data = re.sub(r"<dimension [^>]*/>", "", text).encode()  # openpyxl would cut at a stale one
            zout.writestr(info, data)
    tmp.unlink()


def test_rows_and_cells_without_references_gaps_and_error_cells(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active["A1"] = "x"
    path = tmp_path / "hand.xlsx"
    wb.save(path)
    _patch_sheet(path, (
        '<sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="C1" t="inlineStr"><is><t>c</t></is></c></row>'
        '<row r="4"><c t="inlineStr"><is><r><t>rich </t></r><r><rPr><b/></rPr><t>run</t></r>'
        '<rPh sb="0" eb="1"><t>phonetic</t></rPh></is></c><c><v>12</v></c><c t="e"><v>#DIV/0!</v></c>'
        '<c t="str"><v>text of a formula</v></c><c t="b"><v>0</v></c><c><v></v></c><c r="H4"><v>1.5E3</v></c></row>'
        '<row><c r="B5" t="inlineStr"><is><t xml:space="preserve"> a </t></is></c></row>'
        '<row r="7"/>'
        '</sheetData>'))
    ours = _ours(path)
    assert ours == _openpyxl_rows(path)
    assert ours == [(1, ("标题", None, "c")), (4, ("rich run", 12, "#DIV/0!", "text of a formula", False, None, None, 1500.0)),
                    (5, (None, " a "))]


def test_the_fault_log_export_reads_back_the_same(tmp_path: Path) -> None:
    from app.services.transfer.xlsx_stream import SAMPLE_ROWS, StreamedTable

    wb = Workbook(write_only=True)
    table = StreamedTable(wb, "t", ["a", "b", "c", "d"])
    for i in range(SAMPLE_ROWS + 5):
        table.append([f"行 {i} & <x>", datetime(2026, 5, 6, 9, i % 60), i, i % 2 == 0])
    table.close()
    path = tmp_path / "ours.xlsx"
    wb.save(path)
    assert _ours(path) == _openpyxl_rows(path)
