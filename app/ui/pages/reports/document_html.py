"""The preview's rich-text rendering of a composed ``ReportDocument`` (used when QtPdf is absent).

``document_html(doc, chart_url)`` returns Qt's HTML subset: title, cover, headings, paragraphs,
tables (first 500 rows, highlighted rows tinted), charts as pictures or their data, the sign-off.
"""

from __future__ import annotations

import html
from typing import Any

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
from app.reports.render.fonts import cell_text


def document_html(doc: ReportDocument, chart_url: Any = None) -> str:
    """Rich-text (Qt HTML subset) view of ``doc`` for the preview; ``chart_url(i, chart)``
    returns the image URL of chart ``i`` (``None``: charts shown as their data tables).

    Long because it is one ``if`` branch per block type of ``document.py``, kept together so that
    a new block type is added in one place."""
    out = [f"<h1 align='center'>{html.escape(doc.title)}</h1>"]
    if doc.subtitle:
        out.append(f"<p align='center'>{html.escape(doc.subtitle)}</p>")
    out.append(f"<p align='center'>{html.escape(doc.period_label)}</p>")
    out.append("<table border='0' cellpadding='3' align='center'>")
    for k, v in doc.cover:
        out.append(f"<tr><td><b>{html.escape(str(k))}</b></td><td>{html.escape(str(v))}</td></tr>")
    out.append("</table><hr/>")
    n_chart = 0

    def table(header: list[str] | None, rows: list[list[Any]], highlight: set[int]) -> str:
        parts = ["<table border='1' cellspacing='0' cellpadding='3' width='100%'>"]
        if header:
            parts.append("<tr>" + "".join(f"<th bgcolor='#DDEBF7'>{html.escape(h)}</th>"
                                          for h in header) + "</tr>")
        for i, r in enumerate(rows[:500]):
            bg = " bgcolor='#FDE2E2'" if i in highlight else ""
            parts.append(f"<tr{bg}>" + "".join(f"<td>{html.escape(cell_text(v))}</td>" for v in r)
                         + "</tr>")
        if len(rows) > 500:
            parts.append(f"<tr><td colspan='{len(rows[0])}'>… {len(rows) - 500} …</td></tr>")
        parts.append("</table>")
        return "".join(parts)

    for b in doc.blocks:
        if isinstance(b, Heading):
            tag = "h2" if b.level <= 1 else "h3"
            out.append(f"<{tag}>{html.escape(b.text)}</{tag}>")
        elif isinstance(b, Paragraph):
            color = " style='color:#555'" if b.style == "note" else ""
            out.append(f"<p{color}>{html.escape(b.text).replace(chr(10), '<br/>')}</p>")
        elif isinstance(b, Table):
            if b.title:
                out.append(f"<p><b>{html.escape(b.title)}</b></p>")
            out.append(table(b.header, b.rows, set(b.highlight_rows)))
        elif isinstance(b, KeyValues):
            if b.title:
                out.append(f"<p><b>{html.escape(b.title)}</b></p>")
            out.append(table(None, [[k, v] for k, v in b.items], set()))
        elif isinstance(b, Chart):
            out.append(f"<p><b>{html.escape(b.title)}</b></p>")
            url = chart_url(n_chart, b) if chart_url else None
            n_chart += 1
            if url:
                out.append(f"<p align='center'><img src='{url}' width='560'/></p>")
            else:
                names = list(b.series)
                rows = [[c] + [b.series[n][i] if i < len(b.series[n]) else None for n in names]
                        for i, c in enumerate(b.categories)]
                out.append(table([""] + names, rows, set()))
        elif isinstance(b, SignOff):
            out.append("<br/><table border='1' cellspacing='0' cellpadding='8' width='100%'><tr>"
                       f"<td>甲方（盖章）：{html.escape(b.client)}<br/><br/>签字：<br/><br/>日期：</td>"
                       f"<td>乙方（盖章）：{html.escape(b.provider)}<br/><br/>签字：<br/><br/>日期：</td>"
                       "</tr></table>")
        elif isinstance(b, PageBreak):
            out.append("<hr/>")
    return "".join(out)
