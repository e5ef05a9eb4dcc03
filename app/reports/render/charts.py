"""Charts of a report: vector drawings for the PDF and PNG images for the DOCX.

``chart_drawing(chart, width_pt)`` builds a ``reportlab.graphics`` ``Drawing`` (VerticalBarChart,
HorizontalLineChart or Pie) with Chinese labels in the embedded font.  ``chart_png(chart)`` draws
the same chart with Pillow (reportlab's own bitmap renderer ``renderPM`` needs ``rlPyCairo``,
which is not a dependency), so Word gets a picture.  Both accept ``Chart.kind`` ``bar``, ``line``
or ``pie``; any other kind is drawn as bars.
"""

from __future__ import annotations

import dataclasses
import io
import math
from typing import Any

from app.reports.compose.document import Chart
from app.reports.render.fonts import FONT_NAME, font_path, font_safe, register_fonts

#: Series colours (RGB hex), shared by PDF and PNG so both formats look alike.
PALETTE = ["#2F6DB5", "#E07B39", "#4E9A54", "#C0392B", "#8E6BB8", "#7F8C8D"]


def _nice_max(value: float) -> float:
    """A round axis maximum ≥ ``value`` (1, 2, 2.5, 5 × 10^n)."""
    if value <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(value))
    for m in (1, 2, 2.5, 5, 10):
        if m * exp >= value:
            return m * exp
    return 10 * exp


def _value_range(chart: Chart) -> tuple[float, float]:
    """The value axis ``(low, high)``.  A percentage axis never passes 100 % (nor goes below 0);
    near 100 % it starts below the lowest value so differences show."""
    values = [v for vs in chart.series.values() for v in vs if v is not None]
    if chart.unit == "%":
        if not values:
            return 0.0, 100.0
        lo = min(values)
        return (max(0.0, math.floor((lo - 1) / 5) * 5) if lo > 50 else 0.0), 100.0
    if not values:
        return 0.0, 1.0
    hi, lo = max(values), min(values)
    return min(0.0, lo), _nice_max(hi * 1.1)


