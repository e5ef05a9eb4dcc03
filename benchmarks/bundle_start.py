"""The PyInstaller bundle starts as fast as the source install: ``opsledger --version`` and
``opsledger check`` (opens a database) from ``dist/opsledger`` against ``python -m app``,
alternately, medians and ratios.  Build first: ``pyinstaller build.spec``.

    python benchmarks/bundle_start.py [--dist dist/opsledger] [--runs 7]
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


def _secs(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=ROOT)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dist", default=str(ROOT / "dist" / "opsledger"))
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    exe = str(Path(args.dist) / "opsledger")
    size = sum(f.stat().st_size for f in Path(args.dist).rglob("*") if f.is_file() and not f.is_symlink()) / 1e6
    print(f"bundle {args.dist}: {size:.0f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, OPSLEDGER_HOME=tmp, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
        db = str(Path(tmp) / "b.sqlite3")
        subprocess.run([sys.executable, "-m", "app", "demo", "--db", db, "--contract", "pinggu-court-2026",
                        "--days", "10"], check=True, capture_output=True, env=env, cwd=ROOT)
        for label, tail in (("--version", ["--version"]), ("check --db", ["check", "--db", db])):
            ours, src = [], []
            for _ in range(args.runs):
                ours.append(_secs([exe, *tail], env))
                src.append(_secs([sys.executable, "-m", "app", *tail], env))
            a, b = statistics.median(ours), statistics.median(src)
            print(f"opsledger {label:<12} bundle {a:6.3f} s   source {b:6.3f} s   ratio {a / b:5.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
