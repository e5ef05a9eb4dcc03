"""Streamed xlsx sheets: openpyxl's ``write_only`` mode with the house rules of ``xlsx_safe``.

``StreamedTable(wb, title, headers)`` writes a header row (bold, filled), then rows as they come;
the first ``SAMPLE_ROWS`` rows are held back to size the columns (as ``write_table`` does), then
every row goes straight to the sheet's temporary file, so memory does not grow with the rows.
Styles are made once per sheet: one cell object per column is reused for datetimes (the
``yyyy-mm-dd hh:mm`` format) and dates; text is cleaned and cut by ``xlsx_safe.fit_cell_text``,
and text that looks like a formula is written as a text cell; an empty text writes no cell (an
empty cell reads back the same, and the sheet is a third smaller).  The sheet has a frozen header, an
auto-filter over the rows written and the print setup of ``xlsx_safe.set_print_setup``.

A write-only sheet has no ``<dimension>`` (openpyxl cannot know the size before the rows), and
then every reader that asks for the size parses the whole sheet once more (openpyxl's
``read_only`` mode does so on opening, ~⅓ of its read).  A caller that knows the number of data
rows beforehand passes ``rows=`` and the sheet declares ``A1:<last column><rows + 1>``;
``close`` raises ``SizeMismatchError`` when another number was written, so a wrong size never
reaches a file (the caller writes the workbook again without the declaration).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.core.timeutil import to_local
from app.services.transfer.xlsx_safe import (
    _FORMULA_START,
    DATE_FORMAT,
    DATETIME_FORMAT,
    display_width,
    fit_cell_text,
)

SAMPLE_ROWS = 200
TEXT_CACHE_CHARS = 60
"""Texts up to this length are cleaned once per sheet and remembered (at most ``TEXT_CACHE_SIZE``)."""
TEXT_CACHE_SIZE = 20_000
_EXACT = frozenset((str, datetime, date, int, float, bool))


def _print_setup(ws: Any) -> None:
    """``xlsx_safe.set_print_setup`` for a write-only sheet (which lacks the paper constants):
    A4 landscape, one page wide, the header row on every page."""
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"


def _base(value: Any) -> tuple[Any, type]:
    """``(value, type)`` as ``StreamedTable._cells`` writes a value of a subclass: a ``str``
    subclass (a StrEnum code, …) as its text, a datetime/date subclass as such, else as it is."""
    if isinstance(value, str):
        return str(value), str
    if isinstance(value, datetime):
        return value, datetime
    if isinstance(value, date):
        return value, date
    return value, value.__class__


class SizeMismatchError(RuntimeError):
    """The rows written differ from the ``rows=`` a ``StreamedTable`` declared (internal: the
    exporter then writes again without the declaration)."""


class StreamedTable:
    """One write-only sheet of ``wb`` (a ``Workbook(write_only=True)``); see the module text.
    Call ``append(row)`` per row and ``close()`` once (before ``wb.save``).  ``rows``: the number
    of data rows that will be appended, declared as the sheet's ``<dimension>`` (``None``: none)."""

    def __init__(self, wb: Workbook, title: str, headers: list[str], rows: int | None = None) -> None:
        self.ws = wb.create_sheet(title)
        self.headers = headers
        self.declared = rows
        if rows is not None:  # read by openpyxl's WorksheetWriter.write_dimensions at the first row
            ref = f"A1:{get_column_letter(max(1, len(headers)))}{rows + 1}"
            self.ws.calculate_dimension = lambda: ref
        self._pending: list[list[Any]] | None = []
        self.rows = 0
        n = len(headers)
        self._dt = [self._cell(DATETIME_FORMAT) for _ in range(n)]
        self._d = [self._cell(DATE_FORMAT) for _ in range(n)]
        self._texts: dict[str, str] = {}
        self._plain = WriteOnlyCell(self.ws)
        # openpyxl ≥ 3.1 turns each appended row into cells with ``_values_to_row``; where it
        # does, ``_cells`` takes its place (else rows go through ``_value`` value by value)
        self._direct = callable(getattr(self.ws, "_values_to_row", None))
        if self._direct:
            self.ws._values_to_row = self._cells

    def _cell(self, number_format: str) -> Any:
        cell = WriteOnlyCell(self.ws)
        cell.number_format = number_format
        return cell

    def _value(self, c: int, value: Any) -> Any:
        """The value or styled cell ``ws.append`` takes for ``value`` in column ``c`` (0-based)."""
        if isinstance(value, str):
            return self._text(value)
        if isinstance(value, datetime):
            cell = self._dt[c]
            cell.value = (to_local(value) if value.tzinfo else value).replace(tzinfo=None)
            return cell
        if isinstance(value, date):
            cell = self._d[c]
            cell.value = value
            return cell
        return value

    def _text(self, value: str) -> Any:
        if not value:
            return None  # an empty text is no cell at all (read back the same: empty)
        text = self._texts.get(value)
        if text is None:
            text = self._fit(value)
        if text.startswith(_FORMULA_START):
            cell = WriteOnlyCell(self.ws, text)
            cell.data_type = "s"
            return cell
        return text

    def _cells(self, values: list[Any], row_idx: int) -> Iterator[Any]:
        """The cells of one row as openpyxl's writer takes them: this sheet's replacement of
        ``WriteOnlyWorksheet._values_to_row``, so each value is cleaned and bound to a cell in one
        pass (openpyxl's own would first try to bind each styled cell we hand it as a value, fail
        with an exception, then make a new cell).  One unstyled cell serves every plain value,
        one styled cell per column every datetime/date; the writer serialises each cell as it is
        yielded, before the next is bound."""
        plain = self._plain
        dts, ds = self._dt, self._d
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            kind = value.__class__
            v, kind = (value, kind) if kind in _EXACT else _base(value)
            if kind is str:
                if not v:
                    continue  # an empty text is no cell at all (read back the same: empty)
                text = self._texts.get(v) or self._fit(v)
                cell = plain
                cell.value = text
                if text.startswith(_FORMULA_START):
                    cell.data_type = "s"
            elif kind is datetime:
                cell = dts[col_idx - 1]
                cell.value = to_local(v).replace(tzinfo=None) if v.tzinfo else v
            elif kind is date:
                cell = ds[col_idx - 1]
                cell.value = v
            elif isinstance(v, Cell):
                cell = v
            else:
                cell = plain
                cell.value = v
            cell.column = col_idx
            cell.row = row_idx
            yield cell

    def _fit(self, value: str) -> str:
        text = fit_cell_text(value)
        if len(value) <= TEXT_CACHE_CHARS and len(self._texts) < TEXT_CACHE_SIZE:
            self._texts[value] = text  # codes, names and labels repeat on every row
        return text

    def _write(self, row: list[Any]) -> None:
        if self._direct:
            self.ws.append(row)  # cleaned and bound by ``_cells``
            return
        out: list[Any] = []
        for c, value in enumerate(row):
            kind = value.__class__
            if value is None or kind is int or kind is float or kind is bool:
                out.append(value)
            elif kind is str:
                out.append(self._text(value))
            else:
                out.append(self._value(c, value))
        self.ws.append(out)

    def _start(self) -> None:
        rows = self._pending or []
        self._pending = None
        for c, h in enumerate(self.headers):
            width = min(60, max(display_width(v) for v in [h] + [r[c] for r in rows if c < len(r)]) + 2)
            self.ws.column_dimensions[get_column_letter(c + 1)].width = width
        self.ws.freeze_panes = "A2"
        _print_setup(self.ws)
        bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
        head = []
        for h in self.headers:
            cell = WriteOnlyCell(self.ws, fit_cell_text(h))
            cell.font, cell.fill = bold, fill
            head.append(cell)
        self.ws.append(head)
        for r in rows:
            self._write(r)

    def append(self, row: list[Any]) -> None:
        """Write one data row (values as ``xlsx_safe.write_cell`` takes them)."""
        self.rows += 1
        if self._pending is not None:
            self._pending.append(row)
            if len(self._pending) >= SAMPLE_ROWS:
                self._start()
            return
        self._write(row)

    def discard(self) -> None:
        """End this sheet unsaved (an export cancelled or written again): its stream is closed and
        its temporary file removed now rather than when the process exits."""
        with contextlib.suppress(Exception):
            if not self.ws.closed:
                self.ws.close()
        writer = getattr(self.ws, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()

    def close(self) -> None:
        """Flush held-back rows and set the auto-filter over every row written."""
        if self._pending is not None:
            self._start()
        if self.declared is not None and self.declared != self.rows:
            raise SizeMismatchError(f"{self.ws.title}: {self.rows} rows written, {self.declared} declared")
        last = get_column_letter(max(1, len(self.headers)))
        self.ws.auto_filter.ref = f"A1:{last}{1 + max(1, self.rows)}"
