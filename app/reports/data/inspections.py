"""Report data, inspections (巡检): counts from ``schedule.completion``, traces, abnormal results.

Every count (due, done, missed, open, extra, performed, per template, per engineer) is the one
``app.services.inspection.schedule.completion`` computes — the inspection-log export and the KPI
``inspection_completion_rate`` read the same function, so the three always agree.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import kpi as K
from app.reports.data.shapes import ReportData, Trace
from app.services.inspection import schedule
from app.store.models import Contract, Incident, Inspection, InspectionResult


def empty_inspections() -> dict:
    """The inspections dict of a span with nothing counted (wholly before the start of use)."""
    return {"due": 0, "done": 0, "missed": 0, "open": 0, "extra": 0, "performed": 0, "unfinished": 0,
            "rate_pct": None, "by_template": [], "by_engineer": [], "abnormal": [], "abnormal_count": 0}


def inspections(session: Session, contract: Contract, start: date, end: date, now: datetime,
                data: ReportData, tr: Trace, full: bool) -> None:
    """Fill ``data.inspections`` for the local days ``[start, end]`` (already clipped to the
    start of use) as at ``now``.  Keys: the counts of ``schedule.completion`` plus
    ``by_template`` ``[{code, name, frequency, due, done, missed, open, extra, rate_pct}]``,
    ``by_engineer`` ``[{name, done}]`` (``name`` "" = not recorded) and ``abnormal`` rows
    ``{inspection, date, template, item, value, note, incident, incident_status}``
    (``incident_status`` a status code).  ``full`` False (previous period) skips the lists."""
    comp = schedule.completion(session, contract, start, end, now)
    data.inspections = {
        **{k: comp[k] for k in ("due", "done", "missed", "open", "extra", "performed", "unfinished")},
        "rate_pct": K.completion_rate(comp["due"], comp["done"]),
        "by_template": [{"code": code, **v} for code, v in sorted(comp["by_template"].items())],
        "by_engineer": [{"name": n, "done": c} for n, c in sorted(comp["by_engineer"].items())],
        "abnormal": [], "abnormal_count": 0,
    }
    insp = list(session.execute(
        select(Inspection.number, Inspection.template_id, Inspection.due_date, Inspection.slot,
               Inspection.template_name, Inspection.finished_at)
        .where(Inspection.contract_id == contract.id, Inspection.due_date >= start, Inspection.due_date <= end)))
    for r in insp:
        if r.finished_at is not None:
            tr["inspections.done"].append(("inspection", r.number, f"{r.template_name} {r.due_date} {r.slot}".strip()))
    if full:
        for s in comp["missed_slots"]:  # the schedule is walked once, by completion
            tr["inspections.missed"].append(("slot", s.label, s.template_name))
    _abnormal(session, contract, start, end, data, tr, full)


def _abnormal(session: Session, contract: Contract, start: date, end: date, data: ReportData, tr: Trace,
              full: bool) -> None:
    """Abnormal results of inspections due in the span, each with the incident raised from it."""
    q = (select(Inspection.number, Inspection.due_date, Inspection.template_name, InspectionResult.item_text,
                InspectionResult.value_number, InspectionResult.value_text, InspectionResult.unit,
                InspectionResult.note, Incident.number.label("inc_number"), Incident.status.label("inc_status"))
         .join(InspectionResult, InspectionResult.inspection_id == Inspection.id)
         .outerjoin(Incident, Incident.source_result_id == InspectionResult.id)
         .where(Inspection.contract_id == contract.id, Inspection.due_date >= start,
                Inspection.due_date <= end, InspectionResult.outcome == "abnormal")
         .order_by(Inspection.due_date, Inspection.number, InspectionResult.position))
    ab = []
    for r in session.execute(q):
        value = r.value_text or ("" if r.value_number is None else f"{r.value_number:g}{r.unit}")
        ab.append({"inspection": r.number, "date": r.due_date, "template": r.template_name, "item": r.item_text,
                   "value": value, "note": r.note, "incident": r.inc_number or "",
                   "incident_status": r.inc_status or ""})
        tr["inspections.abnormal"].append(("inspection", r.number, r.item_text))
    data.inspections["abnormal_count"] = len(ab)
    data.inspections["abnormal"] = ab if full else []
