"""Shared widgets of the record pages: filter bar, inline error label, the list frame (table +
detail pane in a splitter), the incident / request / requirement / work-log forms and detail
panes, and the export/import runners.

Every write is one ``with ctx.db.session() as s:`` around one service call; a
``ValidationError`` is shown in red under the form naming the field (and the field is marked),
nothing is half-saved and nothing crashes.  After a write the page emits ``ctx.bus.changed``.
Service modules written in parallel (``sla``, ``service_requests``, ``worklog``,
``record_export``, ``record_import``) are imported when used, so a missing one shows a plain
message instead of breaking the page.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import ImportRejected, OpsLedgerError, ValidationError
from app.store.models import Asset, Contract, Engineer, Service
from app.services.transfer import record_export
from app.services.transfer import record_import
from app.services.servicedesk import requirements
from app.services.servicedesk import requests as service_requests
from app.services.servicedesk import worklog
from app.core.timeutil import LOCAL_TZ, UTC, fmt_local, local_dt, local_today
from app.ui.context import AppContext
from app.ui.tasks import run_task

ERROR_STYLE = "color: #c62828;"
FIELD_ERROR_STYLE = "border: 1px solid #c62828;"


def contract_options(ctx: AppContext) -> dict[str, Any]:
    """Severities, request categories, services, assets and engineers of the current contract as
    ``(code_or_id, label)`` lists."""
    out: dict[str, Any] = {"severities": [], "categories": [], "services": [], "assets": [], "engineers": []}
    if ctx.contract_id is None:
        return out
    with ctx.db.session() as s:
        c = s.get(Contract, ctx.contract_id)
        if c is None:
            return out
        out["severities"] = [(x["code"], f"{x['code']} {x.get('name', '')}".strip())
                             for x in c.profile.get("severities", [])]
        out["categories"] = [(x["code"], x.get("name", x["code"])) for x in c.profile.get("request_categories", [])]
        out["services"] = [(x.id, x.name) for x in s.query(Service).filter(
            Service.contract_id == c.id).order_by(Service.code)]
        out["assets"] = [(x.id, f"{x.code} {x.name}") for x in s.query(Asset).filter(
            Asset.contract_id == c.id).order_by(Asset.code)]
        out["engineers"] = [(x.id, x.name) for x in s.query(Engineer).filter(
            Engineer.contract_id == c.id, Engineer.active.is_(True)).order_by(Engineer.name)]
    return out


def qdt_to_utc(qdt: QDateTime) -> datetime:
    """A ``QDateTimeEdit`` value (local wall clock) as an aware UTC instant."""
    d, t = qdt.date(), qdt.time()
    naive = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
    return naive.replace(tzinfo=LOCAL_TZ).astimezone(UTC)


def now_qdt() -> QDateTime:
    """Local now as a ``QDateTime`` (minute precision)."""
    n = datetime.now(LOCAL_TZ)
    return QDateTime(QDate(n.year, n.month, n.day), n.time().replace(second=0, microsecond=0))


def period_bounds(code: str, today: date | None = None) -> tuple[datetime | None, datetime | None]:
    """``[start, end)`` UTC instants of a period code: ``all``, ``today``, ``7d``, ``30d``,
    ``month`` (this calendar month), ``year``; local days."""
    today = today or local_today()
    midnight = datetime.min.time()
    end = local_dt(today + timedelta(days=1), midnight)
    if code == "today":
        return local_dt(today, midnight), end
    if code == "7d":
        return local_dt(today - timedelta(days=6), midnight), end
    if code == "30d":
        return local_dt(today - timedelta(days=29), midnight), end
    if code == "month":
        return local_dt(today.replace(day=1), midnight), end
    if code == "year":
        return local_dt(today.replace(month=1, day=1), midnight), end
    return None, None


class InlineError(QLabel):
    """Red text under a form; hidden while empty.  ``show_error(exc)`` names the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_error(self, exc: BaseException) -> None:
        """Show ``exc``; a ``ValidationError`` as its sentence (naming the field by its label);
        ``ImportRejected`` lists rows ("第 5 行“发生时间”：…")."""
        if isinstance(exc, ValidationError):
            text = str(exc)
        elif isinstance(exc, ImportRejected):
            lines = [str(p) for p in exc.problems[:50]]
            if len(exc.problems) > 50:
                lines.append(self.tr("… and %1 more").replace("%1", str(len(exc.problems) - 50)))
            text = "\n".join([str(exc.source), *lines])
        else:
            text = str(exc) or type(exc).__name__
        self.setText(text)
        self.show()

    def clear_error(self) -> None:
        """Hide the label."""
        self.setText("")
        self.hide()


class FormBase(QWidget):
    """A form with an inline error label and field→widget map for marking the failing field."""

    def _init_errors(self) -> None:
        self.error = InlineError(self)
        self.fields: dict[str, QWidget] = {}

    def _fail(self, exc: BaseException) -> None:
        for w in self.fields.values():
            w.setStyleSheet("")
        if isinstance(exc, ValidationError) and exc.field in self.fields:
            self.fields[exc.field].setStyleSheet(FIELD_ERROR_STYLE)
            self.fields[exc.field].setFocus()
        self.error.show_error(exc)

    def _ok(self) -> None:
        for w in self.fields.values():
            w.setStyleSheet("")
        self.error.clear_error()


