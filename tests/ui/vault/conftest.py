"""The vault GUI tests run over the in-memory keyring of ``tests/services/vault`` (autouse, so it
is in place before the main window builds the 密码库 page and probes the keyring)."""

from typing import Any

import pytest

from tests.services.vault.conftest import memory_keyring, vault_store  # noqa: F401


@pytest.fixture(autouse=True)
def _keyring_first(memory_keyring: Any) -> Any:  # noqa: F811
    return memory_keyring


def finish(qtbot: Any, owner: Any, timeout: int = 10_000) -> None:
    """Let the event loop run until ``owner``'s vault call (``owner.call``: a page or dialog) is done."""
    qtbot.waitUntil(lambda: not owner.call.busy, timeout=timeout)
