"""The audit chain: every tampering with audit rows is found at the first broken seq; the chain
stays linear under concurrent writers; inspection answers are audited."""

from __future__ import annotations

import importlib.util
import itertools
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from app.services import audit
from app.store.db import MIGRATIONS_DIR
from app.store.models import AuditEvent


def _fill(db, n: int = 8) -> None:  # type: ignore[no-untyped-def]
    for i in range(n):
        with db.session() as s:
            audit.record(s, actor="李晓明", action="test.edit", entity_kind="thing", entity_id=f"T{i}",
                         summary=f"edit {i}", details={"title": [f"old {i}", f"new {i}"]})


def _verify(db):
    with db.session() as s:
        return audit.verify_chain(s)


def _raw(db, sql: str, *params) -> None:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(db.file)
    with con:
        con.execute(sql, params)
    con.close()


def test_a_fresh_chain_verifies_and_links(db) -> None:  # type: ignore[no-untyped-def]
    _fill(db, 5)
    result = _verify(db)
    assert result.ok and result.count == 5 and result.head_seq == 5
    with db.session() as s:
        rows = list(s.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
        assert [r.seq for r in rows] == [1, 2, 3, 4, 5]
        assert rows[0].prev_hash == "" and all(b.prev_hash == a.hash for a, b in itertools.pairwise(rows))
        assert rows[0].utc_offset_minutes == int((datetime.now().astimezone().utcoffset() or timedelta(0)).total_seconds() // 60)
        assert rows[2].details == {"title": ["old 2", "new 2"]} and rows[2].outcome == "ok"
        assert audit.chain_head(s) == audit.ChainHead(5, rows[-1].hash)
    assert "5" in result.sentence()


@pytest.mark.sqlite_only
@pytest.mark.parametrize(("sql", "seq", "what"), [
    ("UPDATE audit_event SET actor = '王五' WHERE seq = 3", 3, "edited"),
    ("UPDATE audit_event SET details = '{\"title\": [\"old 4\", \"forged\"]}' WHERE seq = 4", 4, "edited"),
    ("DELETE FROM audit_event WHERE seq = 4", 4, "deleted"),
    ("UPDATE audit_event SET seq = -seq WHERE seq IN (3, 5);"
     "UPDATE audit_event SET seq = 5 WHERE seq = -3; UPDATE audit_event SET seq = 3 WHERE seq = -5", 3, "reordered"),
])
def test_tampering_is_found_at_the_first_broken_seq(db, sql: str, seq: int, what: str) -> None:  # type: ignore[no-untyped-def]
    _fill(db)
    con = sqlite3.connect(db.file)
    with con:
        con.executescript(sql) if ";" in sql else con.execute(sql)
    con.close()
    result = _verify(db)
    assert not result.ok and (result.broken_seq, result.what) == (seq, what)
    assert f"第 {seq} 条" in result.sentence()


@pytest.mark.sqlite_only
def test_swapping_two_rows_contents_is_found(db) -> None:  # type: ignore[no-untyped-def]
    _fill(db)
    con = sqlite3.connect(db.file)
    with con:
        a = con.execute("SELECT actor, action, summary, details FROM audit_event WHERE seq = 2").fetchone()
        b = con.execute("SELECT actor, action, summary, details FROM audit_event WHERE seq = 6").fetchone()
        con.execute("UPDATE audit_event SET actor=?, action=?, summary=?, details=? WHERE seq = 2", b)
        con.execute("UPDATE audit_event SET actor=?, action=?, summary=?, details=? WHERE seq = 6", a)
    con.close()
    result = _verify(db)
    assert (result.ok, result.broken_seq, result.what) == (False, 2, "edited")


@pytest.mark.sqlite_only
def test_a_rehashed_edit_is_found_at_the_edited_row(db) -> None:  # type: ignore[no-untyped-def]
    _fill(db)
    with db.session() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.seq == 3)).one()
        ev.actor = "王五"
        forged = audit.hash_of(ev)
    _raw(db, "UPDATE audit_event SET actor = '王五', hash = ? WHERE seq = 3", forged)
    result = _verify(db)
    assert (result.ok, result.broken_seq, result.what) == (False, 3, "edited")


@pytest.mark.sqlite_only
def test_a_forged_row_is_found_as_inserted(db) -> None:  # type: ignore[no-untyped-def]
    _fill(db, 4)
    _raw(db, "INSERT INTO audit_event (id, seq, at, utc_offset_minutes, actor, action, entity_kind, entity_id, "
             "summary, details, outcome, clock, prev_hash, hash) VALUES "
             "('00000000000000000000000000000001', 5, '2026-01-01 00:00:00.000000', 480, 'x', 'x', 'x', '', '', "
             "'{}', 'ok', '', ?, ?)", "f" * 64, "e" * 64)
    result = _verify(db)
    assert (result.ok, result.broken_seq, result.what) == (False, 5, "inserted")


def _rewrite_whole_chain(db) -> None:  # type: ignore[no-untyped-def]
    """An attacker edits seq 2 and re-hashes every row after it: verify_chain passes."""
    with db.session() as s:
        prev = ""
        for ev in s.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
            if ev.seq == 2:
                ev.actor = "王五"
            ev.prev_hash = prev
            ev.hash = audit.hash_of(ev)
            prev = ev.hash


def test_a_full_rewrite_passes_alone_but_not_against_a_recorded_head(db) -> None:  # type: ignore[no-untyped-def]
    _fill(db, 5)
    with db.session() as s:
        head = audit.chain_head(s)
    _fill(db, 2)
    _rewrite_whole_chain(db)
    assert _verify(db).ok
    with db.session() as s:
        result = audit.verify_against(s, head)
    assert (result.ok, result.broken_seq, result.what) == (False, 5, "rewritten")
    with db.session() as s:
        assert not audit.verify_against(s, audit.ChainHead(99, head.hash)).ok


