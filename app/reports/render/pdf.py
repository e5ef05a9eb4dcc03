"""Render a ``ReportDocument`` to PDF with reportlab platypus.

Layout (A4, 20 mm margins): a cover page (title, subtitle, cover facts, parties, period,
generated date), contents page(s) when ``doc.with_contents`` (reserved, then drawn by the canvas
once the pages of the headings are known: one layout pass), then the blocks: headings (also PDF bookmarks), paragraphs, tables that split
across pages with the header row repeated and highlighted rows shaded light red, charts drawn
with ``reportlab.graphics``, and the sign-off block of both parties.  Every page after the cover
has a header (report title, period) and a footer "第 N 页 / 共 M 页".

All text is set in the embedded WenQuanYi Zen Hei (see ``fonts.register_fonts``).
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

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
from app.reports.render.charts import chart_drawing
from app.reports.render.fonts import (
    FONT_NAME,
    Progress,
    atomic_output,
    cell_text,
    cover_facts,
    font_safe,
    register_fonts,
    report_progress,
)

HIGHLIGHT = "#FDE2E2"
#: Longest cell text set in a PDF table; longer text is cut with a visible note.
PDF_CELL_MAX_CHARS = 800
HEADER_FILL = "#DDEBF7"
GRID = "#9AA5B1"


def _esc(text: str) -> str:
    return escape(font_safe(text)).replace("\n", "<br/>")


def _styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    base = dict(fontName=FONT_NAME, wordWrap="CJK")
    return {
        "title": ParagraphStyle("rTitle", fontSize=26, leading=36, alignment=TA_CENTER, **base),
        "subtitle": ParagraphStyle("rSub", fontSize=16, leading=24, alignment=TA_CENTER,
                                   textColor=colors.HexColor("#444444"), **base),
        "h1": ParagraphStyle("rH1", fontSize=16, leading=22, spaceBefore=10, spaceAfter=8,
                             textColor=colors.HexColor("#1F3F6B"), **base),
        "h2": ParagraphStyle("rH2", fontSize=13, leading=18, spaceBefore=8, spaceAfter=6, **base),
        "body": ParagraphStyle("rBody", fontSize=10.5, leading=16, spaceAfter=6,
                               firstLineIndent=21, **base),
        "narrative": ParagraphStyle("rNarr", fontSize=10.5, leading=16, spaceAfter=6, **base),
        "note": ParagraphStyle("rNote", fontSize=9, leading=13, spaceAfter=6,
                               textColor=colors.HexColor("#555555"), **base),
        "caption": ParagraphStyle("rCap", fontSize=10.5, leading=14, spaceBefore=4, spaceAfter=4,
                                  textColor=colors.HexColor("#1F3F6B"), **base),
        "cell": ParagraphStyle("rCell", fontSize=9, leading=12, **base),
        "head": ParagraphStyle("rHead", fontSize=9, leading=12, **base),
        "kv": ParagraphStyle("rKv", fontSize=11, leading=16, **base),
    }


def _make_doc_template(path: Path, doc: ReportDocument, progress: Progress | None, total: int):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    page_w, page_h = A4
    margin = 20 * mm
    header_text = f"{doc.title}    {doc.period_label}"

    def on_page(canvas: Any, _tpl: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT_NAME, 8.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(margin, page_h - 13 * mm, font_safe(header_text)[:90])
        canvas.setStrokeColor(colors.HexColor("#BBBBBB"))
        canvas.line(margin, page_h - 15 * mm, page_w - margin, page_h - 15 * mm)
        canvas.line(margin, 15 * mm, page_w - margin, 15 * mm)
        canvas.drawString(margin, 10 * mm, f"{doc.provider}")
        canvas.restoreState()

    class _Doc(BaseDocTemplate):
        def __init__(self, filename: str) -> None:
            super().__init__(filename, pagesize=A4, leftMargin=margin, rightMargin=margin,
                             topMargin=margin, bottomMargin=margin, title=doc.title,
                             author=doc.provider, subject=doc.period_label, creator="OpsLedger",
                             keywords=doc.audit_token,
                             initialFontName=FONT_NAME, initialFontSize=10)
            frame = Frame(margin, margin, page_w - 2 * margin, page_h - 2 * margin, id="body")
            self.addPageTemplates([
                PageTemplate(id="cover", frames=[frame]),
                PageTemplate(id="normal", frames=[frame], onPage=on_page),
            ])
            self._flow_count = 0

        def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - reportlab hook name
            self._flow_count += 1
            if self._flow_count % 20 == 0 and progress is not None:
                # Layout is steps 100..1000 of 1000 (composing the story was 0..100).
                progress(100 + 900 * min(self._flow_count, total) // max(1, total), 1000)
            level = getattr(flowable, "_toc_level", None)
            if level is not None:
                text = flowable.getPlainText()
                key = f"h{self.seq.nextf('heading')}"
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
                self.canv.toc_entries.append((level, text, self.page, key))

    return _Doc(str(path)), page_w - 2 * margin


#: Contents entries per reserved contents page (title on the first, 20 pt leading).
TOC_PER_PAGE = 32


def toc_pages(doc: ReportDocument) -> int:
    """Pages reserved for the contents: one per ``TOC_PER_PAGE`` headings (0 without contents)."""
    if not doc.with_contents:
        return 0
    n = sum(1 for b in doc.blocks if isinstance(b, Heading))
    return max(1, -(-n // TOC_PER_PAGE))


def _numbered_canvas(toc_first_page: int, toc_page_count: int):
    """A canvas class that keeps every page until ``save`` and then draws on each page but the
    cover "第 N 页 / 共 M 页", and on the reserved contents pages the contents (headings with
    dot leaders, page numbers and links) — one layout pass instead of ``multiBuild``'s two."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("initialFontName", FONT_NAME)
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []
            self.toc_entries: list[tuple[int, str, int, str]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def _draw_contents(self, index: int) -> None:
            w, h = self._pagesize
            left, right = 20 * mm, w - 20 * mm
            y = h - 20 * mm - 10
            if index == 0:
                self.setFont(FONT_NAME, 18)
                self.drawCentredString(w / 2, y - 18, _("Contents"))
                y -= 56
            chunk = self.toc_entries[index * TOC_PER_PAGE:(index + 1) * TOC_PER_PAGE]
            for level, text, page, key in chunk:
                size = 11.5 if level == 0 else 10
                x = left + (10 if level == 0 else 30)
                self.setFont(FONT_NAME, size)
                self.drawString(x, y, text)
                num = str(page)
                self.drawRightString(right, y, num)
                start = x + stringWidth(text, FONT_NAME, size) + 6
                end = right - stringWidth(num, FONT_NAME, size) - 6
                dot = stringWidth(". ", FONT_NAME, size)
                if end > start:
                    self.drawRightString(end, y, ". " * int((end - start) / dot))
                self.linkRect("", key, (x, y - 3, right, y + size), relative=0)
                y -= 20 if level == 0 else 18

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                n = self._pageNumber
                if toc_page_count and toc_first_page <= n < toc_first_page + toc_page_count:
                    self._draw_contents(n - toc_first_page)
                if n > 1:
                    self.setFont(FONT_NAME, 9)
                    w = self._pagesize[0]
                    self.drawCentredString(w / 2, 28, _("Page {n} of {total}", n=n, total=total))
                super().showPage()
            super().save()

    return NumberedCanvas


def _fit_widths(natural: list[float], width: float, short: float = 100.0) -> list[float]:
    """Column widths (points) summing to ``width`` from natural content widths: if all fit,
    share the spare room in proportion; otherwise short columns (≤ ``short`` pt: numbers, dates,
    codes) keep their width and the long text columns share what is left (they wrap)."""
    total = sum(natural) or 1.0
    if total <= width:
        return [width * w / total for w in natural]
    fixed = [w for w in natural if w <= short]
    rest = width - sum(fixed)
    long_total = sum(w for w in natural if w > short)
    if long_total and rest >= 60 * sum(1 for w in natural if w > short):
        return [w if w <= short else rest * w / long_total for w in natural]
    return [width * w / total for w in natural]


_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-.:/%]*")


