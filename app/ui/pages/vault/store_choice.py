"""The 密码库 page's choice of secret store: probe the keyring (in a worker), use or unlock the
KDBX file, lock it (at once, or after the idle period).  A mixin of ``page.VaultPage``, which
provides ``vault``, ``call``, ``message``, ``clipboard``, ``idle_timer``, ``refresh``, ``_mask`` and
``_fail``; nothing here asks the keyring on the GUI thread.
"""

from __future__ import annotations

from typing import Any

from app.errors import OpsLedgerError
from app.services.vault import backend
from app.ui.pages.vault.kdbx_dialog import KdbxDialog


class StoreChoice:
    """Backend choice and locking for the vault page (see the module docstring)."""

    vault: backend.Vault
    call: Any
    message: Any
    clipboard: Any
    idle_timer: Any

    def refresh(self) -> None:  # provided by the page
        """Reload the page."""
        raise NotImplementedError

    def _mask(self) -> None:
        raise NotImplementedError

    def _fail(self, exc: OpsLedgerError) -> None:
        raise NotImplementedError

    def _probe(self, *, remember: bool) -> None:
        if not remember and not self.vault.load_choice():
            self.refresh()
            return
        self.vault.checking = True
        self.message.clear_error()
        self.refresh()

        def done(result: backend.Probe) -> None:
            # a refusal is the status line's sentence, beside the 使用 KDBX 文件… button
            self.vault.apply(result, remember=remember)
            self.refresh()

        def failed(exc: OpsLedgerError) -> None:
            self.vault.checking = False
            self._fail(exc)

        self.call.run(backend.probe, done, failed)

    def use_keyring(self) -> None:
        """Probe the system keyring again (in a worker) and use it if it is accepted (saved)."""
        self._probe(remember=True)

    def use_kdbx(self) -> None:
        """Choose and unlock the KDBX file (explicit choice; after a lock: its master password)."""
        dialog = KdbxDialog(str(self.vault.kdbx_path or ""), self)  # type: ignore[arg-type]
        if dialog.exec():
            self.message.clear_error()
        self.refresh()

    def lock(self) -> None:
        """Lock the KDBX file now: forget the open file (master password and derived key), mask
        the shown password and clear our copy from the clipboard."""
        self.vault.lock()
        self._mask()
        self.clipboard.clear()
        self.refresh()

    def _arm_idle(self) -> None:
        left = self.vault.idle_seconds_left()
        if left is None:
            self.idle_timer.stop()
        else:
            self.idle_timer.start(int(left * 1000) + 50)
