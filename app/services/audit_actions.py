"""The audit page's user actions (审计日志): verify the chain, export events; reads for the list.

Each function takes the ledger plus plain values, opens its own transaction and returns an
``Outcome`` (``app.services.changes``).  The export is itself audited (``export.audit_trail``).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from app.services import audit
from app.services.changes import Changes, Outcome
from app.services.ledger import Ledger
from app.services.queries.audit import (
    AuditFilter,
    audit_actors,
    audit_kinds,
    count_audit,
    export_audit,
    query_audit,
)

#: The audit trail belongs to the ledger, not to a contract: the list models' contract slot.
LEDGER_WIDE = uuid.UUID(int=0)


def verify(ledger: Ledger) -> Outcome[audit.VerifyResult]:
    """Recompute the chain (``audit.verify_chain``); the result names the first broken link."""
    with ledger.session() as s:
        return Outcome(audit.verify_chain(s))


def export(ledger: Ledger, out: Path, flt: AuditFilter | None = None, *, actor: str) -> Outcome[int]:
    """Write the events matching ``flt`` to the xlsx ``out`` (``queries.audit.export_audit``)
    and audit the export; returns the number of events written.  ``OSError`` when ``out``
    cannot be written (nothing is recorded then)."""
    with ledger.session() as s:
        n = export_audit(s, Path(out), flt)
        audit.record(s, actor=actor, action="export.audit_trail", entity_kind="audit_event",
                     summary=f"{n} → {Path(out).name}", details={"path": str(out), "rows": n})
    return Outcome(n, Changes.of("audit"))


def page(s: Any, _contract_id: uuid.UUID, flt: AuditFilter, sort_key: str, descending: bool, offset: int,
         limit: int | None) -> list[Any]:
    """``query_audit`` in the list models' ``query_*`` shape (the contract id is ignored)."""
    return query_audit(s, flt, sort_key, descending, offset, limit)


def count(s: Any, _contract_id: uuid.UUID, flt: AuditFilter) -> int:
    """``count_audit`` in the list models' ``count_*`` shape."""
    return count_audit(s, flt)


def filter_options(ledger: Ledger) -> tuple[list[str], list[str]]:
    """(actors, action kinds) present in the trail, for the filter boxes."""
    with ledger.session() as s:
        return audit_actors(s), audit_kinds(s)
