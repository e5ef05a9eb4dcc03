"""密码库 page: the contract's accounts with their due state, show/copy, rotate and history.

司法局 §2.3.1.4 (manage the user names and passwords of every server and database, complexity
and rotation periods).  The top line says where passwords are kept (which keyring, or the KDBX
file unlocked/locked, or why the keyring was refused) with the buttons to choose.  The list is a
few dozen rows per contract, so it is one table filled from ``vault.entries.list_credentials``.
A password is shown masked until 显示 (hidden again after 30 s), copied with the clipboard cleared
after 30 s; each show and copy is an audit event (``reveal_secret``).

No keyring or KDBX call runs on the GUI thread (``worker.VaultCall``): the probe at start, 使用系统
密钥环, show, copy, delete and export run in a worker while the page shows its busy state (a
moving bar, the action buttons disabled) and keeps answering; a refusal or a timeout is a
sentence with the fallback offer (KDBX).  A KDBX file locks after the idle period (5 min) and on 锁定.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.timeutil import fmt_local
from app.core.vocab import RotationHow, SecretStoreKind, label_of
from app.errors import OpsLedgerError
from app.services.vault import actions, backend, entries
from app.services.vault.backend import VaultUnavailable
from app.ui.context import AppContext
from app.ui.pages.vault.asset_accounts import STATE_COLOURS, read_only_table
from app.ui.pages.vault.clipboard import CLEAR_AFTER_MS, SecretClipboard
from app.ui.pages.vault.entry_dialog import CredentialDialog
from app.ui.pages.vault.idle_box import IdleLockBox
from app.ui.pages.vault.orphans_box import OrphansBox
from app.ui.pages.vault.rotate_dialog import RotateDialog
from app.ui.pages.vault.store_choice import StoreChoice
from app.ui.pages.vault.worker import VaultCall, VaultMessage

MASK = "••••••••"


class VaultPage(StoreChoice, QWidget):
    """The 密码库 page over ``ctx`` (current contract)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vault = backend.current(start=False)  # the keyring is probed below, in a worker
        self.call = VaultCall(ctx, self)
        self.call.busyChanged.connect(self._busy)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self._idle_check)
        self.rows: list[entries.CredentialRow] = []
        self.clipboard = SecretClipboard(self)  # also cleared on 锁定 and on quit
        self.mask_timer = QTimer(self)
        self.mask_timer.setSingleShot(True)
        self.mask_timer.setInterval(CLEAR_AFTER_MS)
        self.mask_timer.timeout.connect(self._mask)
        lay = QVBoxLayout(self)
        lay.addLayout(self._status_row())
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search system, host, account, owner or asset code"))
        self.search.textChanged.connect(self.refresh)
        lay.addWidget(self.search)
        self.unmatched = QLabel(self)
        self.unmatched.setWordWrap(True)
        self.unmatched.setStyleSheet("color: #8a6d3b;")
        self.unmatched.hide()
        lay.addWidget(self.unmatched)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.table = read_only_table(self, [self.tr("Due state"), self.tr("Next change"), self.tr("System or device"),
                                  self.tr("Host"), self.tr("Account"), self.tr("Owner"), self.tr("Asset"),
                                  self.tr("Last changed")])
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _i: self.edit_entry())
        split.addWidget(self.table)
        lower = self._lower()
        split.addWidget(lower)
        lay.addWidget(split, 1)
        self.refresh()
        if not self.vault.started:
            self._probe(remember=False)

    # -- construction -------------------------------------------------------------------------
    def _lower(self) -> QWidget:
        lower = QWidget(self)
        low = QVBoxLayout(lower)
        low.setContentsMargins(0, 0, 0, 0)
        low.addLayout(self._action_row())
        secret_row = QHBoxLayout()
        self.secret_label = QLabel(MASK, self)
        self.secret_label.setObjectName("secret")
        self.secret_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.secret_label.setStyleSheet("font-family: monospace; font-size: 13pt;")
        secret_row.addWidget(QLabel(self.tr("Password:"), self))
        secret_row.addWidget(self.secret_label, 1)
        low.addLayout(secret_row)
        self.message = VaultMessage(self)
        self.message.fallbackRequested.connect(self.use_kdbx)
        low.addWidget(self.message)
        self.orphans_box = OrphansBox(self)
        self.orphans_box.cleanRequested.connect(self.clean_orphans)
        low.addWidget(self.orphans_box)
        self.note = QLabel(self)
        low.addWidget(self.note)
        low.addWidget(QLabel(self.tr("Rotation history (who and when; never the password)"), self))
        self.history = read_only_table(self, [self.tr("Changed at"), self.tr("By"), self.tr("How"),
                                    self.tr("Due before"), self.tr("Due after"), self.tr("Note")])
        low.addWidget(self.history, 1)
        return lower

    def _status_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setObjectName("vaultStatus")
        self.status.setWordWrap(True)
        self.keyring_btn = QPushButton(self.tr("Use system keyring"), self)
        self.kdbx_btn = QPushButton(self.tr("Use KDBX file…"), self)
        self.lock_btn = QPushButton(self.tr("Lock"), self)
        self.lock_btn.setToolTip(self.tr("Lock the KDBX file now; its master password is asked again"))
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setFormat("")
        self.busy_bar.hide()
        self.busy_label = QLabel(self.tr("Waiting for the secret store…"), self)
        self.busy_label.hide()
        row.addWidget(self.status, 1)
        row.addWidget(self.busy_label)
        row.addWidget(self.busy_bar)
        self.idle_box = IdleLockBox(self)
        self.idle_box.changed.connect(lambda _m: self._arm_idle())
        for b in (self.keyring_btn, self.kdbx_btn, self.idle_box, self.lock_btn):
            row.addWidget(b)
        self.keyring_btn.clicked.connect(self.use_keyring)
        self.kdbx_btn.clicked.connect(self.use_kdbx)
        self.lock_btn.clicked.connect(self.lock)
        return row

    def _action_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_btn = QPushButton(self.tr("Add…"), self)
        self.edit_btn = QPushButton(self.tr("Edit…"), self)
        self.show_btn = QPushButton(self.tr("Show"), self)
        self.copy_btn = QPushButton(self.tr("Copy"), self)
        self.copy_btn.setToolTip(self.tr("Copy the password; the clipboard is cleared after 30 seconds"))
        self.rotate_btn = QPushButton(self.tr("Change password…"), self)
        self.export_btn = QPushButton(self.tr("Export to KDBX…"), self)
        self.delete_btn = QPushButton(self.tr("Delete"), self)
        for b, slot in ((self.add_btn, self.add_entry), (self.edit_btn, self.edit_entry),
                        (self.show_btn, self.show_secret), (self.copy_btn, self.copy_secret),
                        (self.rotate_btn, self.rotate_entry), (self.export_btn, self.export_kdbx),
                        (self.delete_btn, self.delete_entry)):
            row.addWidget(b)
            b.clicked.connect(slot)
        row.addStretch(1)
        return row

    # -- state ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the status line and the list (keeping the selection)."""
        status = self.vault.status()
        self.status.setText(status.text)
        self.status.setStyleSheet("" if status.ready or self.vault.checking else "color: #c62828;")
        self.lock_btn.setVisible(status.kind == SecretStoreKind.KDBX)
        self.idle_box.setVisible(status.kind == SecretStoreKind.KDBX)
        self.lock_btn.setEnabled(status.ready and not self.call.busy)
        self._arm_idle()
        self.orphans_box.check()
        keep = self.current_id()
        self.rows = entries.list_credentials(self.ctx.db, self.ctx.contract_id, search=self.search.text())
        self.table.setRowCount(len(self.rows))
        for n, r in enumerate(self.rows):
            values = [entries.due_label(r.due_state), r.next_due_on.isoformat() if r.next_due_on else "—",
                      r.system, r.host, r.account, r.owner, self._asset_text(r),
                      fmt_local(r.last_changed_at) if r.last_changed_at else "—"]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(r.id))
                if col == 0:
                    item.setBackground(QColor(STATE_COLOURS.get(r.due_state, "#ffffff")))
                self.table.setItem(n, col, item)
            if keep == r.id:
                self.table.selectRow(n)
        self._selected()
        unmatched = [r.asset_code for r in self.rows if r.asset_code and r.asset_id is None]
        self.unmatched.setVisible(bool(unmatched))
        self.unmatched.setText(self.tr("Asset codes not in the register (kept as typed; pick the asset in Edit): %1")
                               .replace("%1", ", ".join(sorted(set(unmatched)))))

    def _asset_text(self, r: entries.CredentialRow) -> str:
        if not r.asset_code:
            return ""
        if r.asset_id is None:
            return self.tr("%1 (not in the register)").replace("%1", r.asset_code)
        return f"{r.asset_code} {r.asset_name}".strip()

    def current_id(self) -> uuid.UUID | None:
        """The selected entry's id, or None."""
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows) or not self.table.selectionModel().hasSelection():
            return None
        return self.rows[row].id

    def select_account(self, account: str) -> None:
        """Select the first row of ``account`` (tests, the guard's move)."""
        self._select(lambda r: r.account == account)

    def show_record(self, credential_id: object) -> None:
        """Select the entry ``credential_id`` (an overview due item, an asset's 账号 tab)."""
        if all(r.id != credential_id for r in self.rows):
            self.search.clear()
        self._select(lambda r: r.id == credential_id)

    def _select(self, wanted: Callable[[entries.CredentialRow], bool]) -> None:
        n = next((n for n, r in enumerate(self.rows) if wanted(r)), -1)
        if n >= 0:
            self.table.selectRow(n)

    def _selected(self) -> None:
        self._mask()
        cid = self.current_id()
        for b in (self.edit_btn, self.show_btn, self.copy_btn, self.rotate_btn, self.delete_btn):
            b.setEnabled(cid is not None and not self.call.busy)
        history = entries.rotation_history(self.ctx.db, cid) if cid else []
        self.history.setRowCount(len(history))
        for n, h in enumerate(history):
            for col, text in enumerate((fmt_local(h.at), h.actor, label_of(RotationHow, h.how),
                                        h.previous_due_on.isoformat() if h.previous_due_on else "—",
                                        h.next_due_on.isoformat() if h.next_due_on else "—", h.note)):
                self.history.setItem(n, col, QTableWidgetItem(text))

    def _mask(self) -> None:
        self.secret_label.setText(MASK)
        self.mask_timer.stop()

    def _busy(self, on: bool) -> None:
        self.busy_bar.setVisible(on)
        self.busy_label.setVisible(on)
        for b in (self.keyring_btn, self.kdbx_btn, self.add_btn, self.export_btn):
            b.setEnabled(not on)
        self._selected()
        self.lock_btn.setEnabled(not on and self.vault.status().ready)

    def _store(self) -> backend.SecretStore | None:
        """The usable store, or None with the sentence and the offer shown (also after an idle lock)."""
        self.message.clear_error()
        try:
            return self.vault.require()
        except VaultUnavailable as exc:
            self.refresh()
            self.message.show_error(exc)
            return None

    def _fail(self, exc: OpsLedgerError) -> None:
        self.refresh()
        self.message.show_error(exc)

    def _idle_check(self) -> None:
        if self.call.busy:
            self.idle_timer.start(1000)
        elif self.vault.lock_if_idle():
            self.lock()
            self.note.setText(self.tr("The KDBX file was locked after %1 minutes without use.")
                              .replace("%1", f"{self.vault.idle_lock_minutes:g}"))
        else:
            self.refresh()

    # -- actions --------------------------------------------------------------------------------
    def add_entry(self) -> None:
        """Open the add dialog (it stores the password in a worker); select the new entry."""
        dialog = CredentialDialog(self.ctx, None, self)
        if dialog.exec() and dialog.saved_id:
            self.refresh()

    def edit_entry(self) -> None:
        """Open the edit dialog of the selected entry (metadata only: no secret-store call)."""
        cid = self.current_id()
        if cid is not None and CredentialDialog(self.ctx, cid, self).exec():
            self.refresh()

    def clean_orphans(self) -> None:
        """清理: remove from the keyring the secrets the ledger does not know (in a worker)."""
        store = self._store()
        if store is not None:
            db, actor = self.ctx.db, self.ctx.engineer
            self.call.run(lambda: actions.clean_keyring_orphans(db, store, actor=actor),
                          lambda _n: self.refresh(), self._fail)

    def _reveal(self, purpose: str, shown: object) -> None:
        cid = self.current_id()
        store = self._store() if cid is not None else None
        if cid is None or store is None:
            return
        db, actor = self.ctx.db, self.ctx.engineer
        self.call.run(lambda: actions.reveal_secret(db, cid, store, actor=actor, purpose=purpose),
                      shown, self._fail)

    def show_secret(self) -> None:
        """Show the selected password (audited); masked again after 30 s or on selection change."""
        def shown(value: str) -> None:
            self.secret_label.setText(value)
            self.mask_timer.start()
            self._arm_idle()

        self._reveal("view", shown)

    def copy_secret(self) -> None:
        """Copy the selected password (audited); the clipboard is cleared after 30 s."""
        def copied(value: str) -> None:
            self.clipboard.copy(value)
            self.note.setText(self.tr("Copied; the clipboard is cleared in 30 seconds."))
            self._arm_idle()

        self._reveal("copy", copied)

    def rotate_entry(self) -> None:
        """Open the rotate dialog of the selected entry (it stores the password in a worker)."""
        cid = self.current_id()
        if cid is None:
            return
        dialog = RotateDialog(self.ctx, cid, self)
        if dialog.exec():
            self.note.setText(self.tr("Password changed; next change due %1.")
                              .replace("%1", str(dialog.new_due or "—")))
            self.refresh()

    def delete_entry(self) -> None:
        """Delete the selected entry and its password, after a question."""
        cid = self.current_id()
        if cid is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete vault entry"),
                                      self.tr("Delete this entry and its password from the secret store?"))
        store = self._store() if answer == QMessageBox.StandardButton.Yes else None
        if store is None:
            return
        db, actor = self.ctx.db, self.ctx.engineer
        self.call.run(lambda: actions.delete_credential(db, cid, store, actor=actor),
                      lambda _v: self.refresh(), self._fail)

    def export_kdbx(self) -> None:
        """Export every entry with its password into a new KDBX file for KeePassXC (in a worker)."""
        name, _f = QFileDialog.getSaveFileName(self, self.tr("Export to KDBX"), "opsledger-vault.kdbx",
                                               self.tr("KeePass files (*.kdbx)"))
        if not name:
            return
        master, ok = QInputDialog.getText(self, self.tr("Export to KDBX"),
                                          self.tr("Master password of the new file:"), QLineEdit.EchoMode.Password)
        store = self._store() if ok else None
        if store is None:
            return
        db, cid, actor = self.ctx.db, self.ctx.contract_id, self.ctx.engineer

        def exported(n: int) -> None:
            self.note.setText(self.tr("Exported %1 entries to %2.").replace("%1", str(n)).replace("%2", name))

        self.call.run(lambda: actions.export_vault(db, cid, store, Path(name), master, actor=actor),
                      exported, self._fail)