def _with_minimums(widths: list[float], mins: list[float], width: float) -> list[float]:
    """``widths`` raised to ``mins`` (each column's longest unbreakable token: record numbers,
    dates, times), the room taken from columns with slack in proportion; when the minimums alone
    exceed ``width`` they are scaled to fit."""
    if sum(mins) >= width:
        total = sum(mins) or 1.0
        return [width * m / total for m in mins]
    out = list(widths)
    for _round in range(len(out)):
        deficit = sum(max(0.0, m - w) for w, m in zip(out, mins, strict=True))
        if deficit <= 0.01:
            break
        out = [max(w, m) for w, m in zip(out, mins, strict=True)]
        slack = [w - m for w, m in zip(out, mins, strict=True)]
        total_slack = sum(slack) or 1.0
        out = [w - deficit * sl / total_slack for w, sl in zip(out, slack, strict=True)]
    return out


def column_widths(t: Table, width: float, font_size: float = 9, pad: float = 8,
                  token_slack: float = 1.0) -> list[float]:
    """Column widths in points (summing to ``width``) for table ``t`` set in ``font_size``:
    ``t.col_widths`` weights if given, else from measured content (first 100 rows; a header may
    wrap, so it counts at 60 %) fitted with ``_fit_widths``; no column is narrower than its longest
    unbreakable token × ``token_slack`` (the DOCX passes more: Word's font may be wider).  Shared
    by the PDF and DOCX."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    ncols = max([len(t.header)] + [len(r) for r in t.rows[:1]]) or 1

    def text_w(text: str) -> float:
        return max((stringWidth(line, FONT_NAME, font_size) for line in text.split("\n")),
                   default=0.0)

    mins = []
    for c in range(ncols):
        tokens = [tok for r in t.rows[:100] if c < len(r) for tok in _TOKEN.findall(cell_text(r[c]))]
        mins.append(max((text_w(tok) for tok in tokens), default=0.0) * token_slack + pad + 2)
    weights = list(t.col_widths or [])
    if len(weights) == ncols:
        total_w = sum(weights) or 1
        return _with_minimums([width * w / total_w for w in weights], mins, width)
    natural = []
    for c in range(ncols):
        head = text_w(t.header[c]) * 0.6 if c < len(t.header) else 0.0
        body = [text_w(cell_text(r[c])) for r in t.rows[:100] if c < len(r)]
        natural.append(min(200.0, max(30.0, head, *body) + pad + 2))
    return _with_minimums(_fit_widths(natural, width), mins, width)


def balanced(text: str, font_size: float, width: float) -> str:
    """``text`` (already escaped, no markup) with ``<br/>`` breaks so that its lines are of
    about equal width — a wrapped title never leaves one character alone on its last line."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    total = stringWidth(text, FONT_NAME, font_size)
    if total <= width or "&" in text:
        return text
    n = math.ceil(total / width)
    target = total / n
    lines, cur = [], ""
    for ch in text:
        if cur and stringWidth(cur + ch, FONT_NAME, font_size) > target * 1.02 and len(lines) < n - 1:
            lines.append(cur)
            cur = ""
        cur += ch
    lines.append(cur)
    return "<br/>".join(lines)


