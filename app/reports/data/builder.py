"""The one report-data builder: every figure a contract report shows, computed once, traceable.

``build_report_data(session, contract, period)`` → :class:`ReportData` (plain dataclasses and
lists of rows, no Qt, no rendering).  Renderers never compute; ``compose`` only words the figures.

Rules and sources:

- Instants are aware UTC; the period is the local days ``[start 00:00, end+1 00:00)`` Beijing time.
- Start of use (启用日期, ``Contract.effective_ledger_start``): every figure counts only the part
  of the period from that day on (``ReportData.counted_from``); a period wholly before it counts
  nothing (``counted_from`` None) and its KPIs read 无法评定; the composer says so in words.
- Inspections: ``app.services.inspection.schedule.completion`` — the one count the
  inspection-log export and the KPI table read too; missed slots are traced by label.  Abnormal results are those with outcome ``abnormal`` in inspections
  due in the period, each with the incident raised from it (``Incident.source_result_id``).
- Incidents: those that *occurred* in the period.  SLA compliance uses the flags stored when an
  incident was closed; for the others ``app.services.incident.sla.incident_clocks`` evaluated *as at the
  period end* (or now, if earlier) so a past period's report does not change with the day it is
  generated: a running clock within target is "pending", past target "breached".  A
  ``CalendarCoverageError`` counts the incident as "not computable" and the report says so.  Mean time to restore = mean of restore service-minutes.  "Open at period end" =
  occurred before the period end and not closed by then.  Major = severity with ``major: true``.
- Availability per service (系统稳定运行率): ``1 − downtime ÷ service time`` in the service's own
  calendar; downtime = union of its ``IncidentService`` windows clipped to the period (an open
  window runs to ``min(now, period end)``).  Long outages (``long_outage_count`` KPI, Justice
  Bureau §2.9): ``app.services.incident.sla.outages_over`` on each incident's windows, in the
  KPI's ``calendar`` (default the profile's default calendar), over ``threshold_minutes``.
- Service requests received in the period: by channel/category; response compliance against
  ``service_desk.response_minutes`` service minutes in its calendar, computed by
  ``app.services.incident.sla.request_clocks`` (nothing pauses a request) read as at the period end:
  unanswered past the target = breached, else pending; satisfaction = (satisfied + mostly_satisfied) ÷ rated; complaints.
- Requirements collected in the period (the ``requirements`` kind also lists those updated).
- Work log hours per engineer: ``app.services.servicedesk.worklog.hours_by_engineer`` (finished inspections'
  durations + manual ``WorkLogEntry.duration_minutes`` by ``work_date``).
- KPIs from the typed profile's ``kpis`` (``profile_of(contract).kpis``) (``app.reports.data.kpis``), each beside the previous
  period's value.

Service time is ``app.services.calendar.service_time.ServiceCalendar`` itself (its per-day cache
makes the thousands of questions a year's report asks cheap); one module per section:
``inspections``, ``incidents``, ``availability``, ``desk``, ``kpis``; shapes in ``shapes``.
"""


from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.periods import Period, last_periods, previous
from app.core.profile import profile_of
from app.core.timeutil import as_utc, local_dt, utcnow
from app.errors import ValidationError
from app.reports.data import availability as AV
from app.reports.data import credentials, desk, kpis
from app.reports.data.backups import backups
from app.reports.data.incidents import incidents
from app.reports.data.inspections import empty_inspections, inspections
from app.reports.data.observed import recorded_days as observed_days
from app.reports.data.shapes import KpiRow, ReportData, ServiceAvailability, Trace, TraceItem
from app.services.calendar.service_time import ServiceCalendar, load_calendars
from app.store.models import Contract, Engineer, Incident, Service

__all__ = ["KpiRow", "ReportData", "ServiceAvailability", "TraceItem", "build_report_data", "counted_span"]


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """Local days ``[start, end]`` as aware UTC instants ``[start 00:00, end+1 00:00)``."""
    return local_dt(start, time()), local_dt(end + timedelta(days=1), time())


