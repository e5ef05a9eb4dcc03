"""Benchmark: the annual report of a 3-year Justice Bureau database (builder, composer, PDF).

Builds a synthetic database (Justice Bureau profile with its term widened to three years,
2023-05-09 – 2026-05-08): every due inspection slot performed with all its items (2 % abnormal),
~10 incidents a week with downtime windows, ~12 service requests a working day, requirements and a
work log; then times ``build_report_data`` + ``compose`` + ``render_pdf`` for the contract year
CY2 (2024-05-09 – 2025-05-08) and prints the figures and peak memory.

    python benchmarks/report_annual.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time as clock
import uuid
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select, update  # noqa: E402

from app import paths  # noqa: E402
from app.core.timeutil import local_dt  # noqa: E402
from app.services.contract.profiles import import_profile, load_profile_file  # noqa: E402
from app.services.inspection.schedule import due_slots  # noqa: E402
from app.store.db import open_database  # noqa: E402
from app.store.models import (  # noqa: E402
    ChecklistItem,
    Contract,
    Engineer,
    Incident,
    IncidentEvent,
    IncidentService,
    Inspection,
    InspectionResult,
    Requirement,
    Service,
    ServiceRequest,
    WorkLogEntry,
)

START, END = date(2023, 5, 9), date(2026, 5, 8)


def populate(db_path: Path) -> None:
    rnd = random.Random(7)
    db = open_database(db_path)
    data = load_profile_file(paths.resources_dir() / "profiles" / "beijing-justice-bureau-2024.yaml")
    with db.session() as s:
        c = import_profile(s, data, actor="bench")
        s.execute(update(Contract).where(Contract.id == c.id).values(term_start=START, term_end=END))
    with db.session() as s:
        c = s.scalars(select(Contract)).one()
        svcs = list(s.scalars(select(Service).where(Service.contract_id == c.id)))
        engs = list(s.scalars(select(Engineer).where(Engineer.contract_id == c.id)))
        items: dict[uuid.UUID, list[ChecklistItem]] = {}
        for it in s.scalars(select(ChecklistItem)):
            items.setdefault(it.template_id, []).append(it)
        slots = due_slots(s, c, START, date(2026, 5, 8))
        insp_rows, res_rows = [], []
        for n, sl in enumerate(slots):
            iid = uuid.uuid4()
            ab = 0
            for it in items.get(sl.template_id, []):
                abnormal = rnd.random() < 0.02
                ab += abnormal
                res_rows.append({"id": uuid.uuid4(), "inspection_id": iid, "item_id": it.id, "position": it.position,
                                 "section": it.section, "item_text": it.text, "kind": it.kind, "unit": it.unit,
                                 "outcome": "abnormal" if abnormal else "normal", "value_text": "",
                                 "note": "", "recorded_at": sl.window_start})
            insp_rows.append({"id": iid, "number": f"INS-{n:07d}", "contract_id": c.id, "template_id": sl.template_id,
                              "template_name": sl.template_name, "due_date": sl.due_date, "slot": sl.slot,
                              "engineer_id": rnd.choice(engs).id, "started_at": sl.window_start,
                              "finished_at": sl.window_start + timedelta(minutes=20), "abnormal_count": ab,
                              "note": ""})
        s.execute(insert(Inspection), insp_rows)
        for i in range(0, len(res_rows), 20000):
            s.execute(insert(InspectionResult), res_rows[i:i + 20000])
        inc_rows, link_rows, ev_rows, req_rows, rq_rows, wl_rows = [], [], [], [], [], []
        sevs = [x["code"] for x in data["severities"]]
        d = START
        n_inc = n_req = 0
        while d <= END:
            for _ in range(rnd.choice([0, 1, 1, 2, 2, 3])):
                n_inc += 1
                occ = local_dt(d, time(rnd.randint(0, 23), rnd.randint(0, 59)))
                rest = occ + timedelta(minutes=rnd.randint(10, 400))
                iid = uuid.uuid4()
                closed = d < END - timedelta(days=10)
                inc_rows.append({"id": iid, "number": f"INC-{n_inc:06d}", "contract_id": c.id, "title": "演示故障",
                                 "description": "", "severity": rnd.choice(sevs), "source": "phone",
                                 "status": "closed" if closed else "in_progress", "occurred_at": occ,
                                 "reported_at": occ, "responded_at": occ + timedelta(minutes=rnd.randint(1, 60)),
                                 "restored_at": rest if closed else None, "closed_at": rest if closed else None,
                                 "cause_category": rnd.choice(["hardware", "software", "network", "unknown"]),
                                 "cause": "演示", "resolution": "演示", "response_breached": rnd.random() < 0.05,
                                 "restore_breached": rnd.random() < 0.05, "response_minutes": 10.0,
                                 "restore_minutes": float(rnd.randint(10, 400)), "created_at": occ, "updated_at": occ})
                link_rows.append({"id": uuid.uuid4(), "incident_id": iid, "service_id": rnd.choice(svcs).id,
                                  "downtime_start": occ, "downtime_end": rest if closed else None,
                                  "downtime_edited": False})
                ev_rows.append({"id": uuid.uuid4(), "incident_id": iid, "at": occ, "actor": "", "kind": "created",
                                "from_status": "", "to_status": "new", "changes": {}, "note": ""})
            if d.weekday() < 5:
                for _ in range(12):
                    n_req += 1
                    rec = local_dt(d, time(rnd.randint(9, 17), rnd.randint(0, 59)))
                    req_rows.append({"id": uuid.uuid4(), "number": f"SR-{n_req:06d}", "contract_id": c.id,
                                     "channel": rnd.choice(["phone", "fax", "instant_message"]),
                                     "category": "other", "title": "演示请求", "description": "",
                                     "requester_department": "", "requester_name": "", "requester_phone": "",
                                     "status": "closed", "received_at": rec,
                                     "responded_at": rec + timedelta(minutes=rnd.randint(1, 40)),
                                     "resolution": "", "followup_by": "",
                                     "satisfaction": rnd.choice(["satisfied", "mostly_satisfied", "dissatisfied",
                                                                 None]),
                                     "complaint": rnd.random() < 0.005, "complaint_text": "", "created_at": rec,
                                     "updated_at": rec})
                if rnd.random() < 0.3:
                    at = local_dt(d, time(10))
                    rq_rows.append({"id": uuid.uuid4(), "number": f"RQ-{len(rq_rows):06d}", "contract_id": c.id,
                                    "service_id": rnd.choice(svcs).id, "title": "演示需求", "description": "",
                                    "requester_department": "", "requester_name": "", "status": "collected",
                                    "collected_at": at, "updated_at": at, "note": ""})
                wl_rows.extend({"id": uuid.uuid4(), "contract_id": c.id, "engineer_id": e.id, "work_date": d,
                                "started_at": local_dt(d, time(9)), "duration_minutes": 420, "summary": "演示",
                                "source_kind": "manual"} for e in engs)
            d += timedelta(days=1)
        for model, rows in ((Incident, inc_rows), (IncidentService, link_rows), (IncidentEvent, ev_rows),
                            (ServiceRequest, req_rows), (Requirement, rq_rows), (WorkLogEntry, wl_rows)):
            for i in range(0, len(rows), 20000):
                s.execute(insert(model), rows[i:i + 20000])
        print(f"data: {len(insp_rows)} inspections, {len(res_rows)} results, {len(inc_rows)} incidents, "
              f"{len(req_rows)} requests, {len(rq_rows)} requirements, {len(wl_rows)} work-log entries")
    db.close()


def run(db_path: Path, out_dir: Path) -> None:
    from app.core.periods import parse_period
    from app.reports.compose.composer import compose
    from app.reports.data.builder import build_report_data
    from app.reports.render.pdf import render_pdf

    db = open_database(db_path)
    with db.session() as s:
        c = s.scalars(select(Contract)).one()
        p = parse_period("annual", "CY2", c, today=date(2026, 11, 21))
        t0 = clock.perf_counter()
        data = build_report_data(s, c, p, now=datetime(2026, 11, 21, tzinfo=UTC))
        t1 = clock.perf_counter()
        doc = compose(data, narrative=None)
        t2 = clock.perf_counter()
        render_pdf(doc, out_dir / "annual.pdf")
        t3 = clock.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB
    print(f"period {p.key} {p.start} – {p.end}: incidents {data.headline['incidents.total']}, "
          f"inspections due {data.headline['inspections.due']}, abnormal {data.headline['inspections.abnormal']}")
    print(f"build_report_data {t1 - t0:.2f} s, compose {t2 - t1:.2f} s, render_pdf {t3 - t2:.2f} s, "
          f"total {t3 - t0:.2f} s; peak RSS of the process {peak / 2**20:.0f} MiB")
    db.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", help="folder to keep the database and PDF in")
    args = ap.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    paths.init_paths(folder / "home")
    db_path = folder / "bench.sqlite3"
    if not db_path.exists():
        t = clock.perf_counter()
        populate(db_path)
        print(f"populated in {clock.perf_counter() - t:.1f} s")
    run(db_path, folder)


if __name__ == "__main__":
    main()
