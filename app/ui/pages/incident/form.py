"""New / edit incident form (故障登记 / 编辑) in the detail stack of the 故障 page.

Saving is one action: ``actions.create_incident`` or ``actions.edit_incident`` (fields and the
affected services/assets in one transaction).  A new incident's severity is proposed from the
profile's rule for the ticked services (``queries.options.proposed_severity``) until the
engineer picks one.  ``is_dirty()`` says whether anything was typed since the form was filled.
"""

from __future__ import annotations

import uuid
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

from app.core.vocab import IncidentSource, choices
from app.errors import ConcurrentEditError, OpsLedgerError
from app.services.incident import actions
from app.services.queries.incident import incident_view
from app.services.queries.options import RecordOptions, proposed_severity, record_options
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.widgets.errors import FormBase
from app.ui.widgets.pickers import MultiPick, combo, refill, set_combo
from app.ui.widgets.secret_guard import guard_secrets
from app.ui.widgets.times import now_qdt, qdt_to_utc, to_qdt


class IncidentForm(FormBase):
    """Title, severity, source, reporter, services, assets, times, description (and, when
    editing, the root-cause analysis).  Enter in a line edit saves; Escape cancels.
    Emits ``saved(id)`` after the commit, ``cancelled`` on Escape/Cancel."""

    saved = Signal(object)
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editing: uuid.UUID | None = None
        self.editing_number = ""
        self.editing_version: int | None = None  # the version the form loaded (optimistic lock)
        self._severity_picked = False
        self._snapshot: dict[str, Any] = {}
        self._saving = False  # during submit: the change bus may refresh the page meanwhile
        self._init_errors()
        opts = record_options(ctx.db, ctx.contract_id, ctx.engineer)
        lay = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        lay.addWidget(self.heading)
        self._build(lay, opts)
        self._connect()

    def _build(self, lay: QVBoxLayout, opts: RecordOptions) -> None:
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.severity = combo(self, opts.severities)
        if self.severity.count():
            self.severity.setCurrentIndex(self.severity.count() - 1)
        self.source = combo(self, choices(IncidentSource))  # the one label table, in vocabulary order
        self.incident_class = combo(self, opts.incident_classes)  # 故障类别 (profile format 2)
        self.department, self.reporter, self.phone = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.services = MultiPick(opts.services, self)
        self.assets = MultiPick(opts.assets, self)
        self.occurred = QDateTimeEdit(now_qdt(), self)
        self.reported = QDateTimeEdit(now_qdt(), self)
        for w in (self.occurred, self.reported):
            w.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(80)
        self.rca = QPlainTextEdit(self)
        self.rca.setMaximumHeight(70)
        self.rca.setPlaceholderText(self.tr("Required before closing a major incident"))
        self.labels = {
            "title": self.tr("Title"), "severity": self.tr("Severity"), "source": self.tr("Source"),
            "incident_class": self.tr("Incident class"),
            "reporter_department": self.tr("Reporter department"), "reporter_name": self.tr("Reporter name"),
            "reporter_phone": self.tr("Reporter phone"), "service_ids": self.tr("Affected services"),
            "asset_ids": self.tr("Affected assets"), "occurred_at": self.tr("Occurred at"),
            "reported_at": self.tr("Reported at"), "description": self.tr("Description"),
            "root_cause_analysis": self.tr("Root-cause analysis"),
        }
        self.fields = {"title": self.title, "severity": self.severity, "source": self.source,
                       "incident_class": self.incident_class,
                       "occurred_at": self.occurred, "reported_at": self.reported,
                       "reporter_department": self.department, "reporter_name": self.reporter,
                       "reporter_phone": self.phone, "description": self.description,
                       "service_ids": self.services, "asset_ids": self.assets, "root_cause_analysis": self.rca}
        keys = ["title", "severity", "incident_class", "source"] if opts.incident_classes else ["title", "severity", "source"]
        for key in (*keys, "reporter_department", "reporter_name", "reporter_phone",
                    "service_ids", "asset_ids", "occurred_at", "reported_at", "description"):
            form.addRow(self.labels[key], self.fields[key])
        self.incident_class.setVisible(bool(opts.incident_classes))
        self.rca_label = QLabel(self.labels["root_cause_analysis"], self)
        form.addRow(self.rca_label, self.rca)
        lay.addLayout(form)
        lay.addWidget(self.error)
        row = QHBoxLayout()
        self.save_btn = QPushButton(self.tr("Save"), self)
        self.save_btn.setToolTip(self.tr("Save (Enter)"))
        self.save_btn.setDefault(True)
        self.cancel_btn = QPushButton(self.tr("Cancel"), self)
        self.cancel_btn.setToolTip(self.tr("Cancel (Esc)"))
        row.addStretch(1)
        row.addWidget(self.cancel_btn)
        row.addWidget(self.save_btn)
        lay.addLayout(row)
        lay.addStretch(1)

    def _connect(self) -> None:
        self.save_btn.clicked.connect(self.submit)
        self.cancel_btn.clicked.connect(self.cancelled)
        for le in (self.title, self.department, self.reporter, self.phone):
            le.returnPressed.connect(self.submit)
        self.severity.activated.connect(self._severity_chosen)
        self.services.itemChanged.connect(lambda _item: self._propose_severity())

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    # ---- severity proposal
    def _severity_chosen(self, _index: int) -> None:
        self._severity_picked = True

    def _propose_severity(self) -> None:
        """A new incident's severity follows the profile's rule for the ticked services until
        the engineer picks one himself."""
        if self.editing is not None or self._severity_picked:
            return
        code = proposed_severity(self.ctx.db, self.ctx.contract_id, self.services.checked())
        if code is not None:
            set_combo(self.severity, code)

    # ---- filling
    def reload_options(self) -> None:
        """Refill severities, services and assets from the current contract."""
        opts = record_options(self.ctx.db, self.ctx.contract_id, self.ctx.engineer)
        refill(self.severity, opts.severities)
        if self.severity.count():
            self.severity.setCurrentIndex(self.severity.count() - 1)
        self.services.set_items(opts.services)
        self.assets.set_items(opts.assets)

    def start_new(self) -> None:
        """Empty form for a new incident, times = now, severity proposed, focus on the title."""
        self.editing, self.editing_number = None, ""
        self.heading.setText(self.tr("New incident"))
        for le in (self.title, self.department, self.reporter, self.phone):
            le.clear()
        self.description.clear()
        self.rca.clear()
        self.services.set_checked([])
        self.assets.set_items(record_options(self.ctx.db, self.ctx.contract_id).assets)  # assets registered since
        self.occurred.setDateTime(now_qdt())
        self.reported.setDateTime(now_qdt())
        self._severity_picked = False
        self._propose_severity()
        if self.incident_class.count():
            self.incident_class.setCurrentIndex(0)  # the profile's first class (运行故障)
        for w in (self.rca_label, self.rca):
            w.setVisible(False)
        self._ok()
        self._snapshot = self._values()
        self.title.setFocus()

    def start_edit(self, incident_id: uuid.UUID) -> bool:
        """Fill the form from a stored incident for editing; ``False`` if it is gone."""
        v = incident_view(self.ctx.db, incident_id)
        if v is None:
            return False
        self.editing, self.editing_number, self.editing_version = v.id, v.number, v.version
        self.heading.setText(self.tr("Edit %1").replace("%1", v.number))
        self.title.setText(v.title)
        set_combo(self.severity, v.severity)
        set_combo(self.source, v.source)
        set_combo(self.incident_class, v.incident_class)
        self.department.setText(v.reporter_department)
        self.reporter.setText(v.reporter_name)
        self.phone.setText(v.reporter_phone)
        self.description.setPlainText(v.description)
        self.rca.setPlainText(v.root_cause_analysis)
        self.services.set_checked(v.service_ids)
        self.assets.set_items(record_options(self.ctx.db, self.ctx.contract_id).assets)
        self.assets.set_checked(v.asset_ids)
        self.occurred.setDateTime(to_qdt(v.occurred_at))
        self.reported.setDateTime(to_qdt(v.reported_at))
        for w in (self.rca_label, self.rca):
            w.setVisible(True)
        self._ok()
        self._snapshot = self._values()
        self.title.setFocus()
        return True

    # ---- dirty state
    def _values(self) -> dict[str, Any]:
        vals = dict(
            title=self.title.text(), severity=self.severity.currentData(), source=self.source.currentData(),
            description=self.description.toPlainText(), reporter_department=self.department.text(),
            reporter_name=self.reporter.text(), reporter_phone=self.phone.text(),
            occurred_at=qdt_to_utc(self.occurred.dateTime()), reported_at=qdt_to_utc(self.reported.dateTime()),
            root_cause_analysis=self.rca.toPlainText(), service_ids=self.services.checked(),
            asset_ids=self.assets.checked())
        if self.incident_class.count():  # the profile defines classes (format 2)
            vals["incident_class"] = self.incident_class.currentData()
        return vals

    def is_dirty(self) -> bool:
        """Whether anything differs from what the form was filled with."""
        return bool(self._snapshot) and not self._saving and self._values() != self._snapshot

    def dirty_what(self) -> str:
        """What the unsaved-changes question names."""
        return self.editing_number or self.tr("The new incident")

    def save_typed(self) -> bool:
        """Save (as the Save button does); ``True`` when stored."""
        return self.submit()

    def discard_typed(self) -> None:
        """Forget the typed text (the next fill starts afresh)."""
        self._snapshot = {}
        self.cancelled.emit()

    # ---- saving
    def submit(self) -> bool:
        """Create or update in one action; a refusal is shown inline naming the field."""
        if not guard_secrets(self, self.ctx, [self.description, self.rca], system=self.title.text()):
            return False
        values = self._values()
        service_ids, asset_ids = values.pop("service_ids"), values.pop("asset_ids")
        try:
            self._saving = True
            if self.editing is None:
                values.pop("root_cause_analysis")
                new_id = perform(self.ctx, actions.create_incident, self.ctx.contract_id, actor=self.ctx.engineer,
                                 service_ids=service_ids, asset_ids=asset_ids, **values)
            else:
                new_id = perform(self.ctx, actions.edit_incident, self.editing, actor=self.ctx.engineer,
                                 fields=values, service_ids=service_ids, asset_ids=asset_ids,
                                 version=self.editing_version)
        except ConcurrentEditError as exc:  # saved by someone else since: show theirs, say so
            self._saving = False
            if self.editing is not None:
                self.start_edit(self.editing)
            self._fail(exc)
            return False
        except (OpsLedgerError, ValueError) as exc:
            self._fail(exc)
            return False
        finally:
            self._saving = False
        self._ok()
        self._snapshot = {}
        self.saved.emit(new_id)
        return True
