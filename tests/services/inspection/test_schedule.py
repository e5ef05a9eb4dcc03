"""Inspection schedules: slots, windows, working days, month/quarter periods, overdue detection."""

from __future__ import annotations

from datetime import date, time, timedelta

from app.core.timeutil import local_dt
from app.errors import CalendarCoverageError
from app.services.calendar import service_time as calendar_service
from app.services.inspection import schedule
from app.services.inspection.runs import finish_inspection, record_result, results, start_inspection
from app.services.queries.lookup import engineers_by_name, get_contract, get_template


def _slots(db, start, end, code=None):
    with db.session() as s:
        c = get_contract(s)
        out = schedule.due_slots(s, c, start, end)
    return [x for x in out if code is None or x.template_code == code]


def test_twice_daily_slots_and_windows(db, pinggu):
    day = date(2026, 11, 23)  # a Monday, working day
    slots = _slots(db, day, day, "app-twice-daily")
    assert [s.slot for s in slots] == ["09:00", "14:30"]
    first, second = slots
    assert first.window_start == local_dt(day, time(9, 0))
    assert first.window_end == local_dt(day, time(14, 30)) == second.window_start
    assert second.window_end == local_dt(day + timedelta(days=1), time(0, 0))
    assert first.window_start.utcoffset() == timedelta(0)
    assert first.label == "2026-11-23 09:00"
    daily = _slots(db, day, day, "machine-room-daily")
    assert len(daily) == 1 and daily[0].slot == "09:30"
    assert daily[0].window_start == local_dt(day, time(0)) and daily[0].window_end == local_dt(day + timedelta(days=1), time(0))


def test_working_days_skip_national_day_and_keep_make_up_days(db, pinggu):
    slots = _slots(db, date(2026, 9, 19), date(2026, 10, 11), "app-twice-daily")
    days = {s.due_date for s in slots}
    assert date(2026, 9, 19) not in days  # ordinary Saturday
    assert date(2026, 9, 20) in days  # Sunday make-up working day
    for d in range(1, 8):
        assert date(2026, 10, d) not in days  # National Day holidays
    assert date(2026, 10, 10) in days  # Saturday make-up working day
    assert date(2026, 10, 11) not in days  # ordinary Sunday
    assert sum(1 for s in slots if s.due_date == date(2026, 9, 20)) == 2


def test_every_day_template_ignores_holidays(db, pinggu, monkeypatch):
    with db.session() as s:
        c = get_contract(s)
        profile = dict(c.profile)
        profile["checklists"] = [dict(x) for x in profile["checklists"]]
        for x in profile["checklists"]:
            if x["code"] == "db-backup-daily":
                x["days"] = "every_day"
        c.profile = profile
    days = {s.due_date for s in _slots(db, date(2026, 10, 1), date(2026, 10, 7), "db-backup-daily")}
    assert len(days) == 7


def test_monthly_and_quarterly_periods_across_month_ends_and_leap_year(db, pinggu):
    monthly = _slots(db, date(2028, 1, 15), date(2028, 4, 1), "call-center-periodic")
    assert [s.due_date for s in monthly] == [date(2028, 2, 1), date(2028, 3, 1), date(2028, 4, 1)]
    feb = monthly[0]
    assert feb.label == "2028-02"
    # Feb 2028 has 29 days: the window ends at local midnight starting March 1
    assert feb.window_end == local_dt(date(2028, 3, 1), time(0))
    assert feb.window_end - feb.window_start == timedelta(days=29)
    dec = _slots(db, date(2026, 12, 1), date(2026, 12, 31), "call-center-periodic")[0]
    assert dec.window_end == local_dt(date(2027, 1, 1), time(0))
    q = _slots(db, date(2026, 9, 2), date(2027, 1, 1), "restore-test-quarterly")
    assert [(s.due_date, s.label) for s in q] == [(date(2026, 10, 1), "2026-Q4"), (date(2027, 1, 1), "2027-Q1")]
    assert q[0].window_end == local_dt(date(2027, 1, 1), time(0))


def test_calendar_gap_is_due_on_weekdays_with_warning(db, pinggu, monkeypatch):
    def no_data(session, day):
        raise CalendarCoverageError([day.year])

    monkeypatch.setattr(calendar_service, "is_working_day", no_data)
    day = date(2030, 1, 7)  # Monday
    with db.session() as s:
        c = get_contract(s)
        entries = schedule.due_list(s, c, day, local_dt(day, time(10)))
        weekend = schedule.due_slots(s, c, date(2030, 1, 5), date(2030, 1, 6))
    twice = [e for e in entries if e.slot.template_code == "app-twice-daily" and e.slot.due_date == day]
    assert len(twice) == 2
    assert all(e.calendar_warning and "2030" in e.calendar_warning for e in twice)
    assert not [x for x in weekend if x.frequency in schedule.DAILY_KINDS]


