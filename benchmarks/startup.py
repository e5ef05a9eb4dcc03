"""Start-up time against its baselines, run alternately (whole processes, medians):

* process launch → the MAIN WINDOW shown and painted with the overview (``app.ui.main.main``:
  navigation, menus, the overview's tiles laid out — ``paint_window``), then → the overview's quick
  tiles filled (``figuresChanged``) and → every tile filled (``filled``: KPIs and the trend), on a
  90-day Pinggu demo and on a 3-year Justice Bureau demo, each against a bare PySide6
  ``QMainWindow`` shown and painted (target ≤ 1.3× for the paint, issue #12 §1, §5);
* ``opsledger --version`` (``python -m app --version``) against ``python -c pass`` (target ≤ 2×).

    python benchmarks/startup.py [--runs 9] [--only 90|3y|version]

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
sys.path.insert(0, str(ROOT))

from app.core.timeutil import local_today  # noqa: E402

APP = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.cli import main as cli_main
from app.ui import main as m
paint = m.paint_window
def painted(*args, **kwargs):
    window = paint(*args, **kwargs)
    print("painted", time.time(), flush=True)
    page = window.pages["overview"]
    page.figuresChanged.connect(lambda _f: print("quick", time.time(), flush=True))
    page.filled.connect(lambda: (print("filled", time.time(), flush=True), QApplication.quit()))
    QTimer.singleShot(120000, QApplication.quit)
    return window
m.paint_window = painted
sys.exit(cli_main(["--db", sys.argv[1]]))  # what `opsledger --db FILE` runs
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
        if len(parts) == 2 and parts[0] in ("painted", "quick", "filled"):
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
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--only", choices=("90", "3y", "version"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # as installed: byte-code cached (pip compiles on install; here in the temporary folder)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OPSLEDGER_HOME=tmp, PYTHONPATH=str(ROOT),
                   PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([sys.executable, "-c", "from app import settings; settings.set_value('engineer_name', '李晓明')"],
                       check=True, env=env, cwd=ROOT)
        demos = (("90", "Pinggu demo, 90 days", ["--contract", "pinggu-court-2026", "--days", "90"]),
                 ("3y", "Justice Bureau demo, 3 years", ["--contract", "beijing-justice-bureau-2024", "--days", "1095",
                                                          "--end", local_today().isoformat()]))
        for key, title, demo in demos:
            if args.only not in (None, key):
                continue
            db = Path(tmp) / f"demo-{key}.sqlite3"
            subprocess.run([sys.executable, "-m", "app", "demo", "--db", str(db), *demo],
                           check=True, capture_output=True, env=env, cwd=ROOT)
            print(f"\nruns: {args.runs}, alternating ({title})")
            pair("app: launch → main window", [sys.executable, "-c", APP, str(db)],
                 [sys.executable, "-c", BARE], "bare PySide6 QMainWindow painted", args.runs, env, 1.3,
                 marks=("painted", "quick", "filled"), base_mark="painted")
        if args.only in (None, "version"):
            print(f"\nruns: {args.runs}, alternating")
            pair("opsledger --version", [sys.executable, "-m", "app", "--version"],
                 [sys.executable, "-c", "pass"], "python -c pass", args.runs, env, 2.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
