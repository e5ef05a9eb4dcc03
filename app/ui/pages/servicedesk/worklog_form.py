"""Add a manual work-log entry for the picked day: engineer (the current one by default), start
time, minutes, summary — one ``actions.add_worklog_entry`` call."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDateTimeEdit, QFormLayout, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from app.core.timeutil import local_dt, local_today
from app.errors import OpsLedgerError
from app.services.queries.options import record_options
from app.services.servicedesk import actions
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.widgets.errors import FormBase
from app.ui.widgets.pickers import combo, refill, set_combo
from app.ui.widgets.times import now_qdt


class WorkLogEntryForm(FormBase):
    """Emits ``saved()`` after the entry is stored; ``day`` is the local day it is for."""

    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day = local_today()
        self._init_errors()
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.engineer = combo(self, [])
        self.started = QDateTimeEdit(now_qdt(), self)
        self.started.setDisplayFormat("HH:mm")
        self.duration = QSpinBox(self)
        self.duration.setRange(1, 24 * 60)
        self.duration.setValue(30)
        self.duration.setSuffix(self.tr(" min"))
        self.summary = QLineEdit(self)
        self.labels = {"engineer_id": self.tr("Engineer"), "started_at": self.tr("Started at"),
                       "duration_minutes": self.tr("Duration"), "summary": self.tr("Summary")}
        self.fields = {"engineer_id": self.engineer, "started_at": self.started,
                       "duration_minutes": self.duration, "summary": self.summary}
        for key, w in self.fields.items():
            form.addRow(self.labels[key], w)
        lay.addLayout(form)
        lay.addWidget(self.error)
        self.add_btn = QPushButton(self.tr("Add entry"), self)
        lay.addWidget(self.add_btn)
        self.add_btn.clicked.connect(self.submit)
        self.summary.returnPressed.connect(self.submit)
        self.reload_options()

    def reload_options(self) -> None:
        """Refill engineers from the current contract (current engineer preselected)."""
        opts = record_options(self.ctx.db, self.ctx.contract_id, self.ctx.engineer)
        refill(self.engineer, opts.engineers)
        if opts.engineer_id is not None:
            set_combo(self.engineer, opts.engineer_id)

    def is_dirty(self) -> bool:
        """Whether a summary is typed and not added yet."""
        return bool(self.summary.text().strip())

    def dirty_what(self) -> str:
        """What the unsaved-changes question names."""
        return self.tr("The work-log entry")

    def save_typed(self) -> bool:
        """Add the entry as the button does."""
        return self.submit()

    def discard_typed(self) -> None:
        """Forget the typed summary."""
        self.summary.clear()

    def submit(self) -> bool:
        """Add the entry for ``self.day``; refusals inline, naming the field."""
        t = self.started.time()
        started = local_dt(self.day, datetime.min.time().replace(hour=t.hour(), minute=t.minute()))
        try:
            perform(self.ctx, actions.add_worklog_entry, self.ctx.contract_id, actor=self.ctx.engineer,
                    engineer_id=self.engineer.currentData(), work_date=self.day, started_at=started,
                    duration_minutes=self.duration.value(), summary=self.summary.text())
        except (OpsLedgerError, ValueError, TypeError) as exc:
            self._fail(exc)
            return False
        self._ok()
        self.summary.clear()
        self.saved.emit()
        return True
