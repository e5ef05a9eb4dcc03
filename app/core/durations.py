"""The one duration formatter: minutes as a user reads them, in the current language.

``format_minutes(119)`` → ``"1 小时 59 分"`` (zh_CN) / ``"1 h 59 min"`` (en);
``format_minutes(29)`` → ``"29 分钟"`` / ``"29 min"``.  Durations of a service calendar that
counts working hours (5×8) are service minutes: a "day" of them is one *working* day, not 24
hours, so callers pass the calendar's ``working_day_minutes`` (480 for 08:30–17:30 with a lunch
break …) and get ``"3 个工作日 2 小时"`` / ``"3 working days 2 h"``.  Without it (7×24
calendars, plain elapsed time) 1,440 minutes make a day: ``"1 天 2 小时"`` / ``"1 d 2 h"``.

Negative values are shown by their magnitude (the caller says "overdue" or "left").  Minutes are
rounded to whole minutes; a day figure drops the minutes (``"3 个工作日 2 小时"``).
"""

from __future__ import annotations

from app.core.i18n import _

DAY_MINUTES = 1440


def format_minutes(minutes: float | None, working_day_minutes: float | None = None) -> str:
    """``minutes`` (service or elapsed minutes) as text in the current language.

    ``working_day_minutes``: length of one working day of the clock's calendar in minutes when
    that calendar counts working hours only (5×8); ``None`` or ``0`` for 7×24 / wall time.
    ``None`` minutes give ``""``.
    """
    if minutes is None:
        return ""
    m = int(round(abs(minutes)))
    day = int(round(working_day_minutes)) if working_day_minutes else DAY_MINUTES
    if m >= day:
        days, rest = divmod(m, day)
        hours = rest // 60
        if working_day_minutes and days == 1:
            return _("{days} working day {hours} h", days=days, hours=hours) if hours else \
                _("{days} working day", days=days)
        if working_day_minutes:
            if hours:
                return _("{days} working days {hours} h", days=days, hours=hours)
            return _("{days} working days", days=days)
        if hours:
            return _("{days} d {hours} h", days=days, hours=hours)
        return _("{days} d", days=days)
    if m >= 60:
        hours, rest = divmod(m, 60)
        if rest:
            return _("{hours} h {minutes} min", hours=hours, minutes=rest)
        return _("{hours} h", hours=hours)
    return _("{minutes} min", minutes=m)
