"""Storage: migrations build exactly the models' schema, the chain is linear, files are locked."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.errors import DatabaseLockedError
from app.store.db import (
    MIGRATIONS_DIR,
    _alembic_config,
    head_revision,
    integrity_check,
    open_database,
)
from app.store.models import Base
from app.store.models.list_search import is_search_object


def test_upgrade_head_on_empty_file_equals_models(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite3")
    try:
        with db.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={
                "compare_type": True,  # the FTS table and trigram indexes live outside the ORM
                "include_object": lambda _obj, name, *_a: not is_search_object(name)})
            assert compare_metadata(ctx, Base.metadata) == []
        assert integrity_check(db) == ["ok"]
    finally:
        db.close()


def test_revision_chain_is_linear() -> None:
    script = ScriptDirectory.from_config(_alembic_config(None))
    heads = script.get_heads()
    assert len(heads) == 1
    revs = list(script.walk_revisions())
    assert sum(1 for r in revs if r.down_revision is None) == 1
    assert all(not isinstance(r.down_revision, tuple) for r in revs)
    assert (MIGRATIONS_DIR / "versions").is_dir()


def test_second_instance_on_same_file_is_refused(tmp_path: Path) -> None:
    from app.core import i18n

    first = open_database(tmp_path / "a.sqlite3")
    try:
        with pytest.raises(DatabaseLockedError, match="已在另一个 OpsLedger 窗口或进程中打开"):
            open_database(tmp_path / "a.sqlite3")
        i18n.set_language("en")
        with pytest.raises(DatabaseLockedError, match="already open"):
            open_database(tmp_path / "a.sqlite3")
    finally:
        i18n.set_language("zh_CN")
        first.close()
    open_database(tmp_path / "a.sqlite3").close()  # free again once the first closed


@pytest.mark.sqlite_only
def test_sqlite_pragmas(db) -> None:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_naive_datetime_is_refused(pinggu, db) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    from sqlalchemy.exc import StatementError

    from app.store.models import AuditEvent

    with pytest.raises(StatementError, match="naive datetime"), db.session() as s:
        s.add(AuditEvent(at=datetime(2026, 1, 1), action="x", entity_kind="y"))


def test_check_command_reports_integrity_and_schema(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from app.cli import main

    file = tmp_path / "c.sqlite3"
    open_database(file).close()
    assert main(["check", "--db", str(file)]) == 0
    out = capsys.readouterr().out
    assert "完整性：ok" in out and f"数据库结构：{head_revision()}（本版本：{head_revision()}）" in out
    db = open_database(file, migrate=False)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffff'")
    db.close()
    assert main(["check", "--db", str(file)]) == 1
    assert "数据库结构不是最新" in capsys.readouterr().out


def test_database_url_from_environment(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.store.db import resolve_url

    monkeypatch.setenv("OPSLEDGER_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'env.sqlite3'}"
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv("OPSLEDGER_DB")
    assert resolve_url().endswith("home/data/opsledger.sqlite3")
