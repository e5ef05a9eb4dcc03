"""Shared GUI test fixtures (pytest-qt, offscreen) for every UI helper.

Use them from a test module with::

    from gui_helpers import ENGINEER, gui_ctx, main_window, no_modals  # noqa: F401

* ``gui_ctx`` — an ``AppContext`` over the temp database with the Pinggu contract loaded and
  the engineer ``ENGINEER`` (王建国) set (also stored as the ``engineer_name`` setting).
* ``main_window`` — the full ``MainWindow`` over ``gui_ctx``, shown offscreen; its pages are in
  ``main_window.pages[key]`` (keys: today, inspections, incidents, requests, requirements,
  worklog, reports, settings) and the inspection runner is ``main_window.runner``.
* ``no_modals`` — stubs ``QMessageBox.question`` (answers Yes) and ``information``/``warning``/
  ``critical`` (answer Ok, the texts are collected in the returned list) so nothing blocks.
* ``accept_dialog(monkeypatch, cls, fill=None)`` — makes ``cls.exec()`` call ``fill(dialog)`` and
  return Accepted instead of blocking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from app import settings
from app.db import Database
from app.models import Contract

ENGINEER = "王建国"


@pytest.fixture
def gui_ctx(db: Database, pinggu: Contract) -> Any:
    """``AppContext`` over ``db`` with Pinggu loaded and ``ENGINEER`` set."""
    from app.ui.context import AppContext, ChangeBus

    settings.set_value("engineer_name", ENGINEER)
    settings.set_value("contract_name", pinggu.name)
    return AppContext(db=db, contract_id=pinggu.id, engineer=ENGINEER, bus=ChangeBus())


@pytest.fixture
def main_window(qtbot: Any, gui_ctx: Any) -> Iterator[Any]:
    """The main window over ``gui_ctx``, shown (offscreen) and closed after the test."""
    from app.ui.app_setup import install_font
    from app.ui.main_window import MainWindow

    from PySide6.QtWidgets import QApplication

    install_font(QApplication.instance())  # type: ignore[arg-type]
    win = MainWindow(gui_ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


@pytest.fixture
def no_modals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Stub message boxes: ``question`` → Yes, others → Ok; returns the shown texts."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def _answer(button: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
        def fake(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
            shown.append(text)
            return button

        return fake

    monkeypatch.setattr(QMessageBox, "question", _answer(QMessageBox.StandardButton.Yes))
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, _answer(QMessageBox.StandardButton.Ok))
    return shown


def accept_dialog(monkeypatch: pytest.MonkeyPatch, cls: type, fill: Callable[[Any], None] | None = None) -> list[Any]:
    """Make ``cls.exec()`` run ``fill(dialog)`` then return Accepted; returns the dialogs seen."""
    from PySide6.QtWidgets import QDialog

    seen: list[Any] = []

    def fake_exec(self: Any) -> int:
        seen.append(self)
        if fill is not None:
            fill(self)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(cls, "exec", fake_exec)
    return seen