class FilterBar(QWidget):
    """Status / severity-or-category / service / engineer / period / free-text filters.

    Emits ``changed`` (text edits debounced 250 ms).  ``values()`` returns a dict with keys
    ``status``, ``kind`` (severity or category code), ``service_id``, ``engineer_id``, ``start``,
    ``end``, ``text`` (``None``/``""`` = no filter).
    """

    changed = Signal()

    def __init__(self, statuses: list[tuple[str, str]], kinds: list[tuple[str, str]] | None,
                 kind_label: str, services: list[tuple[Any, str]] | None,
                 engineers: list[tuple[Any, str]] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.status = self._combo(self.tr("All statuses"), statuses)
        self.status.insertItem(1, self.tr("Open"), "__open__")
        lay.addWidget(self.status)
        self.kind = self._combo(kind_label, kinds or []) if kinds is not None else None
        if self.kind is not None:
            lay.addWidget(self.kind)
        self.service = self._combo(self.tr("All services"), services or []) if services is not None else None
        if self.service is not None:
            lay.addWidget(self.service)
        self.engineer = self._combo(self.tr("All engineers"), engineers or []) if engineers is not None else None
        if self.engineer is not None:
            lay.addWidget(self.engineer)
        self.period = QComboBox(self)
        for code, label in (("all", self.tr("All time")), ("today", self.tr("Today")),
                            ("7d", self.tr("Last 7 days")), ("30d", self.tr("Last 30 days")),
                            ("month", self.tr("This month")), ("year", self.tr("This year"))):
            self.period.addItem(label, code)
        self.period.currentIndexChanged.connect(self.changed)
        lay.addWidget(self.period)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Search number, title, description, person…"))
        self.text.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.changed)
        self.text.textChanged.connect(self._debounce.start)
        self.text.returnPressed.connect(self._fire_now)
        lay.addWidget(self.text, 1)

    def _fire_now(self) -> None:
        self._debounce.stop()
        self.changed.emit()

    def _combo(self, all_label: str, items: list[tuple[Any, str]]) -> QComboBox:
        cb = QComboBox(self)
        cb.addItem(all_label, None)
        for code, label in items:
            cb.addItem(label, code)
        cb.currentIndexChanged.connect(self.changed)
        return cb

    def set_options(self, kinds: list[tuple[str, str]] | None, services: list[tuple[Any, str]] | None,
                    engineers: list[tuple[Any, str]] | None) -> None:
        """Refill the contract-dependent combos (after the contract changed); no ``changed``."""
        refill(self.kind, kinds or [])
        refill(self.service, services or [])
        refill(self.engineer, engineers or [])

    def values(self) -> dict[str, Any]:
        """The current filter values (see class doc)."""
        start, end = period_bounds(self.period.currentData() or "all")
        return {
            "status": self.status.currentData(),
            "kind": self.kind.currentData() if self.kind is not None else None,
            "service_id": self.service.currentData() if self.service is not None else None,
            "engineer_id": self.engineer.currentData() if self.engineer is not None else None,
            "start": start, "end": end, "text": self.text.text().strip(),
        }


