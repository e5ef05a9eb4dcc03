"""History rows are numbered per record in writing order (``seq``, migration 0012) and read by it:
the same order on SQLite and PostgreSQL, also when instants tie or the clock was set back."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

import app.store.db as appdb
from app.services.demo import run_demo
from app.services.incident import workflow
from app.services.queries.lookup import engineers_by_name
from app.services.servicedesk import requests
from app.store.db import _alembic_config, open_database
from app.store.history_order import number_new_rows
from app.store.models import IncidentEvent, RequestAssignment


class Clock:
    """The injected system clock of the workflows (as tests/services/incident/test_clock_jumps.py)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, at: datetime) -> None:
        self.at = at
        for where in ("app.core.timeutil.utcnow", "app.services.incident.workflow.utcnow",
                      "app.services.servicedesk.requests.utcnow"):
            monkeypatch.setattr(where, lambda: self.at)


def test_lines_sharing_an_instant_under_a_clock_set_back_keep_their_written_order(db, pinggu, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    t0 = (datetime.now(UTC) + timedelta(minutes=1)).replace(microsecond=0)
    clock = Clock(monkeypatch, t0)
    with db.session() as s:
        inc_id = workflow.create_incident(s, pinggu, actor="王建国", title="OA 无法登录", occurred_at=t0,
                                          reported_at=t0).id
        eng = engineers_by_name(s, pinggu)
    clock.at = t0 - timedelta(hours=5)  # set back: the moves are clamped to the created instant
    with db.session() as s:
        workflow.transition(s, inc_id, "in_progress", actor="李晓明")
        workflow.update_incident(s, inc_id, actor="李晓明", description="用户无法登录 OA")
        workflow.transition(s, inc_id, "pending", actor="李晓明", note="等待厂商")
    with db.session() as s:
        workflow.transition(s, inc_id, "in_progress", actor="李晓明")
        got = workflow.events(s, inc_id)
        assert [(e.seq, e.kind, e.to_status) for e in got] == [
            (1, "created", "new"), (2, "status", "in_progress"), (3, "field", ""), (4, "status", "pending"),
            (5, "status", "in_progress")]
        assert got[1].at == got[0].at  # the instants tie; only seq orders them
    # a service request reassigned twice under the same clamped instant
    clock.at = t0
    with db.session() as s:
        req_id = requests.create_request(s, pinggu, actor="王建国", title="打印机卡纸", received_at=t0).id
        requests.assign_request(s, req_id, eng["王建国"].id, actor="王建国")
    clock.at = t0 - timedelta(hours=1)
    for name in ("李晓明", "王建国"):
        with db.session() as s:
            requests.assign_request(s, req_id, eng[name].id, actor="王建国")
    with db.session() as s:
        rows = requests.assignments(s, req_id)
        assert [(r.seq, r.to_engineer_id) for r in rows] == [
            (1, eng["王建国"].id), (2, eng["李晓明"].id), (3, eng["王建国"].id)]
        assert rows[1].at == rows[2].at


def test_numbers_are_per_record_and_unique(db, pinggu) -> None:  # type: ignore[no-untyped-def]
    at = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)
    with db.session() as s:
        a = workflow.create_incident(s, pinggu, actor="t", title="A", occurred_at=at, reported_at=at).id
        b = workflow.create_incident(s, pinggu, actor="t", title="B", occurred_at=at, reported_at=at).id
        for inc in (a, b, a):  # one flush numbers several rows of one record
            s.add(IncidentEvent(incident_id=inc, at=at, actor="t", kind="field", changes={"note": ["", "x"]}))
    with db.session() as s:
        seqs = {i: [e.seq for e in workflow.events(s, i)] for i in (a, b)}
    assert seqs == {a: [1, 2, 3], b: [1, 2]}
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(IncidentEvent(incident_id=a, at=at, actor="t", kind="field", changes={}, seq=2))


def test_core_inserted_rows_are_numbered_in_list_order() -> None:
    a, b = uuid.uuid4(), uuid.uuid4()
    rows = [{"incident_id": a}, {"incident_id": b}, {"incident_id": a, "seq": None}, {"incident_id": a}]
    number_new_rows(IncidentEvent, rows)
    assert [r["seq"] for r in rows] == [1, 1, 2, 3]
    other = [{"request_id": a}]
    number_new_rows(RequestAssignment, other)
    assert other[0]["seq"] == 1


