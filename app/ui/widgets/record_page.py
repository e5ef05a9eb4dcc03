"""What the record list pages (incidents, requests, requirements) share.

A page builds ``self.ctx``, ``self.frame`` (``ListFrame``), ``self.model`` (a
``RecordTableModel``) and ``self.detail``, and implements three hooks: ``_detail_id()`` (the record
the detail pane shows), ``_show_detail(id_or_None)`` and ``_reload_options()`` (refill the
contract-dependent lists after a contract change).  ``refresh()``, the "n of m shown" label and
keyboard shortcuts are then the same everywhere.

Leaving with typed text: ``editors()`` lists the page's panes that can hold unsaved text (each
with ``is_dirty()``, ``save_typed() -> bool``, ``discard_typed()`` and ``dirty_what()``; an
editor whose text only a workflow step stores sets ``can_save = False`` and is offered Discard /
Cancel).
``has_unsaved_changes()`` says whether any does; ``confirm_leave()`` asks save / discard /
cancel and returns ``True`` when the page may be left (the main window calls it on page switch
and on close).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from app.ui.widgets.unsaved import Choice, ask_unsaved


class RecordListPage(QWidget):
    """Base of the paged record list pages; see the module docstring for the hooks."""

    _options_for: uuid.UUID | None
    _quiet = False  # True while the page itself moves the selection (no unsaved-text question)

    def _detail_id(self) -> uuid.UUID | None:
        raise NotImplementedError

    def _show_detail(self, record_id: uuid.UUID | None) -> None:
        raise NotImplementedError

    def _reload_options(self) -> None:
        raise NotImplementedError

    def editors(self) -> list[Any]:
        """The page's panes that may hold unsaved typed text (default: none)."""
        return []

    def has_unsaved_changes(self) -> bool:
        """Whether any pane of the page holds typed text not stored yet."""
        return any(e.is_dirty() for e in self.editors())

    def settle(self, editor: Any) -> bool:
        """Before ``editor`` is emptied: ask save / discard / cancel if it holds typed text;
        ``True`` when the page may go on."""
        if not editor.is_dirty():
            return True
        choice = ask_unsaved(self, editor.dirty_what(), getattr(editor, "can_save", True))
        if choice is Choice.SAVE:
            return bool(editor.save_typed())
        if choice is Choice.DISCARD:
            editor.discard_typed()
            return True
        return False

    def confirm_leave(self) -> bool:
        """Ask save / discard / cancel for each dirty pane; ``True`` when the page may be left.

        Save stores the text (a refusal is shown inline and keeps the user on the page);
        Discard reloads the pane from the ledger; Cancel stays."""
        return all(self.settle(editor) for editor in self.editors())

    def add_shortcuts(self, pairs: list[tuple[str, Callable[[], Any]]]) -> None:
        """Bind each key sequence to its slot while focus is anywhere inside the page."""
        for seq, slot in pairs:
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

    def refresh(self) -> None:
        """Reload the list (keeping the selection while it is still listed) and the detail pane;
        after a contract change, refill the contract-dependent lists first.  A pane with typed
        text keeps it (``_show_detail`` of the same record preserves it)."""
        if self.ctx.contract_id != self._options_for:  # type: ignore[attr-defined]
            self._reload_options()
        keep = self.frame.selected_id() or self._detail_id()  # type: ignore[attr-defined]
        self.model.contract_id = self.ctx.contract_id  # type: ignore[attr-defined]
        self.model.reload()  # type: ignore[attr-defined]
        if keep is not None:
            self._quiet = True
            try:
                self.frame.select_id(keep)  # type: ignore[attr-defined]
            finally:
                self._quiet = False
        self._show_detail(keep if keep is not None and self.model.row_of(keep) >= 0 else None)  # type: ignore[attr-defined]

    def _update_count(self, *_: Any) -> None:
        self.frame.count_label.setText(  # type: ignore[attr-defined]
            self.tr("%1 of %2 shown").replace("%1", str(self.model.rowCount()))  # type: ignore[attr-defined]
            .replace("%2", str(self.model.total))  # type: ignore[attr-defined]
        )
