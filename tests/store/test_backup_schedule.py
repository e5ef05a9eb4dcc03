"""Backups recorded, the daily backup on the first start of each local day (injected clock), a
restore chosen in the GUI run at the next start and recorded (issue #9 item 3)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import OpsLedgerError
from app.services import audit, backup
from app.services import backup_records as records
from app.store.db import open_database
from app.store.models import AuditEvent, BackupRecord

pytestmark = pytest.mark.sqlite_only


class Clock:
    """An injected clock: ``backup.utcnow`` reads ``now``."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_daily_backup_is_taken_once_per_local_day(db, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(datetime(2026, 12, 1, 0, 30, tzinfo=UTC))  # 08:30 in Shanghai
    monkeypatch.setattr(backup, "utcnow", clock)
    first = records.ensure_daily_backup(db, actor="王建国", now=clock.now)
    assert first is not None and first.kind == "daily" and first.verified and first.exists
    clock.now += timedelta(hours=7)  # 15:30 the same local day: a second start
    assert records.ensure_daily_backup(db, actor="王建国", now=clock.now) is None
    clock.now = datetime(2026, 12, 1, 16, 5, tzinfo=UTC)  # 00:05 on 12-02 in Shanghai: a new local day
    second = records.ensure_daily_backup(db, actor="王建国", now=clock.now)
    assert second is not None and second.file_name != first.file_name
    assert records.ensure_daily_backup(db, actor="王建国", now=clock.now + timedelta(hours=1)) is None
    rows = records.list_backups(db)
    assert [r.kind for r in rows] == ["daily", "daily"] and rows[0].taken_at == clock.now
    with db.session() as s:
        assert s.scalars(select(BackupRecord.sha256)).all() and all(r.sha256 for r in rows)


def test_a_manual_backup_today_satisfies_the_daily_one(db) -> None:  # type: ignore[no-untyped-def]
    row = records.backup_now(db, actor="王建国").value
    assert row.kind == "manual" and row.verified and row.size_bytes == row.path.stat().st_size
    assert records.ensure_daily_backup(db, actor="王建国") is None


def test_a_failed_backup_is_recorded_unverified(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OpsLedgerError, match="无法将备份写入"):
        records.backup_now(db, actor="王建国", dest_dir=blocker / "sub")
    (row,) = records.list_backups(db)
    assert not row.verified and row.error and not row.exists
    assert records.daily_backup_due(db)  # a failed attempt is no backup


def test_restore_chosen_in_the_gui_runs_at_the_next_start(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    db = open_database(path)
    with db.session() as s:
        audit.record(s, actor="a", action="test.tick", entity_kind="test", summary="before")
    good = records.backup_now(db, actor="王建国").value
    with db.session() as s:
        audit.record(s, actor="a", action="test.tick", entity_kind="test", summary="after")
    pending = records.schedule_restore(db, good.path, actor="王建国").value
    assert pending.target == path.resolve() and pending.revision == good.revision
    assert records.pending_restore(path) == pending
    with db.session() as s:  # the running ledger is untouched
        assert {e.summary for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "test.tick"))} == {
            "before", "after"}
    db.close()
    info = records.apply_pending_restore(str(path), actor="王建国")  # the next start
    assert info is not None and info.aside is not None
    assert records.pending_restore(path) is None  # consumed
    again = open_database(path)
    try:
        with again.session() as s:
            ticks = {e.summary for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "test.tick"))}
            assert ticks == {"before"}
            kept = s.scalars(select(BackupRecord).where(BackupRecord.kind == "pre_restore")).one()
            assert kept.verified and kept.file_name == info.aside.name
    finally:
        again.close()
    assert records.apply_pending_restore(str(path), actor="王建国") is None  # nothing pending now


def test_a_restore_of_a_bad_or_changed_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    db = open_database(path)
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("not a database " * 50, encoding="utf-8")
    with pytest.raises(OpsLedgerError, match="不是 OpsLedger 数据库"):
        records.schedule_restore(db, bad, actor="王建国")
    assert records.pending_restore() is None
    with pytest.raises(OpsLedgerError, match="就是当前打开的台账本身"):
        records.schedule_restore(db, path, actor="王建国")
    good = records.backup_now(db, actor="王建国").value
    records.schedule_restore(db, good.path, actor="王建国")
    db.close()
    with good.path.open("ab") as fh:  # the file changes after it was checked
        fh.write(b"\0" * 10)
    before = path.read_bytes()
    with pytest.raises(OpsLedgerError, match="已不存在或在检查后被改动"):
        records.apply_pending_restore(str(path), actor="王建国")
    assert path.read_bytes() == before and records.pending_restore() is None
