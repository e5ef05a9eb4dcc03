"""Report data, KPI figures that count records of a kind: ``records_per_period``, ``logged_hours``
(by work-log category, Justice Bureau §2.3.4.4) and the backup / drill / training counts of
record kinds other issues add (0 with "尚无记录" until their table exists).  Shapes and scope
as in ``app.reports.data.kpi_figures``."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import func, inspect, select, text

from app.core import kpi as kpi_math
from app.core.i18n import _
from app.core.profile import Kpi
from app.core.timeutil import LOCAL_TZ
from app.reports.data import kpi_figures as figures
from app.store.models import Inspection, Requirement, WorkLogEntry

Ctx = figures.Ctx
Figure = figures.Figure


def records_per_period(ctx: Ctx, spec: Kpi) -> Figure:
    """Records of kind ``record`` in the span (incidents by occurrence, requests and complaints
    by receipt, finished inspections by due day, work-log entries by work day, requirements by
    collection)."""
    kind = spec.record or "incident"
    first = ctx.start_i.astimezone(LOCAL_TZ).date()
    last = (ctx.end_i - timedelta(microseconds=1)).astimezone(LOCAL_TZ).date()
    cid = ctx.contract.id
    if kind == "incident":
        return figures.incident_count(ctx, spec)
    rows: list[Any]
    if kind in ("service_request", "complaint"):
        reqs = figures.requests_in(ctx, spec)
        rows = [(r.number, r.complaint_text or r.title) for r in reqs if kind != "complaint" or r.complaint]
        label = "service_request"
    elif kind == "inspection":
        rows = list(ctx.session.execute(select(Inspection.number, Inspection.template_name).where(
            Inspection.contract_id == cid, Inspection.finished_at.is_not(None), Inspection.due_date >= first,
            Inspection.due_date <= last)))
        label = "inspection"
    elif kind == "work_log":
        rows = [(str(d), s) for d, s in ctx.session.execute(select(WorkLogEntry.work_date, WorkLogEntry.summary).where(
            WorkLogEntry.contract_id == cid, WorkLogEntry.work_date >= first, WorkLogEntry.work_date <= last))]
        label = "work_log"
    else:
        rows = list(ctx.session.execute(select(Requirement.number, Requirement.title).where(
            Requirement.contract_id == cid, Requirement.collected_at >= ctx.start_i,
            Requirement.collected_at < ctx.end_i)))
        label = "requirement"
    return Figure(float(len(rows)), "", [(label, str(n), str(t)) for n, t in rows])


def logged_hours(ctx: Ctx, spec: Kpi) -> Figure:
    """Hours logged in the work log in the span, of ``category`` (all when None) — e.g. 代码级维护
    ≥ 342 人时 (Justice Bureau §2.3.4.4)."""
    first = ctx.start_i.astimezone(LOCAL_TZ).date()
    last = (ctx.end_i - timedelta(microseconds=1)).astimezone(LOCAL_TZ).date()
    q = select(WorkLogEntry.work_date, WorkLogEntry.duration_minutes, WorkLogEntry.summary).where(
        WorkLogEntry.contract_id == ctx.contract.id, WorkLogEntry.work_date >= first, WorkLogEntry.work_date <= last)
    if spec.category:
        q = q.where(WorkLogEntry.category == spec.category)
    rows = list(ctx.session.execute(q.order_by(WorkLogEntry.work_date)))
    minutes = float(sum(m for _d, m, _s in rows))
    return Figure(kpi_math.hours(minutes), "", [("work_log", d.isoformat(), _("{summary} ({minutes} min)", summary=s,
                                                                        minutes=m)) for d, m, s in rows])


#: metric → (candidate table names, candidate date columns) of records other issues add
_FUTURE_TABLES = {
    "backup_count": (("backup_run", "backup_record", "backup"), ("run_at", "started_at", "performed_at", "date")),
    "drill_count": (("drill",), ("held_at", "held_on", "started_at", "performed_at", "date")),
    "training_count": (("training_session", "training"), ("held_at", "held_on", "started_at", "date")),
}


def record_count(ctx: Ctx, spec: Kpi) -> Figure:
    """Backups / drills / trainings in the span, counted from their table once an issue adds it;
    until then 0 with the trace "尚无记录" (no such records are kept yet)."""
    tables, columns = _FUTURE_TABLES[spec.metric]
    insp = inspect(ctx.session.get_bind())
    for table in tables:
        if not insp.has_table(table):
            continue
        cols = {c["name"] for c in insp.get_columns(table)}
        col = next((c for c in columns if c in cols), None)
        if col is None or "contract_id" not in cols:
            continue
        n = ctx.session.scalar(select(func.count()).select_from(text(table)).where(
            text(f"contract_id = :cid AND {col} >= :a AND {col} < :b")),
            {"cid": ctx.contract.id.hex if ctx.session.get_bind().dialect.name == "sqlite" else ctx.contract.id,
             "a": ctx.start_i, "b": ctx.end_i}) or 0
        return Figure(float(n), "", [(table, str(n), _("records counted"))])
    return Figure(0.0, "", [("note", "-", _("no records yet"))])
