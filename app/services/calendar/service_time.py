"""Service calendars (服务时间) and the official Chinese working-day calendar.

Two layers:

* ``OfficialCalendar`` answers "is this local date a Chinese working day?" — public holidays are
  off, make-up working days (调休, always a Saturday or Sunday) are on.  Its sources, in order:
  a year a user entered or imported (DB tables ``CalendarYear``/``CalendarDay``; such a year
  overrides ``chinesecalendar`` for the *whole* year), then the ``chinesecalendar`` package
  (covers 2004 up to its last published year, 2026 for 1.11).  A date no source covers raises
  ``app.errors.CalendarCoverageError`` — the calendar never guesses.
* ``ServiceCalendar`` is one contract calendar of the profile's ``calendars`` (``profile_of(contract)``):
  ``kind: always`` (7×24, every minute counts) or ``kind: working_days`` (official working days,
  within the contract's local working hours, e.g. ``[["08:30","12:00"],["13:30","17:30"]]`` —
  the lunch break is not service time).  It turns instants into ``WorkingPeriod`` stretches and
  counts service minutes.

Contract clauses the calendars serve: Justice Bureau §2.5.1.1 (7×24 fault reporting answered,
5×8 repair work starts within 1 working day), §2.5.1.4 (blocking bugs fixed within 2 h, others
within 48 h, emergency recovery within 1 h), §2.9 (no more than 2 outages over 2 h in working
time); Pinggu §7.1–7.2 (respond promptly; record time, cause and resolution).

All instants in and out are timezone-aware (UTC out); hours are Beijing local time
(``app.core.timeutil.LOCAL_TZ``).  Naive datetimes raise ``ValidationError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import chinese_calendar
from sqlalchemy.orm import Session

from app.core.i18n import N_
from app.core.profile import ContractProfile, profile_of
from app.core.timeutil import LOCAL_TZ, UTC, local_dt
from app.errors import CalendarCoverageError, ValidationError

try:  # pragma: no cover - metadata is present for an installed package
    from importlib.metadata import version as _pkg_version

    CHINESECALENDAR_VERSION = _pkg_version("chinesecalendar")
except Exception:  # noqa: BLE001 - frozen bundles may lack metadata
    CHINESECALENDAR_VERSION = getattr(chinese_calendar, "__version__", "")

CHINESECALENDAR_SOURCE = f"chinesecalendar {CHINESECALENDAR_VERSION}".strip()
ALWAYS_SOURCE = "7x24"
KINDS = ("always", "working_days")


def _aware(value: datetime, field: str) -> datetime:
    """``value`` in UTC; a naive datetime raises ``ValidationError(field, ...)``."""
    if not isinstance(value, datetime):
        raise ValidationError(field, N_("expected a datetime, got {value}"), value=type(value).__name__)
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ValidationError(field, N_("naive datetime refused; pass a timezone-aware instant"))
    return value.astimezone(UTC)


@dataclass(frozen=True)
class WorkingPeriod:
    """One stretch of service time ``[start, end)``, aware UTC instants.

    ``source`` names what declared the day service time: ``"chinesecalendar 1.11.0"``,
    ``"user: <source of the entered year>"`` or ``"7x24"``.
    """

    start: datetime
    end: datetime
    source: str

    @property
    def minutes(self) -> float:
        """Length in minutes (float; seconds count as fractions)."""
        return (self.end - self.start).total_seconds() / 60.0


class OfficialCalendar:
    """Chinese working days: DB-entered years first, then chinesecalendar; else CalendarCoverageError.

    ``entered`` maps year → ``(source, {day: is_working})``; the dict lists only the days that
    differ from Mon–Fri work (holidays off, make-up days on) — any other day of an entered year is
    a working day iff it is Monday–Friday.  ``names`` optionally maps day → holiday name.
    """

    def __init__(
        self,
        entered: dict[int, tuple[str, dict[date, bool]]] | None = None,
        names: dict[date, str] | None = None,
    ) -> None:
        self.entered: dict[int, tuple[str, dict[date, bool]]] = dict(entered or {})
        self.names: dict[date, str] = dict(names or {})
        self._lib_covered: dict[int, bool] = {}

    @classmethod
    def from_session(cls, session: Session) -> OfficialCalendar:
        """Load every entered year (``CalendarYear`` + ``CalendarDay``) from ``session``."""
        from sqlalchemy import select

        from app.store.models import CalendarDay, CalendarYear

        entered: dict[int, tuple[str, dict[date, bool]]] = {}
        names: dict[date, str] = {}
        for cy in session.scalars(select(CalendarYear)):
            entered[cy.year] = (cy.source, {})
        for cd in session.scalars(select(CalendarDay)):
            if cd.year in entered:
                entered[cd.year][1][cd.day] = bool(cd.is_working)
                if cd.name:
                    names[cd.day] = cd.name
        return cls(entered, names)

    def _lib_covers(self, year: int) -> bool:
        if year not in self._lib_covered:
            try:
                chinese_calendar.is_workday(date(year, 1, 1))
                chinese_calendar.is_workday(date(year, 12, 31))
                ok = True
            except NotImplementedError:
                ok = False
            self._lib_covered[year] = ok
        return self._lib_covered[year]

    def covered(self, year: int) -> bool:
        """True if an entered year or ``chinesecalendar`` covers ``year``."""
        return year in self.entered or self._lib_covers(year)

    def require(self, years: Iterable[int]) -> None:
        """Raise ``CalendarCoverageError`` listing every year of ``years`` no source covers."""
        missing = sorted({y for y in years if not self.covered(y)})
        if missing:
            raise CalendarCoverageError(missing)

    def is_working_day(self, day: date) -> bool:
        """True if local date ``day`` is an official working day (make-up days included).

        Raises ``CalendarCoverageError([day.year])`` when no source covers the year.
        """
        if day.year in self.entered:
            override = self.entered[day.year][1]
            if day in override:
                return override[day]
            return day.weekday() < 5
        if not self._lib_covers(day.year):
            raise CalendarCoverageError([day.year])
        return bool(chinese_calendar.is_workday(day))

    def day_source(self, day: date) -> str:
        """Which source decides ``day``: ``"user: <source>"`` or ``"chinesecalendar <version>"``.

        Raises ``CalendarCoverageError`` when no source covers the year.
        """
        if day.year in self.entered:
            return f"user: {self.entered[day.year][0]}"
        if not self._lib_covers(day.year):
            raise CalendarCoverageError([day.year])
        return CHINESECALENDAR_SOURCE

    def day_name(self, day: date) -> str:
        """The holiday / make-up day name of ``day`` if its source gives one, else ``""``."""
        if day.year in self.entered:
            return self.names.get(day, "")
        if not self._lib_covers(day.year):
            raise CalendarCoverageError([day.year])
        _, name = chinese_calendar.get_holiday_detail(day)
        return name or ""

    def day_kind(self, day: date) -> str:
        """``"working"``, ``"makeup"`` (weekend working day), ``"holiday"`` (weekday off) or ``"weekend"``."""
        working = self.is_working_day(day)
        weekend = day.weekday() >= 5
        if working:
            return "makeup" if weekend else "working"
        return "weekend" if weekend else "holiday"


_SESSION_KEY = "opsledger.official_calendar"


def official_for(session: Session | None) -> OfficialCalendar:
    """The ``OfficialCalendar`` of ``session``, loaded once per session (transaction).

    ``session=None`` → chinesecalendar only.  ``app.services.calendar.admin`` drops the cached
    copy when it enters or removes a year, so a session always sees its own changes.
    """
    if session is None:
        return OfficialCalendar()
    cached = session.info.get(_SESSION_KEY)
    if cached is None:
        cached = OfficialCalendar.from_session(session)
        session.info[_SESSION_KEY] = cached
    return cached


WORKING_DAYS_KEY = "opsledger.working_days"
"""``session.info`` key of the session's ``working_days.WorkingDays`` (built over this calendar)."""