class ListFrame(QWidget):
    """Toolbar buttons + filter bar + (table | detail stack) splitter + count label."""

    activated = Signal()

    def __init__(self, filter_bar: FilterBar | QWidget, buttons: list[QPushButton],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        for b in buttons:
            bar.addWidget(b)
        bar.addStretch(1)
        self.count_label = QLabel(self)
        bar.addWidget(self.count_label)
        lay.addLayout(bar)
        lay.addWidget(filter_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = QTableView(self.splitter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda _i: self.activated.emit())
        self.detail = QStackedWidget(self.splitter)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        lay.addWidget(self.splitter, 1)

    def fit_columns(self, widths: dict[int, int]) -> None:
        """Initial column widths in pixels (the user may resize), and a table-first split."""
        for col, px in widths.items():
            self.table.setColumnWidth(col, px)
        self.splitter.setSizes([620, 480])

    def selected_id(self) -> uuid.UUID | None:
        """The id (``UserRole``) of the selected row, or ``None``."""
        idx = self.table.selectionModel().currentIndex() if self.table.selectionModel() else None
        if idx is None or not idx.isValid():
            rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
            if not rows:
                return None
            idx = rows[0]
        return self.table.model().index(idx.row(), 0).data(Qt.ItemDataRole.UserRole)

    def select_id(self, record_id: uuid.UUID) -> None:
        """Select the row of ``record_id`` if fetched."""
        model = self.table.model()
        r = model.row_of(record_id) if hasattr(model, "row_of") else -1
        if r >= 0:
            self.table.selectRow(r)


def _combo(parent: QWidget, items: list[tuple[Any, str]], none_label: str | None = None) -> QComboBox:
    cb = QComboBox(parent)
    if none_label is not None:
        cb.addItem(none_label, None)
    for code, label in items:
        cb.addItem(label, code)
    return cb


def refill(cb: QComboBox | None, items: list[tuple[Any, str]]) -> None:
    """Replace the items of ``cb`` with ``items``, keeping a leading “all/none” entry (data None)."""
    if cb is None:
        return
    keep = 1 if cb.count() and cb.itemData(0) is None else 0
    cb.blockSignals(True)
    while cb.count() > keep:
        cb.removeItem(cb.count() - 1)
    for code, label in items:
        cb.addItem(label, code)
    cb.setCurrentIndex(0)
    cb.blockSignals(False)


def find_data(cb: QComboBox, value: Any) -> int:
    """Index of the item whose data equals ``value`` (``QComboBox.findData`` compares Python
    objects such as ``uuid.UUID`` by identity, so ids loaded in another session are not found)."""
    for i in range(cb.count()):
        if cb.itemData(i) == value:
            return i
    return -1


def _set_combo(cb: QComboBox, value: Any) -> None:
    i = find_data(cb, value)
    if i >= 0:
        cb.setCurrentIndex(i)


class MultiPick(QListWidget):
    """A checkable list of ``(id, label)``; ``checked()`` returns the ids."""

    def __init__(self, items: list[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for value, label in items:
            it = QListWidgetItem(label, self)
            it.setData(Qt.ItemDataRole.UserRole, value)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
        self.setMaximumHeight(90)

    def set_items(self, items: list[tuple[Any, str]]) -> None:
        """Replace the list (all unchecked)."""
        self.clear()
        for value, label in items:
            it = QListWidgetItem(label, self)
            it.setData(Qt.ItemDataRole.UserRole, value)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)

    def checked(self) -> list[Any]:
        """The checked values."""
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, values: list[Any]) -> None:
        """Check exactly ``values``."""
        for i in range(self.count()):
            it = self.item(i)
            it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in values
                             else Qt.CheckState.Unchecked)


# --------------------------------------------------------------------------- incidents


SOURCE_CODES = ("phone", "instant_message", "walk_in", "monitoring", "fax", "inspection", "request")
CAUSE_CODES = ("hardware", "software", "network", "power_environment", "user_operation", "third_party", "unknown")


class IncidentForm(FormBase):
    """New / edit incident: title, severity, source, reporter, services, assets, times.

    Enter in a line edit saves; Escape cancels.  Emits ``saved(id)`` after the commit.
    """

    saved = Signal(object)
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editing: uuid.UUID | None = None
        self._init_errors()
        opts = contract_options(ctx)
        lay = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        lay.addWidget(self.heading)
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.severity = _combo(self, opts["severities"])
        if self.severity.count():
            self.severity.setCurrentIndex(self.severity.count() - 1)
        labels = {"phone": self.tr("Phone"), "instant_message": self.tr("Instant message"),
                  "walk_in": self.tr("Walk-in"), "monitoring": self.tr("Monitoring"), "fax": self.tr("Fax"),
                  "inspection": self.tr("Inspection"), "request": self.tr("Service request")}
        self.source = _combo(self, [(c, labels[c]) for c in SOURCE_CODES])
        self.department = QLineEdit(self)
        self.reporter = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.services = MultiPick(opts["services"], self)
        self.assets = MultiPick(opts["assets"], self)
        self.occurred = QDateTimeEdit(now_qdt(), self)
        self.occurred.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.reported = QDateTimeEdit(now_qdt(), self)
        self.reported.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(80)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Severity"), self.severity)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Reporter department"), self.department)
        form.addRow(self.tr("Reporter name"), self.reporter)
        form.addRow(self.tr("Reporter phone"), self.phone)
        form.addRow(self.tr("Affected services"), self.services)
        form.addRow(self.tr("Affected assets"), self.assets)
        form.addRow(self.tr("Occurred at"), self.occurred)
        form.addRow(self.tr("Reported at"), self.reported)
        form.addRow(self.tr("Description"), self.description)
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
        self.save_btn.clicked.connect(self.submit)
        self.cancel_btn.clicked.connect(self.cancelled)
        for le in (self.title, self.department, self.reporter, self.phone):
            le.returnPressed.connect(self.submit)
        self.fields = {"title": self.title, "severity": self.severity, "source": self.source,
                       "occurred_at": self.occurred, "reported_at": self.reported,
                       "reporter_department": self.department, "reporter_name": self.reporter,
                       "reporter_phone": self.phone, "description": self.description,
                       "service_ids": self.services, "asset_ids": self.assets}

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def reload_options(self) -> None:
        """Refill severities, services and assets from the current contract."""
        opts = contract_options(self.ctx)
        refill(self.severity, opts["severities"])
        if self.severity.count():
            self.severity.setCurrentIndex(self.severity.count() - 1)
        self.services.set_items(opts["services"])
        self.assets.set_items(opts["assets"])

    def start_new(self) -> None:
        """Empty form for a new incident, times = now, focus on the title."""
        self.editing = None
        self.heading.setText(self.tr("New incident"))
        for le in (self.title, self.department, self.reporter, self.phone):
            le.clear()
        self.description.clear()
        self.services.set_checked([])
        self.assets.set_checked([])
        self.occurred.setDateTime(now_qdt())
        self.reported.setDateTime(now_qdt())
        self._ok()
        self.title.setFocus()

    def start_edit(self, incident_id: uuid.UUID) -> None:
        """Fill the form from a stored incident for editing."""
        from app.store.models import Incident, IncidentAsset, IncidentService

        with self.ctx.db.session() as s:
            inc = s.get(Incident, incident_id)
            if inc is None:
                return
            self.editing = inc.id
            self.heading.setText(self.tr("Edit %1").replace("%1", inc.number))
            self.title.setText(inc.title)
            _set_combo(self.severity, inc.severity)
            _set_combo(self.source, inc.source)
            self.department.setText(inc.reporter_department)
            self.reporter.setText(inc.reporter_name)
            self.phone.setText(inc.reporter_phone)
            self.description.setPlainText(inc.description)
            self.services.set_checked([x.service_id for x in s.query(IncidentService).filter_by(incident_id=inc.id)])
            self.assets.set_checked([x.asset_id for x in s.query(IncidentAsset).filter_by(incident_id=inc.id)])
            for w, v in ((self.occurred, inc.occurred_at), (self.reported, inc.reported_at)):
                loc = v.astimezone(LOCAL_TZ)
                w.setDateTime(QDateTime(QDate(loc.year, loc.month, loc.day), loc.time().replace(second=0,
                                                                                                microsecond=0)))
        self._ok()
        self.title.setFocus()

    def submit(self) -> None:
        """Create or update in one transaction; show a ``ValidationError`` inline."""
        from app.services.incident import workflow as incidents

        fields = dict(title=self.title.text(), severity=self.severity.currentData(),
                      source=self.source.currentData(), description=self.description.toPlainText(),
                      reporter_department=self.department.text(), reporter_name=self.reporter.text(),
                      reporter_phone=self.phone.text(), occurred_at=qdt_to_utc(self.occurred.dateTime()),
                      reported_at=qdt_to_utc(self.reported.dateTime()))
        try:
            with self.ctx.db.session() as s:
                if self.editing is None:
                    contract = s.get(Contract, self.ctx.contract_id)
                    inc = incidents.create_incident(s, contract, actor=self.ctx.engineer,
                                                    service_ids=self.services.checked(),
                                                    asset_ids=self.assets.checked(), **fields)
                    new_id = inc.id
                else:
                    incidents.update_incident(s, self.editing, actor=self.ctx.engineer, **fields)
                    incidents.set_affected(s, self.editing, service_ids=self.services.checked(),
                                           asset_ids=self.assets.checked(), actor=self.ctx.engineer)
                    new_id = self.editing
        except (OpsLedgerError, ValueError) as exc:
            self._fail(exc)
            return
        self._ok()
        self.saved.emit(new_id)


