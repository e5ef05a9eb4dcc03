"""Report data, the figures of profile-v2 KPIs that need their own records (scoped, filtered or
metrics the report's sections do not print): ONE function per metric, each returning a
``Figure`` — the actual value (``None`` for nothing to measure), why not, and the trace (the
records counted).  The arithmetic is ``app.core.kpi``; ``app.reports.data.kpis`` picks a figure
for each KPI.

Scope (``Kpi.scope``): a service group limits a figure to its services (incidents linked to
them, their availability, requests about them); an asset class to its assets (incidents
touching them; availability of each asset from those incidents' outage windows).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import kpi as kpi_math
from app.core.i18n import _
from app.core.profile import ContractProfile, Kpi
from app.core.timeutil import LOCAL_TZ
from app.errors import CalendarCoverageError
from app.reports.data import availability as avail
from app.services.calendar.service_time import (
    ServiceCalendar,
    downtime_service_minutes,
    merge_windows,
)
from app.services.incident.sla import incident_clocks, outages_over, request_resolve_clock
from app.store.models import (
    Asset,
    Contract,
    Incident,
    IncidentAsset,
    IncidentEvent,
    IncidentService,
    Service,
    ServiceRequest,
)

TraceItem = tuple[str, str, str]


@dataclass
class Figure:
    """One KPI figure: ``actual`` (unit of the KPI), ``reason`` when None (``no_data``,
    ``not_computable``, ``no_records``), ``trace`` the records counted, ``years`` uncovered."""

    actual: float | None
    reason: str = ""
    trace: list[TraceItem] = field(default_factory=list)
    years: list[int] = field(default_factory=list)


@dataclass
class Ctx:
    """What every figure function reads: the counted span ``[start_i, end_i)`` (aware UTC),
    ``now``, the profile, its calendars and the contract's services/assets by code."""

    session: Session
    contract: Contract
    prof: ContractProfile
    start_i: datetime
    end_i: datetime
    now: datetime
    cals: dict[str, ServiceCalendar]
    services: dict[str, Service]
    assets: dict[str, Asset] = field(default_factory=dict)
    report_kind: str = "monthly"

    @property
    def until(self) -> datetime:
        """The instant figures are read as at: the span end, or now if earlier."""
        return min(self.end_i, self.now)


def scope_ids(ctx: Ctx, scope: str | None) -> tuple[set[uuid.UUID] | None, set[uuid.UUID] | None]:
    """``(service ids, asset ids)`` of a scope (None, None: no scope; one side empty set)."""
    if not scope:
        return None, None
    svc = ctx.prof.group_services(scope)
    if svc is not None:
        return {ctx.services[c].id for c in svc if c in ctx.services}, None
    codes = ctx.prof.class_assets(scope, [(a.code, a.kind) for a in ctx.assets.values()]) or ()
    return None, {ctx.assets[c].id for c in codes if c in ctx.assets}


def incidents_in(ctx: Ctx, spec: Kpi) -> list[Incident]:
    """Incidents occurred in the span of the KPI's class, severity (a code or ``major``) and scope."""
    q = select(Incident).where(Incident.contract_id == ctx.contract.id, Incident.occurred_at >= ctx.start_i,
                               Incident.occurred_at < ctx.end_i)
    if spec.incident_class:
        q = q.where(Incident.incident_class == spec.incident_class)
    if spec.severity and spec.severity != "major":
        q = q.where(Incident.severity == spec.severity)
    svc, ast = scope_ids(ctx, spec.scope)
    if svc is not None:
        q = q.where(Incident.id.in_(select(IncidentService.incident_id).where(IncidentService.service_id.in_(svc))))
    if ast is not None:
        q = q.where(Incident.id.in_(select(IncidentAsset.incident_id).where(IncidentAsset.asset_id.in_(ast))))
    rows = list(ctx.session.scalars(q.order_by(Incident.occurred_at)))
    if spec.severity == "major":
        rows = [i for i in rows if ctx.prof.is_major(i.severity)]
    return rows


def incident_count(ctx: Ctx, spec: Kpi) -> Figure:
    """故障数 of a class × severity × scope (e.g. 重大安全事件 0 起 apart from 重大运行故障)."""
    rows = incidents_in(ctx, spec)
    return Figure(float(len(rows)), "", [("incident", i.number, i.title) for i in rows])


