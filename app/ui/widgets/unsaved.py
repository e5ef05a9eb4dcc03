"""Asking what to do with typed text that is not stored yet: save, discard or cancel."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class Choice(Enum):
    """The user's answer to :func:`ask_unsaved`."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget | None, what: str) -> Choice:
    """Ask (modal, Save default) whether to save ``what`` (e.g. ``"INC-2026-0001"``) before going on.

    Escape or closing the box is Cancel; Yes (a stubbed box in tests) counts as Save.
    """
    title = QCoreApplication.translate("Unsaved", "Unsaved changes")
    text = QCoreApplication.translate("Unsaved", "%1 has changes that are not saved. Save them?").replace("%1", what)
    buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
               | QMessageBox.StandardButton.Cancel)
    answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.Save)
    if answer in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Yes):
        return Choice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Choice.DISCARD
    return Choice.CANCEL
