"""Fault log (故障): workflow, strict timeline, close/reopen rules, downtime, attachments."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app import paths
from app.errors import NotFoundError, ValidationError
from app.services.incident import workflow as inc_svc
from app.services.incident.attachments import add_attachment
from app.services.queries.lookup import engineers_by_name, services_by_code
from app.store.models import Attachment, AuditEvent, Incident, IncidentEvent, IncidentService

UTC = UTC
T0 = datetime(2026, 6, 1, 1, 0, tzinfo=UTC)  # 09:00 Beijing, a Monday


def _new(db, contract, severity="P2", **kw):
    with db.session() as s:
        svc = services_by_code(s, contract)
        inc = inc_svc.create_incident(
            s, contract, actor="王建国", title="OA 无法登录", occurred_at=T0,
            reported_at=T0 + timedelta(minutes=5), severity=severity,
            service_ids=[svc["oa"].id, svc["website"].id], **kw,
        )
        return inc.id


def _eng(db, contract, name="李晓明"):
    with db.session() as s:
        return engineers_by_name(s, contract)[name].id


def _snapshot(db, inc_id):
    with db.session() as s:
        inc = s.get(Incident, inc_id)
        cols = {c.key: getattr(inc, c.key) for c in Incident.__table__.columns}
        n_events = len(list(s.scalars(select(IncidentEvent).where(IncidentEvent.incident_id == inc_id))))
        return cols, n_events


def test_happy_path_records_every_status_with_its_effective_time(db, pinggu):
    inc_id = _new(db, pinggu)
    eng = _eng(db, pinggu)
    t = T0 + timedelta(minutes=5)
    with db.session() as s:
        inc_svc.transition(s, inc_id, "assigned", actor="王建国", at=t + timedelta(minutes=10), assignee_id=eng)
    with db.session() as s:
        inc_svc.transition(s, inc_id, "in_progress", actor="李晓明", at=t + timedelta(minutes=20))
        inc_svc.update_incident(s, inc_id, actor="李晓明", onsite_at=t + timedelta(minutes=25))
    with db.session() as s:
        inc_svc.transition(s, inc_id, "pending", actor="李晓明", at=t + timedelta(minutes=60), note="等待厂商")
    with db.session() as s:
        inc_svc.transition(s, inc_id, "in_progress", actor="李晓明", at=t + timedelta(minutes=120))
    with db.session() as s:
        inc_svc.transition(s, inc_id, "restored", actor="李晓明", at=t + timedelta(minutes=150))
    with db.session() as s:
        inc_svc.close_incident(s, inc_id, actor="王建国", cause_category="software", cause="证书过期",
                               resolution="更新证书", at=t + timedelta(minutes=180))

    with db.session() as s:
        inc = inc_svc.get_incident(s, inc_id)
        assert inc.status == "closed"
        assert inc.assignee_id == eng
        # responded = first acknowledgement by an engineer (the assignment), not the later start
        assert inc.responded_at == t + timedelta(minutes=10)
        assert inc.onsite_at == t + timedelta(minutes=25)
        assert inc.restored_at == t + timedelta(minutes=150)
        assert inc.closed_at == t + timedelta(minutes=180)
        # SLA figures stored at close (5x8 working Monday; the pending hour does not count)
        assert inc.response_minutes == pytest.approx(10)
        assert inc.restore_minutes == pytest.approx(150 - 60)
        assert inc.response_breached is False and inc.restore_breached is False
        evs = inc_svc.events(s, inc_id)
        status = [(e.from_status, e.to_status, e.at) for e in evs if e.kind == "status"]
        assert status == [
            ("new", "assigned", t + timedelta(minutes=10)),
            ("assigned", "in_progress", t + timedelta(minutes=20)),
            ("in_progress", "pending", t + timedelta(minutes=60)),
            ("pending", "in_progress", t + timedelta(minutes=120)),
            ("in_progress", "restored", t + timedelta(minutes=150)),
            ("restored", "closed", t + timedelta(minutes=180)),
        ]
        assert evs[0].kind == "created"
        pend = next(e for e in evs if e.to_status == "pending")
        assert pend.note == "等待厂商" and pend.actor == "李晓明"
        onsite = next(e for e in evs if e.kind == "field" and "onsite_at" in e.changes)
        assert onsite.changes["onsite_at"][0] == ""
        # restore closes the open downtime windows at the restore instant
        rows = list(s.scalars(select(IncidentService).where(IncidentService.incident_id == inc_id)))
        assert len(rows) == 2
        assert all(r.downtime_start == T0 and r.downtime_end == t + timedelta(minutes=150) for r in rows)
        actions = {a.action for a in s.scalars(select(AuditEvent))}
        assert {"incident.create", "incident.assigned", "incident.pending", "incident.close"} <= actions


def test_illegal_transition_is_refused(db, pinggu):
    inc_id = _new(db, pinggu)
    with db.session() as s, pytest.raises(ValidationError) as exc:
        inc_svc.transition(s, inc_id, "restored", actor="x")
    assert exc.value.field == "status"
    with db.session() as s, pytest.raises(ValidationError):
        inc_svc.transition(s, inc_id, "pending", actor="x")
    with db.session() as s:
        assert inc_svc.get_incident(s, inc_id).status == "new"
    # every allowed move names real statuses and closed leaves only by reopen
    assert set(inc_svc.TRANSITIONS) == {"new", "assigned", "in_progress", "pending", "restored", "closed"}
    assert inc_svc.TRANSITIONS["closed"] == {"in_progress"}


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"reported_at": T0 - timedelta(minutes=1)}, "reported_at"),
        ({"occurred_at": T0 + timedelta(hours=1)}, "occurred_at"),
        ({"responded_at": T0 + timedelta(minutes=1)}, "responded_at"),
        ({"responded_at": T0 + timedelta(minutes=30), "onsite_at": T0 + timedelta(minutes=20)}, "onsite_at"),
        ({"restored_at": T0 - timedelta(minutes=1)}, "restored_at"),
        ({"responded_at": T0 + timedelta(minutes=30), "restored_at": T0 + timedelta(minutes=20)}, "restored_at"),
    ],
)
def test_timeline_out_of_order_names_the_field_and_saves_nothing(db, pinggu, fields, field):
    inc_id = _new(db, pinggu)
    before = _snapshot(db, inc_id)
    with pytest.raises(ValidationError) as exc, db.session() as s:
        inc_svc.update_incident(s, inc_id, actor="x", **fields)
    assert exc.value.field == field
    assert _snapshot(db, inc_id) == before


def test_status_change_cannot_be_backdated_before_previous_one(db, pinggu):
    inc_id = _new(db, pinggu)
    with db.session() as s:
        inc_svc.transition(s, inc_id, "in_progress", actor="x", at=T0 + timedelta(minutes=30))
    with pytest.raises(ValidationError) as exc, db.session() as s:
        inc_svc.transition(s, inc_id, "pending", actor="x", at=T0 + timedelta(minutes=20))
    assert exc.value.field == "at"
    # responded before reported is refused on the move too
    inc2 = _new(db, pinggu)
    with pytest.raises(ValidationError) as exc, db.session() as s:
        inc_svc.transition(s, inc2, "assigned", actor="x", at=T0 + timedelta(minutes=1))
    assert exc.value.field in ("at", "responded_at")


def _to_restored(db, inc_id):
    with db.session() as s:
        inc_svc.transition(s, inc_id, "in_progress", actor="x", at=T0 + timedelta(minutes=10))
        inc_svc.transition(s, inc_id, "restored", actor="x", at=T0 + timedelta(minutes=40))


def test_close_requires_cause_resolution_and_restore(db, pinggu):
    inc_id = _new(db, pinggu)
    with db.session() as s:
        inc_svc.transition(s, inc_id, "in_progress", actor="x", at=T0 + timedelta(minutes=10))
    before = _snapshot(db, inc_id)
    with pytest.raises(ValidationError) as exc, db.session() as s:
        inc_svc.close_incident(s, inc_id, actor="x", cause_category="hardware", resolution="换盘",
                               restored_at=T0 + timedelta(minutes=40))
    assert exc.value.field == "cause"
    with pytest.raises(ValidationError) as exc, db.session() as s:
        inc_svc.close_incident(s, inc_id, actor="x", cause="硬盘故障", resolution="换盘",
                               restored_at=T0 + timedelta(minutes=40))
    assert exc.value.field == "cause_category"
    with pytest.raises(ValidationError) as exc, db.session() as s:
        inc_svc.close_incident(s, inc_id, actor="x", cause_category="hardware", cause="硬盘故障")
    assert exc.value.field == "resolution"
    with pytest.raises(ValidationError) as exc, db.session() as s:
        inc_svc.close_incident(s, inc_id, actor="x", cause_category="hardware", cause="c", resolution="r")
    assert exc.value.field == "restored_at"
    with pytest.raises(ValidationError) as exc, db.session() as s:
        inc_svc.close_incident(s, inc_id, actor="x", cause_category="bogus", cause="c", resolution="r",
                               restored_at=T0 + timedelta(minutes=40))
    assert exc.value.field == "cause_category"
    with pytest.raises(ValidationError) as exc, db.session() as s:
        inc_svc.close_incident(s, inc_id, actor="x", cause_category="hardware", cause="c", resolution="r",
                               restored_at=T0 + timedelta(minutes=40), at=T0 + timedelta(minutes=30))
    assert exc.value.field == "closed_at"
    assert _snapshot(db, inc_id) == before
    # closing from in_progress with a restore time records the restore as its own status event
    with db.session() as s:
        inc_svc.close_incident(s, inc_id, actor="x", cause_category="hardware", cause="硬盘故障",
                               resolution="更换硬盘", restored_at=T0 + timedelta(minutes=40),
                               at=T0 + timedelta(minutes=50))
    with db.session() as s:
        evs = [(e.to_status, e.at) for e in inc_svc.events(s, inc_id) if e.kind == "status"]
        assert evs[-2:] == [("restored", T0 + timedelta(minutes=40)), ("closed", T0 + timedelta(minutes=50))]


def test_closed_incident_is_read_only_until_reopened(db, pinggu):
    inc_id = _new(db, pinggu)
    _to_restored(db, inc_id)
    with db.session() as s:
        inc_svc.close_incident(s, inc_id, actor="x", cause_category="network", cause="c", resolution="r",
                               at=T0 + timedelta(hours=1))
    with pytest.raises(ValidationError) as exc, db.session() as s:
        inc_svc.update_incident(s, inc_id, actor="x", title="changed")
    assert exc.value.field == "status"
    with pytest.raises(ValidationError), db.session() as s:
        inc_svc.transition(s, inc_id, "in_progress", actor="x")
    with pytest.raises(ValidationError) as exc, db.session() as s:
        inc_svc.reopen_incident(s, inc_id, actor="x", reason="  ")
    assert exc.value.field == "reason"
    with db.session() as s:
        inc_svc.reopen_incident(s, inc_id, actor="王建国", reason="用户反馈仍无法登录", at=T0 + timedelta(hours=2))
    with db.session() as s:
        inc = inc_svc.get_incident(s, inc_id)
        assert inc.status == "in_progress" and inc.closed_at is None and inc.restored_at is None
        ev = next(e for e in inc_svc.events(s, inc_id) if e.kind == "reopen")
        assert (ev.kind, ev.from_status, ev.to_status, ev.note, ev.actor) == (
            "reopen", "closed", "in_progress", "用户反馈仍无法登录", "王建国")
        assert ev.at == T0 + timedelta(hours=2)
        inc_svc.update_incident(s, inc_id, actor="x", title="OA 登录故障（复发）")
    with pytest.raises(ValidationError), db.session() as s:
        inc_svc.reopen_incident(s, inc_id, actor="x", reason="again")


def test_major_incident_needs_root_cause_analysis(db, pinggu):
    inc_id = _new(db, pinggu, severity="P1")
    _to_restored(db, inc_id)
    with pytest.raises(ValidationError) as exc, db.session() as s:
        inc_svc.close_incident(s, inc_id, actor="x", cause_category="hardware", cause="c", resolution="r")
    assert exc.value.field == "root_cause_analysis"
    with db.session() as s:
        assert inc_svc.get_incident(s, inc_id).cause == ""
        inc_svc.update_incident(s, inc_id, actor="x", root_cause_analysis="电源模块老化，已纳入巡检")
        inc_svc.close_incident(s, inc_id, actor="x", cause_category="hardware", cause="c", resolution="r")
        assert inc_svc.get_incident(s, inc_id).status == "closed"


def test_update_writes_field_event_with_old_and_new_text(db, pinggu):
    inc_id = _new(db, pinggu)
    eng = _eng(db, pinggu, "王建国")
    with db.session() as s:
        inc_svc.update_incident(s, inc_id, actor="李晓明", title="OA 登录缓慢", severity="P3",
                                assignee_id=eng, vendor_case_number="VC-1")
    with db.session() as s:
        ev = inc_svc.events(s, inc_id)[-1]
        assert ev.kind == "field" and ev.actor == "李晓明"
        assert ev.changes["title"] == ["OA 无法登录", "OA 登录缓慢"]
        assert ev.changes["severity"] == ["P2", "P3"]
        assert ev.changes["assignee_id"] == ["", "王建国"]
    for bad, field in ([{"severity": "P9"}, "severity"], [{"status": "closed"}, "status"],
                       [{"title": " "}, "title"], [{"source": "pigeon"}, "source"]):
        with pytest.raises(ValidationError) as exc, db.session() as s:
            inc_svc.update_incident(s, inc_id, actor="x", **bad)
        assert exc.value.field == field


def test_downtime_defaults_and_edit(db, pinggu):
    inc_id = _new(db, pinggu)
    with db.session() as s:
        svc = services_by_code(s, pinggu)
        inc_svc.set_affected(s, inc_id, service_ids=[svc["oa"].id, svc["lan"].id], asset_ids=[], actor="x")
        row = inc_svc.set_downtime(s, inc_id, svc["oa"].id, start=T0 + timedelta(minutes=2),
                                   end=T0 + timedelta(minutes=20), actor="x")
        assert row.downtime_edited
        with pytest.raises(ValidationError) as exc:
            inc_svc.set_downtime(s, inc_id, svc["oa"].id, start=T0, end=T0 - timedelta(minutes=1), actor="x")
        assert exc.value.field == "downtime_end"
        with pytest.raises(ValidationError) as exc:
            inc_svc.set_downtime(s, inc_id, svc["website"].id, start=T0, end=None, actor="x")
        assert exc.value.field == "service_id"
    _to_restored(db, inc_id)
    with db.session() as s:
        svc = services_by_code(s, pinggu)
        rows = {r.service_id: r for r in s.scalars(select(IncidentService).where(IncidentService.incident_id == inc_id))}
        assert set(rows) == {svc["oa"].id, svc["lan"].id}
        assert rows[svc["oa"].id].downtime_end == T0 + timedelta(minutes=20)  # edited window kept
        assert rows[svc["lan"].id].downtime_start == T0
        assert rows[svc["lan"].id].downtime_end == T0 + timedelta(minutes=40)
        ev = next(e for e in inc_svc.events(s, inc_id) if e.kind == "field" and "services" in e.changes)
        assert ev.changes["services"] == ["oa, website", "lan, oa"]


def test_get_incident_by_number_and_id(db, pinggu):
    inc_id = _new(db, pinggu)
    with db.session() as s:
        inc = inc_svc.get_incident(s, inc_id)
        assert inc_svc.get_incident(s, inc.number).id == inc_id
        assert inc_svc.get_incident(s, str(inc_id)).id == inc_id
        with pytest.raises(NotFoundError):
            inc_svc.get_incident(s, "INC-2026-9999")


def test_attachment_kept_in_the_ledger_by_content_hash(db, pinggu, tmp_path):
    """The bytes are in the ledger (not in the data folder): the original may go; the same
    content on another incident is its own row; the same content twice on one is refused."""
    inc_id = _new(db, pinggu)
    other = _new(db, pinggu)
    src = tmp_path / "screenshot.png"
    src.write_bytes(b"\x89PNG fake image bytes")
    with db.session() as s:
        att = add_attachment(s, "incident", inc_id, src, actor="x")
        assert att.filename == "screenshot.png" and att.size_bytes == src.stat().st_size
        assert att.sha256 == hashlib.sha256(b"\x89PNG fake image bytes").hexdigest()
    src_copy = tmp_path / "same.png"
    src_copy.write_bytes(src.read_bytes())
    src.unlink()
    with db.session() as s:
        add_attachment(s, "incident", other, src_copy, actor="x")
        assert [bytes(a.content) for a in s.scalars(select(Attachment))] == [b"\x89PNG fake image bytes"] * 2
    assert not (paths.data_dir() / "attachments").exists()
    with pytest.raises(ValidationError) as exc, db.session() as s:
        add_attachment(s, "incident", inc_id, src_copy, actor="x")
    assert exc.value.field == "file" and "screenshot.png" in str(exc.value)
    with pytest.raises(ValidationError) as exc, db.session() as s:
        add_attachment(s, "incident", inc_id, tmp_path / "missing.txt", actor="x")
    assert exc.value.field == "file"


def test_close_failing_in_sla_computation_leaves_nothing_behind(db, pinggu, monkeypatch):
    from app.services.incident import sla

    def boom(*_a, **_k):
        raise ValidationError("reported_at", "broken")

    inc_id = _new(db, pinggu)
    _to_restored(db, inc_id)
    before = _snapshot(db, inc_id)
    monkeypatch.setattr(sla, "compute_incident_clocks", boom)
    with db.session() as s:  # noqa: SIM117 - the caller catches the error and still commits
        with pytest.raises(ValidationError):
            inc_svc.close_incident(s, inc_id, actor="x", cause_category="software", cause="c", resolution="r")
    assert _snapshot(db, inc_id) == before


def test_close_without_holiday_calendar_closes_and_leaves_sla_empty(db, pinggu, monkeypatch):
    from app.errors import CalendarCoverageError
    from app.services.incident import sla

    def uncovered(*_a, **_k):
        raise CalendarCoverageError([2026])

    inc_id = _new(db, pinggu)
    _to_restored(db, inc_id)
    monkeypatch.setattr(sla, "compute_incident_clocks", uncovered)
    with db.session() as s:
        inc_svc.close_incident(s, inc_id, actor="x", cause_category="software", cause="c", resolution="r")
    with db.session() as s:
        inc = inc_svc.get_incident(s, inc_id)
        assert inc.status == "closed" and inc.response_minutes is None and inc.restore_breached is None
        audit_ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "incident.close")).one()
        assert "2026" in audit_ev.details["sla"]


def test_reassignment_through_transition_is_a_field_event(db, pinggu):
    inc_id = _new(db, pinggu)
    li, wang = _eng(db, pinggu, "李晓明"), _eng(db, pinggu, "王建国")
    with db.session() as s:
        inc_svc.transition(s, inc_id, "assigned", actor="x", at=T0 + timedelta(minutes=10), assignee_id=li)
        inc_svc.transition(s, inc_id, "assigned", actor="x", assignee_id=wang, note="换人")
        with pytest.raises(ValidationError) as exc:
            inc_svc.transition(s, inc_id, "assigned", actor="x", assignee_id=wang)
        assert exc.value.field == "assignee_id"
    with db.session() as s:
        inc = inc_svc.get_incident(s, inc_id)
        assert inc.assignee_id == wang and inc.responded_at == T0 + timedelta(minutes=10)
        evs = inc_svc.events(s, inc_id)
        assert [e.to_status for e in evs if e.kind == "status"] == ["assigned"]
        assert evs[-1].changes == {"assignee_id": ["李晓明", "王建国"]} and evs[-1].note == "换人"


def test_close_keeps_cause_already_recorded(db, pinggu):
    inc_id = _new(db, pinggu)
    _to_restored(db, inc_id)
    with db.session() as s:
        inc_svc.update_incident(s, inc_id, actor="x", cause_category="power_environment", cause="市电中断")
        inc_svc.close_incident(s, inc_id, actor="x", cause_category="", cause="", resolution="切换发电机")
    with db.session() as s:
        inc = inc_svc.get_incident(s, inc_id)
        assert (inc.status, inc.cause_category, inc.cause) == ("closed", "power_environment", "市电中断")


def test_reopened_incident_can_be_restored_and_closed_again(db, pinggu):
    inc_id = _new(db, pinggu)
    _to_restored(db, inc_id)
    with db.session() as s:
        inc_svc.close_incident(s, inc_id, actor="x", cause_category="software", cause="c", resolution="r",
                               at=T0 + timedelta(minutes=50))
        inc_svc.reopen_incident(s, inc_id, actor="x", reason="复发", at=T0 + timedelta(minutes=60))
        with pytest.raises(ValidationError) as exc:  # the close is recorded again, after the reopen
            inc_svc.transition(s, inc_id, "restored", actor="x", at=T0 + timedelta(minutes=55))
        assert exc.value.field == "at"
        inc_svc.transition(s, inc_id, "restored", actor="x", at=T0 + timedelta(minutes=90))
        inc = inc_svc.close_incident(s, inc_id, actor="x", resolution="重装客户端", at=T0 + timedelta(minutes=95))
        assert inc.status == "closed" and inc.restored_at == T0 + timedelta(minutes=90)
        assert inc.resolution == "重装客户端" and inc.restore_minutes is not None
        kinds = [(e.kind, e.to_status) for e in inc_svc.events(s, inc_id) if e.kind != "field"]
        assert kinds == [("created", "new"), ("status", "in_progress"), ("status", "restored"),
                         ("status", "closed"), ("reopen", "in_progress"), ("status", "restored"),
                         ("status", "closed")]


def test_attachments_of_requests_and_closed_incidents(db, pinggu, tmp_path):
    from app.services.servicedesk import requests as sr

    src = tmp_path / "工单截图.txt"
    src.write_text("打印机错误代码 E05", encoding="utf-8")
    with db.session() as s:
        req = sr.create_request(s, pinggu, actor="x", title="打印机报错", category="terminal")
        a1 = add_attachment(s, "service_request", req.id, src, actor="x")
        assert bytes(a1.content or b"") == src.read_bytes()
    with pytest.raises(ValidationError) as exc, db.session() as s:  # the one rule: same content refused
        add_attachment(s, "service_request", req.id, src, actor="x")
    assert exc.value.field == "file"
    with db.session() as s:
        with pytest.raises(ValidationError) as exc:
            add_attachment(s, "contract", req.id, src, actor="x")
        assert exc.value.field == "owner_kind"
    inc_id = _new(db, pinggu)
    _to_restored(db, inc_id)
    with db.session() as s:
        add_attachment(s, "incident", inc_id, src, actor="李晓明")
        ev = inc_svc.events(s, inc_id)[-1]
        assert ev.changes == {"attachments": ["", "工单截图.txt"]} and ev.actor == "李晓明"
        inc_svc.close_incident(s, inc_id, actor="x", cause_category="hardware", cause="c", resolution="r")
    with pytest.raises(ValidationError) as exc, db.session() as s:
        add_attachment(s, "incident", inc_id, src, actor="x")
    assert exc.value.field == "status"
