"""Incident and service-request files are removed as an asset's are (one rule,
``app.services.attachments.mark_removed``): the row stays with who removed it and when, its bytes
leave the ledger, the incident's history and the audit trail say so; a closed incident refuses;
several files are added in one transaction with the same secret scan as an asset's."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.services import attachments as rules
from app.services.incident import actions as incident_actions
from app.services.incident import workflow
from app.services.servicedesk import actions as desk_actions
from app.services.servicedesk import requests as sr
from app.store.models import Attachment, AuditEvent, IncidentEvent

T0 = datetime(2026, 6, 1, 1, 0, tzinfo=UTC)
CONFIG = "sysname core\n管理员密码：Xk9#mQ2!vL\n"


def _incident(db, contract) -> object:
    with db.session() as s:
        return workflow.create_incident(s, contract, actor="王建国", title="机房 UPS 告警", occurred_at=T0,
                                        reported_at=T0, severity="P2").id


def _close(db, inc_id) -> None:
    with db.session() as s:
        workflow.transition(s, inc_id, "in_progress", actor="王建国")
        workflow.transition(s, inc_id, "restored", actor="王建国")
        workflow.update_incident(s, inc_id, actor="王建国", cause_category="power_environment", cause="市电波动",
                                 resolution="UPS 自检恢复")
        workflow.close_incident(s, inc_id, actor="王建国")


def _files(tmp_path: Path) -> list[Path]:
    log = tmp_path / "ups.log"
    log.write_bytes(b"UPS bypass 03:12\n")
    cfg = tmp_path / "switch.txt"
    cfg.write_text(CONFIG, encoding="utf-8")
    return [log, cfg]


def test_incident_files_are_added_together_scanned_and_removed_into_the_history(db, pinggu, tmp_path) -> None:
    inc_id = _incident(db, pinggu)
    added = incident_actions.add_attachments(db, inc_id, _files(tmp_path), actor="李晓明").value
    assert [(a.filename, a.secret_findings > 0) for a in added] == [("ups.log", False), ("switch.txt", True)]
    assert [r.filename for r in rules.listing(db, "incident", inc_id)] == ["ups.log", "switch.txt"]

    gone = incident_actions.remove_attachments(db, [added[1].id], actor="张伟").value
    assert gone == ("switch.txt",)
    assert [r.filename for r in rules.listing(db, "incident", inc_id)] == ["ups.log"]
    with db.session() as s:
        att = s.get(Attachment, added[1].id)
        assert att is not None and att.content is None and att.removed_by == "张伟" and att.removed_at is not None
        assert att.sha256 == added[1].sha256 and att.size_bytes == added[1].size_bytes  # kept for the history
        lines = s.scalars(select(IncidentEvent.changes).where(IncidentEvent.incident_id == inc_id,
                                                              IncidentEvent.kind == "field")).all()
        assert {"attachments": ["switch.txt", ""]} in lines
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "incident.attachment_remove")).one()
        assert ev.actor == "张伟" and ev.entity_id == str(inc_id) and ev.details["filename"] == "switch.txt"
        assert CONFIG not in str(ev.details)
    removed = rules.listing(db, "incident", inc_id, removed=True)
    assert [(r.filename, r.removed_by) for r in removed] == [("ups.log", ""), ("switch.txt", "张伟")]
    with pytest.raises(ValidationError, match=r"switch\.txt"):
        incident_actions.remove_attachments(db, [added[1].id], actor="张伟")  # removed already
    # after removal the same content may come back (a new row)
    again = incident_actions.add_attachments(db, inc_id, [tmp_path / "switch.txt"], actor="李晓明").value
    assert again[0].id != added[1].id


def test_a_closed_incident_refuses_removal_and_a_refused_batch_removes_nothing(db, pinggu, tmp_path) -> None:
    inc_id = _incident(db, pinggu)
    added = incident_actions.add_attachments(db, inc_id, _files(tmp_path), actor="李晓明").value
    with pytest.raises(ValidationError):  # the second was never there: neither is removed
        incident_actions.remove_attachments(db, [added[0].id, added[0].id], actor="张伟")
    assert len(rules.listing(db, "incident", inc_id)) == 2
    _close(db, inc_id)
    with pytest.raises(ValidationError, match=r"reopen|重新打开"):
        incident_actions.remove_attachments(db, [added[0].id], actor="张伟")
    assert len(rules.listing(db, "incident", inc_id)) == 2


def test_request_files_are_removed_the_same_way_and_not_through_the_incident_action(db, pinggu, tmp_path) -> None:
    with db.session() as s:
        req_id = sr.create_request(s, pinggu, actor="王建国", title="打印机报错").id
    added = desk_actions.add_request_attachments(db, req_id, _files(tmp_path), actor="李晓明").value
    assert added[1].secret_findings > 0
    with pytest.raises(Exception, match=str(added[0].id)):
        incident_actions.remove_attachments(db, [added[0].id], actor="张伟")  # not an incident's file
    assert desk_actions.remove_request_attachments(db, [added[0].id], actor="张伟").value == ("ups.log",)
    assert [r.filename for r in rules.listing(db, "service_request", req_id)] == ["switch.txt"]
    with db.session() as s:
        assert s.scalars(select(AuditEvent.actor).where(
            AuditEvent.action == "service_request.attachment_remove")).all() == ["张伟"]
        assert s.get(Attachment, added[0].id).content is None
