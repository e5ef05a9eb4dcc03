"""``python -m app`` ends a command without the interpreter's teardown (``app.cli.run``): its
output, exit code and log lines are all there, as with an ordinary exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _opsledger(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, OPSLEDGER_HOME=str(home), PYTHONPATH=str(ROOT), OPSLEDGER_LANG="en")
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120, check=False)


@pytest.mark.sqlite_only
def test_a_command_keeps_its_output_exit_code_and_log(tmp_path: Path) -> None:
    home, db = tmp_path / "home", tmp_path / "ledger.sqlite3"
    made = _opsledger(home, "demo", "--db", str(db), "--contract", "pinggu-court-2026", "--days", "3")
    assert made.returncode == 0, made.stderr
    ok = _opsledger(home, "--db", str(db), "check")
    assert ok.returncode == 0 and "integrity: ok" in ok.stdout and ok.stdout.rstrip().splitlines()[-1]
    refused = _opsledger(home, "--db", str(db), "report", "--kind", "nonsense", "--out", str(tmp_path / "r.pdf"))
    assert refused.returncode == 1 and "--kind" in refused.stderr
    log = (home / "data" / "logs" / "opsledger.log").read_text(encoding="utf-8")
    assert "refused report" in log  # written by the logging handler, flushed by the atexit handlers