class IncidentDetail(FormBase):
    """The selected incident: summary, transition buttons, close fields, history and the SLA
    “how computed” explanation.  Emits ``changed(id)`` after a write, ``editRequested(id)``."""

    changed = Signal(object)
    editRequested = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 sla_fn: Callable[..., Any] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.incident_id: uuid.UUID | None = None
        self.status = ""
        self._sla_fn = sla_fn
        self._init_errors()
        opts = contract_options(ctx)
        lay = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.summary)
        btns = QHBoxLayout()
        self.assignee = _combo(self, opts["engineers"])
        self.assign_btn = QPushButton(self.tr("Assign"), self)
        self.start_btn = QPushButton(self.tr("Start"), self)
        self.pause_btn = QPushButton(self.tr("Pending"), self)
        self.pause_btn.setToolTip(self.tr("Pause / resume the SLA clock (Ctrl+P)"))
        self.restore_btn = QPushButton(self.tr("Mark restored"), self)
        self.edit_btn = QPushButton(self.tr("Edit"), self)
        self.edit_btn.setToolTip(self.tr("Edit (F2)"))
        for w in (self.assignee, self.assign_btn, self.start_btn, self.pause_btn, self.restore_btn, self.edit_btn):
            btns.addWidget(w)
        lay.addLayout(btns)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Note for the status change"))
        lay.addWidget(self.note)
        close_form = QFormLayout()
        labels = {"hardware": self.tr("Hardware"), "software": self.tr("Software"), "network": self.tr("Network"),
                  "power_environment": self.tr("Power / environment"), "user_operation": self.tr("User operation"),
                  "third_party": self.tr("Third party"), "unknown": self.tr("Unknown")}
        self.cause_category = _combo(self, [(c, labels[c]) for c in CAUSE_CODES])
        self.cause = QLineEdit(self)
        self.resolution = QLineEdit(self)
        close_form.addRow(self.tr("Cause category"), self.cause_category)
        close_form.addRow(self.tr("Cause"), self.cause)
        close_form.addRow(self.tr("Resolution"), self.resolution)
        lay.addLayout(close_form)
        crow = QHBoxLayout()
        self.close_btn = QPushButton(self.tr("Close incident"), self)
        self.close_btn.setToolTip(self.tr("Close with cause and resolution (Ctrl+Shift+C)"))
        self.reopen_reason = QLineEdit(self)
        self.reopen_reason.setPlaceholderText(self.tr("Reason to reopen"))
        self.reopen_btn = QPushButton(self.tr("Reopen"), self)
        crow.addWidget(self.close_btn)
        crow.addWidget(self.reopen_reason, 1)
        crow.addWidget(self.reopen_btn)
        lay.addLayout(crow)
        arow = QHBoxLayout()
        self.attachments = QListWidget(self)
        self.attachments.setMaximumHeight(64)
        self.attachments.setToolTip(self.tr("Attachments: double-click opens a copy of the stored file"))
        self.attach_btn = QPushButton(self.tr("Attach file…"), self)
        self.attach_btn.setToolTip(self.tr("Copy a file (screenshot, log, vendor report) into OpsLedger's data folder"))
        arow.addWidget(self.attachments, 1)
        arow.addWidget(self.attach_btn)
        lay.addLayout(arow)
        lay.addWidget(self.error)
        self.history = QTextBrowser(self)
        lay.addWidget(self.history, 1)
        self.fields = {"assignee_id": self.assignee, "cause_category": self.cause_category, "cause": self.cause,
                       "resolution": self.resolution, "reason": self.reopen_reason, "note": self.note}
        self.assign_btn.clicked.connect(self.assign)
        self.start_btn.clicked.connect(lambda: self.transition("in_progress"))
        self.pause_btn.clicked.connect(self.toggle_pause)
        self.restore_btn.clicked.connect(lambda: self.transition("restored"))
        self.close_btn.clicked.connect(self.close_incident)
        self.reopen_btn.clicked.connect(self.reopen)
        self.edit_btn.clicked.connect(lambda: self.incident_id and self.editRequested.emit(self.incident_id))
        self.resolution.returnPressed.connect(self.close_incident)
        self.reopen_reason.returnPressed.connect(self.reopen)
        self.attach_btn.clicked.connect(lambda: self.attach_file())
        self.attachments.itemDoubleClicked.connect(self.open_attachment)
        self.show_incident(None)

    def reload_options(self) -> None:
        """Refill the engineer list from the current contract."""
        refill(self.assignee, contract_options(self.ctx)["engineers"])

    # ---- display
    def show_incident(self, incident_id: uuid.UUID | None) -> None:
        """Load and show ``incident_id`` (``None`` → empty pane)."""
        from app.store.models import Incident

        self.incident_id = incident_id
        self._ok()
        enabled = incident_id is not None
        for w in (self.assign_btn, self.start_btn, self.pause_btn, self.restore_btn, self.close_btn,
                  self.reopen_btn, self.edit_btn, self.attach_btn):
            w.setEnabled(enabled)
        self.attachments.clear()
        if incident_id is None:
            self.summary.setText(self.tr("Select an incident, or press Ctrl+N to log a new one."))
            self.history.clear()
            return
        with self.ctx.db.session() as s:
            inc = s.get(Incident, incident_id)
            if inc is None:
                self.show_incident(None)
                return
            self.status = inc.status
            eng = s.get(Engineer, inc.assignee_id) if inc.assignee_id else None
            self.summary.setText(
                f"<b>{inc.number}</b> [{inc.severity}] {_esc(inc.title)}<br>"
                + self.tr("Status") + f": {_status(self, inc.status)} · " + self.tr("Assignee")
                + f": {_esc(eng.name if eng else '—')}<br>" + self.tr("Occurred") + f": {fmt_local(inc.occurred_at)} · "
                + self.tr("Reported") + f": {fmt_local(inc.reported_at)}"
                + (" · " + self.tr("Restored") + f": {fmt_local(inc.restored_at)}" if inc.restored_at else "")
                + (" · " + self.tr("Closed") + f": {fmt_local(inc.closed_at)}" if inc.closed_at else "")
                + (f"<br>{_esc(inc.reporter_department)} {_esc(inc.reporter_name)} {_esc(inc.reporter_phone)}")
                + (f"<br>{_esc(inc.description)}" if inc.description else "")
            )
            if inc.assignee_id:
                _set_combo(self.assignee, inc.assignee_id)
            _set_combo(self.cause_category, inc.cause_category or "unknown")
            self.cause.setText(inc.cause)
            self.resolution.setText(inc.resolution)
            self.pause_btn.setText(self.tr("Resume") if inc.status == "pending" else self.tr("Pending"))
            closed = inc.status == "closed"
            for w in (self.assign_btn, self.start_btn, self.pause_btn, self.restore_btn, self.close_btn,
                      self.attach_btn):
                w.setEnabled(not closed)
            self.reopen_btn.setEnabled(closed)
            self._fill_attachments(s, inc.id)
            self.history.setHtml(self._history_html(s, inc))

    def _fill_attachments(self, s: Any, incident_id: uuid.UUID) -> None:
        from app.services.incident.attachments import attachment_path, attachments_of

        for att in attachments_of(s, "incident", incident_id):
            item = QListWidgetItem(f"{att.filename}  ({att.size_bytes / 1024:.0f} KB · {fmt_local(att.added_at)} "
                                   f"{att.added_by})", self.attachments)
            item.setData(Qt.ItemDataRole.UserRole, (str(attachment_path(att)), att.filename, att.sha256))

    def attach_file(self, path: str | None = None) -> bool:
        """Copy ``path`` (asked for when ``None``) into the data folder and link it to the incident.

        Returns ``True`` when attached; refusals (closed incident, unreadable file) show inline."""
        from app.services.incident.attachments import add_attachment

        if self.incident_id is None:
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach file"))
            if not path:
                return False
        try:
            with self.ctx.db.session() as s:
                add_attachment(s, "incident", self.incident_id, path, actor=self.ctx.engineer)
        except (OpsLedgerError, OSError) as exc:
            self._fail(exc)
            return False
        self.show_incident(self.incident_id)
        self.changed.emit(self.incident_id)
        return True

    def open_attachment(self, item: QListWidgetItem) -> Path:
        """Open a copy of the stored file under its original name (the store keeps it by hash)."""
        import shutil
        import tempfile

        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        stored, filename, sha = item.data(Qt.ItemDataRole.UserRole)
        target = Path(tempfile.gettempdir()) / "opsledger-open" / sha[:12] / filename
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stored, target)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        return target

    def _history_html(self, s: Any, inc: Any) -> str:
        parts = ["<h4>" + self.tr("How the SLA is computed") + "</h4>"]
        parts.append(self._sla_html(s, inc))
        parts.append("<h4>" + self.tr("History") + "</h4><ul>")
        from app.core.fields import change_text
        from app.services.incident import workflow as incidents

        for ev in incidents.events(s, inc.id):
            what = ev.kind
            if ev.kind in ("status", "created", "reopen") and ev.to_status:
                what = (f"{_status(self, ev.from_status)} → " if ev.from_status else "") + _status(self, ev.to_status)
            elif ev.kind == "field" and ev.changes:
                what = "; ".join(change_text(k, v[0], v[1]) for k, v in ev.changes.items()
                                 if isinstance(v, (list, tuple)) and len(v) == 2)
            parts.append(f"<li>{fmt_local(ev.at)} {_esc(ev.actor)}: {_esc(what)}"
                         + (f" — {_esc(ev.note)}" if ev.note else "") + "</li>")
        parts.append("</ul>")
        return "".join(parts)

    def _sla_html(self, s: Any, inc: Any) -> str:
        from app.services.incident.sla import compute_incident_clocks

        fn = self._sla_fn or compute_incident_clocks
        from app.errors import CalendarCoverageError
        from app.core.durations import format_minutes
        from app.ui.itemmodels.record_models import describe_clock
        from app.core.timeutil import utcnow

        try:
            clocks = fn(s, inc, utcnow())
        except CalendarCoverageError as exc:
            return "<p style='color:#6b6b6b'>" + self.tr("No calendar") + f": {_esc(str(exc))}</p>"
        out = []
        kinds = {"note": self.tr("note"), "pause": self.tr("paused"), "period": self.tr("counted"),
                 "source": self.tr("calendar")}
        for label, clock in ((self.tr("Response"), clocks.response), (self.tr("Restore"), clocks.restore)):
            d = describe_clock(clock)
            out.append(f"<p><b>{label}</b>: <span style='color:{d.color.name()}'>{_esc(d.text)}</span> — "
                       + self.tr("target") + " " + (format_minutes(clock.target_minutes, clock.working_day_minutes) if clock.target_minutes is not None
                                                else "—") + ", "
                       + self.tr("used") + f" {format_minutes(clock.elapsed_minutes, clock.working_day_minutes)}, "
                       + self.tr("deadline") + f" {fmt_local(clock.deadline) if clock.deadline else '—'}"
                       + f" ({_esc(str(getattr(clock, 'calendar_code', '')))})</p><ul>")
            for line in getattr(clock, "explanation", []) or []:
                text = line.text or f"{fmt_local(line.start)}–{fmt_local(line.end)} {format_minutes(line.minutes or 0, clock.working_day_minutes)}"
                kind = kinds.get(str(line.kind), str(line.kind))
                out.append(f"<li><span style='color:#6b6b6b'>{_esc(kind)}</span> {_esc(text)}</li>")
            out.append("</ul>")
        return "".join(out)

    # ---- actions
    def _write(self, fn: Callable[[Any], Any]) -> bool:
        if self.incident_id is None:
            return False
        try:
            with self.ctx.db.session() as s:
                fn(s)
        except (OpsLedgerError, ValueError) as exc:
            self._fail(exc)
            return False
        self._ok()
        self.note.clear()
        self.changed.emit(self.incident_id)
        self.show_incident(self.incident_id)
        return True

    def transition(self, to_status: str, assignee_id: uuid.UUID | None = None) -> bool:
        """Move to ``to_status`` via ``incidents.transition`` (at = now)."""
        from app.services.incident import workflow as incidents

        def op(s: Any) -> None:
            incidents.transition(s, self.incident_id, to_status, actor=self.ctx.engineer,
                                 note=self.note.text(), assignee_id=assignee_id)
        return self._write(op)

    def assign(self) -> bool:
        """Assign to the engineer picked in the combo."""
        return self.transition("assigned", assignee_id=self.assignee.currentData())

    def toggle_pause(self) -> bool:
        """Pending (SLA paused) ↔ in progress."""
        if self.incident_id is None or self.status == "closed":
            return False
        return self.transition("in_progress" if self.status == "pending" else "pending")

    def close_incident(self) -> bool:
        """Close with the cause category, cause and resolution typed in the pane."""
        from app.services.incident import workflow as incidents

        def op(s: Any) -> None:
            incidents.close_incident(s, self.incident_id, actor=self.ctx.engineer,
                                     cause_category=self.cause_category.currentData(),
                                     cause=self.cause.text(), resolution=self.resolution.text())
        return self._write(op)

    def reopen(self) -> bool:
        """Reopen a closed incident with the typed reason."""
        from app.services.incident import workflow as incidents

        def op(s: Any) -> None:
            incidents.reopen_incident(s, self.incident_id, actor=self.ctx.engineer,
                                      reason=self.reopen_reason.text())
        ok = self._write(op)
        if ok:
            self.reopen_reason.clear()
        return ok


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _status(widget: QWidget, code: str) -> str:
    from app.ui.itemmodels.record_models import status_label

    return status_label(code)


