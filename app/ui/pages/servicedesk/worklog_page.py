"""工作日志 page: pick a day, see its lines (derived from inspections/incidents/requests plus
manual entries, from ``queries.servicedesk.worklog_day``), add a manual entry or correct one
(Enter / double-click on a manual line).

The entry's change (``("worklog",)``) reaches ``ctx.bus`` through ``app.ui.ops``.
"""

from __future__ import annotations

from datetime import date
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

from app.core.timeutil import local_today
from app.errors import OpsLedgerError
from app.services.queries.filters import month_days
from app.services.queries.servicedesk import worklog_day
from app.services.servicedesk import actions
from app.ui.context import AppContext
from app.ui.itemmodels.record_models import WorkLogLinesModel, fmt_minutes
from app.ui.pages.servicedesk.worklog_form import WorkLogEntryForm
from app.ui.widgets.errors import InlineError
from app.ui.widgets.transfer import RecordTransfer, ask_export_path


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
        self.transfer = RecordTransfer(
            self, ctx, self.message, self.status_note.setText,
            lambda db, cid, first, last, out, progress=None: actions.export_records(
                db, cid, "worklog", first, last, out, progress=progress))
        self.date.dateChanged.connect(lambda _d: self.refresh())
        self.prev_btn.clicked.connect(lambda: self.date.setDate(self.date.date().addDays(-1)))
        self.next_btn.clicked.connect(lambda: self.date.setDate(self.date.date().addDays(1)))
        self.today_btn.clicked.connect(self._today)
        self.export_btn.clicked.connect(self.export)
        self.form.saved.connect(self.refresh)
        self.table.activated.connect(self.edit_line)
        self.table.doubleClicked.connect(self.edit_line)
        for seq, slot in (("Alt+Left", self.prev_btn.click), ("Alt+Right", self.next_btn.click),
                          ("Ctrl+N", self.form.summary.setFocus)):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        self.refresh()

    def has_unsaved_changes(self) -> bool:
        """Whether a work-log summary is typed and not added yet."""
        return self.form.is_dirty()

    def confirm_leave(self) -> bool:
        """Ask save / discard / cancel for a typed entry; ``True`` when the page may be left."""
        from app.ui.widgets.unsaved import Choice, ask_unsaved  # noqa: PLC0415 - only needed when leaving

        if not self.form.is_dirty():
            return True
        choice = ask_unsaved(self, self.form.dirty_what())
        if choice is Choice.SAVE:
            return self.form.save_typed()
        if choice is Choice.DISCARD:
            self.form.discard_typed()
            return True
        return False

    def edit_line(self, index: Any) -> bool:
        """Enter / double-click on a manual line: correct it in the form (derived lines are
        edited on their own record)."""
        if not index.isValid() or (self.form.is_dirty() and not self.confirm_leave()):
            return False
        return self.form.start_edit(self.model.line_at(index.row()))

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
        lines: list[Any] = []
        try:
            lines = worklog_day(self.ctx.db, self.ctx.contract_id, day)
        except OpsLedgerError as exc:
            self.message.show_error(exc)
        self.model.set_lines(lines)
        total = sum(int(getattr(x, "duration_minutes", 0) or 0) for x in lines)
        self.total_label.setText(self.tr("%1 lines, %2 in total").replace("%1", str(len(lines)))
                                 .replace("%2", fmt_minutes(total)))

    def export(self) -> None:
        """Export the picked day's month in a worker."""
        first, last = month_days(self.day())
        out = ask_export_path(self, f"worklog-{first:%Y-%m}.xlsx")
        if out is not None:
            self.transfer.export(out, first, last)
