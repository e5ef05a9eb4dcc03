"""GUI test fixtures (pytest-qt, offscreen): ``gui_ctx``, ``main_window``, ``no_modals``.

* ``gui_ctx`` — an ``AppContext`` over the temp database with the Pinggu contract loaded and
  the engineer ``ENGINEER`` (王建国) set.
* ``main_window`` — the full ``MainWindow`` over ``gui_ctx``, shown offscreen.
* ``no_modals`` — stubs ``QMessageBox`` so nothing blocks; returns the texts shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from app import settings
from app.store.db import Database
from app.store.models import Contract
from tests.ui.gui_helpers import ENGINEER


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
    from PySide6.QtWidgets import QApplication

    from app.ui.app_setup import install_font
    from app.ui.main_window import MainWindow

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
