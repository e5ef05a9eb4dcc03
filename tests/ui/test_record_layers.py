"""The record pages hold no session: no module of theirs imports SQLAlchemy or the store, at the
top or inside a function, and none opens ``db.session()``."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "app" / "ui"
RECORD_UI = [*sorted((UI / "pages" / "incident").rglob("*.py")), *sorted((UI / "pages" / "servicedesk").rglob("*.py")),
             *sorted((UI / "widgets").rglob("*.py")), UI / "itemmodels" / "record_models.py",
             *(UI / "pages" / f"{n}.py" for n in ("incidents", "requests", "requirements", "worklog"))]


def test_record_ui_imports_neither_sqlalchemy_nor_the_store() -> None:
    offences = []
    for path in RECORD_UI:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            offences += [f"{path.name}:{node.lineno} {n}" for n in names
                         if n.split(".")[0] == "sqlalchemy" or n == "app.store" or n.startswith("app.store.")]
        if ".session()" in path.read_text(encoding="utf-8"):
            offences.append(f"{path.name}: opens a session")
    assert len(RECORD_UI) > 15 and offences == []


def test_record_forms_is_gone_and_no_module_is_over_500_lines() -> None:
    assert not (UI / "pages" / "record_forms.py").exists()
    long = [p.name for p in RECORD_UI if len(p.read_text(encoding="utf-8").splitlines()) > 500]
    assert long == []
