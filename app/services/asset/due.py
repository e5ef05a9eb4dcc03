"""Warranty and maintenance reminders of the asset register, for the agenda (Today, overview).

``due_items(session, contract, today)`` is the provider ``app.services.agenda.PROVIDERS`` names.
Rules (Snipe-IT #280/#10379: lead time and overdue):

- an asset that is not retired owes a look at its ``warranty_end`` (保修截止) and its
  ``maintenance_end`` (维保截止, the maintenance contract);
- lead times ``LEAD_DAYS`` = 90, 30 and 7 calendar days: a reminder starts at the first of them
  reached; when a threshold day is not an official working day (a weekend or public holiday), the
  reminder starts on the last working day before it, so a date that falls due over a holiday is
  seen before the holiday begins (the one working-day rule, ``app.services.calendar.working_days``;
  a year no calendar covers counts Monday–Friday);
- de-duplicated: ONE item per asset, for its nearest date (warranty or maintenance), at its
  nearest threshold reached; past the date it is ``overdue`` until the date is moved or the asset
  retired.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from sqlalchemy import or_, select

from app.core.i18n import N_, _
from app.services.agenda import DueItem, state_of
from app.services.calendar.working_days import IsWorking, nth_working_day_before, working_day_rule
from app.store.models import Asset

LEAD_DAYS = (90, 30, 7)
KINDS = {"warranty_end": "warranty", "maintenance_end": "maintenance"}
_WHAT = {"warranty": N_("warranty"), "maintenance": N_("maintenance contract")}


def threshold_start(day: date, is_working: IsWorking) -> date:
    """The last working day on or before ``day`` (``day`` itself when none is found)."""
    return nth_working_day_before(day + timedelta(days=1), 1, is_working) or day


def reached_threshold(due_on: date, today: date, is_working: IsWorking) -> int | None:
    """The nearest lead time (days) reached on ``today`` for a date ``due_on``; ``0`` when the date
    is today or past; ``None`` before the longest lead time."""
    if due_on <= today:
        return 0
    reached = [lead for lead in LEAD_DAYS if today >= threshold_start(due_on - timedelta(days=lead), is_working)]
    return min(reached) if reached else None


def due_items(session: Any, contract: Any, today: date) -> Iterator[DueItem]:
    """One reminder per asset of ``contract`` whose warranty or maintenance ends within the lead
    time of ``today`` (local date) or has ended; see the module doc."""
    horizon = today + timedelta(days=max(LEAD_DAYS) + 31)
    rows = session.execute(
        select(Asset.id, Asset.code, Asset.name, Asset.warranty_end, Asset.maintenance_end)
        .where(Asset.contract_id == contract.id, Asset.status != "retired",
               or_(Asset.warranty_end <= horizon, Asset.maintenance_end <= horizon))
        .order_by(Asset.code)).all()
    if not rows:
        return
    is_working = working_day_rule(session)
    for aid, code, name, warranty_end, maintenance_end in rows:
        best: tuple[date, str, int] | None = None
        for attr, day in (("warranty_end", warranty_end), ("maintenance_end", maintenance_end)):
            if day is None:
                continue
            lead = reached_threshold(day, today, is_working)
            if lead is not None and (best is None or day < best[0]):
                best = (day, KINDS[attr], lead)
        if best is None:
            continue
        day, kind, lead = best
        days_left = (day - today).days
        what = _(_WHAT[kind])
        if day < today:
            title = _("{code} {name}: {what} ended {date}", code=code, name=name, what=what, date=day.isoformat())
        elif day == today:
            title = _("{code} {name}: {what} ends today", code=code, name=name, what=what)
        else:
            title = _("{code} {name}: {what} ends {date} (in {days} days; {lead}-day reminder)", code=code,
                      name=name, what=what, date=day.isoformat(), days=days_left, lead=lead)
        yield DueItem(kind, title, day, state_of(day, today), days_left, "asset", aid)
