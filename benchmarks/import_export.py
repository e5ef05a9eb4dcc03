"""Benchmark: export and import of 10,000 incidents; refusal of a hostile (zip bomb) workbook.

Run: ``python benchmarks/import_export.py [N] [--tracemalloc]``.  Prints seconds and peak memory
(RSS high-water mark from ``resource.getrusage``; with ``--tracemalloc`` also the peak of Python
allocations per step — tracing makes every step 2–3× slower, so timings are without it by default).
"""

from __future__ import annotations

import os
import resource
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


TRACE = "--tracemalloc" in sys.argv


def step(name: str, fn):  # type: ignore[no-untyped-def]
    if TRACE:
        tracemalloc.start()
    t0 = time.perf_counter()
    result = fn()
    secs = time.perf_counter() - t0
    traced = ""
    if TRACE:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        traced = f"   python peak {peak / 1e6:8.1f} MB"
    print(f"{name:<34} {secs:8.2f} s{traced}   RSS high-water {peak_rss_mb():8.1f} MB")
    print(f"RESULT {name.split(maxsplit=1)[0]} {secs:.3f}")
    return result


def load(db):  # type: ignore[no-untyped-def]
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
        parents, children = [], []
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


def phase_seed(tmp: Path, n: int) -> None:
    """Fill the source database (its own process, so the export's memory is the export's)."""
    src = open_database(tmp / "src.sqlite3")
    load(src)
    step(f"seed {n} incidents (ORM)", lambda: seed(src, n))
    src.close()


def phase_export(tmp: Path, n: int) -> None:
    src = open_database(tmp / "src.sqlite3")
    out = tmp / "faults.xlsx"

    def do_export() -> Path:
        with src.session() as s:
            return export_incidents(s, get_contract(s), date(2026, 1, 1), date(2027, 12, 31), out)

    step(f"export {n} incidents", do_export)
    print(f"{'':<34} workbook {out.stat().st_size / 1e6:.1f} MB")
    src.close()


def phase_import(tmp: Path, n: int) -> None:
    dst = open_database(tmp / "dst.sqlite3")
    load(dst)

    def do_import() -> int:
        with dst.session() as s:
            return import_incidents(s, get_contract(s), tmp / "faults.xlsx").count

    count = step(f"import {n} incidents (fresh DB)", do_import)
    print(f"{'':<34} imported {count}")
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

    msg = step("refuse 1 GB zip bomb", do_bomb)
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

    count = step("check 180,000-row file (dry run)", do_check)
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

    sheets = _cell_values(tmp / "faults.xlsx")

    def write() -> None:
        wb = Workbook(write_only=True)
        for title, rows in sheets.items():
            ws = wb.create_sheet(title)
            for r in rows:
                ws.append(r)
        wb.save(tmp / "base.xlsx")

    step(f"baseline_export write {n} (raw openpyxl)", write)


def phase_import_base(tmp: Path, n: int) -> None:
    """Baseline: openpyxl ``read_only`` reading every cell value of the exported file."""
    step(f"baseline_import read {n} (raw openpyxl)", lambda: _cell_values(tmp / "faults.xlsx"))


PHASES = {"seed": phase_seed, "export": phase_export, "export_base": phase_export_base, "import": phase_import,
          "import_base": phase_import_base, "bomb": phase_bomb, "biggest": phase_biggest}


def main() -> None:
    """Run each phase in its own process so each RSS high-water mark is its own."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if args and args[0] in PHASES:
        tmp, n = Path(args[1]), int(args[2])
        paths.init_paths(tmp / "home")
        PHASES[args[0]](tmp, n)
        print(f"{'':<34} process peak RSS {peak_rss_mb():.1f} MB")
        return
    import subprocess

    n = int(args[0]) if args else 10_000
    tmp = Path(tempfile.mkdtemp(prefix="opsledger-bench-"))
    flags = ["--tracemalloc"] if TRACE else []
    results: dict[str, float] = {}
    peaks: dict[str, float] = {}
    for phase in PHASES:
        out = subprocess.run([sys.executable, __file__, phase, str(tmp), str(n), *flags], check=True,
                             capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.startswith("RESULT "):
                _tag, name, secs = line.split()
                results[name] = float(secs)
            elif "process peak RSS" in line:
                peaks[phase] = float(line.split()[-2])
            else:
                print(line)
    for ours, base in (("export", "baseline_export"), ("import", "baseline_import")):
        if ours in results and base in results:
            print(f"{ours}: {results[ours]:.2f} s vs raw openpyxl {results[base]:.2f} s → ratio "
                  f"{results[ours] / results[base]:.2f}× (target ≤ 1.3×); process peak RSS "
                  f"{peaks.get(ours, 0):.0f} MB (target ≤ 150 MB), baseline {peaks.get(ours + '_base', 0):.0f} MB")


if __name__ == "__main__":
    main()
