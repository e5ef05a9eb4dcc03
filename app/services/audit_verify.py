"""Verification of the audit chain (审计链校验): the first broken link, or a recorded head.

``verify_chain(session)`` walks the events in ``seq`` order and recomputes each hash; the first
row that fails is named with what happened to it:

- ``edited``: the row's content no longer gives its stored hash (a value was changed);
- ``deleted``: a ``seq`` is missing (rows removed), or the chain is shorter than a recorded head;
- ``inserted``: the row does not link to its predecessor and its ``prev_hash`` is no hash of the
  chain (a forged row);
- ``reordered``: the row links to another row of the chain than its predecessor (rows moved or
  their ``seq`` swapped).

``verify_against(session, head)`` also checks that a head recorded outside the database (in a
report's metadata, a backup manifest) is still in the chain with the same hash: a rewrite of the
whole chain passes ``verify_chain`` but not this.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import N_, _
from app.store.models import AuditEvent

WHAT = {
    "edited": N_("edited"),
    "deleted": N_("deleted"),
    "inserted": N_("inserted"),
    "reordered": N_("reordered"),
    "rewritten": N_("rewritten"),
}


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of a check: ``ok``; ``count`` events checked; ``head_seq``/``head_hash`` of the
    chain; the first broken link ``broken_seq`` and ``what`` (a key of ``WHAT``), or ``None``."""

    ok: bool
    count: int
    head_seq: int
    head_hash: str
    broken_seq: int | None = None
    what: str | None = None

    def sentence(self) -> str:
        """The result as one sentence in the current language."""
        if self.ok:
            return _("audit chain intact: {count} events, head {seq} · {hash}", count=self.count,
                     seq=self.head_seq, hash=self.head_hash[:16])
        return _("audit chain broken at event {seq}: {what}", seq=self.broken_seq,
                 what=_(WHAT.get(self.what or "", self.what or "")))


def verify_chain(session: Session, *, batch: int = 2000) -> VerifyResult:
    """Recompute the whole chain (see module docstring); reads rows ``batch`` at a time."""
    from app.services.audit import hash_of  # noqa: PLC0415 - audit re-exports this module

    seq_of: dict[str, int] = {h: q for h, q in session.execute(select(AuditEvent.hash, AuditEvent.seq))}  # noqa: C416
    expected, prev_hash, count, last_seq = 1, "", 0, 0
    cols = [AuditEvent.id, AuditEvent.seq, AuditEvent.at, AuditEvent.utc_offset_minutes, AuditEvent.actor,
            AuditEvent.action, AuditEvent.entity_kind, AuditEvent.entity_id, AuditEvent.summary,
            AuditEvent.details, AuditEvent.outcome, AuditEvent.clock, AuditEvent.prev_hash, AuditEvent.hash]
    q = select(*cols).order_by(AuditEvent.seq).execution_options(yield_per=batch)
    for ev in session.execute(q):
        count += 1
        self_ok = hash_of(ev) == ev.hash
        renumbered = not self_ok and any(
            hash_of(SimpleNamespace(**{**ev._asdict(), "seq": ev.seq + k})) == ev.hash for k in range(1, 4))
        broken, at_seq = _classify(ev, expected, prev_hash, seq_of, self_ok, renumbered)
        if broken:
            return VerifyResult(False, count, last_seq, prev_hash, at_seq, broken)
        expected, prev_hash, last_seq = ev.seq + 1, ev.hash, ev.seq
    return VerifyResult(True, count, last_seq, prev_hash)


def _classify(ev: Any, expected: int, prev_hash: str, seq_of: dict[str, int],  # noqa: PLR0911 - a decision table
              self_ok: bool, renumbered: bool = False) -> tuple[str | None, int]:
    """(what broke, at which seq) for one row read in ``seq`` order, or ``(None, seq)``."""
    if ev.seq > expected:
        return "deleted", expected
    if ev.seq < expected:
        return "inserted", ev.seq
    if ev.prev_hash != prev_hash:
        target = seq_of.get(ev.prev_hash)
        if target is not None:  # links to another row of the chain
            return ("inserted", ev.seq - 1) if target < ev.seq - 1 else ("reordered", ev.seq)
        if self_ok and ev.seq > 1:  # intact itself: its predecessor was changed and re-hashed
            return "edited", ev.seq - 1
        if renumbered:  # hashed under a later seq: rows before it were removed and renumbered
            return "deleted", ev.seq
        return "inserted", ev.seq
    if not self_ok:
        return "edited", ev.seq
    return None, ev.seq


def verify_against(session: Session, head: object) -> VerifyResult:
    """``verify_chain`` plus: the recorded ``head`` (a ``ChainHead``: ``seq``, ``hash``) is
    still an event of the chain with that hash.  A shorter chain is ``deleted`` at
    the first missing ``seq``; a different hash at ``head.seq`` is ``rewritten`` there."""
    result = verify_chain(session)
    if not result.ok:
        return result
    seq, want = int(head.seq), str(head.hash)  # type: ignore[attr-defined]
    if seq == 0:
        return result
    if seq > result.head_seq:
        return VerifyResult(False, result.count, result.head_seq, result.head_hash, result.head_seq + 1, "deleted")
    got = session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == seq))
    if got != want:
        return VerifyResult(False, result.count, result.head_seq, result.head_hash, seq, "rewritten")
    return result
