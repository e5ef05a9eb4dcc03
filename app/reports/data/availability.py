"""Report data, availability (系统稳定运行率) and long outages (Justice Bureau §2.9).

Availability per service: ``1 − downtime ÷ service time`` (``app.core.kpi.availability_pct``),
both in the service's own calendar; service time is ``ServiceCalendar.service_minutes`` of the
counted span up to ``now`` (from the calendar's minute index) (a period still running is not "available" in its future), downtime is ``downtime_service_minutes`` (the union of its outage windows, an
open window running to ``min(now, span end)``).  Long outages: every outage of an incident over
``threshold_minutes`` service minutes of the KPI's calendar, as ``sla.outages_over`` finds them.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.core import kpi as K
from app.core.downtime import downtime_windows
from app.core.i18n import _
from app.core.profile import profile_of
from app.errors import CalendarCoverageError
from app.reports.data.shapes import ReportData, ServiceAvailability, Trace
from app.services.calendar.minute_index import index_for
from app.services.calendar.service_time import ServiceCalendar, downtime_service_minutes
from app.services.incident.sla import outages_over
from app.store.models import Contract, Incident, IncidentEvent, IncidentService, Service

Window = tuple[uuid.UUID, uuid.UUID, str, str, datetime, "datetime | None"]


def windows(session: Session, contract: Contract, start_i: datetime, end_i: datetime) -> list[Window]:
    """``(service_id, incident_id, number, title, window_start, window_end|None)`` overlapping
    ``[start_i, end_i)``.

    Windows come from ``app.core.downtime.downtime_windows`` (a reopened incident is a second
    outage); an incident whose stored window ended before the span is still read when it was
    restored again later (or is not restored now).  Events are loaded in one query per 500.
    """
    q = (select(IncidentService, Incident.number, Incident.title)
         .join(Incident, Incident.id == IncidentService.incident_id)
         .where(Incident.contract_id == contract.id, IncidentService.downtime_start.is_not(None),
                IncidentService.downtime_start < end_i,
                or_(IncidentService.downtime_end.is_(None), IncidentService.downtime_end > start_i,
                    Incident.restored_at.is_(None), Incident.restored_at > start_i)))
    rows = session.execute(q).all()
    events: dict[uuid.UUID, list[IncidentEvent]] = defaultdict(list)
    ids = list({link.incident_id for link, _n, _t in rows if not link.downtime_edited})
    for i in range(0, len(ids), 500):
        for ev in session.scalars(select(IncidentEvent).where(IncidentEvent.incident_id.in_(ids[i:i + 500]))):
            events[ev.incident_id].append(ev)
    out = []
    for link, number, title in rows:
        for ds, de in downtime_windows(link, events.get(link.incident_id, [])):
            if ds < end_i and (de is None or de > start_i):
                out.append((link.service_id, link.incident_id, number, title, ds, de))
    return out


def default_calendar(contract: Contract, cals: dict[str, ServiceCalendar]) -> str:
    """The profile's default calendar code (else its first calendar, else "")."""
    return profile_of(contract).default_calendar or next(iter(cals), "")


def _service_minutes(cal: ServiceCalendar, start_i: datetime, end_i: datetime) -> float:
    """``cal.service_minutes`` over ``[start_i, end_i)`` read from the calendar's cumulative
    minute index (``index_for``: built once per calendar year, shared with the SLA clocks; equal
    to walking the days, property-tested).  An uncovered year is reported by the day walk, which
    names every uncovered year of the span (``CalendarCoverageError``)."""
    try:
        return index_for(cal).service_minutes(start_i, end_i)
    except CalendarCoverageError:
        return cal.service_minutes(start_i, end_i)


def service_row(s: Service, cal_code: str, cal: ServiceCalendar | None, wins: list[tuple[datetime, datetime]],
                start_i: datetime, end_i: datetime) -> ServiceAvailability:
    """Availability of service ``s`` over ``[start_i, end_i)`` from its (capped) outage ``wins``."""
    row = ServiceAvailability(s.code, s.name, cal_code, s.availability_target_pct, None, None, None, None)
    if cal is None:
        row.reason = "calendar_undefined"
        return row
    try:
        row.service_minutes = _service_minutes(cal, start_i, end_i)
        row.downtime_minutes = downtime_service_minutes(cal, wins, start_i, end_i)
    except CalendarCoverageError as exc:
        row.service_minutes = row.downtime_minutes = None
        row.reason, row.uncovered_years = "not_computable", list(exc.years)
        return row
    row.pct = K.availability_pct(row.service_minutes, row.downtime_minutes)
    if row.pct is None:
        row.reason = "no_service_time"
    elif row.target_pct is not None:
        row.met = K.evaluate({"target": row.target_pct, "comparison": ">="}, row.pct)
    return row