def _table_flowables(t: Table, width: float, st: dict[str, Any]) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import TableStyle

    from app.reports.render.flowables import LongSplitTable, SplitTable
    from app.reports.render.flowables import Para as RLParagraph

    ncols = max([len(t.header)] + [len(r) for r in t.rows[:1]]) or 1
    fs = st["cell"].fontSize
    pad = 8
    widths = column_widths(t, width, fs, pad)

    def text_w(text: str) -> float:
        return max((stringWidth(line, FONT_NAME, fs) for line in text.split("\n")), default=0.0)

    def cell(value: Any, c: int) -> Any:
        text = cell_text(value)
        if len(text) > PDF_CELL_MAX_CHARS:
            # A cell taller than a page cannot be laid out well; the xlsx keeps the full text.
            text = text[:PDF_CELL_MAX_CHARS] + _("… ({n} characters in all; the full text is in the Excel export)", n=len(text))
        # Plain strings are far faster than Paragraphs; wrap only what would not fit.
        if "\n" in text or text_w(text) > widths[c] - pad:
            return RLParagraph(_esc(text), st["cell"])
        return text

    if not t.header and not t.rows:
        return []
    header = list(t.header) + [""] * (ncols - len(t.header))
    data = [[RLParagraph(_esc(h), st["head"]) for h in header[:ncols]]]
    for r in t.rows:
        data.append([cell(r[c] if c < len(r) else None, c) for c in range(ncols)])
    # LongTable splits long tables page by page without re-measuring the rest each time.
    cls = LongSplitTable if len(data) > 60 else SplitTable
    table = cls(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    style = [
        ("FONT", (0, 0), (-1, -1), FONT_NAME, fs),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor(GRID)),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEADER_FILL)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for i in t.highlight_rows:
        if 0 <= i < len(t.rows):
            style.append(("BACKGROUND", (0, i + 1), (-1, i + 1), colors.HexColor(HIGHLIGHT)))
    table.setStyle(TableStyle(style))
    out: list[Any] = []
    if t.title:
        # Not keepWithNext: that would push a long table whole onto the next page.
        from reportlab.platypus import CondPageBreak

        out += [CondPageBreak(110), RLParagraph(balanced(_esc(t.title), st["caption"].fontSize, width),
                                                st["caption"])]
    out.append(table)
    return out


