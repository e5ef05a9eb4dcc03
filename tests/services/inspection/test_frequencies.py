"""Checklist frequencies of format 2 (dateutil rrule over the official working-day calendar),
across the 2026 Spring Festival and National Day with their make-up working days.

2026 (chinesecalendar): 1–2 Jan off, Sun 4 Jan worked; Spring Festival 15–23 Feb off with Sat 14
and Sat 28 Feb worked; National Day 1–7 Oct off with Sun 20 Sep and Sat 10 Oct worked.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from app.core.timeutil import local_dt
from app.services.contract.profiles import import_profile, load_profile_file
from app.services.inspection.schedule import due_slots, period_rule, working_day_set
from app.store.db import Database
from app.store.models import Contract

IMAGINED = Path(__file__).resolve().parents[2] / "fixtures" / "profiles" / "imagined-v2.yaml"


@pytest.fixture
def imagined(db: Database) -> Contract:
    with db.session() as s:
        return import_profile(s, load_profile_file(IMAGINED), actor="t")


def _due(db: Database, c: Contract, code: str, start: date, end: date) -> list[date]:
    with db.session() as s:
        contract = s.get(Contract, c.id)
        return sorted({x.due_date for x in due_slots(s, contract, start, end) if x.template_code == code})


def test_first_working_day_of_the_month_skips_holidays_and_takes_make_up_days(db: Database,
                                                                              imagined: Contract) -> None:
    days = _due(db, imagined, "monthly-first", date(2026, 1, 1), date(2026, 12, 31))
    assert days[0] == date(2026, 1, 4)  # 1–2 Jan off, Sat 3 off, Sun 4 Jan a make-up working day
    assert days[1] == date(2026, 2, 2) and days[9] == date(2026, 10, 8)  # National Day: 1–7 Oct off
    assert len(days) == 12
    # asked from 5 October on, October's check is still due on the 8th
    assert _due(db, imagined, "monthly-first", date(2026, 10, 5), date(2026, 10, 31)) == [date(2026, 10, 8)]


def test_last_working_day_of_the_quarter(db: Database, imagined: Contract) -> None:
    assert _due(db, imagined, "quarterly-ups", date(2026, 1, 1), date(2026, 12, 31)) == [
        date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30), date(2026, 12, 31)]


def test_daily_checks_follow_the_spring_festival_calendar(db: Database, imagined: Contract) -> None:
    feb = _due(db, imagined, "app-twice", date(2026, 2, 9), date(2026, 3, 1))
    assert date(2026, 2, 14) in feb and date(2026, 2, 28) in feb  # make-up Saturdays are worked
    assert not {date(2026, 2, d) for d in (15, 16, 17, 18, 19, 20, 21, 22, 23)} & set(feb)
    every_day = _due(db, imagined, "room-daily", date(2026, 2, 9), date(2026, 3, 1))
    assert len(every_day) == 21  # days: every_day — holidays included


def test_period_kinds_and_n_per_period(db: Database, imagined: Contract) -> None:
    year = (date(2026, 1, 1), date(2026, 12, 31))
    assert _due(db, imagined, "half-year-review", *year) == [date(2026, 1, 1), date(2026, 7, 1)]
    assert _due(db, imagined, "yearly-pentest", *year) == [date(2026, 1, 1)]
    assert _due(db, imagined, "quarterly-drill-prep", *year) == [date(2026, m, 1) for m in (1, 4, 7, 10)]
    assert _due(db, imagined, "twice-monthly-terminals", date(2026, 2, 1), date(2026, 2, 28)) == [
        date(2026, 2, 1), date(2026, 2, 16)]
    weeks = _due(db, imagined, "weekly-backup", date(2026, 2, 1), date(2026, 2, 28))
    assert weeks == [date(2026, 2, d) for d in (2, 9, 16, 23)]
    assert _due(db, imagined, "adhoc", *year) == []
    with db.session() as s:
        slots = [x for x in due_slots(s, s.get(Contract, imagined.id), *year) if x.template_code == "yearly-pentest"]
    assert slots[0].label == "2026" and slots[0].window_end == local_dt(date(2027, 1, 1), time())


def test_the_rules_are_rrules() -> None:
    assert [d.date() for d in period_rule("quarterly", date(2026, 1, 1))[:3]] == [
        date(2026, 1, 1), date(2026, 4, 1), date(2026, 7, 1)]
    wd = [d.date() for d in working_day_set(None, date(2026, 9, 19), date(2026, 10, 11))]
    assert date(2026, 9, 20) in wd and date(2026, 10, 10) in wd and date(2026, 9, 25) not in wd
    assert not [d for d in wd if date(2026, 10, 1) <= d <= date(2026, 10, 7)]