# --------------------------------------------------------------------------- service requests


CHANNEL_CODES = ("phone", "instant_message", "walk_in", "email", "fax", "other")


class RequestForm(FormBase):
    """New service request: title, channel, category, requester, service, assignee, received."""

    saved = Signal(object)
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._init_errors()
        opts = contract_options(ctx)
        lay = QVBoxLayout(self)
        head = QLabel(self.tr("New service request"), self)
        head.setStyleSheet("font-weight: bold;")
        lay.addWidget(head)
        form = QFormLayout()
        self.title = QLineEdit(self)
        labels = {"phone": self.tr("Phone"), "instant_message": self.tr("Instant message"),
                  "walk_in": self.tr("Walk-in"), "email": self.tr("Email"), "fax": self.tr("Fax"),
                  "other": self.tr("Other")}
        self.channel = _combo(self, [(c, labels[c]) for c in CHANNEL_CODES])
        self.category = _combo(self, opts["categories"])
        self.department = QLineEdit(self)
        self.requester = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.service = _combo(self, opts["services"], self.tr("(none)"))
        self.assignee = _combo(self, opts["engineers"], self.tr("(unassigned)"))
        self.received = QDateTimeEdit(now_qdt(), self)
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(80)
        for label, w in ((self.tr("Title"), self.title), (self.tr("Channel"), self.channel),
                         (self.tr("Category"), self.category), (self.tr("Requester department"), self.department),
                         (self.tr("Requester name"), self.requester), (self.tr("Requester phone"), self.phone),
                         (self.tr("Service"), self.service), (self.tr("Assignee"), self.assignee),
                         (self.tr("Received at"), self.received), (self.tr("Description"), self.description)):
            form.addRow(label, w)
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
        self.fields = {"title": self.title, "channel": self.channel, "category": self.category,
                       "requester_department": self.department, "requester_name": self.requester,
                       "requester_phone": self.phone, "service_id": self.service, "assignee_id": self.assignee,
                       "received_at": self.received, "description": self.description}

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def reload_options(self) -> None:
        """Refill categories, services and engineers from the current contract."""
        opts = contract_options(self.ctx)
        refill(self.category, opts["categories"])
        refill(self.service, opts["services"])
        refill(self.assignee, opts["engineers"])

    def start_new(self) -> None:
        """Empty form, received = now, focus on the title."""
        for le in (self.title, self.department, self.requester, self.phone):
            le.clear()
        self.description.clear()
        self.received.setDateTime(now_qdt())
        self._ok()
        self.title.setFocus()

    def submit(self) -> None:
        """Create the request in one transaction."""
        try:
            with self.ctx.db.session() as s:
                contract = s.get(Contract, self.ctx.contract_id)
                req = service_requests.create_request(
                    s, contract, actor=self.ctx.engineer, title=self.title.text(),
                    channel=self.channel.currentData(), category=self.category.currentData(),
                    received_at=qdt_to_utc(self.received.dateTime()), description=self.description.toPlainText(),
                    requester_department=self.department.text(), requester_name=self.requester.text(),
                    requester_phone=self.phone.text(), service_id=self.service.currentData(),
                    assignee_id=self.assignee.currentData())
                new_id = req.id
        except (OpsLedgerError, ValueError) as exc:
            self._fail(exc)
            return
        self._ok()
        self.saved.emit(new_id)


