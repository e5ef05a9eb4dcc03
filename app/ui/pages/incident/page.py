"""故障 page: the fault log as a fetch-on-demand table with live SLA columns and a detail pane.

Keys: Ctrl+N new incident, F2 edit, Enter (in the table) moves focus into the detail pane,
Ctrl+P pause/resume (pending ↔ in progress), Ctrl+Shift+C close (Ctrl+W is left to the
window).  Writes are ``app.services.incident.actions`` run through ``app.ui.ops.perform``, which
emits ``ctx.bus.changed(("incident",))``.  SLA cells refresh every 60 s for open incidents.

Typed text is never dropped silently: picking another row, opening the edit form or leaving the
page (``confirm_leave()``, called by the main window) with unsaved text in the detail pane or
the form asks save / discard / cancel.
"""

from __future__ import annotations

import uuid
from typing import Any, cast

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.timeutil import fmt_local
from app.core.vocab import IncidentStatus, choices
from app.services.incident import actions
from app.services.queries.filters import export_days
from app.services.queries.listing import IncidentFilter
from app.services.queries.options import record_options
from app.ui.context import AppContext
from app.ui.itemmodels.record_models import IncidentTableModel
from app.ui.pages.incident.detail import IncidentDetail
from app.ui.pages.incident.form import IncidentForm
from app.ui.widgets.errors import InlineError
from app.ui.widgets.filter_bar import FilterBar
from app.ui.widgets.list_frame import ListFrame
from app.ui.widgets.record_page import RecordListPage
from app.ui.widgets.transfer import RecordTransfer, ask_export_path, ask_import_path

SLA_REFRESH_MS = 60_000


