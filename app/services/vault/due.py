"""When a password must be changed, and when Today starts reminding (密码轮换提醒, 司法局 §2.3.1.4).

The due date is ``policy.next_due`` (last change + rotation period in calendar days).  The
reminder starts :data:`LEAD_WORKING_DAYS` **working days** before it — counted on the official
calendar of the ledger (entered years first, then chinesecalendar: holidays off, make-up days
on), so a due date after the National Day week is announced five working days ahead, not five
calendar days.  ``due_items`` is the agenda provider (``app.services.agenda.PROVIDERS``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import _
from app.errors import CalendarCoverageError
from app.services.agenda import DueItem, DueState, state_of

LEAD_WORKING_DAYS = 5
"""Working days before the due date from which a rotation is listed on Today."""

SOURCE = "司法局 §2.3.1.4"

IsWorking = Callable[[date], bool]


def working_day_rule(session: Session | None) -> IsWorking:
    """``day → is working`` on the ledger's official calendar; a year no source covers counts
    Monday–Friday (a reminder must not fail for want of next year's arrangement)."""
    from app.services.calendar.service_time import official_for  # noqa: PLC0415

    official = official_for(session)

    def is_working(day: date) -> bool:
        try:
            return official.is_working_day(day)
        except CalendarCoverageError:
            return day.weekday() < 5

    return is_working


def working_days_between(today: date, due_on: date, is_working: IsWorking) -> int:
    """Working days ``d`` with ``today < d <= due_on`` (0 when ``due_on <= today``)."""
    n, day = 0, today
    while day < due_on:
        day += timedelta(days=1)
        if is_working(day):
            n += 1
    return n


def reminder_state(due_on: date | None, today: date, is_working: IsWorking,
                   lead: int = LEAD_WORKING_DAYS) -> DueState | None:
    """``overdue``/``due``/``upcoming`` (inside the lead time) or None (not yet, or never due)."""
    if due_on is None:
        return None
    if due_on <= today:
        return state_of(due_on, today)
    if working_days_between(today, due_on, is_working) <= lead:
        return DueState.UPCOMING
    return None


def due_items(session: Session, contract: Any, today: date) -> Iterator[DueItem]:
    """Agenda provider: each credential of ``contract`` inside its reminder window or overdue, as
    a ``DueItem`` of kind ``credential_rotation`` (title names account, host and date)."""
    from app.store.models import Credential  # noqa: PLC0415

    is_working = working_day_rule(session)
    rows = session.scalars(select(Credential).where(
        Credential.contract_id == contract.id, Credential.next_due_on.is_not(None)))
    for c in rows:
        state = reminder_state(c.next_due_on, today, is_working)
        if state is None or c.next_due_on is None:
            continue
        where = f"{c.account}@{c.host}" if c.host else c.account
        if state is DueState.OVERDUE:
            title = _("Password of {account} ({system}) was due on {date}; change it", account=where,
                      system=c.system, date=c.next_due_on.isoformat())
        else:
            title = _("Password of {account} ({system}) is due on {date} ({days} working days left)",
                      account=where, system=c.system, date=c.next_due_on.isoformat(),
                      days=working_days_between(today, c.next_due_on, is_working))
        yield DueItem("credential_rotation", title, c.next_due_on, state, (c.next_due_on - today).days,
                      "credential", c.id, SOURCE)
