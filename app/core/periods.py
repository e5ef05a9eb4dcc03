"""Report periods: ISO weeks, calendar months, quarters, half-years and years, by calendar or by
contract year.

Keys (``--period`` on the CLI):

- ``2026-W47`` — ISO week (Monday–Sunday; 2026 has a week 53: 2026-12-28 … 2027-01-03);
- ``2026-11`` — calendar month (also the key of the monthly ``requirements`` document);
- ``2026-Q4`` / ``2026-H2`` / ``2026`` — calendar quarter / half-year / year;
- ``CY1-Q2`` / ``CY1-H1`` / ``CY1`` — quarter / half-year / whole contract year *n* counted from
  the contract's ``term_start`` (a term starting 20 December has quarters from 20 December,
  20 March, 20 June, 20 September).

Decision (documented and tested): a plain key always means the **calendar** period, whatever the
profile says, so ``2026-Q4`` is 1 October – 31 December in every contract; ``CY…`` keys always mean
the contract-year period.  The profile's ``contract.periods`` (``calendar`` | ``contract_year``)
chooses which of the two :func:`default_period` and :func:`period_containing` produce.

A period is never refused for being partly outside the term (the first and last months of a
contract are usually partial); it is refused when it does not overlap the term at all or when it
starts after today.
"""

from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.core.i18n import N_
from app.errors import ValidationError

KINDS = ("weekly", "monthly", "quarterly", "half-year", "annual", "requirements")
KIND_NAMES_ZH = {
    "weekly": "周报",
    "monthly": "月报",
    "quarterly": "季报",
    "half-year": "半年报",
    "annual": "年报",
    "requirements": "月度需求文档",
}
_QUARTER_ZH = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}
_HALF_ZH = {1: "上半年", 2: "下半年"}

_RE_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_RE_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RE_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_RE_HALF = re.compile(r"^(\d{4})-H([12])$")
_RE_YEAR = re.compile(r"^(\d{4})$")
_RE_CY = re.compile(r"^CY(\d{1,2})(?:-(Q[1-4]|H[12]))?$")


@dataclass(frozen=True)
class Period:
    """One report period: ``start``/``end`` are local dates, both inclusive.

    ``kind`` is one of :data:`KINDS`; ``key`` the canonical key (``2026-W47``, ``CY1-Q2`` …);
    ``label_zh`` the Chinese name (``2026年11月``, ``第1合同年度 第二季度``).
    """

    kind: str
    key: str
    start: date
    end: date
    label_zh: str

    @property
    def days(self) -> int:
        """Length in days."""
        return (self.end - self.start).days + 1

    @property
    def display(self) -> str:
        """The UI's name for the period: :attr:`label_span`."""
        return self.label_span

    @property
    def label(self) -> str:
        """The period's name in the current language (``app.core.i18n``): ``2026年11月`` /
        ``November 2026``, ``第1合同年度 第二季度`` / ``Contract year 1, Q2`` …"""
        return period_label(self.kind, self.key)

    @property
    def label_span(self) -> str:
        """The name with its dates in the current language: ``2026年11月（2026-11-01 至 2026-11-30）``."""
        from app.core.i18n import _  # noqa: PLC0415 - periods stays importable without Babel

        return _("{label} ({start} to {end})", label=self.label, start=self.start.isoformat(),
                 end=self.end.isoformat())

    @property
    def contract_year(self) -> bool:
        """True for a ``CY…`` period."""
        return self.key.startswith("CY")


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months, the day clamped to the month's length
    (31 January + 1 month = 28/29 February)."""
    m = day.month - 1 + months
    y, m = day.year + m // 12, m % 12 + 1
    return date(y, m, min(day.day, _cal.monthrange(y, m)[1]))


def _term(contract: Any) -> tuple[date, date]:
    return contract.term_start, contract.term_end


def convention(contract: Any) -> str:
    """The profile's period convention: ``"calendar"`` or ``"contract_year"`` (default calendar,
    also for a contract without a stored profile); read through the typed profile
    (``app.core.profile.profile_of`` → ``ContractProfile.period_convention``)."""
    from app.core.profile import profile_of  # noqa: PLC0415 - keep this module import-light

    if not getattr(contract, "profile", None):
        return "calendar"
    return profile_of(contract).period_convention


def kind_name(kind: str) -> str:
    """A report kind's name in the current language (周报 / Weekly report …)."""
    from app.core.i18n import N_, _  # noqa: PLC0415

    names = {"weekly": N_("Weekly report"), "monthly": N_("Monthly report"), "quarterly": N_("Quarterly report"),
             "half-year": N_("Half-year report"), "annual": N_("Annual report"),
             "requirements": N_("Monthly requirements document")}
    return _(names[kind]) if kind in names else kind


def _part_name(part: str) -> str:
    """``Q1``…``Q4``, ``H1``/``H2`` in the current language (第一季度 …, 上半年/下半年)."""
    from app.core.i18n import N_, _  # noqa: PLC0415

    names = {"Q1": N_("first quarter"), "Q2": N_("second quarter"), "Q3": N_("third quarter"), "Q4": N_("fourth quarter"),
             "H1": N_("first half"), "H2": N_("second half")}
    return _(names[part])


