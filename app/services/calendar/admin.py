"""Entering a year's official holiday arrangement (节假日安排) when ``chinesecalendar`` lacks it.

The State Council (国务院办公厅) publishes each year's public holidays and make-up working days
(调休) around November of the year before.  ``chinesecalendar`` covers 2004 up to its last release
(2026 for 1.11); for later years a user enters the notice here — by hand in Settings, or as a
file — and the entered year then overrides ``chinesecalendar`` for that whole year
(``CalendarYear`` + ``CalendarDay`` rows; see ``app.services.calendar.service_time.OfficialCalendar``).

File format (YAML, UTF-8; ``resources/calendars/example-2027.yaml`` is a template)::

    format: opsledger-holiday-calendar   # required, exactly this
    version: 1                           # required
    year: 2027                           # required, the year every date must lie in
    source: "国务院办公厅关于2027年部分节假日安排的通知 (国办发明电〔2026〕N号)"   # required, shown
                                         # in every SLA explanation as "user: <source>"
    holidays:                            # days off: public holidays and the days joined to them
      - {date: 2027-01-01, name: 元旦}   # one day ...
      - {from: 2027-10-01, to: 2027-10-07, name: 国庆节}   # ... or an inclusive range (≤ 31 days)
    makeup_days:                         # 调休: Saturdays/Sundays that are working days
      - {date: 2027-09-26, name: 国庆节调休}

``name`` is optional.  A file containing ``example: true`` is the unfilled template and is
refused.  Rules (``ValidationError`` naming the field and the file line): every date in ``year``;
a range's ``from`` ≤ ``to``; no day both a holiday and a make-up day; make-up days are Saturdays or
Sundays (a weekday is a working day anyway).  Holidays falling on a weekend are accepted (they keep
their name).  Any other day is a working day iff it is Monday–Friday.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.i18n import N_, _
from app.core.timeutil import utcnow
from app.errors import Msg, NotFoundError, ValidationError
from app.services import audit
from app.services.calendar.service_time import OfficialCalendar, forget_official
from app.store.models import CalendarDay, CalendarYear

FILE_FORMAT = "opsledger-holiday-calendar"
FILE_VERSION = 1
MAX_RANGE_DAYS = 31


def _validate_days(year: int, holidays: list[date], makeup_days: list[date]) -> None:
    for field, days in (("holidays", holidays), ("makeup_days", makeup_days)):
        for i, d in enumerate(days):
            if not isinstance(d, date) or isinstance(d, datetime):
                raise ValidationError(f"{field}[{i}]", N_("“{value}” is not a date"), value=d)
            if d.year != year:
                raise ValidationError(f"{field}[{i}]", N_("{day} is not in {year}"), day=d, year=year)
    both = sorted(set(holidays) & set(makeup_days))
    if both:
        raise ValidationError("makeup_days", N_("{both} is listed both as a holiday and as a make-up day"), both=both[0].isoformat())
    for i, d in enumerate(makeup_days):
        if d.weekday() < 5:
            raise ValidationError(f"makeup_days[{i}]", N_(
                "{day} is a weekday; make-up working days are Saturdays or Sundays"), day=d)


def enter_year(
    session: Session,
    year: int,
    holidays: list[date],
    makeup_days: list[date],
    *,
    source: str,
    actor: str,
    names: dict[date, str] | None = None,
) -> CalendarYear:
    """Store ``year``'s official arrangement, replacing an entered one; one audit event.

    ``holidays``: days off (weekday holidays; weekend ones are kept with their name);
    ``makeup_days``: weekend working days (调休).  ``source`` says where it comes from (e.g. the
    State Council notice) and appears in SLA explanations as ``"user: <source>"``.  From now on
    this year overrides ``chinesecalendar`` entirely.  Raises ``ValidationError`` (nothing
    written) when a date is outside ``year``, listed twice as holiday and make-up day, a make-up
    day is a weekday, or ``source`` is empty.
    """
    if not isinstance(year, int) or not 1900 <= year <= 2200:
        raise ValidationError("year", N_("“{year}” is not a year"), year=year)
    source = (source or "").strip()
    if not source:
        raise ValidationError("source", N_("say where the arrangement comes from (e.g. the State Council notice)"))
    if len(source) > 200:
        raise ValidationError("source", N_("at most 200 characters"))
    holidays, makeup_days = list(holidays), list(makeup_days)
    _validate_days(year, holidays, makeup_days)
    names = dict(names or {})
    forget_official(session)
    replaced = session.get(CalendarYear, year)
    previous = replaced.source if replaced is not None else None
    session.execute(delete(CalendarDay).where(CalendarDay.year == year))
    if replaced is not None:
        session.delete(replaced)
        session.flush()
    cy = CalendarYear(year=year, source=source, entered_at=utcnow())
    session.add(cy)
    session.flush()
    for d in sorted(set(holidays)):
        session.add(CalendarDay(year=year, day=d, is_working=False, name=(names.get(d) or "")[:60]))
    for d in sorted(set(makeup_days)):
        session.add(CalendarDay(year=year, day=d, is_working=True, name=(names.get(d) or "")[:60]))
    session.flush()
    audit.record(
        session, actor=actor, action="calendar.enter_year", entity_kind="calendar_year", entity_id=str(year),
        summary=_("{year}: {holidays} holidays, {makeup} make-up days ({source})", year=str(year),
                  holidays=len(set(holidays)), makeup=len(set(makeup_days)), source=source)
        + (_("; replaces {previous}", previous=previous) if previous else ""),
        details={"year": year, "source": source, "replaced": previous,
                 "holidays": [d.isoformat() for d in sorted(set(holidays))],
                 "makeup_days": [d.isoformat() for d in sorted(set(makeup_days))]},
    )
    return cy


def remove_year(session: Session, year: int, *, actor: str) -> None:
    """Delete an entered year (``chinesecalendar`` covers it again, if it can); one audit event.

    Raises ``NotFoundError`` when ``year`` was not entered.
    """
    cy = session.get(CalendarYear, year)
    if cy is None:
        raise NotFoundError(N_("no entered calendar for {year}"), year=year)
    source = cy.source
    forget_official(session)
    session.execute(delete(CalendarDay).where(CalendarDay.year == year))
    session.delete(cy)
    session.flush()
    audit.record(session, actor=actor, action="calendar.remove_year", entity_kind="calendar_year",
                 entity_id=str(year), summary=_("{year} removed ({source})", year=str(year), source=source), details={"year": year, "source": source})


def entered_years(session: Session) -> list[CalendarYear]:
    """Every entered year, oldest first."""
    return list(session.scalars(select(CalendarYear).order_by(CalendarYear.year)))


# -- file format --------------------------------------------------------------------------------


def _node_line(root: Any, *path: Any) -> int | None:
    """1-based line of the YAML node at ``path`` (mapping keys / sequence indexes), best effort."""
    node = root
    line = None
    for key in path:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for k, v in node.value:
                if getattr(k, "value", None) == key:
                    nxt = v
                    line = k.start_mark.line + 1
                    break
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            node = None
    if node is not None:
        line = node.start_mark.line + 1
    return line


def load_year_file(path: str | Path) -> tuple[int, list[date], list[date], str, dict[date, str]]:
    """Read a holiday-arrangement file (format in the module docstring).

    Returns ``(year, holidays, makeup_days, source, names)`` with ranges expanded to single days.
    Raises ``ValidationError(field, message)`` whose field is like ``"holidays[2].to"`` and whose
    message names the file line.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ValidationError("file", N_("{path}: cannot read ({value})"), path=p, value=exc.strerror or exc) from None
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = Msg(N_(" (line {line})"), line=mark.line + 1) if mark is not None else ""
        raise ValidationError("file", N_("{name}: not valid YAML{where}: {problem}"), name=p.name, where=where,
                              problem=getattr(exc, "problem", exc)) from None

    def fail(field: str, message: str, *path: Any, **params: Any) -> ValidationError:
        line = _node_line(root, *path) if path else None
        if line:
            return ValidationError(field, N_("{message} ({name}, line {line})"),
                                   message=Msg(message, **params), name=p.name, line=line)
        return ValidationError(field, N_("{message} ({name})"), message=Msg(message, **params), name=p.name)

    if not isinstance(data, dict):
        raise fail("file", N_("expected a mapping with format, version, year, source, holidays, makeup_days"))
    if data.get("example") is True:
        raise fail("example", N_("this is the unfilled example file: fill the holidays and make-up days from "
                   "the State Council notice, then delete the line 'example: true'"), "example")
    if data.get("format") != FILE_FORMAT:
        raise fail("format", N_("must be “{value}”"), "format", value=FILE_FORMAT)
    if data.get("version") != FILE_VERSION:
        raise fail("version", N_("must be {value}"), "version", value=FILE_VERSION)
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2200:
        raise fail("year", N_("“{value}” is not a year"), "year", value=year)
    source = data.get("source")
    if not isinstance(source, str) or not source.strip():
        raise fail("source", N_("say where the arrangement comes from (e.g. the State Council notice)"), "source")
    unknown = sorted(set(data) - {"format", "version", "year", "source", "holidays", "makeup_days", "example"})
    if unknown:
        raise fail(unknown[0], N_("unknown field"), unknown[0])

    names: dict[date, str] = {}
    lists: dict[str, list[date]] = {}
    for key in ("holidays", "makeup_days"):
        entries = data.get(key) or []
        if not isinstance(entries, list):
            raise fail(key, N_("expected a list of {date: …} or {from: …, to: …} entries"), key)
        days: list[date] = []
        for i, entry in enumerate(entries):
            where = f"{key}[{i}]"

            def as_date(value: Any, sub: str, _i: int = i, _where: str = where, _key: str = key) -> date:
                if isinstance(value, datetime):
                    value = value.date()
                if isinstance(value, date):
                    d = value
                else:
                    try:
                        d = date.fromisoformat(str(value).strip())
                    except ValueError:
                        raise fail(f"{_where}.{sub}", N_("“{value}” is not a date YYYY-MM-DD"), _key, _i, sub,
                                   value=value) from None
                if d.year != year:
                    raise fail(f"{_where}.{sub}", N_("{day} is not in {year}"), _key, _i, sub, day=d, year=year)
                return d

            if isinstance(entry, (date, str)):
                entry = {"date": entry}
            if not isinstance(entry, dict):
                raise fail(where, N_("expected {date: …, name: …} or {from: …, to: …, name: …}"), key, i)
            extra = sorted(set(entry) - {"date", "from", "to", "name"})
            if extra:
                raise fail(f"{where}.{extra[0]}", N_("unknown field"), key, i, extra[0])
            name = entry.get("name")
            if name is not None and not isinstance(name, str):
                name = str(name)
            if "date" in entry:
                if "from" in entry or "to" in entry:
                    raise fail(where, N_("give either date or from/to, not both"), key, i)
                span = [as_date(entry["date"], "date")]
            elif "from" in entry and "to" in entry:
                a, b = as_date(entry["from"], "from"), as_date(entry["to"], "to")
                if b < a:
                    raise fail(f"{where}.to", N_("{day} is before from {start}"), key, i, "to", day=b, start=a)
                if (b - a).days + 1 > MAX_RANGE_DAYS:
                    raise fail(f"{where}.to", N_("a range of more than {days} days"), key, i, "to", days=MAX_RANGE_DAYS)
                span = [a + timedelta(days=k) for k in range((b - a).days + 1)]
            else:
                raise fail(where, N_("needs date, or both from and to"), key, i)
            for d in span:
                if key == "makeup_days" and d.weekday() < 5:
                    raise fail(where, N_("{day} is a weekday; make-up working days are Saturdays or Sundays"),
                               key, i, day=d)
                if d in days:
                    raise fail(where, N_("{day} is listed twice"), key, i, day=d)
                days.append(d)
                if name:
                    names[d] = name.strip()
        lists[key] = days
    both = sorted(set(lists["holidays"]) & set(lists["makeup_days"]))
    if both:
        raise fail("makeup_days", N_("{both} is listed both as a holiday and as a make-up day"),
                   "makeup_days", both=both[0])
    return year, sorted(lists["holidays"]), sorted(lists["makeup_days"]), source.strip(), names


