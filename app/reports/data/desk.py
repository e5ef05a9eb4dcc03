"""Report data, service desk (服务台), requirements (需求) and work log (工作量).

- Service requests received in the counted span: by channel/category (codes); response
  compliance by ``app.services.incident.sla.request_clocks`` (target
  ``service_desk.response_minutes`` service minutes, nothing pauses a request) read as at
  ``min(now, span end)``: answered within target = met, past target = breached, unanswered and
  within target = pending; satisfaction = (satisfied + mostly_satisfied) ÷ rated; complaints.
- Requirements collected in the span (the ``requirements`` kind also lists those updated).
- Work log hours per engineer: ``app.services.servicedesk.worklog.hours_by_engineer`` (finished
  inspections' durations + manual ``WorkLogEntry.duration_minutes`` by ``work_date``).
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core import kpi as K
from app.core.i18n import _
from app.core.profile import ContractProfile, profile_of
from app.errors import CalendarCoverageError, ValidationError
from app.reports.data.shapes import ReportData, Trace
from app.services.calendar.service_time import ServiceCalendar
from app.services.incident.sla import request_clocks
from app.services.servicedesk.worklog import hours_by_engineer
from app.store.models import Contract, Requirement, Service, ServiceRequest, WorkLogEntry


def _response(r: object, prof: ContractProfile, cals: dict[str, ServiceCalendar], until: datetime,
              uncovered: set[int]) -> tuple[str, float | None]:
    """(verdict, elapsed service minutes) of one request's response clock as at ``until``."""
    responded = r.responded_at if r.responded_at is not None and r.responded_at <= until else None  # type: ignore[attr-defined]
    view = {"received_at": r.received_at, "responded_at": responded}  # type: ignore[attr-defined]
    try:
        clock = request_clocks(view, prof, cals, max(until, r.received_at), explain=False)  # type: ignore[attr-defined]
    except CalendarCoverageError as exc:
        uncovered.update(exc.years)
        return "not_computable", None
    except ValidationError:  # no calendar in the profile
        return "not_computable", None
    if clock.breached is None:
        return "not_computable", clock.elapsed_minutes
    if clock.breached:
        return "breached", clock.elapsed_minutes
    return ("pending" if clock.stopped_at is None else "met"), clock.elapsed_minutes


def requests(session: Session, contract: Contract, start_i: datetime, end_i: datetime, now: datetime,
             data: ReportData, tr: Trace, cals: dict[str, ServiceCalendar]) -> None:
    """Fill ``data.requests`` (see ``ReportData``) for requests received in ``[start_i, end_i)``."""
    prof = profile_of(contract)
    until = min(now, end_i)
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
    uncovered: set[int] = set()
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
        verdict, elapsed = _response(r, prof, cals, until, uncovered)
        resp[verdict] += 1
        if verdict in ("met", "breached"):
            tr[f"requests.response_{verdict}"].append(
                ("service_request", r.number, _("{minutes} min", minutes=f"{elapsed:.0f}")))
    resp["rate_pct"] = K.compliance_rate(resp["met"], resp["met"] + resp["breached"])
    data.uncovered_years = sorted(set(data.uncovered_years) | uncovered)
    cat_names = {c.code: c.name for c in prof.request_categories}
    data.requests = {
        "total": len(rows),
        "by_channel": [{"code": c, "count": n} for c, n in ch.most_common()],
        "by_category": [{"code": c, "name": cat_names.get(c, c), "count": n} for c, n in cat.most_common()],
        "response": resp,
        "satisfaction": {"satisfied": sat["satisfied"], "mostly_satisfied": sat["mostly_satisfied"],
                         "dissatisfied": sat["dissatisfied"], "unrated": sat["unrated"],
                         "rate_pct": K.satisfaction_rate(sat["satisfied"], sat["mostly_satisfied"],
                                                         sat["dissatisfied"])},
        "complaints": complaints,
    }


def requirements(session: Session, contract: Contract, start_i: datetime, end_i: datetime, data: ReportData,
                 tr: Trace, svc_by_id: dict[uuid.UUID, Service], *, updated_too: bool) -> None:
    """Fill ``data.requirements`` with requirements collected in ``[start_i, end_i)`` (and, with
    ``updated_too``, those collected earlier and updated in it); ``status`` stays a code."""
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
            "description": r.description, "status": r.status,
            "collected": r.collected_at, "updated": r.updated_at,
            "new": start_i <= r.collected_at < end_i,
        })
        tr["requirements.total"].append(("requirement", r.number, r.title))


def worklog(session: Session, contract: Contract, start: date, end: date, data: ReportData, tr: Trace,
            engineers: dict[uuid.UUID, str]) -> None:
    """Hours per engineer as the work log page counts them (``hours_by_engineer``: finished
    inspections' durations + manual entries), plus the number of manual entries.
    ``data.worklog`` = ``{"by_engineer": [{name, hours, entries}], "total_hours"}`` (name ""
    = not recorded)."""
    q = (select(WorkLogEntry.engineer_id, func.count())
         .where(WorkLogEntry.contract_id == contract.id, WorkLogEntry.work_date >= start,
                WorkLogEntry.work_date <= end)
         .group_by(WorkLogEntry.engineer_id))
    entries: Counter[str] = Counter()
    for eid, n in session.execute(q):
        entries[engineers.get(eid, "") if eid else ""] += n
    hours = hours_by_engineer(session, contract, start, end)
    rows = []
    for name in sorted(set(hours) | set(entries)):
        h = round(hours.get(name, 0.0), 2)
        n = entries.get(name, 0)
        if not h and not n:
            continue
        rows.append({"name": name, "hours": h, "entries": n})
        tr["worklog.hours"].append(("engineer", name or _("not recorded"),
                                    _("{hours} h (inspections included), {entries} manual entries",
                                      hours=f"{h:g}", entries=n)))
    data.worklog = {"by_engineer": rows, "total_hours": round(sum(r["hours"] for r in rows), 2)}
