"""Sections four to ten of a periodic report, and the monthly requirements document.

Wording only (``app.core.i18n._``); every figure comes from ``ReportData``.  故障明细 lists every
incident of the period with its number, time, services, level, cause, resolution and both SLA
clocks against their targets (the contracts' "对故障发生的时间、原因及解决方式作严格记录").
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from app.core.i18n import _
from app.core.timeutil import fmt_local, to_local
from app.reports.compose import labels as L
from app.reports.compose.document import (
    Block,
    Chart,
    Heading,
    KeyValues,
    PageBreak,
    Paragraph,
    Table,
)
from app.reports.data.shapes import ReportData


def overall_text(data: ReportData, has_prev: bool = False) -> str:
    """The combined availability as text, naming the services it leaves out and why — a headline
    never claims more than its parts."""
    h, ph = data.headline, data.previous_headline
    text = L.value(h["availability.overall_pct"], "%")
    if has_prev:
        text = _("{value} (previous period {previous})", value=text,
                 previous=L.value(ph.get("availability.overall_pct"), "%"))
    left_out = [a for a in data.availability if a.pct is None]
    if left_out and h["availability.overall_pct"] is not None:
        text += _(" (excluding {services}: {why})", services=_(", ").join(a.name for a in left_out),
                  why=_(", ").join(sorted({L.reason(a.reason) for a in left_out})))
    return text


def _local(v: datetime | None) -> str:
    return fmt_local(v) if v is not None else "—"


def _sla_table(inc: dict[str, Any]) -> Table:
    pairs = ((_("Response"), inc["response"]), (_("Restore"), inc["restore"]))
    return Table([_("SLA"), _("Met"), _("Breached"), _("Running"), _("Cannot be computed"), _("Compliance rate")],
                 [[name, s["met"], s["breached"], s["pending"], s["not_computable"], L.value(s["rate_pct"], "%")]
                  for name, s in pairs],
                 title=_("SLA compliance"), highlight_rows=[i for i, (_n, s) in enumerate(pairs) if s["breached"]])


def incident_detail(data: ReportData) -> Table:
    """故障明细: one row per incident of the period."""
    rows = [[r["number"], _local(r["occurred"]), _(", ").join(r["services"]) or "—", r["severity"],
             _("{category}: {cause}", category=L.label(L.CAUSES, r["cause_category"]), cause=r["cause"])
             if r["cause"] else L.label(L.CAUSES, r["cause_category"]),
             r["resolution"] or "—",
             L.clock_cell(r["response_minutes"], r["response_target"], r["response_verdict"]),
             L.clock_cell(r["restore_minutes"], r["restore_target"], r["restore_verdict"])]
            for r in data.incident_rows]
    hl = [i for i, r in enumerate(data.incident_rows) if "breached" in (r["response_verdict"], r["restore_verdict"])]
    return Table([_("Incident no."), _("Occurred"), _("Service"), _("Level"), _("Cause"), _("Resolution"),
                  _("Response (actual / target)"), _("Restore (actual / target)")], rows,
                 title=_("Incident details"), highlight_rows=hl, col_widths=[2.3, 2, 2, 1.3, 3, 3, 2.4, 2.4])


def incidents(data: ReportData) -> list[Block]:
    """四、故障: by level, cause and service, SLA compliance, 故障明细, major and open incidents."""
    inc = data.incidents
    n = _("incidents")
    b: list[Block] = [Heading(_("4. Incidents"))]
    if inc["total"] == 0:
        b.append(Paragraph(_("No incident occurred in the report period (no data).")))
    else:
        b.append(Table([_("Level"), _("Count")], [[r["name"], r["count"]] for r in inc["by_severity"]],
                       title=_("By level")))
        causes = [(L.label(L.CAUSES, r["code"]), r["count"]) for r in inc["by_cause"]]
        b.append(Table([_("Cause category"), _("Count")], [list(c) for c in causes], title=_("By cause")))
        if inc["by_service"]:
            b.append(Table([_("Service"), _("Count")], [[r["name"], r["count"]] for r in inc["by_service"]],
                           title=_("By service")))
        b.append(Chart(_("Incidents by cause"), "bar", [c for c, _n in causes],
                       {_("Incidents"): [float(c) for _c, c in causes]}, unit=n))
    b.append(_sla_table(inc))
    if inc["response"]["not_computable"] or inc["restore"]["not_computable"]:
        b.append(Paragraph(_("The SLA clocks of some incidents cannot be computed and are left out of the "
                             "compliance rates: {reason}.",
                             reason=L.reason("not_computable", inc["uncovered_years"])), "note"))
    b.append(Paragraph(_("Mean time to restore (service time): {value}.", value=L.minutes(inc["mttr_minutes"]))))
    if data.incident_rows:
        b.append(incident_detail(data))
    if inc["major"]:
        b.append(Table([_("Incident no."), _("Title"), _("Level"), _("Occurred"), _("Restored"), _("Cause category"),
                        _("Cause"), _("Resolution")],
                       [[m["number"], m["title"], m["severity"], _local(m["occurred"]), _local(m["restored"]),
                         L.label(L.CAUSES, m["cause_category"]), m["cause"], m["resolution"]] for m in inc["major"]],
                       title=_("Major incidents"), col_widths=[2.3, 3, 1.2, 2, 2, 1.2, 3, 3]))
    if inc["open_at_end"]:
        b.append(Table([_("Incident no."), _("Title"), _("Level"), _("Status"), _("Occurred")],
                       [[o["number"], o["title"], o["severity"],
                         _("not closed at period end") if o["closed_later"] else L.label(L.STATUSES, o["status"]),
                         _local(o["occurred"])] for o in inc["open_at_end"]], title=_("Incidents open at period end")))
    else:
        b.append(Paragraph(_("No incident was open at the end of the period.")))
    return b


def availability(data: ReportData, *, with_extras: bool = True) -> list[Block]:
    """五、系统可用率: per service, the combined figure's exclusions and — ``with_extras`` (the
    built-in kinds) — long outages and trends, which a profile's report kind chooses apart."""
    b: list[Block] = [Heading(_("5. System availability"))]
    av = data.availability
    if av:
        rows = []
        for a in av:
            verdict = "not_assessable" if a.met is None else ("met" if a.met else "missed")
            rows.append([a.name, a.calendar, _num(a.service_minutes), _num(a.downtime_minutes),
                         L.value(a.pct, "%") if a.pct is not None else L.reason(a.reason, a.uncovered_years),
                         L.value(a.target_pct, "%") if a.target_pct is not None else "—",
                         L.label(L.KPI_VERDICTS, verdict), _(", ").join(a.incidents)])
        b.append(Table([_("Service"), _("Calendar"), _("Service time (min)"), _("Downtime (min)"), _("Availability"),
                        _("Target"), _("Verdict"), _("Incidents")], rows,
                       title=_("Availability per service (in service time)"),
                       highlight_rows=[i for i, a in enumerate(av) if a.met is False],
                       col_widths=[3, 1.5, 1.6, 1.4, 2.6, 1.2, 1.4, 2.3]))
        shown = [a for a in av if a.pct is not None]
        if shown:
            b.append(Chart(_("Availability per service"), "bar", [a.name for a in shown],
                           {_("Availability"): [float(a.pct or 0.0) for a in shown]}, unit="%"))
        left_out = [a for a in av if a.pct is None]
        if left_out and shown:
            b.append(Paragraph(_("The combined availability leaves out {services} (no figure).",
                                 services=_(", ").join(a.name for a in left_out)), "note"))
        b.append(Paragraph(_("Availability = 1 − downtime ÷ service time, each in the service's own service "
                             "calendar."), "note"))
    else:
        b.append(Paragraph(_("The contract lists no service (no data)."), "note"))
    if with_extras:
        b += _long_outages(data)
        b += _trends(data)
    return b


