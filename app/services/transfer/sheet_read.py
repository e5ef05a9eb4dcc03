"""Cell values of a worksheet without formulas, read straight from its XML (one job: the rows of
one sheet as tuples of plain values, as openpyxl's ``read_only`` ``iter_rows(values_only=True)``
gives them).

openpyxl's read-only parser turns each cell into a dict and each inline string into a ``Text``
object through its descriptor machinery — about 8 µs a cell, most of an import of a large log.
``sheet_rows`` parses the same part with ``lxml.etree.iterparse`` (one ``<row>`` element in
memory at a time) and keeps openpyxl's reading of each cell, using the workbook openpyxl opened
for everything that is not the sheet's cells (shared strings, the styles' date formats, the
epoch):

- ``t="s"``: the shared string; ``t="inlineStr"``: the text of ``<is>`` (plain and rich-text runs,
  phonetic runs left out); ``t="str"``: the text; ``t="b"``: a bool; ``t="e"``: the error text;
  ``t="d"``: an ISO 8601 date;
- numbers: ``int`` unless the text has ``.``/``e``, then ``float``; a number in a date style is a
  ``datetime`` (``openpyxl.utils.datetime.from_excel``, a duration style a ``timedelta``), a serial
  Excel cannot hold is ``"#VALUE!"`` as openpyxl makes it;
- cells and rows without an ``r`` attribute take the next position, as openpyxl does.

Rows come as ``(sheet row number, values)``; a row missing from the XML is not yielded (openpyxl
would yield it as empty), and rows past a declared ``<dimension>`` are read too.  The caller
reads formulas otherwise: a cell's ``<f>`` is ignored here.  The workbook has passed
``xlsx_guard.check_workbook`` (no DOCTYPE or entity); the parser resolves none and loads nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601

_DIGITS = "0123456789"


def can_read(ws: Any) -> bool:
    """True when ``ws`` is an openpyxl read-only sheet whose parts ``sheet_rows`` uses."""
    wb = getattr(ws, "parent", None)
    return (callable(getattr(ws, "_get_source", None)) and hasattr(ws, "_shared_strings")
            and hasattr(wb, "_date_formats") and hasattr(wb, "_timedelta_formats") and hasattr(wb, "epoch"))


def _number(text: str) -> int | float:
    return float(text) if ("." in text or "E" in text or "e" in text) else int(text)


class _Cells:
    """The workbook-level parts a cell's value needs, and the tags of the sheet's namespace."""

    def __init__(self, ws: Any, ns: str) -> None:
        wb = ws.parent
        self.shared = ws._shared_strings
        self.dates, self.durations, self.epoch = wb._date_formats, wb._timedelta_formats, wb.epoch
        self.c, self.v, self.is_, self.t, self.r = (f"{ns}{t}" for t in ("c", "v", "is", "t", "r"))
        shared = self.shared
        self._convert: dict[str, Any] = {"s": lambda t: shared[int(t)], "b": lambda t: bool(int(t)),
                                         "d": from_ISO8601}

    def value(self, cell: Any) -> Any:
        """The value of one ``<c>`` element (see the module text), ``None`` for none."""
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            return next((self._inline(child) for child in cell if child.tag == self.is_), None)
        text = next((child.text for child in cell if child.tag == self.v), None)
        if not text:
            return None
        if kind == "n":
            return self._numeric(cell, text)
        convert = self._convert.get(kind)
        return convert(text) if convert is not None else text  # "str", "e": the text

    def _numeric(self, cell: Any, text: str) -> Any:
        """A number, or the date/duration it is in a date style."""
        number = _number(text)
        style = cell.get("s")
        if style and int(style) in self.dates:
            try:
                return from_excel(number, self.epoch, timedelta=int(style) in self.durations)
            except (OverflowError, ValueError):
                return "#VALUE!"
        return number

    def _inline(self, element: Any) -> str:
        """The text of an ``<is>`` element: its ``<t>`` and the ``<t>`` of each rich-text run."""
        parts = []
        for child in element:
            if child.tag == self.t:
                parts.append(child.text or "")
            elif child.tag == self.r:
                parts.extend(t.text or "" for t in child if t.tag == self.t)
        return "".join(parts)


def sheet_rows(ws: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """``(row number, values)`` of every ``<row>`` of the read-only sheet ``ws`` (``can_read``),
    values by column from A (``None`` where there is no cell).  Raises what ``lxml`` raises for
    a part that is not well-formed XML, ``ValueError`` for a cell reference that is none."""
    from lxml import etree  # type: ignore[import-untyped]

    columns: dict[str, int] = {}
    cells: _Cells | None = None
    with ws._get_source() as src:
        parser = etree.iterparse(src, events=("end",), tag="{*}row", resolve_entities=False, no_network=True,
                                 load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)
        row_counter = 0
        for _event, row in parser:
            if cells is None:
                cells = _Cells(ws, row.tag[: row.tag.index("}") + 1] if row.tag.startswith("{") else "")
            c_tag, value_of = cells.c, cells.value
            ref = row.get("r")
            row_counter = int(ref) if ref else row_counter + 1
            values: list[Any] = []
            col = 0
            for cell in row:
                if cell.tag != c_tag:
                    continue
                coord = cell.get("r")
                if coord:
                    letters = coord.rstrip(_DIGITS)
                    col = columns.get(letters) or columns.setdefault(letters, column_index_from_string(letters))
                else:
                    col += 1
                value = value_of(cell)
                if value is None:
                    continue
                if col > len(values):
                    values.extend([None] * (col - len(values)))
                values[col - 1] = value
            row.clear()
            while row.getprevious() is not None:
                del row.getparent()[0]
            yield row_counter, tuple(values)
