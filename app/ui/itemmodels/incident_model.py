"""The incident list model: ``RecordTableModel`` over ``listing`` plus two live SLA columns.

``IncidentTableModel`` adds the response and restore clocks computed in bulk by
``app.services.queries.clocks.bulk_incident_clocks`` (one session, one calendar and its cumulative
minute index per batch of ``SLICE_ROWS``) only for rows the view actually asks for, cached per
incident id and dropped on reload; ``refresh_sla()`` (called every 60 s by the page) recomputes
only the clocks that can still change (closed and paused rows, and clocks stopped on both sides,
keep their value).  A missing calendar (``CalendarCoverageError``) shows “No calendar”.

The real clocks are computed in a worker thread (``app.ui.tasks.run_task``), one batch at a
time; results of a batch that a reload overtook are dropped.  With a test's ``sla_fn`` they run
on the GUI thread in slices of ``SLICE_SECONDS`` on later event-loop turns.  (An earlier PySide6,
6.12, crashed when a worker and the GUI thread formatted dates at once — its import hook was not
thread-safe; the versions pyproject allows (< 6.12) survive that stress test; ``OFF_THREAD =
False`` goes back to slices on the GUI thread.)

An SLA-state filter (``IncidentFilter.sla``: at risk / breached) is resolved by
``app.services.queries.sla_watch.resolve`` — the overview's rule — in a worker too.  Rows arrive
as the driver gives them and are converted (``incident_list.incident_row``) when first read.
"""

from __future__ import annotations

import dataclasses
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QFont
from shiboken6 import isValid

from app.core.timeutil import utcnow
from app.core.vocab import IncidentStatus, label_of
from app.errors import CalendarCoverageError
from app.services.incident.sla import PAUSE_STATUS
from app.services.ledger import Ledger
from app.services.queries import incident_list, listing
from app.services.queries.clocks import bulk_incident_clocks
from app.services.queries.incident import incident_clocks
from app.services.queries.sla_watch import resolve as resolve_sla
from app.ui.itemmodels.record_labels import GREY, describe_clock
from app.ui.itemmodels.table_base import ColumnSpec, RecordTableModel, _dt
from app.ui.tasks import run_task

RowId = uuid.UUID
Index = QModelIndex | QPersistentModelIndex


def incident_columns() -> list[ColumnSpec]:
    """Columns of the incident list (columns 3 and 4 are the SLA clocks)."""
    return [
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Number")), lambda r: r.number, "number"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Severity")),
                   lambda r: r.severity, "severity"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Status")),
                   lambda r: label_of(IncidentStatus, r.status), "status"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Response SLA")), lambda r: "", None),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Restore SLA")), lambda r: "", None),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Title")), lambda r: r.title, "title"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Occurred")), lambda r: _dt(r.occurred_at),
                   "occurred_at"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Assignee")),
                   lambda r: r.assignee, "assignee"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Reporter")),
                   lambda r: r.reporter, "reporter"),
    ]


SlaFn = Callable[[Any, Any, datetime], Any]


