"""KPI arithmetic: small pure functions, no database.

Every rate is a percentage (0–100, ``float``); an empty denominator gives ``None`` — shown as
"无数据" / "no data" in reports — never a division by zero.  Durations are minutes.
"""

from __future__ import annotations

from typing import Any

from app.core.i18n import N_

NO_DATA = "no data"  # msgid (app.core.i18n): 无数据 in Chinese


def no_data_text() -> str:
    """The words for a figure without data in the current language (无数据 / no data)."""
    from app.core.i18n import _  # noqa: PLC0415 - kpi stays a pure module

    return _(NO_DATA)


def _pct(numerator: float, denominator: float) -> float | None:
    if not denominator:
        return None
    return 100.0 * numerator / denominator


def availability_pct(service_minutes: float, downtime_minutes: float) -> float | None:
    """System availability (系统稳定运行率) in %: ``(1 − downtime ÷ service time) × 100``.

    Both arguments are minutes *in the service's own service hours* (a 5×8 system's downtime at
    night does not count).  Downtime is capped at the service time.  No service time in the
    period (e.g. a week of public holidays for a 5×8 system) → ``None``.
    Source: the contracts' "系统稳定运行率" KPI (Pinggu/Justice Bureau profiles, ``availability``).
    """
    if service_minutes <= 0:
        return None
    down = min(max(downtime_minutes, 0.0), service_minutes)
    return 100.0 * (1.0 - down / service_minutes)


def satisfaction_rate(satisfied: int, mostly_satisfied: int, dissatisfied: int) -> float | None:
    """User satisfaction (用户满意度) in %: ``(satisfied + mostly_satisfied) ÷ rated × 100``.

    Only rated requests count: unrated ones (no follow-up answer) are excluded from the
    denominator.  No rated request → ``None``.  Source: profile KPI ``satisfaction_rate``.
    """
    rated = satisfied + mostly_satisfied + dissatisfied
    return _pct(satisfied + mostly_satisfied, rated)


def completion_rate(due: int, done: int) -> float | None:
    """Inspection completion (巡检完成率) in %: ``done ÷ due × 100`` where ``due`` counts due
    slots in the period and ``done`` the slots with a finished inspection.  No due slot →
    ``None``.  Source: profile KPI ``inspection_completion_rate`` (Pinggu 第三条 每天两次巡检)."""
    return _pct(min(done, due), due)


def compliance_rate(met: int, total: int) -> float | None:
    """Share of cases that met their SLA target (response/restore/request response) in %:
    ``met ÷ total × 100``; cases whose clock cannot be computed are left out of ``total`` by the
    caller.  No case → ``None``.  Source: profile severities / service_desk targets."""
    return _pct(met, total)


def mean(values: list[float]) -> float | None:
    """Arithmetic mean (e.g. mean time to restore in service minutes); empty → ``None``."""
    return sum(values) / len(values) if values else None


def complaint_rate(complaints: int, requests: int) -> float | None:
    """Complaint rate (投诉率) in %: ``complaints ÷ requests × 100`` over the requests received in
    the period (a complaint is a follow-up marked as one).  No request → ``None``."""
    return _pct(complaints, requests)


def stable_run_rate(stable_days: int, service_days: int) -> float | None:
    """Stable-run rate (稳定运行率, by days) in %: ``stable ÷ service days × 100`` where a service
    day is one (service, day) with service time and it is stable when no outage touched that
    day's service time.  No service day → ``None``."""
    return _pct(stable_days, service_days)


def hours(minutes: float) -> float:
    """Minutes as hours (logged_hours KPIs, e.g. 代码级维护 ≥ 342 人时, Justice Bureau §2.3.4.4)."""
    return minutes / 60.0


