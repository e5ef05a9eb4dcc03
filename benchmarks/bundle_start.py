"""The PyInstaller bundle starts as fast as the source install: ``opsledger --version`` and
``opsledger check`` (opens a database) from ``dist/opsledger`` against ``python -m app`` (byte-code
cached, as installed), alternately, medians and ratios; ``python -c pass`` is run alongside for
the ``--version`` target (≤ 2×).  Build first: ``pyinstaller build.spec``.

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
        env = dict(os.environ, OPSLEDGER_HOME=tmp, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
                   PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # the source install as pip leaves it: .pyc cached
        db = str(Path(tmp) / "b.sqlite3")
        subprocess.run([sys.executable, "-m", "app", "demo", "--db", db, "--contract", "pinggu-court-2026",
                        "--days", "10"], check=True, capture_output=True, env=env, cwd=ROOT)
        for label, tail in (("--version", ["--version"]), ("check --db", ["check", "--db", db])):
            _secs([exe, *tail], env), _secs([sys.executable, "-m", "app", *tail], env)  # warm the caches
            ours, src, bare = [], [], []
            for _ in range(args.runs):
                ours.append(_secs([exe, *tail], env))
                src.append(_secs([sys.executable, "-m", "app", *tail], env))
                if label == "--version":
                    bare.append(_secs([sys.executable, "-c", "pass"], env))
            a, b = statistics.median(ours), statistics.median(src)
            pairs = [o / s for o, s in zip(ours, src, strict=True)]  # run by run: the machine's drift cancels
            print(f"opsledger {label:<12} bundle {a:6.3f} s   source {b:6.3f} s   ratio {a / b:5.2f}×"
                  f"   (pairwise median {statistics.median(pairs):4.2f}×, {min(pairs):4.2f}–{max(pairs):4.2f}×,"
                  f" {len(pairs)} runs; target ≤ 1×)")
            if bare:
                c = statistics.median(bare)
                print(f"{'':22}python -c pass {c:6.3f} s   bundle/pass {a / c:5.2f}×   source/pass {b / c:5.2f}×"
                      "   (target ≤ 2×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
