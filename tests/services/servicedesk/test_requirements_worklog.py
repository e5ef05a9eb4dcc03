"""Requirements (需求) status moves and the work log (工作日志) of a day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.errors import ValidationError
from app.services.incident import workflow as inc_svc
from app.services.queries.lookup import engineers_by_name, get_template, services_by_code
from app.services.servicedesk import requests as sr
from app.services.servicedesk.requirements import (
    REQUIREMENT_TRANSITIONS,
    create_requirement,
    set_requirement_status,
)
from app.services.servicedesk.worklog import add_entry, day_entries, hours_by_engineer
from app.store.models import Inspection

UTC = UTC
DAY = date(2026, 6, 3)
T0 = datetime(2026, 6, 3, 1, 0, tzinfo=UTC)  # 09:00 Beijing on DAY


def test_requirement_moves_forward_or_rejects(db, pinggu):
    with db.session() as s:
        svc = services_by_code(s, pinggu)["oa"]
        rq = create_requirement(s, pinggu, actor="王建国", title="OA 增加请假审批流程", service_id=svc.id,
                                requester_department="办公室", collected_at=T0)
        assert rq.number == "RQ-2026-0001" and rq.status == "collected"
        rq_id = rq.id
    with db.session() as s:
        set_requirement_status(s, rq_id, "analysed", actor="李晓明", note="需厂商评估", at=T0 + timedelta(hours=1))
        set_requirement_status(s, rq_id, "reported", actor="王建国", at=T0 + timedelta(days=1))
    with pytest.raises(ValidationError) as exc, db.session() as s:
        set_requirement_status(s, rq_id, "collected", actor="x")
    assert exc.value.field == "status"
    with db.session() as s:
        set_requirement_status(s, rq_id, "accepted", actor="王建国")
        rq = set_requirement_status(s, rq_id, "done", actor="王建国")
        assert rq.status == "done"
        assert "已收集 → 已分析 (李晓明): 需厂商评估" in rq.note
        assert rq.note.count("→") == 4
    with pytest.raises(ValidationError), db.session() as s:
        set_requirement_status(s, rq_id, "rejected", actor="x", note="late")
    with db.session() as s:
        rq2 = create_requirement(s, pinggu, actor="x", title="改网站首页配色", collected_at=T0)
        set_requirement_status(s, rq2.id, "rejected", actor="王建国", note="不在合同范围")
        with pytest.raises(ValidationError):
            set_requirement_status(s, rq2.id, "analysed", actor="x")
    assert REQUIREMENT_TRANSITIONS["done"] == set() and REQUIREMENT_TRANSITIONS["rejected"] == set()
    with pytest.raises(ValidationError) as exc, db.session() as s:
        create_requirement(s, pinggu, actor="x", title="  ")
    assert exc.value.field == "title"


def test_day_entries_include_derived_and_manual_lines(db, pinggu):
    with db.session() as s:
        engs = engineers_by_name(s, pinggu)
        li, wang = engs["李晓明"].id, engs["王建国"].id
        tpl = get_template(s, pinggu, "app-twice-daily")
        s.add(Inspection(number="INS-2026-0001", contract_id=pinggu.id, template_id=tpl.id,
                         template_name=tpl.name, due_date=DAY, slot="09:00", engineer_id=li,
                         started_at=T0, finished_at=T0 + timedelta(minutes=25), abnormal_count=1))
        # finished the next local day: not on DAY's log
        s.add(Inspection(number="INS-2026-0002", contract_id=pinggu.id, template_id=tpl.id,
                         template_name=tpl.name, due_date=DAY, slot="14:30", engineer_id=li,
                         started_at=T0 + timedelta(hours=15), finished_at=T0 + timedelta(hours=16)))
        inc = inc_svc.create_incident(s, pinggu, actor="王建国", title="UPS 告警", occurred_at=T0 + timedelta(hours=1),
                                      severity="P2")
        inc_svc.transition(s, inc.id, "in_progress", actor="李晓明", at=T0 + timedelta(hours=1, minutes=10))
        req = sr.create_request(s, pinggu, actor="x", title="开通账号", category="account",
                                received_at=T0 + timedelta(hours=2), assignee_id=wang)
        sr.resolve_request(s, req.id, actor="王建国", resolution="已开通", at=T0 + timedelta(hours=3))
        add_entry(s, pinggu, actor="王建国", engineer_id=wang, work_date=DAY,
                  started_at=T0 + timedelta(hours=5), duration_minutes=90, summary="整理月度需求文档")
        add_entry(s, pinggu, actor="王建国", engineer_id=wang, work_date=DAY + timedelta(days=1),
                  started_at=T0 + timedelta(days=1), duration_minutes=30, summary="次日工作")
    with db.session() as s:
        lines = day_entries(s, pinggu, DAY)
        kinds = [ln.kind for ln in lines]
        assert kinds == ["inspection", "incident.created", "incident.status", "service_request.resolved", "manual"]
        assert [ln.at for ln in lines] == sorted(ln.at for ln in lines)
        ins = lines[0]
        assert (ins.engineer, ins.duration_minutes, ins.source_kind) == ("李晓明", 25, "inspection")
        assert "INS-2026-0001" in ins.summary
        status = lines[2]
        assert status.engineer == "李晓明" and "新建 → 处理中" in status.summary and status.duration_minutes is None
        assert lines[3].engineer == "王建国" and "已开通" in lines[3].summary
        assert (lines[4].engineer, lines[4].duration_minutes, lines[4].summary) == ("王建国", 90, "整理月度需求文档")
        assert hours_by_engineer(s, pinggu, DAY, DAY) == {"李晓明": pytest.approx(25 / 60), "王建国": 1.5}
        week = hours_by_engineer(s, pinggu, DAY, DAY + timedelta(days=6))
        assert week["王建国"] == pytest.approx(2.0) and week["李晓明"] == pytest.approx(25 / 60 + 1)


@pytest.mark.parametrize(
    ("kw", "field"),
    [({"duration_minutes": 0}, "duration_minutes"), ({"duration_minutes": 1441}, "duration_minutes"),
     ({"summary": " "}, "summary"), ({"engineer_id": None}, "engineer_id")],
)
def test_manual_entry_validation(db, pinggu, kw, field):
    with db.session() as s:
        wang = engineers_by_name(s, pinggu)["王建国"].id
    args = {"engineer_id": wang, "work_date": DAY, "started_at": T0, "duration_minutes": 60, "summary": "x", **kw}
    with pytest.raises(ValidationError) as exc, db.session() as s:
        add_entry(s, pinggu, actor="x", **args)
    assert exc.value.field == field
