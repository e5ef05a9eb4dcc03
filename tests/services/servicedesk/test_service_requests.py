"""Service desk (工单): intake, assignment history, resolution, follow-up, conversion to a fault."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.errors import NotFoundError, ValidationError
from app.services.incident import workflow as inc_svc
from app.services.queries.lookup import engineers_by_name, services_by_code
from app.services.servicedesk import requests as sr
from app.store.models import AuditEvent, ServiceRequest

UTC = UTC
T0 = datetime(2026, 6, 2, 1, 30, tzinfo=UTC)  # 09:30 Beijing


def _engs(db, contract):
    with db.session() as s:
        e = engineers_by_name(s, contract)
        return e["王建国"].id, e["李晓明"].id


def _new(db, contract, **kw):
    with db.session() as s:
        req = sr.create_request(s, contract, actor="王建国", title="打印机卡纸", category="terminal",
                                received_at=T0, requester_department="立案庭", requester_name="张三",
                                requester_phone="6999", **kw)
        return req.id


def test_create_validates_category_channel_and_numbers(db, pinggu):
    with db.session() as s:
        req = sr.create_request(s, pinggu, actor="x", title="开通账号", category="account", received_at=T0)
        assert req.number == "SR-2026-0001" and req.status == "new" and req.received_at == T0
        assert sr.get_request(s, "SR-2026-0001").id == req.id
        with pytest.raises(NotFoundError):
            sr.get_request(s, "SR-2026-0099")
    for kw, field in (({"category": "coffee"}, "category"), ({"channel": "pigeon"}, "channel"),
                      ({"title": " "}, "title")):
        args = {"title": "t", **kw}
        with pytest.raises(ValidationError) as exc, db.session() as s:
            sr.create_request(s, pinggu, actor="x", **args)
        assert exc.value.field == field
    with db.session() as s:
        assert len(list(s.scalars(select(ServiceRequest)))) == 1


def test_assign_and_reassign_history_and_response_time(db, pinggu):
    lead, eng = _engs(db, pinggu)
    req_id = _new(db, pinggu)
    with db.session() as s:
        sr.assign_request(s, req_id, eng, actor="王建国", at=T0 + timedelta(minutes=5))
    with db.session() as s:
        sr.assign_request(s, req_id, lead, actor="王建国", note="需更换硒鼓", at=T0 + timedelta(minutes=40))
        with pytest.raises(ValidationError) as exc:
            sr.assign_request(s, req_id, lead, actor="王建国")
        assert exc.value.field == "engineer_id"
    with pytest.raises(ValidationError) as exc, db.session() as s:
        sr.assign_request(s, req_id, eng, actor="x", at=T0 + timedelta(minutes=10))
    assert exc.value.field == "at"
    with db.session() as s:
        req = sr.get_request(s, req_id)
        assert req.assignee_id == lead and req.status == "assigned"
        assert req.responded_at == T0 + timedelta(minutes=5)  # first assignment, not the reassignment
        hist = [(a.from_engineer_id, a.to_engineer_id, a.at, a.note) for a in sr.assignments(s, req_id)]
        assert hist == [(None, eng, T0 + timedelta(minutes=5), ""),
                        (eng, lead, T0 + timedelta(minutes=40), "需更换硒鼓")]
        actions = [a.action for a in s.scalars(select(AuditEvent).where(AuditEvent.entity_id == str(req_id)))]
        assert actions.count("service_request.assign") == 1 and actions.count("service_request.reassign") == 1


def test_resolve_close_and_followup(db, pinggu):
    _, eng = _engs(db, pinggu)
    req_id = _new(db, pinggu, assignee_id=eng)
    with pytest.raises(ValidationError) as exc, db.session() as s:
        sr.record_followup(s, req_id, actor="x", satisfaction="satisfied")
    assert exc.value.field == "status"
    with db.session() as s:
        sr.respond_request(s, req_id, actor="李晓明", at=T0 + timedelta(minutes=10))
        with pytest.raises(ValidationError) as exc:
            sr.resolve_request(s, req_id, actor="李晓明", resolution="  ")
        assert exc.value.field == "resolution"
        sr.resolve_request(s, req_id, actor="李晓明", resolution="清理卡纸", at=T0 + timedelta(hours=1))
    with db.session() as s:
        with pytest.raises(ValidationError) as exc:
            sr.record_followup(s, req_id, actor="x", satisfaction="delighted")
        assert exc.value.field == "satisfaction"
        with pytest.raises(ValidationError) as exc:
            sr.record_followup(s, req_id, actor="x", satisfaction="dissatisfied", complaint=True)
        assert exc.value.field == "complaint_text"
    with db.session() as s:
        assert sr.get_request(s, req_id).satisfaction is None
        sr.close_request(s, req_id, actor="王建国", at=T0 + timedelta(hours=2))
        sr.record_followup(s, req_id, actor="王建国", satisfaction="dissatisfied", complaint=True,
                           complaint_text="等待时间过长", at=T0 + timedelta(days=1), by="客服 刘")
    with db.session() as s:
        req = sr.get_request(s, req_id)
        assert req.status == "closed" and req.responded_at == T0  # assigned at reception
        assert (req.satisfaction, req.complaint, req.complaint_text, req.followup_by) == (
            "dissatisfied", True, "等待时间过长", "客服 刘")
        assert req.followup_at == T0 + timedelta(days=1)
        with pytest.raises(ValidationError) as exc:
            sr.assign_request(s, req_id, eng, actor="x")
        assert exc.value.field == "status"


def test_close_needs_resolution_first(db, pinggu):
    req_id = _new(db, pinggu)
    with pytest.raises(ValidationError) as exc, db.session() as s:
        sr.close_request(s, req_id, actor="x")
    assert exc.value.field == "status"


def test_convert_to_incident_keeps_timeline(db, pinggu):
    _, eng = _engs(db, pinggu)
    with db.session() as s:
        svc = services_by_code(s, pinggu)["uni-biz"]
        req = sr.create_request(s, pinggu, actor="x", title="统一业务系统无法打开", category="software",
                                received_at=T0, service_id=svc.id, requester_name="张三")
        req_id, svc_id = req.id, svc.id
    with db.session() as s:
        sr.assign_request(s, req_id, eng, actor="王建国", at=T0 + timedelta(minutes=8))
    with db.session() as s:
        inc = sr.convert_to_incident(s, req_id, actor="王建国", severity="P1")
        inc_id = inc.id
    with db.session() as s:
        inc = inc_svc.get_incident(s, inc_id)
        req = sr.get_request(s, req_id)
        assert (inc.occurred_at, inc.reported_at, inc.responded_at) == (T0, T0, T0 + timedelta(minutes=8))
        assert inc.source == "request" and inc.source_request_id == req_id and inc.severity == "P1"
        assert inc.status == "assigned" and inc.assignee_id == eng and inc.reporter_name == "张三"
        status = [(e.to_status, e.at) for e in inc_svc.events(s, inc_id) if e.kind == "status"]
        assert status == [("assigned", T0 + timedelta(minutes=8))]
        assert req.converted_incident_id == inc_id and req.status == "closed"
        assert inc.number in req.resolution
        from app.store.models import IncidentService
        rows = list(s.scalars(select(IncidentService).where(IncidentService.incident_id == inc_id)))
        assert [r.service_id for r in rows] == [svc_id]
    with pytest.raises(ValidationError) as exc, db.session() as s:
        sr.convert_to_incident(s, req_id, actor="x")
    assert exc.value.field == "status"
