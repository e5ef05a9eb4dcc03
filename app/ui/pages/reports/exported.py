"""The table of reports exported before: when, who, kind, period, format, SHA-256, file.

A double-click opens the file with the system's application.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from app.reports.actions import Exported


class ExportedTable(QTableWidget):
    """Read-only list of ``Exported`` rows, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self.setObjectName("exportedReports")
        self.setHorizontalHeaderLabels([
            self.tr("Exported at"), self.tr("By"), self.tr("Report"), self.tr("Period"),
            self.tr("Format"), self.tr("SHA-256"), self.tr("File")])
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)
        self.cellDoubleClicked.connect(self._open)

    def set_rows(self, rows: list[Exported], kind_labels: dict[str, str]) -> None:
        """Show ``rows``; kinds shown by ``kind_labels``."""
        self.setRowCount(len(rows))
        for r, rec in enumerate(rows):
            values = [rec.exported_at, rec.exported_by, kind_labels.get(rec.kind, rec.kind),
                      rec.period_key, rec.format.upper(), rec.sha256[:12], rec.path]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                if c == 5:
                    item.setToolTip(rec.sha256)
                self.setItem(r, c, item)
        self.resizeColumnsToContents()

    @Slot(int, int)
    def _open(self, row: int, _col: int) -> None:
        item = self.item(row, 6)
        if item is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(item.text()))
