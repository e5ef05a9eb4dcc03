"""The CI gate (issue #7): a new lint or type finding in app/ fails, clean code passes, and
``.ci/run`` runs the gate before the tests with the bundle test as its own step."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _ruff(code: str, filename: str = "app/new_module.py") -> subprocess.CompletedProcess[str]:
    """``ruff check`` of ``code`` as if it were the file ``filename``, with the project's rules."""
    return subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
         "--stdin-filename", filename, "-"],
        input=code, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)


CLEAN = '''"""A clean module."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def total_minutes(parts: list[int]) -> int:
    """Sum of ``parts`` (minutes)."""
    return sum(parts)
'''


def test_clean_module_passes() -> None:
    proc = _ruff(CLEAN)
    assert proc.returncode == 0, proc.stdout


@pytest.mark.parametrize(("snippet", "code"), [
    ('import sys\n\n\ndef f() -> None:\n    print("x", file=sys.stderr)\n', "T201"),
    ("def f() -> None:\n    try:\n        g()\n    except Exception:\n        pass\n", "BLE001"),
    ("import yaml\n\n\ndef f(t: str) -> object:\n    return yaml.load(t)\n", "S506"),
    ("from datetime import datetime\n\n\ndef f() -> datetime:\n    return datetime.now()\n",
     "DTZ005"),
    ("import os, sys\n", "E401"),
])
def test_new_finding_fails(snippet: str, code: str) -> None:
    proc = _ruff(snippet)
    assert proc.returncode == 1
    assert f" {code} " in proc.stdout


def test_new_type_error_fails(tmp_path: Path) -> None:
    """mypy with the project's settings: even an unannotated function's body is checked
    (``check_untyped_defs``), so a wrong argument there fails too."""
    module = tmp_path / "new_module.py"
    module.write_text("def minutes(x: int) -> int:\n    return x\n\n\n"
                      "def untyped():\n    return minutes('90')\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", str(tmp_path / "cache"),
         str(module)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "new_module.py:6: error:" in proc.stdout and "[arg-type]" in proc.stdout


def test_ci_runs_the_gate_before_the_tests_and_the_bundle_on_its_own() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    order = [script.index(step) for step in
             ("python3 -m ruff check", "python3 -m mypy", 'run_pytest "quick suite" "not bundle"',
              'run_pytest "bundle" "bundle"')]
    assert order == sorted(order)
    bundle_test = (ROOT / "tests" / "packaging" / "test_bundle.py").read_text(encoding="utf-8")
    assert "pytestmark = pytest.mark.bundle" in bundle_test
