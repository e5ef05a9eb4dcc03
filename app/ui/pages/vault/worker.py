"""Every keyring and KDBX call of the 密码库 page and its dialogs runs off the GUI thread.

A locked Secret Service collection can hang a keyring call until the store's timeout
(``backend.TIMEOUT_SECONDS``, 5 s); opening or saving a KDBX file derives its Argon2 key (≈ 0.6 s).
:class:`VaultCall` runs such a call with ``app.ui.tasks.run_task`` and calls back on the GUI
thread, so the window keeps painting and answering; while it runs ``busy`` is True and
``busyChanged(bool)`` lets the owner show its busy state.  A refusal or a timeout
(``OpsLedgerError``, e.g. ``VaultUnavailable``) comes back as its sentence; anything else is
logged with its traceback and shown as one sentence too — never a traceback.

:class:`VaultMessage` shows that sentence and, when the secret store is the problem, the fallback
offer: a button that opens the KDBX file dialog (or unlocks it again when it is locked).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.core.i18n import N_
from app.core.vocab import SecretStoreKind
from app.errors import OpsLedgerError
from app.services.vault import backend
from app.services.vault.backend import VaultUnavailable
from app.ui.context import AppContext
from app.ui.ops import emit_changes
from app.ui.tasks import run_task
from app.ui.widgets.errors import InlineError

log = logging.getLogger(__name__)

_POOL: QThreadPool | None = None


def vault_pool() -> QThreadPool:
    """The vault's own worker pool (2 threads): a keyring that hangs until its timeout occupies
    these, never the global pool the other pages' workers (overview, exports) run in."""
    global _POOL  # noqa: PLW0603 - one pool per process, made on first use (needs the Qt app)
    if _POOL is None:
        _POOL = QThreadPool(QCoreApplication.instance())  # ends with the application
        _POOL.setMaxThreadCount(2)
    return _POOL


class VaultCall(QObject):
    """Runs one vault call at a time in the worker pool.

    ``run(fn, on_done, on_error)``: ``fn()`` runs in a worker; its result (an ``Outcome`` has its
    changes emitted on ``ctx.bus`` and is replaced by its value) goes to ``on_done(value)``, an
    error to ``on_error(exc)`` (an ``OpsLedgerError``) — both on the GUI thread.  Returns False
    (and runs nothing) while a call is still running."""

    busyChanged = Signal(bool)

    def __init__(self, ctx: AppContext | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[OpsLedgerError], None]) -> bool:
        """See the class docstring."""
        if self.busy:
            return False
        vault = backend.current(start=False)
        vault.begin_use()
        self._set_busy(True)

        def done(result: Any) -> None:
            vault.end_use()
            self._set_busy(False)
            on_done(emit_changes(self.ctx, result) if self.ctx is not None else result)

        def failed(exc: BaseException) -> None:
            vault.end_use()
            self._set_busy(False)
            if not isinstance(exc, OpsLedgerError):
                # the type and the frames only: a backend's message might quote what it was given
                log.error("vault call failed: %s\n%s", type(exc).__name__,
                          "".join(traceback.format_tb(exc.__traceback__)))
                exc = VaultUnavailable(N_(
                    "The secret store failed ({error}); nothing was stored. Try again, or use the encrypted "
                    "KDBX file"), code="vault.failed", error=type(exc).__name__)
            on_error(exc)

        run_task(lambda _p: fn(), done, failed, pool=vault_pool())
        return True

    def _set_busy(self, on: bool) -> None:
        self.busy = on
        self.busyChanged.emit(on)


class VaultMessage(QWidget):
    """The sentence of a refusal, with the fallback offer beside it when the secret store is the
    problem: 使用 KDBX 文件… (or 解锁 KDBX 文件… when the chosen file is locked).  Emits
    ``fallbackRequested`` when the button is clicked."""

    fallbackRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text = InlineError(self)
        self.fallback_btn = QPushButton(self)
        self.fallback_btn.hide()
        self.fallback_btn.clicked.connect(self.fallbackRequested)
        row.addWidget(self.text, 1)
        row.addWidget(self.fallback_btn)

    def show_error(self, exc: BaseException) -> None:
        """Show ``str(exc)``; offer the KDBX file when ``exc`` is about the secret store."""
        self.text.show_error(exc)
        if isinstance(exc, VaultUnavailable):
            locked = backend.current(start=False).kind == SecretStoreKind.KDBX
            self.fallback_btn.setText(self.tr("Unlock KDBX file…") if locked else self.tr("Use KDBX file…"))
            self.fallback_btn.show()
        else:
            self.fallback_btn.hide()

    def show_text(self, text: str) -> None:
        """Show a plain sentence (no offer)."""
        self.text.setText(text)
        self.text.show()
        self.fallback_btn.hide()

    def clear_error(self) -> None:
        """Hide the sentence and the offer."""
        self.text.clear_error()
        self.fallback_btn.hide()

    def message(self) -> str:
        """The sentence shown ("" when none)."""
        return self.text.text() if self.text.isVisible() or self.text.text() else ""
