"""KPI arithmetic, including a hand-worked availability of a 5×8 service over October 2026."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

import pytest
from sqlalchemy import select

from app.core import kpi as K  # noqa: N812 - K.… reads as the formula
from app.core.periods import parse_period
from app.core.timeutil import local_dt
from app.reports.data.builder import build_report_data
from app.store.db import Database
from app.store.models import Contract, Incident, IncidentService, Service


def test_empty_denominators_give_no_data_not_zero_division() -> None:
    assert K.availability_pct(0, 0) is None
    assert K.satisfaction_rate(0, 0, 0) is None
    assert K.completion_rate(0, 0) is None
    assert K.compliance_rate(0, 0) is None
    assert K.mean([]) is None
    assert K.fmt_value(None, "%") == "无数据"
    assert K.evaluate({"target": 96, "comparison": ">="}, None) is None


def test_satisfaction_excludes_unrated_requests() -> None:
    # 3 satisfied, 1 mostly satisfied, 1 dissatisfied rated; unrated ones never reach the function
    assert K.satisfaction_rate(3, 1, 1) == pytest.approx(80.0)


def test_completion_rate_with_a_missed_slot() -> None:
    assert K.completion_rate(due=4, done=3) == pytest.approx(75.0)


def test_evaluate_comparisons() -> None:
    assert K.evaluate({"target": 96, "comparison": ">="}, 96.0) is True
    assert K.evaluate({"target": 96, "comparison": ">="}, 95.999) is True  # shown as 96.00%
    assert K.evaluate({"target": 96, "comparison": ">="}, 95.99) is False
    assert K.evaluate({"target": 2, "comparison": "<="}, 3) is False
    assert K.evaluate({"target": 2, "comparison": "<="}, 2) is True


def test_availability_downtime_capped_at_service_time() -> None:
    assert K.availability_pct(100, 250) == 0.0


def _incident(s, contract: Contract, number: str, service: Service, start: datetime, end: datetime) -> None:
    inc = Incident(id=uuid.uuid4(), number=number, contract_id=contract.id, title=number, severity="P2",
                   occurred_at=start, reported_at=start, created_at=start, updated_at=start, status="closed",
                   restored_at=end, closed_at=end, response_breached=False, restore_breached=False,
                   response_minutes=5, restore_minutes=90)
    s.add(inc)
    s.flush()
    s.add(IncidentService(incident_id=inc.id, service_id=service.id, downtime_start=start, downtime_end=end))


def test_availability_of_a_5x8_service_over_october_2026(db: Database, pinggu: Contract) -> None:
    """October 2026 by hand (chinesecalendar 1.11): National Day holidays Thu 1 – Wed 7 Oct;
    working days Thu 8, Fri 9, Sat 10 (make-up day), 12–16, 19–23, 26–30 Oct → 18 working
    days × 7.5 h (08:30–12:00 + 13:30–17:30) = 8,100 service minutes.  A 90-minute outage
    09:00–10:30 on Tue 13 Oct → 1 − 90/8100 = 98.888…%.  The same outage at night on the 7×24
    website is 120 of 44,640 minutes; a night outage of the 5×8 OA system costs nothing."""
    with db.session() as s:
        c = s.get(Contract, pinggu.id)
        svc = {x.code: x for x in s.scalars(select(Service).where(Service.contract_id == c.id))}
        d = date(2026, 10, 13)
        _incident(s, c, "INC-2026-0001", svc["uni-biz"], local_dt(d, time(9)), local_dt(d, time(10, 30)))
        _incident(s, c, "INC-2026-0002", svc["website"], local_dt(d, time(20)), local_dt(d, time(22)))
        _incident(s, c, "INC-2026-0003", svc["oa"], local_dt(d, time(20)), local_dt(d, time(22)))
        # lunch break is not service time: 11:30–14:00 costs 30 + 30 = 60 minutes
        _incident(s, c, "INC-2026-0004", svc["call-center"], local_dt(d, time(11, 30)), local_dt(d, time(14)))
    with db.session() as s:
        c = s.get(Contract, pinggu.id)
        p = parse_period("monthly", "2026-10", c, today=date(2026, 11, 21))
        data = build_report_data(s, c, p, now=local_dt(date(2026, 11, 21), time(12)))
        av = {a.code: a for a in data.availability}
        assert av["uni-biz"].service_minutes == 8100
        assert av["uni-biz"].downtime_minutes == 90
        assert av["uni-biz"].pct == pytest.approx(100 * (1 - 90 / 8100))
        assert av["uni-biz"].met is True
        assert av["website"].service_minutes == 31 * 1440
        assert av["website"].pct == pytest.approx(100 * (1 - 120 / 44640))
        assert av["oa"].downtime_minutes == 0 and av["oa"].pct == 100.0
        assert av["call-center"].downtime_minutes == 60
        assert data.trace("availability.uni-biz") == [("incident", "INC-2026-0001", "INC-2026-0001")]