def forget_official(session: Session) -> None:
    """Drop the calendar cached on ``session`` — and the working-day rule built over it — (after
    entering or removing a year)."""
    session.info.pop(_SESSION_KEY, None)
    session.info.pop(WORKING_DAYS_KEY, None)


def _parse_hhmm(value: Any, field: str) -> time | None:
    """``"08:30"`` → ``time``; ``"24:00"`` → ``None`` meaning end of day."""
    if isinstance(value, time):
        return value
    text = str(value).strip()
    if text in ("24:00", "24:00:00"):
        return None
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise ValidationError(field, N_("“{value}” is not a time of day HH:MM"), value=value) from None


@dataclass(frozen=True)
class Override:
    """A dated override of a calendar (重点保障期): local dates ``start``–``end`` inclusive with
    ``kind`` ``always`` (7×24), ``every_day`` or ``working_days`` within ``hours``."""

    name: str
    start: date
    end: date
    kind: str
    hours: tuple[tuple[time | None, time | None], ...] = ()

    @property
    def hours_text(self) -> str:
        """``"7×24"`` or the hours as ``08:00–20:00, …``."""
        if self.kind == "always":
            return "7×24"
        return ", ".join(f"{a:%H:%M}–{'24:00' if b is None else format(b, '%H:%M')}" for a, b in self.hours
                         if a is not None)