class RequestDetail(FormBase):
    """The selected request: assign, resolve, close, follow-up, convert to incident.

    Emits ``changed(kinds)`` with the record kinds written (``("service_request",)`` or
    ``("service_request", "incident")`` after a conversion).
    """

    changed = Signal(tuple)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.request_id: uuid.UUID | None = None
        self.last_incident_id: uuid.UUID | None = None
        self._init_errors()
        opts = contract_options(ctx)
        lay = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        form = QFormLayout()
        arow = QHBoxLayout()
        self.assignee = _combo(self, opts["engineers"])
        self.assign_btn = QPushButton(self.tr("Assign"), self)
        self.respond_btn = QPushButton(self.tr("Start work"), self)
        self.respond_btn.setToolTip(self.tr("Record the response: work on the request starts now"))
        arow.addWidget(self.assignee, 1)
        arow.addWidget(self.assign_btn)
        arow.addWidget(self.respond_btn)
        form.addRow(self.tr("Assignee"), arow)
        rrow = QHBoxLayout()
        self.resolution = QLineEdit(self)
        self.resolve_btn = QPushButton(self.tr("Resolve"), self)
        self.close_btn = QPushButton(self.tr("Close"), self)
        self.close_btn.setToolTip(self.tr("Close (Ctrl+Shift+C)"))
        rrow.addWidget(self.resolution, 1)
        rrow.addWidget(self.resolve_btn)
        rrow.addWidget(self.close_btn)
        form.addRow(self.tr("Resolution"), rrow)
        frow = QHBoxLayout()
        self.satisfaction = _combo(self, [("satisfied", self.tr("Satisfied")),
                                          ("mostly_satisfied", self.tr("Mostly satisfied")),
                                          ("dissatisfied", self.tr("Dissatisfied"))])
        self.complaint = QLineEdit(self)
        self.complaint.setPlaceholderText(self.tr("Complaint (leave empty if none)"))
        self.followup_btn = QPushButton(self.tr("Record follow-up"), self)
        frow.addWidget(self.satisfaction)
        frow.addWidget(self.complaint, 1)
        frow.addWidget(self.followup_btn)
        form.addRow(self.tr("Follow-up"), frow)
        crow = QHBoxLayout()
        self.convert_severity = _combo(self, opts["severities"], self.tr("(default severity)"))
        self.convert_btn = QPushButton(self.tr("Convert to incident"), self)
        crow.addWidget(self.convert_severity)
        crow.addWidget(self.convert_btn)
        form.addRow(self.tr("Is a fault"), crow)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addStretch(1)
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
        self.show_request(None)

    def reload_options(self) -> None:
        """Refill engineers and severities from the current contract."""
        opts = contract_options(self.ctx)
        refill(self.assignee, opts["engineers"])
        refill(self.convert_severity, opts["severities"])

    def show_request(self, request_id: uuid.UUID | None) -> None:
        """Load and show ``request_id`` (``None`` → empty pane)."""
        from app.store.models import ServiceRequest

        self.request_id = request_id
        self._ok()
        buttons = (self.assign_btn, self.respond_btn, self.resolve_btn, self.close_btn, self.followup_btn,
                   self.convert_btn)
        for b in buttons:
            b.setEnabled(request_id is not None)
        if request_id is None:
            self.summary.setText(self.tr("Select a request, or press Ctrl+N to record a new one."))
            return
        with self.ctx.db.session() as s:
            r = s.get(ServiceRequest, request_id)
            if r is None:
                self.show_request(None)
                return
            eng = s.get(Engineer, r.assignee_id) if r.assignee_id else None
            conv = ""
            if r.converted_incident_id:
                from app.store.models import Incident

                inc = s.get(Incident, r.converted_incident_id)
                conv = "<br>" + self.tr("Converted to incident") + f" {inc.number if inc else ''}"
            self.summary.setText(
                f"<b>{r.number}</b> [{_esc(r.category)}] {_esc(r.title)}<br>" + self.tr("Status")
                + f": {_status(self, r.status)} · " + self.tr("Assignee") + f": {_esc(eng.name if eng else '—')}<br>"
                + self.tr("Received") + f": {fmt_local(r.received_at)}"
                + (" · " + self.tr("Resolved") + f": {fmt_local(r.resolved_at)}" if r.resolved_at else "")
                + f"<br>{_esc(r.requester_department)} {_esc(r.requester_name)} {_esc(r.requester_phone)}"
                + (f"<br>{_esc(r.description)}" if r.description else "") + conv)
            if r.assignee_id:
                _set_combo(self.assignee, r.assignee_id)
            self.resolution.setText(r.resolution)
            closed = r.status == "closed"
            for b in (self.assign_btn, self.respond_btn, self.resolve_btn, self.close_btn):
                b.setEnabled(not closed)
            self.convert_btn.setEnabled(r.converted_incident_id is None and not closed)

    def _write(self, fn: Callable[[Any, Any], Any], kinds: tuple[str, ...] = ("service_request",)) -> bool:
        if self.request_id is None:
            return False
        try:
            with self.ctx.db.session() as s:
                fn(service_requests, s)
        except (OpsLedgerError, ValueError) as exc:
            self._fail(exc)
            return False
        self._ok()
        self.changed.emit(kinds)
        self.show_request(self.request_id)
        return True

    def assign(self) -> bool:
        """Assign / reassign to the picked engineer."""
        return self._write(lambda sr, s: sr.assign_request(s, self.request_id, self.assignee.currentData(),
                                                           actor=self.ctx.engineer))

    def respond(self) -> bool:
        """Record the response (status in progress, responded now)."""
        return self._write(lambda sr, s: sr.respond_request(s, self.request_id, actor=self.ctx.engineer))

    def resolve(self) -> bool:
        """Resolve with the typed resolution."""
        return self._write(lambda sr, s: sr.resolve_request(s, self.request_id, actor=self.ctx.engineer,
                                                            resolution=self.resolution.text()))

    def close_request(self) -> bool:
        """Close the request."""
        return self._write(lambda sr, s: sr.close_request(s, self.request_id, actor=self.ctx.engineer))

    def followup(self) -> bool:
        """Record the follow-up (satisfaction, complaint if text typed)."""
        text = self.complaint.text().strip()
        return self._write(lambda sr, s: sr.record_followup(
            s, self.request_id, actor=self.ctx.engineer, satisfaction=self.satisfaction.currentData(),
            complaint=bool(text), complaint_text=text))

    def convert(self) -> bool:
        """Convert to an incident (severity from the combo or the default)."""
        def op(sr: Any, s: Any) -> None:
            inc = sr.convert_to_incident(s, self.request_id, actor=self.ctx.engineer,
                                         severity=self.convert_severity.currentData())
            self.last_incident_id = inc.id
        return self._write(op, ("service_request", "incident"))


