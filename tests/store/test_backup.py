"""Backups of the ledger (issue #9 item 3): online, verified, named, retained, restorable."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main as cli_main
from app.errors import DatabaseLockedError, OpsLedgerError
from app.services import audit
from app.services.backup import (
    _NAME,
    kept_by_retention,
    prune,
    restore_backup,
    take_backup,
    verify_file,
)
from app.store.db import head_revision, open_database
from app.store.models import AuditEvent

pytestmark = pytest.mark.sqlite_only


def _ticks(path: Path) -> set[int]:
    con = sqlite3.connect(path)
    try:
        return {int(r[0]) for r in con.execute("SELECT summary FROM audit_event WHERE action = 'test.tick'")}
    finally:
        con.close()


def test_backup_while_a_writer_commits_holds_every_acknowledged_commit(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    acked: list[int] = []
    stop = threading.Event()

    def writer() -> None:
        i = 0
        while not stop.is_set():
            with db.session() as s:
                audit.record(s, actor="w", action="test.tick", entity_kind="test", summary=str(i))
            acked.append(i)  # acknowledged: the commit returned
            i += 1
            time.sleep(0.02)  # about 50 transactions a second

    t = threading.Thread(target=writer)
    t.start()
    try:
        time.sleep(0.5)
        before = set(acked)
        info = take_backup(db, tmp_path / "b", actor="tester")
        time.sleep(0.3)
    finally:
        stop.set()
        t.join()
    assert len(before) > 10
    assert before <= _ticks(info.path)  # every commit acknowledged before the copy began
    assert verify_file(info.path) == head_revision()
    con = sqlite3.connect(info.path)
    assert [r[0] for r in con.execute("PRAGMA integrity_check")] == ["ok"]
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    con.close()
    m = _NAME.match(info.path.name)
    assert m and info.sha256.startswith(m.group(2))
    assert len(acked) > len(_ticks(info.path))  # the writer went on after the copy
    with db.session() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "ledger.backup")).one()
        assert ev.actor == "tester" and ev.details["sha256"] == info.sha256


def test_restore_round_trip_keeps_the_current_file_aside(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    db = open_database(path)
    with db.session() as s:
        audit.record(s, actor="a", action="test.tick", entity_kind="test", summary="1")
    info = take_backup(db, tmp_path / "b")
    with db.session() as s:
        audit.record(s, actor="a", action="test.tick", entity_kind="test", summary="2")
    with pytest.raises(DatabaseLockedError):  # never over a running instance
        restore_backup(path, info.path)
    db.close()
    result = restore_backup(path, info.path, actor="restorer")
    assert _ticks(path) == {1}
    assert result.aside is not None and _ticks(result.aside) == {1, 2}
    again = open_database(path)
    try:
        with again.session() as s:
            assert s.scalar(select(func.count()).where(AuditEvent.action == "ledger.restore")) == 1
    finally:
        again.close()


def test_restore_refuses_a_file_that_is_not_a_sound_backup(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    open_database(path).close()
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("not a database at all " * 100, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(OpsLedgerError, match="不是 OpsLedger 数据库"):
        restore_backup(path, bad)
    assert path.read_bytes() == before  # nothing changed


def test_retention_keeps_7_daily_4_weekly_12_monthly() -> None:
    start = datetime(2026, 1, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
    stamps = [start + timedelta(days=d) for d in range(400)]  # one copy a day for 400 days
    kept = kept_by_retention(stamps)
    newest = stamps[-1]
    assert newest in kept
    daily = {s for s in stamps if newest - s < timedelta(days=7)}
    assert daily <= kept
    months = {(s.year, s.month) for s in kept}
    assert len(months) == 12
    assert len(kept) <= 7 + 4 + 12
    assert min(kept) > newest - timedelta(days=366)


def test_prune_deletes_only_unkept_copies(tmp_path: Path) -> None:
    start = datetime(2026, 1, 1, 2, 0, tzinfo=UTC)
    for d in range(60):
        at = start + timedelta(days=d)
        (tmp_path / f"opsledger-{at:%Y%m%dT%H%M%SZ}-{d:012x}.sqlite3").write_bytes(b"x")
    (tmp_path / "notes.sqlite3").write_bytes(b"mine")
    aside = tmp_path / f"opsledger-before-restore-{start:%Y%m%dT%H%M%SZ}-{0:012x}.sqlite3"
    aside.write_bytes(b"kept aside by a restore")
    removed = prune(tmp_path)
    left = sorted(p.name for p in tmp_path.glob("opsledger-2*"))
    assert len(removed) == 60 - len(left) and 7 <= len(left) <= 23
    assert (tmp_path / "notes.sqlite3").exists() and aside.exists()


def test_cli_backup_and_restore(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ledger.sqlite3"
    open_database(path).close()
    assert cli_main(["backup", "--db", str(path), "--to", str(tmp_path / "b")]) == 0
    out = capsys.readouterr().out
    assert "备份" in out and "sha256" in out
    copy = next((tmp_path / "b").glob("opsledger-*.sqlite3"))
    assert cli_main(["restore", str(copy), "--db", str(path)]) == 0
    assert "已从" in capsys.readouterr().out
    assert cli_main(["backup", "--db", str(tmp_path / "typo.sqlite3")]) == 1
    assert "typo.sqlite3 处没有数据库" in capsys.readouterr().err
    assert not (tmp_path / "typo.sqlite3").exists()
