"""Incident and service-request attachments are kept inside the ledger under the one attachment
rule (``app.services.attachments``, shared with assets): the bytes are in ``attachment.content``,
the audit event carries no bytes, opening/saving reads from the ledger (so another workstation
with another data folder opens the same file), a backup file carries the bytes, and a row whose
file went missing stays listed as missing (文件缺失)."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app import paths
from app.errors import NotFoundError, ValidationError
from app.services import attachments as rules
from app.services.incident import actions as incident_actions
from app.services.incident import workflow
from app.services.queries.incident import incident_view
from app.services.servicedesk import actions as desk_actions
from app.services.servicedesk import requests as sr
from app.store.models import Attachment, AuditEvent, IncidentEvent

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64
T0 = datetime(2026, 6, 1, 1, 0, tzinfo=UTC)


def _incident(db, contract) -> object:
    with db.session() as s:
        return workflow.create_incident(s, contract, actor="王建国", title="机房 UPS 告警", occurred_at=T0,
                                        reported_at=T0, severity="P2").id


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_an_incident_file_is_in_the_ledger_with_history_and_an_audit_event_without_bytes(db, pinggu, tmp_path):
    inc_id = _incident(db, pinggu)
    src = _file(tmp_path, "ups-告警截图.png", PNG)
    incident_actions.attach_file(db, inc_id, src, actor="李晓明")
    src.unlink()  # the ledger does not depend on the original
    with db.session() as s:
        att = s.scalars(select(Attachment)).one()
        assert (att.owner_kind, att.owner_id, att.filename, att.media_type, att.size_bytes) == (
            "incident", inc_id, "ups-告警截图.png", "image/png", len(PNG))
        assert bytes(att.content or b"") == PNG and att.sha256 == hashlib.sha256(PNG).hexdigest()
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "incident.attach")).one()
        assert ev.details == {"attachment_id": str(att.id), "filename": "ups-告警截图.png", "size_bytes": len(PNG),
                              "media_type": "image/png", "sha256": att.sha256}
        line = s.scalars(select(IncidentEvent).where(IncidentEvent.incident_id == inc_id,
                                                     IncidentEvent.kind == "field")).one()
        assert line.changes == {"attachments": ["", "ups-告警截图.png"]} and line.actor == "李晓明"
    assert not (paths.data_dir() / "attachments").exists()  # nothing written beside the ledger
    view = incident_view(db, inc_id)
    assert view is not None and [(a.filename, a.size_bytes, a.missing) for a in view.attachments] == [
        ("ups-告警截图.png", len(PNG), False)]


def test_another_workstation_opens_and_saves_the_file_from_the_ledger(db, pinggu, tmp_path):
    inc_id = _incident(db, pinggu)
    incident_actions.attach_file(db, inc_id, _file(tmp_path, "巡检日志.txt", "UPS 旁路 03:12\n".encode()), actor="t")
    att_id = incident_view(db, inc_id).attachments[0].id  # type: ignore[union-attr]
    paths.init_paths(tmp_path / "colleague")  # another workstation: its own, empty data folder
    opened = incident_actions.write_attachment(db, att_id, tmp_path / "open" / "巡检日志.txt", actor="张伟",
                                               purpose="open").value
    saved = incident_actions.write_attachment(db, att_id, tmp_path / "saved.txt", actor="张伟").value
    assert opened.read_text(encoding="utf-8") == saved.read_text(encoding="utf-8") == "UPS 旁路 03:12\n"
    with db.session() as s:
        acts = [(e.action, e.actor, e.details["target"]) for e in s.scalars(
            select(AuditEvent).where(AuditEvent.action.like("incident.attachment_%")).order_by(AuditEvent.seq))]
    assert acts == [("incident.attachment_open", "张伟", str(opened)), ("incident.attachment_save", "张伟", str(saved))]


def test_a_request_file_follows_the_same_rule(db, pinggu, tmp_path, monkeypatch):
    with db.session() as s:
        req_id = sr.create_request(s, pinggu, actor="x", title="打印机报错", category="terminal").id
    src = _file(tmp_path, "错误代码.jpg", PNG)
    desk_actions.attach_request_file(db, req_id, src, actor="李晓明")
    rows = rules.listing(db, "service_request", req_id)
    assert [(r.filename, r.size_bytes, r.missing) for r in rows] == [("错误代码.jpg", len(PNG), False)]
    out = desk_actions.write_request_attachment(db, rows[0].id, tmp_path / "copy.jpg", actor="x").value
    assert out.read_bytes() == PNG
    with pytest.raises(ValidationError, match=r"错误代码\.jpg"):  # the same content again
        desk_actions.attach_request_file(db, req_id, _file(tmp_path, "again.jpg", PNG), actor="x")
    with pytest.raises(ValidationError) as exc:
        desk_actions.attach_request_file(db, req_id, _file(tmp_path, "empty.txt", b""), actor="x")
    assert exc.value.field == "file" and "empty.txt" in str(exc.value)
    monkeypatch.setattr(rules, "MAX_BYTES", 1000)  # the one cap, also for requests
    with pytest.raises(ValidationError) as exc:
        desk_actions.attach_request_file(db, req_id, _file(tmp_path, "big.bin", b"x" * 1001), actor="x")
    assert "big.bin" in str(exc.value) and exc.value.field == "file"
    with pytest.raises(NotFoundError):  # an incident's write action does not open a request's file
        incident_actions.write_attachment(db, rows[0].id, tmp_path / "x.jpg", actor="x")
    with db.session() as s:
        assert len(s.scalars(select(Attachment.id)).all()) == 1
        assert s.scalars(select(AuditEvent.action).where(AuditEvent.action == "service_request.attach")).all() == [
            "service_request.attach"]


def test_a_missing_file_is_listed_and_refused_with_a_sentence(db, pinggu, tmp_path):
    inc_id = _incident(db, pinggu)
    incident_actions.attach_file(db, inc_id, _file(tmp_path, "report.pdf", PNG), actor="t")
    with db.session() as s:  # what migration 0013 leaves for a file not found in the data folder
        s.execute(update(Attachment).values(content=None))
    row = incident_view(db, inc_id).attachments[0]  # type: ignore[union-attr]
    assert row.missing and row.filename == "report.pdf" and row.size_bytes == len(PNG)
    with pytest.raises(ValidationError) as exc:
        incident_actions.write_attachment(db, row.id, tmp_path / "out.pdf", actor="t", purpose="open")
    assert "report.pdf" in str(exc.value) and not (tmp_path / "out.pdf").exists()


@pytest.mark.sqlite_only  # a backup is a copy of the SQLite file
def test_a_backup_file_carries_an_incident_attachment(db, pinggu, tmp_path):
    from app.services.backup import take_backup  # noqa: PLC0415

    inc_id = _incident(db, pinggu)
    incident_actions.attach_file(db, inc_id, _file(tmp_path, "厂商报告.pdf", PNG), actor="t")
    backup = take_backup(db, tmp_path / "backups", actor="t").path
    con = sqlite3.connect(backup)
    try:
        got = con.execute("SELECT filename, content FROM attachment WHERE owner_kind = 'incident'").fetchall()
    finally:
        con.close()
    assert got == [("厂商报告.pdf", PNG)]
