"""Shared GUI test fixtures (pytest-qt, offscreen) for every UI helper.

Use them from a test module with::

    from tests.ui.gui_helpers import ENGINEER, accept_dialog

The fixtures ``gui_ctx``, ``main_window`` and ``no_modals`` live in ``tests/ui/conftest.py``.

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

from collections.abc import Callable
from typing import Any

import pytest

ENGINEER = "王建国"


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
