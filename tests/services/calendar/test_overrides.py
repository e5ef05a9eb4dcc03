"""Dated calendar overrides (重点保障期): the per-day windows are the one source every count reads."""

from __future__ import annotations

from datetime import date, time

from app.core.profile import ContractProfile
from app.core.timeutil import local_dt
from app.services.calendar.service_time import OfficialCalendar, calendars_from_profile
from app.services.contract.profiles import load_profile_file
from tests.services.contract.test_profile_v2 import FIXTURES


def _cal(code: str = "5x8"):  # type: ignore[no-untyped-def]
    prof = ContractProfile.of(load_profile_file(FIXTURES / "imagined-v2.yaml"))
    return calendars_from_profile(prof, OfficialCalendar())[code]


def test_day_windows_honour_each_override_kind() -> None:
    cal = _cal()
    assert [(w.start, w.end) for w in cal.day_windows(date(2026, 3, 7))] == [
        (local_dt(date(2026, 3, 7), time()), local_dt(date(2026, 3, 8), time()))]  # 两会 7×24 on a Saturday
    assert cal.day_windows(date(2026, 3, 14)) == ()  # an ordinary Saturday
    assert [w.minutes for w in cal.day_windows(date(2026, 2, 17))] == [480.0]  # 春节 every day 9–17
    assert [w.minutes for w in cal.day_windows(date(2026, 12, 22))] == [720.0]  # 年终 working days 8–20
    assert cal.day_windows(date(2026, 12, 26)) == ()  # a Saturday of that override: working_days only
    assert [w.minutes for w in cal.day_windows(date(2026, 3, 16))] == [210.0, 240.0]
    assert cal.day_windows(date(2026, 3, 7))[0].source == "override: 全国两会|7×24"


def test_service_minutes_and_deadlines_run_through_the_override() -> None:
    cal = _cal()
    # Fri 6 Mar 17:00 + 600 min: the override keeps counting through the weekend
    assert cal.add_service_minutes(local_dt(date(2026, 3, 6), time(17)), 600) == local_dt(date(2026, 3, 7), time(3))
    assert cal.service_minutes(local_dt(date(2026, 3, 1), time()), local_dt(date(2026, 4, 1), time())) == (
        16 * 450 + 8 * 1440)
    days = {d: (working, source) for d, working, source, _n in
            cal.days(local_dt(date(2026, 3, 7), time()), local_dt(date(2026, 3, 9), time()))}
    assert days[date(2026, 3, 7)] == (True, "override: 全国两会|7×24")
