"""New service request form (新建工单): one ``actions.create_request`` call.

The assignee defaults to the current engineer (who usually takes the call); choosing
“(unassigned)” leaves the request new for dispatch.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.vocab import Channel, choices
from app.errors import OpsLedgerError
from app.services.queries.options import record_options
from app.services.servicedesk import actions
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.widgets.errors import FormBase
from app.ui.widgets.pickers import combo, refill, set_combo
from app.ui.widgets.secret_guard import guard_secrets
from app.ui.widgets.times import now_qdt, qdt_to_utc


class RequestForm(FormBase):
    """Title, channel, category, requester, service, assignee, received.  Emits ``saved(id)``."""

    saved = Signal(object)
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._init_errors()
        self._snapshot: dict[str, Any] = {}
        self._saving = False  # during submit: the change bus may refresh the page meanwhile
        opts = record_options(ctx.db, ctx.contract_id, ctx.engineer)
        self._engineer_id = opts.engineer_id
        lay = QVBoxLayout(self)
        head = QLabel(self.tr("New service request"), self)
        head.setStyleSheet("font-weight: bold;")
        lay.addWidget(head)
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.channel = combo(self, choices(Channel))  # the one label table, in vocabulary order
        self.category = combo(self, opts.categories)
        self.department, self.requester, self.phone = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.service = combo(self, opts.services, self.tr("(none)"))
        self.assignee = combo(self, opts.engineers, self.tr("(unassigned)"))
        self.received = QDateTimeEdit(now_qdt(), self)
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(80)
        self.labels = {"title": self.tr("Title"), "channel": self.tr("Channel"), "category": self.tr("Category"),
                       "requester_department": self.tr("Requester department"),
                       "requester_name": self.tr("Requester name"), "requester_phone": self.tr("Requester phone"),
                       "service_id": self.tr("Service"), "assignee_id": self.tr("Assignee"),
                       "received_at": self.tr("Received at"), "description": self.tr("Description")}
        self.fields = {"title": self.title, "channel": self.channel, "category": self.category,
                       "requester_department": self.department, "requester_name": self.requester,
                       "requester_phone": self.phone, "service_id": self.service, "assignee_id": self.assignee,
                       "received_at": self.received, "description": self.description}
        for key, w in self.fields.items():
            form.addRow(self.labels[key], w)
        lay.addLayout(form)
        lay.addWidget(self.error)
        row = QHBoxLayout()
        self.cancel_btn = QPushButton(self.tr("Cancel"), self)
        self.save_btn = QPushButton(self.tr("Save"), self)
        self.save_btn.setToolTip(self.tr("Save (Enter)"))
        row.addStretch(1)
        row.addWidget(self.cancel_btn)
        row.addWidget(self.save_btn)
        lay.addLayout(row)
        lay.addStretch(1)
        self.save_btn.clicked.connect(self.submit)
        self.cancel_btn.clicked.connect(self.cancelled)
        for le in (self.title, self.department, self.requester, self.phone):
            le.returnPressed.connect(self.submit)
        self._default_assignee()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def _default_assignee(self) -> None:
        if self._engineer_id is not None:
            set_combo(self.assignee, self._engineer_id)

    def reload_options(self) -> None:
        """Refill categories, services and engineers from the current contract."""
        opts = record_options(self.ctx.db, self.ctx.contract_id, self.ctx.engineer)
        self._engineer_id = opts.engineer_id
        refill(self.category, opts.categories)
        refill(self.service, opts.services)
        refill(self.assignee, opts.engineers)
        self._default_assignee()

    def start_new(self) -> None:
        """Empty form, received = now, assignee = current engineer, focus on the title."""
        for le in (self.title, self.department, self.requester, self.phone):
            le.clear()
        self.description.clear()
        self.received.setDateTime(now_qdt())
        self._default_assignee()
        self._ok()
        self._snapshot = self._values()
        self.title.setFocus()

    def _values(self) -> dict[str, Any]:
        return dict(title=self.title.text(), channel=self.channel.currentData(),
                    category=self.category.currentData(), received_at=qdt_to_utc(self.received.dateTime()),
                    description=self.description.toPlainText(), requester_department=self.department.text(),
                    requester_name=self.requester.text(), requester_phone=self.phone.text(),
                    service_id=self.service.currentData(), assignee_id=self.assignee.currentData())

    def is_dirty(self) -> bool:
        """Whether anything was typed since the form was opened."""
        return bool(self._snapshot) and not self._saving and self._values() != self._snapshot

    def dirty_what(self) -> str:
        """What the unsaved-changes question names."""
        return self.tr("The new service request")

    def save_typed(self) -> bool:
        """Save as the Save button does."""
        return self.submit()

    def discard_typed(self) -> None:
        """Forget the typed request."""
        self._snapshot = {}
        self.cancelled.emit()

    def submit(self) -> bool:
        """Create the request in one action; refusals inline, naming the field."""
        if not guard_secrets(self, self.ctx, [self.description], system=self.title.text()):
            return False
        try:
            self._saving = True
            new_id = perform(self.ctx, actions.create_request, self.ctx.contract_id, actor=self.ctx.engineer,
                             **self._values())
        except (OpsLedgerError, ValueError) as exc:
            self._fail(exc)
            return False
        finally:
            self._saving = False
        self._ok()
        self._snapshot = {}
        self.saved.emit(new_id)
        return True
