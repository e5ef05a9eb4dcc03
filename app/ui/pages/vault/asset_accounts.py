"""账号 tab of the asset detail: the vault entries of one asset — system, account, host, next due
and due state, never a secret (司法局 §2.3.1.4: the user names of every server and database).

Read through ``vault.entries.asset_accounts``; double-click (or Enter) emits
``credentialRequested(id)`` so the window can open the entry on the 密码库 page.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.services.vault import entries
from app.ui.context import AppContext

STATE_COLOURS = {
    "overdue": "#f8d7da", "due": "#ffe5b4", "upcoming": "#fff3cd", "ok": "#d4edda", "never": "#e9ecef",
}


def read_only_table(parent: QWidget, headers: list[str]) -> QTableWidget:
    """A read-only, single-row-selecting table with ``headers`` (the vault's lists)."""
    t = QTableWidget(0, len(headers), parent)
    setup_table(t, headers)
    return t


def setup_table(t: QTableWidget, headers: list[str]) -> None:
    """Headers, no editing, whole-row single selection, columns fitted, the last one stretched."""
    t.setColumnCount(len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)


class AssetAccounts(QTableWidget):
    """The accounts of the asset given to :meth:`show_asset`; ``count`` rows after it."""

    credentialRequested = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.ctx = ctx
        setup_table(self, [self.tr("System or device"), self.tr("Account"), self.tr("Host"),
                           self.tr("Next change"), self.tr("Due state")])
        self.itemActivated.connect(lambda it: self.credentialRequested.emit(it.data(Qt.ItemDataRole.UserRole)))
        self.count = 0

    def show_asset(self, asset_id: uuid.UUID | None) -> int:
        """Show the accounts of ``asset_id`` (None: none); returns how many."""
        rows = entries.asset_accounts(self.ctx.db, asset_id) if asset_id is not None else []
        self.setRowCount(len(rows))
        for n, r in enumerate(rows):
            values = (r.system, r.account, r.host, r.next_due_on.isoformat() if r.next_due_on else "—",
                      entries.due_label(r.due_state))
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                if col == 4:
                    item.setBackground(QColor(STATE_COLOURS.get(r.due_state, "#ffffff")))
                self.setItem(n, col, item)
        self.count = len(rows)
        return self.count
