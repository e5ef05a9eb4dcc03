"""The 帮助 menu's dialogs: the keyboard shortcuts list and About (version, database path).

Both are plain ``QDialog``\\ s built from the texts they show (``text()`` returns them, for tests).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import __version__


class ShortcutsDialog(QDialog):
    """A two-column table: key, what it does (``rows`` as given by the main window)."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setMinimumSize(560, 460)
        self.rows = rows
        table = QTableWidget(len(rows), 2)
        table.setObjectName("shortcuts")
        table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Action")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (key, what) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(key))
            table.setItem(r, 1, QTableWidgetItem(what))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(table)
        lay.addWidget(buttons)

    def text(self) -> str:
        """Every row as ``key<TAB>action`` lines."""
        return "\n".join(f"{k}\t{v}" for k, v in self.rows)


class AboutDialog(QDialog):
    """运维台账 OpsLedger, its version and the database file in use."""

    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About OpsLedger"))
        self.label = QLabel(
            "<h3>运维台账 OpsLedger</h3>"
            + "<p>" + self.tr("Version %1").replace("%1", __version__) + "</p>"
            + "<p>" + self.tr("Database: %1").replace("%1", database) + "</p>"
            + "<p>" + self.tr("A ledger for resident O&amp;M engineers: inspections, incidents, service desk "
                              "and the reports owed to the client.") + "</p>")
        self.label.setObjectName("about")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.label)
        lay.addWidget(buttons)

    def text(self) -> str:
        """The dialog's text (HTML)."""
        return self.label.text()
