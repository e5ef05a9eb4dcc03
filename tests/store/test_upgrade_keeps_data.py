"""Upgrading a populated database keeps every row; an upgrade that would lose rows is refused.

Migration 0003 rebuilds most tables (SQLite batch mode) to add the vocabulary CHECK constraints;
with foreign keys on, each ``DROP TABLE`` of a rebuild cascaded into child tables.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import CheckConstraint, create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

import app.store.db as appdb
from app.errors import OpsLedgerError
from app.services.demo import run_demo
from app.store.db import _alembic_config, current_revision, integrity_check, open_database
from app.store.models import Base
from app.store.models.list_search import is_search_object

END = date(2026, 11, 20)


def _database_at_0002_with_demo(file: Path) -> None:
    """A demo ledger written by this build at head, then downgraded to 0002 (the models can only
    write the head schema; later revisions' columns are dropped by their downgrades)."""
    db = open_database(file)
    try:
        counts, _ = run_demo(db, "pinggu-court-2026", days=20, end=END, seed=3)
        assert counts
        with db.engine.connect() as conn, appdb._foreign_keys_off(conn), conn.begin():
            command.downgrade(_alembic_config(conn), "0002")
    finally:
        db.close()


_COLUMNS: dict[Path, dict[str, list[str]]] = {}


def _fingerprint(file: Path) -> dict[str, tuple[int, str]]:
    """Per table: (row count, SHA-256 of its rows as sorted name=value text), over the columns
    the file had when first fingerprinted (columns a later revision adds are not compared)."""
    engine = create_engine(f"sqlite:///{file}")
    out: dict[str, tuple[int, str]] = {}
    try:
        with engine.connect() as conn:
            insp = inspect(conn)
            cols = _COLUMNS.setdefault(file, {t: [c["name"] for c in insp.get_columns(t)]
                                              for t in insp.get_table_names()})
            for table in insp.get_table_names():
                if table == "alembic_version" or table not in cols or is_search_object(table):  # search index: derived
                    continue
                names = ", ".join(f'"{c}"' for c in cols[table])
                rows = conn.execute(text(f'SELECT {names} FROM "{table}"')).mappings().all()
                lines = sorted(repr(sorted(dict(r).items())) for r in rows)
                out[table] = (len(rows), hashlib.sha256("\n".join(lines).encode()).hexdigest())
    finally:
        engine.dispose()
    return out


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    file = tmp_path / "site.sqlite3"
    _database_at_0002_with_demo(file)
    return file


def test_upgrade_through_0003_keeps_every_row(old_file: Path) -> None:
    before = _fingerprint(old_file)
    assert before["incident_event"][0] > 0 and before["incident_service"][0] > 0
    assert before["inspection_result"][0] > 0 and before["request_assignment"][0] > 0
    db = open_database(old_file)
    try:
        assert current_revision(db.engine) == appdb.head_revision()
        assert integrity_check(db) == ["ok"]
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1  # back on
    finally:
        db.close()
    after = _fingerprint(old_file)
    assert {table: after[table] for table in before} == before
    assert all(after[table][0] == 0 for table in set(after) - set(before))  # tables added later start empty


def test_the_guard_catches_the_cascade_when_foreign_keys_stay_on(
    old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without ``foreign_keys=OFF`` a rebuild's DROP TABLE cascades into child rows or trips a
    foreign key: either way the upgrade is refused and nothing changes."""
    before = _fingerprint(old_file)
    monkeypatch.setattr(appdb, "_foreign_keys_off", lambda conn: contextlib.nullcontext())
    with pytest.raises(OpsLedgerError, match=f"0002 → {appdb.head_revision()} 失败，已回滚") as exc:
        open_database(old_file)
    assert "升级前的备份副本" in str(exc.value)
    monkeypatch.undo()
    assert _fingerprint(old_file) == before
    db = open_database(old_file, migrate=False)
    try:
        assert current_revision(db.engine) == "0002"
    finally:
        db.close()


ROW_LOSING = '''
from alembic import op

revision = "0099"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM work_log_entry WHERE rowid = (SELECT MIN(rowid) FROM work_log_entry)")


def downgrade() -> None:
    pass
'''


def test_row_losing_revision_is_refused_and_rolled_back(
    tmp_path: Path, old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(old_file)  # to head, cleanly
    db.close()
    before = _fingerprint(old_file)
    head = appdb.head_revision()
    scripts = tmp_path / "migrations"
    shutil.copytree(appdb.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0099_row_losing.py").write_text(ROW_LOSING.replace("{head}", head), encoding="utf-8")
    monkeypatch.setattr(appdb, "MIGRATIONS_DIR", scripts)
    n = before["work_log_entry"][0]
    with pytest.raises(OpsLedgerError, match=f"work_log_entry: {n} → {n - 1}") as exc:
        open_database(old_file)
    copies = list((tmp_path / "home" / "data" / "backups").glob(f"site.{head}.*.sqlite3"))
    assert len(copies) == 1 and str(copies[0]) in str(exc.value)
    monkeypatch.undo()
    assert _fingerprint(old_file) == before
    db = open_database(old_file, migrate=False)
    try:
        assert current_revision(db.engine) == head
    finally:
        db.close()


def test_unknown_code_stops_upgrade_before_any_rebuild(tmp_path: Path) -> None:
    file = tmp_path / "odd.sqlite3"
    _database_at_0002_with_demo(file)
    engine = create_engine(f"sqlite:///{file}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE incident SET cause_category = 'gremlins' WHERE rowid = (SELECT MIN(rowid) FROM incident)"))
    engine.dispose()
    before = _fingerprint(file)
    with pytest.raises(OpsLedgerError, match=r"incident\.cause_category = 'gremlins' \(1 rows\)"):
        open_database(file)
    assert _fingerprint(file) == before


def _checks(insp, table: str) -> dict[str, str]:
    return {c["name"]: " ".join(c["sqltext"].split()) for c in insp.get_check_constraints(table)}


@pytest.mark.sqlite_only  # compares the CHECK text as SQLite stores it (PostgreSQL rewrites it)
def test_migrated_checks_equal_the_models(db) -> None:  # type: ignore[no-untyped-def]
    insp = inspect(db.engine)
    declared = 0
    for table in Base.metadata.sorted_tables:
        want = {c.name: " ".join(str(c.sqltext).split()) for c in table.constraints
                if isinstance(c, CheckConstraint)}
        declared += len(want)
        assert _checks(insp, table.name) == want, table.name
    assert declared >= 18


def test_database_refuses_a_code_outside_the_vocabulary(pinggu, db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(IntegrityError, match="ck_engineer_role"), db.engine.begin() as conn:
        conn.execute(text("UPDATE engineer SET role = 'boss'"))


def test_0003_downgrades_cleanly_without_losing_rows(old_file: Path) -> None:
    before = _fingerprint(old_file)
    db = open_database(old_file)
    try:
        with db.engine.connect() as conn, appdb._foreign_keys_off(conn), conn.begin():
            command.downgrade(_alembic_config(conn), "0002")
        assert current_revision(db.engine) == "0002"
        assert inspect(db.engine).get_check_constraints("incident") == []
    finally:
        db.close()
    assert _fingerprint(old_file) == before