def _checked_hours(code: str, hours: list[tuple[time | None, time | None]]) -> list[tuple[time, time | None]]:
    """``hours`` sorted; ``ValidationError`` for a range ending before it starts or overlapping."""
    out: list[tuple[time, time | None]] = []
    prev_end: time | None = time(0, 0)
    for i, (a, b) in enumerate(sorted(hours, key=lambda h: h[0] or time(0))):
        if a is None:
            raise ValidationError(f"calendars[{code}].hours[{i}]", N_("a period cannot start at 24:00"))
        if b is not None and b <= a:
            raise ValidationError(f"calendars[{code}].hours[{i}]", N_("ends {end} before it starts {start}"),
                                  end=b, start=a)
        if prev_end is None or a < prev_end:
            raise ValidationError(f"calendars[{code}].hours[{i}]", N_("periods overlap"))
        out.append((a, b))
        prev_end = b
    return out


class ServiceCalendar:
    """A contract's service calendar: ``kind`` ``"always"`` (7×24) or ``"working_days"``.

    ``hours`` (``working_days`` only) are local ``(start, end)`` pairs per working day, sorted and
    non-overlapping, e.g. ``[(08:30, 12:00), (13:30, 17:30)]``; an end of ``None`` (``"24:00"``)
    means midnight.  Every method takes and returns aware instants; naive ones raise
    ``ValidationError``; running into an uncovered year raises ``CalendarCoverageError``.

    The whole working periods of each local day are cached per day on the instance (reports ask
    for thousands of days); a calendar is built over one ``OfficialCalendar`` snapshot, and
    entering a year builds new calendars (``forget_official``), so the cache never goes stale.
    """

    def __init__(
        self,
        code: str,
        name: str,
        kind: str,
        hours: list[tuple[time | None, time | None]] | None,
        official: OfficialCalendar,
        overrides: Iterable[Override] = (),
    ) -> None:
        if kind not in KINDS:
            raise ValidationError(f"calendars[{code}].kind", N_("“{kind}” is not one of {kinds}"), kind=kind,
                                  kinds=KINDS)
        self.code = code
        self.name = name
        self.kind = kind
        self.official = official
        self._day_cache: dict[date, tuple[WorkingPeriod, ...]] = {}
        self.overrides: tuple[Override, ...] = tuple(overrides)
        self.hours: list[tuple[time, time | None]] = []
        if kind == "working_days":
            if not hours:
                raise ValidationError(f"calendars[{code}].hours", N_("a working_days calendar needs working hours"))
            self.hours = _checked_hours(code, hours)

    def __repr__(self) -> str:
        return f"ServiceCalendar({self.code!r}, kind={self.kind!r})"

    @property
    def working_day_minutes(self) -> float | None:
        """Service minutes in one working day (e.g. 480 for 08:30–12:00 + 13:30–18:00) for a
        ``working_days`` calendar; ``None`` for ``always`` (7×24, where a day is 1,440 minutes).
        Durations of this calendar's clocks are shown in working days of this length
        (:func:`app.core.durations.format_minutes`)."""
        if self.kind != "working_days":
            return None
        total = 0.0
        for a, b in self.hours:
            end = 24 * 60 if b is None else b.hour * 60 + b.minute
            total += end - (a.hour * 60 + a.minute)
        return total or None

    # -- day level ---------------------------------------------------------------------------

    def override_on(self, day: date) -> Override | None:
        """The dated override (重点保障期) covering local ``day``, or None."""
        return next((o for o in self.overrides if o.start <= day <= o.end), None)

    def day_windows(self, day: date) -> tuple[WorkingPeriod, ...]:
        """The whole service-time windows of local ``day`` (no clipping), in time order; empty
        for a day off.  THE per-day source of this calendar: every other method (and any index
        built over it) reads days through here, so overrides apply everywhere.

        A day inside an override has the override's hours (``always``: the whole day;
        ``every_day``: its hours; ``working_days``: its hours on official working days), with
        source ``"override: <name>|<hours>"``.  Cached per day; raises
        ``CalendarCoverageError`` (not cached) for an uncovered year where the official calendar
        decides.
        """
        cached = self._day_cache.get(day)
        if cached is not None:
            return cached
        o = self.override_on(day)
        whole = [(time(0), None)]
        out: tuple[WorkingPeriod, ...] = ()
        if o is not None:
            if o.kind != "working_days" or self.official.is_working_day(day):
                out = self._windows(day, whole if o.kind == "always" else o.hours,
                                    f"override: {o.name}|{o.hours_text}")
        elif self.kind == "always":
            out = self._windows(day, whole, ALWAYS_SOURCE)
        elif self.official.is_working_day(day):
            out = self._windows(day, self.hours, self.official.day_source(day))
        self._day_cache[day] = out
        return out


    @staticmethod
    def _windows(day: date, hours: Iterable[tuple[time | None, time | None]], source: str) -> tuple[WorkingPeriod, ...]:
        nxt = local_dt(day + timedelta(days=1), time(0))
        return tuple(WorkingPeriod(local_dt(day, a or time(0)), nxt if b is None else local_dt(day, b), source)
                     for a, b in hours)

    # -- public --------------------------------------------------------------------------------

    def periods(self, start: datetime, end: datetime) -> list[WorkingPeriod]:
        """Service-time stretches within ``[start, end)``, clipped, in time order.

        ``always``: one period ``[start, end)`` (source ``"7x24"``).  Empty when ``end <= start``.
        Raises ``CalendarCoverageError`` listing every uncovered year the range touches.
        """
        start, end = _aware(start, "start"), _aware(end, "end")
        if end <= start:
            return []
        if self.kind == "always" and not self.overrides:
            return [WorkingPeriod(start, end, ALWAYS_SOURCE)]
        first = start.astimezone(LOCAL_TZ).date()
        last = (end - timedelta(microseconds=1)).astimezone(LOCAL_TZ).date()
        if self.kind != "always":
            self.official.require(range(first.year, last.year + 1))
        out: list[WorkingPeriod] = []
        day = first
        while day <= last:
            for p in self.day_windows(day):
                s, e = max(p.start, start), min(p.end, end)
                if s < e:
                    if out and out[-1].end == s and out[-1].source == p.source:
                        out[-1] = WorkingPeriod(out[-1].start, e, p.source)
                    else:
                        out.append(WorkingPeriod(s, e, p.source))
            day += timedelta(days=1)
        return out

    def days(self, start: datetime, end: datetime) -> list[tuple[date, bool, str, str]]:
        """Each local date ``[start, end)`` touches: ``(day, is_working, source, name)``.

        For ``always`` calendars every day is service time, source ``"7x24"``; a day inside an
        override has source ``"override: <name>|<hours>"`` and its name.
        """
        start, end = _aware(start, "start"), _aware(end, "end")
        if end <= start:
            return []
        first = start.astimezone(LOCAL_TZ).date()
        last = (end - timedelta(microseconds=1)).astimezone(LOCAL_TZ).date()
        out = []
        day = first
        if self.kind != "always":
            self.official.require(range(first.year, last.year + 1))
        while day <= last:
            o = self.override_on(day)
            if o is not None:
                out.append((day, bool(self.day_windows(day)), f"override: {o.name}|{o.hours_text}", o.name))
            elif self.kind == "always":
                out.append((day, True, ALWAYS_SOURCE, ""))
            else:
                out.append((day, self.official.is_working_day(day), self.official.day_source(day),
                            self.official.day_name(day)))
            day += timedelta(days=1)
        return out

    def service_minutes(self, start: datetime, end: datetime) -> float:
        """Service minutes in ``[start, end)``; ``0.0`` if ``end <= start``."""
        return sum(p.minutes for p in self.periods(start, end))

    def add_service_minutes(self, start: datetime, minutes: float) -> datetime:
        """The instant (UTC) at which ``minutes`` of service time after ``start`` have elapsed.

        This is a deadline: e.g. 480 min from Friday 16:00 in 5×8 lands on Monday (or the next
        working day) 15:30 (lunch excluded).  ``minutes <= 0`` returns ``start``.  Raises
        ``CalendarCoverageError`` when the walk reaches an uncovered year.
        """
        start = _aware(start, "start")
        if minutes <= 0:
            return start
        if self.kind == "always" and not self.overrides:
            return start + timedelta(minutes=minutes)
        left = timedelta(minutes=minutes)
        day = start.astimezone(LOCAL_TZ).date()
        empty_days = 0
        while True:
            periods = self.day_windows(day)
            for p in periods:
                s = max(p.start, start)
                if s >= p.end:
                    continue
                length = p.end - s
                if length >= left:
                    return s + left
                left -= length
            empty_days = 0 if periods else empty_days + 1
            if empty_days > 400:  # pragma: no cover - an entered year with no working day at all
                raise ValidationError(f"calendars[{self.code}]", N_("no working day within 400 days"))
            day += timedelta(days=1)

    def is_service_time(self, at: datetime) -> bool:
        """True if instant ``at`` lies inside a working period (start inclusive, end exclusive)."""
        at = _aware(at, "at")
        if self.kind == "always" and not self.overrides:
            return True
        day = at.astimezone(LOCAL_TZ).date()
        return any(p.start <= at < p.end for p in self.day_windows(day))


