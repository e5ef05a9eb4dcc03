"""Add / edit a vault entry (新增 / 编辑账号): metadata, policy, and — when adding — the password.

The password is typed (hidden, with a show toggle) or generated from the policy.  Saving is one
action (``vault.actions.add_credential`` / ``edit_credential``); a refusal is shown in the dialog,
which stays open.  Adding stores the password, so it runs in a worker (``worker.VaultCall``): the
dialog shows its busy state, cannot be closed meanwhile, and a keyring that refuses or does not
answer gives its sentence with the fallback offer (KDBX).  The asset is picked from the register
(``asset_pick.AssetPick``).  The typed password lives only in the line edit and is cleared on close.
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import OpsLedgerError
from app.services.vault import actions, backend, entries
from app.services.vault.policy import generate
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.pages.vault.asset_pick import AssetPick
from app.ui.pages.vault.policy_box import PolicyBox
from app.ui.pages.vault.store_dialog import StoreDialog


class SecretEdit(QWidget):
    """A hidden password line edit with 显示 (toggle) and 生成 (from a policy) buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_box = QCheckBox(self.tr("Show"), self)
        self.generate_btn = QPushButton(self.tr("Generate"), self)
        row.addWidget(self.edit, 1)
        row.addWidget(self.show_box)
        row.addWidget(self.generate_btn)
        self.show_box.toggled.connect(lambda on: self.edit.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        self.generated = False
        self.edit.textEdited.connect(self._typed)

    def _typed(self, _text: str) -> None:
        self.generated = False

    def set_generated(self, value: str) -> None:
        """Put a generated password in."""
        self.edit.setText(value)
        self.generated = True

    def wipe(self) -> None:
        """Clear the typed value."""
        self.edit.clear()


class CredentialDialog(StoreDialog):
    """Add (``credential_id=None``) or edit an entry of the current contract.  After ``exec()``
    returns Accepted, ``saved_id`` is the entry's id."""

    def __init__(self, ctx: AppContext, credential_id: uuid.UUID | None = None, parent: QWidget | None = None,
                 *, secret: str = "", system: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.credential_id = credential_id
        self.saved_id: uuid.UUID | None = None
        self.setWindowTitle(self.tr("Edit vault entry") if credential_id else self.tr("Add vault entry"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.system, self.host, self.account = QLineEdit(system, self), QLineEdit(self), QLineEdit(self)
        self.purpose, self.owner = QLineEdit(self), QLineEdit(ctx.engineer, self)
        self.asset = AssetPick(ctx, self)
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(60)
        self.policy = PolicyBox(self)
        self.secret = SecretEdit(self)
        self.secret.edit.setText(secret)
        form.addRow(self.tr("System or device"), self.system)
        form.addRow(self.tr("Host"), self.host)
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.tr("Purpose"), self.purpose)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Asset"), self.asset)
        form.addRow(self.policy)
        if credential_id is None:
            form.addRow(self.tr("Password"), self.secret)
        else:
            self.secret.hide()
        form.addRow(self.tr("Notes"), self.notes)
        lay.addLayout(form)
        self._init_store(ctx, lay)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        lay.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.secret.generate_btn.clicked.connect(self._generate)
        if credential_id is not None:
            self._fill(credential_id)

    def _fill(self, credential_id: uuid.UUID) -> None:
        row = entries.credential_row(self.ctx.db, credential_id)
        if row is None:
            return
        self.system.setText(row.system)
        self.host.setText(row.host)
        self.account.setText(row.account)
        self.purpose.setText(row.purpose)
        self.owner.setText(row.owner)
        self.asset.set_asset(row.asset_id, row.asset_code)
        self.notes.setPlainText(row.notes)
        self.policy.set_policy(row.policy)

    def _generate(self) -> None:
        try:
            self.secret.set_generated(generate(self.policy.policy()))
        except OpsLedgerError as exc:
            self.error.show_error(exc)

    def entry(self) -> actions.CredentialInput:
        """The typed metadata and policy."""
        return actions.CredentialInput(
            self.system.text(), self.account.text(), self.host.text(), self.purpose.text(), self.owner.text(),
            self.asset.asset_code(), self.notes.toPlainText(), self.policy.policy(), self.asset.asset_id())

    def submit(self) -> None:
        """Save in one action; close on success, else show the sentence and stay open.  Adding
        runs in a worker (it stores the password): this returns at once."""
        self.error.clear_error()
        try:
            entry = self.entry()
            if self.credential_id is not None:
                self.saved_id = perform(self.ctx, actions.edit_credential, self.credential_id,
                                        actor=self.ctx.engineer, entry=entry)
                self.secret.wipe()
                self.accept()
                return
            store = backend.current(start=False).require()
        except OpsLedgerError as exc:
            self.error.show_error(exc)
            return
        db, cid, actor = self.ctx.db, self.ctx.contract_id, self.ctx.engineer
        secret, how = self.secret.edit.text(), "generated" if self.secret.generated else "typed"
        self.call.run(lambda: actions.add_credential(db, cid, store, actor=actor, entry=entry, secret=secret, how=how),
                      self._saved, self.error.show_error)

    def _saved(self, new_id: uuid.UUID) -> None:
        self.saved_id = new_id
        self.secret.wipe()
        self.accept()

    def done(self, result: int) -> None:
        """Close and forget the typed password."""
        self.secret.wipe()
        super().done(result)
