"""Print the structure figures issue #7 tracks: long modules, long functions, UI database use.

Usage: ``python3 tools/code_figures.py [ROOT]`` (ROOT defaults to the repository's ``app/``).

Prints, in this order:
- modules over ``MAX_MODULE_LINES`` lines (generated migrations listed but marked), longest first;
- functions/methods over ``MAX_FUNCTION_LINES`` lines (``def`` line to last line, via ``ast``),
  with whether their docstring gives a reason (the house rule allows a long function that says why);
- under ``app/ui``: the number of ``<expr>.session(...)`` calls and of modules importing ``sqlalchemy``
  or ``app.store`` (the architecture wants both at zero);
- a one-line summary.

Exit code 0 always: these are figures to report, not a gate (ruff and mypy are the gate).
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60
REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class LongFunction:
    """A function longer than the limit: where it is, its qualified name, its length in lines."""

    path: Path
    lineno: int
    name: str
    lines: int
    has_docstring: bool


def python_files(root: Path) -> list[Path]:
    """Every ``*.py`` below ``root``, sorted, skipping caches."""
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def long_modules(files: list[Path]) -> list[tuple[Path, int]]:
    """``(path, line count)`` of the modules over ``MAX_MODULE_LINES``, longest first."""
    sized = [(p, len(p.read_text(encoding="utf-8").splitlines())) for p in files]
    return sorted(((p, n) for p, n in sized if n > MAX_MODULE_LINES), key=lambda t: -t[1])


def long_functions(files: list[Path]) -> list[LongFunction]:
    """Functions and methods (nested ones included) over ``MAX_FUNCTION_LINES``, longest first."""
    found: list[LongFunction] = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found.extend(_walk(path, tree, ""))
    return sorted(found, key=lambda f: -f.lines)


def _walk(path: Path, node: ast.AST, prefix: str) -> list[LongFunction]:
    out: list[LongFunction] = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.ClassDef):
            out.extend(_walk(path, child, f"{prefix}{child.name}."))
        elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            name = f"{prefix}{child.name}"
            length = (child.end_lineno or child.lineno) - child.lineno + 1
            if length > MAX_FUNCTION_LINES:
                out.append(LongFunction(path, child.lineno, name, length,
                                        ast.get_docstring(child) is not None))
            out.extend(_walk(path, child, f"{name}."))
        else:
            out.extend(_walk(path, child, prefix))
    return out


def ui_database_use(ui_root: Path) -> tuple[int, list[Path]]:
    """``(session calls, modules importing sqlalchemy or app.store)`` under ``ui_root``.

    A session call is any ``<expr>.session(...)`` in the syntax tree, so a docstring that names
    ``session()`` does not count."""
    sessions = 0
    importers: list[Path] = []
    for path in python_files(ui_root):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        imports_store = False
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "session":
                sessions += 1
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] == "sqlalchemy" or n.startswith("app.store") for n in names):
                imports_store = True
        if imports_store:
            importers.append(path)
    return sessions, importers


def main(argv: list[str]) -> int:
    """Print the figures for ``argv[0]`` (default ``app/``); returns 0."""
    root = Path(argv[0]) if argv else REPO / "app"
    files = python_files(root)
    rel = lambda p: p.relative_to(REPO) if p.is_relative_to(REPO) else p  # noqa: E731
    modules = long_modules(files)
    print(f"modules over {MAX_MODULE_LINES} lines: {len(modules)}")
    for path, n in modules:
        mark = "  (generated migration)" if "migrations" in path.parts else ""
        print(f"  {n:5d}  {rel(path)}{mark}")
    functions = long_functions(files)
    print(f"functions over {MAX_FUNCTION_LINES} lines: {len(functions)}")
    for f in functions:
        doc = "" if f.has_docstring else "  (no docstring)"
        print(f"  {f.lines:5d}  {rel(f.path)}:{f.lineno} {f.name}{doc}")
    sessions, importers = ui_database_use(root / "ui")
    print(f"app/ui: {sessions} .session() calls; {len(importers)} modules import "
          f"sqlalchemy/app.store")
    for path in importers:
        print(f"  {rel(path)}")
    print(f"summary: {len(modules)} modules > {MAX_MODULE_LINES} lines, {len(functions)} functions "
          f"> {MAX_FUNCTION_LINES} lines, {sessions} UI session sites, {len(importers)} UI modules "
          f"importing the store")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