def _hours_from_profile(raw: Any, code: str) -> list[tuple[time | None, time | None]] | None:
    if raw is None:
        return None
    out = []
    for i, pair in enumerate(raw):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise ValidationError(f"calendars[{code}].hours[{i}]", N_("expected [start, end]"))
        out.append((_parse_hhmm(pair[0], f"calendars[{code}].hours[{i}][0]"),
                    _parse_hhmm(pair[1], f"calendars[{code}].hours[{i}][1]")))
    return out


def calendars_from_profile(
    profile: ContractProfile | Mapping[str, Any], official: OfficialCalendar
) -> dict[str, ServiceCalendar]:
    """Build every ``ServiceCalendar`` of a profile (typed, or its dict) (code → calendar) over ``official``."""
    out: dict[str, ServiceCalendar] = {}
    for entry in ContractProfile.of(profile).calendars:
        overrides = [Override(o.name, o.start, o.end, o.kind,
                              tuple(_hours_from_profile(o.hours, entry.code) or ()))
                     for o in entry.overrides]
        out[entry.code] = ServiceCalendar(
            entry.code, entry.name, entry.kind, _hours_from_profile(entry.hours, entry.code), official, overrides,
        )
    return out


def load_calendars(session: Session | None, contract: Any) -> dict[str, ServiceCalendar]:
    """The contract's service calendars (code → ``ServiceCalendar``) from its profile's ``calendars``.

    Official days come from ``official_for(session)`` (entered years override chinesecalendar,
    loaded once per session); ``session=None`` uses chinesecalendar only.
    """
    official = official_for(session)
    return calendars_from_profile(profile_of(contract), official)