def long_outages(data: ReportData) -> list[Block]:
    """The ``long_outages`` section of a profile's report kind: its heading and the interruptions
    over the ``long_outage_count`` KPI's threshold (Justice Bureau §2.9); a sentence when the
    profile sets no such KPI."""
    body = _long_outages(data) or [Paragraph(_("The contract sets no long-interruption KPI."), "note")]
    return [Heading(_("Long interruptions")), *body]


def trends(data: ReportData) -> list[Block]:
    """The ``trends`` section of a profile's report kind: incidents and combined availability over
    the last periods of the same span; a sentence when there is only this period."""
    body = _trends(data) or [Paragraph(_("No earlier period to compare with."), "note")]
    return [Heading(_("Trends")), *body]


def _long_outages(data: ReportData) -> list[Block]:
    spec = next(iter(data.profile.kpis_of("long_outage_count")), None)
    if spec is None:
        return []
    thr = f"{float(spec.threshold_minutes or 120):.0f}"
    if data.long_outages:
        return [Table([_("Incident no."), _("Title"), _("From"), _("To"), _("Interruption in working time (min)")],
                      [[o["number"], o["title"], _local(o["start"]), _local(o["end"]), round(o["minutes"])]
                       for o in data.long_outages],
                      title=_("Interruptions over {minutes} minutes in working time", minutes=thr))]
    if not data.long_outages_computable:
        return [Paragraph(_("Interruptions over {minutes} minutes in working time: {reason}.", minutes=thr,
                            reason=L.reason("not_computable", data.uncovered_years)), "note")]
    return [Paragraph(_("No interruption over {minutes} minutes in working time in the report period.",
                        minutes=thr))]


