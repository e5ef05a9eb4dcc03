"""报告提交 / 验收 on the Reports page: every owed report per period and where it stands.

``DeliveryList`` shows ``delivery.queries.delivery_rows`` (newest period first: report, period,
due day, status, handed over when/by/to, accepted when/by, notes); an overdue report is red.
标记已提交 / 标记已验收 open ``DeliveryDialog`` (day, person, recipient, notes) and call
``delivery.actions.mark_submitted`` / ``mark_accepted`` through ``perform``; a refusal is shown in
a message box and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.timeutil import fmt_local, local_today
from app.errors import OpsLedgerError
from app.services.delivery import actions, queries
from app.services.delivery.queries import DeliveryRow, DeliveryStatus
from app.ui.context import AppContext
from app.ui.ops import perform

OVERDUE = QColor("#c62828")
ACCEPTED = QColor("#2e7d32")


class DeliveryDialog(QDialog):
    """Day, person (and recipient) and notes of a handing-over (``accept=False``) or an
    acceptance (``accept=True``) of ``row``'s report."""

    def __init__(self, row: DeliveryRow, *, accept: bool, engineer: str, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark accepted") if accept else self.tr("Mark submitted"))
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.person = QLineEdit("" if accept else engineer)
        self.recipient = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        form = QFormLayout(self)
        form.addRow(QLabel(f"{row.title} {row.period_label}"))
        form.addRow(self.tr("Accepted on") if accept else self.tr("Submitted on"), self.date_edit)
        form.addRow(self.tr("Accepted by (client)") if accept else self.tr("Submitted by"), self.person)
        if not accept:
            form.addRow(self.tr("Submitted to (client)"), self.recipient)
        self.recipient.setVisible(not accept)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def day(self) -> date:
        """The chosen local day."""
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())


class DeliveryList(QWidget):
    """The owed / submitted / accepted reports of the current contract, with the two actions."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 today: Callable[[], date] = local_today) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.rows: list[DeliveryRow] = []
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("reportDeliveries")
        self.table.setHorizontalHeaderLabels([
            self.tr("Report"), self.tr("Period"), self.tr("Due"), self.tr("Status"), self.tr("Submitted"),
            self.tr("Accepted"), self.tr("Notes")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.submit_button = QPushButton(self.tr("Mark submitted"))
        self.accept_button = QPushButton(self.tr("Mark accepted"))
        self.summary = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.accept_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.submit_button.clicked.connect(self.mark_submitted)
        self.accept_button.clicked.connect(self.mark_accepted)
        self._update_buttons()

    def refresh(self) -> None:
        """Reload the rows (keeps the selected report and period selected)."""
        keep = self.current()
        self.rows = perform(self.ctx, queries.delivery_rows, self.ctx.contract_id, self.today())
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            submitted = " ".join(x for x in (fmt_local(row.submitted_at, "%Y-%m-%d"), row.submitted_by,
                                             f"→ {row.submitted_to}" if row.submitted_to else "") if x)
            if row.version > 1:
                submitted += self.tr(" (version %1)").replace("%1", str(row.version))
            accepted = " ".join(x for x in (fmt_local(row.accepted_at, "%Y-%m-%d"), row.accepted_by) if x)
            status = row.status_text
            if row.overdue:
                status = self.tr("Overdue")
            values = [row.title, row.period_label, row.due_on.isoformat(), status, submitted, accepted, row.notes]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                if row.overdue:
                    item.setForeground(OVERDUE)
                elif row.status == DeliveryStatus.ACCEPTED and c == 3:
                    item.setForeground(ACCEPTED)
                if c == 0 and row.source:
                    item.setToolTip(row.source)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        owed = sum(1 for r in self.rows if r.status == DeliveryStatus.OWED)
        late = sum(1 for r in self.rows if r.overdue)
        self.summary.setText(self.tr("%1 not submitted, %2 of them overdue").replace("%1", str(owed))
                             .replace("%2", str(late)))
        if keep is not None:
            self.select(keep.kind, keep.period_key)
        self._update_buttons()

    def select(self, kind: str, period_key: str) -> bool:
        """Select the row of ``kind`` and ``period_key``; False when it is not listed."""
        for n, row in enumerate(self.rows):
            if (row.kind, row.period_key) == (kind, period_key):
                self.table.selectRow(n)
                return True
        return False

    def current(self) -> DeliveryRow | None:
        """The selected row, or None."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    @Slot()
    def _update_buttons(self) -> None:
        row = self.current()
        self.submit_button.setEnabled(row is not None and row.status != DeliveryStatus.ACCEPTED)
        self.accept_button.setEnabled(row is not None and row.status == DeliveryStatus.SUBMITTED)

    @Slot()
    def mark_submitted(self) -> None:
        """Ask day, person and recipient, then record the handing-over of the selected report."""
        self._mark(accept=False)

    @Slot()
    def mark_accepted(self) -> None:
        """Ask day and the client's person, then record the acceptance of the selected report."""
        self._mark(accept=True)

    def _mark(self, *, accept: bool) -> None:
        row = self.current()
        if row is None:
            return
        dialog = DeliveryDialog(row, accept=accept, engineer=self.ctx.engineer, today=self.today(), parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            if accept:
                perform(self.ctx, actions.mark_accepted, self.ctx.contract_id, row.kind, row.period_key,
                        on=dialog.day(), by=dialog.person.text(), notes=dialog.notes.toPlainText(),
                        actor=self.ctx.engineer, today=self.today())
            else:
                perform(self.ctx, actions.mark_submitted, self.ctx.contract_id, row.kind, row.period_key,
                        on=dialog.day(), by=dialog.person.text(), to=dialog.recipient.text(),
                        notes=dialog.notes.toPlainText(), actor=self.ctx.engineer, today=self.today())
        except OpsLedgerError as exc:
            QMessageBox.warning(self, self.tr("Not recorded"), str(exc))
            return
        self.refresh()
