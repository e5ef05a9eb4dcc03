"""Cumulative service-minute index of a ``ServiceCalendar``: clocks that cost the same for an
incident open two years as for one open two hours.

For every local calendar year a clock touches, the index asks the calendar once for the year's
working periods (``ServiceCalendar.periods`` over the whole year — the calendar's own public
answer, so holidays, make-up days (调休) and any dated override the calendar applies flow
through unchanged) and keeps, per local day, its periods and a running total of service minutes.
Service minutes between two instants are then

    partial first day + (cumulative total before the last day − after the first day) + partial last day

and a deadline is a binary search over the running totals.  Indexes are cached by what decides a
calendar's minutes (``index_for``: its public attributes, the entered years of its official
calendar, the local zone), so an entered or changed year gives a new index and never a stale one;
a year is built the first time a clock reaches it.

Contract clauses served: Justice Bureau §2.5.1.1/§2.5.1.4 (response and restore targets counted in
5×8 / 7×24 service time), Pinggu §7.1.  Instants in are timezone-aware (``ValidationError`` for
naive ones, from the calendar); minutes out are floats; uncovered years raise
``CalendarCoverageError`` like the calendar does.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from app.core import timeutil
from app.services.calendar.service_time import ServiceCalendar, _aware

WORKING, MAKEUP, HOLIDAY, WEEKEND = range(4)


def _local_date(at: datetime) -> date:
    return at.astimezone(timeutil.LOCAL_TZ).date()


@dataclass
class _Year:
    """One local year of a calendar: per-day periods ``(start, end)`` (UTC), the day's source, and
    ``cum[i]`` = service minutes of days ``0 .. i-1`` (``len(cum) == days + 1``)."""

    first: date
    periods: list[tuple[tuple[datetime, datetime], ...]]
    cum: list[float]
    sources: list[str] = field(default_factory=list)
    kinds: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    def index(self, day: date) -> int:
        return (day - self.first).days


@dataclass
class MonthSummary:
    """One local month of a clock's span: ``month`` (its first day), counts of ``working_days``,
    ``makeup_days`` (weekend working days, 调休), ``holidays`` (weekday days off) and ``weekend_days``
    inside the span, the names of its holidays/make-up days, the calendar ``sources`` that decided
    them, and ``minutes`` = service minutes of the calendar in the span's part of the month
    (pauses not taken out)."""

    month: date
    start: datetime
    end: datetime
    working_days: int = 0
    makeup_days: int = 0
    holidays: int = 0
    weekend_days: int = 0
    names: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    minutes: float = 0.0


class MinuteIndex:
    """The cumulative working-minute index of one ``ServiceCalendar`` (see the module text)."""

    def __init__(self, calendar: ServiceCalendar) -> None:
        self.calendar = calendar
        self._years: dict[int, _Year] = {}

    # -- building -------------------------------------------------------------------------------

    def _year(self, year: int) -> _Year:
        built = self._years.get(year)
        if built is not None:
            return built
        first, after = date(year, 1, 1), date(year + 1, 1, 1)
        n = (after - first).days
        buckets: list[list[tuple[datetime, datetime]]] = [[] for _ in range(n)]
        cal = self.calendar
        if cal.kind != "always":
            cal.official.require(range(year, year + 1))  # CalendarCoverageError for an uncovered year
        for i in range(n):  # ``day_windows``: the calendar's one per-day source (overrides included)
            buckets[i] = [(w.start, w.end) for w in cal.day_windows(first + timedelta(days=i))]
        cum = [0.0] * (n + 1)
        total = 0.0
        for i, ps in enumerate(buckets):
            total += sum((b - a).total_seconds() for a, b in ps) / 60.0
            cum[i + 1] = total
        built = _Year(first, [tuple(b) for b in buckets], cum)
        self._years[year] = built
        return built

    def _year_days(self, year: int) -> _Year:
        """``_year`` with each day's kind, source and holiday name filled in (for explanations)."""
        y = self._year(year)
        if not y.sources:
            after = date(year + 1, 1, 1)
            for day, working, source, name in self.calendar.days(timeutil.local_dt(y.first, time(0)),
                                                                 timeutil.local_dt(after, time(0))):
                weekend = day.weekday() >= 5
                y.kinds.append((MAKEUP if weekend else WORKING) if working else (WEEKEND if weekend else HOLIDAY))
                y.sources.append(source)
                y.names.append(name)
        return y

    def _day_periods(self, day: date) -> tuple[tuple[datetime, datetime], ...]:
        y = self._year(day.year)
        return y.periods[y.index(day)]

    def _before(self, day: date) -> float:
        """Service minutes from Jan 1 of ``day.year`` up to (not including) ``day``."""
        y = self._year(day.year)
        return y.cum[y.index(day)]

    def _full_days(self, first: date, last: date) -> float:
        """Service minutes of whole local days ``first .. last`` inclusive (0 if ``last < first``)."""
        if last < first:
            return 0.0
        nxt = last + timedelta(days=1)
        if first.year == last.year:
            y = self._year(first.year)
            return y.cum[y.index(nxt) if nxt.year == first.year else len(y.cum) - 1] - y.cum[y.index(first)]
        y0 = self._year(first.year)
        total = y0.cum[-1] - y0.cum[y0.index(first)]
        for year in range(first.year + 1, last.year):
            total += self._year(year).cum[-1]
        yl = self._year(last.year)
        total += yl.cum[yl.index(nxt)] if nxt.year == last.year else yl.cum[-1]
        return total

    @staticmethod
    def _clip(periods: tuple[tuple[datetime, datetime], ...], start: datetime, end: datetime) -> float:
        total = 0.0
        for a, b in periods:
            s, e = max(a, start), min(b, end)
            if s < e:
                total += (e - s).total_seconds()
        return total / 60.0

    # -- public ---------------------------------------------------------------------------------

    def service_minutes(self, start: datetime, end: datetime) -> float:
        """Service minutes of the calendar in ``[start, end)``; ``0.0`` if ``end <= start``.
        Equals ``ServiceCalendar.service_minutes`` (property-tested), in constant time per year."""
        start, end = _aware(start, "start"), _aware(end, "end")
        if end <= start:
            return 0.0
        if self.calendar.kind == "always":
            return (end - start).total_seconds() / 60.0
        d0 = _local_date(start)
        d1 = _local_date(end - timedelta(microseconds=1))
        if d0 == d1:
            return self._clip(self._day_periods(d0), start, end)
        return (self._clip(self._day_periods(d0), start, end)
                + self._full_days(d0 + timedelta(days=1), d1 - timedelta(days=1))
                + self._clip(self._day_periods(d1), start, end))

    def add_service_minutes(self, start: datetime, minutes: float, horizon_years: int = 30) -> datetime:
        """The instant (UTC) at which ``minutes`` of service time after ``start`` have elapsed
        (same answer as ``ServiceCalendar.add_service_minutes``); ``minutes <= 0`` → ``start``.
        Searches at most ``horizon_years`` years ahead, then falls back to the calendar's walk."""
        start = _aware(start, "start")
        if minutes <= 0:
            return start
        if self.calendar.kind == "always":
            return start + timedelta(minutes=minutes)
        day = _local_date(start)
        left = minutes
        # the rest of the first day
        for a, b in self._day_periods(day):
            s = max(a, start)
            if s >= b:
                continue
            length = (b - s).total_seconds() / 60.0
            if length >= left:
                return s + timedelta(minutes=left)
            left -= length
        day += timedelta(days=1)
        for _ in range(horizon_years):
            y = self._year(day.year)
            at = y.index(day)
            base = y.cum[at]
            if y.cum[-1] - base >= left:
                # the day whose running total reaches it, then walk its periods (and any empty days)
                i = max(at, bisect_left(y.cum, base + left, lo=at + 1) - 1)
                left -= y.cum[i] - base
                for periods in y.periods[i:]:
                    for a, b in periods:
                        length = (b - a).total_seconds() / 60.0
                        if length >= left:
                            return a + timedelta(minutes=max(left, 0.0))
                        left -= length
            else:
                left -= y.cum[-1] - base
            day = date(day.year + 1, 1, 1)
        return self.calendar.add_service_minutes(timeutil.local_dt(day, time(0)), left)  # pragma: no cover

    def months(self, start: datetime, end: datetime) -> list[MonthSummary]:
        """The local months ``[start, end)`` touches, each summarised (see ``MonthSummary``); the
        first and last are clipped to the span.  Empty when ``end <= start``."""
        start, end = _aware(start, "start"), _aware(end, "end")
        if end <= start:
            return []
        always = self.calendar.kind == "always"
        out: list[MonthSummary] = []
        d0, d1 = _local_date(start), _local_date(end - timedelta(microseconds=1))
        month = d0.replace(day=1)
        while month <= d1:
            nxt = (month + timedelta(days=32)).replace(day=1)
            a = max(start, timeutil.local_dt(month, time(0)))
            b = min(end, timeutil.local_dt(nxt, time(0)))
            summary = MonthSummary(month, a, b, minutes=self.service_minutes(a, b))
            day = max(d0, month)
            last = min(d1, nxt - timedelta(days=1))
            if always:
                summary.working_days = (last - day).days + 1
                out.append(summary)
                month = nxt
                continue
            y = self._year_days(month.year)
            for i in range(y.index(day), y.index(last) + 1):
                kind = y.kinds[i]
                if kind == WORKING:
                    summary.working_days += 1
                elif kind == MAKEUP:
                    summary.makeup_days += 1
                elif kind == HOLIDAY:
                    summary.holidays += 1
                else:
                    summary.weekend_days += 1
                if y.sources[i] not in summary.sources:
                    summary.sources.append(y.sources[i])
                if y.names[i] and y.names[i] not in summary.names:
                    summary.names.append(y.names[i])
            out.append(summary)
            month = nxt
        return out


