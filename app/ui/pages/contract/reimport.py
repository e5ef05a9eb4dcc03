"""The re-import preview dialog: what importing a profile file would change, before it is applied.

Lists ``ReimportPreview.changes`` (section, object, added/removed/changed, field, old → new);
应用 (Apply) accepts the dialog, 取消 (Cancel) rejects it — the page imports only on Apply.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.contract.diff import ADDED, REMOVED, ReimportPreview

_COLORS = {ADDED: QColor("#2e7d32"), REMOVED: QColor("#c62828")}


class ReimportDialog(QDialog):
    """The changes of ``preview`` with Apply / Cancel."""

    def __init__(self, preview: ReimportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Re-import preview"))
        self.resize(900, 520)
        if not preview.changes:
            text = self.tr("The file describes the contract as it is stored: nothing would change.")
        else:
            text = self.tr("Importing %1 would make %2 changes:").replace("%1", preview.path) \
                .replace("%2", str(len(preview.changes)))
        if preview.other_contract:
            text = self.tr("The file describes another contract (%1); applying imports or updates that "
                           "contract.").replace("%1", preview.contract_name) + "\n" + text
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.table = QTableWidget(len(preview.changes), 6)
        self.table.setObjectName("profileChanges")
        self.table.setHorizontalHeaderLabels([self.tr("Section"), self.tr("Object"), self.tr("Change"),
                                              self.tr("Field"), self.tr("Old value"), self.tr("New value")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for r, ch in enumerate(preview.changes):
            for c, v in enumerate((ch.section_text, ch.key, ch.change_text, ch.field_text, ch.old, ch.new)):
                item = QTableWidgetItem(v)
                item.setToolTip(v)
                if c == 2 and ch.change in _COLORS:
                    item.setForeground(_COLORS[ch.change])
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for c in (4, 5):
            self.table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox()
        self.apply_button = QPushButton(self.tr("Apply"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.message)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)

    def rows(self) -> list[list[str]]:
        """The table's text, row by row (for tests and the log)."""
        items = [[self.table.item(r, c) for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]
        return [[i.text() if i is not None else "" for i in row] for row in items]
