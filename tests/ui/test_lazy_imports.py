"""Start-up loads what the first page needs: the main window imports no report, Excel, Word,
schema or migration library, and ``opsledger --version`` imports nothing of the app but its
package and its CLI entry (each checked in a clean interpreter)."""

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
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
window.close()
db.close()
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
    loaded = set(json.loads(out.strip().splitlines()[-1]))
    assert "PySide6" in loaded  # the window really was built
    assert not loaded & set(HEAVY), f"imported at start: {sorted(loaded & set(HEAVY))}"


def test_version_imports_nothing_of_the_app(tmp_path: Path) -> None:
    code = ("import runpy, sys\nsys.argv = ['opsledger', '--version']\n"
            "try:\n    runpy.run_module('app', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m == 'app' or m.startswith('app.')))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                         env=_env(tmp_path), cwd=ROOT, timeout=60).stdout
    assert out.splitlines()[0] == "opsledger 0.1.0"
    assert out.splitlines()[-1] == "['app', 'app.cli']"
