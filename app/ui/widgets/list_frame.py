"""Toolbar + filter bar + (table | detail stack) splitter + "n of m shown" label."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)


class ListFrame(QWidget):
    """The list half of a record page; ``activated`` when Enter/double-click hits a row."""

    activated = Signal()

    def __init__(self, filter_bar: QWidget, buttons: Sequence[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        for b in buttons:
            bar.addWidget(b)
        bar.addStretch(1)
        self.count_label = QLabel(self)
        bar.addWidget(self.count_label)
        lay.addLayout(bar)
        lay.addWidget(filter_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = QTableView(self.splitter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda _i: self.activated.emit())
        self.detail = QStackedWidget(self.splitter)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        lay.addWidget(self.splitter, 1)

    def fit_columns(self, widths: dict[int, int]) -> None:
        """Initial column widths in pixels (the user may resize), and a table-first split."""
        for col, px in widths.items():
            self.table.setColumnWidth(col, px)
        self.splitter.setSizes([620, 480])

    def selected_id(self) -> uuid.UUID | None:
        """The id (``UserRole``) of the selected row, or ``None``."""
        sel = self.table.selectionModel()
        if sel is None:
            return None
        idx = sel.currentIndex()
        if not idx.isValid():
            rows = sel.selectedRows()
            if not rows:
                return None
            idx = rows[0]
        return self.table.model().index(idx.row(), 0).data(Qt.ItemDataRole.UserRole)

    def select_id(self, record_id: uuid.UUID) -> None:
        """Select the row of ``record_id`` if fetched."""
        model = self.table.model()
        r = model.row_of(record_id) if hasattr(model, "row_of") else -1
        if r >= 0:
            self.table.selectRow(r)
