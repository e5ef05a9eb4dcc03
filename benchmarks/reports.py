"""Benchmark: time and peak memory of monthly and annual reports on a 3-year demo database.

    python benchmarks/reports.py [--db PATH] [--contract NAME] [--days N] [--formats pdf,xlsx,docx]
    python benchmarks/reports.py --synthetic      # renderer only, large synthetic document

Without ``--db`` a demo database is generated first (``opsledger demo --contract
beijing-justice-bureau-2024 --days 1095``) in a temporary folder.  Each measurement runs in a
fresh Python process so its peak RSS (``ru_maxrss``) is its own; printed are the seconds to
build the data + compose, to render, in total, and the peak RSS in MB.
Targets (issue #4): monthly PDF ≤ 1 s, annual PDF ≤ 3 s, peak < 300 MB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
t0 = time.perf_counter()
from app.store.db import open_database
from app.store.models import Contract
from app.reports.data.builder import build_report_data
from app.reports.compose.composer import compose
from app.core.periods import default_period, parse_period
from app.services.queries.lookup import get_contract
from app.reports.render.{fmt} import render_{fmt}
db = open_database({db!r}, migrate=False, lock=False)
t_import = time.perf_counter() - t0
with db.session() as s:
    c = get_contract(s, {contract!r})
    p = default_period({kind!r}, c)
    t1 = time.perf_counter()
    data = build_report_data(s, c, p)
    doc = compose(data)
    t2 = time.perf_counter()
render_{fmt}(doc, Path({out!r}))
t3 = time.perf_counter()
render_{fmt}(doc, Path({out!r}))  # again, warm: fonts registered, modules imported
warm = time.perf_counter() - t3
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(dict(period=p.key, build=t2 - t1, render=t3 - t2, total=t3 - t1, warm=warm,
                      imports=t_import, rss_mb=rss_mb, size=Path({out!r}).stat().st_size,
                      blocks=len(doc.blocks))))
"""

SYNTHETIC = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r}); sys.path.insert(0, {tests!r})
from sample_document import sample_document
from app.reports.render.{fmt} import render_{fmt}
doc = sample_document(inspection_rows={rows}, with_contents=True)
t0 = time.perf_counter()
render_{fmt}(doc, Path({out!r}))
t1 = time.perf_counter()
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(dict(period="synthetic", build=0.0, render=t1 - t0, total=t1 - t0, warm=0.0,
                      imports=0.0,
                      rss_mb=rss_mb, size=Path({out!r}).stat().st_size, blocks=len(doc.blocks))))
"""


def run_child(code: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="existing database (default: generate demo data)")
    ap.add_argument("--contract", default="beijing-justice-bureau-2024")
    ap.add_argument("--days", type=int, default=1095)
    ap.add_argument("--formats", default="pdf,xlsx,docx")
    ap.add_argument("--synthetic", action="store_true", help="renderers only, synthetic document")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="opsledger-bench-"))
    formats = [f for f in args.formats.split(",") if f]
    results = []
    if args.synthetic:
        for rows, label in ((150, "monthly-size"), (3000, "annual-size")):
            for fmt in formats:
                out = tmp / f"{label}.{fmt}"
                r = run_child(SYNTHETIC.format(root=str(ROOT), tests=str(ROOT / "tests"), fmt=fmt,
                                               rows=rows, out=str(out)))
                results.append((f"{label} ({rows} rows)", fmt, r))
    else:
        db = args.db
        if db is None:
            db = str(tmp / "bench.sqlite3")
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", "import sys; from app.cli import main; "
                            "sys.exit(main(sys.argv[1:]))", "demo", "--db", db, "--contract",
                            args.contract, "--days", str(args.days)], check=True, cwd=ROOT,
                           stdout=subprocess.DEVNULL)
            print(f"demo data: {args.days} days of {args.contract} in {time.perf_counter() - t:.1f} s")
        for kind in ("monthly", "annual"):
            for fmt in formats:
                out = tmp / f"{kind}.{fmt}"
                r = run_child(CHILD.format(root=str(ROOT), db=db, contract=args.contract,
                                           kind=kind, fmt=fmt, out=str(out)))
                results.append((kind, fmt, r))
    print("build = data + compose; render = first render in a fresh process (font loading and\n"
          "imports included); warm = the same render again in that process (as in the GUI)")
    print(f"{'report':<24}{'fmt':<6}{'period':<10}{'build s':>9}{'render s':>10}{'total s':>9}"
          f"{'warm s':>8}{'peak MB':>9}{'size KB':>9}")
    for kind, fmt, r in results:
        print(f"{kind:<24}{fmt:<6}{r['period']:<10}{r['build']:>9.2f}{r['render']:>10.2f}"
              f"{r['total']:>9.2f}{r['warm']:>8.2f}{r['rss_mb']:>9.0f}{r['size'] / 1024:>9.0f}")
    print(f"files in {tmp}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
