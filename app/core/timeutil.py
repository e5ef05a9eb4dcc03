"""Time helpers: every stored instant is timezone-aware UTC; local time is for display only.

The contracts' service hours are Beijing time (Asia/Shanghai, UTC+8, no DST); ``LOCAL_TZ`` is that
zone unless ``OPSLEDGER_TZ`` names another IANA zone.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timezone, tzinfo
from zoneinfo import ZoneInfo

UTC = UTC


def _local_tz() -> tzinfo:
    name = os.environ.get("OPSLEDGER_TZ", "Asia/Shanghai")
    try:
        return ZoneInfo(name)
    except Exception:  # noqa: BLE001 - tzdata missing (Windows without tzdata): fixed UTC+8
        from datetime import timedelta

        return timezone(timedelta(hours=8), "CST")


LOCAL_TZ: tzinfo = _local_tz()


def utcnow() -> datetime:
    """The current instant, timezone-aware UTC."""
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """Return ``value`` in UTC; a naive value is taken as local (Beijing) time.

    Raises nothing; naive input is the only ambiguity and is resolved to ``LOCAL_TZ`` because
    engineers type local wall-clock times.
    """
    if value.tzinfo is None:
        value = value.replace(tzinfo=LOCAL_TZ)
    return value.astimezone(UTC)


def to_local(value: datetime) -> datetime:
    """A UTC (or any aware) instant as local wall-clock time for display."""
    return as_utc(value).astimezone(LOCAL_TZ)


def local_dt(day: date, at: time) -> datetime:
    """The UTC instant of local wall-clock ``at`` on local ``day``."""
    return datetime.combine(day, at).replace(tzinfo=LOCAL_TZ).astimezone(UTC)


def local_today() -> date:
    """Today's date in local time."""
    return utcnow().astimezone(LOCAL_TZ).date()


def fmt_local(value: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """Format an instant as local time, or ``""`` for ``None``."""
    return "" if value is None else to_local(value).strftime(fmt)
