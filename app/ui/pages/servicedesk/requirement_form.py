"""New requirement form (新建需求): one ``actions.create_requirement`` call."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import OpsLedgerError
from app.services.queries.options import record_options
from app.services.servicedesk import actions
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.widgets.errors import FormBase
from app.ui.widgets.pickers import combo, refill


class RequirementForm(FormBase):
    """Title, service, requester, description.  Emits ``saved(id)`` / ``cancelled``."""

    saved = Signal(object)
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._snapshot: dict[str, Any] = {}
        self._saving = False  # during submit: the change bus may refresh the page meanwhile
        self._init_errors()
        opts = record_options(ctx.db, ctx.contract_id, ctx.engineer)
        lay = QVBoxLayout(self)
        head = QLabel(self.tr("New requirement"), self)
        head.setStyleSheet("font-weight: bold;")
        lay.addWidget(head)
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.service = combo(self, opts.services, self.tr("(none)"))
        self.department = QLineEdit(self)
        self.requester = QLineEdit(self)
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(100)
        self.labels = {"title": self.tr("Title"), "service_id": self.tr("Service"),
                       "requester_department": self.tr("Requester department"),
                       "requester_name": self.tr("Requester name"), "description": self.tr("Description")}
        self.fields = {"title": self.title, "service_id": self.service, "requester_department": self.department,
                       "requester_name": self.requester, "description": self.description}
        for key, w in self.fields.items():
            form.addRow(self.labels[key], w)
        lay.addLayout(form)
        lay.addWidget(self.error)
        row = QHBoxLayout()
        self.cancel_btn = QPushButton(self.tr("Cancel"), self)
        self.save_btn = QPushButton(self.tr("Save"), self)
        row.addStretch(1)
        row.addWidget(self.cancel_btn)
        row.addWidget(self.save_btn)
        lay.addLayout(row)
        lay.addStretch(1)
        self.save_btn.clicked.connect(self.submit)
        self.cancel_btn.clicked.connect(self.cancelled)
        for le in (self.title, self.department, self.requester):
            le.returnPressed.connect(self.submit)

    def reload_options(self) -> None:
        """Refill services from the current contract."""
        refill(self.service, record_options(self.ctx.db, self.ctx.contract_id).services)

    def start_new(self) -> None:
        """Empty form, focus on the title."""
        for le in (self.title, self.department, self.requester):
            le.clear()
        self.description.clear()
        self._ok()
        self._snapshot = self._values()
        self.title.setFocus()

    def _values(self) -> dict[str, Any]:
        return dict(title=self.title.text(), service_id=self.service.currentData(),
                    requester_department=self.department.text(), requester_name=self.requester.text(),
                    description=self.description.toPlainText())

    def is_dirty(self) -> bool:
        """Whether anything was typed since the form was opened."""
        return bool(self._snapshot) and not self._saving and self._values() != self._snapshot

    def dirty_what(self) -> str:
        """What the unsaved-changes question names."""
        return self.tr("The new requirement")

    def save_typed(self) -> bool:
        """Save as the Save button does."""
        return self.submit()

    def discard_typed(self) -> None:
        """Forget the typed requirement."""
        self._snapshot = {}
        self.cancelled.emit()

    def submit(self) -> bool:
        """Create the requirement in one action; refusals inline, naming the field."""
        try:
            self._saving = True
            new_id = perform(self.ctx, actions.create_requirement, self.ctx.contract_id, actor=self.ctx.engineer,
                             **self._values())
        except (OpsLedgerError, ValueError, TypeError) as exc:
            self._fail(exc)
            return False
        finally:
            self._saving = False
        self._ok()
        self._snapshot = {}
        self.saved.emit(new_id)
        return True