_CACHE: dict[tuple[object, ...], MinuteIndex] = {}
_BY_INSTANCE: weakref.WeakKeyDictionary[ServiceCalendar, MinuteIndex] = weakref.WeakKeyDictionary()
_CACHE_LIMIT = 64


def _official_key(official: object) -> tuple[object, ...]:
    entered = getattr(official, "entered", {}) or {}
    names = getattr(official, "names", {}) or {}
    return (tuple(sorted((y, src, tuple(sorted(days.items()))) for y, (src, days) in entered.items())),
            tuple(sorted(names.items())))


def _content_key(calendar: ServiceCalendar) -> tuple[object, ...]:
    """What decides a calendar's minutes: its class, every public attribute but the official
    calendar (code, kind, hours and whatever dated rules the calendar keeps publicly), the official
    calendar's entered years and names, and the local time zone."""
    attrs = tuple(sorted((k, repr(v)) for k, v in vars(calendar).items()
                         if not k.startswith("_") and k != "official"))
    return (type(calendar).__qualname__, attrs, _official_key(calendar.official), repr(timeutil.LOCAL_TZ))


def index_for(calendar: ServiceCalendar) -> MinuteIndex:
    """The cached ``MinuteIndex`` of ``calendar``; built lazily, one local year at a time.

    Calendars are rebuilt for every session (``load_calendars``), so the cache is keyed by what
    decides their minutes (``_content_key``), not by the instance: two calendars with the same
    hours over the same entered years share one index.  At most ``_CACHE_LIMIT`` indexes are kept.
    """
    idx = _BY_INSTANCE.get(calendar)
    if idx is not None:
        return idx
    key = _content_key(calendar)
    idx = _CACHE.get(key)
    if idx is None:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.pop(next(iter(_CACHE)))
        idx = MinuteIndex(calendar)
        _CACHE[key] = idx
    _BY_INSTANCE[calendar] = idx
    return idx
