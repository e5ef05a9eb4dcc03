"""The audit trail (审计日志): append-only, hash-chained, written in the caller's transaction.

Each event carries ``seq`` (1..n, gapless, insertion order), ``at`` (system clock, UTC) with the
workstation's ``utc_offset_minutes``, who (``actor``), what (``action``, ``entity_kind``/``_id``,
``details`` with old/new values of edits), the ``outcome`` and ``hash`` = SHA-256 of
``prev_hash`` + the canonical JSON of its content (:func:`event_hash`).  Editing, deleting,
inserting or reordering a row breaks the chain at that row (:func:`verify_chain` names the
first broken ``seq``); a rewrite of the whole chain is caught by a head recorded outside the
database (reports, backup manifests: :func:`verify_against`).  GB/T 22239-2019 8.1.4.3 (每个用户、
事件类型、结果; 防止删除与篡改).

Appending stays linear under concurrent writers: before reading the head, :func:`record` takes
the chain lock of the transaction — ``pg_advisory_xact_lock`` on PostgreSQL, SQLite's writer
lock (a write statement, so a second writer waits ``busy_timeout``) on SQLite — and ``seq`` is
UNIQUE, so two writers can never both extend the same head.

Clock jumps: an event whose ``at`` is earlier than the previous event's is flagged
``clock="back"``, one more than ``CLOCK_AHEAD_LIMIT`` (a day) later ``"ahead"``
(``app.core.timeline.clock_jump``); it is accepted.

Retention: nothing in OpsLedger deletes audit events (网络安全法 §21: logs kept ≥ 6 months);
:func:`guard_purge` is the one check any future purge must call (:data:`KEEP_DAYS`).

Every event is also logged (logger ``app.services.audit``, INFO) once its transaction commits.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event, select, text
from sqlalchemy.orm import Session

from app.core import timeutil
from app.core.i18n import N_, _
from app.core.timeline import CLOCK_AHEAD_LIMIT, clock_jump
from app.errors import ValidationError
from app.store.models import AuditEvent

log = logging.getLogger(__name__)
_PENDING = "opsledger_audit_log"
_HEAD = "opsledger_audit_head"

#: Events younger than this are never purged (网络安全法 §21: 网络日志留存不少于六个月).
KEEP_DAYS = 180
#: PostgreSQL advisory lock key of the chain (any constant bigint; "OPSLEDGR").
PG_LOCK_KEY = 0x4F50534C45444752 & 0x7FFFFFFFFFFFFFFF
GENESIS = ""


@dataclass(frozen=True)
class ChainHead:
    """The last event of the chain: ``seq`` (0 for an empty chain) and its ``hash`` (hex)."""

    seq: int
    hash: str

    def line(self) -> str:
        """The line printed on a report's sign-off page: ``审计链 第 N 条 · <hash[:16]>``."""
        return _("Audit chain: event {seq} · {hash}", seq=self.seq, hash=self.hash[:16])

    def token(self) -> str:
        """The machine-readable form written into file metadata: ``opsledger-audit:N:<hash>``."""
        return f"opsledger-audit:{self.seq}:{self.hash}"


def parse_token(value: str) -> ChainHead | None:
    """The ``ChainHead`` in a metadata string containing ``opsledger-audit:N:<64 hex>``, or ``None``."""
    import re  # noqa: PLC0415

    m = re.search(r"opsledger-audit:(\d+):([0-9a-f]{64})", value or "")
    return ChainHead(int(m.group(1)), m.group(2)) if m else None


def _at_text(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def event_hash(prev_hash: str, *, id: uuid.UUID | str,  # noqa: A002 - the canonical field name
               seq: int, at: datetime, utc_offset_minutes: int,
               actor: str, action: str, entity_kind: str, entity_id: str, summary: str,
               details: Any, outcome: str, clock: str) -> str:
    """SHA-256 (hex) of ``prev_hash`` + newline + the canonical JSON of one event's content.

    Canonical JSON: keys sorted, no spaces, UTF-8, ``at`` as ``YYYY-MM-DDTHH:MM:SS.ffffffZ``,
    ``id`` in its 36-character form.  Migration 0004 holds a frozen copy (tested equal).
    """
    body = {"id": str(uuid.UUID(str(id))), "seq": seq, "at": _at_text(at), "utc_offset_minutes": utc_offset_minutes,
            "actor": actor, "action": action, "entity_kind": entity_kind, "entity_id": entity_id,
            "summary": summary, "details": details, "outcome": outcome, "clock": clock}
    canon = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + "\n" + canon).encode("utf-8")).hexdigest()


def hash_of(ev: Any) -> str:
    """:func:`event_hash` recomputed from a stored row (an ``AuditEvent`` or a row with its
    columns) with its own ``prev_hash``."""
    return event_hash(ev.prev_hash, id=ev.id, seq=ev.seq, at=ev.at, utc_offset_minutes=ev.utc_offset_minutes,
                      actor=ev.actor, action=ev.action, entity_kind=ev.entity_kind, entity_id=ev.entity_id,
                      summary=ev.summary, details=ev.details, outcome=ev.outcome, clock=ev.clock)