def period_label(kind: str, key: str) -> str:
    """The name of the period ``key`` of ``kind`` in the current language (see ``Period.label``)."""
    from app.core.i18n import _  # noqa: PLC0415

    m = _RE_CY.match(key)
    if m:
        n, part = int(m.group(1)), m.group(2)
        year = _("Contract year {n}", n=n)
        if part is None:
            return year
        return _("{contract_year}, {part}", contract_year=year, part=_part_name(part))
    if m := _RE_WEEK.match(key):
        return _("{year} week {week}", year=m.group(1), week=int(m.group(2)))
    if m := _RE_MONTH.match(key):
        return _("{month}/{year}", year=m.group(1), month=int(m.group(2)))
    if m := _RE_QUARTER.match(key):
        return _("{year}, {part}", year=m.group(1), part=_part_name(f"Q{m.group(2)}"))
    if m := _RE_HALF.match(key):
        return _("{year}, {part}", year=m.group(1), part=_part_name(f"H{m.group(2)}"))
    if re.match(r"^\d{4}$", key):
        return _("Year {year}", year=key)
    return key


def _months_for(kind: str) -> int:
    return {"quarterly": 3, "half-year": 6, "annual": 12}[kind]


def _cy_period(kind: str, contract: Any, n: int, part: int | None) -> Period:
    """Contract year ``n`` (1-based), part ``part`` (quarter/half index) of ``kind``."""
    base = add_months(_term(contract)[0], 12 * (n - 1))
    if kind == "annual":
        start, end = base, add_months(_term(contract)[0], 12 * n) - timedelta(days=1)
        return Period(kind, f"CY{n}", start, end, f"第{n}合同年度")
    step = _months_for(kind)
    assert part is not None
    start = add_months(_term(contract)[0], 12 * (n - 1) + step * (part - 1))
    end = add_months(_term(contract)[0], 12 * (n - 1) + step * part) - timedelta(days=1)
    if kind == "quarterly":
        return Period(kind, f"CY{n}-Q{part}", start, end, f"第{n}合同年度 {_QUARTER_ZH[part]}")
    return Period(kind, f"CY{n}-H{part}", start, end, f"第{n}合同年度 {_HALF_ZH[part]}")


def _calendar_period(kind: str, year: int, part: int) -> Period:
    if kind in ("monthly", "requirements"):
        last = _cal.monthrange(year, part)[1]
        return Period(kind, f"{year}-{part:02d}", date(year, part, 1), date(year, part, last),
                      f"{year}年{part}月")
    if kind == "quarterly":
        start = date(year, 3 * part - 2, 1)
        return Period(kind, f"{year}-Q{part}", start, add_months(start, 3) - timedelta(days=1),
                      f"{year}年{_QUARTER_ZH[part]}")
    if kind == "half-year":
        start = date(year, 6 * part - 5, 1)
        return Period(kind, f"{year}-H{part}", start, add_months(start, 6) - timedelta(days=1),
                      f"{year}年{_HALF_ZH[part]}")
    if kind == "annual":
        return Period(kind, f"{year}", date(year, 1, 1), date(year, 12, 31), f"{year}年度")
    raise ValueError(kind)


def _week_period(year: int, week: int) -> Period:
    start = date.fromisocalendar(year, week, 1)
    return Period("weekly", f"{year}-W{week:02d}", start, start + timedelta(days=6),
                  f"{year}年第{week}周")


def _parse_key(kind: str, key: str, contract: Any) -> Period:
    """Key → Period without term/future checks; raises ValidationError("--period") if malformed."""
    key = (key or "").strip().upper()
    bad = ValidationError("--period", N_("“{key}” is not a {kind} period key (expected {examples})"),
                          key=key, kind=kind, examples=_EXAMPLES.get(kind, ""))
    if kind == "weekly":
        m = _RE_WEEK.match(key)
        if not m:
            raise bad
        year, week = int(m[1]), int(m[2])
        try:
            return _week_period(year, week)
        except ValueError:
            raise ValidationError("--period", N_("{year} has no ISO week {week}"), year=year, week=week) from None
    if kind in ("monthly", "requirements"):
        m = _RE_MONTH.match(key)
        if not m or not 1 <= int(m[2]) <= 12:
            raise bad
        return _calendar_period(kind, int(m[1]), int(m[2]))
    m = _RE_CY.match(key)
    if m:
        n, part = int(m[1]), m[2]
        if n < 1:
            raise bad
        if kind == "annual" and part is None:
            return _cy_period(kind, contract, n, None)
        if kind == "quarterly" and part and part[0] == "Q":
            return _cy_period(kind, contract, n, int(part[1]))
        if kind == "half-year" and part and part[0] == "H":
            return _cy_period(kind, contract, n, int(part[1]))
        raise bad
    regex = {"quarterly": _RE_QUARTER, "half-year": _RE_HALF, "annual": _RE_YEAR}.get(kind)
    if regex is None:
        raise ValidationError("--kind", N_("unknown report kind “{kind}”; one of {kinds}"), kind=kind, kinds=KINDS)
    m = regex.match(key)
    if not m:
        raise bad
    return _calendar_period(kind, int(m[1]), int(m[2]) if kind != "annual" else 0)


