"""The audit trail (审计日志): append-only, written in the caller's transaction."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from app.store.models import AuditEvent
from app.core.timeutil import utcnow


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
    return ev
