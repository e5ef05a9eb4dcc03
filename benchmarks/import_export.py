"""Benchmark: export and import of 10,000 incidents against raw openpyxl over the same cell values.

Run: ``python benchmarks/import_export.py [N] [--rounds R] [--tracemalloc] [--guards]``.

One setup process seeds a database of ``N`` incidents (default 10,000) and exports it once; the
cell values of that workbook are what the baselines write and read.  Then, ``R`` times (default
5), each in its own process and alternately: the baseline export (openpyxl ``write_only`` + lxml
writing the same cell values), our export (``export_incidents``), the baseline import (openpyxl
``read_only`` reading every cell value of the file), our import (``import_incidents`` into a
fresh database — a copy of a template the setup migrated and loaded — committed).  Each process prints the seconds of its step and its peak memory
during the step: the RSS high-water mark (``VmHWM``, reset through ``/proc/self/clear_refs``
just before the step, so it is the process's resident size at the step's worst moment); with
``--tracemalloc`` also the peak of Python allocations made by the step (tracing slows every
step 2–3×).  Seconds are wall-clock and process CPU: on a shared machine the wall-clock of one
run swings with the other processes' load (a single pair of runs gave export ratios of 1.06 and
1.71), CPU seconds much less, so both medians and every round's ratio are printed.  The summary
prints the medians, the ratios ours / baseline (target ≤ 1.3×) and the peaks (target ≤ 150 MB).  ``--guards`` also times the refusal of a 1 GB zip bomb and the dry run of the largest
file the guard admits.

Both imports read the same file, our export of the setup: since the export declares each sheet's
size (``<dimension>``), openpyxl's ``read_only`` opening no longer parses every sheet once just to
size it — for the baseline as for us (like with like: the baseline's read got ~1.5 s faster too,
so the import ratio rose while our import's own time fell by as much).
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("OPSLEDGER_TZ", "Asia/Shanghai")

from app import paths  # noqa: E402
from app.core.timeutil import LOCAL_TZ, as_utc, utcnow  # noqa: E402
from app.services.contract.profiles import import_profile, load_profile_file  # noqa: E402
from app.services.queries.lookup import engineers_by_name, get_contract, services_by_code  # noqa: E402
from app.services.transfer.record_export import export_incidents  # noqa: E402
from app.services.transfer.record_import import import_incidents  # noqa: E402
from app.store.db import open_database  # noqa: E402
from app.store.models import Incident, IncidentEvent, IncidentService  # noqa: E402


def peak_rss_mb() -> float:
    """This process's RSS high-water mark in MB: ``VmHWM`` from ``/proc/self/status`` on Linux
    (``ru_maxrss`` would include the parent's size carried across fork+exec), else
    ``resource.getrusage`` (KiB on Linux)."""
    try:
        with Path("/proc/self/status").open(encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> None:
    """Reset the RSS high-water mark to the current RSS (Linux ≥ 4.0: ``5`` → ``clear_refs``), so
    the next ``peak_rss_mb`` is the step's own peak; elsewhere the process peak stays."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")


TRACE = "--tracemalloc" in sys.argv


def step(name: str, fn):  # type: ignore[no-untyped-def]
    """Time ``fn()`` and print ``RESULT <name> <seconds> <peak MB>`` (peak during the step)."""
    gc.collect()
    reset_peak()
    if TRACE:
        tracemalloc.start()
    t0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    traced = ""
    if TRACE:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        traced = f" python-peak {peak / 1e6:.1f}"
    print(f"RESULT {name} {secs:.3f} {cpu:.3f} {peak_rss_mb():.1f}{traced}")
    return result


def load(db: Any) -> Any:
    with db.session() as s:
        return import_profile(s, load_profile_file(paths.resources_dir() / "profiles/pinggu-court-2026.yaml"),
                              actor="bench")


def seed(db, n: int) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        c = get_contract(s)
        svc = list(services_by_code(s, c).values())
        eng = list(engineers_by_name(s, c).values())
        now = utcnow()
        base = datetime(2026, 5, 4, 8, 0, tzinfo=LOCAL_TZ)
        parents: list[Any] = []
        children: list[Any] = []
        for i in range(n):
            occurred = as_utc(base + timedelta(minutes=37 * i))
            closed = i % 3 != 0
            inc = Incident(
                id=uuid.uuid4(), number=f"INC-2026-{i + 1:05d}", contract_id=c.id,
                title=f"故障 {i} 业务系统响应缓慢", description=f"第{i}条\n多行描述 " * 5,
                severity=("P1", "P2", "P3")[i % 3], source="phone", status="closed" if closed else "new",
                reporter_name="张三", occurred_at=occurred, reported_at=occurred + timedelta(minutes=5),
                responded_at=occurred + timedelta(minutes=15) if closed else None,
                restored_at=occurred + timedelta(minutes=95) if closed else None,
                closed_at=occurred + timedelta(hours=5) if closed else None,
                assignee_id=eng[i % len(eng)].id, cause="原因" if closed else "", resolution="处理" if closed else "",
                created_at=now, updated_at=now,
            )
            parents.append(inc)
            children.append(IncidentService(incident_id=inc.id, service_id=svc[i % len(svc)].id,
                                            downtime_start=occurred, downtime_end=inc.restored_at))
            children.append(IncidentEvent(incident_id=inc.id, at=inc.reported_at, kind="created", to_status="new"))
            if closed:
                for st, at in (("in_progress", inc.responded_at), ("restored", inc.restored_at),
                               ("closed", inc.closed_at)):
                    children.append(IncidentEvent(incident_id=inc.id, at=at, kind="status", to_status=st))
        s.add_all(parents)
        s.flush()
        s.add_all(children)


def make_bomb(path: Path, size_bytes: int = 1_000_000_000) -> Path:
    """A workbook whose only sheet inflates to ``size_bytes`` (about 1000:1)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            block = b" " * (1 << 20)
            for _ in range(size_bytes >> 20):
                fh.write(block)
    return path


def phase_setup(tmp: Path, n: int) -> None:
    """Seed the source database and export it once: the workbook whose cell values the baselines
    write (pickled, so the baseline process loads them before its step) and read."""
    src = open_database(tmp / "src.sqlite3")
    load(src)
    t0 = time.perf_counter()
    seed(src, n)
    print(f"seeded {n} incidents in {time.perf_counter() - t0:.1f} s")
    with src.session() as s:
        export_incidents(s, get_contract(s), date(2026, 1, 1), date(2027, 12, 31), tmp / "faults.xlsx")
    src.close()
    template = open_database(tmp / "template.sqlite3")  # migrated and loaded once; each import copies it
    load(template)
    template.close()
    with (tmp / "values.pickle").open("wb") as fh:
        pickle.dump(_cell_values(tmp / "faults.xlsx"), fh)
    print(f"workbook {(tmp / 'faults.xlsx').stat().st_size / 1e6:.1f} MB")


def phase_export(tmp: Path, n: int) -> None:
    src = open_database(tmp / "src.sqlite3")
    out = tmp / "ours.xlsx"

    def do_export() -> Path:
        with src.session() as s:
            return export_incidents(s, get_contract(s), date(2026, 1, 1), date(2027, 12, 31), out)

    step("export", do_export)
    src.close()


def phase_import(tmp: Path, n: int) -> None:
    """Import into a fresh database (a copy of the migrated, loaded template made by the setup),
    committed."""
    target = tmp / "dst.sqlite3"
    for f in tmp.glob("dst.sqlite3*"):
        f.unlink()
    shutil.copyfile(tmp / "template.sqlite3", target)
    dst = open_database(target)

    def do_import() -> int:
        with dst.session() as s:
            return import_incidents(s, get_contract(s), tmp / "faults.xlsx").count

    count = step("import", do_import)
    if count != n:
        raise SystemExit(f"imported {count} of {n}")
    dst.close()


def phase_bomb(tmp: Path, n: int) -> None:
    bomb = make_bomb(tmp / "bomb.xlsx")
    db3 = open_database(tmp / "bomb.sqlite3")
    load(db3)

    def do_bomb() -> str:
        try:
            with db3.session() as s:
                import_incidents(s, get_contract(s), bomb)
        except Exception as exc:  # noqa: BLE001 - report the refusal
            return str(exc)
        return "ACCEPTED (unexpected)"

    msg = step("refuse_1GB_zip_bomb", do_bomb)
    print(f"{'':<34} {bomb.stat().st_size / 1e6:.1f} MB file → {msg}")
    db3.close()


def phase_biggest(tmp: Path, n: int) -> None:
    """The largest file the guard lets through (180,000 rows, ~48 MB unpacked): check only."""
    from openpyxl import Workbook

    path = tmp / "biggest.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["故障标题", "故障级别", "发生时间", "故障描述"])
    for i in range(180_000):
        ws.append([f"标题{i}", "P2", datetime(2026, 5, 6, 9, 0), f"desc {i} "])
    wb.save(path)
    db4 = open_database(tmp / "big.sqlite3")
    load(db4)

    def do_check() -> int:
        with db4.session() as s:
            return import_incidents(s, get_contract(s), path, dry_run=True).count

    count = step("dry_run_180000_rows", do_check)
    print(f"{'':<34} {path.stat().st_size / 1e6:.1f} MB file, {count} rows accepted")
    db4.close()


def _cell_values(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet's cell values of ``path`` (read-only), for the raw-openpyxl baselines."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    out = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    wb.close()
    return out


def phase_export_base(tmp: Path, n: int) -> None:
    """Baseline: openpyxl ``write_only`` (lxml) writing the same cell values as the export."""
    from openpyxl import Workbook

    with (tmp / "values.pickle").open("rb") as fh:
        sheets = pickle.load(fh)  # noqa: S301 - our own file of this run

    def write() -> None:
        wb = Workbook(write_only=True)
        for title, rows in sheets.items():
            ws = wb.create_sheet(title)
            for r in rows:
                ws.append(r)
        wb.save(tmp / "base.xlsx")

    step("export_base", write)


def phase_import_base(tmp: Path, n: int) -> None:
    """Baseline: openpyxl ``read_only`` reading every cell value of the exported file."""
    step("import_base", lambda: _cell_values(tmp / "faults.xlsx"))


PHASES = {"setup": phase_setup, "export": phase_export, "export_base": phase_export_base, "import": phase_import,
          "import_base": phase_import_base, "bomb": phase_bomb, "biggest": phase_biggest}
ROUND = ("export_base", "export", "import_base", "import")


def _run(phase: str, tmp: Path, n: int) -> str:
    flags = ["--tracemalloc"] if TRACE else []
    return subprocess.run([sys.executable, __file__, phase, str(tmp), str(n), *flags], check=True,
                          capture_output=True, text=True).stdout


def _ratio(values: dict[str, list[float]], ours: str, base: str, what: str) -> str:
    """``median ours / median baseline`` and the per-round ratios, as one line of text."""
    a, b = statistics.median(values[ours]), statistics.median(values[base])
    rounds = ", ".join(f"{x / y:.2f}" for x, y in zip(values[ours], values[base], strict=True))
    return f"{what} median {a:.2f} s vs raw openpyxl {b:.2f} s → ratio {a / b:.2f}× (target ≤ 1.3×; rounds {rounds})"


def main() -> None:
    """Each phase in its own process (its own memory peak); the timed pairs alternate."""
    argv = sys.argv[1:]
    rounds = 5
    if "--rounds" in argv:
        i = argv.index("--rounds")
        rounds = int(argv[i + 1])
        del argv[i:i + 2]
    args = [a for a in argv if not a.startswith("--")]
    if args and args[0] in PHASES:
        tmp, n = Path(args[1]), int(args[2])
        paths.init_paths(tmp / "home")
        PHASES[args[0]](tmp, n)
        return
    n = int(args[0]) if args else 10_000
    tmp = Path(tempfile.mkdtemp(prefix="opsledger-bench-"))
    print(_run("setup", tmp, n), end="")
    secs: dict[str, list[float]] = {p: [] for p in ROUND}
    cpus: dict[str, list[float]] = {p: [] for p in ROUND}
    peaks: dict[str, list[float]] = {p: [] for p in ROUND}
    for r in range(rounds):
        for phase in ROUND:
            for line in _run(phase, tmp, n).splitlines():
                if line.startswith("RESULT "):
                    _tag, name, t, cpu, peak, *rest = line.split()
                    secs[name].append(float(t))
                    cpus[name].append(float(cpu))
                    peaks[name].append(float(peak))
                    print(f"round {r + 1} {name:<12} {float(t):7.2f} s (cpu {float(cpu):6.2f} s)  "
                          f"peak {float(peak):6.1f} MB {' '.join(rest)}", flush=True)
                else:
                    print(line, flush=True)
    for ours, base in (("export", "export_base"), ("import", "import_base")):
        print(f"{ours}: {_ratio(secs, ours, base, 'wall')}; {_ratio(cpus, ours, base, 'cpu')}; peak "
              f"{max(peaks[ours]):.0f} MB (target ≤ 150 MB), baseline {max(peaks[base]):.0f} MB")
    if "--guards" in sys.argv:
        for phase in ("bomb", "biggest"):
            print(_run(phase, tmp, n), end="")


if __name__ == "__main__":
    main()
