"""A keyring that answers after its timeout (密码库, 司法局 §2.3.1.4: the ledger knows every secret).

``backend.call_with_timeout`` gives up on a keyring call after ``TIMEOUT_SECONDS`` and tells the
user nothing was stored; the call's daemon thread stays behind.  If a *store* then completes, the
keyring would hold a secret the ledger has no row for (an added entry) or a password the ledger
did not record (a rotation).  This module takes such a late store back, in that thread, as soon as
it completes:

- a late store of a new secret (no ``previous``) is deleted again; of a rotation, the previous
  password is put back — only while the keyring still holds the late secret (a later store is
  never overwritten);
- while a timed-out call on an entry is still running, a new store or delete of that entry is
  refused with a sentence (``refuse_if_pending``), so a retry cannot race the late answer;
- when taking back fails, the entry is kept in ``orphans()`` (service, key → the error's type)
  and logged — never the secret — so it can be cleaned up (``clean_orphans``; the 密码库 page
  offers it: ``actions.clean_keyring_orphans``).

A late *delete* cannot be undone (the secret is gone); it is logged.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from app.core.i18n import N_

log = logging.getLogger(__name__)

_lock = threading.Condition()
_pending: set[tuple[int, str, str]] = set()  # (id of the keyring backend, service, key)
_orphans: dict[tuple[str, str], str] = {}


def refuse_if_pending(backend: Any, service: str, key: str) -> None:
    """Raise ``VaultUnavailable`` (code ``vault.pending``) while a timed-out call of ``backend``
    on the entry ``(service, key)`` has not answered yet."""
    from app.services.vault.backend import VaultUnavailable  # noqa: PLC0415 - backend imports this module

    with _lock:
        busy = (id(backend), service, key) in _pending
    if busy:
        raise VaultUnavailable(N_("The system keyring has not yet answered an earlier attempt for this entry; "
                                  "wait a moment and try again"), code="vault.pending")


def abandoned(backend: Any, service: str, key: str) -> Callable[[], None]:
    """The callback for the moment the caller gives up on a call of ``backend`` on ``(service, key)``."""
    def mark() -> None:
        with _lock:
            _pending.add((id(backend), service, key))
    return mark


def _done(backend: Any, service: str, key: str) -> None:
    with _lock:
        _pending.discard((id(backend), service, key))
        _lock.notify_all()


def late_store(backend: Any, service: str, key: str, secret: str, previous: str | None) -> Callable[[bool], None]:
    """The callback for a store of ``secret`` that answers after its timeout (``ok``: it was
    stored): take it back — delete it, or put ``previous`` back — if the keyring still holds it."""
    def take_back(ok: bool) -> None:
        try:
            if ok and backend.get_password(service, key) == secret:
                if previous is None:
                    backend.delete_password(service, key)
                else:
                    backend.set_password(service, key, previous)
                log.warning("a keyring store of %s/%s answered after its timeout; taken back (%s)", service, key,
                            "deleted" if previous is None else "previous password restored")
        except Exception as exc:  # noqa: BLE001 - in a daemon thread: record it, never raise
            with _lock:
                _orphans[(service, key)] = type(exc).__name__
            log.error("a keyring store of %s/%s answered after its timeout and could not be taken back (%s); "
                      "the keyring may hold a secret the ledger does not know", service, key, type(exc).__name__)
        finally:
            _done(backend, service, key)
    return take_back


def late_delete(backend: Any, service: str, key: str) -> Callable[[bool], None]:
    """The callback for a delete that answers after its timeout: logged (it cannot be undone)."""
    def note(ok: bool) -> None:
        if ok:
            log.warning("a keyring delete of %s/%s answered after its timeout; the secret is gone", service, key)
        _done(backend, service, key)
    return note


def pending(backend: Any) -> frozenset[tuple[str, str]]:
    """The entries ``(service, key)`` with a timed-out call of ``backend`` still running."""
    with _lock:
        return frozenset((service, key) for bid, service, key in _pending if bid == id(backend))


def orphans() -> dict[tuple[str, str], str]:
    """Entries whose late store could not be taken back: ``(service, key) → error type``."""
    with _lock:
        return dict(_orphans)


def clean_orphans(store: Any, known_keys: set[str]) -> int:
    """Delete through ``store`` (a ``KeyringStore``: under its timeout) every orphan whose key the
    ledger does not know (``known_keys``: the ``secret_key`` of every credential); returns how
    many were cleaned.  An orphan the ledger knows is dropped from the list without touching the
    keyring; one the keyring still refuses stays listed."""
    from app.services.vault.backend import VaultUnavailable  # noqa: PLC0415 - backend imports this module

    cleaned = 0
    for service, key in orphans():
        if key not in known_keys:
            try:
                store.delete(service, key)
            except VaultUnavailable:
                continue
            cleaned += 1
        with _lock:
            _orphans.pop((service, key), None)
    return cleaned


def wait_idle(backend: Any, timeout_seconds: float) -> bool:
    """Wait up to ``timeout_seconds`` until no timed-out call of ``backend`` is running; ``True``
    when none is."""
    with _lock:
        return _lock.wait_for(lambda: not any(bid == id(backend) for bid, _s, _k in _pending), timeout_seconds)
