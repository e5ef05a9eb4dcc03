"""The layers hold: nothing below app/ui imports Qt; app/ui imports neither SQLAlchemy nor the store.

Walks every module's imports with ``ast`` (top level and inside functions alike), so a lazy
``from app.store.models import Incident`` inside a slot is caught too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _offences(folder: Path, banned: tuple[str, ...]) -> list[str]:
    out = []
    files = sorted(folder.rglob("*.py"))
    assert files, f"no modules under {folder}"
    for path in files:
        for line, name in _imports(path):
            if any(name == b or name.startswith(b + ".") for b in banned):
                out.append(f"{path.relative_to(APP.parent)}:{line}: {name}")
    return out


def test_ui_imports_neither_sqlalchemy_nor_the_store() -> None:
    assert _offences(APP / "ui", ("sqlalchemy", "app.store", "alembic")) == []


@pytest.mark.parametrize("layer", ["core", "store", "services", "reports", "cli"])
def test_nothing_below_the_ui_imports_qt(layer: str) -> None:
    offences = _offences(APP / layer, ("PySide6", "app.ui"))
    if layer == "cli":  # the CLI starts the GUI: its entry point and its crash dialog only
        offences = [o for o in offences if not o.endswith((": app.ui.main", ": app.ui.crash"))]
    assert offences == []


def test_core_needs_no_session() -> None:
    assert _offences(APP / "core", ("sqlalchemy", "app.store", "app.services", "app.reports")) == []
