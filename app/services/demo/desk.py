"""Demo service-desk records: service requests with follow-up, requirements, manual work-log entries."""

from __future__ import annotations

from datetime import time, timedelta

from app.core.timeutil import local_dt
from app.services.demo.data import (
    COMPLAINTS,
    REQUEST_RESOLUTIONS,
    REQUEST_TITLES,
    REQUIREMENT_TITLES,
    WORKLOG,
)
from app.services.demo.state import Gen, walk
from app.store.models import (
    RequestAssignment,
    Requirement,
    ServiceRequest,
    WorkLogEntry,
)


def requests(g: Gen) -> None:
    rng = g.rng
    cats = list(g.profile.request_category_codes)
    channels = list(g.profile.channels or ["phone"])
    for d in walk(g.start, g.end):
        if g.working(d):
            n = rng.choices([0, 1, 2, 3, 4], weights=[15, 30, 30, 17, 8])[0]
        else:
            n = 1 if rng.random() < 0.08 else 0
        for _ in range(n):
            received = g.office_time(d) if g.working(d) else local_dt(d, time(rng.randint(9, 17), rng.randint(0, 59)))
            if received > g.horizon:
                continue
            cat = rng.choice(cats)
            title = rng.choice(REQUEST_TITLES.get(cat) or REQUEST_TITLES["other"])
            svc = rng.choice(g.services) if g.services and cat in ("account", "data_query", "software", "data_exchange") else None
            eng = rng.choice(g.workers) if rng.random() < 0.85 else g.lead
            rid = g.uid()
            assigned = received + timedelta(minutes=rng.randint(1, 5))
            responded = assigned + timedelta(minutes=rng.randint(2, 25) if rng.random() > 0.05 else rng.randint(35, 120))
            resolved = responded + timedelta(minutes=rng.randint(10, 240))
            followup = resolved + timedelta(hours=rng.randint(1, 48))
            closed = followup + timedelta(minutes=rng.randint(1, 30))
            status, last = "new", received
            assignee_id = None
            if assigned <= g.horizon:
                status, last, assignee_id = "assigned", assigned, eng.id
                g.add(RequestAssignment, {"request_id": rid, "at": assigned, "from_engineer_id": None,
                                          "to_engineer_id": eng.id, "actor": g.lead.name, "note": ""})
                if len(g.engineers) > 1 and rng.random() < 0.06:
                    other = rng.choice([e for e in g.engineers if e.id != eng.id])
                    at = assigned + timedelta(minutes=rng.randint(2, 20))
                    if at <= g.horizon:
                        g.add(RequestAssignment, {"request_id": rid, "at": at, "from_engineer_id": eng.id,
                                                  "to_engineer_id": other.id, "actor": eng.name, "note": "转派"})
                        assignee_id, last = other.id, at
            if responded <= g.horizon and status == "assigned":
                status, last = "in_progress", max(last, responded)
            if resolved <= g.horizon and status == "in_progress":
                status, last = "resolved", resolved
            rating, complaint, complaint_text, fu_at, fu_by = None, False, "", None, ""
            if followup <= g.horizon and status == "resolved":
                r = rng.random()
                rating = ("satisfied" if r < 0.86 else "mostly_satisfied" if r < 0.94
                          else "dissatisfied" if r < 0.955 else None)
                if rating is not None:
                    fu_at, fu_by = followup, g.lead.name
                if rating == "dissatisfied" and rng.random() < 0.5:
                    complaint, complaint_text = True, rng.choice(COMPLAINTS)
                if closed <= g.horizon:
                    status, last = "closed", closed
            g.add(ServiceRequest, {
                "id": rid, "number": g.number("SR", received), "contract_id": g.c.id,
                "channel": rng.choice(channels), "category": cat, "service_id": svc.id if svc else None,
                "title": title, "description": f"{title}（{rng.choice(g.depts)}）",
                "requester_department": rng.choice(g.depts), "requester_name": g.person(),
                "requester_phone": g.phone(), "status": status, "assignee_id": assignee_id,
                "received_at": received,
                "responded_at": responded if status in ("in_progress", "resolved", "closed") else None,
                "resolved_at": resolved if status in ("resolved", "closed") else None,
                "closed_at": closed if status == "closed" else None,
                "resolution": rng.choice(REQUEST_RESOLUTIONS) if status in ("resolved", "closed") else "",
                "followup_at": fu_at, "followup_by": fu_by, "satisfaction": rating,
                "complaint": complaint, "complaint_text": complaint_text, "converted_incident_id": None,
                "created_at": received, "updated_at": last,
            })
            g.counts["requests"] += 1


def requirements(g: Gen) -> None:
    rng = g.rng
    for d in walk(g.start, g.end):
        if not g.working(d) or rng.random() >= 0.12:
            continue
        at = g.office_time(d)
        if at > g.horizon:
            continue
        age = (g.end - d).days
        if age > 60:
            status = rng.choices(["done", "accepted", "rejected", "reported"], weights=[55, 20, 10, 15])[0]
        elif age > 20:
            status = rng.choices(["reported", "accepted", "analysed", "done"], weights=[40, 25, 25, 10])[0]
        else:
            status = rng.choices(["collected", "analysed"], weights=[65, 35])[0]
        svc = rng.choice(g.services) if g.services else None
        updated = min(g.horizon, at + timedelta(days=min(age, rng.randint(0, 45))))
        g.add(Requirement, {
            "number": g.number("RQ", at), "contract_id": g.c.id, "service_id": svc.id if svc else None,
            "title": f"{svc.name if svc else '业务系统'}{rng.choice(REQUIREMENT_TITLES)}",
            "description": "用户提出，经驻场工程师整理", "requester_department": rng.choice(g.depts),
            "requester_name": g.person(), "status": status, "collected_at": at, "updated_at": updated,
            "note": "不具备实施条件" if status == "rejected" else "",
        })
        g.counts["requirements"] += 1


def worklog(g: Gen) -> None:
    rng = g.rng
    for d in walk(g.start, g.end):
        if not g.working(d):
            continue
        for e in g.engineers:
            if rng.random() >= 0.5:
                continue
            at = local_dt(d, time(rng.randint(13, 16), rng.choice([0, 15, 30, 45])))
            if at > g.horizon:
                continue
            summary, base = rng.choice(WORKLOG)
            g.add(WorkLogEntry, {
                "contract_id": g.c.id, "engineer_id": e.id, "work_date": d, "started_at": at,
                "duration_minutes": max(15, base + rng.choice([-15, 0, 0, 15, 30])), "summary": summary,
                "source_kind": "manual", "source_id": None, "category": "",
            })
            g.counts["worklog"] += 1