def _ranges(days: list[date], names: dict[date, str]) -> list[dict[str, Any]]:
    """Consecutive days with the same name → ``{date}`` or ``{from, to}`` entries (+ ``name``)."""
    out: list[dict[str, Any]] = []
    run: list[date] = []

    def flush() -> None:
        if not run:
            return
        entry: dict[str, Any] = {"date": run[0]} if len(run) == 1 else {"from": run[0], "to": run[-1]}
        if names.get(run[0]):
            entry["name"] = names[run[0]]
        out.append(entry)

    for d in sorted(days):
        if run and d == run[-1] + timedelta(days=1) and names.get(d, "") == names.get(run[-1], ""):
            run.append(d)
        else:
            flush()
            run = [d]
    flush()
    return out


def year_arrangement(session: Session | None, year: int) -> dict[str, Any]:
    """The arrangement of ``year`` from whichever source covers it.

    Returns ``{"year", "source", "holidays": [date], "makeup_days": [date], "names": {date: str},
    "working_days": int, "days_off": int}``.  Holidays are weekdays off plus named weekend days
    off.  Raises ``CalendarCoverageError`` when no source covers ``year``.
    """
    official = OfficialCalendar.from_session(session) if session is not None else OfficialCalendar()
    official.require([year])
    holidays, makeup, names = [], [], {}
    working = off = 0
    d = date(year, 1, 1)
    while d.year == year:
        is_working = official.is_working_day(d)
        name = official.day_name(d)
        weekend = d.weekday() >= 5
        if is_working:
            working += 1
            if weekend:
                makeup.append(d)
        else:
            off += 1
            if not weekend or name:
                holidays.append(d)
        if name:
            names[d] = name
        d += timedelta(days=1)
    source = official.day_source(date(year, 1, 1))
    return {"year": year, "source": source, "holidays": holidays, "makeup_days": makeup, "names": names,
            "working_days": working, "days_off": off}


def export_year(session_or_none: Session | None, year: int) -> dict[str, Any]:
    """The current arrangement of a covered ``year`` (entered or chinesecalendar) in the file format.

    ``load_year_file`` reads the result back unchanged (write it with ``write_year_file``).
    Raises ``CalendarCoverageError`` when no source covers ``year``.
    """
    arr = year_arrangement(session_or_none, year)
    source = arr["source"]
    source = source.removeprefix("user: ")
    return {
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "year": year,
        "source": source,
        "holidays": _ranges(arr["holidays"], arr["names"]),
        "makeup_days": _ranges(arr["makeup_days"], arr["names"]),
    }


def write_year_file(data: dict[str, Any], path: str | Path) -> Path:
    """Write an ``export_year`` dict as YAML (UTF-8) to ``path``; returns the path."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=None)
    p.write_text(text, encoding="utf-8")
    return p