def test_due_list_statuses_and_overdue(db, pinggu):
    day = date(2026, 11, 24)  # Tuesday
    now = local_dt(day, time(11, 0))
    with db.session() as s:
        c = get_contract(s)
        eng = engineers_by_name(s, c)["李晓明"]
        tpl = get_template(s, c, "app-twice-daily")
        # yesterday's morning slot was done, the afternoon slot was missed
        insp = start_inspection(s, c, tpl, day - timedelta(days=1), "09:00", engineer=eng, actor="t",
                                now=local_dt(day - timedelta(days=1), time(9, 5)))
        for r in results(s, insp.id):
            record_result(s, r.id, outcome="normal", value="1" if r.kind == "reading" else None, actor="t")
        finish_inspection(s, insp.id, actor="t", now=local_dt(day - timedelta(days=1), time(9, 20)))
    with db.session() as s:
        c = get_contract(s)
        entries = schedule.due_list(s, c, day, now)
    by = {(e.slot.template_code, e.slot.due_date, e.slot.slot): e for e in entries}
    assert by[("app-twice-daily", day, "09:00")].status == "due"
    assert by[("app-twice-daily", day, "14:30")].status == "upcoming"
    assert by[("app-twice-daily", day - timedelta(days=1), "14:30")].status == "overdue"
    # done slots of earlier days are not repeated on today's list
    assert ("app-twice-daily", day - timedelta(days=1), "09:00") not in by
    assert by[("call-center-periodic", date(2026, 11, 1), "")].status == "due"
    assert by[("restore-test-quarterly", date(2026, 10, 1), "")].status == "due"
    # slots older than 7 days are not on the list
    assert all(e.slot.window_end > local_dt(day - timedelta(days=7), time(0)) for e in entries)
    # after 14:30 the morning slot is overdue
    with db.session() as s:
        c = get_contract(s)
        later = schedule.due_list(s, c, day, local_dt(day, time(15, 0)))
    st = {(e.slot.template_code, e.slot.slot): e.status for e in later if e.slot.due_date == day}
    assert st[("app-twice-daily", "09:00")] == "overdue"
    assert st[("app-twice-daily", "14:30")] == "due"


def test_completion_counts_done_and_missed(db, pinggu):
    day = date(2026, 11, 23)
    with db.session() as s:
        c = get_contract(s)
        eng = engineers_by_name(s, c)["王建国"]
        tpl = get_template(s, c, "machine-room-daily")
        insp = start_inspection(s, c, tpl, day, "09:30", engineer=eng, actor="t", now=local_dt(day, time(9, 31)))
        finish_inspection(s, insp.id, actor="t", allow_unanswered=True, now=local_dt(day, time(9, 40)))
    with db.session() as s:
        c = get_contract(s)
        comp = schedule.completion(s, c, day, day, local_dt(day + timedelta(days=1), time(8)))
    mr = comp["by_template"]["machine-room-daily"]
    assert (mr["due"], mr["done"], mr["missed"]) == (1, 1, 0)
    assert comp["by_template"]["app-twice-daily"]["missed"] == 2
    # monthly/quarterly periods have not ended yet, so are not counted
    assert "call-center-periodic" not in comp["by_template"]
    assert comp["due"] == 4 and comp["done"] == 1 and comp["rate_pct"] == 25.0
    assert comp["by_engineer"] == {"王建国": 1}


def test_cli_inspect_due_prints_slots_and_status(db, pinggu, capsys):
    from app.cli import main as cli_main

    path = db.url  # a SQLite file or the PostgreSQL test database
    db.close()
    rc = cli_main(["inspect", "due", "--db", path, "--date", "2026-10-10"])
    out = capsys.readouterr().out
    assert rc == 0
    assert "2026-10-10 09:00" in out and "2026-10-10 14:30" in out  # make-up Saturday
    assert "2026-10-09 14:30" in out and "overdue" in out  # missed yesterday
    assert "2026-10-05" not in out  # a holiday has no slots
    rc = cli_main(["inspect", "due", "--db", path, "--date", "2026-13-01"])
    assert rc == 1
