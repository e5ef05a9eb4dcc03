"""Backups are recorded (issue #9 item 3): the copy before a schema upgrade is a verified backup
with its own ``backup_record`` row; a rolled-back upgrade records nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select

import app.store.db as appdb
from app.services import audit
from app.store.db import _alembic_config, open_database
from app.store.models import BackupRecord
from app.store.snapshot import sha256_of, verify_copy

pytestmark = pytest.mark.sqlite_only


def _ledger_at_0003(file: Path) -> None:
    db = open_database(file)
    try:
        with db.session() as s:
            audit.record(s, actor="a", action="test.tick", entity_kind="test", summary="1")
        with db.engine.connect() as conn, appdb._foreign_keys_off(conn), conn.begin():
            command.downgrade(_alembic_config(conn), "0003")
    finally:
        db.close()


def test_pre_migration_backup_is_verified_and_recorded(tmp_path: Path) -> None:
    file = tmp_path / "ledger.sqlite3"
    _ledger_at_0003(file)
    db = open_database(file)  # upgrades 0003 → head
    try:
        assert db.pre_upgrade_copy is not None
        with db.session() as s:
            rec = s.scalars(select(BackupRecord)).one()
        assert (rec.kind, rec.revision, rec.verified) == ("pre_migration", "0003", True)
        assert rec.file_name == db.pre_upgrade_copy.name and Path(rec.folder) == db.pre_upgrade_copy.parent
        assert rec.sha256 == sha256_of(db.pre_upgrade_copy) and rec.size_bytes == db.pre_upgrade_copy.stat().st_size
        assert verify_copy(db.pre_upgrade_copy) == "0003" and rec.taken_at.tzinfo is not None
    finally:
        db.close()
    again = open_database(file)  # at head: no upgrade, no copy, no record
    try:
        with again.session() as s:
            assert len(s.scalars(select(BackupRecord)).all()) == 1
    finally:
        again.close()


def test_a_new_ledger_needs_no_pre_migration_backup(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite3")
    try:
        assert db.pre_upgrade_copy is None
        with db.session() as s:
            assert s.scalars(select(BackupRecord)).all() == []
    finally:
        db.close()
