"""Read side of the overview page (总览): what is due, what is at risk, how the month stands (no Qt).

Every figure comes from the rule that owns it — nothing is recounted here:

* today's inspections: the statuses of ``app.services.inspection.schedule.due_list`` (the list
  Today shows), counted by status;
* open incidents: ``app.services.queries.listing.count_incidents`` with the very
  ``IncidentFilter`` the incident list applies when a tile is clicked, so a tile's number is the
  number of rows the list then shows (by severity in profile order; by age of ``occurred_at``:
  < 1 d, 1–3 d, 3–7 d, > 7 d);
* SLA watch: ``app.services.queries.sla_watch.watches`` — the bulk clocks of every open incident
  at ``now`` (those of the list's cells and the detail pane): *breached* when a clock with a
  target has ``breached``; *at risk* when a clock that still counts (not stopped) has used at
  least ``SLA_RISK_SHARE`` (75 %) of its target — the rule the incident list's SLA filter uses;
* KPIs of this month so far: ``app.reports.data.builder.build_report_data`` for the month-to-date
  period (the calendar month of ``today`` cut at ``today``) — the figures and verdicts the
  monthly report would print;
* trend: incidents per month and overall availability over the last 12 months, from the
  builder's own ``trend`` (6 months) of the month-to-date report and of the report of the month
  six months earlier; the older half is cached per contract and audit-trail state (count and
  last instant of ``AuditEvent``: every action writes one, so any edit that could change a past
  month — an incident, a calendar correction — recomputes it; ``forget_trend`` drops it);
* what is due: ``app.services.agenda.due_items`` grouped by ``kind`` (in the order first met).

Instants are aware UTC, days local.  Functions read only (one session each, no commit) and may be
called from a worker thread.
"""

from __future__ import annotations

import dataclasses
import threading
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from app.core.incident_age import AGE_BUCKETS
from app.core.periods import Period, add_months, period_containing
from app.core.profile import profile_of
from app.core.timeutil import as_utc
from app.services import agenda
from app.services.agenda import DueItem
from app.services.inspection import schedule
from app.services.ledger import Ledger
from app.services.queries.listing import IncidentFilter, count_incidents
from app.services.queries.sla_watch import SLA_RISK_SHARE, SlaFigures, SlaWatch, watch_of, watches

__all__ = ["SLA_RISK_SHARE", "SlaFigures", "SlaWatch", "watch_of"]  # re-exported: the rule lives in sla_watch


INSPECTION_STATES = ("overdue", "due", "in_progress", "upcoming", "done")


@dataclass(frozen=True)
class InspectionCounts:
    """Today's due list by status (``schedule.DueEntry.status``); ``due_slots`` are the slots whose
    window is open now and not started (for the tray): ``(key, label, template_name)`` with key
    ``"template_id|due_date|slot"``."""

    by_status: dict[str, int]
    due_slots: tuple[tuple[str, str, str], ...] = ()

    def count(self, status: str) -> int:
        """How many entries have ``status`` (0 if none)."""
        return self.by_status.get(status, 0)


@dataclass(frozen=True)
class SeverityCount:
    """Open incidents of one severity (``name`` and ``major`` from the profile)."""

    code: str
    name: str
    count: int
    major: bool = False


@dataclass(frozen=True)
class AgeCount:
    """Open incidents whose ``occurred_at`` lies in ``[start, end)`` (``None`` = unbounded): the
    age bucket ``code`` of ``AGE_BUCKETS`` as at the ``now`` the figures were taken."""

    code: str
    count: int
    start: datetime | None
    end: datetime | None


@dataclass(frozen=True)
class IncidentCounts:
    """Open incidents (status not ``closed``): total, by severity, by age."""

    open_total: int
    by_severity: tuple[SeverityCount, ...]
    by_age: tuple[AgeCount, ...]


@dataclass(frozen=True)
class NowFigures:
    """The quick half of the overview: inspections, incidents, SLA watch, what is due."""

    today: date
    now: datetime
    inspections: InspectionCounts
    incidents: IncidentCounts
    sla: SlaFigures
    due: tuple[tuple[str, tuple[DueItem, ...]], ...]


@dataclass(frozen=True)
class KpiFigure:
    """One KPI of the month so far, as the report builder has it (``KpiRow``): ``actual`` in
    ``unit`` (the profile's unit code ``%`` / ``count`` / ``hours``; shown by
    ``app.core.kpi.fmt_in_unit``), ``verdict`` ``met``/``missed``/``not_assessable``, ``reason`` why no figure."""

    code: str
    name: str
    unit: str
    target: float
    comparison: str
    actual: float | None
    verdict: str
    reason: str


@dataclass(frozen=True)
class TrendPoint:
    """One month of the trend: ``key`` ``YYYY-MM``, incidents that occurred, availability % (None
    when a calendar does not cover it or nothing was measured)."""

    key: str
    incidents: int
    availability_pct: float | None


@dataclass(frozen=True)
class MonthFigures:
    """The heavy half: this month's KPIs so far (``period`` = month-to-date) and the trend."""

    period: Period
    kpis: tuple[KpiFigure, ...]
    trend: tuple[TrendPoint, ...]


# ------------------------------------------------------------------------------- quick half
def now_figures(ledger: Ledger, contract_id: uuid.UUID, today: date, now: datetime) -> NowFigures:
    """Inspections, incidents, SLA watch and what is due for ``contract_id`` on local ``today``
    at instant ``now`` (aware).  Raises ``NotFoundError`` nowhere: an unknown contract yields
    empty figures."""
    now = as_utc(now)
    return NowFigures(today=today, now=now, inspections=inspection_counts(ledger, contract_id, today, now),
                      incidents=incident_counts(ledger, contract_id, now),
                      sla=sla_figures(ledger, contract_id, now), due=due_groups(ledger, contract_id, today))


