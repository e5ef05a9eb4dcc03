"""Report data, the KPI table (考核指标): each profile KPI measured as the contract means it.

ONE place picks each KPI's figure:

* a KPI over the whole contract whose figure a report section already prints (availability,
  request satisfaction, inspection completion, response/restore/request-response compliance) reads
  that very figure — the headline, the inspection table, the availability table — so the table
  and the sections never disagree;
* every other KPI (a ``scope``, an incident class or severity, on-site/resolve targets, complaint
  rate, stable-run rate, long outages, record counts, logged hours, backups/drills/trainings) is
  computed from the records by ``app.reports.data.kpi_figures`` and traced to them.

Periods: a KPI with a ``period`` shorter than the report's (e.g. "≤ 2 long outages a month" in an
annual report) is measured per sub-period (calendar months / quarters of the counted span); the
row shows the worst sub-period and misses when any does.  A KPI whose period is longer than the
report's (e.g. "≥ 342 hours a contract year" in a monthly report) shows the figure so far; for a
count or hours the verdict waits (``app.core.kpi.judge``) unless already decided.

When the figure cannot be computed — nothing to measure, a calendar year no official source
covers, the period before the start of use — ``actual`` is ``None``, ``reason`` says why and the
verdict is 无法评定 (never 达标).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from dateutil.rrule import MONTHLY, rrule
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import kpi as K
from app.core.periods import period_containing
from app.core.profile import Kpi
from app.core.timeutil import LOCAL_TZ, local_dt
from app.errors import ValidationError
from app.reports.data import kpi_figures as F
from app.reports.data import kpi_records as R
from app.reports.data import observed as O
from app.reports.data.shapes import KpiRow, ReportData, ServiceAvailability, Trace
from app.services.calendar.service_time import ServiceCalendar
from app.store.models import Asset, Contract, Service

#: metric → the function computing its figure from the records
METRICS = {**F.METRICS, "records_per_period": R.records_per_period, "logged_hours": R.logged_hours,
           "backup_count": R.record_count, "drill_count": R.record_count, "training_count": R.record_count}

#: availability rows that make the overall figure not computable (not merely "no service time")
_BLOCKING = ("calendar_undefined", "not_computable")
_ACCUMULATING = {"incident_count", "long_outage_count", "records_per_period", "logged_hours", "backup_count",
                 "drill_count", "training_count"}
_LENGTH = {"day": 0, "weekly": 1, "monthly": 2, "requirements": 2, "quarterly": 3, "half-year": 4, "annual": 5,
           "month": 2, "quarter": 3, "contract_year": 5, "term": 6}


@dataclass
class Sources:
    """What the KPIs read beyond the report data: the session and the counted span."""

    session: Session
    contract: Contract
    start_i: datetime
    end_i: datetime
    now: datetime
    cals: dict[str, ServiceCalendar]


def overall_availability(rows: list[ServiceAvailability]) -> float | None:
    """Combined availability over the services with a figure: ``1 − Σ downtime ÷ Σ service
    time`` (minutes, each service in its own calendar); ``None`` when none has one."""
    svc = sum(a.service_minutes or 0 for a in rows if a.pct is not None)
    down = sum(a.downtime_minutes or 0 for a in rows if a.pct is not None)
    return K.availability_pct(svc, down)


def _rate(value: float | None, not_computable: int, key: str) -> tuple[float | None, str, str]:
    """(actual, trace key, reason): a rate ``None`` with cases not computable is "not_computable"."""
    if value is not None:
        return value, key, ""
    return None, key, "not_computable" if not_computable else "no_data"


#: (metric, sla) → where the report's sections keep the figure: (section, part, rate key, trace key)
_SECTION_RATES = {
    ("request_satisfaction", None): ("requests", "satisfaction", "requests.satisfaction_pct"),
    ("inspection_completion", None): ("inspections", "", "inspections.missed"),
    ("sla_compliance", "response"): ("incidents", "response", "incidents.response_breached"),
    ("sla_compliance", "restore"): ("incidents", "restore", "incidents.restore_breached"),
    ("sla_compliance", "request_response"): ("requests", "response", "requests.response_breached"),
}


def _section_figure(data: ReportData, spec: Kpi) -> tuple[float | None, str, str] | None:
    """(actual, trace key, reason) of a KPI a section already prints; None for the others."""
    if spec.scope or spec.incident_class or spec.severity:
        return None
    if spec.metric == "availability":
        blocked = any(a.reason in _BLOCKING for a in data.availability)
        av = None if blocked else overall_availability(data.availability)
        unseen = any(a.reason == "no_records" for a in data.availability)
        return av, "availability.*", ("not_computable" if blocked else "" if av is not None
                                      else "no_records" if unseen else "no_data")
    where = _SECTION_RATES.get((spec.metric, spec.sla if spec.metric == "sla_compliance" else None))
    if where is None:
        return None
    section, part, trace_key = where
    figures = getattr(data, section)
    block = figures[part] if part else figures
    return _rate(block["rate_pct"], block.get("not_computable", 0), trace_key)


def period_observed(data: ReportData) -> bool:
    """Whether anyone recorded anything in the counted span: an inspection performed (finished
    or started), an incident (occurred, or open at the end), a service request, a requirement, a
    work-log hour, a downtime minute, a password rotation.  Inspection slots merely *due* are the
    schedule, not a record: a contract loaded into an empty ledger has observed nothing."""
    ins, inc = data.inspections, data.incidents
    return bool(ins["performed"] or ins.get("unfinished") or inc["total"] or inc["open_count"]
                or data.requests["total"] or data.requirements or data.worklog["total_hours"]
                or any(a.downtime_minutes for a in data.availability) or data.credential_rotations)


def period_has_records(data: ReportData) -> bool:
    """Whether the counted period holds anything to report (``ReportData.has_data``): a record
    (:func:`period_observed`) or an inspection due.  A KPI computed from records in a period
    without any reads 无数据, never 0 → 达标."""
    return bool(data.inspections["due"]) or period_observed(data)


#: metrics whose figure is made from records NOT being there — no downtime → 100 %, no incident →
#: 0 起, no long outage → 0 次.  Such a figure is evidence only when the ledger observed the period
#: (the contracts have availability checked by the engineer's inspections and every fault recorded:
#: 平谷法院 第三条 每天两次业务应用系统巡检, 司法局 §2.4.2.9 日巡检 应用系统服务可用性检测); on a
#: period nobody recorded anything in, they read 无法评定 (reason ``no_records``), never 达标.
FROM_ABSENCE = frozenset({"availability", "stable_run_rate", "incident_count", "long_outage_count"})


def unobserved(spec: Kpi, met: bool | None) -> bool:
    """Whether a KPI figure must not be judged because nothing was recorded in the period: a metric
    of :data:`FROM_ABSENCE`, or any figure that would read 达标 (e.g. a count with a ``<=`` target)
    — "no data is never 达标".  A figure that misses (0 inspections done of 60 due, 0 backups of
    ≥ 12 in a finished year) stays: a missed obligation is what an empty ledger shows."""
    return spec.metric in FROM_ABSENCE or met is True


def _scoped_completion(data: ReportData, spec: Kpi) -> F.Figure:
    """Inspection completion over the checklists whose items check the scope's services/assets."""
    prof = data.profile
    svc = set(prof.group_services(spec.scope or "") or ())
    ast = set(prof.class_assets(spec.scope or "") or ())
    codes = {t.code for t in prof.checklists for sec in t.sections for it in sec.items
             if it.service in svc or it.asset in ast}
    rows = [t for t in data.inspections.get("by_template", []) if t["code"] in codes]
    due, done = sum(t["due"] for t in rows), sum(t["done"] for t in rows)
    value = K.completion_rate(due, done)
    return F.Figure(value, "" if value is not None else "no_data",
                    [("checklist", t["code"], f"{t['done']}/{t['due']}") for t in rows])


