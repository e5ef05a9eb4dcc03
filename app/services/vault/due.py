"""When a password must be changed, and when Today starts reminding (密码轮换提醒, 司法局 §2.3.1.4).

The due date is ``policy.next_due`` (last change + rotation period in calendar days).  The
reminder starts :data:`LEAD_WORKING_DAYS` **working days** before it — counted on the official
calendar of the ledger (entered years first, then chinesecalendar: holidays off, make-up days
on), so a due date after the National Day week is announced five working days ahead, not five
calendar days (the one rule: ``app.services.calendar.working_days``; a year no calendar covers
counts Monday–Friday).  ``due_items`` is the agenda provider (``app.services.agenda.PROVIDERS``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import _
from app.services.agenda import DueItem, DueState, state_of
from app.services.calendar.working_days import (
    IsWorking,
    nth_working_day_before,
    working_day_rule,
    working_days_between,
)

LEAD_WORKING_DAYS = 5
"""Working days before the due date from which a rotation is listed on Today."""

SOURCE = "司法局 §2.3.1.4"

__all__ = ["LEAD_WORKING_DAYS", "SOURCE", "IsWorking", "due_items", "reminder_state", "working_day_rule",
           "working_days_between"]
"""``working_day_rule``/``working_days_between`` are the calendar's (``app.services.calendar.working_days``)."""


def reminder_state(due_on: date | None, today: date, is_working: IsWorking,
                   lead: int = LEAD_WORKING_DAYS) -> DueState | None:
    """``overdue``/``due``/``upcoming`` (inside the lead time) or None (not yet, or never due).

    Inside the lead time = at most ``lead`` working days in ``(today, due_on]``
    (``working_days_between``), i.e. from the ``lead + 1``-th working day on or before
    ``due_on`` on — found by looking back ``lead + 1`` working days, not by counting up to a far
    due date."""
    if due_on is None:
        return None
    if due_on <= today:
        return state_of(due_on, today)
    starts = nth_working_day_before(due_on + timedelta(days=1), lead + 1, is_working)
    inside = (today >= starts if starts is not None
              else working_days_between(today, due_on, is_working) <= lead)
    return DueState.UPCOMING if inside else None


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
