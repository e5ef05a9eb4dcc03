"""Render a ``ReportDocument`` to a Word document with python-docx.

Same content as the PDF: a cover page, a TOC field when ``doc.with_contents`` (Word fills it on
open: ``w:updateFields`` is set; LibreOffice on "Update index"), headings as Word's "Heading 1/2"
styles, tables with the header row repeated on every page (``w:tblHeader``) and highlighted rows
shaded light red, charts as PNG pictures (drawn by ``charts.chart_png`` with Pillow because
reportlab's ``renderPM`` needs ``rlPyCairo``, not installed), and the sign-off table.  A4 page,
footer "第 N 页" (PAGE field).  Styles name an East-Asian font (``DOCX_EAST_ASIA_FONT``, Microsoft
YaHei) so Chinese shows in the client's Word.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from app.core.i18n import _
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
from app.reports.render.charts import chart_png
from app.reports.render.fonts import (
    DOCX_EAST_ASIA_FONT,
    Progress,
    atomic_output,
    cell_text,
    cover_facts,
    report_progress,
)
from app.reports.render.pdf import column_widths

HIGHLIGHT = "FDE2E2"
#: A4 width minus 2 × 20 mm margins, in points.
CONTENT_WIDTH_PT = 170 / 25.4 * 72
HEADER_FILL = "DDEBF7"


def _set_east_asia(style: Any, font: str = DOCX_EAST_ASIA_FONT) -> None:
    """Name ``font`` as the East-Asian font of ``style`` (theme font attributes removed so they
    do not override it)."""
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attr in ("w:eastAsiaTheme", "w:asciiTheme", "w:hAnsiTheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:eastAsia"), font)
    rfonts.set(qn("w:ascii"), font)
    rfonts.set(qn("w:hAnsi"), font)


def _shade(tc: Any, fill: str) -> None:
    from docx.oxml.ns import qn

    tcpr = tc.get_or_add_tcPr()
    shd = tcpr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto",
                                         qn("w:fill"): fill})
    tcpr.append(shd)


def _repeat_header(tr: Any) -> None:
    from docx.oxml.ns import qn

    trpr = tr.get_or_add_trPr()
    el = trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
    trpr.append(el)


def _field(paragraph: Any, instr: str, placeholder: str = "") -> None:
    """Append a complex field (``PAGE``, ``TOC …``) to ``paragraph``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld(kind: str) -> Any:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    run = paragraph.add_run()
    run._r.append(fld("begin"))
    run = paragraph.add_run()
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = instr
    run._r.append(it)
    run = paragraph.add_run()
    run._r.append(fld("separate"))
    paragraph.add_run(placeholder)
    run = paragraph.add_run()
    run._r.append(fld("end"))


def _fill_table(table: Any, rows: list[list[str]], bold_first_row: bool) -> None:
    """Set cell texts quickly through the XML rows (python-docx's ``table.cell`` recomputes the
    grid on every call, which is slow for long tables)."""
    from docx.table import _Cell

    for r, (tr, values) in enumerate(zip(table._tbl.tr_lst, rows)):
        for tc, value in zip(tr.tc_lst, values):
            cell = _Cell(tc, table)
            para = cell.paragraphs[0]
            run = para.add_run(value) if r == 0 or not _JOINED.search(value) else _unbroken_run(para, value)
            if r == 0 and bold_first_row:
                run.bold = True


#: a hyphen inside a record number or date (INC-2026-0006, 2026-11-10): Word must not break there
_JOINED = re.compile(r"(?<=[0-9A-Za-z])-(?=[0-9A-Za-z])")


def _unbroken_run(para: Any, value: str) -> Any:
    """A run of ``value`` whose in-token hyphens are Word non-breaking hyphens
    (``w:noBreakHyphen``), so record numbers and dates never wrap mid-token."""
    from docx.oxml import OxmlElement

    run = para.add_run()
    for i, piece in enumerate(_JOINED.split(value)):
        if i:
            run._r.append(OxmlElement("w:noBreakHyphen"))
        if piece:
            run._r.add_t(piece)
    return run


def _add_table(document: Any, t: Table) -> None:
    from docx.shared import Pt

    if t.title:
        p = document.add_paragraph(t.title, style="Caption")
        p.paragraph_format.keep_with_next = True
    ncols = max([len(t.header)] + [len(r) for r in t.rows[:1]]) or 1
    data = [list(t.header) + [""] * (ncols - len(t.header))]
    for r in t.rows:
        data.append([cell_text(r[c]) if c < len(r) else "" for c in range(ncols)])
    table = document.add_table(rows=len(data), cols=ncols)
    table.style = "Table Grid"
    _fill_table(table, data, bold_first_row=True)
    trs = table._tbl.tr_lst
    _repeat_header(trs[0])
    for tc in trs[0].tc_lst:
        _shade(tc, HEADER_FILL)
    for i in t.highlight_rows:
        if 0 <= i < len(t.rows):
            for tc in trs[i + 1].tc_lst:
                _shade(tc, HIGHLIGHT)
    table.autofit = False
    widths = [Pt(w) for w in column_widths(t, CONTENT_WIDTH_PT, 9, 12, token_slack=1.5)]
    grid = table._tbl.tblGrid
    for gc, w in zip(grid.gridCol_lst, widths):
        gc.w = w
    for tr in trs:
        for tc, w in zip(tr.tc_lst, widths):
            tc.width = w
    table.style.font.size = Pt(9)
    document.add_paragraph()


