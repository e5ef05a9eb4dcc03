"""Render a ``ReportDocument`` to an Excel workbook with openpyxl.

Sheets: ``概览`` (summary: title, cover facts, parties, period, the KPI table and the first
``KeyValues``), then one sheet per level-1 section named after its heading (≤ 31 characters,
unique, without ``[]:*?/\\``), with its paragraphs, key-value lists, tables stacked under their
titles (header row styled, highlighted rows shaded light red), charts as native Excel charts
drawn from their data written beside them, and the sign-off block.  Every cell goes through
``app.services.transfer.xlsx_safe.write_cell`` (formula-looking text stays text, control characters
replaced, 32,767-character limit, aware datetimes as local Excel dates).  The first table's
header row of each sheet is frozen (when it is near the top) and gets an auto-filter.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from app.core.i18n import N_, _
from app.core.text import clean_strings
from app.reports.compose.document import (
    Chart,
    Heading,
    KeyValues,
    PageBreak,
    Paragraph,
    ReportDocument,
    SignOff,
    Table,
)
from app.reports.render.fonts import Progress, atomic_output, cover_facts, report_progress
from app.services.transfer.xlsx_safe import display_width, set_print_setup, write_cell

SUMMARY_SHEET = N_("Overview")  # the first sheet (概览), named in the report's language
HIGHLIGHT = "FDE2E2"
HEADER_FILL = "DDEBF7"
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
MAX_SHEET_NAME = 31


def sheet_name(text: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name from ``text``: forbidden ``[]:*?/\\`` removed, no
    leading/trailing apostrophe, at most 31 characters, ``(2)``, ``(3)``… added on a clash
    (compared case-insensitively, as Excel does).  Adds the result to ``taken``."""
    base = _BAD_SHEET_CHARS.sub("", text).strip().strip("'").strip() or "Sheet"
    base = base[:MAX_SHEET_NAME]
    lower = {t.lower() for t in taken}
    name, n = base, 1
    while name.lower() in lower:
        n += 1
        suffix = f"({n})"
        name = base[: MAX_SHEET_NAME - len(suffix)] + suffix
    taken.add(name)
    return name


def _is_kpi_table(t: Table) -> bool:
    text = t.title + "".join(t.header[:1])
    return any(word in text for word in (_("KPI"), _("KPI assessment"), "KPI"))


class _SheetWriter:
    """Writes blocks top to bottom into one worksheet and tracks column widths."""

    def __init__(self, ws: Any) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self.ws = ws
        self.row = 1
        self.widths: dict[int, int] = {}
        self.first_table: tuple[int, int, int] | None = None  # header row, ncols, nrows
        self.bold = Font(bold=True)
        self.h1 = Font(bold=True, size=14, color="1F3F6B")
        self.h2 = Font(bold=True, size=12)
        self.title_font = Font(bold=True, size=16)
        self.header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self.highlight = PatternFill("solid", fgColor=HIGHLIGHT)
        self.wrap = Alignment(wrap_text=True, vertical="top")

    def cell(self, col: int, value: Any, *, measure: bool = True) -> Any:
        c = write_cell(self.ws, self.row, col, value)
        if measure:
            self.widths[col] = max(self.widths.get(col, 0), min(60, display_width(value) + 2))
        return c

    def text_row(self, text: str, font: Any = None) -> None:
        c = self.cell(1, text, measure=False)
        if font is not None:
            c.font = font
        self.row += 1

    def heading(self, h: Heading) -> None:
        self.text_row(h.text, self.h1 if h.level <= 1 else self.h2)

    def paragraph(self, p: Paragraph) -> None:
        for line in p.text.split("\n"):
            self.text_row(line)
        self.row += 1

    def keyvalues(self, kv: KeyValues) -> None:
        if kv.title:
            self.text_row(kv.title, self.bold)
        for k, v in kv.items:
            self.cell(1, str(k)).font = self.bold
            self.cell(2, v)
            self.row += 1
        self.row += 1

    def table(self, t: Table) -> None:
        if t.title:
            self.text_row(t.title, self.bold)
        header_row = self.row
        for c, h in enumerate(t.header, start=1):
            cell = self.cell(c, h)
            cell.font, cell.fill = self.bold, self.header_fill
        self.row += 1
        highlight = set(t.highlight_rows)
        for i, r in enumerate(t.rows):
            for c, v in enumerate(r, start=1):
                cell = self.cell(c, v, measure=i < 300)
                if i in highlight:
                    cell.fill = self.highlight
            self.row += 1
        if self.first_table is None:
            self.first_table = (header_row, len(t.header), len(t.rows))
        self.row += 1

    def chart(self, ch: Chart) -> None:
        """Data table (categories × series) plus a native chart anchored to its right."""
        from openpyxl.chart import BarChart, LineChart, PieChart, Reference
        from openpyxl.utils import get_column_letter

        self.text_row(ch.title, self.bold)
        names = list(ch.series)
        top = self.row
        self.cell(1, "")
        self.ws.cell(row=top, column=1).fill = self.header_fill
        for s, name in enumerate(names, start=2):
            c = self.cell(s, name + (f" ({ch.unit})" if ch.unit else ""))
            c.font, c.fill = self.bold, self.header_fill
        self.row += 1
        for i, cat in enumerate(ch.categories):
            self.cell(1, str(cat))
            for s, name in enumerate(names, start=2):
                values = ch.series[name]
                self.cell(s, values[i] if i < len(values) else None)
            self.row += 1
        n = len(ch.categories)
        if n and names:
            chart: Any
            if ch.kind == "pie":
                chart = PieChart()
            elif ch.kind == "line":
                chart = LineChart()
            else:
                chart = BarChart()
                chart.type = "col"
            chart.title = ch.title
            last_col = 1 + (1 if ch.kind == "pie" else len(names))
            data = Reference(self.ws, min_col=2, max_col=last_col, min_row=top, max_row=top + n)
            cats = Reference(self.ws, min_col=1, min_row=top + 1, max_row=top + n)
            chart.add_data(data, titles_from_data=True)
            chart.set_categories(cats)
            if ch.kind != "pie" and ch.unit:
                chart.y_axis.title = ch.unit
            chart.height, chart.width = 7.5, 15
            anchor_col = max(last_col + 2, 5)
            self.ws.add_chart(chart, f"{get_column_letter(anchor_col)}{top}")
            self.row = max(self.row, top + 16)
        self.row += 1

    def signoff(self, so: SignOff) -> None:
        self.row += 1
        self.cell(1, _("Client (seal): {name}", name=so.client), measure=False).font = self.bold
        self.cell(3, _("Provider (seal): {name}", name=so.provider), measure=False).font = self.bold
        self.row += 1
        for label in (_("Signature:"), _("Date:")):
            self.cell(1, label, measure=False)
            self.cell(3, label, measure=False)
            self.row += 2
        if so.audit_line:
            self.cell(1, so.audit_line, measure=False)
            self.row += 1

    def block(self, b: Any) -> None:
        if isinstance(b, Heading):
            self.heading(b)
        elif isinstance(b, Paragraph):
            self.paragraph(b)
        elif isinstance(b, KeyValues):
            self.keyvalues(b)
        elif isinstance(b, Table):
            self.table(b)
        elif isinstance(b, Chart):
            self.chart(b)
        elif isinstance(b, SignOff):
            self.signoff(b)
        elif isinstance(b, PageBreak):
            pass

    def finish(self) -> None:
        from openpyxl.utils import get_column_letter

        if self.first_table is not None:
            header_row, ncols, nrows = self.first_table
            if header_row <= 8:
                self.ws.freeze_panes = self.ws.cell(row=header_row + 1, column=1)
            last = get_column_letter(max(1, ncols))
            self.ws.auto_filter.ref = f"A{header_row}:{last}{header_row + max(1, nrows)}"
        # Printing: A4 landscape, as wide as the page, the first table's header on every page.
        head = self.first_table[0] if self.first_table is not None else None
        set_print_setup(self.ws, title_rows=(head, head) if head is not None else None)
        for col, w in self.widths.items():
            self.ws.column_dimensions[get_column_letter(col)].width = max(8, w)


