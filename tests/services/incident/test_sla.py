"""SLA clocks derived from status history, in the Pinggu profile's calendars (hand-worked minutes).

Pinggu severities: P1 7×24 response 30 / restore 120; P2 5×8 30 / 480; P3 5×8 60 / 1440;
service desk response 30 in 5×8.  5×8 = 08:30–12:00 + 13:30–17:30 Beijing time.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest

from app.core.i18n import set_language
from app.core.timeutil import local_dt
from app.errors import CalendarCoverageError
from app.paths import resources_dir
from app.services.calendar.admin import enter_year
from app.services.calendar.service_time import OfficialCalendar, calendars_from_profile
from app.services.contract.profiles import load_profile_file
from app.services.incident.sla import (
    compute_incident_clocks,
    incident_clocks,
    pauses_from_events,
    request_clocks,
)

PROFILE = load_profile_file(resources_dir() / "profiles" / "pinggu-court-2026.yaml")


@pytest.fixture(autouse=True)
def _chinese_explanations():
    """The explanation texts below are asserted in Chinese, the default UI language."""
    set_language("zh_CN")
    yield
    set_language("zh_CN")


def at(y: int, m: int, d: int, hh: int, mm: int = 0):
    return local_dt(date(y, m, d), time(hh, mm))


def cals(official: OfficialCalendar | None = None):
    return calendars_from_profile(PROFILE, official or OfficialCalendar())


def ev(when, to_status: str, kind: str = "status", from_status: str = "") -> dict[str, Any]:
    return {"kind": kind, "at": when, "from_status": from_status, "to_status": to_status}


def incident(severity: str, reported, responded=None, restored=None, status="in_progress") -> dict[str, Any]:
    return {"severity": severity, "reported_at": reported, "responded_at": responded,
            "restored_at": restored, "status": status}


FRI = (2026, 11, 20)  # an ordinary Friday


def paused_day_events() -> list[dict[str, Any]]:
    return [
        ev(at(*FRI, 15), "restored"),  # unsorted on purpose
        ev(at(*FRI, 9), "new", kind="created"),
        ev(at(*FRI, 9, 20), "in_progress"),
        {"kind": "field", "at": at(*FRI, 9, 30), "to_status": "", "from_status": ""},
        ev(at(*FRI, 10), "pending"),
        ev(at(*FRI, 11), "in_progress"),
    ]


def test_pause_is_taken_out_of_both_clocks_and_explained() -> None:
    inc = incident("P2", at(*FRI, 9), at(*FRI, 9, 20), at(*FRI, 15), status="restored")
    c = incident_clocks(inc, paused_day_events(), PROFILE, cals(), now=at(2026, 11, 23, 9))
    assert c.pauses == [(at(*FRI, 10), at(*FRI, 11))]
    assert c.response.elapsed_minutes == 20 and c.response.breached is False
    # 09:00–15:00 = 360 − lunch 90 − pending 60 = 210
    assert c.restore.elapsed_minutes == 210
    assert c.restore.target_minutes == 480 and c.restore.remaining_minutes == 270
    assert c.restore.breached is False and c.restore.stopped_at == at(*FRI, 15)
    assert not c.restore.running and not c.restore.paused and c.restore.deadline is None
    assert c.restore.calendar_code == "5x8"
    periods = [(x.start, x.end, x.minutes) for x in c.restore.explanation if x.kind == "period"]
    assert periods == [(at(*FRI, 9), at(*FRI, 10), 60.0), (at(*FRI, 11), at(*FRI, 12), 60.0),
                       (at(*FRI, 13, 30), at(*FRI, 15), 90.0)]
    pauses = [x for x in c.restore.explanation if x.kind == "pause"]
    assert [(x.start, x.end, x.minutes) for x in pauses] == [(at(*FRI, 10), at(*FRI, 11), 60.0)]
    sources = [x.text for x in c.restore.explanation if x.kind == "source"]
    assert sources == ["2026-11-20 工作日 — 国家法定节假日安排（chinesecalendar 1.11.0）"]
    # IncidentClocks exposes the figures by the Incident column names (close_incident stores them)
    assert (c.response_minutes, c.restore_minutes, c.response_breached, c.restore_breached) == (20, 210, False, False)


def test_breach_flags_and_deadline_in_7x24_across_midnight() -> None:
    inc = incident("P1", at(*FRI, 22), at(*FRI, 22, 40), at(2026, 11, 21, 0, 30), status="restored")
    events = [ev(at(*FRI, 22), "new", kind="created"), ev(at(*FRI, 22, 40), "in_progress"),
              ev(at(2026, 11, 21, 0, 30), "restored")]
    c = incident_clocks(inc, events, PROFILE, cals(), now=at(2026, 11, 21, 9))
    assert c.response.elapsed_minutes == 40 and c.response.breached is True
    assert c.response.deadline == at(*FRI, 22, 30) and c.response.remaining_minutes == -10
    assert c.restore.elapsed_minutes == 150 and c.restore.breached is True
    assert c.restore.deadline == at(2026, 11, 21, 0, 0)
    assert c.restore.calendar_code == "7x24"
    assert any(x.kind == "source" and x.text == "全天每分钟计时 — 7×24" for x in c.restore.explanation)


def test_reaching_the_target_exactly_is_on_time() -> None:
    inc = incident("P1", at(*FRI, 9), at(*FRI, 9, 30))
    c = incident_clocks(inc, [ev(at(*FRI, 9), "new", kind="created")], PROFILE, cals(), now=at(*FRI, 10))
    assert c.response.elapsed_minutes == 30 and c.response.breached is False


def test_running_clock_deadline_crosses_the_weekend() -> None:
    inc = incident("P2", at(*FRI, 16), status="new")
    c = incident_clocks(inc, [ev(at(*FRI, 16), "new", kind="created")], PROFILE, cals(), now=at(*FRI, 16, 10))
    assert c.response.running and not c.response.paused and c.response.stopped_at is None
    assert c.response.elapsed_minutes == 10 and c.response.deadline == at(*FRI, 16, 30)
    # restore: 470 left at 16:10 → 80 on Friday, 390 on Monday → Mon 16:30
    assert c.restore.deadline == at(2026, 11, 23, 16, 30) and c.restore.breached is False


def test_clock_paused_now_has_no_deadline_and_does_not_count() -> None:
    inc = incident("P2", at(*FRI, 9), at(*FRI, 9, 10), status="pending")
    events = [ev(at(*FRI, 9), "new", kind="created"), ev(at(*FRI, 9, 10), "in_progress"),
              ev(at(*FRI, 10), "pending")]
    c = incident_clocks(inc, events, PROFILE, cals(), now=at(2026, 11, 23, 17))
    assert c.pauses == [(at(*FRI, 10), None)]
    assert c.restore.paused and not c.restore.running and c.restore.deadline is None
    assert c.restore.elapsed_minutes == 60
    assert c.response.stopped_at == at(*FRI, 9, 10) and not c.response.paused


def test_pending_over_a_holiday_and_source_of_each_day() -> None:
    # P3 reported Wed Sep 30 17:00, restored Thu Oct 8 10:00: 30 + 90 = 120
    inc = incident("P3", at(2026, 9, 30, 17), at(2026, 9, 30, 17, 5), at(2026, 10, 8, 10), status="restored")
    events = [ev(at(2026, 9, 30, 17), "new", kind="created"), ev(at(2026, 9, 30, 17, 5), "in_progress"),
              ev(at(2026, 10, 8, 10), "restored")]
    c = incident_clocks(inc, events, PROFILE, cals(), now=at(2026, 10, 9, 9))
    assert c.restore.elapsed_minutes == 120
    sources = [x.text for x in c.restore.explanation if x.kind == "source"]
    assert len(sources) == 9  # Sep 30 … Oct 8
    assert "2026-10-01 法定节假日 国庆节 — 国家法定节假日安排（chinesecalendar 1.11.0）" in sources
    assert sources[-1] == "2026-10-08 工作日 — 国家法定节假日安排（chinesecalendar 1.11.0）"


def test_reopened_restore_leaves_out_the_restored_span() -> None:
    # restored 11:00, the fix did not hold: back in progress 14:00, restored again 15:00
    inc = incident("P2", at(*FRI, 9), at(*FRI, 9, 5), at(*FRI, 15), status="restored")
    events = [ev(at(*FRI, 9), "new", kind="created"), ev(at(*FRI, 9, 5), "in_progress"),
              ev(at(*FRI, 11), "restored"), ev(at(*FRI, 14), "in_progress"), ev(at(*FRI, 15), "restored")]
    c = incident_clocks(inc, events, PROFILE, cals(), now=at(*FRI, 16))
    # 09:00–11:00 = 120, 14:00–15:00 = 60
    assert c.restore.elapsed_minutes == 180
    assert c.pauses == []


def test_pauses_from_events_sorted_and_open() -> None:
    events = [ev(at(*FRI, 14), "pending"), ev(at(*FRI, 10), "pending"), ev(at(*FRI, 11), "in_progress"),
              ev(at(*FRI, 9), "new", kind="created")]
    assert pauses_from_events(events) == [(at(*FRI, 10), at(*FRI, 11)), (at(*FRI, 14), None)]


def test_coverage_error_then_entered_year_then_correction_equals_fresh(db) -> None:
    inc = incident("P3", at(2026, 12, 31, 16), at(2026, 12, 31, 16, 10), at(2027, 1, 4, 9), status="restored")
    events = [ev(at(2026, 12, 31, 16), "new", kind="created"), ev(at(2026, 12, 31, 16, 10), "in_progress"),
              ev(at(2027, 1, 4, 9), "restored")]
    now = at(2027, 1, 5, 12)
    with db.session() as s:
        official = OfficialCalendar.from_session(s)
    with pytest.raises(CalendarCoverageError):
        incident_clocks(inc, events, PROFILE, cals(official), now)
    with db.session() as s:
        enter_year(s, 2027, [date(2027, 1, 1)], [], source="notice A", actor="t")
    with db.session() as s:
        first = incident_clocks(inc, events, PROFILE, cals(OfficialCalendar.from_session(s)), now)
    assert first.restore.elapsed_minutes == 90 + 30
    assert any(x.kind == "source" and x.text == "2027-01-01 法定节假日 — 录入的安排：notice A" for x in first.restore.explanation)
    with db.session() as s:
        enter_year(s, 2027, [date(2027, 1, 1)], [date(2027, 1, 2)], source="notice B", actor="t")
    with db.session() as s:
        corrected = incident_clocks(inc, events, PROFILE, cals(OfficialCalendar.from_session(s)), now)
    fresh = incident_clocks(
        inc, events, PROFILE,
        cals(OfficialCalendar({2027: ("notice B", {date(2027, 1, 1): False, date(2027, 1, 2): True})})), now)
    assert corrected == fresh
    assert corrected.restore.elapsed_minutes == 90 + 450 + 30


def test_recompute_twice_gives_identical_results() -> None:
    inc = incident("P2", at(*FRI, 9), at(*FRI, 9, 20), at(*FRI, 15), status="restored")
    a = incident_clocks(inc, paused_day_events(), PROFILE, cals(), now=at(2026, 11, 23, 9))
    b = incident_clocks(inc, list(reversed(paused_day_events())), PROFILE, cals(), now=at(2026, 11, 23, 9))
    assert a == b


def test_request_response_clock_in_5x8() -> None:
    req = {"received_at": at(*FRI, 17, 20), "responded_at": at(2026, 11, 23, 8, 50)}
    c = request_clocks(req, PROFILE, cals(), now=at(2026, 11, 23, 12))
    assert c.name == "request_response" and c.calendar_code == "5x8"
    assert c.elapsed_minutes == 30 and c.breached is False
    late = request_clocks({"received_at": at(*FRI, 17, 20), "responded_at": None}, PROFILE, cals(),
                          now=at(2026, 11, 23, 9))
    assert late.running and late.elapsed_minutes == 40 and late.breached is True
    assert late.deadline == at(2026, 11, 23, 8, 50)


def test_compute_incident_clocks_from_the_database(db, pinggu) -> None:
    from app.services.incident import workflow as svc

    with db.session() as s:
        inc = svc.create_incident(s, pinggu, actor="t", title="OA 无法登录", occurred_at=at(*FRI, 8, 50),
                                  reported_at=at(*FRI, 9), severity="P2")
        number = inc.number
    steps = [("in_progress", at(*FRI, 9, 20)), ("pending", at(*FRI, 10)), ("in_progress", at(*FRI, 11)),
             ("restored", at(*FRI, 15))]
    for status, when in steps:
        with db.session() as s:
            svc.transition(s, number, status, actor="t", at=when, now=when)
    with db.session() as s:
        inc = svc.get_incident(s, number)
        c = compute_incident_clocks(s, inc, now=at(2026, 11, 23, 9))
        again = compute_incident_clocks(s, inc, now=at(2026, 11, 23, 9))
    assert (c.response.elapsed_minutes, c.restore.elapsed_minutes) == (20, 210)
    assert c.pauses == [(at(*FRI, 10), at(*FRI, 11))]
    assert c == again


def test_closing_stores_the_derived_figures(db, pinggu) -> None:
    from app.services.incident import workflow as svc

    with db.session() as s:
        inc = svc.create_incident(s, pinggu, actor="t", title="打印机卡纸", occurred_at=at(*FRI, 16),
                                  reported_at=at(*FRI, 16), severity="P2")
        number = inc.number
    for status, when in [("in_progress", at(*FRI, 16, 45)), ("pending", at(*FRI, 17)),
                         ("in_progress", at(2026, 11, 23, 9)), ("restored", at(2026, 11, 23, 10))]:
        with db.session() as s:
            svc.transition(s, number, status, actor="t", at=when, now=when)
    with db.session() as s:
        svc.close_incident(s, number, actor="t", cause_category="hardware", cause="卡纸", resolution="清理",
                           at=at(2026, 11, 23, 10, 30), now=at(2026, 11, 23, 10, 30))
    with db.session() as s:
        inc = svc.get_incident(s, number)
        # response 16:00–16:45 = 45 > 30; restore 60 (Fri 16–17) + 60 (Mon 9–10): the pending span
        # Fri 17:00 → Mon 09:00 holds 30 (Fri) + 30 (Mon 08:30–09:00) service minutes, taken out
        assert (inc.response_minutes, inc.response_breached) == (45, True)
        assert (inc.restore_minutes, inc.restore_breached) == (120, False)


def test_request_resolve_clock_and_long_outages() -> None:
    from app.services.incident.sla import outages_over, request_resolve_clock

    req = {"received_at": at(*FRI, 9), "resolved_at": at(2026, 11, 23, 10)}
    c = request_resolve_clock(req, PROFILE, cals(), now=at(2026, 11, 23, 12))
    # Friday 09:00–12:00 180 + 13:30–17:30 240 = 420; Monday 08:30–10:00 90
    assert c.name == "request_resolve" and c.elapsed_minutes == 420 + 90 and c.breached is True
    five = cals()["5x8"]
    windows = [(at(*FRI, 9), at(*FRI, 10)), (at(*FRI, 9, 30), at(*FRI, 11, 31)),  # merged: 151 min
               (at(*FRI, 11, 45), at(*FRI, 14)),  # 15 + 30 = 45 min
               (at(*FRI, 17), None)]  # open: 30 on Friday + 450 Monday to the range end
    found = outages_over(five, windows, at(*FRI, 0), at(2026, 11, 24, 0), 120)
    assert [(a, m) for a, _b, m in found] == [(at(*FRI, 9), 151.0), (at(*FRI, 17), 480.0)]


def test_explanation_reads_in_chinese_by_default() -> None:
    """The same clock explained in the Chinese UI: no English words but codes and sources."""
    set_language("zh_CN")
    inc = incident("P2", at(*FRI, 9), at(*FRI, 9, 20), at(*FRI, 15), status="restored")
    c = incident_clocks(inc, paused_day_events(), PROFILE, cals(), now=at(2026, 11, 23, 9))
    texts = [x.text for x in c.restore.explanation]
    assert "2026-11-20 工作日 — 国家法定节假日安排（chinesecalendar 1.11.0）" in texts
    assert any(t.startswith("挂起（等待厂商或用户）") and t.endswith("扣除 60 分钟服务时间") for t in texts)
    assert texts[-1] == "已用 210 / 480 分钟服务时间 — 未超时"
    import re

    leftover = re.sub(r"chinesecalendar|5x8|7x24|P2", "", " ".join(texts))
    assert not re.findall(r"[A-Za-z]{2,}", leftover)


def test_a_bulk_run_sharing_its_rules_gives_every_clock_as_one_at_a_time() -> None:
    """Targets and calendars read once per kind of incident (``rules``) change no figure: P1 runs
    7×24, P2/P3 5×8, a scope and a class of their own get their own targets."""
    data = dict(PROFILE)
    data["sla_targets"] = [
        {"kind": "response", "severity": "P2", "scope": "core", "minutes": 5, "calendar": "7x24", "source": "t"},
        {"kind": "restore", "severity": "P2", "incident_class": "security", "minutes": 7, "source": "t"}]
    from app.core.profile import ContractProfile

    prof = ContractProfile.of(data)
    calendars = cals()
    rules: dict[Any, Any] = {}
    runs = []
    for i, (sev, cls, scope) in enumerate([("P1", None, ()), ("P2", None, ("core",)), ("P2", "security", ()),
                                          ("P3", None, ()), ("P2", None, ()), ("P2", None, ("core",))] * 2):
        inc = incident(sev, at(*FRI, 9 + i % 4), responded=at(*FRI, 10 + i % 4) if i % 3 else None,
                       restored=at(*FRI, 15) if i % 2 else None, status="restored" if i % 2 else "in_progress")
        inc["incident_class"] = cls
        events = [ev(inc["reported_at"], "new", kind="created")]
        if i % 2:
            events.append(ev(at(*FRI, 15), "restored"))
        now = at(2026, 11, 23, 17)
        alone = incident_clocks(inc, events, prof, calendars, now, scope, explain=False)
        shared = incident_clocks(inc, events, prof, calendars, now, scope, explain=False, rules=rules)
        runs.append((alone.response.target_minutes, alone.restore.target_minutes))
        assert shared == alone
    assert (5, 480) in runs and (30, 7) in runs and (30, 120) in runs and (60, 1440) in runs
    assert len(rules) == 5  # one entry per distinct (severity, class, scope)
