"""Inspection history (巡检记录): filter by date range, checklist, engineer and outcome; open one.

The list is a ``PagedHistoryModel`` over ``inspection.actions.history_page`` (filters in SQL,
rows fetched in batches as the view scrolls).  Below it, ``InspectionLogExport`` writes the
inspection log (.xlsx) of a date range — this week by default.  Selecting a row shows the full record — every
result with its outcome colour, reading, range, note and linked incident — in the detail pane.
``Resume`` on an unfinished inspection emits ``inspectionOpenRequested(inspection_id)``; the
main window opens it in the runner.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.timeutil import fmt_local, local_today
from app.errors import OpsLedgerError
from app.services.inspection import actions
from app.ui.context import AppContext
from app.ui.itemmodels.inspection_models import HistoryRow, PagedHistoryModel, ResultsModel
from app.ui.ops import perform
from app.ui.pages.inspection.export_log import InspectionLogExport
from app.ui.pages.inspection.runner import result_row


def _table(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class InspectionsPage(QWidget):
    """History of the current contract's inspections with a detail pane."""

    inspectionOpenRequested = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        """Build, lay out and connect the widgets (long by layout, not by logic: one widget per line)."""
        super().__init__(parent)
        self.ctx = ctx
        today = local_today()
        self.start = QDateEdit(QDate(today - timedelta(days=30)))
        self.end = QDateEdit(QDate(today))
        for w in (self.start, self.end):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        self.template = QComboBox()
        self.engineer = QComboBox()
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("Any outcome"), None)
        self.outcome.addItem(self.tr("Normal"), "normal")
        self.outcome.addItem(self.tr("With abnormal items"), "abnormal")
        self.outcome.addItem(self.tr("Unfinished"), "unfinished")
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.model = PagedHistoryModel(self)
        self.table = _table(self.model)
        self.table.setObjectName("historyTable")
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.detail_title = QLabel()
        self.detail_title.setStyleSheet("font-weight: bold;")
        self.detail_title.setWordWrap(True)
        self.results_model = ResultsModel(self)
        self.results = _table(self.results_model)
        self.results.setObjectName("detailTable")
        self.results.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.resume_button = QPushButton(self.tr("Resume inspection"))
        self.resume_button.setEnabled(False)
        filters = QHBoxLayout()
        for label, w in ((self.tr("From"), self.start), (self.tr("to"), self.end),
                         (self.tr("Checklist"), self.template), (self.tr("Engineer"), self.engineer),
                         (self.tr("Outcome"), self.outcome)):
            filters.addWidget(QLabel(label))
            filters.addWidget(w)
        filters.addStretch(1)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.detail_title, 1)
        head.addWidget(self.resume_button)
        dl.addLayout(head)
        dl.addWidget(self.results, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setSizes([300, 300])
        title = QLabel(self.tr("Inspection history"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addLayout(filters)
        lay.addWidget(self.error)
        lay.addWidget(split, 1)
        self.log_export = InspectionLogExport(ctx, self)
        lay.addWidget(self.log_export)
        for w in (self.start, self.end):
            w.dateChanged.connect(self._requery)
        for c in (self.template, self.engineer, self.outcome):
            c.currentIndexChanged.connect(self._requery)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.resume_button.clicked.connect(self._resume)
        self._selected: uuid.UUID | None = None
        self.refresh()

    def set_range(self, start: date, end: date) -> None:
        """Set the date filter (both inclusive) and requery."""
        self.start.blockSignals(True)
        self.start.setDate(QDate(start))
        self.start.blockSignals(False)
        self.end.setDate(QDate(end))
        self._requery()

    def refresh(self) -> None:
        """Reload the filter choices (checklists, engineers) and the list."""
        templates, engineers = perform(self.ctx, actions.history_filters, self.ctx.contract_id)
        for combo, items in ((self.template, templates), (self.engineer, engineers)):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for key, text in items:
                combo.addItem(text, str(key))  # str: QVariant compares Python objects by identity
            i = combo.findData(keep) if keep is not None else 0
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)
        self._requery()

    @Slot()
    def _requery(self) -> None:
        self.error.clear()
        self._show_detail(None)
        if self.ctx.contract_id is None:
            self.model.set_fetcher(None)
            return
        contract_id = self.ctx.contract_id
        filters: dict[str, Any] = {
            "start": self.start.date().toPython(),
            "end": self.end.date().toPython(),
            "template_id": uuid.UUID(self.template.currentData()) if self.template.currentData() else None,
            "engineer_id": uuid.UUID(self.engineer.currentData()) if self.engineer.currentData() else None,
            "outcome": self.outcome.currentData(),
        }

        def fetch(offset: int, limit: int) -> list[HistoryRow]:
            found = perform(self.ctx, actions.history_page, contract_id, offset=offset, limit=limit, **filters)
            return [HistoryRow(id=i.id, number=i.number, due_date=i.due_date, slot=i.slot,
                               template_name=i.template_name, engineer=i.engineer, started=i.started,
                               finished=i.finished, abnormal_count=i.abnormal_count) for i in found]

        try:
            self.model.set_fetcher(fetch)
        except OpsLedgerError as exc:
            self.model.set_fetcher(None)
            self.error.setText(str(exc))
        if self.model.rowCount():
            sm = self.table.selectionModel()
            sm.setCurrentIndex(self.model.index(0, 0), sm.SelectionFlag.ClearAndSelect | sm.SelectionFlag.Rows)

    @Slot(QModelIndex)
    def _on_row(self, index: QModelIndex) -> None:
        self._show_detail(self.model.row(index.row()).id if index.isValid() else None)

    def _show_detail(self, inspection_id: uuid.UUID | None) -> None:
        self._selected = inspection_id
        if inspection_id is None:
            self.results_model.set_rows([])
            self.detail_title.clear()
            self.resume_button.setEnabled(False)
            return
        try:
            view = perform(self.ctx, actions.inspection_view, inspection_id)
        except OpsLedgerError:
            return
        rows = [result_row(r) for r in view.results]
        finished = view.finished_at
        text = (f"{view.number} · {view.template_name} · {view.due_date.isoformat()} {view.slot} · "
                f"{view.engineer} · " + (self.tr("finished %1").replace("%1", fmt_local(finished)) if finished
                                         else self.tr("in progress"))
                + " · " + self.tr("%1 abnormal").replace("%1", str(view.abnormal_count)))
        self.detail_title.setText(text)
        self.results_model.set_rows(rows)
        self.resume_button.setEnabled(finished is None)

    @Slot()
    def _resume(self) -> None:
        if self._selected is not None:
            self.inspectionOpenRequested.emit(self._selected)
