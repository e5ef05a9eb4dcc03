"""Pick the asset of a vault entry from the register: a combo whose text searches code and name.

Items are the contract's assets (``queries.options.record_options(...).assets``: ``(id, "code
name")``) after a leading 无 (no asset).  Typing filters by any part of the text (a completer
matching contains, case-insensitive).  An entry whose stored code matches no asset (kept by
migration 0010) shows that code as its own item "code (not in the register)" so that editing the
entry keeps it instead of dropping it silently.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from app.services.queries.options import record_options
from app.ui.context import AppContext
from app.ui.widgets.pickers import set_combo

KEPT = "kept-code"


class AssetPick(QComboBox):
    """``asset_id()``/``asset_code()`` give the pick for ``vault.actions.CredentialInput``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        edit = self.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(self.tr("Type to search code or name"))
        self.addItem(self.tr("(no asset)"), None)
        for asset_id, text in record_options(ctx.db, ctx.contract_id).assets:
            self.addItem(text, asset_id)
        done = QCompleter(self.model(), self)
        done.setFilterMode(Qt.MatchFlag.MatchContains)
        done.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        done.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(done)
        self._kept: str | None = None

    def set_asset(self, asset_id: uuid.UUID | None, code: str | None) -> None:
        """Select ``asset_id``; with none but a ``code``, show the kept code as its own item."""
        if asset_id is not None and set_combo(self, asset_id):
            return
        if code:
            self._kept = code
            self.addItem(self.tr("%1 (not in the register)").replace("%1", code), KEPT)
            self.setCurrentIndex(self.count() - 1)
            return
        self.setCurrentIndex(0)

    def _data(self) -> Any:
        text = self.currentText().strip()
        if not text:
            return None
        i = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        return self.itemData(i) if i >= 0 else text

    def asset_id(self) -> uuid.UUID | None:
        """The picked asset's id, or None (no asset, or the kept code)."""
        data = self._data()
        return data if isinstance(data, uuid.UUID) else None

    def asset_code(self) -> str | None:
        """The kept code when that item is picked; a typed text that is no item (the action
        then looks it up as a code, and refuses it when no asset has it); else None."""
        data = self._data()
        if data == KEPT:
            return self._kept
        return data if isinstance(data, str) else None
