"""Optimistic concurrency on the team server: a stale save is a ``ConcurrentEditError``.

Incident, service request, requirement, work-log entry and inspection carry ``version``
(SQLAlchemy ``version_id_col``): every ORM UPDATE is ``… WHERE id = ? AND version = <read>`` and
sets ``version + 1``.  Two ways a stale write is caught:

- the form loaded version N and the user saves: the action passes N and ``check_version``
  compares it with the row as it is now (another engineer's save made it N+1);
- two sessions read the same row and both write: the later UPDATE matches no row, SQLAlchemy
  raises ``StaleDataError`` in ``flush``, and ``LedgerSession.flush`` (the session class of every
  ``Database``) rolls back and turns it into ``ConcurrentEditError``.

Either way nothing of the stale save is written, and the sentence names who saved the record last
and when (the newest audit event of that record).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.core.i18n import N_
from app.core.timeutil import local_today, to_local
from app.errors import ConcurrentEditError, Msg
from app.store.models import AuditEvent

#: One sentence per record kind (table name), so the Chinese reads naturally ("该故障已被…").
CONFLICT_MSGIDS = {
    "incident": N_("This incident was changed by {actor} at {time}; refresh and try again"),
    "service_request": N_("This service request was changed by {actor} at {time}; refresh and try again"),
    "requirement": N_("This requirement was changed by {actor} at {time}; refresh and try again"),
    "work_log_entry": N_("This work-log entry was changed by {actor} at {time}; refresh and try again"),
    "inspection": N_("This inspection was changed by {actor} at {time}; refresh and try again"),
}
_OTHER = N_("This record was changed by {actor} at {time}; refresh and try again")


def _time_text(at: datetime | None) -> str:
    if at is None:
        return "?"
    local = to_local(at)
    return local.strftime("%H:%M") if local.date() == local_today() else local.strftime("%Y-%m-%d %H:%M")


def conflict_error(reader: Any, table: str, entity_id: Any) -> ConcurrentEditError:
    """The ``ConcurrentEditError`` for record ``entity_id`` of ``table``, naming the actor and
    time of its newest audit event read through ``reader`` (a Session or Connection)."""
    row = reader.execute(select(AuditEvent.actor, AuditEvent.at).where(AuditEvent.entity_id == str(entity_id))
                         .order_by(AuditEvent.at.desc()).limit(1)).first()
    actor, at = (row[0], row[1]) if row else ("", None)
    if at is not None and at.tzinfo is None:  # a Connection reads the raw column
        from datetime import UTC  # noqa: PLC0415

        at = at.replace(tzinfo=UTC)
    shown: Any = actor or Msg(N_("another engineer"))
    return ConcurrentEditError(CONFLICT_MSGIDS.get(table, _OTHER), entity_kind=table, entity_id=str(entity_id),
                               actor=shown, at=at, time=_time_text(at))


def check_version(session: Session, obj: Any, expected: int | None) -> None:
    """Refuse a save of ``obj`` made from a form that loaded version ``expected``: raises
    ``ConcurrentEditError`` when the record's version now differs.  ``None`` skips the check
    (a caller without a form, e.g. an import)."""
    if expected is None or obj.version == expected:
        return
    raise conflict_error(session, obj.__table__.name, obj.id)


def _versioned(obj: Any) -> bool:
    return sa_inspect(obj).mapper.version_id_col is not None


class LedgerSession(Session):
    """The session of every ``Database``: a stale versioned UPDATE (``StaleDataError``) becomes a
    ``ConcurrentEditError`` naming the record's last editor; the session is rolled back first."""

    def flush(self, objects: Any = None) -> None:
        """``Session.flush``; raises ``ConcurrentEditError`` instead of ``StaleDataError``."""
        pending = [o for o in [*self.dirty, *self.deleted] if _versioned(o)]
        stale = [(o.__table__.name, o.id, o.version) for o in pending]
        try:
            super().flush(objects)
        except StaleDataError as exc:
            self.rollback()
            raise self._conflict(stale) from exc

    def _conflict(self, stale: list[tuple[str, Any, int]]) -> ConcurrentEditError:
        bind = self.get_bind()
        engine = bind if isinstance(bind, Engine) else bind.engine
        with engine.connect() as conn:
            for table, entity_id, version in stale:
                mapper_table = next(t for t in AuditEvent.metadata.sorted_tables if t.name == table)
                now = conn.execute(select(mapper_table.c.version).where(mapper_table.c.id == entity_id)).scalar()
                if now != version:
                    return conflict_error(conn, table, entity_id)
            table, entity_id, _v = stale[0] if stale else ("", "", 0)
            return conflict_error(conn, table, entity_id)
