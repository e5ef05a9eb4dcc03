"""Combo boxes and checkable lists over ``(value, label)`` pairs.

``QComboBox.findData`` compares Python objects such as ``uuid.UUID`` by identity, so ids read in
another transaction are not found; ``find_data``/``set_combo`` compare by equality.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QWidget


def combo(parent: QWidget, items: Iterable[tuple[Any, str]], none_label: str | None = None) -> QComboBox:
    """A combo of ``items``; with ``none_label`` a leading entry whose data is ``None``."""
    cb = QComboBox(parent)
    if none_label is not None:
        cb.addItem(none_label, None)
    for code, label in items:
        cb.addItem(label, code)
    return cb


def refill(cb: QComboBox | None, items: Iterable[tuple[Any, str]]) -> None:
    """Replace the items of ``cb`` with ``items``, keeping a leading “all/none” entry (data None);
    no signals are emitted."""
    if cb is None:
        return
    keep = 1 if cb.count() and cb.itemData(0) is None else 0
    cb.blockSignals(True)
    while cb.count() > keep:
        cb.removeItem(cb.count() - 1)
    for code, label in items:
        cb.addItem(label, code)
    cb.setCurrentIndex(0)
    cb.blockSignals(False)


def find_data(cb: QComboBox, value: Any) -> int:
    """Index of the item whose data equals ``value`` (by ``==``), or -1."""
    for i in range(cb.count()):
        if cb.itemData(i) == value:
            return i
    return -1


def set_combo(cb: QComboBox, value: Any) -> bool:
    """Select the item whose data equals ``value``; ``False`` (selection unchanged) if none."""
    i = find_data(cb, value)
    if i >= 0:
        cb.setCurrentIndex(i)
    return i >= 0


class MultiPick(QListWidget):
    """A checkable list of ``(id, label)``; ``checked()`` returns the ids."""

    def __init__(self, items: Iterable[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_items(items)
        self.setMaximumHeight(90)

    def set_items(self, items: Iterable[tuple[Any, str]]) -> None:
        """Replace the list (all unchecked)."""
        self.clear()
        for value, label in items:
            it = QListWidgetItem(label, self)
            it.setData(Qt.ItemDataRole.UserRole, value)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)

    def checked(self) -> list[Any]:
        """The checked values, in list order."""
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, values: Iterable[Any]) -> None:
        """Check exactly ``values``."""
        wanted = list(values)
        for i in range(self.count()):
            it = self.item(i)
            it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in wanted
                             else Qt.CheckState.Unchecked)
