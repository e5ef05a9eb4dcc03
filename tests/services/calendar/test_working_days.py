"""The one working-day rule (``app.services.calendar.working_days``) the schedule and the
reminders count in.  chinesecalendar 1.11, 2026: 国庆 Thu Oct 1 – Wed Oct 7 off, Sat Oct 10 a
make-up working day, Sun Oct 11 off; its data ends with 2026 (Fri 2027-01-01 is uncovered)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.services.calendar.admin import enter_year
from app.services.calendar.working_days import (
    nth_working_day_before,
    working_dates,
    working_day,
    working_day_rule,
    working_day_set,
    working_days_between,
)
from app.store.models import AuditEvent

D = date


def test_national_day_week_and_its_make_up_saturday() -> None:
    rule = working_day_rule(None)
    assert working_day(None, D(2026, 10, 5)) == (False, None)  # Monday inside the holiday
    assert working_day(None, D(2026, 10, 10)) == (True, None)  # make-up Saturday
    assert not rule(D(2026, 10, 11))
    got = [d.date() for d in working_day_set(D(2026, 9, 26), D(2026, 10, 12), rule)]
    assert got == [D(2026, 9, 28), D(2026, 9, 29), D(2026, 9, 30), D(2026, 10, 8), D(2026, 10, 9),
                   D(2026, 10, 10), D(2026, 10, 12)]
    # "N working days left" seen on Sep 30: Oct 8, 9, 10 (Sat) and 12
    assert working_days_between(D(2026, 9, 30), D(2026, 10, 12), rule) == 4
    assert working_days_between(D(2026, 10, 12), D(2026, 10, 12), rule) == 0
    # "N working days before": the make-up Saturday counts, the holiday week does not
    assert nth_working_day_before(D(2026, 10, 12), 1, rule) == D(2026, 10, 10)
    assert nth_working_day_before(D(2026, 10, 12), 3, rule) == D(2026, 10, 8)
    assert nth_working_day_before(D(2026, 10, 12), 4, rule) == D(2026, 9, 30)
    assert nth_working_day_before(D(2026, 10, 12), 25, rule) == D(2026, 9, 1)  # the window grows
    # the last working day on or before a day in the holiday week is the day before it
    assert nth_working_day_before(D(2026, 10, 3) + timedelta(days=1), 1, rule) == D(2026, 9, 30)
    with pytest.raises(ValueError, match="0"):
        nth_working_day_before(D(2026, 10, 12), 0, rule)


def test_past_the_end_of_the_calendar_monday_to_friday_counts_with_a_warning() -> None:
    rule = working_day_rule(None)
    working, warning = rule.check(D(2027, 1, 1))  # a Friday the calendar does not cover
    assert working and warning is not None and "2027" in warning and "周一至周五" in warning
    assert rule.check(D(2027, 1, 2))[0] is False  # Saturday
    assert rule.check(D(2026, 12, 31)) == (True, None)
    # counting runs on across the end: Dec 31 (covered), Jan 1 (assumed), Jan 4, Jan 5
    assert working_days_between(D(2026, 12, 30), D(2027, 1, 5), rule) == 4
    assert nth_working_day_before(D(2027, 1, 4), 2, rule) == D(2026, 12, 31)
    assert [d.date() for d in working_day_set(D(2026, 12, 31), D(2027, 1, 4), rule)] == [
        D(2026, 12, 31), D(2027, 1, 1), D(2027, 1, 4)]


def test_an_entered_year_replaces_the_assumption(db) -> None:
    with db.session() as s:
        before = working_day_rule(s)
        assert before(D(2027, 1, 1)) and working_day_rule(s) is before  # one rule per session
        enter_year(s, 2027, [D(2027, 1, 1)], [D(2027, 1, 2)], source="test", actor="t")
        rule = working_day_rule(s)
        assert rule is not before  # entering the year dropped the session's rule with its calendar
        assert rule.check(D(2027, 1, 1)) == (False, None)
        assert rule.check(D(2027, 1, 2)) == (True, None)
        assert nth_working_day_before(D(2027, 1, 4), 1, rule) == D(2027, 1, 2)
        assert working_days_between(D(2026, 12, 30), D(2027, 1, 4), rule) == 3  # Dec 31, Jan 2, Jan 4
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "calendar.enter_year")).one()
        assert ev.summary == "2027 年：节假日 1 天，调休上班 1 天（test）"  # the audit page reads Chinese


def test_the_credential_reminder_window_is_the_working_day_count() -> None:
    from app.services.vault.due import reminder_state  # noqa: PLC0415

    rule = working_day_rule(None)
    for due in (D(2026, 10, 12), D(2026, 10, 10), D(2026, 10, 4), D(2027, 1, 4), D(2027, 1, 2)):
        for back in range(1, 25):
            today = due - timedelta(days=back)
            inside = working_days_between(today, due, rule) <= 5
            assert (reminder_state(due, today, rule) == "upcoming") is inside, (due, today)


def test_the_listed_months_give_the_dates_of_the_rruleset() -> None:
    rule = working_day_rule(None)
    plain = lambda d: rule(d)  # noqa: E731, PLW0108 - not a WorkingDays: counted on the rruleset itself
    for first, last in ((D(2026, 9, 15), D(2026, 10, 20)), (D(2026, 12, 20), D(2027, 2, 3)),
                        (D(2026, 1, 31), D(2026, 3, 1)), (D(2026, 10, 10), D(2026, 10, 10))):
        assert working_dates(first, last, rule) == working_dates(first, last, plain)
        assert working_dates(first, last, rule) == [d.date() for d in working_day_set(first, last, rule)]
    assert working_dates(D(2026, 10, 2), D(2026, 10, 1), rule) == []
