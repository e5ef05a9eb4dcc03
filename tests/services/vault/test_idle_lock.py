"""The KDBX fallback locks itself after the idle period (setting, default 5 minutes) and on 锁定:
the open ``PyKeePass`` object — which holds the master password and the derived key — is
forgotten, and the next use asks the master password again."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import settings
from app.services.vault import backend
from app.services.vault.backend import EntryInfo, KdbxStore, Vault, VaultUnavailable


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _unlocked(tmp_path: Path, minutes: float | None = None) -> tuple[Vault, Clock]:
    clock = Clock()
    vault = Vault(idle_lock_minutes=minutes, clock=clock)
    vault.use_kdbx(tmp_path / "v.kdbx", "Master-Pw-1", create=True)
    return vault, clock


def test_the_default_idle_period_is_five_minutes_and_a_setting(tmp_path: Path) -> None:
    vault, clock = _unlocked(tmp_path)
    assert vault.idle_lock_minutes == backend.IDLE_LOCK_MINUTES == 5
    store = vault.require()
    store.put("OpsLedger", "k", "Idle-Secret-1!", EntryInfo())
    clock.now += 4 * 60
    assert vault.require() is store  # a use starts a new idle period
    clock.now += 4 * 60 + 59
    assert vault.require().get("OpsLedger", "k") == "Idle-Secret-1!"
    clock.now += 5 * 60 + 1
    with pytest.raises(VaultUnavailable) as err:
        vault.require()
    assert "locked" in str(err.value) or "已锁定" in str(err.value)
    assert vault.store is None and store.db is None and store.group is None  # PyKeePass object forgotten
    settings.set_value("vault_idle_lock_minutes", 1)
    vault.use_kdbx(tmp_path / "v.kdbx", "Master-Pw-1")  # the master password, asked again
    assert vault.idle_lock_minutes == 1
    clock.now += 61
    assert vault.lock_if_idle() is True and vault.status().ready is False


def test_lock_forgets_the_file_at_once_and_a_held_store_refuses(tmp_path: Path) -> None:
    vault, _clock = _unlocked(tmp_path, minutes=5)
    store = vault.require()
    assert isinstance(store, KdbxStore)
    vault.lock()
    assert vault.store is None and store.db is None
    with pytest.raises(VaultUnavailable):
        store.get("OpsLedger", "k")  # a reference kept elsewhere cannot read the file any more
    assert vault.idle_seconds_left() is None


def test_zero_minutes_never_locks_and_the_keyring_is_not_locked(tmp_path: Path, memory_keyring) -> None:
    vault, clock = _unlocked(tmp_path, minutes=0)
    clock.now += 10 ** 6
    assert vault.lock_if_idle() is False and vault.require() is not None
    ring = backend.current()
    ring.lock()
    assert ring.status().ready is True
