"""工单 page: service requests as a fetch-on-demand table with a detail pane.

Keys: Ctrl+N new request, Enter (in the table) into the detail pane, Ctrl+Shift+C close.
Writes are ``app.services.servicedesk.actions``; their changes reach ``ctx.bus`` through
``app.ui.ops`` (``("service_request",)``, plus ``"incident"`` after a conversion).
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.vocab import RequestStatus, choices
from app.services.queries.filters import export_days
from app.services.queries.listing import RequestFilter
from app.services.queries.options import record_options
from app.services.servicedesk import actions
from app.ui.context import AppContext
from app.ui.itemmodels.record_models import RequestTableModel
from app.ui.pages.servicedesk.request_detail import RequestDetail
from app.ui.pages.servicedesk.request_form import RequestForm
from app.ui.widgets.errors import InlineError
from app.ui.widgets.filter_bar import FilterBar
from app.ui.widgets.list_frame import ListFrame
from app.ui.widgets.record_page import RecordListPage
from app.ui.widgets.transfer import RecordTransfer, ask_export_path, ask_import_path


class RequestsPage(RecordListPage):
    """The service-request list (filters and sort in SQL), new-request form and detail pane."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._options_for = ctx.contract_id
        opts = record_options(ctx.db, ctx.contract_id, ctx.engineer)
        self.filters = FilterBar(choices(RequestStatus), opts.categories, self.tr("All categories"), opts.services,
                                 opts.engineers, self)
        self.new_btn = QPushButton(self.tr("New request"), self)
        self.new_btn.setToolTip(self.tr("Record a new service request (Ctrl+N)"))
        self.export_btn = QPushButton(self.tr("Export…"), self)
        self.export_btn.setToolTip(self.tr("Export the requests of the chosen period to Excel"))
        self.import_btn = QPushButton(self.tr("Import…"), self)
        self.import_btn.setToolTip(self.tr("Import service requests from Excel"))
        self.frame = ListFrame(self.filters, [self.new_btn, self.export_btn, self.import_btn], self)
        self.message = InlineError(self)
        self.status_note = QLabel(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.frame, 1)
        lay.addWidget(self.message)
        lay.addWidget(self.status_note)

        self.model = RequestTableModel(ctx.db, ctx.contract_id, self._filter(), self, dict(opts.categories))
        self.frame.table.setModel(self.model)
        self.frame.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.frame.fit_columns({0: 110, 1: 70, 2: 90, 3: 220, 4: 125, 5: 120, 6: 70})
        self.form = RequestForm(ctx, self)
        self.detail = RequestDetail(ctx, self)
        self.frame.detail.addWidget(self.detail)
        self.frame.detail.addWidget(self.form)
        self.frame.detail.setCurrentWidget(self.detail)
        self.transfer = RecordTransfer(
            self, ctx, self.message, self._transfer_done,
            lambda db, cid, first, last, out, progress=None: actions.export_records(
                db, cid, "requests", first, last, out, progress=progress),
            lambda db, cid, path, actor: actions.import_records(db, cid, "requests", path, actor=actor))

        self.filters.changed.connect(self.apply_filter)
        self.frame.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.frame.activated.connect(self.focus_detail)
        self.new_btn.clicked.connect(self.new_request)
        self.export_btn.clicked.connect(self.export)
        self.import_btn.clicked.connect(self.import_)
        self.form.saved.connect(self._saved)
        self.form.cancelled.connect(self._cancel_form)
        self.detail.changed.connect(self._written)
        self.add_shortcuts([("Ctrl+N", self.new_request), ("Ctrl+Shift+C", self.detail.close_request)])
        self._update_count()

    def editors(self) -> list[Any]:
        """The new-request form while it is shown, and the detail pane."""
        shown = [self.form] if self.frame.detail.currentWidget() is self.form else []
        return [*shown, self.detail]

    def _filter(self) -> RequestFilter:
        v = self.filters.values()
        status = v["status"]
        return RequestFilter(
            statuses=(status,) if status and status != "__open__" else (),
            open_only=status == "__open__",
            categories=(v["kind"],) if v["kind"] else (),
            service_id=v["service_id"], engineer_id=v["engineer_id"],
            start=v["start"], end=v["end"], text=v["text"],
        )

    def apply_filter(self) -> None:
        """Re-query with the filter bar's values."""
        self.model.set_filter(self._filter())

    def _detail_id(self) -> uuid.UUID | None:
        return self.detail.request_id

    def _show_detail(self, record_id: uuid.UUID | None) -> None:
        self.detail.show_request(record_id)

    def _reload_options(self) -> None:
        """The contract changed: refill every contract-dependent list."""
        self._options_for = self.ctx.contract_id
        opts = record_options(self.ctx.db, self.ctx.contract_id, self.ctx.engineer)
        self.filters.set_options(opts.categories, opts.services, opts.engineers)
        self.model.category_labels = dict(opts.categories)
        self.form.reload_options()
        self.detail.reload_options()
        self.model.flt = self._filter()

    def _row_changed(self, current: Any, _previous: Any) -> None:
        if self._quiet or not current.isValid():
            return  # a reload or a re-selection by the page: refresh() decides what the pane shows
        rid = current.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)
        on_form = self.frame.detail.currentWidget() is self.form
        if not ((not on_form or self.settle(self.form))
                and (rid == self.detail.request_id or self.settle(self.detail))):
            if self.detail.request_id is not None:
                self._quiet = True  # put the selection back on the request whose text is kept
                try:
                    self.frame.select_id(self.detail.request_id)
                finally:
                    self._quiet = False
            return
        self.frame.detail.setCurrentWidget(self.detail)
        self.detail.show_request(rid)

    def new_request(self) -> None:
        """Ctrl+N: the empty form in the detail pane."""
        if self.frame.detail.currentWidget() is self.form and not self.settle(self.form):
            return
        self.frame.detail.setCurrentWidget(self.form)
        self.form.start_new()

    def focus_detail(self) -> None:
        """Enter in the table: show the selected request, focus the pane."""
        self.frame.detail.setCurrentWidget(self.detail)
        self.detail.show_request(self.frame.selected_id())
        self.detail.resolution.setFocus()

    def _saved(self, request_id: uuid.UUID) -> None:
        self.frame.detail.setCurrentWidget(self.detail)
        self.model.reload()
        self.frame.select_id(request_id)
        self.detail.show_request(request_id)
        self.frame.table.setFocus()

    def _cancel_form(self) -> None:
        self.frame.detail.setCurrentWidget(self.detail)
        self.frame.table.setFocus()

    def _written(self, _kinds: tuple[str, ...]) -> None:
        rid = self.detail.request_id
        self.model.reload()
        if rid is not None:
            self.frame.select_id(rid)

    def export(self) -> None:
        """Ask for a file and export the filter period's requests in a worker."""
        v = self.filters.values()
        first, last = export_days(v["start"], v["end"])
        out = ask_export_path(self, f"requests-{first}-{last}.xlsx")
        if out is not None:
            self.transfer.export(out, first, last)

    def import_(self) -> None:
        """Ask for a workbook and import it in a worker; refusals list the row problems."""
        path = ask_import_path(self)
        if path is not None:
            self.transfer.import_file(path)

    def _transfer_done(self, message: str) -> None:
        self.status_note.setText(message)
        self.model.reload()