def _trends(data: ReportData) -> list[Block]:
    if len(data.trend) <= 1:
        return []
    cats = [t["period"].label for t in data.trend]
    b: list[Block] = [Chart(_("Incidents in recent periods"), "line", cats,
                            {_("Incidents"): [float(t["incidents"]) for t in data.trend]}, unit=_("incidents"))]
    known = [t for t in data.trend if t["availability_pct"] is not None]
    if len(known) > 1:
        b.append(Chart(_("Combined availability in recent periods"), "line", [t["period"].label for t in known],
                       {_("Combined availability"): [float(t["availability_pct"]) for t in known]}, unit="%"))
    return b


def service_desk(data: ReportData) -> list[Block]:
    """六、服务台: by channel and category, response compliance, satisfaction, complaints."""
    rq = data.requests
    b: list[Block] = [Heading(_("6. Service desk"))]
    if rq["total"] == 0:
        b.append(Paragraph(_("No service request in the report period (no data).")))
    else:
        b.append(Table([_("Channel"), _("Count")], [[L.label(L.CHANNELS, r["code"]), r["count"]]
                                                   for r in rq["by_channel"]], title=_("By channel")))
        b.append(Table([_("Category"), _("Count")], [[r["name"], r["count"]] for r in rq["by_category"]],
                       title=_("By category")))
    r, s = rq["response"], rq["satisfaction"]
    b.append(KeyValues(title=_("Response and satisfaction"), items=[
        (_("Answered in time"), _("{met} in time; {breached} late; {pending} running", met=r["met"],
                                  breached=r["breached"], pending=r["pending"])),
        (_("Response compliance rate"), L.value(r["rate_pct"], "%")),
        (_("Satisfied / mostly satisfied / dissatisfied / not rated"),
         f"{s['satisfied']} / {s['mostly_satisfied']} / {s['dissatisfied']} / {s['unrated']}"),
        (_("Satisfaction (rated only)"), L.value(s["rate_pct"], "%")),
        (_("Complaints"), L.value(len(rq["complaints"]), _("requests"))),
    ]))
    if rq["complaints"]:
        b.append(Table([_("Request"), _("Title"), _("Complaint")],
                       [[c["number"], c["title"], c["text"]] for c in rq["complaints"]], title=_("Complaints")))
    return b


def requirements(data: ReportData) -> list[Block]:
    """七、需求: requirements collected in the period."""
    b: list[Block] = [Heading(_("7. Requirements"))]
    if data.requirements:
        b.append(Table([_("Requirement"), _("Service"), _("Title"), _("Requested by"), _("Status")],
                       [[q["number"], q["service"], q["title"], q["requester"], L.label(L.REQ_STATUSES, q["status"])]
                        for q in data.requirements], title=_("Requirements collected in the period")))
    else:
        b.append(Paragraph(_("No requirement was collected in the report period (no data).")))
    return b


