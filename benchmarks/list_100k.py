"""Benchmark: the incident list over 100,000 incidents (prints figures, asserts nothing).

    python benchmarks/list_100k.py [--rows 100000]

Creates a temporary database with the Pinggu profile, bulk-inserts the incidents (with a status
event each and an affected service for every tenth), then times the ``listing`` queries and the
Qt model (offscreen): first page, COUNT, status+text filter, sort by occurred desc, the model's
first fetch, one ``fetchMore`` and the SLA clocks of one batch; then the re-filter ratios: the
model's ``set_filter`` against the very SQL it ran (captured at the cursor) replayed in raw
``sqlite3``, alternately, medians of ``--runs`` (target ≤ 1.3×).

    python benchmarks/list_100k.py --keep /tmp/list-bench   # build once, reuse on later runs
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPSLEDGER_TZ", "Asia/Shanghai")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from app import paths  # noqa: E402
from app.core.timeutil import UTC  # noqa: E402
from app.services.contract.profiles import import_profile, load_profile_file  # noqa: E402
from app.services.queries import listing  # noqa: E402
from app.store.db import open_database  # noqa: E402
from app.store.models import Engineer, Incident, IncidentEvent, IncidentService, Service  # noqa: E402

WORDS = ["交换机", "服务器", "打印机", "UPS", "空调", "网站", "OA", "数据库", "摄像头", "电话"]


def _timed(label: str, fn, repeat: int = 3):  # type: ignore[no-untyped-def]
    best = float("inf")
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    print(f"{label:<44} {best * 1000:9.1f} ms")
    return result


def ratio_refilter(db, model, flt, label: str, runs: int = 5) -> None:  # type: ignore[no-untyped-def]
    """Time ``model.set_filter(flt)`` against replaying the SQL it ran in raw ``sqlite3``
    (alternately, medians): the model's cost over its SQL (target ≤ 1.3×)."""
    import sqlite3
    import statistics

    from sqlalchemy import event

    captured: list[tuple[str, object]] = []

    def grab(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        captured.append((statement, parameters))

    model.set_filter(listing.IncidentFilter())
    event.listen(db.engine, "before_cursor_execute", grab)
    model.set_filter(flt)
    event.remove(db.engine, "before_cursor_execute", grab)
    raw = sqlite3.connect(str(db.file))
    ours, base = [], []
    for _ in range(runs):
        model.set_filter(listing.IncidentFilter())
        t = time.perf_counter()
        model.set_filter(flt)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        for sql, params in captured:
            if sql.lstrip().upper().startswith(("SELECT", "WITH")):
                raw.execute(sql, params).fetchall()
        base.append(time.perf_counter() - t)
    raw.close()
    a, b = statistics.median(ours) * 1000, statistics.median(base) * 1000
    print(f"{'Qt re-filter (' + label + ')':<44} {a:9.1f} ms  its SQL in raw sqlite3 {b:7.1f} ms  "
          f"ratio {a / b:5.2f}×  ({model.total} rows)")

def painted_refilter(model, view, flt, runs: int) -> float:  # type: ignore[no-untyped-def]
    """Median ms of ``set_filter(flt)`` followed by a synchronous repaint of the visible rows."""
    import statistics

    painted = []
    for _ in range(runs):
        model.set_filter(listing.IncidentFilter())
        view.viewport().repaint()
        t = time.perf_counter()
        model.set_filter(flt)
        view.viewport().repaint()
        painted.append(time.perf_counter() - t)
    return statistics.median(painted) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--keep", type=Path, default=None,
                    help="folder to build the database in once and reuse on later runs")
    ap.add_argument("--runs", type=int, default=11, help="alternating runs per ratio (medians)")
    args = ap.parse_args()
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="opsledger-list-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    reuse = args.keep is not None and (tmp / "bench.sqlite3").exists()
    paths.init_paths(tmp / "home")
    db = open_database(tmp / "bench.sqlite3")
    if reuse:
        from app.store.models import Contract

        with db.session() as s:
            cid = s.scalars(select(Contract.id)).one()
            services = [x.id for x in s.scalars(select(Service).where(Service.contract_id == cid))]
    else:
        cid, services = build(db, args.rows)
    measure(db, cid, services, args.runs)
    db.close()
    if args.keep is None:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def build(db, rows: int):  # type: ignore[no-untyped-def]
    """Import the Pinggu profile and bulk-insert ``rows`` incidents; returns (contract id, service ids)."""
    data = load_profile_file(paths.resources_dir() / "profiles" / "pinggu-court-2026.yaml")
    with db.session() as s:
        contract = import_profile(s, data, actor="bench")
        cid = contract.id
        engineers = [e.id for e in s.scalars(select(Engineer).where(Engineer.contract_id == cid))]
        services = [x.id for x in s.scalars(select(Service).where(Service.contract_id == cid))]

    t0 = time.perf_counter()
    base = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=23 * rows)  # newest = now
    statuses = ("new", "assigned", "in_progress", "pending", "restored", "closed")
    chunk = 10_000
    for lo in range(0, rows, chunk):
        incs, evs, svcs = [], [], []
        for i in range(lo, min(lo + chunk, rows)):
            iid = uuid.uuid4()
            at = base + timedelta(minutes=23 * i)
            st = statuses[i % 11 % 6] if i % 4 else "closed"
            incs.append({"id": iid, "number": f"INC-B-{i:07d}", "contract_id": cid,
                             "title": f"{WORDS[i % len(WORDS)]}故障 {i}", "description": f"bench row {i}",
                             "severity": ("P1", "P2", "P3")[i % 3], "source": "phone", "status": st,
                             "reporter_department": "", "reporter_name": f"用户{i % 500}", "reporter_phone": "",
                             "assignee_id": engineers[i % len(engineers)] if i % 5 else None,
                             "occurred_at": at, "reported_at": at, "created_at": at, "updated_at": at,
                             "restored_at": at + timedelta(hours=2) if st in ("restored", "closed") else None,
                             "closed_at": at + timedelta(hours=3) if st == "closed" else None,
                             "cause_category": "", "cause": "", "resolution": "", "vendor_case_number": "",
                             "root_cause_analysis": ""})
            evs.append({"id": uuid.uuid4(), "incident_id": iid, "at": at, "actor": "bench", "kind": "created",
                            "from_status": "", "to_status": "new", "changes": {}, "note": ""})
            if i % 10 == 0:
                svcs.append({"id": uuid.uuid4(), "incident_id": iid, "service_id": services[i % len(services)],
                                 "downtime_start": at, "downtime_end": None, "downtime_edited": False})
        with db.session() as s:
            s.execute(insert(Incident), incs)
            s.execute(insert(IncidentEvent), evs)
            if svcs:
                s.execute(insert(IncidentService), svcs)
    print(f"{'bulk insert of ' + format(rows, ',') + ' incidents':<44} {(time.perf_counter() - t0):9.1f} s")
    return cid, services