_EXAMPLES = {
    "weekly": "2026-W47",
    "monthly": "2026-11",
    "requirements": "2026-11",
    "quarterly": "2026-Q4 or CY1-Q2",
    "half-year": "2026-H2 or CY1-H1",
    "annual": "2026 or CY1",
}


def check_period(period: Period, contract: Any, today: date | None = None) -> Period:
    """Refuse a period that starts after ``today`` or does not overlap the contract term.

    Raises ``ValidationError("--period", …)``; returns ``period`` unchanged otherwise.
    """
    from app.core.timeutil import local_today

    today = today or local_today()
    ts, te = _term(contract)
    if period.start > today:
        raise ValidationError("--period", N_("{key} starts on {start}, in the future"), key=period.key, start=period.start)
    if period.end < ts or period.start > te:
        raise ValidationError(
            "--period", N_("{key} ({start} – {end}) is outside the contract term {term_start} – {term_end}"),
            key=period.key, start=period.start, end=period.end, term_start=ts, term_end=te)
    return period


def parse_period(kind: str, key: str, contract: Any, today: date | None = None) -> Period:
    """Parse ``key`` as a period of ``kind`` for ``contract`` (see the module doc for keys).

    Raises ``ValidationError("--period", …)`` for a malformed key, a key of another kind, a
    period in the future (its start after ``today``, default local today) and a period with no
    overlap with the contract term; ``ValidationError("--kind", …)`` for an unknown kind.
    """
    if kind not in KINDS:
        raise ValidationError("--kind", N_("unknown report kind “{kind}”; one of {kinds}"), kind=kind, kinds=KINDS)
    return check_period(_parse_key(kind, key, contract), contract, today)


def period_containing(kind: str, day: date, contract: Any, *, contract_year: bool | None = None) -> Period:
    """The period of ``kind`` that contains ``day``; contract-year periods when ``contract_year``
    (default: the profile's convention; weekly/monthly are always calendar).  Contract-year
    periods before the term start are numbered from 1 anyway (never CY0): callers refuse them
    through :func:`check_period`."""
    if kind not in KINDS:
        raise ValidationError("--kind", N_("unknown report kind “{kind}”"), kind=kind)
    if kind == "weekly":
        iso = day.isocalendar()
        return _week_period(iso[0], iso[1])
    if kind in ("monthly", "requirements"):
        return _calendar_period(kind, day.year, day.month)
    if contract_year is None:
        contract_year = convention(contract) == "contract_year"
    if not contract_year:
        if kind == "quarterly":
            return _calendar_period(kind, day.year, (day.month - 1) // 3 + 1)
        if kind == "half-year":
            return _calendar_period(kind, day.year, (day.month - 1) // 6 + 1)
        return _calendar_period(kind, day.year, 0)
    ts = _term(contract)[0]
    months = (day.year - ts.year) * 12 + (day.month - ts.month)
    if add_months(ts, months) > day:
        months -= 1
    months = max(months, 0)
    n = months // 12 + 1
    if kind == "annual":
        return _cy_period(kind, contract, n, None)
    step = _months_for(kind)
    return _cy_period(kind, contract, n, (months % 12) // step + 1)


def default_period(kind: str, contract: Any, today: date | None = None) -> Period:
    """The last complete period of ``kind`` before ``today`` (default local today), by the
    profile's convention: e.g. on 2026-11-21 monthly → ``2026-10``, weekly → ``2026-W46``.
    Once the term is over, the last period that overlaps the term (a finished contract's
    December report, its last contract year …).

    Not checked against the term otherwise (callers use :func:`check_period`)."""
    from app.core.timeutil import local_today

    today = today or local_today()
    term_end = _term(contract)[1]
    if term_end < today:
        last = period_containing(kind, term_end, contract)
        if last.end < today:
            return last
    current = period_containing(kind, today, contract)
    if current.end < today:  # cannot happen, but keep the rule explicit
        return current
    return previous(current, contract)


def previous(period: Period, contract: Any) -> Period:
    """The period of the same kind and scheme (calendar or contract-year) just before ``period``.

    For contract-year periods before the first one there is none: ``ValidationError('--period')``.
    """
    if period.contract_year and period.start <= _term(contract)[0]:
        raise ValidationError("--period", N_("no contract-year period before {key}"), key=period.key)
    return period_containing(period.kind, period.start - timedelta(days=1), contract,
                             contract_year=period.contract_year)


def last_periods(period: Period, contract: Any, count: int = 6) -> list[Period]:
    """``count`` periods ending with ``period`` (oldest first), for trend charts; contract-year
    series stop at the first contract year."""
    out = [period]
    while len(out) < count:
        try:
            out.append(previous(out[-1], contract))
        except ValidationError:
            break
    return list(reversed(out))