def worklog(data: ReportData) -> list[Block]:
    """八、工作量: hours per engineer."""
    b: list[Block] = [Heading(_("8. Workload"))]
    wl = data.worklog
    if wl["by_engineer"]:
        b.append(Table([_("Engineer"), _("Hours (inspections included)"), _("Manual work-log entries")],
                       [[w["name"] or _("not recorded"), w["hours"], w["entries"]] for w in wl["by_engineer"]]
                       + [[_("Total"), wl["total_hours"], sum(w["entries"] for w in wl["by_engineer"])]],
                       title=_("Work-log hours")))
    else:
        b.append(Paragraph(_("No work-log entry in the report period (no data).")))
    return b


def closing(data: ReportData, narrative: dict[str, str]) -> list[Block]:
    """九、存在问题 十、下期计划, the page break and the sign-off heading."""
    return [
        Heading(_("9. Problems")), Paragraph(narrative["problems"] or auto_problems(data), "narrative"),
        Heading(_("10. Plan for the next period")),
        Paragraph(narrative["plan"] or _("Continue the daily inspections, incident handling and service desk "
                                         "work as the contract requires."), "narrative"),
        PageBreak(), Heading(_("Sign-off"))]


def _num(v: float | None) -> str:
    return "—" if v is None else f"{v:.0f}"


def auto_summary(data: ReportData) -> str:
    """The default summary sentence from the headline figures."""
    h = data.headline
    if data.counted_from is None:
        return _("The report period lies before the start of use; there is nothing to report.")
    return _("In {period} the provider's resident engineers performed {done} inspections (completion rate "
             "{rate}), handled {incidents} incidents ({major} of them major), received {requests} service "
             "requests; combined system availability {availability}.",
             period=data.period.label, done=h["inspections.performed"], rate=L.value(h["inspections.rate_pct"], "%"),
             incidents=h["incidents.total"], major=h["incidents.major"], requests=h["requests.total"],
             availability=overall_text(data))


def auto_problems(data: ReportData) -> str:
    """The default problems paragraph: KPIs not met, open incidents, missed inspections."""
    items = []
    unmet = [k.name for k in data.kpis if k.verdict == "missed"]
    if unmet:
        items.append(_("KPIs not met: {names}", names=_(", ").join(unmet)))
    if data.headline.get("incidents.open_at_end"):
        items.append(_("{n} incidents still open at the end of the period", n=data.headline["incidents.open_at_end"]))
    if data.headline.get("inspections.missed"):
        items.append(_("{n} inspections missed", n=data.headline["inspections.missed"]))
    return _("; ").join(items) + _(".") if items else _("No notable problem in the report period.")


def requirements_document(data: ReportData) -> list[Block]:
    """The monthly requirements document (Pinggu 第三条 每月整理一份需求文档)."""
    b: list[Block] = [Heading(_("1. Requirements overview"))]
    reqs = data.requirements
    if not reqs:
        b.append(Paragraph(_("No requirement was collected or updated in {period} (no data).",
                             period=data.period.label)))
        return b
    new = sum(1 for r in reqs if r["new"])
    i = _("items")
    b.append(KeyValues(items=[(_("Newly collected this month"), L.value(new, i)),
                              (_("Updated this month (collected earlier)"), L.value(len(reqs) - new, i)),
                              (_("Total"), L.value(len(reqs), i))]))
    by_svc = Counter(r["service"] or _("not specified") for r in reqs)
    by_status = Counter(L.label(L.REQ_STATUSES, r["status"]) for r in reqs)
    b.append(Table([_("Service"), _("Requirements")], [[k, v] for k, v in sorted(by_svc.items())],
                   title=_("By service")))
    b.append(Table([_("Status"), _("Requirements")], [[k, v] for k, v in sorted(by_status.items())],
                   title=_("By status")))
    b.append(Heading(_("2. Requirement details")))
    b.append(Table([_("Requirement"), _("Service"), _("Title"), _("Requested by"), _("Description"), _("Status"),
                    _("Collected on")],
                   [[r["number"], r["service"], r["title"], r["requester"], r["description"],
                     L.label(L.REQ_STATUSES, r["status"]), _local_date(r["collected"])] for r in reqs],
                   title=_("Requirement details"), col_widths=[2, 2, 3, 2, 5, 1.2, 1.8]))
    return b


def _local_date(v: Any) -> Any:
    return to_local(v).date() if isinstance(v, datetime) else v
