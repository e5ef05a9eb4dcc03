"""Start-up loads what the first page needs: the main window imports no report, Excel, Word,
schema or migration library and none of the other pages' modules until they are visited; the
window paints before SQLAlchemy and the ledger load; ``opsledger --version`` imports nothing of
the app but its package and its CLI entry (each checked in a clean interpreter)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.store.db import open_database
from tests.conftest import load_contract

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("reportlab", "openpyxl", "docx", "jsonschema", "alembic")

CHILD = r"""
import json, sys
from app.ui.app_setup import create_application
from app.ui.main import build_window, pick_contract
from app.store.db import open_database
app = create_application([])
db = open_database(sys.argv[1])
window = build_window(db, pick_contract(db), "李晓明")
window.show()
app.processEvents()
from app.ui.page_table import PAGES, RUNNER
def page_modules():
    return sorted(s.path.split(":")[0] for s in (*PAGES, RUNNER) if s.path.split(":")[0] in sys.modules)
at_start = page_modules()
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
visited = {}
for spec in PAGES[1:]:
    window.show_page(spec.key)
    visited[spec.key] = [spec.path.split(":")[0] in sys.modules, window.current_key()]
print(json.dumps({"at_start": at_start, "visited": visited}))
window.close()
db.close()
"""

PAINT = r"""
import json, sys
from app.ui.app_setup import create_application
from app.ui.main import paint_window
app = create_application([])
window = paint_window("李晓明")
print(json.dumps({"visible": window.isVisible(), "page": window.current_key(),
                  "modules": sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "alembic")
                                    or m.startswith("app.store") or m == "app.services.ledger")}))
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", OPSLEDGER_HOME=str(tmp_path / "home"),
                PYTHONPATH=str(ROOT))


@pytest.mark.sqlite_only
def test_main_window_starts_without_the_heavy_libraries(tmp_path: Path) -> None:
    file = tmp_path / "ledger.sqlite3"
    db = open_database(file)
    load_contract(db)
    db.close()
    out = subprocess.run([sys.executable, "-c", CHILD, str(file)], check=True, capture_output=True, text=True,
                         env=_env(tmp_path), cwd=ROOT, timeout=120).stdout
    lines = out.strip().splitlines()
    loaded = set(json.loads(lines[-2]))
    assert "PySide6" in loaded  # the window really was built
    assert not loaded & set(HEAVY), f"imported at start: {sorted(loaded & set(HEAVY))}"
    pages = json.loads(lines[-1])
    assert pages["at_start"] == ["app.ui.pages.overview.page"]  # no other page, no runner
    assert pages["visited"] == {key: [True, key] for key in pages["visited"]}  # each imported when shown
    assert len(pages["visited"]) == 12


@pytest.mark.sqlite_only
def test_main_window_paints_before_sqlalchemy_and_the_ledger_load(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-c", PAINT], check=True, capture_output=True, text=True,
                         env=_env(tmp_path), cwd=ROOT, timeout=120).stdout
    got = json.loads(out.strip().splitlines()[-1])
    assert got == {"visible": True, "page": "overview", "modules": []}


def test_version_imports_nothing_of_the_app(tmp_path: Path) -> None:
    code = ("import runpy, sys\nsys.argv = ['opsledger', '--version']\n"
            "try:\n    runpy.run_module('app', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m == 'app' or m.startswith('app.')))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                         env=_env(tmp_path), cwd=ROOT, timeout=60).stdout
    assert out.splitlines()[0] == "opsledger 0.1.0"
    assert out.splitlines()[-1] == "['app', 'app.cli']"
