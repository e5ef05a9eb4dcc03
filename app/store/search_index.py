"""Bulk inserts into ``incident`` with the SQLite full-text index (``incident_fts``, migration
0009) filled once for all the new rows instead of by its insert trigger row by row.

The trigger ``incident_fts_ai`` adds each inserted incident to the FTS5 index as its own small
write — about 45 µs a row, 0.45 s for an import of 10,000 incidents; one ``INSERT … SELECT`` of
the same columns for all of them costs a tenth of that.  ``incident_fts_deferred(session)``:

- SQLite with the trigger: inside the session's transaction (the engine emits ``BEGIN`` itself,
  so DDL is transactional), notes the largest ``incident.rowid``, drops the trigger, runs the
  block, then adds every incident row above that rowid to the index with the trigger's own
  column list and re-creates the trigger from the SQL ``sqlite_master`` kept for it (the one
  definition stays that of the migration).  Should the new rows not be exactly the rowids above
  the mark (a rowid past 2⁶³ is chosen at random), the whole index is rebuilt instead.  An error
  in the block propagates: the caller's rollback restores the trigger and the index together.
- The block only inserts incidents: an update or delete of a row it inserted would reach the
  index's update/delete triggers for a row not yet indexed (SQLite then reports the index as
  malformed).
- Anything else (PostgreSQL's ``pg_trgm`` indexes, a SQLite without FTS5): the block runs as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from app.store.models.list_search import FTS_COLUMNS, FTS_TABLE

INSERT_TRIGGER = f"{FTS_TABLE}_ai"


@contextmanager
def incident_fts_deferred(session: Session, expected_rows: int | None = None) -> Iterator[None]:
    """Run the block with ``incident``'s FTS insert trigger off, then index the new incidents
    (see the module text).  ``expected_rows``: how many incidents the block inserts, when known
    (a different number of new rowids rebuilds the whole index)."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    trigger_sql = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (INSERT_TRIGGER,)).scalar()
    if not trigger_sql:
        yield
        return
    mark = conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM incident").scalar_one()
    conn.exec_driver_sql(f"DROP TRIGGER {INSERT_TRIGGER}")
    yield
    session.flush()
    conn = session.connection()
    new = conn.exec_driver_sql("SELECT count(*) FROM incident WHERE rowid > ?", (mark,)).scalar_one()
    cols = ", ".join(FTS_COLUMNS)
    if expected_rows is None or new == expected_rows:
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}(rowid, {cols}) "  # noqa: S608 - module constants
                             f"SELECT rowid, {cols} FROM incident WHERE rowid > ?", (mark,))
    else:
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")  # noqa: S608
    if not re.match(r"\s*CREATE\s+TRIGGER", trigger_sql, re.IGNORECASE):  # pragma: no cover - sqlite_master
        raise RuntimeError(f"unexpected definition of {INSERT_TRIGGER}: {trigger_sql[:80]}")
    conn.exec_driver_sql(trigger_sql)
