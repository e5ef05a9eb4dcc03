"""No database transaction is open while the secret store works: a keyring that takes seconds
(a locked collection being unlocked) leaves every other writer free, and a ledger refusal after the
store took the value puts the store back."""

from __future__ import annotations

import threading
import time

import pytest

from app.errors import ValidationError
from app.services import audit
from app.services.vault import actions, entries
from app.services.vault.actions import CredentialInput
from app.services.vault.backend import KeyringStore
from app.services.vault.policy import Policy
from tests.services.vault.memory_keyring import MemoryKeyring

POLICY = Policy(12, ("lower", "upper", "digits"), 30)


class SlowRing(MemoryKeyring):
    delay = 1.0

    def set_password(self, service: str, username: str, password: str) -> None:
        time.sleep(self.delay)
        super().set_password(service, username, password)

    def get_password(self, service: str, username: str) -> str | None:
        time.sleep(self.delay)
        return super().get_password(service, username)


def _write_elsewhere(db) -> float:
    started = time.monotonic()
    with db.session() as s:
        audit.record(s, actor="other", action="test.tick", entity_kind="test", summary="another page writes")
    return time.monotonic() - started


@pytest.mark.parametrize("action", ["add", "rotate", "show"])
def test_other_writers_are_not_held_up_by_a_slow_keyring(db, pinggu, action: str) -> None:
    ring = SlowRing()
    store = KeyringStore(ring, timeout=5)
    ring.delay = 0
    cid = actions.add_credential(db, pinggu.id, store, actor="王建国", entry=CredentialInput("OA", "root", policy=POLICY),
                                 secret="First-Pw-123").value
    ring.delay = 1.0
    run = {
        "add": lambda: actions.add_credential(db, pinggu.id, store, actor="王建国",
                                              entry=CredentialInput("OA", "sa", policy=POLICY), secret="Second-Pw-12"),
        "rotate": lambda: actions.rotate_credential(db, cid, store, actor="王建国", secret="Rotated-Pw-99"),
        "show": lambda: actions.reveal_secret(db, cid, store, actor="王建国"),
    }[action]
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            run()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    t = threading.Thread(target=worker)
    t.start()
    time.sleep(0.3)  # the worker now waits for the keyring
    assert _write_elsewhere(db) < 0.5
    t.join(10)
    assert errors == []


def test_a_ledger_refusal_after_the_store_took_the_value_removes_it(db, pinggu, monkeypatch) -> None:
    ring = MemoryKeyring()
    store = KeyringStore(ring)
    real = actions._refuse_duplicate
    calls = {"n": 0}

    def second_check_refuses(s, contract_id, e, skip) -> None:  # another user added it meanwhile
        calls["n"] += 1
        if calls["n"] == 2:
            raise ValidationError("credential.account", "{account} on {host} ({system}) is already in the vault",
                                  account=e.account, host="—", system=e.system)
        real(s, contract_id, e, skip)

    monkeypatch.setattr(actions, "_refuse_duplicate", second_check_refuses)
    with pytest.raises(ValidationError):
        actions.add_credential(db, pinggu.id, store, actor="王建国", entry=CredentialInput("OA", "sa", policy=POLICY),
                               secret="Race-Pw-1234")
    assert ring.store == {} and entries.list_credentials(db, pinggu.id) == []


def test_a_failed_rotation_record_restores_the_previous_password(db, pinggu, monkeypatch) -> None:
    ring = MemoryKeyring()
    store = KeyringStore(ring)
    cid = actions.add_credential(db, pinggu.id, store, actor="王建国", entry=CredentialInput("OA", "root", policy=POLICY),
                                 secret="Old-Pw-12345").value

    def broken(*_a, **_k) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(actions, "record", broken)
    with pytest.raises(RuntimeError):
        actions.rotate_credential(db, cid, store, actor="王建国", secret="New-Pw-123456")
    assert list(ring.store.values()) == ["Old-Pw-12345"]
    assert len(entries.rotation_history(db, cid)) == 1
