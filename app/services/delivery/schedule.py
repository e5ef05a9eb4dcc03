"""Which reports a contract owes, for which periods, due on which day (报告应交).

A report the profile lists (``profile.reports[*]``) is owed for every period of its span
(``period``: day … term; by default the span its ``kind`` implies: ``weekly`` → week, ``monthly``
and ``requirements`` → month …) that overlaps the contract term from the start of use (启用日期)
on.  A period's report is **owed from the day after the period ends** (the day itself when
``due_days_after`` is 0) until it is marked submitted.

Due day — decision: ``period end + due_days_after`` **calendar** days (no ``due_days_after``: the
period's last day).  The profile docs say "``due_days_after`` the period end" and none of the three
contracts counts report days in working days (平谷 第七条第2款 "期满后提交", 司法局 §2.1.4 周报/月报,
三门峡 附件一 每月一份); a due day on a weekend or holiday is not moved.

Quarters, half-years and years follow the profile's period convention (``app.core.periods``);
``day`` periods are every calendar day, ``term`` the whole contract term (key ``TERM``).
Session-free: everything here reads the contract row and its typed profile only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.core import periods
from app.core.i18n import _
from app.core.periods import Period
from app.core.profile import profile_of

#: The span a built-in report kind covers when the profile gives no ``period``.
SPAN_OF_KIND = {"weekly": "week", "monthly": "month", "requirements": "month", "quarterly": "quarter",
                "half-year": "half-year", "annual": "year"}
#: ``app.core.periods`` kind of a span (day and term are cut here).
_PERIODS_KIND = {"week": "weekly", "month": "monthly", "quarter": "quarterly", "half-year": "half-year",
                 "year": "annual"}
TERM_KEY = "TERM"


@dataclass(frozen=True)
class OwedReport:
    """One report the profile owes: ``kind`` (the profile's kind code), ``span`` (day … term),
    ``title`` as the client calls it, ``due_days_after`` (calendar days, 0 when unset),
    ``acceptance`` (the client signs it off), ``source`` (the clause)."""

    kind: str
    span: str
    title: str
    due_days_after: int
    acceptance: bool
    source: str


def kind_title(kind: str) -> str:
    """A report kind's generic name in the current language (月报 / Monthly report …)."""
    return periods.kind_name(kind)


def owed_reports(contract: Any) -> list[OwedReport]:
    """The reports ``contract``'s profile owes, in profile order (defensive about fields the
    profile format may not carry: ``period``, ``title``, ``acceptance``)."""
    out = []
    for spec in profile_of(contract).reports:
        kind = str(spec.kind)
        # format 2 spells the span ``half_year``; the built-in kinds say ``half-year``
        span = str(getattr(spec, "period", None) or SPAN_OF_KIND.get(kind, "month")).replace("_", "-")
        title = getattr(spec, "title", "") or getattr(spec, "name", "") or kind_title(kind)
        out.append(OwedReport(kind, span, title, int(spec.due_days_after or 0),
                              bool(getattr(spec, "acceptance", False)), getattr(spec, "source", "") or ""))
    return out


def owed_report(contract: Any, kind: str) -> OwedReport | None:
    """The owed report of ``kind``, or None when the profile does not list it."""
    return next((r for r in owed_reports(contract) if r.kind == kind), None)


def due_on(report: OwedReport, period: Period) -> date:
    """The day the report of ``period`` is due: its end + ``due_days_after`` calendar days."""
    return period.end + timedelta(days=report.due_days_after)


def owed_since(report: OwedReport, period: Period) -> date:
    """The first day the report of ``period`` is owed: the day after the period ends (the last
    day itself when it is due on it)."""
    return period.end if report.due_days_after == 0 else period.end + timedelta(days=1)


def _term_period(contract: Any) -> Period:
    return Period("term", TERM_KEY, contract.term_start, contract.term_end, "服务期")


def _day_period(day: date) -> Period:
    return Period("day", day.isoformat(), day, day, f"{day.year}年{day.month}月{day.day}日")


def period_of(contract: Any, report: OwedReport, day: date) -> Period:
    """The period of ``report``'s span that contains ``day``."""
    if report.span == "term":
        return _term_period(contract)
    if report.span == "day":
        return _day_period(day)
    kind = report.kind if report.kind in periods.KINDS and SPAN_OF_KIND.get(report.kind) == report.span \
        else _PERIODS_KIND[report.span]
    return periods.period_containing(kind, day, contract)


def report_periods(contract: Any, report: OwedReport, *, until: date | None = None) -> Iterator[Period]:
    """Every period of ``report`` that overlaps the term from the start of use on, oldest first;
    only those starting on or before ``until`` when given."""
    first = max(contract.term_start, contract.effective_ledger_start)
    last = contract.term_end if until is None else min(contract.term_end, until)
    if first > last:
        return
    p = period_of(contract, report, first)
    while p.start <= last:
        yield p
        if p.end >= contract.term_end:
            return
        p = period_of(contract, report, p.end + timedelta(days=1))


def find_period(contract: Any, report: OwedReport, key: str) -> Period | None:
    """The period of ``report`` whose key is ``key`` (None when the term has no such period)."""
    return next((p for p in report_periods(contract, report) if p.key == key), None)


def period_label(period: Period) -> str:
    """The period's name in the current language (a day as its ISO date, the term as 服务期)."""
    if period.kind == "term":
        return _("Contract term")
    if period.kind == "day":
        return period.key
    return period.label
