"""``tools/code_figures.py``: the structure figures issue #7 reports (long modules and functions,
database use under app/ui) are counted right on a small tree."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def figures() -> ModuleType:
    """The script loaded as a module (registered, as its dataclass needs)."""
    spec = importlib.util.spec_from_file_location("code_figures", ROOT / "tools" / "code_figures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["code_figures"] = module
    spec.loader.exec_module(module)
    return module


def _function(name: str, body_lines: int, doc: bool = False) -> str:
    head = f"def {name}():\n" + ('    """Why it is long."""\n' if doc else "")
    return head + "".join(f"    x{i} = {i}\n" for i in range(body_lines))


def test_long_modules_and_functions(figures: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "short.py").write_text(_function("ok", 59), encoding="utf-8")
    long_text = "class Page:\n" + "".join(
        "    " + line + "\n" for line in _function("build", 70, doc=True).splitlines())
    long_text += "\n" * 450
    (tmp_path / "long.py").write_text(long_text, encoding="utf-8")

    files = figures.python_files(tmp_path)
    assert [p.name for p, _ in figures.long_modules(files)] == ["long.py"]
    found = figures.long_functions(files)
    assert [(f.name, f.lines, f.has_docstring) for f in found] == [("Page.build", 72, True)]


def test_ui_database_use(figures: ModuleType, tmp_path: Path) -> None:
    ui = tmp_path / "ui"
    ui.mkdir()
    (ui / "page.py").write_text(
        "def f(db):\n    from sqlalchemy import select\n    with db.session() as s:\n"
        "        return s\n", encoding="utf-8")
    (ui / "clean.py").write_text('"""Never calls ``db.session()`` itself."""\n'
                                 "from app.services import ledger\n", encoding="utf-8")
    (ui / "store.py").write_text("import app.store.models\n", encoding="utf-8")
    sessions, importers = figures.ui_database_use(ui)
    assert sessions == 1
    assert sorted(p.name for p in importers) == ["page.py", "store.py"]
