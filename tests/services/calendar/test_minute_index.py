"""The cumulative-minutes index agrees with the calendar's own day walk — across holidays, make-up
days (调休), entered years and DST-free time zones — and long clocks explain themselves by month."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import timeutil
from app.services.calendar import service_time
from app.services.calendar.minute_index import index_for
from app.services.calendar.service_time import OfficialCalendar, ServiceCalendar, merge_windows
from app.services.incident import sla

ZONES = ("Asia/Shanghai", "UTC")
T0 = datetime(2025, 1, 1, tzinfo=UTC)
SPAN_MINUTES = (date(2027, 12, 30) - date(2025, 1, 1)).days * 24 * 60  # 2025 .. 2027


@contextmanager
def local_zone(name: str):  # type: ignore[no-untyped-def]
    """Run with ``LOCAL_TZ`` = ``name`` (the calendar and the index read the same zone)."""
    with pytest.MonkeyPatch.context() as mp:
        tz = ZoneInfo(name)
        mp.setattr(timeutil, "LOCAL_TZ", tz)
        mp.setattr(service_time, "LOCAL_TZ", tz)
        yield


def official_with(overrides: dict[date, bool]) -> OfficialCalendar:
    """chinesecalendar for 2025–2026 (its real holidays and make-up days) and an entered 2027 whose
    listed days differ from Mon–Fri (random holidays on weekdays, make-up working weekends)."""
    return OfficialCalendar({2027: ("notice 2027", {d: w for d, w in overrides.items() if d.year == 2027})},
                            {d: "假日" for d, w in overrides.items() if not w})


HOURS = st.sampled_from([
    [(time(8, 30), time(12, 0)), (time(13, 30), time(17, 30))],
    [(time(9, 0), time(18, 0))],
    [(time(0, 0), None)],
    [(time(7, 15), time(11, 45)), (time(12, 30), time(16, 10)), (time(20, 0), None)],
])
DAYS_2027 = st.dates(date(2027, 1, 1), date(2027, 12, 31))
OVERRIDES = st.dictionaries(DAYS_2027, st.booleans(), max_size=40).map(
    lambda d: {k: v for k, v in d.items() if v == (k.weekday() >= 5)})  # only real exceptions
INSTANT = st.integers(0, SPAN_MINUTES * 60).map(lambda s: T0 + timedelta(seconds=s))


def calendar(hours, overrides) -> ServiceCalendar:  # type: ignore[no-untyped-def]
    return ServiceCalendar("5x8", "5×8", "working_days", hours, official_with(overrides))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(zone=st.sampled_from(ZONES), hours=HOURS, overrides=OVERRIDES, a=INSTANT, b=INSTANT)
def test_index_minutes_equal_the_day_walk(zone, hours, overrides, a, b) -> None:  # type: ignore[no-untyped-def]
    with local_zone(zone):
        cal = calendar(hours, overrides)
        start, end = min(a, b), max(a, b)
        assert index_for(cal).service_minutes(start, end) == pytest.approx(cal.service_minutes(start, end), abs=1e-6)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(zone=st.sampled_from(ZONES), hours=HOURS, overrides=OVERRIDES, a=INSTANT,
       minutes=st.floats(0, 200_000, allow_nan=False))
def test_index_deadline_equals_the_day_walk(zone, hours, overrides, a, minutes) -> None:  # type: ignore[no-untyped-def]
    with local_zone(zone):
        cal = calendar(hours, overrides)
        if a + timedelta(days=400 + minutes / 60) > datetime(2027, 12, 1, tzinfo=UTC):
            a = T0  # keep the walk inside the covered years
        got, want = index_for(cal).add_service_minutes(a, minutes), cal.add_service_minutes(a, minutes)
        assert abs((got - want).total_seconds()) < 1e-3


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(zone=st.sampled_from(ZONES), overrides=OVERRIDES, a=INSTANT, b=INSTANT,
       pauses=st.lists(st.tuples(INSTANT, st.integers(1, 60 * 24 * 40)), max_size=4),
       target=st.sampled_from([30, 480, 1440, 100_000]))
def test_clock_with_pauses_equals_the_day_walk(zone, overrides, a, b, pauses, target) -> None:  # type: ignore[no-untyped-def]
    with local_zone(zone):
        cal = calendar([(time(8, 30), time(12, 0)), (time(13, 30), time(17, 30))], overrides)
        start, stop = min(a, b), max(a, b)
        excluded = [(p, p + timedelta(minutes=m), sla.PAUSED) for p, m in pauses]
        clock = sla._clock("restore", cal, start, stop, stop, target, excluded, [])
        windows = merge_windows((max(x, start), min(y, stop)) for x, y, _k in excluded if max(x, start) < min(y, stop))
        counted = sla._subtract(cal.periods(start, stop), windows)
        walked = sum((e - s).total_seconds() / 60 for s, e, _src in counted)
        assert clock.elapsed_minutes == pytest.approx(walked, abs=1e-6)
        assert clock.breached == (walked > target + 1e-6) or abs(walked - target) < 1e-6
        if clock.deadline is not None:  # the instant the counted minutes reach the target
            acc = 0.0
            for s, e, _src in counted:
                length = (e - s).total_seconds() / 60
                if acc + length >= target - 1e-9:
                    assert abs((clock.deadline - (s + timedelta(minutes=target - acc))).total_seconds()) < 1e-3
                    break
                acc += length
        month_lines = sum(1 for x in clock.explanation if x.kind == "period")
        if stop - start > timedelta(days=sla.DETAIL_DAYS):  # summarised: one counted line per month
            months = (stop.year - start.year) * 12 + stop.month - start.month + 2
            assert month_lines <= months
            assert sum(x.minutes for x in clock.explanation if x.kind == "period") == pytest.approx(walked, abs=1e-6)


def test_two_year_clock_explains_by_month_and_counts_like_the_walk() -> None:
    cal = calendar([(time(8, 30), time(12, 0)), (time(13, 30), time(17, 30))], {})
    start = timeutil.local_dt(date(2025, 1, 6), time(9))
    now = timeutil.local_dt(date(2027, 1, 6), time(9))
    clock = sla._clock("restore", cal, start, None, now, 480, [], [])
    assert clock.elapsed_minutes == pytest.approx(cal.service_minutes(start, now))
    sources = [x for x in clock.explanation if x.kind == "source"]
    assert len(sources) == 25  # 2025-01 .. 2027-01, one line per month, not one per day
    oct_2025 = next(x.text for x in sources if x.text.startswith("2025-10"))
    assert "国庆节" in oct_2025 or "National Day" in oct_2025
    assert clock.deadline == cal.add_service_minutes(start, 480)
