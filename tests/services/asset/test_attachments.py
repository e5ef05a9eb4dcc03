"""Attachments of an asset: kept inside the ledger, refused when empty, too large or twice,
removed with the removal kept in history and in the audit chain; a backup carries the bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.i18n import set_language
from app.errors import ValidationError
from app.services import audit_actions
from app.services.asset import actions, attachments
from app.services.asset.queries import asset_view
from app.store.models import AssetChange, Attachment, AuditEvent

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40


def _asset(db, cid) -> object:
    return actions.create_asset(db, cid, actor="王建国", values={"name": "核心交换机", "asset_class": "network"}).value


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_add_keeps_the_bytes_in_the_ledger_with_history_and_audit(db, pinggu, tmp_path) -> None:
    aid = _asset(db, pinggu.id)
    src = _file(tmp_path, "采购合同.pdf", PDF)
    added = actions.add_attachments(db, aid, [src], actor="李晓明").value
    assert len(added) == 1 and added[0].size_bytes == len(PDF) and added[0].secret_findings == 0
    src.unlink()  # the ledger does not depend on the original
    rows = attachments.listing(db, aid)
    assert [(r.filename, r.media_type, r.size_bytes, r.added_by) for r in rows] == [
        ("采购合同.pdf", "application/pdf", len(PDF), "李晓明")]
    assert rows[0].sha256 == hashlib.sha256(PDF).hexdigest() and rows[0].added_at.tzinfo is not None
    with db.session() as s:
        att = s.scalars(select(Attachment)).one()
        assert (att.owner_kind, att.owner_id, bytes(att.content or b"")) == ("asset", aid, PDF)
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "asset.attach")).one()
        assert ev.details["sha256"] == rows[0].sha256 and ev.details["size_bytes"] == len(PDF)
        assert "content" not in ev.details and PDF.hex()[:64] not in str(ev.details)
    hist = asset_view(db, aid).history
    assert ("attachments", "", "采购合同.pdf", "李晓明") in {(h.field, h.old, h.new, h.actor) for h in hist}


def test_empty_too_large_and_same_content_twice_are_refused_and_nothing_written(db, pinggu, tmp_path) -> None:
    set_language("en")
    aid = _asset(db, pinggu.id)
    with pytest.raises(ValidationError, match="empty"):
        actions.add_attachments(db, aid, [_file(tmp_path, "blank.txt", b"")], actor="t")
    big = tmp_path / "scan.tif"
    with big.open("wb") as f:
        f.truncate(attachments.MAX_BYTES + 1)
    with pytest.raises(ValidationError, match=r"at most 20 MB") as exc:
        actions.add_attachments(db, aid, [big], actor="t")
    assert "scan.tif" in str(exc.value)
    first = _file(tmp_path, "rack.jpg", b"\xff\xd8\xff photo")
    again = _file(tmp_path, "rack-copy.jpg", b"\xff\xd8\xff photo")
    other = _file(tmp_path, "warranty.pdf", PDF)
    with pytest.raises(ValidationError, match=r"rack-copy\.jpg.*already attached.*rack\.jpg"):
        actions.add_attachments(db, aid, [other, first, again], actor="t")  # one transaction: none kept
    assert attachments.listing(db, aid) == []
    actions.add_attachments(db, aid, [first], actor="t")
    with pytest.raises(ValidationError, match="same content"):
        actions.add_attachments(db, aid, [again], actor="t")
    assert [r.filename for r in attachments.listing(db, aid)] == ["rack.jpg"]
    set_language("zh_CN")
    with pytest.raises(ValidationError, match="最大 20 MB"):
        actions.add_attachments(db, aid, [big], actor="t")


def test_remove_is_kept_in_history_and_audit_and_the_same_file_can_come_back(db, pinggu, tmp_path) -> None:
    aid = _asset(db, pinggu.id)
    src = _file(tmp_path, "保修证书.pdf", PDF)
    att_id = actions.add_attachments(db, aid, [src], actor="王建国").value[0].id
    assert actions.remove_attachments(db, [att_id], actor="李晓明").value == ("保修证书.pdf",)
    assert attachments.listing(db, aid) == []
    gone = attachments.listing(db, aid, removed=True)[0]
    assert (gone.removed_by, gone.added_by) == ("李晓明", "王建国") and gone.removed_at is not None
    with db.session() as s:
        assert s.get(Attachment, att_id).content is None  # the bytes do not live on
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "asset.attachment_remove")).one()
        assert (ev.actor, ev.details["filename"], ev.details["sha256"]) == ("李晓明", "保修证书.pdf", gone.sha256)
        change = s.scalars(select(AssetChange).where(AssetChange.field == "attachments", AssetChange.new == "")).one()
        assert (change.old, change.actor) == ("保修证书.pdf", "李晓明")
    with pytest.raises(ValidationError):
        actions.remove_attachments(db, [att_id], actor="李晓明")
    with pytest.raises(ValidationError):
        actions.write_attachment(db, att_id, tmp_path / "x.pdf", actor="t")
    again = actions.add_attachments(db, aid, [src], actor="王建国").value[0]
    assert again.id != att_id and [r.filename for r in attachments.listing(db, aid)] == ["保修证书.pdf"]
    assert audit_actions.verify(db).value.ok


def test_save_as_writes_the_same_bytes_and_is_audited(db, pinggu, tmp_path) -> None:
    aid = _asset(db, pinggu.id)
    att_id = actions.add_attachments(db, aid, [_file(tmp_path, "合同.pdf", PDF)], actor="t").value[0].id
    out = actions.write_attachment(db, att_id, tmp_path / "out" / "副本.pdf", actor="李晓明").value
    assert out.read_bytes() == PDF
    with db.session() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "asset.attachment_save")).one()
        assert ev.details["target"] == str(out) and ev.actor == "李晓明"


def test_a_text_file_with_a_password_is_kept_with_a_warning(db, pinggu, tmp_path) -> None:
    aid = _asset(db, pinggu.id)
    cfg = _file(tmp_path, "switch.cfg.txt", b"hostname core-sw\nenable password: Xk9#mQ2!vL\n")
    photo = _file(tmp_path, "rack.png", b"\x89PNG\r\n\x1a\n\x00 password: hunter22")
    added = actions.add_attachments(db, aid, [cfg, photo], actor="t").value
    assert [a.secret_findings for a in added] == [1, 0]


@pytest.mark.sqlite_only
def test_a_backup_carries_the_attachment(db, pinggu, tmp_path) -> None:
    from app.services.backup import take_backup
    from app.store.db import open_database

    aid = _asset(db, pinggu.id)
    actions.add_attachments(db, aid, [_file(tmp_path, "合同.pdf", PDF)], actor="t")
    backup = take_backup(db, tmp_path / "backups", actor="t").path
    copy = open_database(backup, migrate=False)
    try:
        with copy.session() as s:
            assert bytes(s.scalars(select(Attachment.content)).one() or b"") == PDF
    finally:
        copy.close()
