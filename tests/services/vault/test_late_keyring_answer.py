"""A keyring store that times out and then answers after all is taken back (``late_answers``):
the keyring never keeps a secret the ledger has no row for, a late rotation is put back to the
password the ledger still knows, a retry on the entry waits for the late answer, and a take-back
that fails is kept as an orphan to clean up."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.services.vault import actions, backend, late_answers
from app.services.vault.actions import CredentialInput
from app.services.vault.backend import KeyringStore, VaultUnavailable
from app.services.vault.policy import Policy
from app.store.models import AuditEvent, Credential, CredentialRotation
from tests.services.vault.memory_keyring import LateKeyring, RefusingLateKeyring

POLICY = Policy(12, ("lower", "upper", "digits"), 30)
ENTRY = CredentialInput("OA", "admin", host="10.0.0.8", policy=POLICY)
TIMEOUT_S = 0.2


def _credentials(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Credential)) or 0


def test_a_late_add_is_deleted_from_the_keyring_again(db, pinggu) -> None:
    ring = LateKeyring()
    store = KeyringStore(ring, timeout=TIMEOUT_S)
    with pytest.raises(VaultUnavailable, match=r"0\.2"):
        actions.add_credential(db, pinggu.id, store, actor="王建国", entry=ENTRY, secret="Late-Answer-2026x")
    assert _credentials(db) == 0 and len(late_answers.pending(ring)) == 1
    ring.answer.set()  # the collection is unlocked: the store completes now
    assert late_answers.wait_idle(ring, 5)
    assert ring.store == {}  # taken back: no secret without a ledger row
    assert late_answers.orphans() == {}


def test_a_late_rotation_is_put_back_and_a_retry_waits_for_it(db, pinggu) -> None:
    ring = LateKeyring()
    ring.hold = False
    store = KeyringStore(ring, timeout=TIMEOUT_S)
    cid = actions.add_credential(db, pinggu.id, store, actor="王建国", entry=ENTRY, secret="First-Pass-2026x").value
    key = str(cid)
    ring.hold = True
    with pytest.raises(VaultUnavailable):
        actions.rotate_credential(db, cid, store, actor="王建国", secret="Second-Pass-2026x")
    with pytest.raises(VaultUnavailable, match=r"earlier attempt|尚未"):  # the late answer is still out
        actions.rotate_credential(db, cid, store, actor="王建国", secret="Third-Pass-2026xx")
    ring.answer.set()
    assert late_answers.wait_idle(ring, 5)
    assert ring.store[(backend.SERVICE, key)] == "First-Pass-2026x"  # what the ledger knows
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(CredentialRotation)) == 1  # the initial one only
    ring.hold = False
    actions.rotate_credential(db, cid, store, actor="王建国", secret="Third-Pass-2026xx")
    assert ring.store[(backend.SERVICE, key)] == "Third-Pass-2026xx"


def test_a_late_store_overtaken_by_a_later_one_is_left_alone() -> None:
    ring = LateKeyring()
    take_back = late_answers.late_store(ring, backend.SERVICE, "k1", "late", None)
    ring.store[(backend.SERVICE, "k1")] = "newer"  # something stored the entry since
    late_answers.abandoned(ring, backend.SERVICE, "k1")()
    take_back(True)
    assert ring.store == {(backend.SERVICE, "k1"): "newer"} and not late_answers.pending(ring)


def test_a_take_back_that_fails_is_an_orphan_cleaned_up_later(db, pinggu) -> None:
    ring = RefusingLateKeyring()
    store = KeyringStore(ring, timeout=TIMEOUT_S)
    with pytest.raises(VaultUnavailable):
        actions.add_credential(db, pinggu.id, store, actor="王建国", entry=ENTRY, secret="Late-Answer-2026x")
    ring.answer.set()
    assert late_answers.wait_idle(ring, 5)
    (service, _key), why = next(iter(late_answers.orphans().items()))
    assert service == backend.SERVICE and why == "RuntimeError" and len(ring.store) == 1
    ring.refuse = False
    assert actions.clean_keyring_orphans(db, store, actor="王建国").value == 1
    assert ring.store == {} and late_answers.orphans() == {}
    with db.session() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "credential.orphans_clean")).one()
        assert ev.details["count"] == 1 and "Late-Answer" not in str(ev.details)
