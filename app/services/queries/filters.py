"""Period choices of the record filter bars, as instants and export days (no Qt).

``period_bounds`` turns a filter code into a half-open ``[start, end)`` pair of aware UTC
instants at local (Beijing) midnights; ``export_days`` turns such a pair into the inclusive local
days an export covers.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from app.core.timeutil import LOCAL_TZ, local_dt, local_today

PERIOD_CODES = ("all", "today", "7d", "30d", "month", "year")
"""Filter periods: everything, today, the last 7 / 30 local days, this calendar month, this year."""


def period_bounds(code: str, today: date | None = None) -> tuple[datetime | None, datetime | None]:
    """``[start, end)`` UTC instants of a period code (``PERIOD_CODES``); ``(None, None)`` for
    ``all`` or an unknown code.  Days are local; ``end`` is the midnight after ``today``."""
    today = today or local_today()
    midnight = datetime.min.time()
    end = local_dt(today + timedelta(days=1), midnight)
    first = {
        "today": today,
        "7d": today - timedelta(days=6),
        "30d": today - timedelta(days=29),
        "month": today.replace(day=1),
        "year": today.replace(month=1, day=1),
    }.get(code)
    if first is None:
        return None, None
    return local_dt(first, midnight), end


def export_days(start: datetime | None, end: datetime | None, today: date | None = None) -> tuple[date, date]:
    """Local ``(first, last)`` days (inclusive) of ``[start, end)``; without bounds, this year to
    ``today``."""
    if start is None or end is None:
        today = today or local_today()
        return today.replace(month=1, day=1), today
    return start.astimezone(LOCAL_TZ).date(), (end.astimezone(LOCAL_TZ) - timedelta(seconds=1)).date()


def month_days(day: date) -> tuple[date, date]:
    """The first and last local day of ``day``'s calendar month."""
    first = day.replace(day=1)
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