# --------------------------------------------------------------------------- requirements


REQUIREMENT_STATUS_CODES = ("collected", "analysed", "reported", "accepted", "done", "rejected")


class RequirementForm(FormBase):
    """New requirement: title, service, requester, description."""

    saved = Signal(object)
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._init_errors()
        opts = contract_options(ctx)
        lay = QVBoxLayout(self)
        head = QLabel(self.tr("New requirement"), self)
        head.setStyleSheet("font-weight: bold;")
        lay.addWidget(head)
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.service = _combo(self, opts["services"], self.tr("(none)"))
        self.department = QLineEdit(self)
        self.requester = QLineEdit(self)
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(100)
        for label, w in ((self.tr("Title"), self.title), (self.tr("Service"), self.service),
                         (self.tr("Requester department"), self.department),
                         (self.tr("Requester name"), self.requester), (self.tr("Description"), self.description)):
            form.addRow(label, w)
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
        self.fields = {"title": self.title, "service_id": self.service, "requester_department": self.department,
                       "requester_name": self.requester, "description": self.description}

    def reload_options(self) -> None:
        """Refill services from the current contract."""
        refill(self.service, contract_options(self.ctx)["services"])

    def start_new(self) -> None:
        """Empty form, focus on the title."""
        for le in (self.title, self.department, self.requester):
            le.clear()
        self.description.clear()
        self._ok()
        self.title.setFocus()

    def submit(self) -> None:
        """Create the requirement in one transaction."""
        try:
            with self.ctx.db.session() as s:
                contract = s.get(Contract, self.ctx.contract_id)
                rq = requirements.create_requirement(
                    s, contract, actor=self.ctx.engineer, title=self.title.text(),
                    service_id=self.service.currentData(), requester_department=self.department.text(),
                    requester_name=self.requester.text(), description=self.description.toPlainText())
                new_id = rq.id
        except (OpsLedgerError, ValueError, TypeError) as exc:
            self._fail(exc)
            return
        self._ok()
        self.saved.emit(new_id)


