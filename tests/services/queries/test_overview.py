"""The overview's figures are the owners' figures: the report builder's KPIs and trend for the
month so far, the incident list's counts, the SLA clocks, Today's due list.

Pinggu contract, a demo-like day recorded with the ordinary actions: two P1 faults reported 25
and 40 minutes ago (response target 30 min, 7×24: one at 83 % of the target, one breached), a
P2 fault from two days ago, a P3 fault from ten days ago already closed, and an inspection of a
slot due today finished.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.core.timeutil import to_local, utcnow
from app.reports.data.builder import build_report_data
from app.services.incident import actions as incidents
from app.services.inspection import actions as inspections
from app.services.inspection import schedule
from app.services.queries import overview as ov
from app.store.db import Database
from app.store.models import Contract, Incident

ACTOR = "王建国"


@pytest.fixture
def day(db: Database, pinggu: Contract) -> dict:
    now = utcnow()
    cid = pinggu.id
    ids = {}
    for key, sev, ago in (("p1_risk", "P1", timedelta(minutes=25)), ("p1_late", "P1", timedelta(minutes=40)),
                          ("p2", "P2", timedelta(days=2)), ("p3", "P3", timedelta(days=10))):
        ids[key] = incidents.create_incident(db, cid, actor=ACTOR, title=f"故障 {key}", occurred_at=now - ago,
                                             reported_at=now - ago, severity=sev).value
    incidents.move_incident(db, ids["p3"], "in_progress", actor=ACTOR, at=now - timedelta(days=9))
    incidents.close_incident(db, ids["p3"], actor=ACTOR, cause_category="hardware", cause="电源损坏",
                             resolution="更换电源", restored_at=now - timedelta(days=9), at=now - timedelta(days=9))
    today = to_local(now).date()
    view = inspections.due_today(db, cid, today, now).value
    entry = next((e for e in view.entries if e.status in ("due", "overdue")), None)
    if entry is not None:
        iid = inspections.start_due(db, cid, entry.slot.template_id, entry.slot.due_date, entry.slot.slot,
                                    ACTOR).value
        inspections.finish(db, iid, actor=ACTOR, allow_unanswered=True)
    return {"now": utcnow(), "today": today, "ids": ids}


def test_month_kpis_and_trend_are_the_report_builders(db: Database, pinggu: Contract, day: dict) -> None:
    now, today = day["now"], day["today"]
    month = ov.month_figures(db, pinggu.id, today, now)
    with db.session() as s:
        c = s.get(Contract, pinggu.id)
        assert c is not None
        period = ov.month_to_date(c, today)
        data = build_report_data(s, c, period, now=now)
    assert month is not None
    assert (month.period.start, month.period.end) == (today.replace(day=1), today)
    assert [(k.code, k.actual, k.target, k.verdict) for k in month.kpis] == \
        [(k.code, k.actual, k.target, k.verdict) for k in data.kpis]
    assert month.kpis  # Pinggu names its KPIs
    recent = [(t["key"], t["incidents"], t["availability_pct"]) for t in data.trend]
    assert [(p.key, p.incidents, p.availability_pct) for p in month.trend][-len(recent):] == recent
    assert month.trend[-1].incidents == data.headline["incidents.total"]
    assert len(month.trend) <= 12 and [p.key for p in month.trend] == sorted({p.key for p in month.trend})


def test_open_incidents_sla_and_inspections(db: Database, pinggu: Contract, day: dict) -> None:
    now, today, ids = day["now"], day["today"], day["ids"]
    figs = ov.now_figures(db, pinggu.id, today, now)
    with db.session() as s:
        open_rows = s.execute(select(Incident.id, Incident.severity).where(
            Incident.contract_id == pinggu.id, Incident.status != "closed")).all()
        c = s.get(Contract, pinggu.id)
        assert c is not None
        due = schedule.due_list(s, c, today, now)
    assert figs.incidents.open_total == len(open_rows) == 3
    assert {x.code: x.count for x in figs.incidents.by_severity} == {"P1": 2, "P2": 1, "P3": 0}
    assert {a.code: a.count for a in figs.incidents.by_age} == {"lt_1d": 2, "1_3d": 1, "3_7d": 0, "gt_7d": 0}
    assert [w.incident_id for w in figs.sla.at_risk] == [ids["p1_risk"]]
    assert figs.sla.at_risk[0].clock == "response" and 75 <= figs.sla.at_risk[0].used_pct < 100
    assert ids["p1_late"] in [w.incident_id for w in figs.sla.breached]
    assert ids["p3"] not in [w.incident_id for w in (*figs.sla.at_risk, *figs.sla.breached)]
    counted = Counter(e.status for e in due)
    assert {k: v for k, v in figs.inspections.by_status.items() if v} == dict(counted)


def test_age_buckets_are_the_list_filter(db: Database, pinggu: Contract, day: dict) -> None:
    from app.services.queries.listing import IncidentFilter, count_incidents

    figs = ov.now_figures(db, pinggu.id, day["today"], day["now"])
    with db.session() as s:
        for a in figs.incidents.by_age:
            flt = IncidentFilter(open_only=True, start=a.start, end=a.end)
            assert count_incidents(s, pinggu.id, flt) == a.count
    assert sum(a.count for a in figs.incidents.by_age) == figs.incidents.open_total


def test_due_items_grouped_by_kind(db: Database, pinggu: Contract, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services import agenda
    from app.services.agenda import DueItem, state_of

    today = to_local(utcnow()).date()

    def provider(_session, _contract, d):
        for kind, n in (("report", 3), ("warranty", -2), ("report", -1)):
            due_on = d + timedelta(days=n)
            yield DueItem(kind, f"{kind} {n}", due_on, state_of(due_on, d), n)

    monkeypatch.setattr(agenda, "PROVIDERS", ("fake:provider",))
    monkeypatch.setattr(agenda, "_load", lambda _path: provider)
    groups = ov.due_groups(db, pinggu.id, today)
    assert [(k, [i.title for i in items]) for k, items in groups] == [
        ("warranty", ["warranty -2"]), ("report", ["report -1", "report 3"])]


def test_older_trend_is_cached_until_something_is_recorded(db: Database, pinggu: Contract, day: dict,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from app.reports.data import builder

    calls: list[str] = []
    real = builder.build_report_data

    def counting(session, contract, period, **kw):
        calls.append(period.key)
        return real(session, contract, period, **kw)

    monkeypatch.setattr(builder, "build_report_data", counting)
    ov.forget_trend()
    first = ov.month_figures(db, pinggu.id, day["today"], day["now"])
    again = ov.month_figures(db, pinggu.id, day["today"], day["now"])
    assert len(calls) == 3 and again == first  # month-to-date twice, the older half once
    incidents.create_incident(db, pinggu.id, actor=ACTOR, title="补录旧故障", severity="P3",
                              occurred_at=day["now"] - timedelta(days=200))
    ov.month_figures(db, pinggu.id, day["today"], day["now"])
    assert len(calls) == 5  # the older half again: a past month may have changed
