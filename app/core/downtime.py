"""Downtime windows (停机时长) of an affected service, derived from the incident's history.

An ``IncidentService`` row stores one window (default occurred → restored).  A fix that does not
hold — an incident put back to work after ``restored``, or reopened after ``closed`` — is a second
outage of the same services; like the SLA clocks, the windows are derived from the status history
so that nothing is kept as a running counter and a reopen can never be lost:

- the first window runs from ``downtime_start`` to the first ``restored`` status event (or the
  stored ``downtime_end`` when the history records no restore);
- each later move out of ``restored``/``closed`` back to work (a ``reopen`` event, or a status event
  from ``restored`` to ``assigned``/``in_progress``/``pending``) opens a new window that ends at the
  next ``restored`` event, or stays open (``None``) while the incident is not restored;
- a window the user edited (``downtime_edited``) is taken as they set it: it is their statement of
  when the service was down.

Availability (``1 − downtime ÷ service time``) and the Justice Bureau §2.9 long-outage count use
the union of these windows.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

_BACK_TO_WORK = {"assigned", "in_progress", "pending"}


def _is_restore(ev: Any) -> bool:
    return ev.kind == "status" and ev.to_status == "restored"


def _is_reopen(ev: Any) -> bool:
    if ev.kind == "reopen":
        return True
    return ev.kind == "status" and ev.from_status in ("restored", "closed") and ev.to_status in _BACK_TO_WORK


def downtime_windows(link: Any, events: Iterable[Any]) -> list[tuple[datetime, datetime | None]]:
    """The outage windows of one affected service, as aware UTC ``(start, end)`` pairs in time
    order; ``end`` is ``None`` while the service is still down.

    ``link`` is an ``IncidentService`` (``downtime_start``, ``downtime_end``, ``downtime_edited``);
    ``events`` are the incident's ``IncidentEvent`` rows in any order.  Returns ``[]`` when no
    downtime start is recorded.
    """
    start = link.downtime_start
    if start is None:
        return []
    if link.downtime_edited:
        return [(start, link.downtime_end)]
    ordered = sorted(events, key=lambda e: e.at)
    windows: list[tuple[datetime, datetime | None]] = []
    open_from: datetime | None = start
    for ev in ordered:
        if _is_restore(ev) and open_from is not None and ev.at >= open_from:
            windows.append((open_from, ev.at))
            open_from = None
        elif _is_reopen(ev) and open_from is None and ev.at >= start:
            open_from = ev.at
    if open_from is not None:
        if not windows and link.downtime_end is not None and link.downtime_end >= open_from:
            windows.append((open_from, link.downtime_end))  # restore known only from the record
        else:
            windows.append((open_from, None))
    return windows
