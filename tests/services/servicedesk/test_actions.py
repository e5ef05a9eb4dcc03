"""Service-desk user actions: one transaction each, plain ids and what changed."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.core.timeutil import UTC
from app.errors import ValidationError
from app.services.queries.options import record_options
from app.services.queries.servicedesk import request_view, requirement_view, worklog_day
from app.services.servicedesk import actions
from app.store.models import Incident


def test_request_flow_and_conversion(db, pinggu):
    me = record_options(db, pinggu.id, "王建国").engineer_id
    out = actions.create_request(db, pinggu.id, actor="王建国", title="Printer", category="terminal",
                                 received_at=datetime(2026, 3, 3, 1, tzinfo=UTC), assignee_id=me)
    rid = out.value
    assert out.changes.kinds == {"service_request"}
    v = request_view(db, rid)
    assert v.status == "assigned" and v.assignee == "王建国" and v.category_label == "打印机与终端"
    with pytest.raises(ValidationError) as err:
        actions.resolve_request(db, rid, actor="王建国", resolution=" ")
    assert err.value.field == "resolution"
    conv = actions.convert_request(db, rid, actor="王建国", severity="P2")
    assert conv.changes.kinds == {"service_request", "incident"}
    with db.session() as s:
        assert s.get(Incident, conv.value).severity == "P2"
    assert request_view(db, rid).converted_incident_number.startswith("INC-")


def test_requirement_and_worklog(db, pinggu):
    q = actions.create_requirement(db, pinggu.id, actor="王建国", title="Export to PDF").value
    actions.set_requirement_status(db, q, "analysed", actor="王建国")
    assert requirement_view(db, q).status == "analysed"
    me = record_options(db, pinggu.id, "王建国").engineer_id
    actions.add_worklog_entry(db, pinggu.id, actor="王建国", engineer_id=me, work_date=date(2026, 3, 4),
                              started_at=datetime(2026, 3, 4, 1, tzinfo=UTC), duration_minutes=45, summary="UPS")
    lines = worklog_day(db, pinggu.id, date(2026, 3, 4))
    assert [(x.engineer, x.duration_minutes) for x in lines] == [("王建国", 45)]
    assert worklog_day(db, None, date(2026, 3, 4)) == []


def test_worklog_entry_is_corrected_and_derived_lines_are_refused(db, pinggu):
    import uuid

    me = record_options(db, pinggu.id, "王建国").engineer_id
    eid = actions.add_worklog_entry(db, pinggu.id, actor="王建国", engineer_id=me, work_date=date(2026, 3, 4),
                                    started_at=datetime(2026, 3, 4, 1, tzinfo=UTC), duration_minutes=45,
                                    summary="UPS").value
    with pytest.raises(ValidationError) as err:
        actions.edit_worklog_entry(db, eid, actor="王建国", engineer_id=me, started_at=datetime(2026, 3, 4, 1,
                                   tzinfo=UTC), duration_minutes=0, summary="UPS")
    assert err.value.field == "duration_minutes"
    actions.edit_worklog_entry(db, eid, actor="王建国", engineer_id=me,
                               started_at=datetime(2026, 3, 4, 2, tzinfo=UTC), duration_minutes=50, summary="UPS done")
    lines = worklog_day(db, pinggu.id, date(2026, 3, 4))
    assert [(x.summary, x.duration_minutes) for x in lines] == [("UPS done", 50)]
    with pytest.raises(ValidationError) as err:
        actions.edit_worklog_entry(db, uuid.uuid4(), actor="x", engineer_id=me,
                                   started_at=datetime(2026, 3, 4, 2, tzinfo=UTC), duration_minutes=5, summary="x")
    assert err.value.field == "entry_id"
