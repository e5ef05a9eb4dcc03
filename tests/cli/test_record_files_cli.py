"""``opsledger incident|request attach|attachments|detach``: the files of an incident or a
service request, headless, as ``opsledger asset attach|attachments`` for an asset."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.cli import main
from app.services.incident import workflow
from app.services.servicedesk import requests as sr
from app.store.models import Attachment, AuditEvent


@pytest.mark.sqlite_only
def test_attach_list_and_detach_incident_and_request_files(db, pinggu, tmp_path, capsys) -> None:
    with db.session() as s:
        inc = workflow.create_incident(s, pinggu, actor="王建国", title="UPS 告警", severity="P2",
                                       occurred_at=datetime(2026, 6, 1, 1, 0, tzinfo=UTC))
        req = sr.create_request(s, pinggu, actor="王建国", title="打印机报错")
        inc_no, req_no = inc.number, req.number
    target = str(db.engine.url.database)
    db.close()  # the CLI opens the ledger itself
    log = tmp_path / "ups.log"
    log.write_bytes(b"UPS bypass 03:12\n")
    cfg = tmp_path / "switch.txt"
    cfg.write_text("sysname core\n管理员密码：Xk9#mQ2!vL\n", encoding="utf-8")

    assert main(["incident", "attach", inc_no, str(log), str(cfg), "--db", target, "--actor", "李晓明"]) == 0
    out = capsys.readouterr().out
    assert "ups.log\t17\t" in out and "switch.txt" in out and "密码库" in out  # the vault warning
    assert main(["incident", "attach", inc_no, str(log), "--db", target]) == 1  # same content: refused
    assert "ups.log" in capsys.readouterr().err
    assert main(["incident", "attachments", inc_no, "--db", target]) == 0
    out = capsys.readouterr().out
    assert "ups.log\t17\t李晓明" in out and out.splitlines()[-1] == "共 2 个附件"

    assert main(["incident", "detach", inc_no, "switch.txt", "--db", target, "--actor", "张伟"]) == 0
    assert "switch.txt" in capsys.readouterr().out
    assert main(["incident", "detach", inc_no, "nope.txt", "--db", target]) == 1
    assert "nope.txt" in capsys.readouterr().err
    assert main(["incident", "attachments", inc_no, "--removed", "--db", target]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("ups.log\t") and lines[1].startswith("switch.txt\t") and "张伟" in lines[1]

    assert main(["request", "attach", req_no, str(log), "--db", target]) == 0
    capsys.readouterr()
    other = tmp_path / "other" / "ups.log"  # the same name, other content
    other.parent.mkdir()
    other.write_bytes(b"UPS bypass 04:40\n")
    assert main(["request", "attach", req_no, str(other), "--db", target]) == 0
    assert main(["request", "detach", req_no, "ups.log", "--db", target]) == 1  # which one? nothing removed
    assert "ups.log" in capsys.readouterr().err
    assert main(["request", "attachments", req_no, "--db", target]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ups.log\t17\tcli") and out.splitlines()[-1] == "共 2 个附件"
    assert main(["request", "attachments", "SR-0000", "--db", target]) == 1
    assert "SR-0000" in capsys.readouterr().err

    from app.store.db import open_database

    check = open_database(target)
    try:
        with check.session() as s:
            rows = s.execute(select(Attachment.owner_kind, Attachment.filename, Attachment.removed_by)
                             .order_by(Attachment.added_at)).all()
            assert [tuple(r) for r in rows] == [("incident", "ups.log", ""), ("incident", "switch.txt", "张伟"),
                                                ("service_request", "ups.log", ""), ("service_request", "ups.log", "")]
            assert s.scalars(select(AuditEvent.actor).where(
                AuditEvent.action == "incident.attachment_remove")).all() == ["张伟"]
    finally:
        check.close()