def counted_span(period: Period, contract: Contract) -> tuple[date, date] | None:
    """The local days of ``period`` that count: from ``max(period.start, effective_ledger_start)``
    to ``period.end``; ``None`` when the whole period lies before the start of use."""
    first = max(period.start, contract.effective_ledger_start)
    return None if first > period.end else (first, period.end)


def build_report_data(session: Session, contract: Contract, period: Period, *,
                      now: datetime | None = None) -> ReportData:
    """Compute the report data for ``contract`` and ``period`` (see the module doc for rules).

    ``now`` (aware, default the current instant) bounds open downtime windows and due slots.
    Also builds the previous period's headline and KPI figures (when it lies after the start of
    use) and the trend over the last 6 periods of the same kind.  Raises nothing for empty
    periods (``has_data`` False) or calendar gaps (figures ``None`` with their reason).
    """
    now = as_utc(now) if now else utcnow()
    cals = load_calendars(session, contract)
    data = _build(session, contract, period, now, cals, full=True)
    try:
        prev: Period | None = previous(period, contract)
    except ValidationError:  # no contract-year period before the first
        prev = None
    if prev is not None and counted_span(prev, contract) is not None:
        p = _build(session, contract, prev, now, cals, full=False)
        data.previous_period = prev
        data.previous_headline = p.headline
        prev_kpi = {k.code: k.actual for k in p.kpis}
        for k in data.kpis:
            k.previous = prev_kpi.get(k.code)
    data.trend = _trend(session, contract, period, now, cals)
    return data


def _build(session: Session, contract: Contract, period: Period, now: datetime,
           cals: dict[str, ServiceCalendar], *, full: bool) -> ReportData:
    """One period's data (``full`` False: the previous period, headline and KPIs only)."""
    prof = profile_of(contract)
    data = ReportData(
        contract_name=contract.name, contract_title=contract.title, client=contract.client,
        provider=contract.provider, term_start=contract.term_start, term_end=contract.term_end,
        profile=prof, period=period, previous_period=None, generated_at=now,
        ledger_start=contract.effective_ledger_start,
    )
    tr: Trace = defaultdict(list)
    data._trace = tr
    span = counted_span(period, contract)
    data.counted_from = span[0] if span else None
    first, last = span or (period.start, period.start - timedelta(days=1))
    start_i, end_i = _bounds(first, last) if span else (_bounds(period.start, period.end)[0],) * 2
    services = list(session.scalars(select(Service).where(Service.contract_id == contract.id)
                                    .order_by(Service.code)))
    svc_by_id = {s.id: s for s in services}
    if period.kind == "requirements":
        if span:
            desk.requirements(session, contract, start_i, end_i, data, tr, svc_by_id, updated_too=True)
        data.headline["requirements.total"] = len(data.requirements)
        data.has_data = bool(data.requirements)
        return data
    _sections(session, contract, span, start_i, end_i, now, data, tr, services, cals, full)
    _headline(data)
    return data


def _sections(session: Session, contract: Contract, span: tuple[date, date] | None, start_i: datetime,
              end_i: datetime, now: datetime, data: ReportData, tr: Trace, services: list[Service],
              cals: dict[str, ServiceCalendar], full: bool) -> None:
    """Every section of a periodic report over the counted span (nothing when ``span`` is None)."""
    svc_by_id = {s.id: s for s in services}
    engineers = {e.id: e.name for e in session.scalars(select(Engineer).where(Engineer.contract_id == contract.id))}
    if span:
        inspections(session, contract, span[0], span[1], now, data, tr, full)
    else:
        data.inspections = empty_inspections()
    incidents(session, contract, start_i, end_i, now, data, tr, svc_by_id, cals, full)
    if span:
        AV.availability(session, contract, start_i, end_i, now, data, tr, services, cals)
    else:
        data.availability = [ServiceAvailability(s.code, s.name, s.calendar or AV.default_calendar(contract, cals),
                                                 s.availability_target_pct, None, None, None, None,
                                                 reason="before_start") for s in services if s.active]
    desk.requests(session, contract, start_i, end_i, now, data, tr, cals)
    if full:
        desk.requirements(session, contract, start_i, end_i, data, tr, svc_by_id, updated_too=False)
        backups(session, start_i, end_i, now, data)
    if span:
        desk.worklog(session, contract, span[0], span[1], data, tr, engineers)
    else:
        data.worklog = {"by_engineer": [], "total_hours": 0.0}
    if full and span:
        credentials.rotations(session, contract, start_i, end_i, data)
    if span and not kpis.period_observed(data):
        AV.not_observed(data.availability)
    kpis.kpis(data, tr, kpis.Sources(session, contract, start_i, end_i, now, cals) if span else None)


