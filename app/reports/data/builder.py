"""The one report-data builder: every figure a contract report shows, computed once, traceable.

``build_report_data(session, contract, period)`` → :class:`ReportData` (plain dataclasses and
lists of rows, no Qt, no rendering).  Renderers never compute; ``compose`` only words the figures.

Rules and sources:

- Instants are aware UTC; the period is the local days ``[start 00:00, end+1 00:00)`` Beijing time.
- Inspections: ``app.services.inspection.schedule.completion`` (slots whose window ended by ``now``); missed
  slots are traced by label.  Abnormal results are those with outcome ``abnormal`` in inspections
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
  Bureau §2.9): incidents whose union of downtime windows exceeds ``threshold_minutes`` service
  minutes of the KPI's ``calendar`` (default the profile's default calendar).
- Service requests received in the period: by channel/category; response compliance against
  ``service_desk.response_minutes`` service minutes in its calendar, the rule of
  ``app.services.incident.sla.request_clocks`` (nothing pauses a request) read as at the period end:
  unanswered past the target = breached, else pending; satisfaction = (satisfied + mostly_satisfied) ÷ rated; complaints.
- Requirements collected in the period (the ``requirements`` kind also lists those updated).
- Work log hours per engineer: ``app.services.servicedesk.worklog.hours_by_engineer`` (finished inspections'
  durations + manual ``WorkLogEntry.duration_minutes`` by ``work_date``).
- KPIs from the profile's ``kpis`` (``profile_of(contract).kpis``), each beside the previous period's value.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.errors import CalendarCoverageError
from app.store.models import (
    Contract,
    Engineer,
    Incident,
    IncidentEvent,
    IncidentService,
    Inspection,
    InspectionResult,
    Requirement,
    Service,
    ServiceRequest,
    WorkLogEntry,
)
from app.core import kpi as K
from app.core.periods import Period, last_periods, previous
from app.core.downtime import downtime_windows
from app.core.timeutil import as_utc, local_dt, to_local, utcnow
from app.core.i18n import _
from app.core.profile import ContractProfile, profile_of
from app.core.vocab import CauseCategory, Channel, IncidentStatus, RequirementStatus, label_of

TraceItem = tuple[str, str, str]  # (record kind, number or id, text)

def _cause_name(code: str | None) -> str:
    """原因分类 as the report prints it: the vocabulary label (app.core.vocab), 未填写 when empty."""
    return label_of(CauseCategory, code) if code else _("Not filled in")


# --------------------------------------------------------------------------- service calendars
class _Calendar:
    """Adapter over ``app.services.calendar.service_time.ServiceCalendar`` (one profile calendar) answering the
    two questions reports ask thousands of times — service minutes of a period, service minutes
    between two instants — from the calendar's own service stretches, cached per local day (the
    same arithmetic as ``ServiceCalendar.service_minutes``, without its per-call overhead).
    Raises ``CalendarCoverageError`` for a year no official calendar source covers."""

    def __init__(self, cal: Any) -> None:
        self.cal = cal
        self._days: dict[date, list[tuple[datetime, datetime]]] = {}
        self._day_minutes: dict[date, float] = {}
        self._periods: dict[tuple[date, date], float] = {}

    def day(self, d: date) -> list[tuple[datetime, datetime]]:
        """Service stretches of local day ``d`` as aware UTC ``(start, end)``."""
        iv = self._days.get(d)
        if iv is None:
            iv = [(p.start, p.end) for p in self.cal.periods(local_dt(d, time()),
                                                            local_dt(d + timedelta(days=1), time()))]
            self._days[d] = iv
        return iv

    def period_minutes(self, start: date, end: date) -> float:
        """Service minutes in the local days ``start``..``end`` inclusive."""
        key = (start, end)
        if key not in self._periods:
            total = 0.0
            d = start
            while d <= end:
                m = self._day_minutes.get(d)
                if m is None:
                    m = self._day_minutes[d] = sum((b - a).total_seconds() for a, b in self.day(d)) / 60.0
                total += m
                d += timedelta(days=1)
            self._periods[key] = total
        return self._periods[key]

    def minutes_between(self, a: datetime, b: datetime) -> float:
        """Service minutes inside the instants ``[a, b)``."""
        if b <= a:
            return 0.0
        total = 0.0
        d, last = to_local(a).date(), to_local(b).date()
        while d <= last:
            for s, e in self.day(d):
                lo, hi = (s if s > a else a), (e if e < b else b)
                if hi > lo:
                    total += (hi - lo).total_seconds()
            d += timedelta(days=1)
        return total / 60.0


def _load_calendars(session: Session, contract: Contract) -> tuple[dict[str, _Calendar], dict[str, Any]]:
    """(code → adapter, code → the service's ``ServiceCalendar``) for the contract."""
    from app.services.calendar.service_time import load_calendars

    raw = load_calendars(session, contract)
    return {code: _Calendar(c) for code, c in raw.items()}, raw


def _merge(windows: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """Union of intervals (sorted, overlapping ones merged)."""
    out: list[tuple[datetime, datetime]] = []
    for a, b in sorted(w for w in windows if w[1] > w[0]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


# --------------------------------------------------------------------------- data shapes
@dataclass
class KpiRow:
    """One KPI: profile spec, this period's ``actual`` (unit as ``unit``), ``met`` (None = no data)
    and the previous period's value."""

    code: str
    name: str
    metric: str
    target: float
    comparison: str
    unit: str
    actual: float | None
    met: bool | None
    previous: float | None = None
    source: str = ""
    note: str = ""


@dataclass
class ServiceAvailability:
    """Availability of one service: minutes in its calendar, ``pct`` None when no service time or
    the calendar does not cover the period (``note`` says why)."""

    code: str
    name: str
    calendar: str
    target_pct: float | None
    service_minutes: float | None
    downtime_minutes: float | None
    pct: float | None
    met: bool | None
    incidents: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class ReportData:
    """Everything a report shows for one contract and period.

    Tables are lists of dict rows (keys documented at each field).  ``headline`` maps figure
    keys to numbers (``incidents.total``, ``inspections.rate_pct`` …) and ``previous_headline`` the
    same for the previous period (empty when there is none).  ``trace(key)`` lists the records
    behind a figure as ``(kind, number, text)``.  ``has_data`` is False when the period holds no
    record at all (the report then says "无数据").
    """

    contract_name: str
    contract_title: str
    client: str
    provider: str
    term_start: date
    term_end: date
    profile: ContractProfile
    period: Period
    previous_period: Period | None
    generated_at: datetime
    headline: dict[str, float | int | None] = field(default_factory=dict)
    previous_headline: dict[str, float | int | None] = field(default_factory=dict)
    inspections: dict[str, Any] = field(default_factory=dict)
    # {"due","done","missed","rate_pct","by_template":[{code,name,frequency,due,done,missed,rate_pct}],
    #  "by_engineer":[{name,done}], "abnormal":[{inspection,date,template,item,value,note,
    #  incident,incident_status}]}
    incidents: dict[str, Any] = field(default_factory=dict)
    # {"total","by_severity":[{code,name,count}],"by_cause":[{code,name,count}],
    #  "by_service":[{code,name,count}],"response":{met,breached,pending,not_computable,rate_pct},
    #  "restore":{…},"mttr_minutes","open_at_end":[{number,title,severity,status,occurred}],
    #  "major":[{number,title,severity,occurred,restored,cause_category,cause,resolution}],
    #  "not_computable_reason"}
    availability: list[ServiceAvailability] = field(default_factory=list)
    long_outages: list[dict[str, Any]] = field(default_factory=list)  # {number,title,minutes}
    requests: dict[str, Any] = field(default_factory=dict)
    # {"total","by_channel":[{code,name,count}],"by_category":[…],"response":{met,breached,pending,
    #  rate_pct},"satisfaction":{satisfied,mostly_satisfied,dissatisfied,unrated,rate_pct},
    #  "complaints":[{number,title,text}]}
    requirements: list[dict[str, Any]] = field(default_factory=list)
    # [{number,service,title,requester,description,status,collected,updated}]
    worklog: dict[str, Any] = field(default_factory=dict)  # {"by_engineer":[{name,hours,entries}],"total_hours"}
    kpis: list[KpiRow] = field(default_factory=list)
    trend: list[dict[str, Any]] = field(default_factory=list)  # [{key,label,incidents,availability_pct}]
    notes: list[str] = field(default_factory=list)
    has_data: bool = False
    _trace: dict[str, list[TraceItem]] = field(default_factory=dict, repr=False)

    def trace(self, figure_key: str) -> list[TraceItem]:
        """The records behind ``figure_key`` as ``(kind, number_or_label, text)`` tuples, e.g.
        ``trace("incidents.major")`` → ``[("incident", "INC-2026-0003", "核心交换机宕机")]``.
        Unknown keys → ``[]``."""
        return list(self._trace.get(figure_key, []))

    def figure_keys(self) -> list[str]:
        """Every figure key with a trace."""
        return sorted(self._trace)


# --------------------------------------------------------------------------- builder
def _bounds(period: Period) -> tuple[datetime, datetime]:
    return local_dt(period.start, time()), local_dt(period.end + timedelta(days=1), time())


def build_report_data(session: Session, contract: Contract, period: Period, *,
                      now: datetime | None = None) -> ReportData:
    """Compute the report data for ``contract`` and ``period`` (see the module doc for rules).

    ``now`` (aware, default the current instant) bounds open downtime windows and due slots.
    Also builds the previous period's headline and KPI figures and the trend over the last 6
    periods of the same kind.  Raises nothing for empty periods (``has_data`` False).
    """
    now = as_utc(now) if now else utcnow()
    cals, raw = _load_calendars(session, contract)
    data = _build(session, contract, period, now, cals, raw, full=True)
    try:
        prev = previous(period, contract)
    except Exception:  # noqa: BLE001 - no previous contract-year period
        prev = None
    if prev is not None and prev.end >= contract.term_start:
        p = _build(session, contract, prev, now, cals, raw, full=False)
        data.previous_period = prev
        data.previous_headline = p.headline
        prev_kpi = {k.code: k.actual for k in p.kpis}
        for k in data.kpis:
            k.previous = prev_kpi.get(k.code)
    data.trend = _trend(session, contract, period, now, cals)
    return data


def _build(session: Session, contract: Contract, period: Period, now: datetime,
           cals: dict[str, _Calendar], raw: dict[str, Any], *, full: bool) -> ReportData:
    start_i, end_i = _bounds(period)
    prof = profile_of(contract)
    data = ReportData(
        contract_name=contract.name, contract_title=contract.title, client=contract.client,
        provider=contract.provider, term_start=contract.term_start, term_end=contract.term_end,
        profile=prof, period=period, previous_period=None, generated_at=now,
    )
    tr: dict[str, list[TraceItem]] = defaultdict(list)
    data._trace = tr
    services = list(session.scalars(select(Service).where(Service.contract_id == contract.id)
                                    .order_by(Service.code)))
    svc_by_id = {s.id: s for s in services}
    engineers = {e.id: e.name for e in session.scalars(select(Engineer).where(Engineer.contract_id == contract.id))}

    if period.kind == "requirements":
        _requirements(session, contract, period, data, tr, svc_by_id, updated_too=True)
        data.headline["requirements.total"] = len(data.requirements)
        data.has_data = bool(data.requirements)
        return data

    _inspections(session, contract, period, now, data, tr, full)
    _incidents(session, contract, period, now, start_i, end_i, data, tr, svc_by_id, raw, full)
    _availability(session, contract, period, now, start_i, end_i, data, tr, services, cals)
    _requests(session, contract, start_i, end_i, now, data, tr, cals)
    if full:
        _requirements(session, contract, period, data, tr, svc_by_id, updated_too=False)
    _worklog(session, contract, period, data, tr, engineers)
    _kpis(data, tr, cals)

    h = data.headline
    h["inspections.due"] = data.inspections["due"]
    h["inspections.done"] = data.inspections["done"]
    h["inspections.missed"] = data.inspections["missed"]
    h["inspections.rate_pct"] = data.inspections["rate_pct"]
    h["inspections.abnormal"] = data.inspections["abnormal_count"]
    h["incidents.total"] = data.incidents["total"]
    h["incidents.major"] = data.incidents["major_count"]
    h["incidents.open_at_end"] = data.incidents["open_count"]
    h["incidents.mttr_minutes"] = data.incidents["mttr_minutes"]
    h["availability.overall_pct"] = _overall_availability(data.availability)
    h["long_outages"] = len(data.long_outages)
    h["requests.total"] = data.requests["total"]
    h["requests.satisfaction_pct"] = data.requests["satisfaction"]["rate_pct"]
    h["requests.complaints"] = len(data.requests["complaints"])
    h["requirements.total"] = len(data.requirements)
    h["worklog.hours"] = data.worklog["total_hours"]
    data.has_data = bool(data.inspections["due"] or data.inspections["done"] or data.incidents["total"]
                         or data.requests["total"] or data.requirements or data.worklog["total_hours"]
                         or data.incidents["open_count"]
                         or any(a.downtime_minutes for a in data.availability))
    return data


def _overall_availability(rows: list[ServiceAvailability]) -> float | None:
    svc = sum(a.service_minutes or 0 for a in rows if a.pct is not None)
    down = sum(a.downtime_minutes or 0 for a in rows if a.pct is not None)
    return K.availability_pct(svc, down)


def _inspections(session: Session, contract: Contract, period: Period, now: datetime,
                 data: ReportData, tr: dict[str, list[TraceItem]], full: bool) -> None:
    from app.services.inspection import schedule

    comp = schedule.completion(session, contract, period.start, period.end, now)
    rows = [{"code": code, **v} for code, v in sorted(comp["by_template"].items())]
    data.inspections = {
        "due": comp["due"], "done": comp["done"], "missed": comp["missed"],
        "rate_pct": K.completion_rate(comp["due"], comp["done"]),
        "by_template": rows,
        "by_engineer": [{"name": n or "未指定", "done": c} for n, c in sorted(comp["by_engineer"].items())],
        "abnormal": [], "abnormal_count": 0,
    }
    # trace: finished inspections and missed slots
    insp = list(session.execute(
        select(Inspection.id, Inspection.number, Inspection.template_id, Inspection.due_date, Inspection.slot,
               Inspection.template_name, Inspection.finished_at)
        .where(Inspection.contract_id == contract.id, Inspection.due_date >= period.start,
               Inspection.due_date <= period.end)))
    done_keys = {(r.template_id, r.due_date, r.slot) for r in insp if r.finished_at is not None}
    for r in insp:
        if r.finished_at is not None:
            tr["inspections.done"].append(("inspection", r.number, f"{r.template_name} {r.due_date} {r.slot}".strip()))
    if full and comp["missed"]:
        for s in schedule.due_slots(session, contract, period.start, period.end):
            if s.window_end <= now and (s.template_id, s.due_date, s.slot) not in done_keys:
                tr["inspections.missed"].append(("slot", s.label, s.template_name))
    # abnormal results with their incidents (one joined query)
    q = (select(Inspection.number, Inspection.due_date, Inspection.template_name, InspectionResult.item_text,
                InspectionResult.value_number, InspectionResult.value_text, InspectionResult.unit,
                InspectionResult.note, Incident.number.label("inc_number"), Incident.status.label("inc_status"))
         .join(InspectionResult, InspectionResult.inspection_id == Inspection.id)
         .outerjoin(Incident, Incident.source_result_id == InspectionResult.id)
         .where(Inspection.contract_id == contract.id, Inspection.due_date >= period.start,
                Inspection.due_date <= period.end, InspectionResult.outcome == "abnormal")
         .order_by(Inspection.due_date, Inspection.number, InspectionResult.position))
    ab = []
    for r in session.execute(q):
        value = r.value_text or ("" if r.value_number is None else f"{r.value_number:g}{r.unit}")
        ab.append({"inspection": r.number, "date": r.due_date, "template": r.template_name, "item": r.item_text,
                   "value": value, "note": r.note, "incident": r.inc_number or "",
                   "incident_status": label_of(IncidentStatus, r.inc_status)})
        tr["inspections.abnormal"].append(("inspection", r.number, r.item_text))
    data.inspections["abnormal_count"] = len(ab)
    data.inspections["abnormal"] = ab if full else []


def _incidents(session: Session, contract: Contract, period: Period, now: datetime, start_i: datetime,
               end_i: datetime, data: ReportData, tr: dict[str, list[TraceItem]],
               svc_by_id: dict[uuid.UUID, Service], raw_cals: dict[str, Any], full: bool) -> None:
    from app.store.models import IncidentEvent
    from app.services.incident.sla import incident_clocks

    prof = profile_of(contract)
    rows = list(session.scalars(select(Incident).where(
        Incident.contract_id == contract.id, Incident.occurred_at >= start_i, Incident.occurred_at < end_i)
        .order_by(Incident.occurred_at)))
    ids = [i.id for i in rows]
    svc_links: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    if ids:
        for inc_id, svc_id in session.execute(select(IncidentService.incident_id, IncidentService.service_id)
                                              .where(IncidentService.incident_id.in_(ids))):
            svc_links[inc_id].append(svc_id)
    by_sev: Counter[str] = Counter()
    by_cause: Counter[str] = Counter()
    by_svc: Counter[uuid.UUID] = Counter()
    resp = {"met": 0, "breached": 0, "pending": 0, "not_computable": 0}
    rest = {"met": 0, "breached": 0, "pending": 0, "not_computable": 0}
    restore_minutes: list[float] = []
    major: list[dict[str, Any]] = []
    reasons: set[str] = set()
    # open (or closed-without-flags) incidents: clocks from their events, loaded in one query
    live = [i.id for i in rows if not (i.status == "closed" and i.response_breached is not None)]
    events: dict[uuid.UUID, list[Any]] = defaultdict(list)
    if live:
        for ev in session.scalars(select(IncidentEvent).where(IncidentEvent.incident_id.in_(live))
                                  .order_by(IncidentEvent.at)):
            events[ev.incident_id].append(ev)
    for i in rows:
        label = (i.number, i.title)
        by_sev[i.severity] += 1
        tr["incidents.total"].append(("incident", *label))
        tr[f"incidents.severity.{i.severity}"].append(("incident", *label))
        by_cause[i.cause_category or ""] += 1
        tr[f"incidents.cause.{i.cause_category or 'none'}"].append(("incident", *label))
        for sid in svc_links.get(i.id, []):
            by_svc[sid] += 1
        stored = i.status == "closed" and i.response_breached is not None
        r_b, s_b, s_min = (i.response_breached, i.restore_breached, i.restore_minutes) if stored else (None, None, None)
        computable = stored
        if not stored:
            try:
                clocks = incident_clocks(i, events.get(i.id, []), prof, raw_cals, min(now, end_i))
                # a running clock within target is not decided yet
                r_b = None if (clocks.response.stopped_at is None and not clocks.response.breached) \
                    else clocks.response.breached
                s_b = None if (clocks.restore.stopped_at is None and not clocks.restore.breached) \
                    else clocks.restore.breached
                s_min = clocks.restore_minutes if clocks.restore.stopped_at is not None else None
                computable = True
            except CalendarCoverageError as exc:
                reasons.add(str(exc))
        for acc, flag, key in ((resp, r_b, "response"), (rest, s_b, "restore")):
            if not computable:
                acc["not_computable"] += 1
                tr[f"incidents.{key}_not_computable"].append(("incident", *label))
            elif flag is None:
                acc["pending"] += 1
            elif flag:
                acc["breached"] += 1
                tr[f"incidents.{key}_breached"].append(("incident", *label))
            else:
                acc["met"] += 1
                tr[f"incidents.{key}_met"].append(("incident", *label))
        if s_min is not None:
            restore_minutes.append(float(s_min))
            tr["incidents.mttr_minutes"].append(("incident", i.number, f"{float(s_min):.0f} 分钟"))
        if prof.is_major(i.severity):
            tr["incidents.major"].append(("incident", *label))
            major.append({"number": i.number, "title": i.title, "severity": prof.severity_name(i.severity),
                          "occurred": i.occurred_at, "restored": i.restored_at,
                          "cause_category": _cause_name(i.cause_category),
                          "cause": i.cause, "resolution": i.resolution,
                          "status": label_of(IncidentStatus, i.status)})
    for acc in (resp, rest):
        acc["rate_pct"] = K.compliance_rate(acc["met"], acc["met"] + acc["breached"])
    # open at period end: occurred before the end, not closed by then (any start date)
    open_rows = session.execute(select(Incident.number, Incident.title, Incident.severity, Incident.status,
                                       Incident.occurred_at, Incident.closed_at)
                                .where(Incident.contract_id == contract.id, Incident.occurred_at < end_i,
                                       (Incident.closed_at.is_(None)) | (Incident.closed_at >= end_i))
                                .order_by(Incident.occurred_at))
    open_list = []
    for r in open_rows:
        open_list.append({"number": r.number, "title": r.title,
                          "severity": prof.severity_name(r.severity),
                          "status": label_of(IncidentStatus, r.status) if r.closed_at is None else "期末未关闭",
                          "occurred": r.occurred_at})
        tr["incidents.open_at_end"].append(("incident", r.number, r.title))
    data.incidents = {
        "total": len(rows),
        "by_severity": [{"code": s.code, "name": s.name or s.code, "count": by_sev.get(s.code, 0)}
                        for s in prof.severities]
        + [{"code": c, "name": c, "count": n} for c, n in by_sev.items() if c not in prof.severity_codes],
        "by_cause": [{"code": c, "name": _cause_name(c), "count": n} for c, n in by_cause.most_common()],
        "by_service": [{"code": svc_by_id[s].code, "name": svc_by_id[s].name, "count": n}
                       for s, n in by_svc.most_common() if s in svc_by_id],
        "response": resp, "restore": rest,
        "mttr_minutes": K.mean(restore_minutes),
        "open_at_end": open_list if full else [], "open_count": len(open_list),
        "major": major if full else [], "major_count": len(major),
        "not_computable_reason": "; ".join(sorted(reasons)),
    }


def _windows(session: Session, contract: Contract, start_i: datetime, end_i: datetime
             ) -> list[tuple[uuid.UUID, uuid.UUID, str, str, datetime, datetime | None]]:
    """(service_id, incident_id, number, title, window_start, window_end) overlapping the span.

    Windows come from ``app.core.downtime.downtime_windows`` (a reopened incident is a second
    outage); an incident whose stored window ended before the span is still read when it was
    restored again later (or is not restored now).  Events are loaded in one query.
    """
    q = (select(IncidentService, Incident.number, Incident.title)
         .join(Incident, Incident.id == IncidentService.incident_id)
         .where(Incident.contract_id == contract.id, IncidentService.downtime_start.is_not(None),
                IncidentService.downtime_start < end_i,
                or_(IncidentService.downtime_end.is_(None), IncidentService.downtime_end > start_i,
                    Incident.restored_at.is_(None), Incident.restored_at > start_i)))
    rows = session.execute(q).all()
    events: dict[uuid.UUID, list[IncidentEvent]] = defaultdict(list)
    ids = list({link.incident_id for link, _, _ in rows if not link.downtime_edited})
    for i in range(0, len(ids), 500):
        for ev in session.scalars(select(IncidentEvent).where(IncidentEvent.incident_id.in_(ids[i:i + 500]))):
            events[ev.incident_id].append(ev)
    out = []
    for link, number, title in rows:
        for ds, de in downtime_windows(link, events.get(link.incident_id, [])):
            if ds < end_i and (de is None or de > start_i):
                out.append((link.service_id, link.incident_id, number, title, ds, de))
    return out


def _availability(session: Session, contract: Contract, period: Period, now: datetime, start_i: datetime,
                  end_i: datetime, data: ReportData, tr: dict[str, list[TraceItem]],
                  services: list[Service], cals: dict[str, _Calendar]) -> None:
    prof = profile_of(contract)
    default_cal = prof.default_calendar_code
    cap = min(end_i, now)
    per_svc: dict[uuid.UUID, list[tuple[datetime, datetime]]] = defaultdict(list)
    per_inc: dict[uuid.UUID, list[tuple[datetime, datetime]]] = defaultdict(list)
    names: dict[uuid.UUID, tuple[str, str]] = {}
    svc_incs: dict[uuid.UUID, list[str]] = defaultdict(list)
    for sid, iid, number, title, ds, de in _windows(session, contract, start_i, end_i):
        a, b = max(ds, start_i), min(de or cap, end_i)
        if b <= a:
            continue
        per_svc[sid].append((a, b))
        per_inc[iid].append((a, b))
        names[iid] = (number, title)
        svc_incs[sid].append(number)
    for s in services:
        if not s.active and s.id not in per_svc:
            continue
        cal = cals.get(s.calendar or default_cal)
        row = ServiceAvailability(s.code, s.name, s.calendar or default_cal, s.availability_target_pct,
                                  None, None, None, None, sorted(set(svc_incs.get(s.id, []))))
        if cal is None:
            row.note = f"日历 {s.calendar} 未定义"
        else:
            try:
                row.service_minutes = cal.period_minutes(period.start, period.end)
                row.downtime_minutes = sum(cal.minutes_between(a, b) for a, b in _merge(per_svc.get(s.id, [])))
                row.pct = K.availability_pct(row.service_minutes, row.downtime_minutes)
                if row.pct is None:
                    row.note = "报告期内无服务时间"
            except CalendarCoverageError as exc:
                row.service_minutes = row.downtime_minutes = None
                row.note = f"无法计算: {exc}"
        if row.pct is not None and row.target_pct is not None:
            row.met = K.evaluate({"target": row.target_pct, "comparison": ">="}, row.pct)
        for n in row.incidents:
            tr[f"availability.{s.code}"].append(("incident", n, names_lookup(names, n)))
        data.availability.append(row)
    # long outages (Justice Bureau §2.9): one per incident, union of its windows in the KPI calendar
    for spec in prof.kpis_of("long_outage_count"):
        cal = cals.get(spec.calendar or default_cal)
        threshold = float(spec.threshold_minutes or 120)
        for iid, wins in per_inc.items():
            try:
                minutes = sum(cal.minutes_between(a, b) for a, b in _merge(wins)) if cal else 0.0
            except CalendarCoverageError:
                continue
            if minutes > threshold:
                number, title = names[iid]
                data.long_outages.append({"number": number, "title": title, "minutes": minutes})
                tr["long_outages"].append(("incident", number, f"{title} ({minutes:.0f} 分钟)"))
        data.long_outages.sort(key=lambda r: r["number"])
        break


def names_lookup(names: dict[uuid.UUID, tuple[str, str]], number: str) -> str:
    """Title of the incident numbered ``number`` among ``names`` (helper for traces)."""
    for n, t in names.values():
        if n == number:
            return t
    return ""


def _requests(session: Session, contract: Contract, start_i: datetime, end_i: datetime, now: datetime,
              data: ReportData, tr: dict[str, list[TraceItem]], cals: dict[str, _Calendar]) -> None:
    prof = profile_of(contract)
    target = prof.sla_target(None, "request_response")
    cal = cals.get(prof.desk_calendar_code)
    until = min(now, end_i)
    cat_names = {c.code: c.name for c in prof.request_categories}
    rows = list(session.execute(select(
        ServiceRequest.number, ServiceRequest.title, ServiceRequest.channel, ServiceRequest.category,
        ServiceRequest.received_at, ServiceRequest.responded_at, ServiceRequest.satisfaction,
        ServiceRequest.complaint, ServiceRequest.complaint_text)
        .where(ServiceRequest.contract_id == contract.id, ServiceRequest.received_at >= start_i,
               ServiceRequest.received_at < end_i).order_by(ServiceRequest.received_at)))
    ch: Counter[str] = Counter()
    cat: Counter[str] = Counter()
    sat: Counter[str] = Counter()
    resp = {"met": 0, "breached": 0, "pending": 0, "not_computable": 0}
    complaints = []
    for r in rows:
        tr["requests.total"].append(("service_request", r.number, r.title))
        ch[r.channel] += 1
        cat[r.category] += 1
        sat[r.satisfaction or "unrated"] += 1
        if r.satisfaction:
            tr["requests.satisfaction_pct"].append(("service_request", r.number, r.satisfaction))
        if r.complaint:
            complaints.append({"number": r.number, "title": r.title, "text": r.complaint_text})
            tr["requests.complaints"].append(("service_request", r.number, r.complaint_text or r.title))
        if cal is None or target is None:
            resp["not_computable"] += 1
            continue
        try:
            stop = r.responded_at if r.responded_at is not None and r.responded_at <= until else None
            elapsed = cal.minutes_between(r.received_at, stop or until)
        except CalendarCoverageError:
            resp["not_computable"] += 1
            continue
        if elapsed > target:
            resp["breached"] += 1
            tr["requests.response_breached"].append(("service_request", r.number, f"{elapsed:.0f} 分钟"))
        elif stop is None:
            resp["pending"] += 1
        else:
            resp["met"] += 1
            tr["requests.response_met"].append(("service_request", r.number, f"{elapsed:.0f} 分钟"))
    resp["rate_pct"] = K.compliance_rate(resp["met"], resp["met"] + resp["breached"])
    data.requests = {
        "total": len(rows),
        "by_channel": [{"code": c, "name": label_of(Channel, c), "count": n} for c, n in ch.most_common()],
        "by_category": [{"code": c, "name": cat_names.get(c, c), "count": n} for c, n in cat.most_common()],
        "response": resp,
        "satisfaction": {"satisfied": sat["satisfied"], "mostly_satisfied": sat["mostly_satisfied"],
                         "dissatisfied": sat["dissatisfied"], "unrated": sat["unrated"],
                         "rate_pct": K.satisfaction_rate(sat["satisfied"], sat["mostly_satisfied"],
                                                         sat["dissatisfied"])},
        "complaints": complaints,
    }


def _requirements(session: Session, contract: Contract, period: Period, data: ReportData,
                  tr: dict[str, list[TraceItem]], svc_by_id: dict[uuid.UUID, Service], *, updated_too: bool) -> None:
    start_i, end_i = _bounds(period)
    cond = (Requirement.collected_at >= start_i) & (Requirement.collected_at < end_i)
    if updated_too:
        cond = cond | ((Requirement.updated_at >= start_i) & (Requirement.updated_at < end_i)
                       & (Requirement.collected_at < end_i))
    rows = session.scalars(select(Requirement).where(Requirement.contract_id == contract.id, cond)
                           .order_by(Requirement.collected_at))
    for r in rows:
        svc = svc_by_id.get(r.service_id) if r.service_id else None
        data.requirements.append({
            "number": r.number, "service": svc.name if svc else "", "title": r.title,
            "requester": " ".join(x for x in (r.requester_department, r.requester_name) if x),
            "description": r.description, "status": label_of(RequirementStatus, r.status),
            "collected": r.collected_at, "updated": r.updated_at,
            "new": start_i <= r.collected_at < end_i,
        })
        tr["requirements.total"].append(("requirement", r.number, r.title))


def _worklog(session: Session, contract: Contract, period: Period, data: ReportData,
             tr: dict[str, list[TraceItem]], engineers: dict[uuid.UUID, str]) -> None:
    """Hours per engineer as the work log page counts them (``app.services.servicedesk.worklog.hours_by_engineer``:
    finished inspections' durations + manual entries), plus the number of manual entries."""
    q = (select(WorkLogEntry.engineer_id, func.sum(WorkLogEntry.duration_minutes), func.count())
         .where(WorkLogEntry.contract_id == contract.id, WorkLogEntry.work_date >= period.start,
                WorkLogEntry.work_date <= period.end)
         .group_by(WorkLogEntry.engineer_id))
    manual: dict[str, tuple[float, int]] = {}
    for eid, minutes, n in session.execute(q):
        name = engineers.get(eid, "") if eid else ""
        m0, n0 = manual.get(name, (0.0, 0))
        manual[name] = (m0 + (minutes or 0) / 60.0, n0 + n)
    try:
        from app.services.servicedesk.worklog import hours_by_engineer

        hours = hours_by_engineer(session, contract, period.start, period.end)
    except ImportError:
        hours = {name: h for name, (h, _n) in manual.items()}
    rows = []
    for name in sorted(set(hours) | set(manual)):
        h = round(hours.get(name, 0.0), 2)
        n = manual.get(name, (0.0, 0))[1]
        if not h and not n:
            continue
        label = name or "未指定"
        rows.append({"name": label, "hours": h, "entries": n})
        tr["worklog.hours"].append(("engineer", label, f"{h:g} 小时（含巡检用时），手工日志 {n} 条"))
    data.worklog = {"by_engineer": rows, "total_hours": round(sum(r["hours"] for r in rows), 2)}


def _kpis(data: ReportData, tr: dict[str, list[TraceItem]], cals: dict[str, _Calendar]) -> None:
    inc = data.incidents
    actual_by_metric: dict[str, tuple[float | None, str]] = {
        "availability": (_overall_availability(data.availability), "availability.*"),
        "satisfaction_rate": (data.requests["satisfaction"]["rate_pct"], "requests.satisfaction_pct"),
        "inspection_completion_rate": (data.inspections["rate_pct"], "inspections.missed"),
        "response_compliance_rate": (inc["response"]["rate_pct"], "incidents.response_breached"),
        "restore_compliance_rate": (inc["restore"]["rate_pct"], "incidents.restore_breached"),
        "request_response_compliance_rate": (data.requests["response"]["rate_pct"], "requests.response_breached"),
        "long_outage_count": (float(len(data.long_outages)), "long_outages"),
        "complaint_count": (float(len(data.requests["complaints"])), "requests.complaints"),
        "major_incident_count": (float(inc["major_count"]), "incidents.major"),
    }
    for spec in data.profile.kpis:
        metric = spec.metric
        actual, src = actual_by_metric.get(metric, (None, ""))
        if metric == "availability":
            for a in data.availability:
                tr[f"kpi.{spec.code}"].extend(tr.get(f"availability.{a.code}", []))
        else:
            tr[f"kpi.{spec.code}"].extend(tr.get(src, []))
        data.kpis.append(KpiRow(
            code=spec.code, name=spec.name, metric=metric, target=float(spec.target),
            comparison=spec.comparison, unit=spec.unit, actual=actual,
            met=K.evaluate({"target": spec.target, "comparison": spec.comparison}, actual), source=spec.source,
            note="" if actual is not None else K.NO_DATA,
        ))


def _trend(session: Session, contract: Contract, period: Period, now: datetime,
           cals: dict[str, _Calendar]) -> list[dict[str, Any]]:
    """Last 6 periods of the same kind: incident count and overall availability (cheap queries:
    one for incident instants, one for downtime windows)."""
    if period.kind == "requirements":
        return []
    periods = [p for p in last_periods(period, contract, 6) if p.end >= contract.term_start]
    if not periods:
        return []
    span_start, span_end = _bounds(periods[0])[0], _bounds(periods[-1])[1]
    occurred = [o for (o,) in session.execute(select(Incident.occurred_at).where(
        Incident.contract_id == contract.id, Incident.occurred_at >= span_start, Incident.occurred_at < span_end))]
    wins = _windows(session, contract, span_start, span_end)
    services = list(session.scalars(select(Service).where(Service.contract_id == contract.id, Service.active)))
    default_cal = profile_of(contract).default_calendar_code
    out = []
    for p in periods:
        a_i, b_i = _bounds(p)
        count = sum(1 for o in occurred if a_i <= o < b_i)
        svc_total = down_total = 0.0
        ok = True
        cap = min(b_i, now)
        for s in services:
            cal = cals.get(s.calendar or default_cal)
            if cal is None:
                continue
            try:
                svc_total += cal.period_minutes(p.start, p.end)
                ws = [(max(ds, a_i), min(de or cap, b_i)) for sid, _i, _n, _t, ds, de in wins if sid == s.id]
                down_total += sum(cal.minutes_between(x, y) for x, y in _merge(ws))
            except CalendarCoverageError:
                ok = False
                break
        out.append({"key": p.key, "label": p.label_zh, "incidents": count,
                    "availability_pct": K.availability_pct(svc_total, down_total) if ok else None})
    return out