class IncidentsPage(RecordListPage):
    """The incident list (filters, sort, paging in SQL), the new/edit form and the detail pane."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._options_for = ctx.contract_id
        opts = record_options(ctx.db, ctx.contract_id, ctx.engineer)
        self.filters = FilterBar(choices(IncidentStatus), opts.severities, self.tr("All severities"), opts.services,
                                 opts.engineers, self)
        self.sla = self._sla_combo()
        self.new_btn = QPushButton(self.tr("New incident"), self)
        self.new_btn.setToolTip(self.tr("Log a new incident (Ctrl+N)"))
        self.export_btn = QPushButton(self.tr("Export…"), self)
        self.export_btn.setToolTip(self.tr("Export the fault log of the chosen period to Excel"))
        self.import_btn = QPushButton(self.tr("Import…"), self)
        self.import_btn.setToolTip(self.tr("Import incidents from an Excel fault log"))
        self.frame = ListFrame(self.filters, [self.new_btn, self.export_btn, self.import_btn], self)
        self.message = InlineError(self)
        self.status_note = QLabel(self)
        self._occurred: tuple[Any, Any] | None = None
        self.occurred_note = QLabel(self)
        self.occurred_note.setObjectName("occurredNote")
        self.occurred_note.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.occurred_note)
        lay.addWidget(self.frame, 1)
        lay.addWidget(self.message)
        lay.addWidget(self.status_note)

        self.model = IncidentTableModel(ctx.db, ctx.contract_id, self._filter(), self)
        self.frame.table.setModel(self.model)
        self.frame.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)  # occurred, newest first
        self.frame.fit_columns({0: 120, 1: 50, 2: 70, 3: 110, 4: 110, 5: 220, 6: 125, 7: 70})
        self.form = IncidentForm(ctx, self)
        self.detail = IncidentDetail(ctx, self)
        self.frame.detail.addWidget(self.detail)
        self.frame.detail.addWidget(self.form)
        self.frame.detail.setCurrentWidget(self.detail)
        self.transfer = RecordTransfer(self, ctx, self.message, self._transfer_done,
                                       actions.export_incidents, actions.import_incidents)
        self._connect()
        self.sla_timer = QTimer(self)
        self.sla_timer.setInterval(SLA_REFRESH_MS)
        self.sla_timer.timeout.connect(self.model.refresh_sla)
        self.sla_timer.start()
        self._update_count()

    def _update_count(self, *_: Any) -> None:
        """"n of N shown", or that the SLA clocks are being computed for an SLA-state filter."""
        if self.model.resolving:
            self.frame.count_label.setText(self.tr("Computing SLA clocks…"))
            return
        super()._update_count()

    def _sla_combo(self) -> QComboBox:
        """The SLA-state filter, placed in the filter bar after the severity combo: every SLA state,
        at risk (≥ 75 % of a target used, still running), breached — the overview's rule."""
        combo = QComboBox(self.filters)
        combo.setObjectName("slaFilter")
        combo.setToolTip(self.tr("Show only open incidents whose SLA clock is at risk or breached"))
        for label, code in ((self.tr("All SLA states"), None), (self.tr("SLA at risk (≥ 75 %)"), "at_risk"),
                            (self.tr("SLA breached"), "breached")):
            combo.addItem(label, code)
        lay = cast(QHBoxLayout, self.filters.layout())
        lay.insertWidget(lay.indexOf(self.filters.kind) + 1 if self.filters.kind is not None else 1, combo)
        combo.currentIndexChanged.connect(self.filters.changed)
        return combo

    def _connect(self) -> None:
        self.filters.changed.connect(self.apply_filter)
        self.filters.period.currentIndexChanged.connect(self._clear_occurred)
        self.frame.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.model.resolveFailed.connect(lambda text: self.message.show_error(RuntimeError(text)))
        self.frame.activated.connect(self.focus_detail)
        self.new_btn.clicked.connect(self.new_incident)
        self.export_btn.clicked.connect(self.export)
        self.import_btn.clicked.connect(self.import_)
        self.form.saved.connect(self._saved)
        self.form.cancelled.connect(self._cancel_form)
        self.detail.changed.connect(self._written)
        self.detail.editRequested.connect(self.edit_incident)
        self.add_shortcuts([("Ctrl+N", self.new_incident), ("F2", self.edit_selected),
                            ("Ctrl+P", self.toggle_pause), ("Ctrl+Shift+C", self.close_selected)])

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        """F2 that no child used (and no shortcut caught) edits the selected incident."""
        if event.key() == Qt.Key.Key_F2 and not event.modifiers():
            self.edit_selected()
            return
        super().keyPressEvent(event)

    # ---- unsaved text
    def editors(self) -> list[Any]:
        """The form while it is shown, and the detail pane."""
        shown = [self.form] if self.frame.detail.currentWidget() is self.form else []
        return [*shown, self.detail]

    # ---- list
    def _filter(self) -> IncidentFilter:
        v = self.filters.values()
        status = v["status"]
        start, end = self._occurred or (v["start"], v["end"])
        return IncidentFilter(
            statuses=(status,) if status and status != "__open__" else (),
            open_only=status == "__open__",
            severities=(v["kind"],) if v["kind"] else (),
            service_id=v["service_id"], engineer_id=v["engineer_id"],
            start=start, end=end, text=v["text"], sla=self.sla.currentData() or "",
        )

    def apply_filter(self, **preset: Any) -> None:
        """Re-query with the filter bar's values.  With a ``preset`` (the overview's tiles) the
        bar is first reset and set to it: ``status`` (a code or ``"__open__"``), ``severity``,
        ``sla`` (``"at_risk"``/``"breached"``: the SLA combo), ``text`` and ``occurred`` =
        ``(start, end)`` aware instants of ``occurred_at`` (shown under the list until the period
        is changed)."""
        if preset:
            bar = self.filters
            for combo, value in ((bar.status, preset.get("status")), (bar.kind, preset.get("severity")),
                                 (self.sla, preset.get("sla")),
                                 (bar.service, None), (bar.engineer, None), (bar.period, "all")):
                if combo is not None:
                    with QSignalBlocker(combo):
                        combo.setCurrentIndex(max(combo.findData(value), 0))
            with QSignalBlocker(bar.text):
                bar.text.setText(preset.get("text", ""))
            self._occurred = preset.get("occurred")
            self._show_occurred()
        self.model.set_filter(self._filter())

    def _clear_occurred(self) -> None:
        """The user chose a period: the overview's occurred range gives way to it."""
        if self._occurred is not None:
            self._occurred = None
            self._show_occurred()
            self.model.set_filter(self._filter())

    def _show_occurred(self) -> None:
        start, end = self._occurred or (None, None)
        text = self.tr("Occurred %1 – %2 (from the overview; choose a period to clear)").replace(
            "%1", fmt_local(start) if start else "…").replace("%2", fmt_local(end) if end else "…")
        self.occurred_note.setText(text if self._occurred else "")
        self.occurred_note.setVisible(self._occurred is not None)

    def _detail_id(self) -> uuid.UUID | None:
        return self.detail.incident_id

    def _show_detail(self, record_id: uuid.UUID | None) -> None:
        if record_id != self.detail.incident_id and self.detail.is_dirty():
            return  # the record left the list; its typed text stays in the pane until settled
        self.detail.show_incident(record_id)

    def _reload_options(self) -> None:
        """The contract changed: refill every contract-dependent list."""
        self._options_for = self.ctx.contract_id
        opts = record_options(self.ctx.db, self.ctx.contract_id, self.ctx.engineer)
        self.filters.set_options(opts.severities, opts.services, opts.engineers)
        self.form.reload_options()
        self.detail.reload_options()
        self.model.flt = self._filter()

    def _row_changed(self, current: Any, previous: Any) -> None:
        if self._quiet or not current.isValid():
            return  # our own re-selection, or a reload (refresh() decides what the pane shows)
        rid = current.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)
        for editor in self.editors():
            if (editor is self.form or rid != self.detail.incident_id) and not self.settle(editor):
                self._reselect(previous)
                return
        self.frame.detail.setCurrentWidget(self.detail)
        self.detail.show_incident(rid)

    def _reselect(self, previous: Any) -> None:
        """Cancel: put the selection back on the row whose pane holds the typed text."""
        if previous is None or not previous.isValid():
            return
        self._quiet = True
        try:
            self.frame.table.selectionModel().setCurrentIndex(
                previous, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._quiet = False

    # ---- actions
    def new_incident(self) -> None:
        """Open the empty form in the detail pane (Ctrl+N)."""
        if self.frame.detail.currentWidget() is self.form and not self.settle(self.form):
            return
        self.frame.detail.setCurrentWidget(self.form)
        self.form.start_new()

    def edit_incident(self, incident_id: uuid.UUID) -> None:
        """Open the form on an existing incident; typed close fields in the pane are stored first
        (the form would otherwise replace them)."""
        if self.detail.incident_id == incident_id and self.detail.status == "closed":
            self.detail.error.show_error(ValueError(self.tr("A closed incident is read-only; reopen it to change it.")))
            return
        if self.detail.incident_id == incident_id and not self.detail.save_typed():
            return
        if self.frame.detail.currentWidget() is self.form and not self.settle(self.form):
            return
        self.frame.detail.setCurrentWidget(self.form)
        self.form.start_edit(incident_id)

    def edit_selected(self) -> None:
        """F2: edit the selected incident."""
        rid = self.frame.selected_id()
        if rid is not None:
            self.edit_incident(rid)

    def focus_detail(self) -> None:
        """Enter in the table: show the selected incident and move focus into the pane."""
        rid = self.frame.selected_id()
        if rid != self.detail.incident_id and not self.settle(self.detail):
            return
        self.frame.detail.setCurrentWidget(self.detail)
        self.detail.show_incident(rid)
        self.detail.note.setFocus()

    def toggle_pause(self) -> None:
        """Ctrl+P: pending ↔ in progress for the shown incident."""
        if self.detail.incident_id is None:
            rid = self.frame.selected_id()
            if rid is None:
                return
            self.detail.show_incident(rid)
        self.frame.detail.setCurrentWidget(self.detail)
        self.detail.toggle_pause()

    def close_selected(self) -> None:
        """Ctrl+Shift+C: close with the cause/resolution typed in the pane (focus there if empty)."""
        if self.detail.incident_id is None:
            return
        self.frame.detail.setCurrentWidget(self.detail)
        if not self.detail.cause.text().strip():
            self.detail.cause.setFocus()
            return
        self.detail.close_incident()

    def _saved(self, incident_id: uuid.UUID) -> None:
        self.frame.detail.setCurrentWidget(self.detail)
        self._written(incident_id)
        self.detail.show_incident(incident_id, keep_typed=False)
        self.frame.table.setFocus()

    def _cancel_form(self) -> None:
        self.frame.detail.setCurrentWidget(self.detail)
        self.frame.table.setFocus()

    def _written(self, incident_id: uuid.UUID) -> None:
        self.model.reload()
        self._quiet = True  # the pane already shows the record
        try:
            self.frame.select_id(incident_id)
        finally:
            self._quiet = False

    # ---- export / import
    def export(self) -> None:
        """Ask for a file and export the filter period's fault log in a worker."""
        v = self.filters.values()
        first, last = export_days(v["start"], v["end"])
        out = ask_export_path(self, f"incidents-{first}-{last}.xlsx")
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