def _keyvalues_flowables(kv: KeyValues, width: float, st: dict[str, Any]) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    from app.reports.render.flowables import Para as RLParagraph

    rows = [[RLParagraph(_esc(str(k)), st["cell"]), RLParagraph(_esc(cell_text(v)), st["cell"])]
            for k, v in kv.items]
    out: list[Any] = []
    if kv.title:
        cap = RLParagraph(_esc(kv.title), st["caption"])
        cap.keepWithNext = True
        out.append(cap)
    if rows:
        table = RLTable(rows, colWidths=[width * 0.35, width * 0.65], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), FONT_NAME, 10),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor(GRID)),
            ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F4F7")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]))
        out.append(table)
    return out


def _signoff_flowables(so: SignOff, width: float, st: dict[str, Any],
                       caption: bool = True) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, Spacer, TableStyle
    from reportlab.platypus import Table as RLTable

    from app.reports.render.flowables import Para as RLParagraph

    def p(text: str) -> Any:
        return RLParagraph(_esc(text), st["kv"])

    rows = [
        [p(_("Client (seal): {name}", name=so.client)), p(_("Provider (seal): {name}", name=so.provider))],
        [p(_("Signature:")), p(_("Signature:"))],
        [p(_("Date: ________")), p(_("Date: ________"))],
    ]
    table = RLTable(rows, colWidths=[width / 2, width / 2], rowHeights=[None, 48, 36])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT_NAME, 10),
        ("BOX", (0, 0), (0, -1), 0.5, colors.HexColor(GRID)),
        ("BOX", (1, 0), (1, -1), 0.5, colors.HexColor(GRID)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
    ]))
    head = [Spacer(1, 18), RLParagraph(_("Confirmation and signatures"), st["h2"])] if caption else [Spacer(1, 6)]
    tail = [Spacer(1, 6), RLParagraph(_esc(so.audit_line), st["kv"])] if so.audit_line else []
    return [KeepTogether(head + [table] + tail)]


