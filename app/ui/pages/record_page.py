"""What the record list pages (incidents, requests, requirements) share.

A page builds ``self.ctx``, ``self.frame`` (``ListFrame``), ``self.model`` (a
``RecordTableModel``) and ``self.detail``, and implements three hooks: ``_detail_id()`` (the record
the detail pane shows), ``_show_detail(id_or_None)`` and ``_reload_options()`` (refill the
contract-dependent lists after a contract change).  ``refresh()``, the "n of m shown" label and
keyboard shortcuts are then the same everywhere.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


class RecordListPage(QWidget):
    """Base of the paged record list pages; see the module docstring for the hooks."""

    _options_for: uuid.UUID | None

    def _detail_id(self) -> uuid.UUID | None:
        raise NotImplementedError

    def _show_detail(self, record_id: uuid.UUID | None) -> None:
        raise NotImplementedError

    def _reload_options(self) -> None:
        raise NotImplementedError

    def add_shortcuts(self, pairs: list[tuple[str, Callable[[], Any]]]) -> None:
        """Bind each key sequence to its slot while focus is anywhere inside the page."""
        for seq, slot in pairs:
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

    def refresh(self) -> None:
        """Reload the list (keeping the selection while it is still listed) and the detail pane;
        after a contract change, refill the contract-dependent lists first."""
        if self.ctx.contract_id != self._options_for:  # type: ignore[attr-defined]
            self._reload_options()
        keep = self.frame.selected_id() or self._detail_id()  # type: ignore[attr-defined]
        self.model.contract_id = self.ctx.contract_id  # type: ignore[attr-defined]
        self.model.reload()  # type: ignore[attr-defined]
        if keep is not None:
            self.frame.select_id(keep)  # type: ignore[attr-defined]
        self._show_detail(keep if keep is not None and self.model.row_of(keep) >= 0 else None)  # type: ignore[attr-defined]

    def _update_count(self, *_: Any) -> None:
        self.frame.count_label.setText(  # type: ignore[attr-defined]
            self.tr("%1 of %2 shown").replace("%1", str(self.model.rowCount()))  # type: ignore[attr-defined]
            .replace("%2", str(self.model.total))  # type: ignore[attr-defined]
        )
