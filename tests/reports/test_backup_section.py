"""Ledger backups in a report and on the agenda (issue #9 item 3): backups taken in the period,
the last verified one, days without one; "no verified backup for N days" when overdue."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.core.periods import parse_period
from app.reports.compose.composer import compose
from app.reports.compose.document import KeyValues, Table
from app.reports.data.builder import build_report_data
from app.services import agenda
from app.services.agenda import DueState
from app.store.models import BackupRecord, Contract

pytestmark = pytest.mark.sqlite_only  # a server ledger is backed up with pg_dump: no section, no item


def _record(db, at: datetime, *, verified: bool = True, kind: str = "daily") -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        s.add(BackupRecord(taken_at=at, kind=kind, file_name=f"opsledger-{at:%Y%m%dT%H%M%SZ}-0123456789ab.sqlite3",
                           folder="/backups", size_bytes=3 << 20, sha256="ab" * 32, revision="0005",
                           verified=verified, seconds=0.4, error="" if verified else "disk full"))


def _report(db, pinggu, key: str, now: datetime):  # type: ignore[no-untyped-def]
    with db.session() as s:
        c = s.get(Contract, pinggu.id)
        return build_report_data(s, c, parse_period("monthly", key, c, today=now.date()), now=now)


def test_monthly_report_shows_the_backups_of_the_period(db, pinggu) -> None:  # type: ignore[no-untyped-def]
    for day in (3, 4, 5):
        _record(db, datetime(2026, 11, day, 1, 0, tzinfo=UTC))
    _record(db, datetime(2026, 11, 6, 1, 0, tzinfo=UTC), verified=False)
    _record(db, datetime(2026, 10, 30, 1, 0, tzinfo=UTC))  # the month before
    data = _report(db, pinggu, "2026-11", datetime(2026, 12, 2, 2, 0, tzinfo=UTC))
    b = data.backups
    assert (b["taken_count"], b["verified_count"]) == (4, 3)
    assert b["last_verified"]["taken_at"] == datetime(2026, 11, 5, 1, 0, tzinfo=UTC)
    assert b["days_without"] == 26  # 11-05 → end of November (12-01 00:00 local)
    blocks = compose(data).blocks
    kv = next(x for x in blocks if isinstance(x, KeyValues) and x.title == "台账备份")
    assert ("本期备份次数", "4 次（3 次校验通过）") in kv.items
    table = next(x for x in blocks if isinstance(x, Table) and x.title == "本期台账备份（最近 31 次）")
    assert len(table.rows) == 4 and table.highlight_rows == [3] and table.rows[0][1] == "每日（当天首次启动）"


def test_a_ledger_without_backup_records_shows_no_section(db, pinggu) -> None:  # type: ignore[no-untyped-def]
    data = _report(db, pinggu, "2026-11", datetime(2026, 12, 2, 2, 0, tzinfo=UTC))
    assert data.backups == {}
    assert not [x for x in compose(data).blocks if isinstance(x, KeyValues) and x.title == "台账备份"]


def test_agenda_says_how_long_the_ledger_has_gone_without_a_verified_backup(db, pinggu) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 12, 10)
    items = [i for i in agenda.due_items(db, pinggu.id, today) if i.kind == "backup"]
    assert [i.state for i in items] == [DueState.DUE]  # none at all yet
    _record(db, datetime(2026, 12, 9, 1, 0, tzinfo=UTC))  # yesterday: nothing owed
    assert [i for i in agenda.due_items(db, pinggu.id, today) if i.kind == "backup"] == []
    _record(db, datetime(2026, 12, 10, 1, 0, tzinfo=UTC) - timedelta(days=30), kind="manual")
    items = [i for i in agenda.due_items(db, pinggu.id, date(2026, 12, 14)) if i.kind == "backup"]
    assert [(i.title, i.state, i.source) for i in items] == [
        ("台账已 5 天没有校验通过的备份", DueState.OVERDUE, "司法局 §2.3.5.2")]
    _record(db, datetime(2026, 12, 13, 1, 0, tzinfo=UTC), verified=False)  # a failed attempt does not count
    assert [i.days_left for i in agenda.due_items(db, pinggu.id, date(2026, 12, 14)) if i.kind == "backup"] == [-4]
