"""合同 (Contract): the active profile in readable form, with import / export and re-import.

The sections come from ``app.services.contract.view.contract_view`` (parties and term, services
and groups, calendars, the SLA matrix, KPIs, checklists, reports owed with their delivery status,
the payment schedule with 已满足/未满足, engineers and roles), each a table whose last column is
the contract clause (``source``).  Buttons:

* 导入 / 重新导入… — pick a profile file; ``diff.preview_reimport`` validates it and lists what
  would change in ``ReimportDialog``; 应用 imports exactly that (``diff.apply_reimport``, one
  transaction, audited), 取消 writes nothing.  A refused file's reasons are shown.
* 导出… — ``contract.actions.export_profile_file`` (YAML or JSON).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.timeutil import local_today
from app.errors import OpsLedgerError
from app.services.contract import actions as contract_actions
from app.services.contract import diff, view
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.pages.contract.reimport import ReimportDialog

MET, NOT_MET = QColor("#2e7d32"), QColor("#c62828")


def _table(section: view.Section) -> QTableWidget:
    t = QTableWidget(len(section.rows), len(section.header))
    t.setObjectName(f"contract_{section.key}")
    t.setHorizontalHeaderLabels(list(section.header))
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.setWordWrap(False)  # one line a row; the full text is in the tooltip
    for r, row in enumerate(section.rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            if section.met and c == len(row) - 2:
                item.setForeground(MET if section.met[r] else NOT_MET)
            t.setItem(r, c, item)
    t.resizeColumnsToContents()
    header = t.horizontalHeader()
    header.setSectionResizeMode(len(section.header) - 1, QHeaderView.ResizeMode.Stretch)
    for c in range(len(section.header) - 1):
        if t.columnWidth(c) > 360:
            t.setColumnWidth(c, 360)
    t.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    height = t.horizontalHeader().height() + sum(t.rowHeight(r) for r in range(t.rowCount())) + 6
    t.setFixedHeight(max(height, 40))
    t.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return t


def _cell(t: QTableWidget, row: int, col: int) -> str:
    item = t.item(row, col)
    return item.text() if item is not None else ""


class ContractPage(QWidget):
    """The current contract's profile, section by section, with import / export / re-import."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: view.ContractView | None = None
        self.tables: dict[str, QTableWidget] = {}
        title = QLabel(self.tr("Contract"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.contract_label = QLabel()
        self.import_button = QPushButton(self.tr("Import or re-import profile…"))
        self.export_button = QPushButton(self.tr("Export profile…"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.contract_label, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.message)
        lay.addWidget(scroll, 1)
        self.import_button.clicked.connect(self.choose_import_file)
        self.export_button.clicked.connect(self.choose_export_file)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the sections from the stored profile (after any change)."""
        self.view = perform(self.ctx, view.contract_view, self.ctx.contract_id, local_today())
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.tables = {}
        if self.view is None:
            self.contract_label.setText(self.tr("No contract loaded."))
            self.export_button.setEnabled(False)
            return
        self.export_button.setEnabled(True)
        self.contract_label.setText(self.view.title)
        for section in self.view.sections:
            box = QGroupBox(section.title)
            box.setObjectName(f"box_{section.key}")
            inner = QVBoxLayout(box)
            if section.rows:
                self.tables[section.key] = _table(section)
                inner.addWidget(self.tables[section.key])
            else:
                inner.addWidget(QLabel(self.tr("The profile sets none.")))
            self.body_layout.addWidget(box)
        self.body_layout.addStretch(1)

    def section_rows(self, key: str) -> list[list[str]]:
        """The text of the section ``key``'s table, row by row (empty when it has none)."""
        t = self.tables.get(key)
        if t is None:
            return []
        return [[_cell(t, r, c) for c in range(t.columnCount())] for r in range(t.rowCount())]

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
        self.message.setText(text)

    # -- import / re-import ---------------------------------------------------------------------
    @Slot()
    def choose_import_file(self) -> None:
        """Ask for a profile file, then preview and (on Apply) import it."""
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Import contract profile"), "",
                                               self.tr("Contract profiles (*.yaml *.yml *.json)"))
        if path:
            self.reimport(path)

    def reimport(self, path: str | Path) -> bool:
        """Preview what importing ``path`` changes; import it when the dialog is applied.
        Returns True when it was imported; a refused file's reasons are shown, nothing written."""
        try:
            preview = perform(self.ctx, diff.preview_reimport, self.ctx.contract_id, path)
        except OpsLedgerError as exc:
            self._say(str(exc), error=True)
            QMessageBox.warning(self, self.tr("Profile refused"), str(exc))
            return False
        dialog = ReimportDialog(preview, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self._say(self.tr("Re-import cancelled; nothing was changed."))
            return False
        try:
            perform(self.ctx, diff.apply_reimport, preview, actor=self.ctx.engineer)
        except OpsLedgerError as exc:
            self._say(str(exc), error=True)
            return False
        self._say(self.tr("Profile imported: %1 changes applied.").replace("%1", str(len(preview.changes))))
        self.refresh()
        return True

    # -- export ---------------------------------------------------------------------------------
    @Slot()
    def choose_export_file(self) -> None:
        """Ask where to write the profile, then export it."""
        default = f"{self.view.name}.yaml" if self.view else "contract.yaml"
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Export contract profile"), default,
                                               self.tr("Contract profiles (*.yaml *.yml *.json)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> Path | None:
        """Write the profile to ``path``; the path on success, None (reason shown) otherwise."""
        try:
            out = perform(self.ctx, contract_actions.export_profile_file, self.ctx.contract_id, path,
                          actor=self.ctx.engineer)
        except OpsLedgerError as exc:
            self._say(str(exc), error=True)
            return None
        self._say(self.tr("Profile exported to %1").replace("%1", str(out)))
        return out
