"""A schema upgrade that fails halfway leaves the old schema and data; a copy is kept first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

import app.store.db as appdb
from app.store.db import current_revision, integrity_check, open_database
from app.errors import OpsLedgerError
from app.store.models import Contract

FAILING = '''
import sqlalchemy as sa
from alembic import op

revision = "0099"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("contract") as batch:
        batch.add_column(sa.Column("extra", sa.String(10), nullable=True))
    op.execute("INSERT INTO no_such_table VALUES (1)")  # fails after DDL already ran


def downgrade() -> None:
    pass
'''


@pytest.fixture
def failing_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    scripts = tmp_path / "migrations"
    shutil.copytree(appdb.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0099_failing.py").write_text(
        FAILING.replace("{head}", appdb.head_revision()), encoding="utf-8")
    return scripts


def test_failed_upgrade_rolls_back_and_keeps_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_migrations: Path
) -> None:
    from tests.conftest import load_contract

    file = tmp_path / "live.sqlite3"
    db = open_database(file)
    load_contract(db)
    db.close()

    head = appdb.head_revision()
    monkeypatch.setattr(appdb, "MIGRATIONS_DIR", failing_migrations)
    with pytest.raises(OpsLedgerError, match=f"{head} → 0099 失败，已回滚"):
        open_database(file)

    monkeypatch.undo()
    db = open_database(file, migrate=False)
    try:
        assert current_revision(db.engine) == head
        names = inspect(db.engine).get_table_names()
        assert "half_done" not in names
        assert "extra" not in {c["name"] for c in inspect(db.engine).get_columns("contract")}
        assert integrity_check(db) == ["ok"]
        with db.session() as s:
            assert s.scalars(select(Contract.name)).all() == ["pinggu-court-2026"]
    finally:
        db.close()
    copies = list((tmp_path / "home" / "data" / "backups").glob(f"live.{head}.*.sqlite3"))
    assert len(copies) == 1
