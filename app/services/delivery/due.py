"""Agenda provider (``app.services.agenda.PROVIDERS``): the reports owed to the client.

A period's report is listed from the day it is owed (see ``schedule``) until it is marked
submitted: ``upcoming`` while its due day is at most ``LEAD_DAYS`` away, ``due`` on it,
``overdue`` after it.  Title: "月报 2026年11月 应于 2026-12-05 前提交" in the current language.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from app.core.i18n import _
from app.services.agenda import DueItem, state_of
from app.services.delivery.queries import DeliveryStatus, status_rows

#: Days before its due day a report owed appears as upcoming.
LEAD_DAYS = 5


def due_items(session: Any, contract: Any, today: date) -> Iterator[DueItem]:
    """The contract's reports owed and not yet submitted whose due day is at most ``LEAD_DAYS``
    after ``today`` (overdue ones included), as ``DueItem``s of kind ``"report"``."""
    for row in status_rows(session, contract, today):
        if row.status != DeliveryStatus.OWED:
            continue
        days_left = (row.due_on - today).days
        if days_left > LEAD_DAYS:
            continue
        yield DueItem(kind="report", title=_("{title} {period} is due by {day}", title=row.title,
                                             period=row.period_label, day=row.due_on.isoformat()),
                      due_on=row.due_on, state=state_of(row.due_on, today), days_left=days_left,
                      entity_kind="report_delivery", entity_id=None, source=row.source)