def _outage_windows(ctx: Ctx, spec: Kpi) -> tuple[dict[uuid.UUID, list[tuple[datetime, datetime]]],
                                                 dict[uuid.UUID, tuple[str, str]]]:
    """Per service id (or, for an asset class, per asset id) the clipped outage windows of the span."""
    svc, ast = scope_ids(ctx, spec.scope)
    per: dict[uuid.UUID, list[tuple[datetime, datetime]]] = defaultdict(list)
    names: dict[uuid.UUID, tuple[str, str]] = {}
    if ast is not None:
        q = (select(IncidentAsset.asset_id, Incident.id, Incident.number, Incident.title, Incident.occurred_at,
                    Incident.restored_at)
             .join(Incident, Incident.id == IncidentAsset.incident_id)
             .where(Incident.contract_id == ctx.contract.id, IncidentAsset.asset_id.in_(ast),
                    Incident.occurred_at < ctx.end_i))
        for aid, iid, number, title, a, b in ctx.session.execute(q):
            s, e = max(a, ctx.start_i), min(b or ctx.until, ctx.end_i)
            if s < e:
                per[aid].append((s, e))
                names[iid] = (number, title)
        return per, names
    for sid, iid, number, title, ds, de in avail.windows(ctx.session, ctx.contract, ctx.start_i, ctx.end_i):
        if svc is not None and sid not in svc:
            continue
        s, e = max(ds, ctx.start_i), min(de or ctx.until, ctx.end_i)
        if s < e:
            per[sid].append((s, e))
            names[iid] = (number, title)
    return per, names


def availability(ctx: Ctx, spec: Kpi) -> Figure:
    """系统稳定运行率 of a scope: ``1 − Σ downtime ÷ Σ service time`` over its services (each in its
    own calendar, overrides such as 重点保障期 7×24 included) or its assets (default calendar)."""
    svc, ast = scope_ids(ctx, spec.scope)
    per, names = _outage_windows(ctx, spec)
    total = down = 0.0
    trace: list[TraceItem] = []
    try:
        if ast is not None:
            cal = ctx.cals[ctx.prof.default_calendar_code]
            for aid in sorted(ast, key=str):
                total += cal.service_minutes(ctx.start_i, max(ctx.start_i, ctx.until))
                down += downtime_service_minutes(cal, per.get(aid, []), ctx.start_i, max(ctx.start_i, ctx.until))
        else:
            for s in ctx.services.values():
                if (svc is not None and s.id not in svc) or (not s.active and s.id not in per):
                    continue
                svc_cal = ctx.cals.get(s.calendar or ctx.prof.default_calendar_code)
                if svc_cal is None:
                    return Figure(None, "not_computable")
                cal = svc_cal
                total += cal.service_minutes(ctx.start_i, max(ctx.start_i, ctx.until))
                down += downtime_service_minutes(cal, per.get(s.id, []), ctx.start_i, max(ctx.start_i, ctx.until))
    except CalendarCoverageError as exc:
        return Figure(None, "not_computable", years=list(exc.years))
    trace = [("incident", n, t) for n, t in sorted(names.values())]
    trace.append(("figure", _("service time"), _("{down} of {total} service min down",
                                                  down=f"{down:g}", total=f"{total:g}")))
    value = kpi_math.availability_pct(total, down)
    return Figure(value, "" if value is not None else "no_data", trace)


