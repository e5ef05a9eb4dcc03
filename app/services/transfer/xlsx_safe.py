"""Excel hygiene shared by every xlsx export (inspection log, fault log, reports).

- A text beginning with ``=``, ``+``, ``-`` or ``@`` is written as a text cell (data type ``s``),
  never as a formula (CSV/formula injection; openpyxl otherwise stores ``=…`` as a live formula).
- Control characters that XML 1.0 forbids (e.g. ``\\x1b`` from pasted terminal colours) raise in
  openpyxl; ``app.core.text.clean_text`` (the one sanitiser of every document) replaces them by
  ``U+FFFD`` so the text survives visibly.
- A cell holds at most 32,767 characters: longer text is cut at 32,767 − len(marker) and ends with
  ``TRUNCATION_MARKER`` so the cut is visible; ``split_long_text`` is there for callers that
  prefer continuation cells.
- Every sheet prints on A4 landscape, as wide as the page (as many pages down as needed), with
  its header row(s) repeated on each page: ``set_print_setup``, called by ``write_table`` and by
  every exporter that lays out a sheet itself.
- Datetimes are written as real Excel dates in local (Beijing) time, without tzinfo (Excel has
  none), with a date number format.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.core.text import clean_text
from app.core.timeutil import to_local

EXCEL_CELL_MAX_CHARS = 32767
TRUNCATION_MARKER = " …[截断 truncated: {n} chars]"
_FORMULA_START = ("=", "+", "-", "@")
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"


def split_long_text(text: str, limit: int = EXCEL_CELL_MAX_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters (for continuation cells)."""
    return [text[i : i + limit] for i in range(0, len(text), limit)] or [""]


def fit_cell_text(text: str) -> str:
    """Clean ``text`` and, if longer than a cell allows, cut it with a visible marker."""
    text = clean_text(text)
    if len(text) <= EXCEL_CELL_MAX_CHARS:
        return text
    marker = TRUNCATION_MARKER.format(n=len(text))
    return text[: EXCEL_CELL_MAX_CHARS - len(marker)] + marker


def write_cell(ws: Worksheet, row: int, column: int, value: Any) -> Cell:
    """Write ``value`` safely into ``ws`` at (row, column), 1-based; returns the cell.

    ``str`` → cleaned text cell (formula-looking text forced to text); ``datetime`` (aware) →
    local naive Excel datetime; ``date`` → Excel date; numbers/bools/None as they are.
    """
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        text = fit_cell_text(value)
        cell.value = text
        if text.startswith(_FORMULA_START):
            cell.data_type = "s"
    elif isinstance(value, datetime):
        local = to_local(value) if value.tzinfo else value
        cell.value = local.replace(tzinfo=None)
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        cell.value = value
    return cell


def write_table(
    ws: Worksheet,
    headers: list[str],
    rows: list[list[Any]],
    *,
    widths: list[int] | None = None,
    start_row: int = 1,
) -> None:
    """Write a header row and data rows with a frozen header, an auto-filter, column widths and
    the print setup (``set_print_setup``: the header row repeats on every printed page).

    ``widths`` are in Excel character units; by default estimated from the content (CJK counted
    double, capped at 60).
    """
    from openpyxl.styles import Font, PatternFill

    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for c, h in enumerate(headers, start=1):
        cell = write_cell(ws, start_row, c, h)
        cell.font, cell.fill = bold, fill
    for r, row in enumerate(rows, start=start_row + 1):
        for c, v in enumerate(row, start=1):
            write_cell(ws, r, c, v)
    ws.freeze_panes = ws.cell(row=start_row + 1, column=1)
    last = get_column_letter(max(1, len(headers)))
    ws.auto_filter.ref = f"A{start_row}:{last}{start_row + max(1, len(rows))}"
    if widths is None:
        widths = []
        for c, h in enumerate(headers):
            sample = [h] + [row[c] for row in rows[:200] if c < len(row)]
            widths.append(min(60, max(display_width(v) for v in sample) + 2))
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
    set_print_setup(ws, title_rows=(start_row, start_row))


def set_print_setup(ws: Worksheet, title_rows: tuple[int, int] | None = None,
                    title_cols: str | None = None) -> None:
    """Print setup of every exported sheet: A4 landscape, fit to the page width (``fitToWidth``
    1, ``fitToHeight`` 0 = as many pages down as needed), header rows repeated on every page.

    ``title_rows`` is the (first, last) 1-based row range repeated at the top of each printed
    page (``None``: none); ``title_cols`` a column range such as ``"A:D"`` repeated at the left.
    """
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if title_rows is not None:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    if title_cols is not None:
        ws.print_title_cols = title_cols


def display_width(value: Any) -> int:
    """Approximate display width in Excel character units (CJK characters count 2)."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    text = str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text[:200])