def _cover(doc: ReportDocument, width: float, st: dict[str, Any]) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import NextPageTemplate, Spacer, TableStyle
    from reportlab.platypus import PageBreak as RLPageBreak
    from reportlab.platypus import Table as RLTable

    from app.reports.render.flowables import Para as RLParagraph

    facts = cover_facts(doc)
    rows = [[RLParagraph(_esc(k), st["kv"]), RLParagraph(_esc(str(v)), st["kv"])] for k, v in facts]
    table = RLTable(rows, colWidths=[width * 0.3, width * 0.6], hAlign="CENTER")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT_NAME, 10),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.HexColor("#CCCCCC")),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    out = [Spacer(1, 150), RLParagraph(balanced(_esc(doc.title), st["title"].fontSize, width), st["title"]),
           Spacer(1, 12)]
    if doc.subtitle:
        out.append(RLParagraph(balanced(_esc(doc.subtitle), st["subtitle"].fontSize, width), st["subtitle"]))
    out += [Spacer(1, 100), table, NextPageTemplate("normal"), RLPageBreak()]
    return out


def build_story(doc: ReportDocument, width: float, progress: Progress | None = None) -> list[Any]:
    """The platypus flowables of ``doc`` for a frame ``width`` points wide (cover, contents,
    blocks).  ``progress(done, total)`` is called per block and may raise to cancel."""
    from reportlab.platypus import CondPageBreak, Spacer
    from reportlab.platypus import PageBreak as RLPageBreak

    from app.reports.render.flowables import Para as RLParagraph

    register_fonts()
    st = _styles()
    story = _cover(doc, width, st)
    for _i in range(toc_pages(doc)):
        # Reserved; the canvas draws the contents here once the heading pages are known.
        story += [Spacer(1, 1), RLPageBreak()]
    total = len(doc.blocks)
    for n, block in enumerate(doc.blocks):
        if n % 10 == 0:
            report_progress(progress, n, total)
        if isinstance(block, Heading):
            story.append(CondPageBreak(140 if block.level <= 1 else 100))
            style = st["h1" if block.level <= 1 else "h2"]
            para = RLParagraph(balanced(_esc(block.text), style.fontSize, width), style)
            para._toc_level = 0 if block.level <= 1 else 1
            story.append(para)
        elif isinstance(block, Paragraph):
            style = st.get(block.style, st["body"])
            story.append(RLParagraph(_esc(block.text), style))
        elif isinstance(block, Table):
            story += _table_flowables(block, width, st)
            story.append(Spacer(1, 8))
        elif isinstance(block, Chart):
            from reportlab.platypus import KeepTogether

            story.append(KeepTogether([Spacer(1, 6), chart_drawing(block, width, 230)]))
            story.append(Spacer(1, 8))
        elif isinstance(block, KeyValues):
            story += _keyvalues_flowables(block, width, st)
            story.append(Spacer(1, 8))
        elif isinstance(block, SignOff):
            after_heading = n > 0 and isinstance(doc.blocks[n - 1], Heading)
            story += _signoff_flowables(block, width, st, caption=not after_heading)
        elif isinstance(block, PageBreak):
            story.append(RLPageBreak())
    report_progress(progress, total, total)
    return story


def render_pdf(doc: ReportDocument, out: Path, progress: Progress | None = None) -> Path:
    """Write ``doc`` as an A4 PDF to ``out`` (all or nothing) and return ``out``.

    ``progress(done, total)`` is called while composing and laying out pages; if it raises (e.g.
    ``RenderCancelled``) the exception propagates and no file is left at ``out``.
    Raises ``FileNotFoundError`` if the bundled font is missing.
    """
    out = Path(out)
    doc = clean_strings(doc)  # control characters → U+FFFD (XML/PDF cannot hold them)
    register_fonts()
    with atomic_output(out) as tmp:
        template, width = _make_doc_template(tmp, doc, None, 0)
        compose_progress = None
        if progress is not None:
            def compose_progress(done: int, total: int) -> None:
                progress(100 * done // max(1, total), 1000)
        story = build_story(doc, width, compose_progress)
        template, width = _make_doc_template(tmp, doc, progress, len(story))
        # The cover is page 1, the contents pages follow it.
        template.build(story, canvasmaker=_numbered_canvas(2, toc_pages(doc)))
        report_progress(progress, 1000, 1000)
    return out
