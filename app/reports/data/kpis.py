"""Report data, the KPI table (考核指标): each profile KPI read from the figure the report prints.

A KPI's ``actual`` is the very figure shown elsewhere in the report (the headline, the
inspection table, the availability table …) and its verdict is ``app.core.kpi.evaluate`` of that
figure.  When the figure cannot be computed — nothing to measure, a calendar year no official
source covers, a service whose availability is not computable, the period before the start of
use — ``actual`` is ``None``, ``reason`` says why and the verdict is 无法评定 (never 达标).
"""

from __future__ import annotations

from app.core import kpi as K
from app.reports.data.shapes import KpiRow, ReportData, ServiceAvailability, Trace

#: availability rows that make the overall figure not computable (not merely "no service time")
_BLOCKING = ("calendar_undefined", "not_computable")


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


def _figures(data: ReportData) -> dict[str, tuple[float | None, str, str]]:
    """metric → (actual, trace key, reason when actual is None)."""
    inc, rq, ins = data.incidents, data.requests, data.inspections
    av_blocked = any(a.reason in _BLOCKING for a in data.availability)
    av = None if av_blocked else overall_availability(data.availability)
    long_ok = data.long_outages_computable
    return {
        "availability": (av, "availability.*", "not_computable" if av_blocked else "" if av is not None
                         else "no_data"),
        "satisfaction_rate": _rate(rq["satisfaction"]["rate_pct"], 0, "requests.satisfaction_pct"),
        "inspection_completion_rate": _rate(ins["rate_pct"], 0, "inspections.missed"),
        "response_compliance_rate": _rate(inc["response"]["rate_pct"], inc["response"]["not_computable"],
                                          "incidents.response_breached"),
        "restore_compliance_rate": _rate(inc["restore"]["rate_pct"], inc["restore"]["not_computable"],
                                         "incidents.restore_breached"),
        "request_response_compliance_rate": _rate(rq["response"]["rate_pct"], rq["response"]["not_computable"],
                                                  "requests.response_breached"),
        "long_outage_count": (float(len(data.long_outages)) if long_ok else None, "long_outages",
                              "" if long_ok else "not_computable"),
        "complaint_count": (float(len(rq["complaints"])), "requests.complaints", ""),
        "major_incident_count": (float(inc["major_count"]), "incidents.major", ""),
    }


def kpis(data: ReportData, tr: Trace) -> None:
    """Fill ``data.kpis`` from ``data.profile.kpis`` (see the module doc)."""
    figures = _figures(data)
    before = data.counted_from is None
    for spec in data.profile.kpis:
        metric = spec.metric
        actual, src, reason = figures.get(metric, (None, "", "no_data"))
        if before:
            actual, reason = None, "before_start"
        if metric == "availability":
            for a in data.availability:
                tr[f"kpi.{spec.code}"].extend(tr.get(f"availability.{a.code}", []))
        else:
            tr[f"kpi.{spec.code}"].extend(tr.get(src, []))
        data.kpis.append(KpiRow(
            code=spec.code, name=spec.name, metric=metric, target=float(spec.target),
            comparison=spec.comparison, unit=spec.unit, actual=actual,
            met=K.evaluate({"target": spec.target, "comparison": spec.comparison}, actual), source=spec.source,
            note="" if actual is not None else K.no_data_text(), reason=reason,
            uncovered_years=list(data.uncovered_years) if reason == "not_computable" else [],
        ))
