"""The audit trail (审计日志): append-only, written in the caller's transaction.

Every audit event is also logged (logger ``app.services.audit``, INFO) once its transaction
commits — imports, report exports and every other user action land in the log file that way,
and an action that rolled back logs nothing.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from app.core.timeutil import utcnow
from app.store.models import AuditEvent

log = logging.getLogger(__name__)
_PENDING = "opsledger_audit_log"


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    entity_kind: str,
    entity_id: uuid.UUID | str | None = None,
    summary: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit event (``at`` = now, UTC) to ``session``; the caller commits.

    ``action`` is a dotted verb such as ``"incident.close"``; ``details`` must be JSON-serialisable.
    """
    ev = AuditEvent(
        at=utcnow(),
        actor=actor,
        action=action,
        entity_kind=entity_kind,
        entity_id=str(entity_id or ""),
        summary=summary,
        details=details or {},
    )
    session.add(ev)
    session.info.setdefault(_PENDING, []).append((actor, action, str(entity_id or ""), summary))
    return ev


@event.listens_for(Session, "after_commit")
def _log_committed(session: Session) -> None:
    for actor, action, entity_id, summary in session.info.pop(_PENDING, ()):
        log.info("%s by %s: %s %s", action, actor, entity_id, summary)


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back(session: Session) -> None:
    session.info.pop(_PENDING, None)
