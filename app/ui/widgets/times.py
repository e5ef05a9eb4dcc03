"""Between ``QDateTimeEdit`` wall-clock values (local, minute precision) and aware UTC instants."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime

from app.core.timeutil import LOCAL_TZ, UTC


def qdt_to_utc(qdt: QDateTime) -> datetime:
    """A ``QDateTimeEdit`` value (local wall clock) as an aware UTC instant."""
    d, t = qdt.date(), qdt.time()
    naive = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
    return naive.replace(tzinfo=LOCAL_TZ).astimezone(UTC)


def to_qdt(value: datetime) -> QDateTime:
    """An aware instant as a local ``QDateTime`` (minute precision)."""
    loc = value.astimezone(LOCAL_TZ)
    return QDateTime(QDate(loc.year, loc.month, loc.day), loc.time().replace(second=0, microsecond=0))


def now_qdt() -> QDateTime:
    """Local now as a ``QDateTime`` (minute precision)."""
    return to_qdt(datetime.now(LOCAL_TZ))