def _add_keyvalues(document: Any, kv: KeyValues) -> None:
    if kv.title:
        p = document.add_paragraph(kv.title, style="Caption")
        p.paragraph_format.keep_with_next = True
    if not kv.items:
        return
    table = document.add_table(rows=len(kv.items), cols=2)
    table.style = "Table Grid"
    _fill_table(table, [[str(k), cell_text(v)] for k, v in kv.items], bold_first_row=False)
    for tr in table._tbl.tr_lst:
        _shade(tr.tc_lst[0], "F2F4F7")
    document.add_paragraph()


def _add_signoff(document: Any, so: SignOff, caption: bool = True) -> None:
    if caption:
        p = document.add_paragraph(_("Confirmation and signatures"), style="Heading 2")
        p.paragraph_format.keep_with_next = True
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    _fill_table(table, [
        [_("Client (seal): {name}", name=so.client), _("Provider (seal): {name}", name=so.provider)],
        [_("Signature:") + "\n\n", _("Signature:") + "\n\n"],
        [_("Date: ________"), _("Date: ________")],
    ], bold_first_row=False)
    if so.audit_line:
        document.add_paragraph(so.audit_line)


def _cover(document: Any, doc: ReportDocument) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    for _i in range(6):
        document.add_paragraph()
    p = document.add_paragraph(doc.title, style="Title")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if doc.subtitle:
        p = document.add_paragraph(doc.subtitle, style="Subtitle")
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for _i in range(4):
        document.add_paragraph()
    facts = cover_facts(doc)
    table = document.add_table(rows=len(facts), cols=2)
    _fill_table(table, [[str(k), str(v)] for k, v in facts], bold_first_row=False)
    for row in table.rows:
        for cell in row.cells:
            for para in cell.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(12)
    document.add_page_break()


def _setup(document: Any, doc: ReportDocument) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Caption"):
        _set_east_asia(document.styles[name])
    document.styles["Normal"].font.size = Pt(10.5)
    for sec in document.sections:
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.left_margin = sec.right_margin = Mm(20)
        sec.top_margin = sec.bottom_margin = Mm(20)
        sec.different_first_page_header_footer = True  # no header/footer on the cover
        header = sec.header.paragraphs[0]
        header.text = f"{doc.title}    {doc.period_label}"
        footer = sec.footer.paragraphs[0]
        footer.alignment = 1  # centre
        before, _sep, after = _("Page {page}").partition("{page}")
        footer.add_run(before)
        _field(footer, "PAGE", "1")
        footer.add_run(after)
    if doc.with_contents:
        settings = document.settings.element
        upd = OxmlElement("w:updateFields")
        upd.set(qn("w:val"), "true")
        settings.append(upd)
    props = document.core_properties
    props.title, props.author, props.subject = doc.title, doc.provider, doc.period_label
    props.keywords = doc.audit_token


def render_docx(doc: ReportDocument, out: Path, progress: Progress | None = None) -> Path:
    """Write ``doc`` as a .docx file to ``out`` (all or nothing) and return ``out``.

    ``progress(done, total)`` is called per block; if it raises (e.g. ``RenderCancelled``), the
    exception propagates and no file is left at ``out``.
    """
    from docx import Document
    from docx.shared import Cm

    out = Path(out)
    doc = clean_strings(doc)  # control characters → U+FFFD (XML/PDF cannot hold them)
    document = Document()
    _setup(document, doc)
    _cover(document, doc)
    if doc.with_contents:
        document.add_paragraph(_("Contents"), style="Title").alignment = 1
        _field(document.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u', _("(update the table of contents when the document is opened)"))
        document.add_page_break()
    total = len(doc.blocks)
    for n, block in enumerate(doc.blocks):
        if n % 5 == 0:
            report_progress(progress, n, total)
        if isinstance(block, Heading):
            document.add_heading(block.text, level=1 if block.level <= 1 else 2)
        elif isinstance(block, Paragraph):
            p = document.add_paragraph(block.text)
            if block.style == "note":
                for run in p.runs:
                    run.italic = True
            elif block.style == "body":
                p.paragraph_format.first_line_indent = Cm(0.74)
        elif isinstance(block, Table):
            _add_table(document, block)
        elif isinstance(block, Chart):
            document.add_picture(io.BytesIO(chart_png(block)), width=Cm(16))
            document.paragraphs[-1].alignment = 1
        elif isinstance(block, KeyValues):
            _add_keyvalues(document, block)
        elif isinstance(block, SignOff):
            _add_signoff(document, block,
                         caption=not (n > 0 and isinstance(doc.blocks[n - 1], Heading)))
        elif isinstance(block, PageBreak):
            document.add_page_break()
    report_progress(progress, total, total)
    with atomic_output(out) as tmp:
        document.save(str(tmp))
    return out
