"""审计日志 page: every audit event, newest first, filtered and paged in SQL.

Filters: period (from/to, local days, off by default), actor, action kind (故障, 巡检 …), free
text (also finds the actions whose label contains it).  Actions, kinds, outcomes and clock flags
show their labels from the one label table (``app.core.vocab``: ``AuditAction``, ``AuditSubject``,
``AuditOutcome``, ``ClockJump``), never their codes.  "Verify chain" recomputes the hash chain and shows the result
sentence (the first broken link when there is one); "Export…" writes the filtered events to an
xlsx file; both run in a worker.  The selected event's details (old/new values) show on the right.  Nothing here
deletes events (网络安全法 §21; ``app.services.audit.guard_purge``).
"""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.timeutil import fmt_local, local_dt, local_today
from app.core.vocab import AuditAction, AuditOutcome, AuditSubject, ClockJump, label_of
from app.services import audit_actions
from app.services.queries.audit import AuditFilter
from app.ui.context import AppContext
from app.ui.itemmodels.record_models import ColumnSpec, RecordTableModel
from app.ui.ops import emit_changes
from app.ui.tasks import run_task
from app.ui.widgets.errors import InlineError
from app.ui.widgets.list_frame import ListFrame
from app.ui.widgets.transfer import ask_export_path


def audit_columns() -> list[ColumnSpec]:
    """Columns of the audit list (headers translated in context ``RecordColumns``)."""
    return [
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Seq")), lambda r: str(r.seq), "seq"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Time")), lambda r: fmt_local(r.at, "%Y-%m-%d %H:%M:%S"), "at"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Actor")), lambda r: r.actor, "actor"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Action")), lambda r: label_of(AuditAction, r.action), "action"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Outcome")), lambda r: label_of(AuditOutcome, r.outcome), "outcome"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Clock")), lambda r: label_of(ClockJump, r.clock), None),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Summary")), lambda r: r.summary, None),
    ]