def _pick(calendars: dict[str, ServiceCalendar], code: str, field: str) -> ServiceCalendar:
    if code not in calendars:
        raise ValidationError(field, N_("calendar “{the_code}” is not defined in the profile"), the_code=code)
    return calendars[code]


def default_calendar_code(calendars: dict[str, ServiceCalendar], profile: ContractProfile | Mapping[str, Any]) -> str:
    """The profile's ``default_calendar``, else its first calendar (``ContractProfile.default_calendar_code``);
    ``ValidationError`` if ``calendars`` lacks it."""
    return _pick(calendars, ContractProfile.of(profile).default_calendar_code, "default_calendar").code


def calendar_for_severity(
    calendars: dict[str, ServiceCalendar], profile: ContractProfile | Mapping[str, Any], severity_code: str | None
) -> ServiceCalendar:
    """The calendar a severity's clocks run in: ``severity.calendar`` or the profile's default
    (the rule is ``ContractProfile.calendar_for``).

    An unknown or empty severity code uses the default calendar.  A calendar ``calendars`` lacks
    raises ``ValidationError``.
    """
    code = ContractProfile.of(profile).calendar_for(severity=severity_code)
    return _pick(calendars, code, f"severities[{severity_code}].calendar")


def is_working_day(session: Session | None, day: date) -> bool:
    """True if ``day`` is a Chinese official working day (make-up days included).

    Uses the entered years of ``session`` first, then chinesecalendar; ``session=None`` uses
    chinesecalendar only.  Raises ``CalendarCoverageError`` for a year no source covers.
    """
    return official_for(session).is_working_day(day)


def merge_windows(
    windows: Iterable[tuple[datetime, datetime]],
) -> list[tuple[datetime, datetime]]:
    """Sort and merge overlapping or touching ``(start, end)`` windows; empty ones are dropped."""
    ws = sorted((_aware(a, "start"), _aware(b, "end")) for a, b in windows)
    out: list[tuple[datetime, datetime]] = []
    for a, b in ws:
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def downtime_service_minutes(
    cal: ServiceCalendar,
    windows: Iterable[tuple[datetime, datetime | None]],
    start: datetime,
    end: datetime,
) -> float:
    """Service minutes of the union of downtime ``windows`` clipped to ``[start, end)``.

    For availability (系统稳定运行率): overlapping outages count once; a window with end ``None``
    (still down) runs to ``end``.  Counted in ``cal``'s service time.
    """
    start, end = _aware(start, "start"), _aware(end, "end")
    clipped = []
    for a, b in windows:
        a = max(_aware(a, "window start"), start)
        b = end if b is None else min(_aware(b, "window end"), end)
        if a < b:
            clipped.append((a, b))
    return sum(cal.service_minutes(a, b) for a, b in merge_windows(clipped))
