"""Migration 0013 takes the incident and request files of the data folder into the ledger: a file
that is there with its SHA-256 goes into ``attachment.content``; a missing or mismatching one keeps
its row, is logged by name and is listed as missing (文件缺失).  The downgrade writes the bytes
back out into the folder by hash (what 0012 reads)."""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

import app.store.db as appdb
from app.services import attachments as rules
from app.services.incident import actions as incident_actions
from app.services.incident import workflow
from app.services.servicedesk import actions as desk_actions
from app.services.servicedesk import requests as sr
from app.store.models import Attachment

T0 = datetime(2026, 6, 1, 1, 0, tzinfo=UTC)
FILES = {"present.png": b"\x89PNG present " * 50, "missing.log": b"log line\n" * 30,
         "mismatch.pdf": b"%PDF-1.4 mismatching " * 40}


def _migrate(db, target: str, folder: Path) -> None:
    with db.engine.connect() as conn, appdb._foreign_keys_off(conn), conn.begin():
        cfg = appdb._alembic_config(conn)
        cfg.attributes["attachments_dir"] = str(folder)
        (command.downgrade if target == "0012" else command.upgrade)(cfg, target)


def _ledger_with_files(db, contract, tmp_path: Path) -> tuple[object, object]:
    with db.session() as s:
        inc_id = workflow.create_incident(s, contract, actor="t", title="交换机宕机", occurred_at=T0,
                                          reported_at=T0, severity="P2").id
        req_id = sr.create_request(s, contract, actor="t", title="打印机报错").id
    for name, data in FILES.items():
        (tmp_path / name).write_bytes(data)
        if name == "missing.log":
            desk_actions.attach_request_file(db, req_id, tmp_path / name, actor="t")
        else:
            incident_actions.attach_file(db, inc_id, tmp_path / name, actor="t")
    return inc_id, req_id


def _stored(folder: Path, data: bytes) -> Path:
    sha = hashlib.sha256(data).hexdigest()
    return folder / sha[:2] / sha


def test_downgrade_writes_the_files_out_and_the_upgrade_takes_them_back_in(db, pinggu, tmp_path, caplog) -> None:
    inc_id, req_id = _ledger_with_files(db, pinggu, tmp_path)
    folder = tmp_path / "data" / "attachments"
    _migrate(db, "0012", folder)  # the 0012 layout: files in the folder, content NULL
    for data in FILES.values():
        assert _stored(folder, data).read_bytes() == data
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM attachment WHERE content IS NOT NULL")).scalar_one() == 0

    _stored(folder, FILES["missing.log"]).unlink()
    _stored(folder, FILES["mismatch.pdf"]).write_bytes(b"something else")
    with caplog.at_level(logging.WARNING, logger="opsledger.migrations.0013"):
        _migrate(db, "head", folder)
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name == "opsledger.migrations.0013")
    assert "missing.log" in logged and "not found" in logged
    assert "mismatch.pdf" in logged and "does not match" in logged and "present.png" not in logged

    with db.session() as s:
        got = {a.filename: (bytes(a.content) if a.content is not None else None)
               for a in s.scalars(select(Attachment))}
    assert got == {"present.png": FILES["present.png"], "missing.log": None, "mismatch.pdf": None}  # every row kept
    inc_rows = {r.filename: r.missing for r in rules.listing(db, "incident", inc_id)}
    assert inc_rows == {"present.png": False, "mismatch.pdf": True}
    assert [(r.filename, r.missing) for r in rules.listing(db, "service_request", req_id)] == [("missing.log", True)]


def test_the_upgrade_without_an_attachments_folder_keeps_every_row(db, pinggu, tmp_path) -> None:
    inc_id, _req = _ledger_with_files(db, pinggu, tmp_path)
    folder = tmp_path / "data" / "attachments"
    _migrate(db, "0012", folder)
    _migrate(db, "head", tmp_path / "elsewhere")  # another workstation: no such folder
    with db.session() as s:
        assert len(s.scalars(select(Attachment.id)).all()) == 3
    assert all(r.missing for r in rules.listing(db, "incident", inc_id))


def test_the_downgrade_refuses_when_a_file_cannot_be_written_back_and_changes_nothing(db, pinggu, tmp_path) -> None:
    _ledger_with_files(db, pinggu, tmp_path)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    with db.engine.connect() as conn:
        head = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    with pytest.raises(RuntimeError, match="cannot write attachment"):
        _migrate(db, "0012", blocked)
    with db.session() as s:  # still at the head with every file in the ledger
        assert sorted(bytes(c) for c in s.scalars(select(Attachment.content))) == sorted(FILES.values())
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head
