"""The annual PDF as a whole process against the CLI's own start, run alternately (issue #12):

* ``opsledger report --kind annual --format pdf --out F`` (``python -m app --db DB report …``)
  against ``opsledger check`` on the same database (``python -m app --db DB check``: the CLI
  starting, opening the ledger, checking it) — target: whole process ≤ 1.5× the check;
* the report work inside the process: a third process runs the same CLI command with
  ``generate_report`` and its parts timed (build = data, compose, render incl. the renderer's
  lazy imports) — target: report work ≤ 0.5 s.

The database is a 3-year Justice Bureau demo (``python -m app demo --contract
beijing-justice-bureau-2024 --days 1095``) made in a temporary folder unless ``--db`` is given.
Byte-code is cached (as after ``pip install``); the first pair is a warm-up and not counted.

    python benchmarks/report_process.py [--runs 9] [--db FILE] [--keep DIR]

Measured on the shared 2-core machine (load ≈ 4.5), 9 alternating runs, medians: before the
cuts of issue #12 (no C accelerator, font parsed per process, explained SLA clocks, default GC,
interpreter teardown) report work 0.735 s CPU, report/check 2.22× in CPU (2.30× wall); after
0.483 s CPU, 1.90× in CPU (1.79× wall).  What is left is listed in the issue's note.

Prints medians, min–max and the ratio per pair (wall clock, and CPU seconds, which other load on
the machine moves less); asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TIMED = r"""
import json, sys, time
t0 = time.perf_counter()
import app.reports.service as svc
import app.cli.report as cli_report
marks = {"build": 0.0, "compose": 0.0, "render": 0.0, "report": 0.0, "report_cpu": 0.0}
def timed(name, fn):
    def wrapper(*a, **k):
        t, c = time.perf_counter(), time.process_time()
        try:
            return fn(*a, **k)
        finally:
            marks[name] += time.perf_counter() - t
            if name == "report":
                marks["report_cpu"] += time.process_time() - c
    return wrapper
svc.build_report_data = timed("build", svc.build_report_data)
svc.compose = timed("compose", svc.compose)
renderer = svc._renderer
def timed_renderer(fmt):
    t = time.perf_counter()
    fn = renderer(fmt)
    marks["render"] += time.perf_counter() - t  # the renderer's import counts as render
    return timed("render", fn)
svc._renderer = timed_renderer
cli_report.generate_report = timed("report", svc.generate_report)
from app.cli import main
code = main(sys.argv[1:])
marks["process"] = time.perf_counter() - t0
print("MARKS " + json.dumps(marks))
sys.exit(code)
"""


def _cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the child (user + system), its stdout)."""
    c0, t0 = _cpu(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stdout}\n{proc.stderr}")
    return wall, cpu, proc.stdout


def _stats(xs: list[float]) -> str:
    return f"median {statistics.median(xs):6.3f} s  (min {min(xs):.3f}, max {max(xs):.3f})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--db", help="an existing database (default: a fresh 3-year Justice Bureau demo)")
    ap.add_argument("--keep", help="folder for the demo database, the PDF and the byte-code (kept)")
    args = ap.parse_args()
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="opsledger-report-process-"))
    tmp.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OPSLEDGER_HOME=str(tmp / "home"), PYTHONPATH=str(ROOT),
               PYTHONPYCACHEPREFIX=str(tmp / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    db = Path(args.db) if args.db else tmp / "demo-3y.sqlite3"
    if not db.exists():
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "app", "demo", "--db", str(db), "--contract",
                        "beijing-justice-bureau-2024", "--days", "1095"],
                       check=True, capture_output=True, env=env, cwd=ROOT)
        print(f"demo database: 3 years of beijing-justice-bureau-2024 in {time.perf_counter() - t:.1f} s")
    pdf = tmp / "annual.pdf"
    report = [sys.executable, "-m", "app", "--db", str(db), "report", "--kind", "annual", "--format", "pdf",
              "--out", str(pdf)]
    check = [sys.executable, "-m", "app", "--db", str(db), "check"]
    timed = [sys.executable, "-c", TIMED, "--db", str(db), "report", "--kind", "annual", "--format", "pdf",
             "--out", str(tmp / "annual-timed.pdf")]
    _run(report, env), _run(check, env), _run(timed, env)  # warm-up: byte-code, file cache
    rep, chk, ratios, rep_cpu, chk_cpu, cpu_ratios = [], [], [], [], [], []
    parts: dict[str, list[float]] = {}
    for _ in range(args.runs):
        a, a_cpu, _out = _run(report, env)
        b, b_cpu, _out = _run(check, env)
        rep.append(a), chk.append(b), ratios.append(a / b)
        rep_cpu.append(a_cpu), chk_cpu.append(b_cpu), cpu_ratios.append(a_cpu / b_cpu)
        _wall, _cpu_s, out = _run(timed, env)
        line = next(x for x in out.splitlines() if x.startswith("MARKS "))
        for k, v in json.loads(line[6:]).items():
            parts.setdefault(k, []).append(v)
    print(f"runs: {args.runs}, alternating (report, check, timed report); database {db}")
    print(f"{'opsledger check':<40}{_stats(chk)}")
    print(f"{'opsledger report --kind annual (pdf)':<40}{_stats(rep)}")
    print(f"{'ratio report / check (pair by pair)':<40}median {statistics.median(ratios):5.2f}×  "
          f"(min {min(ratios):.2f}, max {max(ratios):.2f})   target ≤ 1.5×")
    print(f"{'  CPU (user + system) of check':<40}{_stats(chk_cpu)}")
    print(f"{'  CPU of report':<40}{_stats(rep_cpu)}")
    print(f"{'  CPU ratio (less moved by other load)':<40}median {statistics.median(cpu_ratios):5.2f}×  "
          f"(min {min(cpu_ratios):.2f}, max {max(cpu_ratios):.2f})")
    print("inside the timed report process:")
    for k, label in (("report", "report work (generate_report)"), ("report_cpu", "  its CPU seconds"),
                     ("build", "  build (data)"),
                     ("compose", "  compose"), ("render", "  render (incl. renderer import)"),
                     ("process", "python start → exit of main()")):
        extra = "   target ≤ 0.5 s" if k in ("report", "report_cpu") else ""
        print(f"{label:<40}{_stats(parts[k])}{extra}")
    print(f"PDF: {pdf}")
    if not args.keep:
        shutil.rmtree(tmp / "pycache", ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
