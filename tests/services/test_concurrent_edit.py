"""Two engineers editing the same record (issue #9 item 7): the later save, made from what its
form loaded, is refused with a sentence naming who saved first and when; nothing is overwritten.

Runs on SQLite and on the PostgreSQL run (``OPSLEDGER_TEST_PG``) alike: each "workstation" is an
action call in its own transaction carrying the version its view loaded.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app.core.timeutil import UTC
from app.errors import ConcurrentEditError
from app.services.incident import actions as incident_actions
from app.services.queries.incident import incident_view
from app.services.queries.options import record_options
from app.services.queries.servicedesk import request_view, requirement_view, worklog_day
from app.services.servicedesk import actions as desk
from app.store.models import AuditEvent, IncidentEvent

T0 = datetime(2026, 6, 1, 1, 0, tzinfo=UTC)


def test_a_stale_incident_edit_is_refused_and_names_the_first_editor(db, pinggu) -> None:  # type: ignore[no-untyped-def]
    iid = incident_actions.create_incident(db, pinggu.id, actor="王建国", title="OA 无法登录", occurred_at=T0).value
    seen_a, seen_b = incident_view(db, iid), incident_view(db, iid)  # both workstations show it
    assert seen_a is not None and seen_b is not None and seen_a.version == seen_b.version == 1
    incident_actions.save_fields(db, iid, actor="王建国", edits={"cause": "交换机端口故障"}, version=seen_a.version)
    with db.session() as s:
        events_before = s.scalar(select(func.count()).select_from(IncidentEvent))
        audits_before = s.scalar(select(func.count()).select_from(AuditEvent))
    with pytest.raises(ConcurrentEditError, match=r"^该故障已被 王建国 于 \d\d:\d\d 修改，请刷新后重试$") as exc:
        incident_actions.edit_incident(db, iid, actor="李晓明", fields={"cause": "用户密码过期"},
                                       service_ids=[], asset_ids=[], version=seen_b.version)
    assert exc.value.code == "record.conflict" and exc.value.entity_kind == "incident"
    with pytest.raises(ConcurrentEditError):  # a move from the stale pane is refused too
        incident_actions.move_incident(db, iid, "assigned", actor="李晓明", version=seen_b.version,
                                       assignee_id=record_options(db, pinggu.id, "李晓明").engineer_id)
    after = incident_view(db, iid)
    assert after is not None and after.cause == "交换机端口故障" and after.status == "new"
    with db.session() as s:  # the refusal wrote nothing
        assert s.scalar(select(func.count()).select_from(IncidentEvent)) == events_before
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == audits_before
    # after a refresh the second engineer's save goes through
    incident_actions.save_fields(db, iid, actor="李晓明", edits={"cause": "用户密码过期"}, version=after.version)
    assert incident_view(db, iid).cause == "用户密码过期"  # type: ignore[union-attr]


def test_stale_request_requirement_and_worklog_saves_are_refused(db, pinggu) -> None:  # type: ignore[no-untyped-def]
    me = record_options(db, pinggu.id, "王建国").engineer_id
    rid = desk.create_request(db, pinggu.id, actor="王建国", title="打印机卡纸", category="terminal",
                              received_at=T0, assignee_id=me).value
    stale = request_view(db, rid).version  # type: ignore[union-attr]
    desk.respond_request(db, rid, actor="王建国", version=stale)
    with pytest.raises(ConcurrentEditError, match="该工单已被 王建国 于"):
        desk.resolve_request(db, rid, actor="李晓明", resolution="换硒鼓", version=stale)
    assert request_view(db, rid).status == "in_progress"  # type: ignore[union-attr]

    qid = desk.create_requirement(db, pinggu.id, actor="王建国", title="导出 PDF").value
    stale = requirement_view(db, qid).version  # type: ignore[union-attr]
    desk.set_requirement_status(db, qid, "analysed", actor="王建国", version=stale)
    with pytest.raises(ConcurrentEditError, match="该需求已被 王建国 于"):
        desk.set_requirement_status(db, qid, "rejected", actor="李晓明", version=stale)

    day = date(2026, 6, 1)
    eid = desk.add_worklog_entry(db, pinggu.id, actor="王建国", engineer_id=me, work_date=day, started_at=T0,
                                 duration_minutes=30, summary="UPS 巡检").value
    stale = next(x.version for x in worklog_day(db, pinggu.id, day) if x.source_id == eid)
    desk.edit_worklog_entry(db, eid, actor="王建国", engineer_id=me, started_at=T0, duration_minutes=40,
                            summary="UPS 巡检", version=stale)
    with pytest.raises(ConcurrentEditError, match="该工作日志已被 王建国 于"):
        desk.edit_worklog_entry(db, eid, actor="李晓明", engineer_id=me, started_at=T0, duration_minutes=90,
                                summary="UPS 更换电池", version=stale)
    assert [x.duration_minutes for x in worklog_day(db, pinggu.id, day) if x.source_id == eid] == [40]