class AuditPage(QWidget):
    """The audit trail list with its filter bar, verify and export buttons."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.use_period = QCheckBox(self.tr("Period"), self)
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        today = local_today()
        for edit, d in ((self.start, today - timedelta(days=30)), (self.end, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(d.year, d.month, d.day))
        self.actor = QComboBox(self)
        self.kind = QComboBox(self)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Search summary, action, record"))
        bar = QWidget(self)
        lay = QHBoxLayout(bar)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.use_period, self.start, QLabel("–", bar), self.end, QLabel(self.tr("Actor"), bar), self.actor,
                  QLabel(self.tr("Kind"), bar), self.kind, self.text):
            lay.addWidget(w)
        self.verify_btn = QPushButton(self.tr("Verify chain"), self)
        self.export_btn = QPushButton(self.tr("Export…"), self)
        self.frame = ListFrame(bar, [self.verify_btn, self.export_btn], self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.error = InlineError(self)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.frame.detail.addWidget(self.details)
        self.model = RecordTableModel(ctx.db, audit_actions.LEDGER_WIDE, audit_columns(), audit_actions.page,
                                      audit_actions.count, self.current_filter(), "seq", True, self)
        self.frame.table.setModel(self.model)
        self.frame.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.frame.fit_columns({0: 60, 1: 150, 2: 90, 3: 150, 4: 60, 5: 80})
        v = QVBoxLayout(self)
        v.addWidget(self.frame, 1)
        v.addWidget(self.result)
        v.addWidget(self.error)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filter)
        self.text.textChanged.connect(lambda _t: self._debounce.start())
        for box in (self.actor, self.kind):
            box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.use_period.toggled.connect(lambda _b: self.apply_filter())
        self.start.dateChanged.connect(lambda _d: self.apply_filter())
        self.end.dateChanged.connect(lambda _d: self.apply_filter())
        self.verify_btn.clicked.connect(self.verify)
        self.export_btn.clicked.connect(self.export)
        self.frame.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show(cur.row()))
        self._fill_options()
        self._update_count()

    # -- filters ------------------------------------------------------------------------------
    def _fill_options(self) -> None:
        actors, kinds = audit_actions.filter_options(self.ctx.db)
        for box, values in ((self.actor, [(a, a) for a in actors]),
                            (self.kind, [(k, label_of(AuditSubject, k)) for k in kinds])):
            keep = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("All"), "")
            for code, text in values:
                box.addItem(text, code)
            i = box.findData(keep) if keep else 0
            box.setCurrentIndex(max(0, i))
            box.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        """The filter the bar shows (period as half-open local days)."""
        start = end = None
        if self.use_period.isChecked():
            qa, qb = self.start.date(), self.end.date()
            a, b = date(qa.year(), qa.month(), qa.day()), date(qb.year(), qb.month(), qb.day())
            start, end = local_dt(a, time()), local_dt(b + timedelta(days=1), time())
        return AuditFilter(start=start, end=end, actor=self.actor.currentData() or "",
                           kind=self.kind.currentData() or "", text=self.text.text().strip())

    def apply_filter(self) -> None:
        """Re-query with the bar's filter."""
        self.model.set_filter(self.current_filter())
        self._update_count()

    def refresh(self) -> None:
        """Reload options and rows (called by the main window when something changed)."""
        self._fill_options()
        self.model.reload()
        self._update_count()

    def _update_count(self) -> None:
        self.frame.count_label.setText(self.tr("%1 of %2 shown").replace("%1", str(self.model.rowCount()))
                                       .replace("%2", str(self.model.total)))

    def _show(self, row: int) -> None:
        if row < 0 or row >= self.model.rowCount():
            self.details.clear()
            return
        r: Any = self.model.row_at(row)
        m = r.utc_offset_minutes
        offset = self.tr("UTC offset %1").replace("%1", f"{'+' if m >= 0 else '-'}{abs(m) // 60:02d}:{abs(m) % 60:02d}")
        clock = f" · {label_of(ClockJump, r.clock)}" if r.clock else ""
        self.details.setPlainText(
            f"#{r.seq}  {fmt_local(r.at, '%Y-%m-%d %H:%M:%S')} ({offset})\n{r.actor} · "
            f"{label_of(AuditAction, r.action)} · {label_of(AuditOutcome, r.outcome)}{clock}\n"
            f"{label_of(AuditSubject, r.entity_kind)} {r.entity_id}\n{r.summary}\n\n"
            + json.dumps(r.details, ensure_ascii=False, indent=2) + f"\n\nSHA-256 {r.hash}")

    # -- actions ------------------------------------------------------------------------------
    def verify(self) -> None:
        """Verify the chain in a worker (a long trail takes seconds) and show the result sentence."""
        db = self.ctx.db
        self._busy(True)
        self.result.clear()
        run_task(lambda _p: audit_actions.verify(db), self._verified, self._failed)

    def _verified(self, outcome: Any) -> None:
        self._busy(False)
        result = emit_changes(self.ctx, outcome)
        self.result.setText(result.sentence())
        self.result.setStyleSheet("color: #1a7f37;" if result.ok else "color: #c62828; font-weight: bold;")

    def export(self, path: Path | None = None) -> None:
        """Export the filtered events to an xlsx file in a worker (asks where unless ``path``)."""
        path = path or ask_export_path(self, "audit-trail.xlsx")
        if path is None:
            return
        db, flt, actor = self.ctx.db, self.current_filter(), self.ctx.engineer
        self._busy(True)
        self.result.clear()
        run_task(lambda _p: audit_actions.export(db, path, flt, actor=actor),
                 lambda outcome: self._exported(outcome, path), self._failed)

    def _exported(self, outcome: Any, path: Path) -> None:
        self._busy(False)
        n = emit_changes(self.ctx, outcome)
        self.error.clear_error()
        self.result.setText(self.tr("%1 events exported to %2").replace("%1", str(n)).replace("%2", str(path)))
        self.result.setStyleSheet("")

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.error.show_error(exc)

    def _busy(self, busy: bool) -> None:
        self.verify_btn.setEnabled(not busy)
        self.export_btn.setEnabled(not busy)
