"""Start-up time: a fresh process from launch to the main window shown (offscreen), on a demo
database of the Pinggu contract.  Prints figures; asserts nothing.

    python benchmarks/startup.py [--runs 5]
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

CHILD = r"""
import time
t0 = time.perf_counter()
from app.ui.app_setup import create_application
from app.ui.main import build_window, pick_contract
from app.store.db import open_database
app = create_application([])
t_imports = time.perf_counter()
db = open_database(DB)
window = build_window(db, pick_contract(db), "李晓明")
window.show()
app.processEvents()
t_shown = time.perf_counter()
print(f"{t_imports - t0:.3f} {t_shown - t_imports:.3f}")
db.close()
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OPSLEDGER_HOME=tmp, PYTHONPATH=str(ROOT))
        db = Path(tmp) / "demo.sqlite3"
        subprocess.run([sys.executable, "-m", "app", "demo", "--db", str(db), "--contract", "pinggu-court-2026",
                        "--days", "90"], check=True, capture_output=True, env=env, cwd=ROOT)
        totals, imports, windows = [], [], []
        for _ in range(args.runs):
            t = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", f"DB = {str(db)!r}\n" + CHILD], check=True,
                                 capture_output=True, text=True, env=env, cwd=ROOT).stdout.split()
            totals.append(time.perf_counter() - t)
            imports.append(float(out[-2]))
            windows.append(float(out[-1]))
    print(f"runs: {args.runs} (Pinggu demo database, 90 days)")
    print(f"process launch → window shown: median {statistics.median(totals):.2f} s "
          f"(min {min(totals):.2f}, max {max(totals):.2f})")
    print(f"  imports + QApplication: median {statistics.median(imports):.2f} s")
    print(f"  open database + build and show the window: median {statistics.median(windows):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
