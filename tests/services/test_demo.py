"""Demo data: deterministic, consistent with the workflow, importing the shipped profile."""

from __future__ import annotations

import itertools
from datetime import date, time

from sqlalchemy import func, select

from app.cli import main as cli_main
from app.core.timeutil import local_dt
from app.services.demo import run_demo
from app.services.incident.sla import compute_incident_clocks
from app.services.inspection import schedule
from app.services.queries.lookup import get_contract
from app.store.db import open_database
from app.store.models import (
    Incident,
    IncidentEvent,
    IncidentService,
    Inspection,
    InspectionResult,
    Requirement,
    ServiceRequest,
    WorkLogEntry,
)

END = date(2026, 11, 20)


def _snapshot(path):
    db = open_database(path)
    try:
        with db.session() as s:
            return {
                "ins": [tuple(r) for r in s.execute(select(Inspection.number, Inspection.due_date, Inspection.slot,
                                                           Inspection.started_at, Inspection.abnormal_count)
                                                    .order_by(Inspection.number))],
                "res": [tuple(r) for r in s.execute(select(InspectionResult.id, InspectionResult.value_number,
                                                           InspectionResult.outcome).order_by(InspectionResult.id))],
                "inc": [tuple(r) for r in s.execute(select(Incident.number, Incident.title, Incident.occurred_at,
                                                           Incident.status).order_by(Incident.number))],
                "sr": [tuple(r) for r in s.execute(select(ServiceRequest.number, ServiceRequest.satisfaction,
                                                          ServiceRequest.received_at).order_by(ServiceRequest.number))],
                "rq": s.scalar(select(func.count()).select_from(Requirement)),
                "wl": s.scalar(select(func.count()).select_from(WorkLogEntry)),
            }
    finally:
        db.close()


def test_same_seed_same_data_and_other_seed_differs(tmp_path):
    runs = {}
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        db = open_database(tmp_path / f"{name}.sqlite3")
        try:
            counts, _ = run_demo(db, "pinggu-court-2026", days=30, end=END, seed=seed)
        finally:
            db.close()
        runs[name] = (counts, _snapshot(tmp_path / f"{name}.sqlite3"))
    assert runs["a"] == runs["b"]
    assert runs["a"][0]["inspections"] > 50 and runs["a"][0]["requests"] > 10
    assert runs["a"][1]["inc"] != runs["c"][1]["inc"] or runs["a"][1]["ins"] != runs["c"][1]["ins"]


def test_demo_data_follows_the_workflow(db, tmp_path):
    counts, _ = run_demo(db, "pinggu-court-2026", days=45, end=END, seed=3)
    with db.session() as s:
        c = get_contract(s, "pinggu-court-2026")
        assert s.scalar(select(func.count()).select_from(Inspection)) == counts["inspections"]
        # every inspection is finished, on a scheduled slot, with the template's items answered
        slots = {(x.template_id, x.due_date, x.slot) for x in schedule.due_slots(s, c, date(2026, 10, 7), END)}
        for i in s.scalars(select(Inspection)):
            assert (i.template_id, i.due_date, i.slot) in slots and i.finished_at is not None
        assert s.scalar(select(func.count()).select_from(InspectionResult).where(InspectionResult.outcome.is_(None))) == 0
        # completion is high but not perfect (missed slots)
        comp = schedule.completion(s, c, date(2026, 10, 7), date(2026, 11, 19), local_dt(END, time(23)))
        assert 85 <= comp["rate_pct"] <= 100 and comp["missed"] >= counts["missed_slots"] - 2
        # inspection incidents link back to abnormal results
        for inc in s.scalars(select(Incident).where(Incident.source == "inspection")):
            assert s.get(InspectionResult, inc.source_result_id).outcome == "abnormal"
        # closed incidents have cause, resolution and a status history ending in closed
        closed = list(s.scalars(select(Incident).where(Incident.status == "closed")))
        assert closed
        for inc in closed:
            assert inc.cause and inc.resolution and inc.cause_category and inc.restored_at and inc.closed_at
            evs = list(s.scalars(select(IncidentEvent).where(IncidentEvent.incident_id == inc.id)
                                 .order_by(IncidentEvent.at)))
            assert evs[0].kind == "created" and evs[-1].to_status == "closed"
            assert [e.at for e in evs] == sorted(e.at for e in evs)
            for a, b in itertools.pairwise(evs):
                assert b.from_status == a.to_status
            assert inc.reported_at <= inc.responded_at <= inc.restored_at <= inc.closed_at
            for svc in s.scalars(select(IncidentService).where(IncidentService.incident_id == inc.id)):
                assert svc.downtime_start == inc.occurred_at and svc.downtime_end == inc.restored_at
            clocks = compute_incident_clocks(s, inc, now=inc.closed_at)
            if inc.response_minutes is not None:
                assert abs(clocks.response_minutes - inc.response_minutes) < 0.2
        ratings = [r for (r,) in s.execute(select(ServiceRequest.satisfaction).where(ServiceRequest.status == "closed"))]
        assert ratings.count("satisfied") > len(ratings) // 2


def test_cli_demo_imports_profile_and_prints_counts(tmp_path, capsys):
    path = tmp_path / "cli.sqlite3"
    rc = cli_main(["demo", "--db", str(path), "--contract", "sanmenxia-court-2023", "--days", "10",
                   "--end", "2024-03-15", "--seed", "1"])
    out = capsys.readouterr().out
    assert rc == 0 and "inspections:" in out and "用时 " in out
    first = _count(out, "inspections")
    missed = _count(out, "missed_slots")
    assert first > 10
    assert missed >= 0
    # a second run on a database that has data says so in a sentence and adds nothing
    # (issue #8.8: it used to end in an IntegrityError traceback with another seed or range)
    for seed in ("1", "2"):
        rc = cli_main(["demo", "--db", str(path), "--contract", "sanmenxia-court-2023", "--days", "10",
                       "--end", "2024-03-15", "--seed", seed])
        captured = capsys.readouterr()
        assert rc == 1 and "Traceback" not in captured.err and "IntegrityError" not in captured.err
        assert str(first) in captured.err and "--db" in captured.err
        assert captured.out == ""
    db = open_database(path)
    try:
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(Inspection)) == first
    finally:
        db.close()


def _count(out: str, key: str) -> int:
    return int(next(line.split(":")[1] for line in out.splitlines() if line.strip().startswith(key + ":")))


def test_three_years_for_the_justice_bureau(db):
    counts, _ = run_demo(db, "beijing-justice-bureau-2024", days=1095, end=END, seed=2)
    with db.session() as s:
        years = {n[4:8] for (n,) in s.execute(select(Inspection.number))}
        assert years == {"2023", "2024", "2025", "2026"}
        # the every-day backup check is done on (almost) every day of the three years
        c = get_contract(s, "beijing-justice-bureau-2024")
        comp = schedule.completion(s, c, date(2023, 11, 22), date(2026, 11, 19), local_dt(END, time(23)))
        backup = comp["by_template"]["daily-backup"]
        assert backup["due"] == 1094 and backup["done"] >= 1000
    assert counts["incidents"] > 50 and counts["requests"] > 500