def availability(session: Session, contract: Contract, start_i: datetime, end_i: datetime, now: datetime,
                 data: ReportData, tr: Trace, services: list[Service], cals: dict[str, ServiceCalendar]) -> None:
    """Fill ``data.availability`` (one row per active service, or inactive with downtime) and
    ``data.long_outages`` for the counted span ``[start_i, end_i)``."""
    default_cal = default_calendar(contract, cals)
    cap = min(end_i, now)
    per_svc: dict[uuid.UUID, list[tuple[datetime, datetime]]] = defaultdict(list)
    per_inc: dict[uuid.UUID, list[tuple[datetime, datetime]]] = defaultdict(list)
    names: dict[uuid.UUID, tuple[str, str]] = {}
    svc_incs: dict[uuid.UUID, set[tuple[str, str]]] = defaultdict(set)
    for sid, iid, number, title, ds, de in windows(session, contract, start_i, end_i):
        a, b = max(ds, start_i), min(de or cap, end_i)
        if b <= a:
            continue
        per_svc[sid].append((a, b))
        per_inc[iid].append((a, b))
        names[iid] = (number, title)
        svc_incs[sid].add((number, title))
    for s in services:
        if not s.active and s.id not in per_svc:
            continue
        code = s.calendar or default_cal
        row = service_row(s, code, cals.get(code), per_svc.get(s.id, []), start_i, max(start_i, cap))
        row.incidents = sorted(n for n, _t in svc_incs.get(s.id, set()))
        data.uncovered_years = sorted(set(data.uncovered_years) | set(row.uncovered_years))
        for n, t in sorted(svc_incs.get(s.id, set())):
            tr[f"availability.{s.code}"].append(("incident", n, t))
        data.availability.append(row)
    _long_outages(contract, start_i, end_i, data, tr, cals, per_inc, names)


def not_observed(rows: list[ServiceAvailability]) -> None:
    """Mark each computed row of a period nobody recorded anything in (``kpis.period_observed``)
    as not assessable: no downtime record there is no evidence of 100 % (reason ``no_records``)."""
    for row in rows:
        if row.pct is not None:
            row.pct, row.met, row.reason = None, None, "no_records"


def _long_outages(contract: Contract, start_i: datetime, end_i: datetime, data: ReportData, tr: Trace,
                  cals: dict[str, ServiceCalendar], per_inc: dict[uuid.UUID, list[tuple[datetime, datetime]]],
                  names: dict[uuid.UUID, tuple[str, str]]) -> None:
    """Justice Bureau §2.9 (no more than 2 outages over 2 h in working time): each incident's
    outages over the KPI's ``threshold_minutes`` (required) in its ``calendar`` (default the
    profile's default), by ``sla.outages_over``.  Rows ``{number, title, start, end, minutes}``."""
    spec = next(iter(profile_of(contract).kpis_of("long_outage_count")), None)
    if spec is None:
        return
    cal = cals.get(spec.calendar or default_calendar(contract, cals))
    if cal is None:
        return
    if spec.threshold_minutes is None:  # the import refuses such a KPI; a stored one shows nothing
        return
    threshold = float(spec.threshold_minutes)
    for iid, wins in per_inc.items():
        try:
            found = outages_over(cal, wins, start_i, end_i, threshold)
        except CalendarCoverageError as exc:
            data.uncovered_years = sorted(set(data.uncovered_years) | set(exc.years))
            data.long_outages_computable = False
            continue
        number, title = names[iid]
        for a, b, minutes in found:
            data.long_outages.append({"number": number, "title": title, "start": a, "end": b, "minutes": minutes})
            tr["long_outages"].append(("incident", number, _("{title} ({minutes} min)", title=title,
                                                               minutes=f"{minutes:.0f}")))
    data.long_outages.sort(key=lambda r: (r["number"], r["start"]))
