"""The one SLA-watch rule: which open incidents are *at risk* and which *breached* (no Qt).

An incident's watch (``watch_of``) is its most used SLA clock with a target: *breached* when a
clock has ``breached``; *at risk* when a clock that still counts (not stopped) has used at least
``SLA_RISK_SHARE`` (75 %) of its target (issue #12 §5).  The clocks are
``app.services.queries.clocks.bulk_incident_clocks`` — every open incident of the contract in
one session, one calendar set and its cumulative minute index
(``app.services.calendar.minute_index``) — the figures of the list's SLA cells and the detail
pane.  The overview counts these watches (``watches``); the incident list's SLA filter shows
exactly the incidents counted (``resolve``), so a tile's number is the list's row count.

Instants are aware UTC.  Functions read only and may run in a worker thread.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.core.timeutil import as_utc
from app.services.ledger import Ledger
from app.services.queries.clocks import bulk_incident_clocks
from app.store.models import Incident

SLA_RISK_SHARE = 0.75
"""Share of an SLA target used from which a running clock is "at risk" (issue #12 §5)."""

SLA_STATES = ("at_risk", "breached")
"""The states the overview counts and the incident list filters by."""


@dataclass(frozen=True)
class SlaWatch:
    """One open incident's most used SLA clock: ``clock`` ``response``/``restore``, ``used_pct``
    = elapsed ÷ target × 100, ``remaining_minutes`` service minutes (negative = overdue),
    ``state`` ``"at_risk"`` or ``"breached"``; ``working_day_minutes`` of the clock's calendar
    (``None`` for 7×24), for ``app.core.durations.format_minutes``."""

    incident_id: uuid.UUID
    number: str
    title: str
    severity: str
    clock: str
    used_pct: float
    remaining_minutes: float
    state: str
    working_day_minutes: float | None = None


@dataclass(frozen=True)
class SlaFigures:
    """Open incidents at risk and breached (most used first); ``not_computable``: incidents
    whose clocks raised (e.g. a year no holiday calendar covers)."""

    at_risk: tuple[SlaWatch, ...]
    breached: tuple[SlaWatch, ...]
    not_computable: int = 0

    def ids(self, state: str) -> frozenset[uuid.UUID]:
        """The incidents in ``state`` (``"at_risk"``/``"breached"``)."""
        return frozenset(w.incident_id for w in (self.breached if state == "breached" else self.at_risk))


def clock_state(clock: Any) -> str | None:
    """``"breached"``, ``"at_risk"`` or ``None`` for one ``sla.Clock`` (or anything with
    ``target_minutes``, ``elapsed_minutes``, ``breached``, ``stopped_at``): breached once over its
    target; at risk while it still counts (not stopped; running or paused) and has used at least
    ``SLA_RISK_SHARE`` of its target; a clock without a target is neither."""
    if not clock.target_minutes:
        return None
    if clock.breached:
        return "breached"
    if clock.stopped_at is None and clock.elapsed_minutes >= SLA_RISK_SHARE * clock.target_minutes:
        return "at_risk"
    return None


def watch_of(incident_id: uuid.UUID, row: tuple[str, str, str], clocks: tuple[Any, ...]) -> SlaWatch | None:
    """The ``SlaWatch`` of one incident (``row`` = number, title, severity) from its
    ``sla.Clock``s, or ``None`` when no clock is breached or at risk.  A breached clock wins over
    one at risk; then the most used."""
    best: tuple[int, float, SlaWatch] | None = None
    for c in clocks:
        state = clock_state(c)
        if state is None:
            continue
        used = 100.0 * c.elapsed_minutes / c.target_minutes
        rank = 2 if state == "breached" else 1
        w = SlaWatch(incident_id, row[0], row[1], row[2], c.name, round(used, 1),
                     c.remaining_minutes if c.remaining_minutes is not None else 0.0,
                     "breached" if rank == 2 else "at_risk", c.working_day_minutes)
        if best is None or (rank, used) > best[:2]:
            best = (rank, used, w)
    return best[2] if best else None


def open_incidents(ledger: Ledger, contract_id: uuid.UUID) -> dict[uuid.UUID, tuple[str, str, str]]:
    """id → (number, title, severity) of the contract's incidents not closed."""
    with ledger.session() as s:
        rows = s.execute(select(Incident.id, Incident.number, Incident.title, Incident.severity).where(
            Incident.contract_id == contract_id, Incident.status != "closed"))
        return {r[0]: (r[1], r[2], r[3]) for r in rows}


def watches(ledger: Ledger, contract_id: uuid.UUID, now: datetime) -> SlaFigures:
    """The SLA watch of every open incident of ``contract_id`` at ``now`` (see module doc)."""
    rows = open_incidents(ledger, contract_id)
    clocks = bulk_incident_clocks(ledger, list(rows), as_utc(now))
    risk: list[SlaWatch] = []
    breached: list[SlaWatch] = []
    failed = 0
    for iid, found in clocks.items():
        if isinstance(found, Exception):
            failed += 1
            continue
        watch = watch_of(iid, rows[iid], (found.response, found.restore))
        if watch is not None:
            (breached if watch.state == "breached" else risk).append(watch)
    order = lambda w: (-w.used_pct, w.number)  # noqa: E731
    return SlaFigures(tuple(sorted(risk, key=order)), tuple(sorted(breached, key=order)), failed)


def resolve(ledger: Ledger, contract_id: uuid.UUID | None, flt: Any, now: datetime) -> Any:
    """``flt`` (an ``IncidentFilter``) with ``sla_ids`` set to the incidents whose watch state is
    ``flt.sla`` at ``now`` — or ``flt`` unchanged when it names no SLA state.  Raises
    ``ValueError`` for a state not in ``SLA_STATES``."""
    if not flt.sla:
        return dataclasses.replace(flt, sla_ids=None) if flt.sla_ids is not None else flt
    if flt.sla not in SLA_STATES:
        raise ValueError(f"unknown SLA state {flt.sla!r}; known: {', '.join(SLA_STATES)}")
    ids = watches(ledger, contract_id, now).ids(flt.sla) if contract_id is not None else frozenset()
    return dataclasses.replace(flt, sla_ids=ids)