def chart_drawing(chart: Chart, width_pt: float = 440, height_pt: float = 220) -> Any:
    """A reportlab ``Drawing`` of ``chart`` (``width_pt`` × ``height_pt`` points) with a title
    and a legend, all text in the embedded Chinese font."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.charts.piecharts import Pie
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    chart = dataclasses.replace(
        chart,
        title=font_safe(chart.title),
        unit=font_safe(chart.unit),
        categories=[font_safe(c) for c in chart.categories],
        series={font_safe(k): v for k, v in chart.series.items()},
    )

    register_fonts()
    d = Drawing(width_pt, height_pt, initialFontName=FONT_NAME)
    d.add(String(width_pt / 2, height_pt - 14, chart.title, fontName=FONT_NAME, fontSize=11,
                 textAnchor="middle"))
    names = list(chart.series)
    cols = [colors.HexColor(PALETTE[i % len(PALETTE)]) for i in range(max(1, len(names)))]
    plot_h = height_pt - 60
    if chart.kind == "pie":
        values = list(chart.series[names[0]]) if names else []
        pie = Pie()
        size = min(plot_h + 20, width_pt / 2)
        pie.x, pie.y, pie.width, pie.height = 30, 20, size, size
        pie.data = [v or 0 for v in values] or [1]
        pie.labels = [f"{c} {v:g}" for c, v in zip(chart.categories, values)]
        pie.slices.fontName = FONT_NAME
        pie.slices.fontSize = 8
        pie.slices.strokeColor = colors.white
        for i in range(len(pie.data)):
            pie.slices[i].fillColor = colors.HexColor(PALETTE[i % len(PALETTE)])
        d.add(pie)
        legend_pairs = [(colors.HexColor(PALETTE[i % len(PALETTE)]), f"{c}: {v:g}")
                        for i, (c, v) in enumerate(zip(chart.categories, values))]
        legend_x = 30 + size + 60
    else:
        lo, hi = _value_range(chart)
        if chart.kind == "line":
            plot = HorizontalLineChart()
            for i in range(len(names)):
                plot.lines[i].strokeColor = cols[i]
                plot.lines[i].strokeWidth = 1.5
            plot.joinedLines = 1
        else:
            plot = VerticalBarChart()
            for i in range(len(names)):
                plot.bars[i].fillColor = cols[i]
                plot.bars[i].strokeColor = None
            plot.barSpacing = 1
            plot.groupSpacing = 8
        plot.x, plot.y = 45, 35
        plot.width, plot.height = width_pt - 45 - 110, plot_h - 10
        plot.data = [tuple(v if v is not None else 0 for v in chart.series[n]) for n in names] or [(0,)]
        plot.categoryAxis.categoryNames = list(chart.categories)
        plot.categoryAxis.labels.fontName = FONT_NAME
        plot.categoryAxis.labels.fontSize = 8
        if len(chart.categories) > 8:
            # Rotated labels hang below the axis: raise the plot so they stay inside the drawing
            # (they ran into the paragraph below it).
            from reportlab.pdfbase.pdfmetrics import stringWidth

            plot.categoryAxis.labels.angle = 45
            plot.categoryAxis.labels.boxAnchor = "ne"
            longest = max((stringWidth(c, FONT_NAME, 8) for c in chart.categories), default=0.0)
            drop = min(height_pt * 0.45, longest * 0.71 + 8)
            if drop > plot.y:
                plot.height -= drop - plot.y
                plot.y = drop
        plot.valueAxis.valueMin, plot.valueAxis.valueMax = lo, hi
        plot.valueAxis.valueStep = (hi - lo) / 5 or 1
        plot.valueAxis.labels.fontName = FONT_NAME
        plot.valueAxis.labels.fontSize = 8
        plot.valueAxis.labelTextFormat = "%g%%" if chart.unit == "%" else "%g"
        d.add(plot)
        if chart.unit and chart.unit != "%":
            d.add(String(8, plot.y + plot.height + 6, chart.unit, fontName=FONT_NAME, fontSize=8))
        legend_pairs = list(zip(cols, names))
        legend_x = width_pt - 100
    legend = Legend()
    legend.x, legend.y = legend_x, height_pt - 40
    legend.fontName, legend.fontSize = FONT_NAME, 8
    legend.alignment = "right"
    legend.columnMaximum = 8
    legend.colorNamePairs = legend_pairs
    d.add(legend)
    return d


def chart_png(chart: Chart, width_px: int = 1200, height_px: int = 600) -> bytes:
    """PNG bytes of ``chart`` drawn with Pillow (same colours, Chinese labels)."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (width_px, height_px), "white")
    draw = ImageDraw.Draw(img)
    fpath = str(font_path())
    title_font = ImageFont.truetype(fpath, 30, index=0)
    font = ImageFont.truetype(fpath, 20, index=0)
    draw.text((width_px / 2, 12), chart.title, fill="black", font=title_font, anchor="mt")
    names = list(chart.series)
    left, top, right, bottom = 90, 70, width_px - 220, height_px - 70

    def legend(entries: list[tuple[str, str]]) -> None:
        y = top
        for colour, label in entries:
            draw.rectangle([right + 30, y + 4, right + 46, y + 20], fill=colour)
            draw.text((right + 54, y), label, fill="black", font=font)
            y += 30

    if chart.kind == "pie":
        values = [v or 0 for v in (chart.series[names[0]] if names else [])]
        total = sum(values) or 1
        size = min(bottom - top, right - left)
        box = [left, top, left + size, top + size]
        start = -90.0
        for i, v in enumerate(values):
            sweep = 360.0 * v / total
            draw.pieslice(box, start, start + sweep, fill=PALETTE[i % len(PALETTE)], outline="white")
            start += sweep
        legend([(PALETTE[i % len(PALETTE)], f"{c}: {v:g}")
                for i, (c, v) in enumerate(zip(chart.categories, values))])
    else:
        lo, hi = _value_range(chart)
        span = (hi - lo) or 1

        def y_of(v: float) -> float:
            return bottom - (max(lo, min(hi, v)) - lo) / span * (bottom - top)

        for k in range(6):
            v = lo + span * k / 5
            y = y_of(v)
            draw.line([left, y, right, y], fill="#DDDDDD")
            label = f"{v:g}" + ("%" if chart.unit == "%" else "")
            draw.text((left - 8, y), label, fill="black", font=font, anchor="rm")
        draw.line([left, top, left, bottom], fill="black")
        draw.line([left, bottom, right, bottom], fill="black")
        n = max(1, len(chart.categories))
        slot = (right - left) / n
        small = ImageFont.truetype(fpath, 16 if n > 6 else 20, index=0)
        for i, cat in enumerate(chart.categories):
            label = str(cat)
            # Shorten a label wider than its slot so neighbours do not overprint each other.
            if small.getlength(label) > slot - 6:
                while len(label) > 1 and small.getlength(label + "…") > slot - 6:
                    label = label[:-1]
                label += "…"
            draw.text((left + slot * (i + 0.5), bottom + 8), label, fill="black", font=small,
                      anchor="mt")
        if chart.kind == "line":
            for s, name in enumerate(names):
                pts = [(left + slot * (i + 0.5), y_of(v or 0))
                       for i, v in enumerate(chart.series[name])]
                colour = PALETTE[s % len(PALETTE)]
                if len(pts) > 1:
                    draw.line(pts, fill=colour, width=4)
                for x, y in pts:
                    draw.ellipse([x - 5, y - 5, x + 5, y + 5], fill=colour)
        else:
            group = slot * 0.8
            bar_w = group / max(1, len(names))
            for s, name in enumerate(names):
                for i, v in enumerate(chart.series[name]):
                    x0 = left + slot * i + slot * 0.1 + bar_w * s
                    draw.rectangle([x0, y_of(v or 0), x0 + bar_w - 2, bottom],
                                   fill=PALETTE[s % len(PALETTE)])
        if chart.unit and chart.unit != "%":
            draw.text((left, top - 30), chart.unit, fill="black", font=font)
        legend([(PALETTE[s % len(PALETTE)], name) for s, name in enumerate(names)])
    buf = io.BytesIO()
    img.save(buf, "PNG")  # optimize=True costs ~0.1 s per chart for a few KB
    return buf.getvalue()
