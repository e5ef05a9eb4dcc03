"""The working-day rule (工作日) every due date and reminder counts in — with its ONE fallback.

A local date is a working day when the ledger's official calendar says so
(``service_time.is_working_day``: entered years first, then chinesecalendar — public holidays
off, make-up days (调休) on).  A date no calendar covers (``CalendarCoverageError``) counts as a
working day iff it is Monday–Friday, and the answer carries a sentence saying so: a reminder or a
due list never fails for want of next year's arrangement.  (The calendar itself never guesses:
SLA clocks still refuse an uncovered year.)

Who counts in it: the inspection schedule (巡检计划: daily slots on working days, "first/last
working day of the period"), the credential reminders (密码轮换提醒 five working days ahead,
司法局 §2.3.1.4) and the asset reminders (保修/维保: a threshold on a day off moves to the
working day before it).

Counting is done with python-dateutil: :func:`working_day_set` is the ``rruleset`` of the working
days of a range — a Monday–Friday ``rrule``, holidays as ``exdate``, make-up days as ``rdate`` —
and :func:`working_days_between` / :func:`nth_working_day_before` count in its dates
(:func:`working_dates`; a session's :class:`WorkingDays` lists each month's set once and bisects).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from dateutil.rrule import DAILY, FR, MO, TH, TU, WE, rrule, rruleset
from sqlalchemy.orm import Session

from app.core.i18n import _
from app.errors import CalendarCoverageError
from app.services.calendar import service_time

IsWorking = Callable[[date], bool]
"""``day → is working``: a :class:`WorkingDays` or any stand-in (tests inject weekday rules)."""

SEARCH_LIMIT_DAYS = 400
"""How far :func:`nth_working_day_before` looks back before giving up (an entered year without
working days)."""


def working_day(session: Session | None, day: date) -> tuple[bool, str | None]:
    """``(is working, warning)`` for local ``day`` on the official calendar of ``session``
    (``None``: chinesecalendar only).  ``warning`` is ``None`` when a calendar covers the day;
    for an uncovered day Monday–Friday counts and ``warning`` is a sentence in the current
    language naming the year.  Never raises for a calendar gap."""
    try:
        return bool(service_time.is_working_day(session, day)), None
    except (CalendarCoverageError, NotImplementedError) as exc:
        reason = (str(exc) if isinstance(exc, CalendarCoverageError)
                  else _("no official holiday calendar covers {year}", year=str(day.year)))
        return day.weekday() < 5, _("{reason}; Monday–Friday assumed due", reason=reason)


class WorkingDays:
    """The working-day rule of one session, answered once per day (callable: an ``IsWorking``).

    ``rule(day)`` → bool; ``rule.check(day)`` → ``(is working, warning | None)`` (see
    :func:`working_day`).  Get it from :func:`working_day_rule`: entering a year builds a new
    session calendar (``service_time.forget_official``) that an older instance would not see.
    """

    def __init__(self, session: Session | None) -> None:
        self.session = session
        self._days: dict[date, tuple[bool, str | None]] = {}
        self._months: dict[tuple[int, int], list[date]] = {}

    def check(self, day: date) -> tuple[bool, str | None]:
        """``(is working, warning)`` of local ``day``."""
        got = self._days.get(day)
        if got is None:
            got = self._days[day] = working_day(self.session, day)
        return got

    def __call__(self, day: date) -> bool:
        return self.check(day)[0]

    def month(self, year: int, month: int) -> list[date]:
        """The working days of one month in order: :func:`working_day_set` of the month, listed
        once per instance (counting in it is then a bisection, not a walk)."""
        got = self._months.get((year, month))
        if got is None:
            first = date(year, month, 1)
            last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
            got = self._months[(year, month)] = [d.date() for d in working_day_set(first, last, self)]
        return got


def working_day_rule(session: Session | None) -> WorkingDays:
    """The ``IsWorking`` rule of ``session``'s official calendar with the Monday–Friday fallback;
    one per session (kept with the session's calendar, dropped with it by
    ``service_time.forget_official``), so the agenda's providers share its listed months."""
    if session is None:
        return WorkingDays(None)
    rule = session.info.get(service_time.WORKING_DAYS_KEY)
    if rule is None:
        rule = session.info[service_time.WORKING_DAYS_KEY] = WorkingDays(session)
    return rule


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def working_day_set(first: date, last: date, is_working: IsWorking) -> rruleset:
    """The working days ``first``–``last`` (inclusive) as a dateutil ``rruleset`` of naive
    midnights: Monday–Friday, minus the weekdays ``is_working`` says are off (``exdate``), plus
    the weekend days it says are worked (``rdate``).  Empty when ``last < first``."""
    a, b = _midnight(first), _midnight(last)
    rs = rruleset()
    rs.rrule(rrule(DAILY, dtstart=a, until=b, byweekday=(MO, TU, WE, TH, FR)))
    day = first
    while day <= last:
        weekday = day.weekday() < 5
        if weekday != is_working(day):
            (rs.exdate if weekday else rs.rdate)(_midnight(day))
        day += timedelta(days=1)
    return rs


def working_dates(first: date, last: date, is_working: IsWorking) -> list[date]:
    """The working days ``first``–``last`` (inclusive) in order — the dates of
    :func:`working_day_set`; for a :class:`WorkingDays` rule cut from its listed years."""
    if last < first:
        return []
    if not isinstance(is_working, WorkingDays):
        return [d.date() for d in working_day_set(first, last, is_working)]
    out: list[date] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        days = is_working.month(year, month)
        out.extend(days[bisect_left(days, first):bisect_right(days, last)])
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def working_days_between(start: date, end: date, is_working: IsWorking) -> int:
    """How many working days ``d`` lie in ``start < d <= end`` (``0`` when ``end <= start``):
    "N working days left" until ``end`` seen on ``start``."""
    return len(working_dates(start + timedelta(days=1), end, is_working))


def nth_working_day_before(day: date, n: int, is_working: IsWorking) -> date | None:
    """The ``n``-th working day strictly before local ``day`` (``n >= 1``; ``n=1``: the last
    working day before it), or ``None`` when none lies within ``SEARCH_LIMIT_DAYS``.
    ``nth_working_day_before(d + 1 day, 1, …)`` is the last working day on or before ``d``.
    Raises ``ValueError`` for ``n < 1``."""
    if n < 1:
        raise ValueError(n)
    span = 2 * n + 7
    while True:
        span = min(span, SEARCH_LIMIT_DAYS)
        found = working_dates(day - timedelta(days=span), day - timedelta(days=1), is_working)
        if len(found) >= n:
            return found[-n]
        if span >= SEARCH_LIMIT_DAYS:
            return None
        span *= 2
