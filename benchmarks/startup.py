"""Start-up time against its baselines, run alternately (whole processes, medians):

* process launch → main window shown and painted (offscreen) on a 90-day Pinggu demo database,
  against a bare PySide6 ``QMainWindow`` shown and painted (target ≤ 1.3×);
* ``opsledger --version`` (``python -m app --version``) against ``python -c pass`` (target ≤ 2×).

    python benchmarks/startup.py [--runs 7]

Prints figures and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

APP = r"""
import sys
from app.ui.app_setup import create_application
from app.ui.main import build_window, pick_contract
from app.store.db import open_database
app = create_application([])
db = open_database(sys.argv[1])
window = build_window(db, pick_contract(db), "李晓明")
window.show()
window.repaint()
app.processEvents()
"""

BARE = r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
window.repaint()
app.processEvents()
"""


def _run(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=ROOT)
    return time.perf_counter() - t


def pair(label: str, ours: list[str], base: list[str], base_label: str, runs: int, env: dict[str, str],
         target: float) -> None:
    """Run ``ours`` and ``base`` alternately ``runs`` times; print medians and the ratio."""
    _run(ours, env), _run(base, env)  # warm the file cache
    a, b = [], []
    for _ in range(runs):
        a.append(_run(ours, env))
        b.append(_run(base, env))
    ma, mb = statistics.median(a), statistics.median(b)
    print(f"{label:<40} median {ma:6.3f} s (min {min(a):.3f})")
    print(f"{base_label:<40} median {mb:6.3f} s (min {min(b):.3f})")
    print(f"  ratio {ma / mb:5.2f}×   (target ≤ {target}×)")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OPSLEDGER_HOME=tmp, PYTHONPATH=str(ROOT))
        db = Path(tmp) / "demo.sqlite3"
        subprocess.run([sys.executable, "-m", "app", "demo", "--db", str(db), "--contract", "pinggu-court-2026",
                        "--days", "90"], check=True, capture_output=True, env=env, cwd=ROOT)
        print(f"runs: {args.runs}, alternating (Pinggu demo database, 90 days)")
        pair("app: launch → main window painted", [sys.executable, "-c", APP, str(db)],
             [sys.executable, "-c", BARE], "bare PySide6 QMainWindow painted", args.runs, env, 1.3)
        pair("opsledger --version", [sys.executable, "-m", "app", "--version"],
             [sys.executable, "-c", "pass"], "python -c pass", args.runs, env, 2.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