class IncidentTableModel(RecordTableModel):
    """Incident list with live response/restore SLA columns (see module doc).

    ``sla_fn(session, incident, now) -> IncidentClocks`` defaults to
    ``app.services.incident.sla.compute_incident_clocks`` and runs inside
    ``app.services.queries.incident.incident_clocks``; ``now_fn`` defaults to ``utcnow`` (tests
    pass fakes).
    """

    resolveFailed = Signal(str)
    """An SLA-state filter could not be resolved (the message)."""

    RESPONSE_COL = 3
    RESTORE_COL = 4
    SLICE_SECONDS = 0.04
    SLICE_ROWS = 25
    OFF_THREAD = True

    def __init__(self, db: Ledger, contract_id: uuid.UUID | None, flt: listing.IncidentFilter | None = None,
                 parent: Any = None, sla_fn: SlaFn | None = None,
                 now_fn: Callable[[], datetime] = utcnow) -> None:
        self._sla_fn = sla_fn
        self._now_fn = now_fn
        self._clocks: dict[RowId, Any] = {}
        self._pending: dict[RowId, None] = {}  # insertion-ordered set: the order the view asked
        self._scheduled = False
        self._inflight = False
        self._generation = 0
        self._resolved: listing.IncidentFilter = flt or listing.IncidentFilter()
        self._sla_gen = 0
        self.resolving = False
        super().__init__(db, contract_id, incident_columns(), incident_list.query_raw,
                         listing.count_incidents, flt or listing.IncidentFilter(), "occurred_at", True,
                         parent, convert=incident_list.incident_row)

    def reload(self) -> None:
        """Re-run COUNT and the first batch.  An SLA-state filter (``flt.sla``) is first resolved
        to the incidents in that state now (``sla_watch.resolve``, the overview's rule: the clocks
        of every open incident) — in a worker with the real clocks (``OFF_THREAD``): the list is
        empty and ``resolving`` true until the answer arrives; a reload meanwhile drops it."""
        self._sla_gen += 1
        if not self.flt.sla or self.contract_id is None or not self.OFF_THREAD or self._sla_fn is not None:
            self.resolving = False
            self._resolved = resolve_sla(self.db, self.contract_id, self.flt, self._now_fn())
            super().reload()
            return
        self.resolving = True
        self._resolved = dataclasses.replace(self.flt, sla_ids=frozenset())
        self.beginResetModel()
        self._rows, self._total = [], 0
        self._after_reload()
        self.endResetModel()
        gen, db, cid, flt, now = self._sla_gen, self.db, self.contract_id, self.flt, self._now_fn()
        run_task(lambda _p: resolve_sla(db, cid, flt, now), lambda r: self._sla_resolved(gen, r),
                 lambda exc: self._sla_resolved(gen, exc))

    def _sla_resolved(self, generation: int, resolved: Any) -> None:
        """The worker's SLA resolution, back on the GUI thread (dropped if overtaken or gone)."""
        if not isValid(self) or generation != self._sla_gen:
            return
        self.resolving = False
        if isinstance(resolved, BaseException):
            self.resolveFailed.emit(str(resolved))
            return
        self._resolved = resolved
        RecordTableModel.reload(self)

    def _effective_filter(self) -> listing.IncidentFilter:
        return self._resolved

    def _after_reload(self) -> None:
        self._clocks.clear()
        self._pending.clear()
        self._generation += 1

    def clocks_for(self, incident_id: RowId) -> Any:
        """The cached ``IncidentClocks`` (or an exception instance, or ``None`` if not computed)."""
        return self._clocks.get(incident_id)

    def _compute(self, ids: list[RowId], now: datetime) -> set[RowId]:
        """Compute and cache the clocks of ``ids`` (in bulk: one calendar and one minute index for
        them all, unless a test passed ``sla_fn``); returns the ids still in the ledger."""
        if self._sla_fn is None:
            found = bulk_incident_clocks(self.db, ids, now)
        else:
            found = incident_clocks(self.db, ids, now, self._sla_fn)
        self._clocks.update(found)
        return set(found)

    def compute_now(self, rows: Sequence[int] | None = None) -> None:
        """Compute at once the clocks of the given fetched rows, or of all pending ones."""
        ids = [self._row(r).id for r in rows] if rows is not None else list(self._pending)
        for i in ids:
            self._pending.pop(i, None)
        if not ids:
            return
        self._emit_sla_changed(self._compute(ids, self._now_fn()))

    def _emit_sla_changed(self, ids: set[RowId]) -> None:
        rows = [i for i, row in enumerate(self.fetched()) if row.id in ids]
        if rows:
            self.dataChanged.emit(self.index(min(rows), self.RESPONSE_COL),
                                  self.index(max(rows), self.RESTORE_COL))

    def _schedule(self) -> None:
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self, self._compute_slice)  # dropped if the model is deleted

    def _compute_slice(self) -> None:
        """Compute pending clocks (in the order the view asked).  With the real clocks
        (``OFF_THREAD``), one batch of ``SLICE_ROWS`` at a time in a worker thread
        (``app.ui.tasks.run_task``; the cells update when it reports back); with a test's
        ``sla_fn``, on the GUI thread for up to ``SLICE_SECONDS``, then the next event-loop turn."""
        self._scheduled = False
        if not self._pending or self._inflight:
            return
        now = self._now_fn()
        if self.OFF_THREAD and self._sla_fn is None:
            batch = list(self._pending)[:self.SLICE_ROWS]
            for rid in batch:
                del self._pending[rid]
            self._inflight = True
            generation, db = self._generation, self.db
            run_task(lambda _progress: bulk_incident_clocks(db, batch, now),
                     lambda found: self._arrived(generation, found),
                     lambda exc: self._arrived(generation, dict.fromkeys(batch, exc)))
            return
        deadline = time.perf_counter() + self.SLICE_SECONDS
        done: set[RowId] = set()
        while self._pending and time.perf_counter() < deadline:
            batch = list(self._pending)[:self.SLICE_ROWS]
            for rid in batch:
                del self._pending[rid]
            done |= self._compute(batch, now)
        self._emit_sla_changed(done)
        if self._pending:
            self._schedule()

    def _arrived(self, generation: int, found: dict[RowId, Any]) -> None:
        """A worker's clocks, back on the GUI thread; dropped if the rows were reloaded since (or
        the model is gone)."""
        if not isValid(self):
            return
        self._inflight = False
        if generation == self._generation:
            self._clocks.update(found)
            self._emit_sla_changed(set(found))
        if self._pending:
            self._schedule()

    def wait_idle(self) -> bool:
        """True when no SLA computation is pending or running (for tests and benchmarks)."""
        return not self._pending and not self._scheduled and not self._inflight and not self.resolving

    def refresh_sla(self) -> None:
        """Recompute the clocks of fetched incidents whose value can still change (60 s timer),
        slice by slice; the old values stay shown until the new ones arrive.  A closed or paused
        (``pending``) incident and a clock that has stopped on both sides keep their cached
        value.  Under an SLA-state filter the rows are re-selected first: when the incidents in
        that state changed, the list reloads instead."""
        if self.flt.sla and self.contract_id is not None and not self.resolving:
            gen, db, cid, flt, now = self._sla_gen, self.db, self.contract_id, self.flt, self._now_fn()
            run_task(lambda _p: resolve_sla(db, cid, flt, now), lambda r: self._sla_recheck(gen, r), lambda _e: None)
        for row in self.fetched():
            clocks = self._clocks.get(row.id)
            if clocks is None or row.status in ("closed", PAUSE_STATUS):
                continue
            if (not isinstance(clocks, Exception) and clocks.response.stopped_at is not None
                    and clocks.restore.stopped_at is not None):
                continue
            self._pending[row.id] = None
        if self._pending:
            self._schedule()

    def _sla_recheck(self, generation: int, fresh: Any) -> None:
        """60 s recheck of an SLA-state filter: reload when the incidents in that state changed."""
        if isValid(self) and generation == self._sla_gen and fresh.sla_ids != self._resolved.sla_ids:
            self._sla_gen += 1
            self._resolved = fresh
            RecordTableModel.reload(self)

    def _clock_cell(self, row: Any, col: int, role: int) -> Any:  # noqa: PLR0911 - one return per role
        clocks = self._clocks.get(row.id)
        if clocks is None:
            if row.id not in self._pending:
                self._pending[row.id] = None
                self._schedule()
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if isinstance(clocks, Exception):
            if isinstance(clocks, CalendarCoverageError):
                text = QCoreApplication.translate("RecordLabels", "No calendar")
            else:
                text = QCoreApplication.translate("RecordLabels", "Error")
            if role == Qt.ItemDataRole.DisplayRole:
                return text
            if role == Qt.ItemDataRole.ToolTipRole:
                return str(clocks)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(GREY)
            return None
        clock = clocks.response if col == self.RESPONSE_COL else clocks.restore
        desc = describe_clock(clock)
        if role == Qt.ItemDataRole.DisplayRole:
            return desc.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return desc.tooltip
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(desc.color)
        if role == Qt.ItemDataRole.FontRole and desc.bold:
            f = QFont()
            f.setBold(True)
            return f
        return None

    CLOCK_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                             Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole})
    ROLES = RecordTableModel.ROLES | CLOCK_ROLES

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in self.ROLES:
            return None
        fetched = index.isValid() and 0 <= index.row() < len(self._rows)
        if fetched and index.column() in (self.RESPONSE_COL, self.RESTORE_COL) and role in self.CLOCK_ROLES:
            return self._clock_cell(self._row(index.row()), index.column(), role)
        if fetched and role == Qt.ItemDataRole.ForegroundRole and self._row(index.row()).status == "closed":
            return QBrush(GREY)
        return super().data(index, role)


