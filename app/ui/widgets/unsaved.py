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


def ask_unsaved(parent: QWidget | None, what: str, can_save: bool = True) -> Choice:
    """Ask (modal, Save default) whether to save ``what`` (e.g. ``"INC-2026-0001"``) before going on.

    Escape or closing the box is Cancel; Yes (a stubbed box in tests) counts as Save.  With
    ``can_save`` false (text that is only stored by a workflow step, such as a request's
    resolution) the box offers Discard and Cancel only, Cancel the default.
    """
    title = QCoreApplication.translate("Unsaved", "Unsaved changes")
    Btn = QMessageBox.StandardButton
    if not can_save:
        text = QCoreApplication.translate(
            "Unsaved", "%1 has text that is not stored yet. Discard it?").replace("%1", what)
        answer = QMessageBox.question(parent, title, text, Btn.Discard | Btn.Cancel, Btn.Cancel)
        return Choice.DISCARD if answer in (Btn.Discard, Btn.Yes) else Choice.CANCEL
    text = QCoreApplication.translate("Unsaved", "%1 has changes that are not saved. Save them?").replace("%1", what)
    answer = QMessageBox.question(parent, title, text, Btn.Save | Btn.Discard | Btn.Cancel, Btn.Save)
    if answer in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Yes):
        return Choice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Choice.DISCARD
    return Choice.CANCEL
