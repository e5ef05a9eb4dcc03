"""The overview's trend chart: incidents per month (bars) and availability % (line), 12 months.

Until the figures arrive (they are computed off the GUI thread) a placeholder line shows.
``PySide6.QtCharts`` is imported only when the first figures are drawn, so that painting the
window at start-up does not pay for it.  The months and values are also kept as plain text
(``summary()``), which is the chart's accessible description.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from app.ui.look import text_look
from app.ui.qt_ints import ALIGN_CENTER

if TYPE_CHECKING:
    from app.services.queries.overview import TrendPoint


class TrendView(QWidget):
    """Placeholder first, then the chart (see module doc)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(260)
        self.placeholder = QLabel(self.tr("Computing the 12-month trend…"), self)
        self.placeholder.setProperty("alignment", ALIGN_CENTER)  # painted at start: app.ui.qt_ints
        text_look(self.placeholder, colour="#777777")
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.placeholder)
        self.chart_view: Any = None
        self.points: tuple[TrendPoint, ...] = ()

    def show_pending(self, text: str = "") -> None:
        """Show the placeholder (optionally another text, e.g. an error)."""
        self.placeholder.setText(text or self.tr("Computing the 12-month trend…"))
        self._stack.setCurrentWidget(self.placeholder)

    def set_points(self, points: Sequence[TrendPoint]) -> None:
        """Draw ``points`` (oldest first); no months → the placeholder says so."""
        self.points = tuple(points)
        if not self.points:
            self.show_pending(self.tr("No month to show yet (the ledger starts this month)."))
            return
        from PySide6.QtCharts import (  # noqa: PLC0415 - lazily: start-up does not need QtCharts
            QBarSeries,
            QBarSet,
            QChart,
            QChartView,
            QLineSeries,
        )
        from PySide6.QtCore import Qt  # noqa: PLC0415 - see app.ui.qt_ints
        from PySide6.QtGui import QColor, QPainter  # noqa: PLC0415

        chart = QChart()
        chart.setTitle(self.tr("Incidents and availability by month, %1 – %2")
                       .replace("%1", self.points[0].key).replace("%2", self.points[-1].key))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        bars = QBarSet(self.tr("Incidents"))
        bars.setColor(QColor("#6f9bd1"))
        bars.append([float(p.incidents) for p in self.points])
        bar_series = QBarSeries()
        bar_series.append(bars)
        line = QLineSeries()
        line.setName(self.tr("Availability %"))
        line.setColor(QColor("#1b6e32"))
        for n, p in enumerate(self.points):
            if p.availability_pct is not None:
                line.append(n, p.availability_pct)
        chart.addSeries(bar_series)
        chart.addSeries(line)
        self._axes(chart, bar_series, line)
        if self.chart_view is None:
            self.chart_view = QChartView(self)
            self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._stack.addWidget(self.chart_view)
        old = self.chart_view.chart()
        self.chart_view.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.chart_view.setAccessibleDescription(self.summary())
        self._stack.setCurrentWidget(self.chart_view)

    def _axes(self, chart: Any, bars: Any, line: Any) -> None:
        """Months below, incident counts left, availability % right (line points at bar centres)."""
        from PySide6.QtCharts import QBarCategoryAxis, QValueAxis  # noqa: PLC0415 - see set_points
        from PySide6.QtCore import Qt  # noqa: PLC0415

        months = QBarCategoryAxis()
        months.append([p.key[5:] for p in self.points])  # "MM": the title names the years
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(months)
        count_axis = QValueAxis()
        count_axis.setLabelFormat("%d")
        top = max(p.incidents for p in self.points) + 1
        count_axis.setRange(0, max(4, -(-top // 4) * 4))  # a multiple of 4: whole-number ticks
        count_axis.setTickCount(5)
        count_axis.setTitleText(self.tr("Incidents"))
        chart.addAxis(count_axis, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(count_axis)
        pct_axis = QValueAxis()
        known = [p.availability_pct for p in self.points if p.availability_pct is not None]
        low = min(known) if known else 90.0
        pct_axis.setRange(max(0.0, min(95.0, low) - 1.0), 100.0)
        pct_axis.setLabelFormat("%.1f")
        pct_axis.setTitleText(self.tr("Availability %"))
        chart.addAxis(pct_axis, Qt.AlignmentFlag.AlignRight)
        line.attachAxis(pct_axis)
        pos_axis = QValueAxis()  # places line points at the bar centres, hidden
        pos_axis.setRange(-0.5, len(self.points) - 0.5)
        pos_axis.setVisible(False)
        chart.addAxis(pos_axis, Qt.AlignmentFlag.AlignBottom)
        line.attachAxis(pos_axis)

    def summary(self) -> str:
        """The drawn months as text: ``2026-01: 6, 97.6 %; …``."""
        parts = []
        for p in self.points:
            pct = "—" if p.availability_pct is None else f"{p.availability_pct:.1f} %"
            parts.append(f"{p.key}: {p.incidents}, {pct}")
        return "; ".join(parts)
