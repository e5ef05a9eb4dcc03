"""Report data, incidents (故障): counts, SLA compliance, 故障明细 rows, open and major incidents.

Incidents are those that *occurred* in the counted span (the period clipped to the start of
use).  SLA compliance uses the flags stored when an incident was closed; for the others
``app.services.incident.sla.incident_clocks`` evaluated as at ``min(now, span end)`` so a past
period's report does not change with the day it is generated: a running clock within target is
"pending", past target "breached".  A ``CalendarCoverageError`` makes the incident "not
computable" and its uncovered years are reported (the composer words why).
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from datetime import datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import kpi as K
from app.core.i18n import _
from app.core.profile import ContractProfile, profile_of
from app.core.timeutil import local_dt
from app.errors import CalendarCoverageError
from app.reports.data.shapes import ReportData, Trace
from app.services.calendar.service_time import ServiceCalendar
from app.services.incident.sla import incident_clocks
from app.store.models import Contract, Incident, IncidentEvent, IncidentService, Service

_STATES = ("met", "breached", "pending", "not_computable")


def _verdict(computable: bool, flag: bool | None, stopped: bool, has_target: bool) -> str:
    """``met`` / ``breached`` / ``pending`` (running within target) / ``not_computable`` /
    ``no_target`` for one clock of one incident."""
    if not computable:
        return "not_computable"
    if not has_target:
        return "no_target"
    if flag is None:
        return "pending" if not stopped else "no_target"
    return "breached" if flag else "met"


def _clock_figures(i: Incident, events: list[Any], prof: ContractProfile, cals: dict[str, ServiceCalendar],
                   until: datetime, uncovered: set[int]) -> dict[str, Any]:
    """Response/restore minutes and verdicts of incident ``i`` (stored flags when closed, else the
    SLA clocks as at ``until``); ``uncovered`` collects calendar years no source covers."""
    targets = (prof.sla_target(i.severity, "response", i.incident_class),
               prof.sla_target(i.severity, "restore", i.incident_class))
    if i.status == "closed" and i.response_breached is not None:
        return {"response_minutes": i.response_minutes, "restore_minutes": i.restore_minutes,
                "response_verdict": _verdict(True, i.response_breached, True, targets[0] is not None),
                "restore_verdict": _verdict(True, i.restore_breached, True, targets[1] is not None),
                "response_target": targets[0], "restore_target": targets[1]}
    try:
        c = incident_clocks(i, events, prof, cals, until, explain=False)  # figures only
    except CalendarCoverageError as exc:
        uncovered.update(exc.years)
        return {"response_minutes": None, "restore_minutes": None, "response_verdict": "not_computable",
                "restore_verdict": "not_computable", "response_target": targets[0], "restore_target": targets[1]}
    out: dict[str, Any] = {"response_target": targets[0], "restore_target": targets[1]}
    for key, clock in (("response", c.response), ("restore", c.restore)):
        stopped = clock.stopped_at is not None
        flag = clock.breached if (stopped or clock.breached) else None
        out[f"{key}_verdict"] = _verdict(True, flag, stopped, clock.target_minutes is not None)
        out[f"{key}_minutes"] = clock.elapsed_minutes if stopped else None
    return out


def _links_and_events(session: Session, ids: list[uuid.UUID]
                      ) -> tuple[dict[uuid.UUID, list[uuid.UUID]], dict[uuid.UUID, list[Any]]]:
    """(incident id → affected service ids, incident id → its events in time order), 500 ids per query."""
    svc_links: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    events: dict[uuid.UUID, list[Any]] = defaultdict(list)
    for n in range(0, len(ids), 500):
        chunk = ids[n:n + 500]
        for inc_id, svc_id in session.execute(select(IncidentService.incident_id, IncidentService.service_id)
                                              .where(IncidentService.incident_id.in_(chunk))):
            svc_links[inc_id].append(svc_id)
        for ev in session.scalars(select(IncidentEvent).where(IncidentEvent.incident_id.in_(chunk))
                                  .order_by(IncidentEvent.at)):
            events[ev.incident_id].append(ev)
    return svc_links, events


def incidents(session: Session, contract: Contract, start_i: datetime, end_i: datetime, now: datetime,
              data: ReportData, tr: Trace, svc_by_id: dict[uuid.UUID, Service],
              cals: dict[str, ServiceCalendar], full: bool) -> None:
    """Fill ``data.incidents`` (see ``ReportData``) and ``data.incident_rows`` (故障明细) for the
    incidents that occurred in ``[start_i, end_i)`` (aware UTC).  Codes stay codes."""
    prof = profile_of(contract)
    rows = list(session.scalars(select(Incident).where(
        Incident.contract_id == contract.id, Incident.occurred_at >= start_i, Incident.occurred_at < end_i)
        .order_by(Incident.occurred_at)))
    svc_links, events = _links_and_events(session, [i.id for i in rows])
    by_sev: Counter[str] = Counter()
    by_cause: Counter[str] = Counter()
    by_svc: Counter[uuid.UUID] = Counter()
    acc = {k: dict.fromkeys(_STATES, 0) for k in ("response", "restore")}
    restore_minutes: list[float] = []
    major: list[dict[str, Any]] = []
    uncovered: set[int] = set()
    until = min(now, end_i)
    for i in rows:
        label = (i.number, i.title)
        by_sev[i.severity] += 1
        by_cause[i.cause_category or ""] += 1
        tr["incidents.total"].append(("incident", *label))
        tr[f"incidents.severity.{i.severity}"].append(("incident", *label))
        tr[f"incidents.cause.{i.cause_category or 'none'}"].append(("incident", *label))
        for sid in svc_links.get(i.id, []):
            by_svc[sid] += 1
        fig = _clock_figures(i, events.get(i.id, []), prof, cals, until, uncovered)
        for key in ("response", "restore"):
            v = fig[f"{key}_verdict"]
            if v in _STATES:
                acc[key][v] += 1
                if v != "pending":
                    tr[f"incidents.{key}_{v}"].append(("incident", *label))
        if fig["restore_minutes"] is not None:
            restore_minutes.append(float(fig["restore_minutes"]))
            tr["incidents.mttr_minutes"].append(
                ("incident", i.number, _("{minutes} min", minutes=f"{float(fig['restore_minutes']):.0f}")))
        record = _record(i, fig, [svc_by_id[x].name for x in svc_links.get(i.id, []) if x in svc_by_id], prof)
        if full:
            data.incident_rows.append(record)
        if prof.is_major(i.severity):
            tr["incidents.major"].append(("incident", *label))
            major.append(record)
    for a in acc.values():
        a["rate_pct"] = K.compliance_rate(a["met"], a["met"] + a["breached"])
    open_list = _open_at_end(session, contract, end_i, prof, tr)
    data.uncovered_years = sorted(set(data.uncovered_years) | uncovered)
    data.incidents = {
        "total": len(rows),
        "by_severity": [{"code": s.code, "name": s.name or s.code, "count": by_sev.get(s.code, 0)}
                        for s in prof.severities]
        + [{"code": c, "name": c, "count": n} for c, n in by_sev.items() if c not in prof.severity_codes],
        "by_cause": [{"code": c, "count": n} for c, n in by_cause.most_common()],
        "by_service": [{"code": svc_by_id[s].code, "name": svc_by_id[s].name, "count": n}
                       for s, n in by_svc.most_common() if s in svc_by_id],
        "response": acc["response"], "restore": acc["restore"],
        "mttr_minutes": K.mean(restore_minutes),
        "open_at_end": open_list if full else [], "open_count": len(open_list),
        "major": major if full else [], "major_count": len(major),
        "uncovered_years": sorted(uncovered),
    }


def _record(i: Incident, fig: dict[str, Any], services: list[str], prof: ContractProfile) -> dict[str, Any]:
    """One 故障明细 row (see ``ReportData.incident_rows``)."""
    return {"number": i.number, "title": i.title, "occurred": i.occurred_at, "restored": i.restored_at,
            "services": services, "severity": prof.severity_name(i.severity),
            "severity_code": i.severity, "cause_category": i.cause_category or "", "cause": i.cause,
            "resolution": i.resolution, "status": i.status, **fig}


def _open_at_end(session: Session, contract: Contract, end_i: datetime, prof: ContractProfile,
                 tr: Trace) -> list[dict[str, Any]]:
    """Incidents that occurred before ``end_i`` and were not closed by then (any start date after
    the start of use): ``{number, title, severity, status, closed_later, occurred}``."""
    first = local_dt(contract.effective_ledger_start, time())
    q = (select(Incident.number, Incident.title, Incident.severity, Incident.status, Incident.occurred_at,
                Incident.closed_at)
         .where(Incident.contract_id == contract.id, Incident.occurred_at < end_i, Incident.occurred_at >= first,
                (Incident.closed_at.is_(None)) | (Incident.closed_at >= end_i))
         .order_by(Incident.occurred_at))
    out = []
    for r in session.execute(q):
        out.append({"number": r.number, "title": r.title, "severity": prof.severity_name(r.severity),
                    "status": r.status, "closed_later": r.closed_at is not None, "occurred": r.occurred_at})
        tr["incidents.open_at_end"].append(("incident", r.number, r.title))
    return out
