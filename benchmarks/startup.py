"""Start-up time against its baselines, run alternately (whole processes, medians):

* process launch → the window painted (``app.ui.main.main``: the starting window, before the
  ledger and the pages load) and → the first page ready (the real ``MainWindow`` shown and
  painted) on a 90-day Pinggu demo database, against a bare PySide6 ``QMainWindow`` shown and
  painted (target ≤ 1.3× for the first paint);
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
import sys, time
from PySide6.QtWidgets import QApplication
import app.ui.starting as st
from app.ui import main as m
QApplication.exec = lambda *a: 0  # stop once the main window is up
paint, hand = st.StartingWindow.paint_now, st.StartingWindow.hand_over
def painted(self):
    paint(self); print("painted", time.time(), flush=True)
def ready(self, w):
    hand(self, w); w.repaint(); QApplication.processEvents(); print("ready", time.time(), flush=True)
st.StartingWindow.paint_now, st.StartingWindow.hand_over = painted, ready
m.main(db=sys.argv[1])
"""

BARE = r"""
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
window.repaint()
app.processEvents()
print("painted", time.time(), flush=True)
"""


def _run(cmd: list[str], env: dict[str, str]) -> dict[str | None, float]:
    """Seconds from launch to each line ``<mark> <epoch>`` the child prints; key ``None``: its exit."""
    t0 = time.time()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env, cwd=ROOT).stdout
    marks: dict[str | None, float] = {None: time.time() - t0}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("painted", "ready"):
            marks[parts[0]] = float(parts[1]) - t0
    return marks


def pair(label: str, ours: list[str], base: list[str], base_label: str, runs: int, env: dict[str, str],
         target: float, marks: tuple[str | None, ...] = (None,), base_mark: str | None = None) -> None:
    """Run ``ours`` and ``base`` alternately ``runs`` times; print medians and the ratio for each
    of ``marks`` (lines the child prints; ``None`` = process exit)."""
    _run(ours, env), _run(base, env)  # warm the file cache
    a: dict[str | None, list[float]] = {m: [] for m in marks}
    b = []
    for _ in range(runs):
        got = _run(ours, env)
        for m in marks:
            a[m].append(got[m])
        b.append(_run(base, env)[base_mark])
    mb = statistics.median(b)
    print(f"{base_label:<44} median {mb:6.3f} s (min {min(b):.3f})")
    for m in marks:
        ma = statistics.median(a[m])
        name = f"{label} ({m})" if m else label
        print(f"{name:<44} median {ma:6.3f} s (min {min(a[m]):.3f})   ratio {ma / mb:5.2f}×"
              + (f"   (target ≤ {target}×)" if m in (None, "painted") else ""))


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
        subprocess.run([sys.executable, "-c", "from app import settings; settings.set_value('engineer_name', '李晓明')"],
                       check=True, env=env, cwd=ROOT)
        pair("app: launch → window", [sys.executable, "-c", APP, str(db)],
             [sys.executable, "-c", BARE], "bare PySide6 QMainWindow painted", args.runs, env, 1.3,
             marks=("painted", "ready"), base_mark="painted")
        pair("opsledger --version", [sys.executable, "-m", "app", "--version"],
             [sys.executable, "-c", "pass"], "python -c pass", args.runs, env, 2.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