def _sub_spans(start_i: datetime, end_i: datetime, period: str) -> list[tuple[datetime, datetime]]:
    """Calendar months / quarters (local) cutting ``[start_i, end_i)``, clipped (dateutil rrule)."""
    first = start_i.astimezone(LOCAL_TZ).date().replace(day=1)
    if period == "quarter":
        first = first.replace(month=3 * ((first.month - 1) // 3) + 1)
    cuts = [local_dt(d.date(), time()) for d in rrule(
        MONTHLY, interval=3 if period == "quarter" else 1, dtstart=datetime.combine(first, time()),
        until=end_i.astimezone(LOCAL_TZ).replace(tzinfo=None))]
    out = []
    for a, b in zip(cuts, [*cuts[1:], end_i], strict=False):
        s, e = max(a, start_i), min(b, end_i)
        if s < e:
            out.append((s, e))
    return out


def _measure(ctx: F.Ctx, spec: Kpi) -> tuple[F.Figure, bool | None]:
    """The figure of a computed KPI and its verdict, per sub-period when the KPI's period is
    shorter than the counted span's report period."""
    fn = METRICS[spec.metric]
    comparison, target = spec.comparison, float(spec.target)
    report_len = _LENGTH.get(ctx.report_kind, 2)
    kpi_len = _LENGTH.get(spec.period or "", report_len)
    accumulating = spec.metric in _ACCUMULATING
    if spec.period in ("month", "quarter") and kpi_len < report_len:
        figures = []
        seen = O.recorded_days(ctx.session, ctx.contract, *O.span_days(ctx.start_i, ctx.end_i))
        for a, b in _sub_spans(ctx.start_i, ctx.end_i, spec.period):
            sub = F.Ctx(ctx.session, ctx.contract, ctx.prof, a, b, ctx.now, ctx.cals, ctx.services, ctx.assets,
                        ctx.report_kind)
            fig = fn(sub, spec)
            met = K.evaluate({"target": target, "comparison": comparison}, fig.actual)
            if fig.actual is not None and not O.observed(seen, a, b) and unobserved(spec, met):
                fig = F.Figure(None, "no_records", fig.trace)  # a month nobody recorded anything in
            figures.append((a, fig))
        verdicts = [K.evaluate({"target": target, "comparison": comparison}, f.actual) for _a, f in figures]
        known = [f.actual for _a, f in figures if f.actual is not None]
        worst = None
        if known:
            worst = max(known) if comparison in ("<=", "<") else min(known)
        trace = [("period", a.astimezone(LOCAL_TZ).strftime("%Y-%m"), K.fmt_value(f.actual)) for a, f in figures]
        trace += [t for _a, f in figures for t in f.trace]
        met = False if False in verdicts else (None if None in verdicts or not verdicts else True)
        return F.Figure(worst, "" if worst is not None else "no_data", trace), met
    fig = fn(ctx, spec)
    return fig, K.judge(comparison, target, fig.actual, accumulating=accumulating,
                        running=ctx.now < ctx.end_i or (kpi_len > report_len and _runs_on(ctx, spec)))


_PERIOD_KINDS = {"month": "monthly", "quarter": "quarterly"}


def _runs_on(ctx: F.Ctx, spec: Kpi) -> bool:
    """Whether the KPI's own (longer) period reaches beyond the counted span: a term KPI in the
    annual report of a one-year term covers the whole term and is decided; a quarter KPI in a
    monthly report counts only the month and waits; so does any KPI while the span is still running."""
    if ctx.now < ctx.end_i:
        return True
    first = ctx.start_i.astimezone(LOCAL_TZ).date()
    last = (ctx.end_i - timedelta(microseconds=1)).astimezone(LOCAL_TZ).date()
    c = ctx.contract
    if spec.period == "term":
        own_start, own_end = c.term_start, c.term_end
    else:
        try:
            own = period_containing(_PERIOD_KINDS.get(spec.period or "", "annual"), last, c,
                                    contract_year=spec.period == "contract_year" or None)
        except ValidationError:
            return True
        own_start, own_end = own.start, own.end
    return first > max(own_start, c.effective_ledger_start) or last < min(own_end, c.term_end)


def _computed(data: ReportData, ctx: F.Ctx, spec: Kpi) -> tuple[F.Figure, bool | None]:
    """The figure and verdict of a KPI no section prints; a figure whose verdict waits reads
    ``period_running``."""
    if spec.metric == "inspection_completion":
        fig = _scoped_completion(data, spec)
        met = K.evaluate({"target": spec.target, "comparison": spec.comparison}, fig.actual)
    else:
        fig, met = _measure(ctx, spec)
    if fig.actual is not None and met is None:
        fig.reason = "period_running"
    return fig, met


def kpis(data: ReportData, tr: Trace, src: Sources | None = None) -> None:
    """Fill ``data.kpis`` from ``data.profile.kpis`` (see the module doc).  ``src`` (the session
    and counted span) is needed for KPIs no section prints; without it they read 无数据."""
    before = data.counted_from is None
    empty = not period_has_records(data)
    observed = period_observed(data)
    ctx = None
    if src is not None:
        services = {s.code: s for s in src.session.scalars(select(Service).where(Service.contract_id == src.contract.id))}
        assets = {a.code: a for a in src.session.scalars(select(Asset).where(Asset.contract_id == src.contract.id))}
        ctx = F.Ctx(src.session, src.contract, data.profile, src.start_i, src.end_i, src.now, src.cals, services,
                    assets, data.period.kind)
    for spec in data.profile.kpis:
        met: bool | None
        years: list[int] = []
        section = _section_figure(data, spec)
        key = f"kpi.{spec.code}"
        if section is not None:
            actual, trace_key, reason = section
            if spec.metric == "availability":
                for a in data.availability:
                    tr[key].extend(tr.get(f"availability.{a.code}", []))
            else:
                tr[key].extend(tr.get(trace_key, []))
            met = K.evaluate({"target": spec.target, "comparison": spec.comparison}, actual)
            years = list(data.uncovered_years) if reason == "not_computable" else []
        elif before or ctx is None or empty:
            actual, reason, met = None, "no_data", None
        else:
            fig, met = _computed(data, ctx, spec)
            actual, reason, years = fig.actual, fig.reason, fig.years
            tr[key].extend(fig.trace)
        if before:
            actual, reason, met = None, "before_start", None
        elif not observed and actual is not None and unobserved(spec, met):
            actual, reason, met, years = None, "no_records", None, []
        data.kpis.append(KpiRow(
            code=spec.code, name=spec.name, metric=spec.metric, target=float(spec.target),
            comparison=spec.comparison, unit=K.unit_text(spec.unit), actual=actual, met=met, source=spec.source,
            note="" if actual is not None else K.no_data_text(), reason=reason, uncovered_years=years,
            scope=data.profile.scope_name(spec.scope) if spec.scope else "",
            period=spec.period or "", unit_code=spec.unit,
        ))
