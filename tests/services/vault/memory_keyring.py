"""An in-memory keyring backend for tests (a real ``KeyringBackend`` subclass with a priority)."""

from __future__ import annotations

import time

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Keeps secrets in a dict of the instance (nothing on disk)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class HangingKeyring(MemoryKeyring):
    """A locked Secret Service collection: every call sleeps ``delay`` seconds."""

    delay = 30.0

    def get_password(self, service: str, username: str) -> str | None:
        time.sleep(self.delay)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        time.sleep(self.delay)


class LateKeyring(MemoryKeyring):
    """A keyring that answers a store only when the test says so (``answer.set()``) — after the
    vault's timeout: the store then completes as a real locked collection's would once unlocked."""

    def __init__(self) -> None:
        super().__init__()
        import threading

        self.answer = threading.Event()
        self.hold = True

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.hold:
            self.answer.wait(30)
        super().set_password(service, username, password)


class RefusingLateKeyring(LateKeyring):
    """A late keyring that also refuses deletes while ``refuse`` is set (locked again)."""

    refuse = True

    def delete_password(self, service: str, username: str) -> None:
        if self.refuse:
            raise RuntimeError("collection locked again")
        super().delete_password(service, username)