def stable_run_rate(ctx: Ctx, spec: Kpi) -> Figure:
    """稳定运行率 by days: the share of (service, day) pairs with service time that no outage
    touched (``kpi_math.stable_run_rate``); for an asset class, (asset, working day) pairs."""
    svc, ast = scope_ids(ctx, spec.scope)
    per, names = _outage_windows(ctx, spec)
    units: list[tuple[uuid.UUID, ServiceCalendar]] = []
    if ast is not None:
        units = [(aid, ctx.cals[ctx.prof.default_calendar_code]) for aid in ast]
    else:
        for s in ctx.services.values():
            if (svc is None or s.id in svc) and s.active:
                units.append((s.id, ctx.cals[s.calendar or ctx.prof.default_calendar_code]))
    first = ctx.start_i.astimezone(LOCAL_TZ).date()
    last = (max(ctx.start_i, ctx.until) - timedelta(microseconds=1)).astimezone(LOCAL_TZ).date()
    days = service = 0
    unstable: list[TraceItem] = []
    try:
        for uid, cal in units:
            merged = merge_windows(per.get(uid, []))
            d = first
            while d <= last:
                wins = [(w.start, w.end) for w in cal.day_windows(d)]
                if wins:
                    service += 1
                    hit = any(a < we and ws < b for a, b in merged for ws, we in wins)
                    days += 0 if hit else 1
                    if hit:
                        unstable.append(("day", d.isoformat(), _("outage in service hours")))
                d += timedelta(days=1)
    except CalendarCoverageError as exc:
        return Figure(None, "not_computable", years=list(exc.years))
    value = kpi_math.stable_run_rate(days, service)
    trace = [("incident", n, t) for n, t in sorted(names.values())] + unstable
    return Figure(value, "" if value is not None else "no_data", trace)


def long_outage_count(ctx: Ctx, spec: Kpi) -> Figure:
    """Outages over ``threshold_minutes`` service minutes of the KPI's calendar (Justice Bureau
    §2.9: 不超过 2 次 超过 2 小时), per incident as ``sla.outages_over`` finds them."""
    per_inc: dict[uuid.UUID, list[tuple[datetime, datetime]]] = defaultdict(list)
    names: dict[uuid.UUID, tuple[str, str]] = {}
    svc, _ast = scope_ids(ctx, spec.scope)
    for sid, iid, number, title, ds, de in avail.windows(ctx.session, ctx.contract, ctx.start_i, ctx.end_i):
        if svc is not None and sid not in svc:
            continue
        a, b = max(ds, ctx.start_i), min(de or ctx.until, ctx.end_i)
        if a < b:
            per_inc[iid].append((a, b))
            names[iid] = (number, title)
    cal = ctx.cals.get(spec.calendar or ctx.prof.default_calendar_code)
    if cal is None or spec.threshold_minutes is None:
        return Figure(None, "not_computable")
    if spec.incident_class:
        keep = set(ctx.session.scalars(select(Incident.id).where(Incident.id.in_(list(per_inc)),
                                                                 Incident.incident_class == spec.incident_class)))
        per_inc = {k: v for k, v in per_inc.items() if k in keep}
    found: list[TraceItem] = []
    try:
        for iid, wins in sorted(per_inc.items(), key=lambda kv: names[kv[0]]):
            for _a, _b, minutes in outages_over(cal, wins, ctx.start_i, ctx.end_i, float(spec.threshold_minutes)):
                found.append(("incident", names[iid][0], _("{title} ({minutes} min)", title=names[iid][1],
                                                           minutes=f"{minutes:.0f}")))
    except CalendarCoverageError as exc:
        return Figure(None, "not_computable", years=list(exc.years))
    return Figure(float(len(found)), "", found)


def requests_in(ctx: Ctx, spec: Kpi) -> list[ServiceRequest]:
    """Requests received in the span (about the scope's services when a service group)."""
    q = select(ServiceRequest).where(ServiceRequest.contract_id == ctx.contract.id,
                                     ServiceRequest.received_at >= ctx.start_i, ServiceRequest.received_at < ctx.end_i)
    svc, _ast = scope_ids(ctx, spec.scope)
    if svc is not None:
        q = q.where(ServiceRequest.service_id.in_(svc))
    return list(ctx.session.scalars(q.order_by(ServiceRequest.received_at)))


def request_satisfaction(ctx: Ctx, spec: Kpi) -> Figure:
    """用户满意度 of the requests (about the scope's services) received in the span."""
    rows = requests_in(ctx, spec)
    n = {k: sum(1 for r in rows if r.satisfaction == k) for k in ("satisfied", "mostly_satisfied", "dissatisfied")}
    value = kpi_math.satisfaction_rate(n["satisfied"], n["mostly_satisfied"], n["dissatisfied"])
    return Figure(value, "" if value is not None else "no_data",
                  [("service_request", r.number, r.satisfaction or "") for r in rows if r.satisfaction])


