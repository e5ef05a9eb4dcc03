"""The selected service request: assign, start work, resolve, close, follow-up, convert.

Each button is one ``app.services.servicedesk.actions`` call.  The resolution and complaint typed
in the pane survive the other buttons (a reload of the same request keeps them), so pressing
派单 after typing the resolution loses nothing.  The assignee defaults to the current engineer.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.timeutil import fmt_local
from app.core.vocab import RequestStatus, Satisfaction, choices, label_of
from app.errors import ConcurrentEditError, OpsLedgerError
from app.services.attachments import listing
from app.services.changes import Outcome
from app.services.queries.options import record_options
from app.services.queries.servicedesk import RequestView, request_view
from app.services.servicedesk import actions
from app.ui.context import AppContext
from app.ui.ops import emit_changes
from app.ui.widgets.attachment_flow import FileFlow
from app.ui.widgets.errors import FormBase
from app.ui.widgets.pickers import combo, refill, set_combo
from app.ui.widgets.record_files import RecordFiles
from app.ui.widgets.secret_guard import guard_secrets
from app.ui.widgets.text import esc


class RequestDetail(FormBase):
    """Emits ``changed(kinds)`` with the record kinds written (``("service_request",)``, plus
    ``"incident"`` after a conversion); ``last_incident_id`` is the incident a conversion opened."""

    changed = Signal(tuple)
    can_save = False  # a typed resolution is stored by 解决, a complaint by 记录回访: no draft to save

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.request_id: uuid.UUID | None = None
        self.view: RequestView | None = None
        self.last_incident_id: uuid.UUID | None = None
        self._engineer_id: uuid.UUID | None = None
        self._init_errors()
        lay = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        form = QFormLayout()
        self._build(form)
        lay.addLayout(form)
        flow = FileFlow(actions.add_request_attachments, actions.remove_request_attachments,
                        actions.write_request_attachment)
        self.files = RecordFiles(self.ctx, flow, self._fail, self)
        self.files.attach_btn.clicked.connect(lambda: self.attach_file())  # noqa: PLW0108 - clicked passes a bool
        self.files.changed.connect(self._files_changed)
        lay.addWidget(self.files)
        lay.addWidget(self.error)
        lay.addStretch(1)
        self.labels = {"assignee_id": self.tr("Assignee"), "engineer_id": self.tr("Assignee"),
                       "resolution": self.tr("Resolution"), "satisfaction": self.tr("Follow-up"),
                       "complaint_text": self.tr("Follow-up"), "severity": self.tr("Is a fault")}
        self.fields = {"assignee_id": self.assignee, "engineer_id": self.assignee, "resolution": self.resolution,
                       "satisfaction": self.satisfaction, "complaint_text": self.complaint,
                       "severity": self.convert_severity}
        self.assign_btn.clicked.connect(self.assign)
        self.respond_btn.clicked.connect(self.respond)
        self.resolve_btn.clicked.connect(self.resolve)
        self.close_btn.clicked.connect(self.close_request)
        self.followup_btn.clicked.connect(self.followup)
        self.convert_btn.clicked.connect(self.convert)
        self.resolution.returnPressed.connect(self.resolve)
        self.reload_options()
        self.show_request(None)

    def _build(self, form: QFormLayout) -> None:
        arow = QHBoxLayout()
        self.assignee = combo(self, [])
        self.assign_btn = QPushButton(self.tr("Assign"), self)
        self.respond_btn = QPushButton(self.tr("Start work"), self)
        self.respond_btn.setToolTip(self.tr("Record the response: work on the request starts now"))
        for w, stretch in ((self.assignee, 1), (self.assign_btn, 0), (self.respond_btn, 0)):
            arow.addWidget(w, stretch)
        form.addRow(self.tr("Assignee"), arow)
        rrow = QHBoxLayout()
        self.resolution = QLineEdit(self)
        self.resolve_btn = QPushButton(self.tr("Resolve"), self)
        self.close_btn = QPushButton(self.tr("Close"), self)
        self.close_btn.setToolTip(self.tr("Close (Ctrl+Shift+C)"))
        for w, stretch in ((self.resolution, 1), (self.resolve_btn, 0), (self.close_btn, 0)):
            rrow.addWidget(w, stretch)
        form.addRow(self.tr("Resolution"), rrow)
        frow = QHBoxLayout()
        self.satisfaction = combo(self, choices(Satisfaction))  # the one label table
        self.complaint = QLineEdit(self)
        self.complaint.setPlaceholderText(self.tr("Complaint (leave empty if none)"))
        self.followup_btn = QPushButton(self.tr("Record follow-up"), self)
        for w, stretch in ((self.satisfaction, 0), (self.complaint, 1), (self.followup_btn, 0)):
            frow.addWidget(w, stretch)
        form.addRow(self.tr("Follow-up"), frow)
        crow = QHBoxLayout()
        self.convert_severity = combo(self, [], self.tr("(default severity)"))
        self.convert_btn = QPushButton(self.tr("Convert to incident"), self)
        crow.addWidget(self.convert_severity)
        crow.addWidget(self.convert_btn)
        form.addRow(self.tr("Is a fault"), crow)

    def reload_options(self) -> None:
        """Refill engineers (current engineer preselected) and severities from the contract."""
        opts = record_options(self.ctx.db, self.ctx.contract_id, self.ctx.engineer)
        self._engineer_id = opts.engineer_id
        refill(self.assignee, opts.engineers)
        refill(self.convert_severity, opts.severities)
        if opts.engineer_id is not None:
            set_combo(self.assignee, opts.engineer_id)

    def is_dirty(self) -> bool:
        """Whether a resolution or complaint is typed and not stored yet (open requests)."""
        v = self.view
        if v is None:
            return False
        typed_resolution = v.status != "closed" and self.resolution.text().strip() != (v.resolution or "").strip()
        return typed_resolution or bool(self.complaint.text().strip())

    def dirty_what(self) -> str:
        """What the unsaved-text question names (the request number)."""
        return self.view.number if self.view else ""

    def save_typed(self) -> bool:
        """Nothing to store without a workflow step (see ``can_save``)."""
        return False

    def discard_typed(self) -> None:
        """Show the stored values again."""
        self.show_request(self.request_id, keep_typed=False)

    def show_request(self, request_id: uuid.UUID | None, keep_typed: bool = True) -> None:
        """Load and show ``request_id`` (``None`` → empty pane); the same request again keeps a
        typed resolution/complaint unless ``keep_typed`` is false."""
        same = keep_typed and request_id is not None and request_id == self.request_id
        typed_resolution = self.resolution.text() if same and self.view and \
            self.resolution.text() != self.view.resolution else None
        typed_complaint = self.complaint.text() if same else ""
        self._ok()
        v = request_view(self.ctx.db, request_id) if request_id is not None else None
        self.request_id, self.view = (v.id, v) if v else (None, None)
        buttons = (self.assign_btn, self.respond_btn, self.resolve_btn, self.close_btn, self.followup_btn,
                   self.convert_btn)
        for b in buttons:
            b.setEnabled(v is not None)
        self.files.show_rows(listing(self.ctx.db, "service_request", v.id) if v else [], can_attach=v is not None,
                             owner_id=v.id if v else None, record=v.number if v else "")
        if v is None:
            self.summary.setText(self.tr("Select a request, or press Ctrl+N to record a new one."))
            self.resolution.clear()
            self.complaint.clear()
            return
        conv = ("<br>" + self.tr("Converted to incident") + f" {esc(v.converted_incident_number)}"
                if v.converted_incident_id else "")
        self.summary.setText(
            f"<b>{v.number}</b> [{esc(v.category_label)}] {esc(v.title)}<br>" + self.tr("Status")
            + f": {label_of(RequestStatus, v.status)} · " + self.tr("Assignee") + f": {esc(v.assignee or '—')}<br>"
            + self.tr("Received") + f": {fmt_local(v.received_at)}"
            + (" · " + self.tr("Resolved") + f": {fmt_local(v.resolved_at)}" if v.resolved_at else "")
            + f"<br>{esc(v.requester_department)} {esc(v.requester_name)} {esc(v.requester_phone)}"
            + (f"<br>{esc(v.description)}" if v.description else "") + conv)
        if not set_combo(self.assignee, v.assignee_id) and self._engineer_id is not None:
            set_combo(self.assignee, self._engineer_id)
        self.resolution.setText(typed_resolution if typed_resolution is not None else v.resolution)
        self.complaint.setText(typed_complaint)
        closed = v.status == "closed"
        for b in (self.assign_btn, self.respond_btn, self.resolve_btn, self.close_btn):
            b.setEnabled(not closed)
        self.convert_btn.setEnabled(v.converted_incident_id is None and not closed)

    def _write(self, action: Any, *args: Any, clear: bool = False, **kwargs: Any) -> Any:
        if self.request_id is None:
            return None
        if self.view is not None:
            kwargs["version"] = self.view.version  # refused if someone saved it since (team server)
        try:
            outcome: Outcome[Any] = action(self.ctx.db, self.request_id, *args, actor=self.ctx.engineer, **kwargs)
        except ConcurrentEditError as exc:  # show what the other engineer saved, keep what was typed
            self.show_request(self.request_id, keep_typed=True)
            self._fail(exc)
            return None
        except (OpsLedgerError, ValueError) as exc:
            self._fail(exc)
            return None
        value = emit_changes(self.ctx, outcome)
        self._ok()
        self.show_request(self.request_id, keep_typed=not clear)
        self.changed.emit(tuple(sorted(outcome.changes.kinds)))
        return value if value is not None else True

    def attach_file(self, path: str | None = None) -> bool:
        """添加附件…: keep ``path`` (asked with a file dialog when ``None``) in the ledger, listed on
        the request; ``True`` when attached (refusals — empty, over 20 MB, same content — show
        inline).  A typed resolution or complaint stays."""
        if self.request_id is None:
            return False
        self._ok()
        return self.files.add_files([path] if path is not None else None)

    def _files_changed(self) -> None:
        """Files were added or removed: show them, keeping what was typed."""
        if self.request_id is None:
            return
        self._ok()
        self.show_request(self.request_id, keep_typed=True)
        self.changed.emit(("service_request",))

    def assign(self) -> bool:
        """派单 / 转派 to the picked engineer."""
        return self._write(actions.assign_request, self.assignee.currentData()) is not None

    def respond(self) -> bool:
        """Record the response (status in progress, responded now)."""
        return self._write(actions.respond_request) is not None

    def resolve(self) -> bool:
        """Resolve with the typed resolution (asked first if it looks like it holds a password)."""
        if not guard_secrets(self, self.ctx, [self.resolution]):
            return False
        return self._write(actions.resolve_request, resolution=self.resolution.text(), clear=True) is not None

    def close_request(self) -> bool:
        """Close the request."""
        return self._write(actions.close_request) is not None

    def followup(self) -> bool:
        """Record the follow-up (satisfaction; a complaint when text is typed)."""
        return self._write(actions.record_followup, satisfaction=self.satisfaction.currentData(),
                           complaint_text=self.complaint.text(), clear=True) is not None

    def convert(self) -> bool:
        """Convert to an incident (severity from the combo or the profile's default)."""
        inc_id = self._write(actions.convert_request, severity=self.convert_severity.currentData())
        if inc_id is None:
            return False
        self.last_incident_id = inc_id
        return True
