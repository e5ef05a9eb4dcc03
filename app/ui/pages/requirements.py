"""需求 page: requirements collected from users, with status changes in a detail pane.

Keys: Ctrl+N new requirement.  Writes go through ``create_requirement`` /
``set_requirement_status`` (``app.services.servicedesk.requests`` or ``app.services.servicedesk.requirements``);
after each one the page emits ``ctx.bus.changed(("requirement",))``.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.errors import OpsLedgerError
from app.store.models import Requirement, Service
from app.services.servicedesk import requirements
from app.services.queries.listing import RequirementFilter
from app.core.timeutil import fmt_local
from app.ui.context import AppContext
from app.ui.pages.record_page import RecordListPage
from app.ui.itemmodels.record_models import RequirementTableModel, status_label
from app.ui.pages.record_forms import (
    REQUIREMENT_STATUS_CODES,
    FilterBar,
    FormBase,
    InlineError,
    ListFrame,
    RecordTransfer,
    RequirementForm,
    _esc,
    ask_export_path,
    contract_options,
    export_range,
)


class RequirementDetail(FormBase):
    """The selected requirement and its status; emits ``changed(id)`` after a write."""

    changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.requirement_id: uuid.UUID | None = None
        self._init_errors()
        lay = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        row = QHBoxLayout()
        self.status = QComboBox(self)
        for code in REQUIREMENT_STATUS_CODES:
            self.status.addItem(status_label(code), code)
        self.set_btn = QPushButton(self.tr("Set status"), self)
        row.addWidget(self.status, 1)
        row.addWidget(self.set_btn)
        lay.addLayout(row)
        lay.addWidget(self.error)
        lay.addStretch(1)
        self.fields = {"status": self.status}
        self.set_btn.clicked.connect(self.set_status)
        self.show_requirement(None)

    def show_requirement(self, requirement_id: uuid.UUID | None) -> None:
        """Load and show ``requirement_id`` (``None`` → empty pane)."""
        self.requirement_id = requirement_id
        self._ok()
        self.set_btn.setEnabled(requirement_id is not None)
        if requirement_id is None:
            self.summary.setText(self.tr("Select a requirement, or press Ctrl+N to record a new one."))
            return
        with self.ctx.db.session() as s:
            r = s.get(Requirement, requirement_id)
            if r is None:
                self.show_requirement(None)
                return
            svc = s.get(Service, r.service_id) if r.service_id else None
            self.summary.setText(
                f"<b>{r.number}</b> {_esc(r.title)}<br>" + self.tr("Status") + f": {status_label(r.status)}"
                + " · " + self.tr("Service") + f": {_esc(svc.name if svc else '—')}<br>"
                + self.tr("Collected") + f": {fmt_local(r.collected_at)} · {_esc(r.requester_department)} "
                + f"{_esc(r.requester_name)}" + (f"<br>{_esc(r.description)}" if r.description else ""))
            i = self.status.findData(r.status)
            if i >= 0:
                self.status.setCurrentIndex(i)

    def set_status(self) -> bool:
        """Store the picked status (one transaction)."""
        if self.requirement_id is None:
            return False
        try:
            with self.ctx.db.session() as s:
                requirements.set_requirement_status(s, self.requirement_id, self.status.currentData(), actor=self.ctx.engineer)
        except (OpsLedgerError, ValueError) as exc:
            self._fail(exc)
            return False
        self._ok()
        self.changed.emit(self.requirement_id)
        self.show_requirement(self.requirement_id)
        return True


class RequirementsPage(RecordListPage):
    """The requirement list (filters and sort in SQL), new-requirement form and detail pane."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._options_for = ctx.contract_id
        opts = contract_options(ctx)
        statuses = [(c, status_label(c)) for c in REQUIREMENT_STATUS_CODES]
        self.filters = FilterBar(statuses, None, "", opts["services"], None, self)
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
        self.transfer = RecordTransfer(self, ctx, "requirements", self.message, self.status_note.setText)
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

    def _filter(self) -> RequirementFilter:
        v = self.filters.values()
        status = v["status"]
        statuses: tuple[str, ...] = ()
        if status == "__open__":
            statuses = tuple(c for c in REQUIREMENT_STATUS_CODES if c not in ("done", "rejected"))
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
        self.filters.set_options(None, contract_options(self.ctx)["services"], None)
        self.form.reload_options()
        self.model.flt = self._filter()

    def _row_changed(self, current: Any, _previous: Any) -> None:
        rid = current.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        self.frame.detail.setCurrentWidget(self.detail)
        self.detail.show_requirement(rid)

    def new_requirement(self) -> None:
        """Ctrl+N: the empty form in the detail pane."""
        self.frame.detail.setCurrentWidget(self.form)
        self.form.start_new()

    def _saved(self, requirement_id: uuid.UUID) -> None:
        self.frame.detail.setCurrentWidget(self.detail)
        self.model.reload()
        self.frame.select_id(requirement_id)
        self.detail.show_requirement(requirement_id)
        self.ctx.bus.changed.emit(("requirement",))

    def export(self) -> None:
        """Ask for a file and export the filter period's requirements in a worker."""
        first, last = export_range(self.filters.values())
        out = ask_export_path(self, f"requirements-{first}-{last}.xlsx")
        if out is not None:
            self.transfer.export(out, first, last)