def inspection_counts(ledger: Ledger, contract_id: uuid.UUID, today: date, now: datetime) -> InspectionCounts:
    """``schedule.due_list`` of ``today`` at ``now`` counted by status."""
    from app.store.models import Contract

    with ledger.session() as s:
        contract = s.get(Contract, contract_id)
        entries = schedule.due_list(s, contract, today, now) if contract is not None else []
    counts = dict.fromkeys(INSPECTION_STATES, 0)
    for e in entries:
        counts[e.status] = counts.get(e.status, 0) + 1
    slots = tuple((f"{e.slot.template_id}|{e.slot.due_date}|{e.slot.slot}", e.slot.label, e.slot.template_name)
                  for e in entries if e.status == "due")
    return InspectionCounts(counts, slots)


def age_filters(now: datetime) -> tuple[tuple[str, datetime | None, datetime | None], ...]:
    """``(code, start, end)`` of each age bucket at ``now``: ``occurred_at`` in ``[start, end)``."""
    now = as_utc(now)
    out = []
    for code, lo, hi in AGE_BUCKETS:
        start = now - timedelta(days=hi) if hi is not None else None
        end = now - timedelta(days=lo) if lo else None
        out.append((code, start, end))
    return tuple(out)


def incident_counts(ledger: Ledger, contract_id: uuid.UUID, now: datetime) -> IncidentCounts:
    """Open incidents by severity (every profile severity, in order, zeros included) and age."""
    from app.store.models import Contract

    with ledger.session() as s:
        contract = s.get(Contract, contract_id)
        if contract is None:
            return IncidentCounts(0, (), ())
        sevs = profile_of(contract).severities if contract.profile else ()
        total = count_incidents(s, contract_id, IncidentFilter(open_only=True))
        by_sev = tuple(SeverityCount(v.code, v.name, count_incidents(
            s, contract_id, IncidentFilter(open_only=True, severities=(v.code,))), v.major) for v in sevs)
        by_age = tuple(AgeCount(code, count_incidents(
            s, contract_id, IncidentFilter(open_only=True, start=start, end=end)), start, end)
            for code, start, end in age_filters(now))
    return IncidentCounts(total, by_sev, by_age)


def sla_figures(ledger: Ledger, contract_id: uuid.UUID, now: datetime) -> SlaFigures:
    """The SLA watch of every open incident at ``now`` (``sla_watch.watches``, the one rule)."""
    return watches(ledger, contract_id, now)


def due_groups(ledger: Ledger, contract_id: uuid.UUID, today: date) -> tuple[tuple[str, tuple[DueItem, ...]], ...]:
    """``agenda.due_items`` grouped by ``kind``, groups in the order their first item comes
    (overdue first), items in ``due_items`` order."""
    groups: dict[str, list[DueItem]] = {}
    for item in agenda.due_items(ledger, contract_id, today):
        groups.setdefault(item.kind, []).append(item)
    return tuple((k, tuple(v)) for k, v in groups.items())


# ------------------------------------------------------------------------------- heavy half
def month_to_date(contract: object, today: date) -> Period:
    """The calendar month of ``today`` cut at ``today`` (the period the KPI tiles show)."""
    return dataclasses.replace(period_containing("monthly", today, contract), end=today)


_trend_cache: dict[tuple[Any, ...], tuple[TrendPoint, ...]] = {}
_trend_lock = threading.Lock()


def forget_trend(contract_id: uuid.UUID | None = None) -> None:
    """Drop the cached older half of the trend (of ``contract_id``, or all) after a change."""
    with _trend_lock:
        for key in [k for k in _trend_cache if contract_id is None or k[1] == contract_id]:
            del _trend_cache[key]


def _audit_state(session: Any) -> tuple[int, Any]:
    """(count, last ``at``) of the audit trail: changes whenever any action wrote anything."""
    from sqlalchemy import func, select

    from app.store.models import AuditEvent

    count, last = session.execute(select(func.count(), func.max(AuditEvent.at))).one()
    return int(count), last


def _points(trend: list[dict[str, Any]]) -> tuple[TrendPoint, ...]:
    return tuple(TrendPoint(t["key"], int(t["incidents"]), t["availability_pct"]) for t in trend)


def month_figures(ledger: Ledger, contract_id: uuid.UUID, today: date, now: datetime) -> MonthFigures | None:
    """KPIs of the month so far and the 12-month trend (``None`` for an unknown contract)."""
    from app.reports.data.builder import build_report_data
    from app.store.models import Contract

    now = as_utc(now)
    with ledger.session() as s:
        contract = s.get(Contract, contract_id)
        if contract is None:
            return None
        period = month_to_date(contract, today)
        data = build_report_data(s, contract, period, now=now)
        older_period = period_containing("monthly", add_months(period.start, -6), contract)
        key = (str(ledger.url), contract_id, older_period.key, *_audit_state(s))
        with _trend_lock:
            older = _trend_cache.get(key)
        if older is None:
            older = _points(build_report_data(s, contract, older_period, now=now).trend)
            with _trend_lock:  # one entry per contract: the stale one goes
                for old in [k for k in _trend_cache if k[:2] == key[:2]]:
                    del _trend_cache[old]
                _trend_cache[key] = older
    recent = _points(data.trend)
    kpis = tuple(KpiFigure(k.code, k.name, k.unit_code, k.target, k.comparison, k.actual, k.verdict, k.reason)
                 for k in data.kpis)
    return MonthFigures(period, kpis, (*older, *recent)[-12:])
