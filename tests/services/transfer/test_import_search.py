"""After an import the incident list's text search finds the imported incidents (their full-text
rows are written once for the whole import); a refused import leaves the index as it was; and
incidents created afterwards are still indexed as they are saved."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.errors import ImportRejected
from app.services.queries.listing import IncidentFilter, count_incidents
from app.services.queries.lookup import get_contract
from app.services.transfer.record_import import import_incidents
from app.store.db import Database
from app.store.models import Contract
from tests.services.transfer.test_record_export import make_closed_incident
from tests.services.transfer.test_record_import import ZH, _workbook

ROWS: list[list[Any]] = [
    ["", "机房空调告警停机", "P2", datetime(2026, 5, 6, 9, 0), None, "oa"],
    ["", "打印服务器无响应", "P3", datetime(2026, 5, 6, 10, 0), None, "oa"],
]


def _found(db: Database, words: str) -> int:
    with db.session() as s:
        return count_incidents(s, get_contract(s).id, IncidentFilter(text=words))


def _has_insert_trigger(db: Database) -> bool:
    with db.session() as s:
        if s.get_bind().dialect.name != "sqlite":
            return True
        return s.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                              "AND name = 'incident_fts_ai'")).scalar_one() == 1


def _fts_rows(db: Database) -> int | None:
    with db.session() as s:
        if s.get_bind().dialect.name != "sqlite":
            return None
        return s.execute(text("SELECT count(*) FROM incident_fts_docsize")).scalar_one()


def test_imported_incidents_are_found_by_the_list_search(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    with db.session() as s:
        make_closed_incident(s, get_contract(s))
    before = _fts_rows(db)
    with db.session() as s:
        assert import_incidents(s, get_contract(s), _workbook(tmp_path / "a.xlsx", ZH, ROWS)).count == 2
    assert _found(db, "空调告警") == 1 and _found(db, "打印服务器") == 1 and _found(db, "无响应 打印") == 1
    if before is not None:
        assert _fts_rows(db) == before + 2
        with db.session() as s:  # the index agrees with its content table
            s.execute(text("INSERT INTO incident_fts(incident_fts) VALUES ('integrity-check')"))
    assert _has_insert_trigger(db)
    with db.session() as s:  # an incident saved afterwards is indexed by the trigger as before
        make_closed_incident(s, get_contract(s), title="交换机端口闪断")
    assert _found(db, "端口闪断") == 1


def test_a_refused_import_leaves_the_index_unchanged(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    with db.session() as s:
        import_incidents(s, get_contract(s), _workbook(tmp_path / "a.xlsx", ZH, ROWS[:1]))
    before = _fts_rows(db)
    bad: list[list[Any]] = [*ROWS[1:], ["", "级别错的一行", "P9", datetime(2026, 5, 6, 9, 0), None, "oa"]]
    with db.session() as s, pytest.raises(ImportRejected):
        import_incidents(s, get_contract(s), _workbook(tmp_path / "b.xlsx", ZH, bad))
    assert _found(db, "打印服务器") == 0 and _found(db, "空调告警") == 1
    assert _fts_rows(db) == before


def test_an_import_failing_while_writing_rolls_the_index_back(db: Database, pinggu: Contract, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services.transfer import row_import

    before = _fts_rows(db)
    real = row_import.CoreWriter.flush

    def fail_after_writing(self: row_import.CoreWriter) -> None:
        real(self)
        raise RuntimeError("disk full")

    monkeypatch.setattr(row_import.CoreWriter, "flush", fail_after_writing)
    with pytest.raises(RuntimeError), db.session() as s:
        import_incidents(s, get_contract(s), _workbook(tmp_path / "a.xlsx", ZH, ROWS))
    monkeypatch.undo()
    assert _found(db, "空调告警") == 0 and _fts_rows(db) == before and _has_insert_trigger(db)
    with db.session() as s:  # the insert trigger is back: a later import is indexed
        import_incidents(s, get_contract(s), _workbook(tmp_path / "a.xlsx", ZH, ROWS))
    assert _found(db, "空调告警") == 1


@pytest.mark.sqlite_only
def test_new_rows_other_than_expected_rebuild_the_whole_index(db: Database, pinggu: Contract,
                                                              tmp_path: Path) -> None:
    from app.store.search_index import incident_fts_deferred

    with db.session() as s:
        make_closed_incident(s, get_contract(s), title="备份任务连续失败")
    with db.session() as s, incident_fts_deferred(s, expected_rows=5):  # two rows, not five
        import_incidents(s, get_contract(s), _workbook(tmp_path / "a.xlsx", ZH, ROWS))
    assert _found(db, "备份任务") == 1 and _found(db, "空调告警") == 1 and _has_insert_trigger(db)
    with db.session() as s:
        s.execute(text("INSERT INTO incident_fts(incident_fts) VALUES ('integrity-check')"))
