"""What the add and rotate dialogs share: their OK stores a password, in a worker.

:class:`StoreDialog` gives ``error`` (a ``worker.VaultMessage`` with the KDBX fallback offer),
``busy_label`` and ``call`` (a ``worker.VaultCall``); while the call runs the buttons are disabled
and the dialog cannot be closed, so a password is never half-stored behind the user's back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from app.services.vault import backend
from app.ui.context import AppContext
from app.ui.pages.vault.kdbx_dialog import KdbxDialog
from app.ui.pages.vault.worker import VaultCall, VaultMessage


class StoreDialog(QDialog):
    """Base of a dialog that stores a secret; subclasses call :meth:`_init_store` and keep their
    ``buttons`` (a ``QDialogButtonBox``)."""

    buttons: QDialogButtonBox

    def _init_store(self, ctx: AppContext, lay: QVBoxLayout) -> None:
        self.error = VaultMessage(self)
        self.error.fallbackRequested.connect(self._fallback)
        lay.addWidget(self.error)
        self.busy_label = QLabel(QCoreApplication.translate("StoreDialog", "Waiting for the secret store…"), self)
        self.busy_label.hide()
        lay.addWidget(self.busy_label)
        self.call = VaultCall(ctx, self)
        self.call.busyChanged.connect(self._busy)

    def _busy(self, on: bool) -> None:
        self.busy_label.setVisible(on)
        self.buttons.setEnabled(not on)

    def _fallback(self) -> None:
        vault = backend.current(start=False)
        if KdbxDialog(str(vault.kdbx_path or ""), self).exec():
            self.error.clear_error()

    def reject(self) -> None:
        """Cancel — not while the password is being stored."""
        if not self.call.busy:
            super().reject()
