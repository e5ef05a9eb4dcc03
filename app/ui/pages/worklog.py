"""工作日志 page: pick a day, see its lines (derived from inspections/incidents/requests plus
manual entries, from ``worklog.day_entries``) and add a manual entry with its duration.

After an entry is added the page emits ``ctx.bus.changed(("worklog",))``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import OpsLedgerError
from app.store.models import Contract
from app.services.servicedesk import worklog
from app.core.timeutil import local_today
from app.ui.context import AppContext
from app.core.durations import format_minutes
from app.ui.itemmodels.record_models import WorkLogLinesModel
from app.ui.pages.record_forms import (
    InlineError,
    RecordTransfer,
    WorkLogEntryForm,
    ask_export_path,
)


class WorkLogPage(QWidget):
    """One day's work log with a date picker and the add-entry form."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._options_for = ctx.contract_id
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.prev_btn = QPushButton("◀", self)
        self.prev_btn.setToolTip(self.tr("Previous day (Alt+Left)"))
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        t = local_today()
        self.date.setDate(QDate(t.year, t.month, t.day))
        self.next_btn = QPushButton("▶", self)
        self.next_btn.setToolTip(self.tr("Next day (Alt+Right)"))
        self.today_btn = QPushButton(self.tr("Today"), self)
        self.export_btn = QPushButton(self.tr("Export month…"), self)
        self.export_btn.setToolTip(self.tr("Export the work log of the picked day's month to Excel"))
        self.total_label = QLabel(self)
        for w in (self.prev_btn, self.date, self.next_btn, self.today_btn, self.export_btn):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.total_label)
        lay.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = QTableView(split)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.model = WorkLogLinesModel(self)
        self.table.setModel(self.model)
        self.form = WorkLogEntryForm(ctx, split)
        split.addWidget(self.table)
        split.addWidget(self.form)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        lay.addWidget(split, 1)
        self.message = InlineError(self)
        self.status_note = QLabel(self)
        lay.addWidget(self.message)
        lay.addWidget(self.status_note)
        self.transfer = RecordTransfer(self, ctx, "worklog", self.message, self.status_note.setText)
        self.date.dateChanged.connect(lambda _d: self.refresh())
        self.prev_btn.clicked.connect(lambda: self.date.setDate(self.date.date().addDays(-1)))
        self.next_btn.clicked.connect(lambda: self.date.setDate(self.date.date().addDays(1)))
        self.today_btn.clicked.connect(self._today)
        self.export_btn.clicked.connect(self.export)
        self.form.saved.connect(self._added)
        for seq, slot in (("Alt+Left", self.prev_btn.click), ("Alt+Right", self.next_btn.click),
                          ("Ctrl+N", self.form.summary.setFocus)):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        self.refresh()

    def day(self) -> date:
        """The picked local day."""
        d = self.date.date()
        return date(d.year(), d.month(), d.day())

    def _today(self) -> None:
        t = local_today()
        self.date.setDate(QDate(t.year, t.month, t.day))

    def refresh(self) -> None:
        """Reload the picked day's lines (derived + manual)."""
        day = self.day()
        self.form.day = day
        if self.ctx.contract_id != self._options_for:
            self._options_for = self.ctx.contract_id
            self.form.reload_options()
        self.message.clear_error()
        if self.ctx.contract_id is None:
            self.model.set_lines([])
            return
        try:
            lines = self._lines(day)
        except OpsLedgerError as exc:
            self.message.show_error(exc)
            lines = []
        self.model.set_lines(lines)
        total = sum(int(getattr(x, "duration_minutes", 0) or 0) for x in lines)
        self.total_label.setText(self.tr("%1 lines, %2 in total").replace("%1", str(len(lines)))
                                 .replace("%2", format_minutes(total)))

    def _lines(self, day: date) -> list[Any]:
        with self.ctx.db.session() as s:
            return list(worklog.day_entries(s, s.get(Contract, self.ctx.contract_id), day))

    def _added(self) -> None:
        self.refresh()
        self.ctx.bus.changed.emit(("worklog",))

    def export(self) -> None:
        """Export the picked day's month in a worker."""
        first = self.day().replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        out = ask_export_path(self, f"worklog-{first:%Y-%m}.xlsx")
        if out is not None:
            self.transfer.export(out, first, last)