def _at_0009_with_demo(file: Path) -> None:
    db = open_database(file)
    try:
        run_demo(db, "pinggu-court-2026", days=60, end=datetime(2026, 11, 20).date(), seed=5)
        with db.engine.connect() as conn, appdb._foreign_keys_off(conn), conn.begin():
            command.downgrade(_alembic_config(conn), "0009")
    finally:
        db.close()


@pytest.mark.sqlite_only  # builds and migrates a SQLite file
def test_upgrade_numbers_existing_history_in_the_order_it_was_shown(tmp_path: Path) -> None:
    file = tmp_path / "old.sqlite3"
    _at_0009_with_demo(file)
    import sqlite3  # noqa: PLC0415

    con = sqlite3.connect(file)
    with con:  # two lines of one incident sharing an instant, written in the "wrong" time order
        inc, at = con.execute("SELECT incident_id, at FROM incident_event ORDER BY rowid LIMIT 1").fetchone()
        for note in ("second", "first-by-id"):
            con.execute("INSERT INTO incident_event (id, incident_id, at, actor, kind, from_status, to_status,"
                        " changes, note, clock) VALUES (?, ?, ?, 't', 'field', '', '', '{}', ?, '')",
                        (uuid.uuid4().hex if note == "second" else "0" * 32, inc, at, note))
    shown = {}
    for row in con.execute("SELECT incident_id, id FROM incident_event ORDER BY rowid"):
        shown.setdefault(row[0], []).append(row[1])
    assigned = {}
    for row in con.execute("SELECT request_id, id FROM request_assignment ORDER BY at, rowid"):
        assigned.setdefault(row[0], []).append(row[1])
    con.close()
    db = open_database(file)  # migrates to head
    try:
        with db.engine.connect() as conn:
            got = {}
            for i, e in conn.execute(text("SELECT incident_id, id FROM incident_event ORDER BY incident_id, seq")):
                got.setdefault(i, []).append(e)
            assert got == shown and len(got) > 3
            assert got[inc][-2:] != sorted(got[inc][-2:])  # rowid order, not id order
            got_r = {}
            for r, e in conn.execute(text("SELECT request_id, id FROM request_assignment ORDER BY request_id, seq")):
                got_r.setdefault(r, []).append(e)
            assert got_r == assigned and got_r
            seqs = conn.execute(text("SELECT incident_id, MIN(seq), MAX(seq), COUNT(*) FROM incident_event "
                                     "GROUP BY incident_id")).all()
            assert all(lo == 1 and hi == n for _i, lo, hi, n in seqs)
        inc_id = uuid.UUID(inc)
        with db.session() as s:  # new lines continue the numbers
            ev = s.scalars(select(IncidentEvent).where(IncidentEvent.incident_id == inc_id)).all()
            s.add(IncidentEvent(incident_id=inc_id, at=ev[0].at, actor="t", kind="field", changes={}))
        with db.session() as s:
            assert [e.seq for e in workflow.events(s, inc_id)] == list(range(1, len(ev) + 2))
        with db.engine.connect() as conn, appdb._foreign_keys_off(conn), conn.begin():
            command.downgrade(_alembic_config(conn), "0009")  # and back, keeping every row
            n = conn.execute(text("SELECT COUNT(*) FROM incident_event")).scalar_one()
            cols = [r[1] for r in conn.execute(text("PRAGMA table_info(incident_event)"))]
        assert n == sum(map(len, shown.values())) + 1 and "seq" not in cols
    finally:
        db.close()


@pytest.mark.sqlite_only
def test_the_postgresql_backfill_orders_by_time_then_id(tmp_path: Path) -> None:
    """The PostgreSQL statement is portable SQL: run here on SQLite, it numbers by (at, id)."""
    from importlib import import_module  # noqa: PLC0415

    mig = import_module("app.store.migrations.versions.0012_history_seq")
    import sqlite3  # noqa: PLC0415

    con = sqlite3.connect(tmp_path / "t.sqlite3")
    con.execute("CREATE TABLE incident_event (id TEXT, incident_id TEXT, at TEXT, seq INTEGER)")
    rows = [("b", "X", "2026-01-01 10:00:00"), ("a", "X", "2026-01-01 10:00:00"), ("c", "X", "2026-01-01 09:00:00"),
            ("d", "Y", "2026-01-02 00:00:00")]
    con.executemany("INSERT INTO incident_event (id, incident_id, at) VALUES (?, ?, ?)", rows)
    con.execute(mig.backfill_sql("incident_event", "postgresql"))
    assert con.execute("SELECT id, seq FROM incident_event ORDER BY incident_id, seq").fetchall() == [
        ("c", 1), ("a", 2), ("b", 3), ("d", 1)]
    con.close()
