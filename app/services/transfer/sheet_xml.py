"""The data rows of a streamed sheet written as SpreadsheetML ``<row>`` elements, straight to a
file, then spliced into the sheet openpyxl wrote (one job: serialise rows of plain values).

openpyxl's write-only writer spends most of an export binding each value to a cell object,
working out its coordinate and style id and opening three nested lxml elements per cell — about
7 µs a cell, 2.5 s for the 390,000 cells of a 10,000-incident fault log.  ``SheetRows`` writes
the same cells as text, as openpyxl's ``lxml_write_cell`` would write them:

- text (already cleaned and cut by ``xlsx_safe.fit_cell_text``) as an inline string
  ``<c r="B2" t="inlineStr"><is><t>…</t></is></c>`` — always text, so a text beginning with
  ``=`` is never a formula; ``&``, ``<``, ``>`` escaped and ``\\r`` as ``&#13;``, as lxml does;
  ``xml:space="preserve"`` when it starts or ends with white space; UTF-8 (the sheet has no XML
  declaration, so UTF-8 is its encoding; openpyxl's header row keeps its character references);
- ``int``/``float``/``Decimal`` as ``t="n"`` with ``%.16g`` (openpyxl's ``safe_string``), NaN and
  infinities as an empty value; ``bool`` as ``t="b"`` 1/0;
- ``datetime`` (an aware one as its local wall-clock time, ``timeutil.to_local``) and ``date`` as Excel serial numbers
  (``openpyxl.utils.datetime.to_excel`` with the workbook's epoch) in the style the caller
  registered (``yyyy-mm-dd hh:mm`` / ``yyyy-mm-dd``);
- ``None`` and empty text: no cell.

Rows go to an anonymous temporary file (memory holds ``FLUSH_ROWS`` rows at most).  ``splice``
puts them into openpyxl's finished sheet file, between its last ``<row>`` (the header) and
``</sheetData>``, so the workbook part keeps every other element openpyxl wrote (dimension,
views, columns, auto-filter, print setup).
"""

from __future__ import annotations

import math
import shutil
import tempfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from app.core.timeutil import to_local
from app.services.transfer.xlsx_safe import fit_cell_text

FLUSH_ROWS = 500
TEXT_CACHE_CHARS = 60
"""Texts up to this length are serialised once per sheet and remembered (at most ``TEXT_CACHE_SIZE``)."""
TEXT_CACHE_SIZE = 20_000
_NUMBERS = (int, float, Decimal)


def _escape(text: str) -> str:
    """``text`` as lxml writes element text: ``&``, ``<``, ``>`` as entities, ``\\r`` as ``&#13;``."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def text_cell(text: str) -> str:
    """The part of a ``<c>`` element after its ``r`` attribute for a cleaned text (inline string)."""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f' t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>'


def _number(value: Any) -> str:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return ""
    return "%.16g" % value  # noqa: UP031 - openpyxl's safe_string, byte for byte


class SheetRows:
    """Data rows of one sheet as XML in a temporary file (see the module text).

    ``datetime_style``/``date_style``: the workbook's style ids of the datetime and date number
    formats (``StyleableObject.style_id`` of a cell carrying them); ``epoch``: the workbook's
    (``Workbook.epoch``).  ``write(row_idx, values)`` per row (1-based sheet row), then
    ``splice(path)`` once, or ``discard()``."""

    def __init__(self, datetime_style: int, date_style: int, epoch: datetime) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by splice/discard
        self._buf: list[str] = []
        self._letters: list[str] = []
        self._dt = f' s="{datetime_style}" t="n"><v>'
        self._d = f' s="{date_style}" t="n"><v>'
        self._epoch = epoch
        self._texts: dict[str, str] = {}

    def _text(self, value: str) -> str:
        frag = self._texts.get(value)
        if frag is None:
            frag = text_cell(fit_cell_text(value))
            if len(value) <= TEXT_CACHE_CHARS and len(self._texts) < TEXT_CACHE_SIZE:
                self._texts[value] = frag  # codes, names and labels repeat on every row
        return frag

    def write(self, row_idx: int, values: list[Any]) -> None:
        """Serialise one row (values as the module text lists; a ``str``/``datetime`` subclass as
        its base type).  Raises ``TypeError`` for any other value (openpyxl refuses them too)."""
        letters = self._letters
        if len(values) > len(letters):
            letters.extend(get_column_letter(i) for i in range(len(letters) + 1, len(values) + 1))
        r = str(row_idx)
        parts = [f'<row r="{r}">']
        append = parts.append
        for i, value in enumerate(values):
            if value is None:
                continue
            kind = value.__class__
            if kind is str or isinstance(value, str):
                if not value:
                    continue
                frag = self._text(str(value) if kind is not str else value)
            elif kind is bool:
                frag = f' t="b"><v>{1 if value else 0}</v></c>'
            elif isinstance(value, datetime):
                local = to_local(value).replace(tzinfo=None) if value.tzinfo else value
                frag = f'{self._dt}{_number(to_excel(local, self._epoch))}</v></c>'
            elif isinstance(value, date):
                frag = f'{self._d}{_number(to_excel(value, self._epoch))}</v></c>'
            elif isinstance(value, _NUMBERS):
                frag = f' t="n"><v>{_number(value)}</v></c>'
            else:
                raise TypeError(f"Cannot convert {value!r} to Excel")
            append(f'<c r="{letters[i]}{r}"')
            append(frag)
        append("</row>")
        self._buf.append("".join(parts))
        if len(self._buf) >= FLUSH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._buf:
            self._file.write("".join(self._buf).encode("utf-8"))
            self._buf.clear()

    def splice(self, path: str) -> None:
        """Put the rows into openpyxl's finished sheet file at ``path`` (before ``</sheetData>``);
        the temporary file is closed.  Raises ``ValueError`` when the file has no ``</sheetData>``."""
        self._flush()
        with Path(path).open("rb") as fh:
            sheet = fh.read()  # the header row and the sheet's other elements: a few kB
        at = sheet.rfind(b"</sheetData>")
        if at < 0:
            self.discard()
            raise ValueError(f"{path}: no </sheetData> to put the rows into")
        self._file.seek(0)
        with Path(path).open("wb") as out:
            out.write(sheet[:at])
            shutil.copyfileobj(self._file, out, 1 << 20)
            out.write(sheet[at:])
        self._file.close()

    def discard(self) -> None:
        """Drop the rows written (closes and so removes the temporary file)."""
        self._buf.clear()
        self._file.close()