def split_sections(doc: ReportDocument) -> tuple[list[Any], list[tuple[str, list[Any]]]]:
    """(blocks before the first level-1 heading, [(heading text, blocks incl. the heading)])."""
    preamble: list[Any] = []
    sections: list[tuple[str, list[Any]]] = []
    for b in doc.blocks:
        if isinstance(b, Heading) and b.level <= 1:
            sections.append((b.text, [b]))
        elif sections:
            sections[-1][1].append(b)
        else:
            preamble.append(b)
    return preamble, sections


def render_xlsx(doc: ReportDocument, out: Path, progress: Progress | None = None) -> Path:
    """Write ``doc`` as an .xlsx workbook to ``out`` (all or nothing) and return ``out``.

    ``progress(done, total)`` is called per block; if it raises (e.g. ``RenderCancelled``), the
    exception propagates and no file is left at ``out``.
    """
    from openpyxl import Workbook

    out = Path(out)
    doc = clean_strings(doc)  # control characters → U+FFFD (sheet names, charts, cells)
    wb = Workbook()
    taken: set[str] = set()
    summary = _SheetWriter(wb.active)
    summary.ws.title = sheet_name(_(SUMMARY_SHEET), taken)
    summary.text_row(doc.title, summary.title_font)
    if doc.subtitle:
        summary.text_row(doc.subtitle)
    summary.row += 1
    facts = cover_facts(doc)
    summary.keyvalues(KeyValues(facts, title=_("Report information")))

    preamble, sections = split_sections(doc)
    all_blocks = [b for _t, bs in sections for b in bs]
    kpi = next((b for b in all_blocks if isinstance(b, Table) and _is_kpi_table(b)), None)
    headline = next((b for b in all_blocks if isinstance(b, KeyValues)), None)
    if headline is not None:
        summary.keyvalues(headline)
    if kpi is not None:
        summary.table(kpi)
    total = len(doc.blocks)
    done = 0
    for b in preamble:
        summary.block(b)
        done += 1
    summary.finish()
    for title, blocks in sections:
        w = _SheetWriter(wb.create_sheet(sheet_name(title, taken)))
        for b in blocks:
            if done % 5 == 0:
                report_progress(progress, done, total)
            w.block(b)
            done += 1
        w.finish()
    report_progress(progress, total, total)
    wb.properties.title, wb.properties.creator = doc.title, doc.provider
    wb.properties.subject, wb.properties.keywords = doc.period_label, doc.audit_token
    with atomic_output(out) as tmp:
        wb.save(tmp)
    return out