def complaint_rate(ctx: Ctx, spec: Kpi) -> Figure:
    """投诉率: complaints ÷ requests received in the span (``kpi_math.complaint_rate``)."""
    rows = requests_in(ctx, spec)
    value = kpi_math.complaint_rate(sum(1 for r in rows if r.complaint), len(rows))
    return Figure(value, "" if value is not None else "no_data",
                  [("service_request", r.number, r.complaint_text or r.title) for r in rows if r.complaint])


def _request_resolve(ctx: Ctx, spec: Kpi) -> tuple[int, int, list[TraceItem], set[int]]:
    """(met, total, breached requests, uncovered years) of the requests' resolve clocks."""
    met = total = 0
    trace: list[TraceItem] = []
    years: set[int] = set()
    for r in requests_in(ctx, spec):
        try:
            c = request_resolve_clock(r, ctx.prof, ctx.cals, ctx.until)
        except CalendarCoverageError as exc:
            years.update(exc.years)
            continue
        if c.breached is None or (c.stopped_at is None and not c.breached):
            continue
        total += 1
        met += 0 if c.breached else 1
        if c.breached:
            trace.append(("service_request", r.number, r.title))
    return met, total, trace, years


def _incident_sla(ctx: Ctx, spec: Kpi) -> tuple[int, int, list[TraceItem], set[int]]:
    """(met, total, breached incidents, uncovered years) of the incidents' ``spec.sla`` clocks."""
    met = total = 0
    trace: list[TraceItem] = []
    years: set[int] = set()
    rows = incidents_in(ctx, spec)
    events: dict[uuid.UUID, list[IncidentEvent]] = defaultdict(list)
    if rows:
        for ev in ctx.session.scalars(select(IncidentEvent).where(
                IncidentEvent.incident_id.in_([i.id for i in rows])).order_by(IncidentEvent.at)):
            events[ev.incident_id].append(ev)
    for i in rows:
        try:
            clocks = incident_clocks(i, events[i.id], ctx.prof, ctx.cals, ctx.until, _incident_scope(ctx, i),
                                     explain=False)  # figures only
        except CalendarCoverageError as exc:
            years.update(exc.years)
            continue
        c = clocks.clock(spec.sla or "response")
        if c is None or c.breached is None or (c.stopped_at is None and not c.breached):
            continue
        total += 1
        met += 0 if c.breached else 1
        if c.breached:
            trace.append(("incident", i.number, i.title))
    return met, total, trace, years


def sla_compliance(ctx: Ctx, spec: Kpi) -> Figure:
    """Share of incidents (of the class, severity, scope) whose ``sla`` clock met its target, as at
    the span end: a stopped clock within target is met, past target breached; a running clock
    past target breached, within target pending (left out).  ``request_resolve``: the requests'
    resolve clocks likewise.  The trace lists the breached records."""
    met, total, trace, years = (_request_resolve if spec.sla == "request_resolve" else _incident_sla)(ctx, spec)
    value = kpi_math.compliance_rate(met, total)
    if value is None:
        return Figure(None, "not_computable" if years else "no_data", trace, sorted(years))
    return Figure(value, "", trace, sorted(years))


def _incident_scope(ctx: Ctx, i: Incident) -> tuple[str, ...]:
    if not ctx.prof.service_groups and not ctx.prof.asset_classes:
        return ()
    svc = ctx.session.scalars(select(Service.code).join(IncidentService, IncidentService.service_id == Service.id)
                              .where(IncidentService.incident_id == i.id)).all()
    ast = ctx.session.scalars(select(Asset.code).join(IncidentAsset, IncidentAsset.asset_id == Asset.id)
                              .where(IncidentAsset.incident_id == i.id)).all()
    return ctx.prof.scopes_of(services=svc, assets=ast)


METRICS = {
    "availability": availability, "stable_run_rate": stable_run_rate, "incident_count": incident_count,
    "long_outage_count": long_outage_count, "request_satisfaction": request_satisfaction,
    "complaint_rate": complaint_rate, "sla_compliance": sla_compliance,
}
"""metric → its figure function here (record counts: ``kpi_records``; ``inspection_completion``
reads the inspections section)."""
