"""Service calendars (服务时间) and the official Chinese working-day calendar.

STUB from the foundation: ``is_working_day`` only.  The calendar/SLA owner replaces this module
with the full implementation (keeping ``is_working_day``'s signature).
"""

from __future__ import annotations

from datetime import date

import chinese_calendar
from sqlalchemy.orm import Session


def is_working_day(session: Session | None, day: date) -> bool:
    """True if ``day`` is a Chinese official working day (make-up days included)."""
    return bool(chinese_calendar.is_workday(day))
