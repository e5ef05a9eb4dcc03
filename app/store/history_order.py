"""Per-record sequence numbers of history rows: the order a history was written in (migration 0012).

An incident's history lines (``IncidentEvent``) and a service request's assignments
(``RequestAssignment``) get ``seq`` = 1, 2, 3 … per record as they are inserted, and histories
are read ``ORDER BY seq``.  Timestamps cannot give that order on every backend: several lines of
one save share an instant, a move under a clock set back is clamped to the previous line's
instant (``app.core.timeline.effective_system_instant``) — equal, not later — and PostgreSQL has
no insertion order to break ties (SQLite's ``rowid`` is one, but a table rebuild renumbers it).

The number is given just before the row's INSERT (mapper ``before_insert``): the largest ``seq``
of the record already in the database (read after the flush has written the record's own
``UPDATE``, which on PostgreSQL holds the record's row lock — and the record's ``version`` turns
a concurrent save into ``ConcurrentEditError`` anyway), plus the rows numbered earlier in the
same flush.  ``UNIQUE (record, seq)`` makes a collision an error, never a silent misorder.
A row created with ``seq`` already set (an import keeping an order) keeps it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, object_session

from app.store.models import IncidentEvent, RequestAssignment

#: history model → the column naming its record
PARENT_COLUMN: dict[type, str] = {IncidentEvent: "incident_id", RequestAssignment: "request_id"}

_FLUSH_KEY = "opsledger.history_seq"


def next_seq(connection: Any, model: type, parent_id: Any, numbered: dict[Any, int]) -> int:
    """The ``seq`` for a new row of ``model`` under record ``parent_id``: one more than the largest
    in the database or in ``numbered`` (this flush's rows, ``(model, parent) → seq``)."""
    key = (model, parent_id)
    last = numbered.get(key)
    if last is None:
        table = model.__table__  # type: ignore[attr-defined]
        parent = table.c[PARENT_COLUMN[model]]
        last = int(connection.scalar(select(func.coalesce(func.max(table.c.seq), 0)).where(parent == parent_id)))
    numbered[key] = last + 1
    return last + 1


def _number(_mapper: Any, connection: Any, target: Any) -> None:
    if getattr(target, "seq", None) is not None:
        return
    session = object_session(target)
    numbered: dict[Any, int] = session.info.setdefault(_FLUSH_KEY, {}) if session is not None else {}
    target.seq = next_seq(connection, type(target), getattr(target, PARENT_COLUMN[type(target)]), numbered)


def number_new_rows(model: type, rows: list[dict[str, Any]]) -> None:
    """Give ``seq`` (1, 2, 3 … per record, in list order) to plain row dicts of ``model`` written
    with a Core ``insert`` — which bypasses the ORM numbering — for records that have no history
    rows yet (the demo generator's new incidents and requests).  Other models: no-op."""
    parent = PARENT_COLUMN.get(model)
    if parent is None:
        return
    last: dict[Any, int] = {}
    for row in rows:
        if row.get("seq") is None:
            row["seq"] = last[row[parent]] = last.get(row[parent], 0) + 1


for _model in PARENT_COLUMN:
    event.listen(_model, "before_insert", _number)


@event.listens_for(Session, "before_flush")
def _new_flush(session: Session, _context: Any, _instances: Any) -> None:
    session.info.pop(_FLUSH_KEY, None)  # each flush counts on from what the database holds
