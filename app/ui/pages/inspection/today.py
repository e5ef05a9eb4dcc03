"""Today (今日): what is due today and what is overdue, per slot, from ``schedule.due_list``.

Today's slots (and the weekly/monthly/quarterly periods containing today) come first, then the
slots of earlier days still open (overdue), most recent day first, each day in slot order.  Each row shows the slot, checklist, status (colour + text: done / in progress / due / overdue /
upcoming), inspection number, engineer and abnormal count.  ``Enter`` or a double-click emits
``inspectionRequested(entry)`` with the ``schedule.DueEntry``; the main window opens the runner.
"Start unscheduled inspection" emits ``adHocRequested(template_id)`` for an inspection outside
the schedule (e.g. after a power cut).  Data come from ``inspection.actions.due_today``.
"""

from __future__ import annotations

import uuid
from datetime import date, time

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.timeutil import local_dt, local_today
from app.services.inspection import actions
from app.ui.context import AppContext
from app.ui.itemmodels.inspection_models import DueModel, DueRow, status_text
from app.ui.ops import perform


class TodayPage(QWidget):
    """The due list of ``day`` (today unless ``set_day`` was called)."""

    inspectionRequested = Signal(object)
    adHocRequested = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day: date | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.model = DueModel(self)
        self.table = QTableView()
        self.table.setObjectName("dueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b06000;")
        self.start_button = QPushButton(self.tr("Start / resume (Enter)"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("todayStatus")
        self.status_filter.addItem(self.tr("All statuses"), ())
        self.status_filter.addItem(self.tr("To do now"), ("due", "in_progress"))
        for status in ("overdue", "done", "upcoming"):
            self.status_filter.addItem(status_text(status), (status,))
        self.ad_hoc_template = QComboBox()
        self.ad_hoc_template.setObjectName("adHocTemplate")
        self.ad_hoc_button = QPushButton(self.tr("Start unscheduled inspection"))
        hint = QLabel(self.tr("Enter or double-click starts or resumes the selected inspection."))
        hint.setStyleSheet("color: #555;")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.status_filter)
        top.addWidget(self.ad_hoc_template)
        top.addWidget(self.ad_hoc_button)
        top.addWidget(self.refresh_button)
        bottom = QHBoxLayout()
        bottom.addWidget(hint)
        bottom.addStretch(1)
        bottom.addWidget(self.start_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.warning)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)
        self.table.doubleClicked.connect(self._on_activated)
        self.start_button.clicked.connect(self.start_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.ad_hoc_button.clicked.connect(self._ad_hoc)
        for key in ("Return", "Enter"):
            QShortcut(QKeySequence(key), self.table, activated=self.start_selected,
                      context=Qt.ShortcutContext.WidgetShortcut)
        # Statuses move with the clock (due → overdue): refresh every minute while visible.
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.refresh()

    @Slot()
    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def apply_filter(self, *, statuses: tuple[str, ...] = ()) -> None:
        """Show only the rows of ``statuses`` (the overview's inspection tiles: ``("overdue",)``,
        ``("due", "in_progress")`` …; ``()`` every row); the filter box shows the choice."""
        i = next((n for n in range(self.status_filter.count())
                  if tuple(self.status_filter.itemData(n)) == tuple(statuses)), 0)
        if i == self.status_filter.currentIndex():
            self.refresh()
        else:
            self.status_filter.setCurrentIndex(i)  # refreshes

    def set_day(self, day: date | None) -> None:
        """Show ``day`` instead of today (``None``: today again)."""
        self.day = day
        self.refresh()

    def refresh(self) -> None:
        """Reload the due list from ``app.services.inspection.schedule.due_list``."""
        day = self.day or local_today()
        self.title.setText(self.tr("Today %1").replace("%1", day.isoformat()))
        if self.ctx.contract_id is None:
            self.model.set_rows([])
            self.summary.setText(self.tr("No contract loaded."))
            return
        view = perform(self.ctx, actions.due_today, self.ctx.contract_id, day)
        entries = view.entries
        templates = [(str(tid), name) for tid, name in view.templates]
        keep = self.ad_hoc_template.currentData()
        self.ad_hoc_template.clear()
        for tid, name in templates:
            self.ad_hoc_template.addItem(name, tid)  # str ids: QVariant compares objects by identity
        self.ad_hoc_template.setCurrentIndex(max(self.ad_hoc_template.findData(keep), 0))
        self.ad_hoc_button.setEnabled(bool(templates))
        # Today's slots (and the periods containing today) first in time order, then the slots of
        # earlier days still open, most recent day first and each day in slot order.
        day_start = local_dt(day, time())
        current = [e for e in entries if e.slot.window_end > day_start]
        earlier = sorted((e for e in entries if e.slot.window_end <= day_start),
                         key=lambda e: (-e.slot.due_date.toordinal(), e.slot.slot, e.slot.template_code))
        every = [DueRow.from_entry(e) for e in (*current, *earlier)]
        shown = tuple(self.status_filter.currentData() or ())
        rows = [r for r in every if not shown or r.status in shown]
        selected = self.table.selectionModel().currentIndex().row()
        self.model.set_rows(rows)
        counts: dict[str, int] = {}
        for r in every:
            counts[r.status] = counts.get(r.status, 0) + 1
        self.summary.setText(self.tr("Done %1 · in progress %2 · due %3 · overdue %4 · upcoming %5")
                             .replace("%1", str(counts.get("done", 0)))
                             .replace("%2", str(counts.get("in_progress", 0)))
                             .replace("%3", str(counts.get("due", 0)))
                             .replace("%4", str(counts.get("overdue", 0)))
                             .replace("%5", str(counts.get("upcoming", 0))))
        warnings = sorted({r.calendar_warning for r in rows if r.calendar_warning})
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
        if rows:
            first_open = next((n for n, r in enumerate(rows) if r.status in ("overdue", "due", "in_progress")), 0)
            self.select_row(selected if 0 <= selected < len(rows) else first_open)

    def select_row(self, n: int) -> None:
        """Select row ``n`` of the due list."""
        idx = self.model.index(n, 0)
        sm = self.table.selectionModel()
        sm.setCurrentIndex(idx, sm.SelectionFlag.ClearAndSelect | sm.SelectionFlag.Rows)

    def select_slot(self, template_code: str, slot: str = "", due_date: date | None = None) -> int:
        """Select the row of ``template_code`` (and ``slot``/``due_date`` if given, the shown day's
        date by default); returns its row, -1 if absent."""
        day = due_date or self.day or local_today()
        for n, r in enumerate(self.model.rows()):
            if r.template_code == template_code and (not slot or r.slot == slot) and r.due_date == day:
                self.select_row(n)
                return n
        return -1

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.inspectionRequested.emit(self.model.row(index.row()).entry)

    @Slot()
    def _ad_hoc(self) -> None:
        tid = self.ad_hoc_template.currentData()
        if tid:
            self.adHocRequested.emit(uuid.UUID(tid))

    @Slot()
    def start_selected(self) -> None:
        """Emit ``inspectionRequested`` for the selected row."""
        self._on_activated(self.table.selectionModel().currentIndex())