def _headline(data: ReportData) -> None:
    """The headline figures (keys as ``ReportData.headline``) and ``has_data``."""
    h = data.headline
    ins, inc = data.inspections, data.incidents
    for k in ("due", "done", "missed", "open", "performed", "rate_pct"):
        h[f"inspections.{k}"] = ins[k]
    h["inspections.abnormal"] = ins["abnormal_count"]
    h["incidents.total"] = inc["total"]
    h["incidents.major"] = inc["major_count"]
    h["incidents.open_at_end"] = inc["open_count"]
    h["incidents.mttr_minutes"] = inc["mttr_minutes"]
    h["availability.overall_pct"] = kpis.overall_availability(data.availability)
    h["long_outages"] = len(data.long_outages)
    h["requests.total"] = data.requests["total"]
    h["requests.satisfaction_pct"] = data.requests["satisfaction"]["rate_pct"]
    h["requests.complaints"] = len(data.requests["complaints"])
    h["requirements.total"] = len(data.requirements)
    h["worklog.hours"] = data.worklog["total_hours"]
    data.has_data = kpis.period_has_records(data)


def _trend(session: Session, contract: Contract, period: Period, now: datetime,
           cals: dict[str, ServiceCalendar]) -> list[dict[str, Any]]:
    """Last 6 periods of the same kind after the start of use: ``{key, period, incidents,
    availability_pct}`` (``period`` the ``Period``; counted from the start of use; availability
    ``None`` when a service's calendar does not cover it).  Cheap: one query for incident
    instants, one for downtime windows."""
    if period.kind == "requirements":
        return []
    spans = [(p, s) for p in last_periods(period, contract, 6) if (s := counted_span(p, contract))]
    if not spans:
        return []
    span_start, span_end = _bounds(spans[0][1][0], spans[-1][1][1])
    occurred = [o for (o,) in session.execute(select(Incident.occurred_at).where(
        Incident.contract_id == contract.id, Incident.occurred_at >= span_start, Incident.occurred_at < span_end))]
    wins = AV.windows(session, contract, span_start, span_end)
    seen = observed_days(session, contract, spans[0][1][0], spans[-1][1][1])
    services = list(session.scalars(select(Service).where(Service.contract_id == contract.id, Service.active)))
    default_cal = AV.default_calendar(contract, cals)
    out = []
    for p, (first, last) in spans:
        a_i, b_i = _bounds(first, last)
        cap = min(b_i, now)
        rows = [AV.service_row(s, s.calendar or default_cal, cals.get(s.calendar or default_cal),
                               [(ds, de or cap) for sid, _i, _n, _t, ds, de in wins if sid == s.id], a_i,
                               max(a_i, cap))
                for s in services]
        blocked = any(r.reason in ("calendar_undefined", "not_computable") for r in rows)
        n = sum(1 for o in occurred if a_i <= o < b_i)
        observed = n or any(first <= d <= last for d in seen) or any(r.downtime_minutes for r in rows)
        out.append({"key": p.key, "period": p, "incidents": n,
                    "availability_pct": None if blocked or not observed else kpis.overall_availability(rows)})
    return out

