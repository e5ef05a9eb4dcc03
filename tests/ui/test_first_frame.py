"""The first frame does without PySide6's ``Qt`` namespace (issue #12 §1, ``app.ui.qt_ints``):
the integers it uses instead are those of the enums, and painting the main window — started as
``opsledger`` starts it — leaves ``Qt`` uncreated (checked in a clean interpreter)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from app.ui import qt_ints

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, sys
from PySide6 import QtCore
from app.ui import main as m
paint = m.paint_window
def painted(*args, **kwargs):
    window = paint(*args, **kwargs)
    nav = window.nav
    print(json.dumps({"qt_created": "Qt" in vars(QtCore), "visible": window.isVisible(),
                      "page": window.current_key(), "nav": nav.count(),
                      "tiles": len(window.pages["overview"].inspections.tiles)}), flush=True)
    sys.exit(0)
m.paint_window = painted
from app.cli import main
main([])
"""


def test_the_integers_are_those_of_the_enums() -> None:
    assert Qt.ItemDataRole.UserRole.value == qt_ints.USER_ROLE
    assert Qt.AlignmentFlag.AlignCenter.value == qt_ints.ALIGN_CENTER
    assert Qt.FocusPolicy.StrongFocus.value == qt_ints.STRONG_FOCUS
    assert Qt.ScrollBarPolicy.ScrollBarAlwaysOff.value == qt_ints.SCROLL_BAR_ALWAYS_OFF
    assert Qt.TextElideMode.ElideRight.value == qt_ints.ELIDE_RIGHT
    assert Qt.ShortcutContext.WidgetWithChildrenShortcut.value == qt_ints.WIDGET_WITH_CHILDREN_SHORTCUT


def test_painting_the_main_window_leaves_the_qt_namespace_uncreated(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OPSLEDGER_HOME=str(tmp_path / "home"),
               PYTHONPATH=str(ROOT), OPSLEDGER_DB=str(tmp_path / "ledger.sqlite3"))
    out = subprocess.run([sys.executable, "-c", CHILD], check=True, capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=120).stdout
    got = json.loads(out.strip().splitlines()[-1])
    assert got == {"qt_created": False, "visible": True, "page": "overview", "nav": 13, "tiles": 3}


def test_the_started_window_sets_what_the_integers_stand_for(main_window: object) -> None:
    page = main_window.pages["overview"]  # type: ignore[attr-defined]
    tile = page.tile("insp_todo")
    assert tile.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert page.trend.placeholder.alignment() == Qt.AlignmentFlag.AlignCenter
    assert page.sla_list.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    nav = main_window.nav  # type: ignore[attr-defined]
    assert nav.item(0).data(Qt.ItemDataRole.UserRole) == "overview"
    assert main_window.menus.actions["quit"].shortcut().toString() == "Ctrl+Q"  # type: ignore[attr-defined]
