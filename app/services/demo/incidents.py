"""Demo incidents: full timelines, status history, cause and resolution, downtime, SLA figures."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta
from typing import Any

from app.core.profile import Severity
from app.core.timeutil import LOCAL_TZ, local_dt
from app.errors import OpsLedgerError
from app.services.demo.data import (
    ASSET_SYMPTOMS,
    CAUSE_WEIGHTS,
    CAUSES,
    SECURITY_SYMPTOMS,
    SYMPTOMS,
)
from app.services.demo.state import Gen, walk
from app.store.models import (
    Engineer,
    Incident,
    IncidentAsset,
    IncidentEvent,
    IncidentService,
)


def sla_figures(g: Gen, inc: dict[str, Any], events: list[dict[str, Any]]) -> None:
    if g.calendars is None:
        return
    try:
        from app.services.incident.sla import incident_clocks

        clocks = incident_clocks(inc, events, g.profile, g.calendars, inc["closed_at"])
        inc["response_minutes"] = round(clocks.response_minutes, 1)
        inc["restore_minutes"] = round(clocks.restore_minutes, 1)
        inc["response_breached"] = clocks.response_breached
        inc["restore_breached"] = clocks.restore_breached
    except (ImportError, AttributeError, TypeError, KeyError, OpsLedgerError):
        return


def incident(g: Gen, *, occurred: datetime, source: str, eng: Engineer | None, title: str, description: str,
              service_id: uuid.UUID | None, asset_id: uuid.UUID | None, result_id: uuid.UUID | None = None,
              severity: Severity | None = None, reporter: tuple[str, str, str] = ("", "", ""),
              incident_class: str = "operational") -> None:
    rng = g.rng
    sev = severity or g.severity()
    # format 2 may set a severity's targets only in ``sla_targets``: the demo then paces by an hour / 4 h
    resp_target = float(sev.response_minutes if sev.response_minutes is not None else 60)
    rest_target = float(sev.restore_minutes if sev.restore_minutes is not None else 240)
    reported = occurred + (timedelta(minutes=rng.randint(0, 2)) if source in ("inspection", "monitoring")
                           else timedelta(minutes=rng.randint(1, 20)))
    assignee = eng or rng.choice(g.workers)
    assigned_at = reported + timedelta(minutes=rng.randint(1, 6))
    late = rng.random() < 0.06
    responded = assigned_at + timedelta(minutes=rng.uniform(resp_target * 1.1, resp_target * 2.5) if late
                                        else rng.uniform(2, max(3.0, resp_target * 0.6)))
    onsite = responded + timedelta(minutes=rng.randint(3, 25))
    steps: list[tuple[str, datetime]] = [("assigned", assigned_at), ("in_progress", responded)]
    t = onsite
    if rng.random() < 0.18:
        p0 = t + timedelta(minutes=rng.randint(10, 60))
        p1 = p0 + timedelta(minutes=rng.randint(60, 60 * 30))
        steps += [("pending", p0), ("in_progress", p1)]
        t = p1
    late_fix = rng.random() < 0.08
    restored = t + timedelta(minutes=rng.uniform(rest_target * 0.8, rest_target * 2) if late_fix
                             else rng.uniform(10, max(15.0, rest_target * 0.5)))
    closed = restored + timedelta(minutes=rng.randint(10, 240))
    steps += [("restored", restored), ("closed", closed)]
    category = rng.choices(list(CAUSE_WEIGHTS), weights=list(CAUSE_WEIGHTS.values()))[0]
    cause, resolution = rng.choice(CAUSES[category])
    iid = g.uid()
    created_at = reported
    events = [{"incident_id": iid, "at": reported, "actor": assignee.name, "kind": "created",
               "from_status": "", "to_status": "new", "changes": {}, "note": ""}]
    status, prev = "new", "new"
    reached: dict[str, datetime] = {}
    for to, at in steps:
        if at > g.horizon:
            break
        note = f"派单给 {assignee.name}" if to == "assigned" else ("等待厂商/用户" if to == "pending" else "")
        events.append({"incident_id": iid, "at": at, "actor": assignee.name if to != "assigned" else g.lead.name,
                       "kind": "status", "from_status": prev, "to_status": to, "changes": {}, "note": note})
        prev = status = to
        reached.setdefault(to, at)
    is_closed = status == "closed"
    inc = {
        "id": iid, "number": g.number("INC", occurred), "contract_id": g.c.id, "title": title,
        "description": description, "severity": sev.code, "incident_class": incident_class, "source": source,
        "status": status,
        "reporter_department": reporter[0], "reporter_name": reporter[1], "reporter_phone": reporter[2],
        "assignee_id": assignee.id if "assigned" in reached else None,
        "occurred_at": occurred, "reported_at": reported,
        "responded_at": responded if "in_progress" in reached else None,
        "onsite_at": onsite if "in_progress" in reached and onsite <= g.horizon else None,
        "restored_at": restored if "restored" in reached else None,
        "closed_at": closed if is_closed else None,
        "cause_category": category if "restored" in reached else "",
        "cause": cause if "restored" in reached else "",
        "resolution": resolution if "restored" in reached else "",
        "vendor_case_number": f"VC{occurred.astimezone(LOCAL_TZ):%Y%m%d}{rng.randint(100, 999)}"
        if category == "third_party" else "",
        "root_cause_analysis": (f"根因：{cause}。处置：{resolution}。改进：完善监控告警，纳入月度复盘。"
                                if sev.major and "restored" in reached else ""),
        "source_result_id": result_id, "source_request_id": None,
        "response_minutes": None, "restore_minutes": None, "response_breached": None, "restore_breached": None,
        "created_at": created_at, "updated_at": events[-1]["at"],
    }
    if is_closed:
        sla_figures(g, inc, events)
    g.add(Incident, inc)
    for e in events:
        g.add(IncidentEvent, e)
    if service_id:
        g.add(IncidentService, {"incident_id": iid, "service_id": service_id, "downtime_start": occurred,
                                "downtime_end": inc["restored_at"], "downtime_edited": False})
    if asset_id:
        g.add(IncidentAsset, {"incident_id": iid, "asset_id": asset_id})
    g.counts["incidents"] += 1
    g.counts["incident_events"] += len(events)


def desk_incidents(g: Gen) -> None:
    rng = g.rng
    channels = [ch for ch in g.profile.channels if ch in
                ("phone", "instant_message", "fax", "walk_in")] or ["phone"]
    fault_days: set[date] = set()
    for d in walk(g.start, g.end):
        p = 0.10 if g.on_duty(d) else 0.03
        if rng.random() >= p:
            continue
        fault_days.add(d)
        if g.working(d):
            occurred = g.office_time(d) - timedelta(minutes=rng.randint(0, 30))
        else:
            occurred = local_dt(d, time(rng.randint(0, 23), rng.randint(0, 59)))
        source = rng.choices(channels + ["monitoring"], weights=[3] * len(channels) + [2])[0]
        svc = rng.choice(g.services) if g.services and rng.random() < 0.75 else None
        asset = rng.choice(g.assets) if g.assets and (svc is None or rng.random() < 0.25) else None
        cls = g.incident_class()
        if cls == "security":
            title = f"{svc.name if svc else asset.name if asset else '办公网络'}{g.rng2.choice(SECURITY_SYMPTOMS)}"
        elif svc is not None:
            title = f"{svc.name}{rng.choice(SYMPTOMS)}"
        elif asset is not None:
            title = f"{asset.name}{rng.choice(ASSET_SYMPTOMS)}"
        else:
            title = rng.choice(["办公网络中断", "电话系统故障", "终端无法上网"])
        dept = rng.choice(g.depts)
        reporter = ("", "", "") if source == "monitoring" else (dept, g.person(), g.phone())
        desc = "监控系统告警" if source == "monitoring" else f"{dept}报告：{title}"
        incident(g, occurred=occurred, source=source, eng=None, title=title, description=desc,
                  service_id=svc.id if svc else None, asset_id=asset.id if asset else None, reporter=reporter,
                  incident_class=cls)
    key_period_faults(g, fault_days)



def key_period_faults(g: Gen, fault_days: set[date]) -> None:
    """One fault in every dated override (重点保障期) of the run that has none yet, on its first
    non-working day (else its first day) at about 10:00, on a service measured in that calendar —
    so each override's hours show in the clocks and the availability (docs/profile-format.md)."""
    default = g.profile.default_calendar_code
    for cal in g.profile.calendars:
        services = [s for s in g.services if (s.calendar or default) == cal.code]
        for o in cal.overrides:
            days = walk(max(o.start, g.start), min(o.end, g.end))
            if not services or not days or fault_days & set(days):
                continue
            day = next((d for d in days if not g.working(d)), days[0])
            occurred = local_dt(day, time(10, g.rng2.randint(0, 59)))
            if occurred > g.horizon:
                continue
            svc = g.rng2.choice(services)
            title = f"{svc.name}{g.rng2.choice(SYMPTOMS)}"
            incident(g, occurred=occurred, source="monitoring", eng=None, title=title,
                     description=f"{o.name}期间监控告警：{title}", service_id=svc.id, asset_id=None,
                     incident_class="operational")
            fault_days.add(day)
