"""The incident user actions: one transaction each, typed edits stored with the move, plain values."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from sqlalchemy import select

from app.core.timeutil import UTC
from app.errors import NotFoundError, ValidationError
from app.services.incident import actions
from app.store.models import AuditEvent, Engineer, Incident

AT = datetime(2026, 3, 3, 1, 0, tzinfo=UTC)


def _new(db, contract_id, severity="P2") -> uuid.UUID:
    out = actions.create_incident(db, contract_id, actor="王建国", title="UPS alarm", occurred_at=AT,
                                  severity=severity)
    assert isinstance(out.value, uuid.UUID) and out.changes.kinds == {"incident"} and out.changes.ids == (out.value,)
    return out.value


def test_move_stores_the_typed_edits_in_the_same_transaction(db, pinggu):
    iid = _new(db, pinggu.id)
    with db.session() as s:
        eng = s.scalars(select(Engineer).where(Engineer.name == "李晓明")).one().id
    actions.move_incident(db, iid, "assigned", actor="王建国", assignee_id=eng,
                          edits={"cause_category": "power_environment", "cause": "mains dip"})
    with db.session() as s:
        inc = s.get(Incident, iid)
        assert (inc.status, inc.assignee_id, inc.cause_category, inc.cause) == (
            "assigned", eng, "power_environment", "mains dip")
        actions_seen = [a for (a,) in s.execute(select(AuditEvent.action).order_by(AuditEvent.at))]
    assert "incident.update" in actions_seen and "incident.assigned" in actions_seen


def test_refused_move_stores_none_of_the_edits(db, pinggu):
    iid = _new(db, pinggu.id)
    with pytest.raises(ValidationError) as err:
        actions.move_incident(db, iid, "closed_typo", actor="王建国", edits={"cause": "mains dip"})
    assert err.value.field == "status"
    with db.session() as s:
        inc = s.get(Incident, iid)
        assert inc.status == "new" and inc.cause == ""


def test_major_incident_closes_with_root_cause_analysis_in_one_action(db, pinggu):
    iid = _new(db, pinggu.id, severity="P1")
    actions.move_incident(db, iid, "in_progress", actor="王建国")
    actions.move_incident(db, iid, "restored", actor="王建国")
    with pytest.raises(ValidationError) as err:
        actions.close_incident(db, iid, actor="王建国", cause_category="hardware", cause="compressor",
                               resolution="replaced")
    assert err.value.field == "root_cause_analysis"
    with db.session() as s:
        assert s.get(Incident, iid).status == "restored"
    actions.close_incident(db, iid, actor="王建国", cause_category="hardware", cause="compressor",
                           resolution="replaced", root_cause_analysis="no maintenance contract for AC-01")
    with db.session() as s:
        inc = s.get(Incident, iid)
        assert inc.status == "closed" and inc.root_cause_analysis == "no maintenance contract for AC-01"


def test_edit_saves_fields_and_affected_services_together(db, pinggu):
    iid = _new(db, pinggu.id)
    with db.session() as s:
        from app.store.models import Service

        svc = s.scalars(select(Service).where(Service.contract_id == pinggu.id)).first().id
    with pytest.raises(ValidationError):  # a bad affected id refuses the whole edit
        actions.edit_incident(db, iid, actor="王建国", fields={"title": "UPS alarm, room 2"},
                              service_ids=[uuid.uuid4()], asset_ids=[])
    with db.session() as s:
        assert s.get(Incident, iid).title == "UPS alarm"
    actions.edit_incident(db, iid, actor="王建国", fields={"title": "UPS alarm, room 2"}, service_ids=[svc],
                          asset_ids=[])
    with db.session() as s:
        assert s.get(Incident, iid).title == "UPS alarm, room 2"


def test_no_contract_is_refused(db):
    with pytest.raises(NotFoundError):
        actions.create_incident(db, None, actor="x", title="t", occurred_at=AT)
