"""Vault fixtures: ``memory_keyring`` (the process keyring replaced by an in-memory one) and
``vault_store`` (a ``KeyringStore`` over it, also installed as the process's vault)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import keyring
import pytest

from app.services.vault import backend
from tests.services.vault.memory_keyring import MemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    vault = backend.Vault()
    vault.use_keyring(ring)
    backend.reset(vault)
    yield ring
    backend.reset(None)
    keyring.set_keyring(before)


@pytest.fixture
def vault_store(memory_keyring: MemoryKeyring) -> Any:
    return backend.current().require()