UNIT_TEXT = {"%": "%", "count": N_("times"), "hours": N_("hours")}
"""KPI unit code → msgid of how a figure's unit reads after it (``%``, 次/times, 小时/hours) — the one
unit label table the report, the overview and the contract page read (through :func:`unit_text`)."""
UNIT_TEXT_ONE = {"count": N_("time"), "hours": N_("hour")}
"""The same after the figure 1 (English singular: ``1 time``, ``1 hour``; Chinese 次 / 小时 alike)."""


def unit_text(unit: str, value: float | None = None) -> str:
    """The unit code ``unit`` (``%``, ``count``, ``hours``) as text after a figure in the current
    language; ``value`` 1 takes the singular (``1 time``).  ``%`` stays ``%``; a unit outside the
    table (typed by hand) is returned as typed."""
    from app.core.i18n import _  # noqa: PLC0415 - kpi stays a pure module

    if unit == "%":
        return "%"
    table = UNIT_TEXT_ONE if value is not None and float(value) == 1.0 and unit in UNIT_TEXT_ONE else UNIT_TEXT
    return _(table[unit]) if unit in table else unit


def fmt_in_unit(value: float | None, unit: str) -> str:
    """A KPI figure with its unit code as text: ``99.50%``, ``0 次`` / ``0 times``, ``1 time``,
    ``342 小时`` / ``342 hours``; ``None`` → 无数据 / no data."""
    return fmt_value(value, unit_text(unit, value))


COMPARISON_SIGN = {">=": "≥", "<=": "≤", "==": "=", ">": ">", "<": "<"}
"""A KPI comparison code as the sign printed before its target (the report, overview, contract page)."""


def target_text(comparison: str, target: float | None, unit: str) -> str:
    """A KPI target as text: ``≥ 99.50%``, ``≤ 0 次`` / ``≤ 0 times``, ``≥ 342 小时`` — the sign of
    ``COMPARISON_SIGN`` and the figure in its unit code (:func:`fmt_in_unit`)."""
    return f"{COMPARISON_SIGN.get(comparison, comparison)} {fmt_in_unit(target, unit)}"


def judge(comparison: str, target: float, actual: float | None, *, accumulating: bool,
          running: bool) -> bool | None:
    """The verdict of a KPI figure: ``evaluate`` — except while the KPI's own period (e.g. a
    contract year) is still running (``running``) for an ``accumulating`` figure (a count or
    hours that only grows): a ``>=``/``>`` target already reached is met, a ``<=``/``<``/``==``
    target already exceeded is missed, anything else is ``None`` (not yet assessable)."""
    verdict = evaluate({"target": target, "comparison": comparison}, actual)
    if actual is None or not (accumulating and running):
        return verdict
    if comparison in (">=", ">"):
        return True if verdict else None
    if comparison in ("<=", "<"):
        return False if not verdict else None
    return False if round(float(actual), 2) > float(target) else None


_OPS = {
    "==": lambda a, t: a == t,
    ">=": lambda a, t: a >= t,
    "<=": lambda a, t: a <= t,
    ">": lambda a, t: a > t,
    "<": lambda a, t: a < t,
}


def evaluate(kpi_spec: dict[str, Any], actual: float | None) -> bool | None:
    """Whether ``actual`` meets ``kpi_spec`` (``target`` and ``comparison`` one of ``>=``,
    ``<=``, ``==``, ``>``, ``<`` from the profile's ``kpis``).  Rates are compared rounded to 2 decimals
    (what the report shows).  ``actual`` ``None`` (no data) → ``None`` (neither met nor missed).
    """
    if actual is None:
        return None
    op = _OPS[kpi_spec.get("comparison", ">=")]
    return bool(op(round(float(actual), 2), float(kpi_spec["target"])))


def fmt_value(value: float | None, unit: str = "", digits: int = 2) -> str:
    """A figure as report text: ``98.89%``, ``3 次`` or "无数据" (current language) for ``None``."""
    if value is None:
        return no_data_text()
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:.{digits}f}"
    else:
        text = f"{int(value)}" if float(value).is_integer() else f"{value}"
    if unit == "%":
        return f"{text}%"
    return f"{text} {unit}".strip()