class WorkLogEntryForm(FormBase):
    """Add a manual work-log entry for the picked day: engineer, start time, minutes, summary."""

    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day = local_today()
        self._init_errors()
        opts = contract_options(ctx)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.engineer = _combo(self, opts["engineers"])
        i = self.engineer.findText(ctx.engineer)
        if i >= 0:
            self.engineer.setCurrentIndex(i)
        self.started = QDateTimeEdit(now_qdt(), self)
        self.started.setDisplayFormat("HH:mm")
        self.duration = QSpinBox(self)
        self.duration.setRange(1, 24 * 60)
        self.duration.setValue(30)
        self.duration.setSuffix(self.tr(" min"))
        self.summary = QLineEdit(self)
        form.addRow(self.tr("Engineer"), self.engineer)
        form.addRow(self.tr("Started at"), self.started)
        form.addRow(self.tr("Duration"), self.duration)
        form.addRow(self.tr("Summary"), self.summary)
        lay.addLayout(form)
        lay.addWidget(self.error)
        self.add_btn = QPushButton(self.tr("Add entry"), self)
        lay.addWidget(self.add_btn)
        self.add_btn.clicked.connect(self.submit)
        self.summary.returnPressed.connect(self.submit)
        self.fields = {"engineer_id": self.engineer, "started_at": self.started,
                       "duration_minutes": self.duration, "summary": self.summary}

    def reload_options(self) -> None:
        """Refill engineers from the current contract (current engineer preselected)."""
        refill(self.engineer, contract_options(self.ctx)["engineers"])
        i = self.engineer.findText(self.ctx.engineer)
        if i >= 0:
            self.engineer.setCurrentIndex(i)

    def submit(self) -> None:
        """Add the entry for ``self.day`` in one transaction."""
        t = self.started.time()
        started = local_dt(self.day, datetime.min.time().replace(hour=t.hour(), minute=t.minute()))
        try:
            with self.ctx.db.session() as s:
                contract = s.get(Contract, self.ctx.contract_id)
                worklog.add_entry(s, contract, actor=self.ctx.engineer, engineer_id=self.engineer.currentData(),
                              work_date=self.day, started_at=started, duration_minutes=self.duration.value(),
                              summary=self.summary.text())
        except (OpsLedgerError, ValueError, TypeError) as exc:
            self._fail(exc)
            return
        self._ok()
        self.summary.clear()
        self.saved.emit()


# --------------------------------------------------------------------------- export / import


class RecordTransfer:
    """Runs exports / imports of one record kind in a worker with a progress dialog and cancel.

    ``kind`` names ``record_export.export_<kind>`` / ``record_import.import_<kind>``.  Results
    go to ``on_done(message)``; failures (``ImportRejected`` with its row problems) to
    ``error.show_error``.
    """

    def __init__(self, owner: QWidget, ctx: AppContext, kind: str, error: InlineError,
                 on_done: Callable[[str], None]) -> None:
        self.owner, self.ctx, self.kind, self.error, self.on_done = owner, ctx, kind, error, on_done
        self.dialog: QProgressDialog | None = None
        self.progress: Any = None

    def _dialog(self, text: str) -> QProgressDialog:
        dlg = QProgressDialog(text, QCoreApplication.translate("RecordTransfer", "Cancel"), 0, 0, self.owner)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(300)
        return dlg

    def export(self, out: Path, start: date, end: date) -> Any:
        """Export records of ``[start, end]`` local dates to ``out`` in a worker."""
        ctx, kind = self.ctx, self.kind

        def work(progress: Any) -> Any:
            fn = getattr(record_export, f"export_{kind}")
            with ctx.db.session() as s:
                contract = s.get(Contract, ctx.contract_id)
                return fn(s, contract, start, end, out, progress=progress)
        return self._run(work, QCoreApplication.translate("RecordTransfer", "Exporting…"))

    def import_file(self, path: Path) -> Any:
        """Import ``path`` in a worker; a refusal lists the row problems under the page."""
        ctx, kind = self.ctx, self.kind

        def work(progress: Any) -> Any:
            fn = getattr(record_import, f"import_{kind}")
            with ctx.db.session() as s:
                contract = s.get(Contract, ctx.contract_id)
                return fn(s, contract, path, actor=ctx.engineer)
        return self._run(work, QCoreApplication.translate("RecordTransfer", "Importing…"))

    def _run(self, work: Callable[[Any], Any], text: str) -> Any:
        self.error.clear_error()
        self.dialog = self._dialog(text)

        def ok(result: Any) -> None:
            if self.dialog:
                self.dialog.reset()
            if self.progress is not None and self.progress.cancelled:
                self.on_done(QCoreApplication.translate("RecordTransfer", "Cancelled"))
                return
            if hasattr(result, "numbers"):
                text = QCoreApplication.translate("RecordTransfer", "Imported %1 records").replace(
                    "%1", str(len(result.numbers)))
            elif isinstance(result, Path):
                text = QCoreApplication.translate("RecordTransfer", "Exported to %1").replace("%1", str(result))
            else:
                text = "" if result is None else str(result)
            self.on_done(text)

        def fail(exc: BaseException) -> None:
            if self.dialog:
                self.dialog.reset()
            self.error.show_error(exc)

        self.progress = run_task(work, ok, fail)
        self.dialog.canceled.connect(self.progress.cancel)
        self.progress.progressed.connect(lambda d, t: (self.dialog.setMaximum(t), self.dialog.setValue(d))
                                         if self.dialog else None)
        return self.progress


def ask_export_path(owner: QWidget, default_name: str) -> Path | None:
    """Ask where to save an ``.xlsx`` export; ``None`` if cancelled."""
    name, _ = QFileDialog.getSaveFileName(owner, QCoreApplication.translate("RecordTransfer", "Export"),
                                          default_name, "Excel (*.xlsx)")
    return Path(name) if name else None


def ask_import_path(owner: QWidget) -> Path | None:
    """Ask for an ``.xlsx`` file to import; ``None`` if cancelled."""
    name, _ = QFileDialog.getOpenFileName(owner, QCoreApplication.translate("RecordTransfer", "Import"), "",
                                          "Excel (*.xlsx)")
    return Path(name) if name else None


def export_range(values: dict[str, Any]) -> tuple[date, date]:
    """Local ``(first, last)`` days of an export from the filter bar values (default: this year)."""
    start, end = values.get("start"), values.get("end")
    if start is None or end is None:
        today = local_today()
        return today.replace(month=1, day=1), today
    return start.astimezone(LOCAL_TZ).date(), (end.astimezone(LOCAL_TZ) - timedelta(seconds=1)).date()


__all__ = [
    "FilterBar", "IncidentDetail", "IncidentForm", "InlineError", "ListFrame", "RecordTransfer", "RequestDetail",
    "RequestForm", "RequirementForm", "WorkLogEntryForm", "contract_options", "export_range", "period_bounds",
]