def _lock_chain(session: Session) -> None:
    """Take the transaction's chain lock (see module docstring); held until commit/rollback."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
    elif dialect == "sqlite":
        session.execute(text("UPDATE audit_event SET seq = seq WHERE 0 = 1"))  # takes the writer lock


def _read_head(session: Session) -> tuple[int, str, datetime | None]:
    if any(isinstance(o, AuditEvent) for o in session.new):
        session.flush()  # pending events of this transaction (e.g. after a savepoint rollback)
    with session.no_autoflush:
        row = session.execute(select(AuditEvent.seq, AuditEvent.hash, AuditEvent.at)
                              .order_by(AuditEvent.seq.desc()).limit(1)).first()
    return (row[0], row[1], row[2]) if row else (0, GENESIS, None)


def clock_against_head(session: Session, now: datetime) -> str:
    """The clock flag (``app.core.timeline.clock_jump``) an event at ``now`` gets against the
    chain's last event; takes the chain lock like ``record`` (the head is then cached)."""
    head = session.info.get(_HEAD)
    if head is None:
        _lock_chain(session)
        head = _read_head(session)
        session.info[_HEAD] = head
    return clock_jump(now, head[2])


def moved(number: str, target: str, note: str = "") -> str:
    """The summary of a record moved to a status or handed to someone, in the current language:
    ``INC-0001 → 处理中`` (``target`` already a label — ``vocab.label_of`` — or a name), with
    ``note`` after a colon.  Summaries are stored as written (the chain hashes them); the
    ``details`` keep the codes."""
    if note:
        return _("{number} → {target}: {note}", number=number, target=target, note=note)
    return _("{number} → {target}", number=number, target=target)


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    entity_kind: str,
    entity_id: uuid.UUID | str | None = None,
    summary: str = "",
    details: dict[str, Any] | None = None,
    outcome: str = "ok",
    at: datetime | None = None,
) -> AuditEvent:
    """Append one audit event to the chain in ``session``'s transaction; the caller commits.

    ``action`` is a dotted verb such as ``"incident.close"``; ``details`` must be JSON-serialisable
    (edits: ``{"field": [old, new]}``); ``outcome`` ``"ok"`` or ``"refused"``; ``at`` defaults
    to ``app.core.timeutil.utcnow()``.  Takes the chain lock, reads the head, sets ``seq``,
    ``prev_hash``, ``hash`` and the ``clock`` flag.  Returns the (pending) ``AuditEvent``.
    """
    now = timeutil.as_utc(at) if at else timeutil.utcnow()
    offset = now.astimezone().utcoffset() or timedelta(0)
    stored_details = json.loads(json.dumps(details or {}, ensure_ascii=False, default=str))
    head = session.info.get(_HEAD)
    if head is None:
        _lock_chain(session)
        head = _read_head(session)
    seq, prev_hash, prev_at = head
    ev = AuditEvent(
        id=uuid.uuid4(), seq=seq + 1, at=now, utc_offset_minutes=int(offset.total_seconds() // 60),
        actor=actor or "", action=action, entity_kind=entity_kind, entity_id=str(entity_id or ""),
        summary=summary or "", details=stored_details, outcome=outcome, clock=clock_jump(now, prev_at),
        prev_hash=prev_hash,
    )
    ev.hash = hash_of(ev)
    session.add(ev)
    session.info[_HEAD] = (ev.seq, ev.hash, now)
    session.info.setdefault(_PENDING, []).append((actor, action, str(entity_id or ""), summary))
    if ev.clock:
        log.warning("audit event %s: system clock jumped %s (previous event at %s, now %s)",
                    ev.seq, ev.clock, prev_at, now)
    return ev


def chain_head(session: Session) -> ChainHead:
    """The chain's current head (``ChainHead(0, "")`` when there are no events)."""
    seq, h, _at = _read_head(session)
    return ChainHead(seq, h)


def guard_purge(older_than: datetime, now: datetime | None = None) -> None:
    """Refuse (``ValidationError("older_than")``) a purge that would reach events younger than
    ``KEEP_DAYS`` days.  OpsLedger has no purge; any future one calls this first."""
    now = now or timeutil.utcnow()
    if older_than > now - timedelta(days=KEEP_DAYS):
        raise ValidationError("older_than", N_("audit events younger than {days} days are kept (网络安全法 §21)"),
                              days=KEEP_DAYS)


@event.listens_for(Session, "after_commit")
def _log_committed(session: Session) -> None:
    session.info.pop(_HEAD, None)
    for actor, action, entity_id, summary in session.info.pop(_PENDING, ()):
        log.info("%s by %s: %s %s", action, actor, entity_id, summary)


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back(session: Session) -> None:
    session.info.pop(_HEAD, None)
    session.info.pop(_PENDING, None)


@event.listens_for(Session, "after_soft_rollback")
def _forget_head(session: Session, _previous: Any) -> None:
    session.info.pop(_HEAD, None)  # a savepoint may have taken events with it: read the head again


from app.services.audit_verify import VerifyResult, verify_against, verify_chain  # noqa: E402

__all__ = ["CLOCK_AHEAD_LIMIT", "ChainHead", "VerifyResult", "chain_head", "record", "verify_against", "verify_chain"]
