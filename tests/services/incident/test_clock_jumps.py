"""System clock jumps (时钟回拨): events keep the order they were written in, moves timed by the
system clock are accepted with a flag instead of refused; business times keep their rules."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.core import timeline
from app.errors import ValidationError
from app.services.incident import workflow
from app.services.queries.incident import incident_view
from app.services.queries.lookup import engineers_by_name
from app.store.models import AuditEvent, IncidentEvent


def _t0() -> datetime:
    """A minute after now, read when the test starts (after its fixtures' events; a module-level
    constant would fall behind them in a long run)."""
    return (datetime.now(UTC) + timedelta(minutes=1)).replace(microsecond=0)


T0 = _t0()  # for the pure rules


class Clock:
    """The injected system clock: ``app.core.timeutil.utcnow`` and the workflow's ``utcnow``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, at: datetime) -> None:
        self.at = at
        monkeypatch.setattr("app.core.timeutil.utcnow", lambda: self.at)
        monkeypatch.setattr("app.services.incident.workflow.utcnow", lambda: self.at)


def _new(db, contract, clock: Clock) -> uuid.UUID:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return workflow.create_incident(s, contract, actor="王建国", title="OA 无法登录", occurred_at=clock.at,
                                        reported_at=clock.at).id


def _flags(db, inc_id) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return [(e.kind, e.clock) for e in workflow.events(s, inc_id)]


def test_clock_set_back_an_edit_stays_after_created_and_is_flagged(db, pinggu, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    T0 = _t0()  # noqa: N806
    clock = Clock(monkeypatch, T0)
    inc_id = _new(db, pinggu, clock)
    clock.at = T0 - timedelta(hours=5)  # someone set the clock back
    with db.session() as s:
        workflow.update_incident(s, inc_id, actor="李晓明", description="用户无法登录 OA")
    assert _flags(db, inc_id) == [("created", ""), ("field", "back")]
    view = incident_view(db, inc_id)
    assert view is not None and [h.kind for h in view.history] == ["created", "field"]
    assert view.history[1].clock == "back"
    with db.session() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "incident.update")).one()
        assert ev.clock == "back" and ev.at == T0 - timedelta(hours=5)


def test_clock_ahead_then_corrected_moves_are_accepted_with_a_flag(db, pinggu, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    T0 = _t0()  # noqa: N806
    clock = Clock(monkeypatch, T0)
    inc_id = _new(db, pinggu, clock)
    with db.session() as s:
        eng = engineers_by_name(s, pinggu)["李晓明"].id
    clock.at = T0 + timedelta(days=3)  # runs far ahead
    with db.session() as s:
        workflow.transition(s, inc_id, "assigned", actor="王建国", assignee_id=eng)
    clock.at = T0 + timedelta(hours=1)  # corrected
    with db.session() as s:  # before: refused until the clock caught up
        workflow.transition(s, inc_id, "in_progress", actor="李晓明")
    with db.session() as s:
        workflow.transition(s, inc_id, "restored", actor="李晓明")
    assert _flags(db, inc_id) == [("created", ""), ("status", "ahead"), ("status", "back"), ("status", "back")]
    with db.session() as s:
        evs = workflow.events(s, inc_id)
        assert all(b.at >= a.at for a, b in itertools.pairwise(evs))  # the record's order holds
        moves = list(s.scalars(select(AuditEvent).where(AuditEvent.action.startswith("incident."))
                               .order_by(AuditEvent.seq)))
        assert [m.clock for m in moves] == ["", "ahead", "back", ""]
        assert moves[2].details["clock"] == "back" and moves[2].details["clock_read"] == (T0 + timedelta(hours=1)).isoformat()


def test_a_business_time_out_of_order_is_still_refused(db, pinggu, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    T0 = _t0()  # noqa: N806
    clock = Clock(monkeypatch, T0 + timedelta(hours=2))
    inc_id = _new(db, pinggu, clock)
    with db.session() as s:
        workflow.transition(s, inc_id, "in_progress", actor="李晓明", at=T0 + timedelta(hours=3))
    with pytest.raises(ValidationError, match="早于上一次变更"), db.session() as s:
        workflow.transition(s, inc_id, "pending", actor="李晓明", at=T0 + timedelta(hours=2, minutes=30))
    with db.session() as s:
        assert len(list(s.scalars(select(IncidentEvent).where(IncidentEvent.incident_id == inc_id)))) == 2


def test_the_clock_rules() -> None:
    assert timeline.clock_jump(T0, None) == ""
    assert timeline.clock_jump(T0 - timedelta(seconds=1), T0) == "back"
    assert timeline.clock_jump(T0 + timedelta(days=1), T0) == ""
    assert timeline.clock_jump(T0 + timedelta(days=1, seconds=1), T0) == "ahead"
    assert timeline.effective_system_instant(T0, T0 + timedelta(hours=1)) == (T0 + timedelta(hours=1), True)
    assert timeline.effective_system_instant(T0, None) == (T0, False)


def test_request_moves_timed_by_a_clock_set_back_are_accepted(db, pinggu, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.services.servicedesk import requests

    T0 = _t0()  # noqa: N806
    clock = Clock(monkeypatch, T0)
    monkeypatch.setattr("app.services.servicedesk.requests.utcnow", lambda: clock.at)
    with db.session() as s:
        req_id = requests.create_request(s, pinggu, actor="王建国", title="打印机卡纸", received_at=T0).id
    clock.at = T0 + timedelta(days=2)
    with db.session() as s:
        requests.respond_request(s, req_id, actor="李晓明")
    clock.at = T0 + timedelta(hours=1)  # corrected: before, "the resolution is before the response"
    with db.session() as s:
        req = requests.resolve_request(s, req_id, actor="李晓明", resolution="清理卡纸")
        assert req.resolved_at == req.responded_at == T0 + timedelta(days=2)
    with db.session() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "service_request.resolve")).one()
        assert ev.clock == "back"
    with pytest.raises(ValidationError), db.session() as s:  # a typed time keeps the rule
        requests.close_request(s, req_id, actor="李晓明", at=T0)
