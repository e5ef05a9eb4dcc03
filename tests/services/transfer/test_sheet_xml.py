"""The data rows a streamed sheet writes itself read back exactly as those openpyxl writes: every
kind of value, the house rules on text (formula-looking text stays text, control characters
replaced, over-long text cut), and the sheet's other parts (header, filter, sizes) untouched."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from lxml import etree
from openpyxl import Workbook

from app.core.timeutil import LOCAL_TZ
from app.services.transfer.xlsx_safe import EXCEL_CELL_MAX_CHARS
from app.services.transfer.xlsx_stream import SAMPLE_ROWS, StreamedTable


class _Code(StrEnum):
    FORMULA = "=SUM(A1:A2)"


ROWS: list[list[Any]] = [
    ["a & b <c> d", " leading and trailing ", "line\r\nbreak\ttab", "\x1b[31m红\x1b[0m", "=1+1", "+86 10", "-5", "@x"],
    [0, -3, 2.5, 1e20, Decimal("12.25"), True, False, None],
    [datetime(2026, 5, 6, 9, 30, 15), datetime(2026, 5, 6, 1, 2, tzinfo=LOCAL_TZ),
     datetime(2026, 5, 6, 1, 2, tzinfo=LOCAL_TZ).astimezone(tz=None), date(2026, 2, 28), _Code.FORMULA, "", None, "x" * 40000],
    ["中文 “引号” 和 ‘单引号’", "]]>", "'quoted'", '"double"', "&amp;", "&#13;", "\u00a0nbsp", "tail\n"],
]


def _write(path: Path, rows: list[list[Any]], spliced: bool, monkeypatch: pytest.MonkeyPatch) -> Path:
    with monkeypatch.context() as m:
        if not spliced:
            m.setattr(StreamedTable, "_sheet_rows", lambda self: None)
        wb = Workbook(write_only=True)
        table = StreamedTable(wb, "t", [f"h{i}" for i in range(8)], rows=len(rows))
        for r in rows:
            table.append(list(r))
        assert (table._xml is not None) == (spliced and len(rows) >= SAMPLE_ROWS)
        table.close()
        wb.save(path)
    return path


def _cells(path: Path) -> list[list[tuple[Any, str, str]]]:
    ws = openpyxl.load_workbook(path).active
    return [[(c.value, c.data_type, c.number_format) for c in row] for row in ws.iter_rows()]


@pytest.mark.parametrize("copies", [1, SAMPLE_ROWS])
def test_spliced_rows_read_back_as_openpyxl_writes_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        copies: int) -> None:
    rows = ROWS * copies
    ours = _write(tmp_path / "ours.xlsx", rows, True, monkeypatch)
    theirs = _write(tmp_path / "theirs.xlsx", rows, False, monkeypatch)
    assert _cells(ours) == _cells(theirs)
    with zipfile.ZipFile(ours) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    etree.fromstring(xml)  # well-formed
    assert f'<dimension ref="A1:H{len(rows) + 1}"/>'.encode() in xml
    assert f'<autoFilter ref="A1:H{len(rows) + 1}"/>'.encode() in xml
    ws = openpyxl.load_workbook(ours).active
    assert ws["A2"].value == "a & b <c> d" and ws["B2"].value == " leading and trailing "
    assert ws["C2"].value == "line\r\nbreak\ttab" and ws["D2"].value == "\ufffd[31m红\ufffd[0m"
    assert [ws[f"{c}2"].data_type for c in "EFGH"] == ["s"] * 4  # text, never a formula
    assert ws["A4"].value == datetime(2026, 5, 6, 9, 30, 15) and ws["A4"].number_format == "yyyy-mm-dd hh:mm"
    assert ws["B4"].value == datetime(2026, 5, 6, 1, 2) and ws["D4"].number_format == "yyyy-mm-dd"
    assert ws["E4"].value == "=SUM(A1:A2)" and ws["E4"].data_type == "s"
    assert ws["F4"].value is None and ws["G4"].value is None
    assert len(ws["H4"].value) == EXCEL_CELL_MAX_CHARS and "截断" in ws["H4"].value
    assert ws["F3"].value is True and ws["G3"].value is False and ws["A1"].font.b


def test_a_value_excel_cannot_hold_is_refused(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    table = StreamedTable(wb, "t", ["a"])
    for _ in range(SAMPLE_ROWS):
        table.append(["ok"])
    with pytest.raises(TypeError):
        table.append([object()])
    table.discard()
