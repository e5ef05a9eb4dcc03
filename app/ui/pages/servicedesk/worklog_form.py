"""Add a manual work-log entry for the picked day — engineer (the current one by default), start
time, minutes, summary: one ``actions.add_worklog_entry`` call — or correct one picked in the
list (``start_edit``; ``actions.edit_worklog_entry``)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.timeutil import local_dt, local_today
from app.errors import ConcurrentEditError, OpsLedgerError
from app.services.queries.options import record_options
from app.services.servicedesk import actions
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.widgets.errors import FormBase
from app.ui.widgets.pickers import combo, refill, set_combo
from app.ui.widgets.times import now_qdt, to_qdt


class WorkLogEntryForm(FormBase):
    """Emits ``saved()`` after the entry is stored; ``day`` is the local day it is for."""

    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day = local_today()
        self.editing: uuid.UUID | None = None
        self.editing_version: int | None = None
        self._loaded: tuple[Any, ...] | None = None
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
        row = QHBoxLayout()
        self.cancel_edit_btn = QPushButton(self.tr("Cancel edit"), self)
        self.cancel_edit_btn.hide()
        self.add_btn = QPushButton(self.tr("Add entry"), self)
        row.addWidget(self.cancel_edit_btn)
        row.addWidget(self.add_btn, 1)
        lay.addLayout(row)
        self.add_btn.clicked.connect(self.submit)
        self.cancel_edit_btn.clicked.connect(self.start_new)
        self.summary.returnPressed.connect(self.submit)
        self.reload_options()

    def reload_options(self) -> None:
        """Refill engineers from the current contract (current engineer preselected)."""
        opts = record_options(self.ctx.db, self.ctx.contract_id, self.ctx.engineer)
        refill(self.engineer, opts.engineers)
        if opts.engineer_id is not None:
            set_combo(self.engineer, opts.engineer_id)

    def start_edit(self, line: Any) -> bool:
        """Fill the form from a manual work-log line (``WorkLogLine`` with ``source_kind ==
        "manual"``) to correct it; ``False`` for a derived line (inspection, incident …)."""
        if getattr(line, "source_kind", "") != "manual" or line.source_id is None:
            return False
        self.editing = line.source_id
        self.editing_version = getattr(line, "version", None)  # the version shown (optimistic lock)
        i = self.engineer.findText(line.engineer)
        if i >= 0:
            self.engineer.setCurrentIndex(i)
        self.started.setDateTime(to_qdt(line.at))
        self.duration.setValue(int(line.duration_minutes or 1))
        self.summary.setText(line.summary)
        self._loaded = self._state()
        self.add_btn.setText(self.tr("Save changes"))
        self.cancel_edit_btn.show()
        self._ok()
        self.summary.setFocus()
        return True

    def start_new(self) -> None:
        """Back to adding a new entry (an edit in progress is dropped)."""
        self.editing, self._loaded = None, None
        self.summary.clear()
        self.add_btn.setText(self.tr("Add entry"))
        self.cancel_edit_btn.hide()
        self._ok()

    def _state(self) -> tuple[Any, ...]:
        t = self.started.time()
        return (self.engineer.currentData(), t.hour(), t.minute(), self.duration.value(), self.summary.text())

    def is_dirty(self) -> bool:
        """Whether a summary is typed and not added yet, or an edit differs from the entry."""
        if self.editing is not None:
            return self._state() != self._loaded
        return bool(self.summary.text().strip())

    def dirty_what(self) -> str:
        """What the unsaved-changes question names."""
        return self.tr("The work-log entry")

    def save_typed(self) -> bool:
        """Add the entry as the button does."""
        return self.submit()

    def discard_typed(self) -> None:
        """Forget the typed summary (or the edit)."""
        self.start_new()

    def submit(self) -> bool:
        """Add the entry for ``self.day`` (or store the edit); refusals inline, naming the field."""
        t = self.started.time()
        started = local_dt(self.day, datetime.min.time().replace(hour=t.hour(), minute=t.minute()))
        values = dict(engineer_id=self.engineer.currentData(), started_at=started,
                      duration_minutes=self.duration.value(), summary=self.summary.text())
        try:
            if self.editing is not None:
                perform(self.ctx, actions.edit_worklog_entry, self.editing, actor=self.ctx.engineer,
                        version=self.editing_version, **values)
            else:
                perform(self.ctx, actions.add_worklog_entry, self.ctx.contract_id, actor=self.ctx.engineer,
                        work_date=self.day, **values)
        except ConcurrentEditError as exc:  # saved by someone else since: the day is reloaded
            self.start_new()
            self.saved.emit()
            self._fail(exc)
            return False
        except (OpsLedgerError, ValueError, TypeError) as exc:
            self._fail(exc)
            return False
        self.start_new()
        self.saved.emit()
        return True
