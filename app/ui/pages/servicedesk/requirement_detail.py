"""The selected requirement and its status (one ``actions.set_requirement_status`` per change)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.timeutil import fmt_local
from app.core.vocab import RequirementStatus, choices, label_of
from app.errors import ConcurrentEditError, OpsLedgerError
from app.services.queries.servicedesk import requirement_view
from app.services.servicedesk import actions
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.widgets.errors import FormBase
from app.ui.widgets.pickers import set_combo
from app.ui.widgets.text import esc


class RequirementDetail(FormBase):
    """Summary + status combo; emits ``changed(id)`` after a write."""

    changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.requirement_id: uuid.UUID | None = None
        self.version: int | None = None
        self._init_errors()
        lay = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        row = QHBoxLayout()
        self.status = QComboBox(self)
        for code, text in choices(RequirementStatus):
            self.status.addItem(text, code)
        self.set_btn = QPushButton(self.tr("Set status"), self)
        row.addWidget(self.status, 1)
        row.addWidget(self.set_btn)
        lay.addLayout(row)
        lay.addWidget(self.error)
        lay.addStretch(1)
        self.fields = {"status": self.status}
        self.labels = {"status": self.tr("Status")}
        self.set_btn.clicked.connect(self.set_status)
        self.show_requirement(None)

    def show_requirement(self, requirement_id: uuid.UUID | None) -> None:
        """Load and show ``requirement_id`` (``None`` → empty pane)."""
        self._ok()
        v = requirement_view(self.ctx.db, requirement_id) if requirement_id is not None else None
        self.requirement_id = v.id if v else None
        self.version = v.version if v else None  # the version shown (optimistic lock)
        self.set_btn.setEnabled(v is not None)
        if v is None:
            self.summary.setText(self.tr("Select a requirement, or press Ctrl+N to record a new one."))
            return
        self.summary.setText(
            f"<b>{v.number}</b> {esc(v.title)}<br>" + self.tr("Status") + f": {label_of(RequirementStatus, v.status)}"
            + " · " + self.tr("Service") + f": {esc(v.service or '—')}<br>"
            + self.tr("Collected") + f": {fmt_local(v.collected_at)} · {esc(v.requester_department)} "
            + f"{esc(v.requester_name)}" + (f"<br>{esc(v.description)}" if v.description else ""))
        set_combo(self.status, v.status)

    def set_status(self) -> bool:
        """Store the picked status (one action)."""
        if self.requirement_id is None:
            return False
        try:
            perform(self.ctx, actions.set_requirement_status, self.requirement_id, self.status.currentData(),
                    actor=self.ctx.engineer, version=self.version)
        except ConcurrentEditError as exc:  # saved by someone else since: show theirs, say so
            self.show_requirement(self.requirement_id)
            self._fail(exc)
            return False
        except (OpsLedgerError, ValueError) as exc:
            self._fail(exc)
            return False
        self._ok()
        self.changed.emit(self.requirement_id)
        self.show_requirement(self.requirement_id)
        return True
