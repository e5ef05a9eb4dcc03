"""需求 page: requirements collected from users, with status changes in a detail pane.

Keys: Ctrl+N new requirement.  Writes are ``app.services.servicedesk.actions``; their change
(``("requirement",)``) reaches ``ctx.bus`` through ``app.ui.ops``.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.vocab import RequirementStatus, choices
from app.services.queries.filters import export_days
from app.services.queries.listing import RequirementFilter
from app.services.queries.options import OPEN_REQUIREMENT_STATUSES, record_options
from app.services.servicedesk import actions
from app.ui.context import AppContext
from app.ui.itemmodels.record_models import RequirementTableModel
from app.ui.pages.servicedesk.requirement_detail import RequirementDetail
from app.ui.pages.servicedesk.requirement_form import RequirementForm
from app.ui.widgets.errors import InlineError
from app.ui.widgets.filter_bar import FilterBar
from app.ui.widgets.list_frame import ListFrame
from app.ui.widgets.record_page import RecordListPage
from app.ui.widgets.transfer import RecordTransfer, ask_export_path


class RequirementsPage(RecordListPage):
    """The requirement list (filters and sort in SQL), new-requirement form and detail pane."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._options_for = ctx.contract_id
        opts = record_options(ctx.db, ctx.contract_id)
        self.filters = FilterBar(choices(RequirementStatus), None, "", opts.services, None, self)
        self.new_btn = QPushButton(self.tr("New requirement"), self)
        self.new_btn.setToolTip(self.tr("Record a new requirement (Ctrl+N)"))
        self.export_btn = QPushButton(self.tr("Export…"), self)
        self.export_btn.setToolTip(self.tr("Export the requirements of the chosen period to Excel"))
        self.frame = ListFrame(self.filters, [self.new_btn, self.export_btn], self)
        self.message = InlineError(self)
        self.status_note = QLabel(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.frame, 1)
        lay.addWidget(self.message)
        lay.addWidget(self.status_note)
        self.model = RequirementTableModel(ctx.db, ctx.contract_id, self._filter(), self)
        self.frame.table.setModel(self.model)
        self.frame.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        self.frame.fit_columns({0: 110, 1: 70, 2: 260, 3: 140, 4: 80})
        self.form = RequirementForm(ctx, self)
        self.detail = RequirementDetail(ctx, self)
        self.frame.detail.addWidget(self.detail)
        self.frame.detail.addWidget(self.form)
        self.frame.detail.setCurrentWidget(self.detail)
        self.transfer = RecordTransfer(
            self, ctx, self.message, self.status_note.setText,
            lambda db, cid, first, last, out, progress=None: actions.export_records(
                db, cid, "requirements", first, last, out, progress=progress))
        self.filters.changed.connect(lambda: self.model.set_filter(self._filter()))
        self.frame.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.new_btn.clicked.connect(self.new_requirement)
        self.export_btn.clicked.connect(self.export)
        self.form.saved.connect(self._saved)
        self.form.cancelled.connect(lambda: self.frame.detail.setCurrentWidget(self.detail))
        self.detail.changed.connect(self._saved)
        self.add_shortcuts([("Ctrl+N", self.new_requirement)])
        self._update_count()

    def editors(self) -> list[Any]:
        """The new-requirement form while it is shown."""
        return [self.form] if self.frame.detail.currentWidget() is self.form else []

    def _filter(self) -> RequirementFilter:
        v = self.filters.values()
        status = v["status"]
        statuses: tuple[str, ...] = ()
        if status == "__open__":
            statuses = OPEN_REQUIREMENT_STATUSES
        elif status:
            statuses = (status,)
        return RequirementFilter(statuses=statuses, service_id=v["service_id"], start=v["start"], end=v["end"],
                                 text=v["text"])

    def _detail_id(self) -> uuid.UUID | None:
        return self.detail.requirement_id

    def _show_detail(self, record_id: uuid.UUID | None) -> None:
        self.detail.show_requirement(record_id)

    def _reload_options(self) -> None:
        """The contract changed: refill the service list and the form."""
        self._options_for = self.ctx.contract_id
        self.filters.set_options(None, record_options(self.ctx.db, self.ctx.contract_id).services, None)
        self.form.reload_options()
        self.model.flt = self._filter()

    def _row_changed(self, current: Any, _previous: Any) -> None:
        if self._quiet or not current.isValid():
            return  # a reload or a re-selection by the page: refresh() decides what the pane shows
        if self.frame.detail.currentWidget() is self.form and not self.settle(self.form):
            return
        self.frame.detail.setCurrentWidget(self.detail)
        self.detail.show_requirement(current.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole))

    def new_requirement(self) -> None:
        """Ctrl+N: the empty form in the detail pane."""
        if self.frame.detail.currentWidget() is self.form and not self.settle(self.form):
            return
        self.frame.detail.setCurrentWidget(self.form)
        self.form.start_new()

    def _saved(self, requirement_id: uuid.UUID) -> None:
        self.frame.detail.setCurrentWidget(self.detail)
        self.model.reload()
        self.frame.select_id(requirement_id)
        self.detail.show_requirement(requirement_id)

    def export(self) -> None:
        """Ask for a file and export the filter period's requirements in a worker."""
        v = self.filters.values()
        first, last = export_days(v["start"], v["end"])
        out = ask_export_path(self, f"requirements-{first}-{last}.xlsx")
        if out is not None:
            self.transfer.export(out, first, last)
