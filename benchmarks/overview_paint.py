"""How long the overview (总览) takes to fill on a big database: a fresh process per run, from the
main window shown to (a) its first paint, (b) the quick tiles filled (inspections, incidents,
SLA watch, what is due) and (c) every tile filled (the KPIs and the 12-month trend from the
report builder).  Baseline, run alternately: a bare ``QMainWindow`` shown and painted.  Prints
medians and ratios; asserts nothing.

    python benchmarks/overview_paint.py [--db demo.sqlite3] [--runs 5]

Without ``--db`` a 3-year Justice Bureau demo ending today is generated in a temporary folder
(``opsledger demo --contract beijing-justice-bureau-2024 --days 1095 --end <today>``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core.timeutil import local_today  # noqa: E402

CHILD = r"""
import sys, time
from PySide6.QtCore import QTimer
from app.ui.app_setup import create_application
from app.ui.main import build_window, pick_contract
from app.store.db import open_database
app = create_application([])
db = open_database(sys.argv[1])
window = build_window(db, pick_contract(db), "王建国")
page = window.pages["overview"]
marks = {}
page.figuresChanged.connect(lambda _f: marks.setdefault("quick", time.perf_counter()))
page.filled.connect(lambda: (marks.setdefault("all", time.perf_counter()), app.quit()))
QTimer.singleShot(30000, app.quit)
t_show = time.perf_counter()
window.show()
app.processEvents()
window.repaint()
marks["paint"] = time.perf_counter()
app.exec()
print(" ".join(f"{marks.get(k, float('nan')) - t_show:.4f}" for k in ("paint", "quick", "all")))
db.close()
"""

BASELINE = r"""
import time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1200, 780)
t_show = time.perf_counter()
w.show()
app.processEvents()
w.repaint()
print(f"{time.perf_counter() - t_show:.4f}")
"""


def _run(code: str, *args: str) -> list[float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    return [float(x) for x in out.stdout.split()[-3:]] if args else [float(out.stdout.split()[-1])]


def main() -> int:
    """Run the measurement (see module doc)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = str(Path(tmp) / "demo.sqlite3")
            subprocess.run([sys.executable, "-m", "app", "demo", "--db", db, "--contract",
                            "beijing-justice-bureau-2024", "--days", "1095", "--end", local_today().isoformat()],
                           check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        os.environ.setdefault("OPSLEDGER_HOME", tmp)
        base, paint, quick, full = [], [], [], []
        for _ in range(args.runs):
            base += _run(BASELINE)
            p, q, a = _run(CHILD, db)
            paint.append(p)
            quick.append(q)
            full.append(a)
    med = statistics.median
    b = med(base)
    print(f"bare window shown → painted:      {b * 1000:7.1f} ms")
    print(f"overview shown → painted:         {med(paint) * 1000:7.1f} ms  ({med(paint) / b:.1f}×)")
    print(f"overview shown → quick tiles:     {med(quick) * 1000:7.1f} ms")
    print(f"overview shown → every tile:      {med(full) * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