def measure(db, cid, services, runs: int) -> None:  # type: ignore[no-untyped-def]
    """Time the listing queries, the Qt model and the re-filter ratios."""

    with db.session() as s:
        _timed("first page (200, occurred desc)", lambda: listing.query_incidents(s, cid, limit=200))
        _timed("count (all)", lambda: listing.count_incidents(s, cid))
        flt = listing.IncidentFilter(statuses=("closed",), text="交换机")
        _timed("filter status=closed + text, first page", lambda: listing.query_incidents(s, cid, flt))
        _timed("filter status=closed + text, count", lambda: listing.count_incidents(s, cid, flt))
        _timed("sort occurred desc, page at offset 50,000",
               lambda: listing.query_incidents(s, cid, sort_key="occurred_at", descending=True,
                                               offset=50_000, limit=200))
        _timed("sort by assignee asc, first page", lambda: listing.query_incidents(
            s, cid, sort_key="assignee", descending=False))
        _timed("filter by service, first page", lambda: listing.query_incidents(
            s, cid, listing.IncidentFilter(service_id=services[0])))
        _timed("text on number (INC-B-0099), first page", lambda: listing.query_incidents(
            s, cid, listing.IncidentFilter(text="INC-B-0099")))

    from PySide6.QtWidgets import QApplication, QTableView

    from app.ui.itemmodels.record_models import IncidentTableModel

    app = QApplication.instance() or QApplication([])
    t = time.perf_counter()
    model = IncidentTableModel(db, cid)
    view = QTableView()
    view.setModel(model)
    view.resize(1400, 800)
    view.show()
    app.processEvents()
    print(f"{'Qt model open + first fetch (view shown)':<44} {(time.perf_counter() - t) * 1000:9.1f} ms "
          f"({model.rowCount()} of {model.total} rows)")
    t = time.perf_counter()
    model.fetchMore()
    print(f"{'Qt fetchMore (next 200)':<44} {(time.perf_counter() - t) * 1000:9.1f} ms")
    t = time.perf_counter()
    model.compute_now(list(range(200)))
    print(f"{'SLA clocks for 200 rows':<44} {(time.perf_counter() - t) * 1000:9.1f} ms")
    cases = [(listing.IncidentFilter(statuses=("closed",), text="交换机"), "closed + text 交换机"),
             (listing.IncidentFilter(statuses=("pending",), text="服务器"), "pending + text 服务器"),
             (listing.IncidentFilter(text="UPS"), "text UPS"),
             (listing.IncidentFilter(statuses=("closed",)), "closed")]
    for flt, label in cases:
        ratio_refilter(db, model, flt, label, runs)
    for flt, label in cases:  # after the ratios: painting leaves work the timed re-filters must not meet
        ms = painted_refilter(model, view, flt, runs)
        print(f"{'re-filter + visible rows painted (' + label + ')':<44} {ms:9.1f} ms")
    t = time.perf_counter()
    model.set_filter(listing.IncidentFilter(open_only=True))
    view.scrollToTop()
    app.processEvents()
    while not model.wait_idle():
        app.processEvents()
    print(f"{'SLA cells of the visible open rows (sliced)':<44} {(time.perf_counter() - t) * 1000:9.1f} ms")
    view.close()


if __name__ == "__main__":
    raise SystemExit(main())
