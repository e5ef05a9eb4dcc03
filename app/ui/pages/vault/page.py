"""密码库 page: the contract's accounts with their due state, show/copy, rotate and history.

司法局 §2.3.1.4 (manage the user names and passwords of every server and database, complexity
and rotation periods).  The top line says where passwords are kept (which keyring, or the KDBX
file unlocked/locked, or why the keyring was refused) with the buttons to choose.  The list is a
few dozen rows per contract, so it is one table filled from ``vault.entries.list_credentials``.
A password is shown masked until 显示 is clicked (hidden again after 30 s) and copied with the
clipboard cleared after 30 s; each show and copy is an audit event (``reveal_secret``).
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.timeutil import fmt_local
from app.core.vocab import RotationHow, SecretStoreKind, label_of
from app.errors import OpsLedgerError
from app.services.vault import actions, backend, entries
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.pages.vault.clipboard import CLEAR_AFTER_MS, SecretClipboard
from app.ui.pages.vault.entry_dialog import CredentialDialog
from app.ui.pages.vault.kdbx_dialog import KdbxDialog
from app.ui.pages.vault.rotate_dialog import RotateDialog
from app.ui.widgets.errors import InlineError

MASK = "••••••••"
STATE_COLOURS = {
    "overdue": "#f8d7da", "due": "#ffe5b4", "upcoming": "#fff3cd", "ok": "#d4edda", "never": "#e9ecef",
}


class VaultPage(QWidget):
    """The 密码库 page over ``ctx`` (current contract)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vault = backend.current()  # probes the keyring on the first page build (at start)
        self.rows: list[entries.CredentialRow] = []
        self.clipboard = SecretClipboard(self)
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
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.table = self._table([self.tr("Due state"), self.tr("Next change"), self.tr("System or device"),
                                  self.tr("Host"), self.tr("Account"), self.tr("Owner"), self.tr("Asset code"),
                                  self.tr("Last changed")])
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _i: self.edit_entry())
        split.addWidget(self.table)
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
        self.message = InlineError(self)
        low.addWidget(self.message)
        self.note = QLabel(self)
        low.addWidget(self.note)
        low.addWidget(QLabel(self.tr("Rotation history (who and when; never the password)"), self))
        self.history = self._table([self.tr("Changed at"), self.tr("By"), self.tr("How"),
                                    self.tr("Due before"), self.tr("Due after"), self.tr("Note")])
        low.addWidget(self.history, 1)
        split.addWidget(lower)
        lay.addWidget(split, 1)
        self.refresh()

    # -- construction -------------------------------------------------------------------------
    def _status_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setObjectName("vaultStatus")
        self.status.setWordWrap(True)
        self.keyring_btn = QPushButton(self.tr("Use system keyring"), self)
        self.kdbx_btn = QPushButton(self.tr("Use KDBX file…"), self)
        self.lock_btn = QPushButton(self.tr("Lock"), self)
        row.addWidget(self.status, 1)
        for b in (self.keyring_btn, self.kdbx_btn, self.lock_btn):
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

    def _table(self, headers: list[str]) -> QTableWidget:
        t = QTableWidget(0, len(headers), self)
        t.setHorizontalHeaderLabels(headers)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.verticalHeader().hide()
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(True)
        return t

    # -- state ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the status line and the list (keeping the selection)."""
        status = self.vault.status()
        self.status.setText(status.text)
        self.status.setStyleSheet("" if status.ready else "color: #c62828;")
        self.lock_btn.setEnabled(status.kind == SecretStoreKind.KDBX and status.ready)
        keep = self.current_id()
        self.rows = entries.list_credentials(self.ctx.db, self.ctx.contract_id, search=self.search.text())
        self.table.setRowCount(len(self.rows))
        for n, r in enumerate(self.rows):
            values = [entries.due_label(r.due_state), r.next_due_on.isoformat() if r.next_due_on else "—",
                      r.system, r.host, r.account, r.owner, r.asset_code or "",
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

    def current_id(self) -> uuid.UUID | None:
        """The selected entry's id, or None."""
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows) or not self.table.selectionModel().hasSelection():
            return None
        return self.rows[row].id

    def select_account(self, account: str) -> None:
        """Select the first row of ``account`` (tests, the guard's move)."""
        for n, r in enumerate(self.rows):
            if r.account == account:
                self.table.selectRow(n)
                return

    def _selected(self) -> None:
        self._mask()
        cid = self.current_id()
        for b in (self.edit_btn, self.show_btn, self.copy_btn, self.rotate_btn, self.delete_btn):
            b.setEnabled(cid is not None)
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

    def _run(self, fn: object) -> bool:
        self.message.clear_error()
        try:
            fn()  # type: ignore[operator]
        except OpsLedgerError as exc:
            self.message.show_error(exc)
            return False
        return True

    # -- backend choice -------------------------------------------------------------------------
    def use_keyring(self) -> None:
        """Probe the system keyring again and use it if it is accepted (the choice is saved)."""
        self.vault.use_keyring(remember=True)
        self.refresh()

    def use_kdbx(self) -> None:
        """Choose and unlock the KDBX file (explicit user choice)."""
        dialog = KdbxDialog(str(self.vault.kdbx_path or ""), self)
        dialog.exec()
        self.refresh()

    def lock(self) -> None:
        """Lock the KDBX file (forget its master password)."""
        self.vault.lock()
        self.refresh()

    # -- actions --------------------------------------------------------------------------------
    def add_entry(self) -> None:
        """Open the add dialog; select the new entry."""
        dialog = CredentialDialog(self.ctx, None, self)
        if dialog.exec() and dialog.saved_id:
            self.refresh()

    def edit_entry(self) -> None:
        """Open the edit dialog of the selected entry."""
        cid = self.current_id()
        if cid is not None and CredentialDialog(self.ctx, cid, self).exec():
            self.refresh()

    def show_secret(self) -> None:
        """Show the selected password (audited); masked again after 30 s or on selection change."""
        cid = self.current_id()
        if cid is None:
            return

        def reveal() -> None:
            value = perform(self.ctx, actions.reveal_secret, cid, self.vault.require(),
                            actor=self.ctx.engineer, purpose="view")
            self.secret_label.setText(value)
            self.mask_timer.start()

        self._run(reveal)

    def copy_secret(self) -> None:
        """Copy the selected password (audited); the clipboard is cleared after 30 s."""
        cid = self.current_id()
        if cid is None:
            return

        def copy() -> None:
            self.clipboard.copy(perform(self.ctx, actions.reveal_secret, cid, self.vault.require(),
                                        actor=self.ctx.engineer, purpose="copy"))
            self.note.setText(self.tr("Copied; the clipboard is cleared in 30 seconds."))

        self._run(copy)

    def rotate_entry(self) -> None:
        """Open the rotate dialog of the selected entry."""
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
        if answer == QMessageBox.StandardButton.Yes and self._run(
                lambda: perform(self.ctx, actions.delete_credential, cid, self.vault.require(),
                                actor=self.ctx.engineer)):
            self.refresh()

    def export_kdbx(self) -> None:
        """Export every entry with its password into a new KDBX file for KeePassXC."""
        name, _f = QFileDialog.getSaveFileName(self, self.tr("Export to KDBX"), "opsledger-vault.kdbx",
                                               self.tr("KeePass files (*.kdbx)"))
        if not name:
            return
        master, ok = QInputDialog.getText(self, self.tr("Export to KDBX"),
                                          self.tr("Master password of the new file:"), QLineEdit.EchoMode.Password)
        if not ok:
            return

        def export() -> None:
            n = perform(self.ctx, actions.export_vault, self.ctx.contract_id, self.vault.require(), Path(name),
                        master, actor=self.ctx.engineer)
            self.note.setText(self.tr("Exported %1 entries to %2.").replace("%1", str(n)).replace("%2", name))

        self._run(export)
