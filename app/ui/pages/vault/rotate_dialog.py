"""Rotate a password (更换密码): generate or type the new one, confirm it, add a note.

One action (``vault.actions.rotate_credential``): the new value goes to the secret store, the
ledger records who and when and the due date moves a rotation period ahead.  It runs in a worker
(``worker.VaultCall``): the dialog shows its busy state and cannot be closed meanwhile; a keyring
that refuses or does not answer gives its sentence with the fallback offer and nothing is written.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import N_, _
from app.errors import OpsLedgerError, ValidationError
from app.services.vault import actions, backend, entries
from app.services.vault.policy import CLASS_LABELS, generate
from app.ui.context import AppContext
from app.ui.pages.vault.entry_dialog import SecretEdit
from app.ui.pages.vault.store_dialog import StoreDialog


class RotateDialog(StoreDialog):
    """New password (twice), generated from the entry's policy or typed; after Accepted,
    ``new_due`` is the new due date."""

    def __init__(self, ctx: AppContext, credential_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.credential_id = credential_id
        self.new_due: date | None = None
        self.row = entries.credential_row(ctx.db, credential_id)
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(480)
        lay = QVBoxLayout(self)
        where = f"{self.row.system} · {self.row.where}" if self.row else ""
        self.heading = QLabel(where, self)
        self.heading.setStyleSheet("font-weight: bold;")
        lay.addWidget(self.heading)
        if self.row is not None:
            p = self.row.policy
            classes = _(", ").join(_(CLASS_LABELS[c]) for c in p.classes if c in CLASS_LABELS)
            self.policy_note = QLabel(self.tr("Policy: at least %1 characters with %3; changed every %2 days")
                                      .replace("%1", str(p.length)).replace("%2", str(p.rotation_days))
                                      .replace("%3", classes), self)
            lay.addWidget(self.policy_note)
        form = QFormLayout()
        self.secret = SecretEdit(self)
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLineEdit(self)
        form.addRow(self.tr("New password"), self.secret)
        form.addRow(self.tr("Repeat"), self.confirm)
        form.addRow(self.tr("Note"), self.note)
        lay.addLayout(form)
        self._init_store(ctx, lay)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change password"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        lay.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.secret.generate_btn.clicked.connect(self._generate)

    def _generate(self) -> None:
        if self.row is not None:
            value = generate(self.row.policy)
            self.secret.set_generated(value)
            self.confirm.setText(value)

    def submit(self) -> None:
        """Rotate in one action in a worker (returns at once); close on success, else show the
        sentence and stay open."""
        self.error.clear_error()
        try:
            if self.secret.edit.text() != self.confirm.text():
                raise ValidationError("credential.secret", N_("the two entries differ; nothing was stored"))
            store = backend.current(start=False).require()
        except OpsLedgerError as exc:
            self.error.show_error(exc)
            return
        db, cid, actor = self.ctx.db, self.credential_id, self.ctx.engineer
        secret, how, note = self.secret.edit.text(), "generated" if self.secret.generated else "typed", self.note.text()
        self.call.run(lambda: actions.rotate_credential(db, cid, store, actor=actor, secret=secret, how=how, note=note),
                      self._rotated, self.error.show_error)

    def _rotated(self, due: date | None) -> None:
        self.new_due = due
        self.accept()

    def done(self, result: int) -> None:
        """Close and forget the typed passwords."""
        self.secret.wipe()
        self.confirm.clear()
        super().done(result)