def test_migration_hash_is_the_app_hash() -> None:
    spec = importlib.util.spec_from_file_location("m0004", MIGRATIONS_DIR / "versions" / "0004_audit_chain.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    row: dict[str, Any] = {"id": "12345678-1234-5678-1234-567812345678", "seq": 7, "at": datetime(2026, 3, 1, 8, 0, 1, 5, tzinfo=UTC),
           "utc_offset_minutes": 480, "actor": "李", "action": "a.b", "entity_kind": "k", "entity_id": "e",
           "summary": "摘要", "details": {"x": [1, "二"]}, "outcome": "ok", "clock": ""}
    assert mod._event_hash("ab" * 32, row) == audit.event_hash("ab" * 32, **row)


def test_clock_jumps_are_flagged_not_refused(db, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    now = [datetime(2026, 11, 2, 8, 0, tzinfo=UTC)]
    monkeypatch.setattr("app.core.timeutil.utcnow", lambda: now[0])
    _fill(db, 1)
    now[0] += timedelta(days=3)  # far ahead
    _fill(db, 1)
    now[0] -= timedelta(days=3, hours=-1)  # corrected: back
    _fill(db, 1)
    with db.session() as s:
        assert [e.clock for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))] == ["", "ahead", "back"]
    assert _verify(db).ok


def test_several_events_in_one_transaction_and_a_rolled_back_one(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        audit.record(s, actor="a", action="x.one", entity_kind="k")
        audit.record(s, actor="a", action="x.two", entity_kind="k")
    def fails() -> None:
        with db.session() as s:
            audit.record(s, actor="a", action="x.gone", entity_kind="k")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        fails()
    with db.session() as s:
        nested = s.begin_nested()
        audit.record(s, actor="a", action="x.savepoint", entity_kind="k")
        s.flush()
        nested.rollback()
        audit.record(s, actor="a", action="x.three", entity_kind="k")
    with db.session() as s:
        assert [(e.seq, e.action) for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))] == [
            (1, "x.one"), (2, "x.two"), (3, "x.three")]
    assert _verify(db).ok


def test_concurrent_appenders_keep_the_chain_linear(db) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            for i in range(25):
                with db.session() as s:
                    audit.record(s, actor=name, action="test.concurrent", entity_kind="k", entity_id=str(i))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(f"w{k}",)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    result = _verify(db)
    assert result.ok and result.count == 50


def test_purge_of_young_events_is_refused() -> None:
    from app.errors import ValidationError

    now = datetime(2026, 12, 1, tzinfo=UTC)
    with pytest.raises(ValidationError, match="180"):
        audit.guard_purge(now - timedelta(days=179), now=now)
    audit.guard_purge(now - timedelta(days=181), now=now)


def test_inspection_answers_are_audited_with_old_and_new_value(db, pinggu) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, time

    from app.core.timeutil import local_dt
    from app.services.inspection import runs as ins
    from app.services.queries.lookup import engineers_by_name, get_contract, get_template

    day = date(2026, 11, 23)
    with db.session() as s:
        c = get_contract(s)
        insp = ins.start_inspection(s, c, get_template(s, c, "machine-room-daily"), day, "09:30",
                                    engineer=engineers_by_name(s, c)["李晓明"], actor="李晓明",
                                    now=local_dt(day, time(9, 31)))
        temp = next(r.id for r in ins.results(s, insp.id) if r.item_text == "机房温度")
    with db.session() as s:
        ins.record_result(s, temp, value="23.5", actor="李晓明")
    with db.session() as s:
        ins.record_result(s, temp, value="31", note="空调停机", actor="李晓明")
        ins.record_result(s, temp, value="31", note="空调停机", actor="李晓明")  # unchanged: no event
    with db.session() as s:
        evs = list(s.scalars(select(AuditEvent).where(AuditEvent.action == "inspection.answer")
                             .order_by(AuditEvent.seq)))
        assert [e.details for e in evs] == [
            {"outcome": [None, "normal"], "value": [None, 23.5]},
            {"outcome": ["normal", "abnormal"], "value": [23.5, 31.0], "note": ["", "空调停机"]},
        ]
        assert evs[0].actor == "李晓明" and evs[0].entity_id == str(temp) and "机房温度" in evs[0].summary
    assert _verify(db).ok


@pytest.mark.sqlite_only
def test_migration_chains_existing_rows_in_time_order(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    import app.store.db as appdb
    from app.store.db import _alembic_config, open_database

    file = tmp_path / "old.sqlite3"
    db = open_database(file)
    _fill(db, 4)
    with db.engine.connect() as conn, appdb._foreign_keys_off(conn), conn.begin():
        command.downgrade(_alembic_config(conn), "0003")
    db.close()
    con = sqlite3.connect(file)
    with con:  # rows of the old schema, written out of time order
        con.execute("UPDATE audit_event SET at = '2020-01-01 00:00:00.000000' WHERE summary = 'edit 3'")
    con.close()
    db = open_database(file)  # upgrades through 0004
    try:
        with db.session() as s:
            rows = list(s.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
            assert [r.summary for r in rows] == ["edit 3", "edit 0", "edit 1", "edit 2"]
            assert all(r.utc_offset_minutes == 480 and r.outcome == "ok" for r in rows)
        assert _verify(db).ok
        _fill(db, 1)  # the app appends to the migrated chain
        assert _verify(db).count == 5 and _verify(db).ok
    finally:
        db.close()
