"""Service calendars and the official working-day calendar: hand-worked minutes.

5×8 = 08:30–12:00 + 13:30–17:30 = 450 service minutes per working day (Beijing time).
chinesecalendar 1.11, 2026: 国庆 Oct 1–7 off (Thu–Wed), make-up days Sun Sep 20 and Sat Oct 10;
中秋 Sep 25–27 off.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main as cli_main
from app.core.timeutil import UTC, local_dt
from app.errors import CalendarCoverageError, NotFoundError, ValidationError
from app.paths import resources_dir
from app.services.calendar.admin import (
    enter_year,
    entered_years,
    export_year,
    load_year_file,
    remove_year,
    write_year_file,
)
from app.services.calendar.service_time import (
    OfficialCalendar,
    ServiceCalendar,
    calendar_for_severity,
    downtime_service_minutes,
    is_working_day,
    load_calendars,
    merge_windows,
)
from app.store.models import AuditEvent, CalendarDay

HOURS = [(time(8, 30), time(12, 0)), (time(13, 30), time(17, 30))]


def at(y: int, m: int, d: int, hh: int, mm: int = 0):
    return local_dt(date(y, m, d), time(hh, mm))


def five_by_eight(official: OfficialCalendar | None = None) -> ServiceCalendar:
    return ServiceCalendar("5x8", "5x8", "working_days", HOURS, official or OfficialCalendar())


def always() -> ServiceCalendar:
    return ServiceCalendar("7x24", "7x24", "always", None, OfficialCalendar())


# -- official calendar ---------------------------------------------------------------------------


def test_2026_national_day_week_and_makeup_days_from_chinesecalendar() -> None:
    off = OfficialCalendar()
    for d in range(1, 8):
        assert off.is_working_day(date(2026, 10, d)) is False, d
    assert off.is_working_day(date(2026, 10, 8)) is True
    assert off.is_working_day(date(2026, 10, 10)) is True  # Saturday make-up day
    assert off.is_working_day(date(2026, 10, 11)) is False  # ordinary Sunday
    assert off.is_working_day(date(2026, 9, 20)) is True  # Sunday make-up day
    assert off.day_source(date(2026, 10, 1)).startswith("chinesecalendar ")
    assert off.day_kind(date(2026, 10, 10)) == "makeup"
    assert off.day_kind(date(2026, 10, 5)) == "holiday"


def test_year_no_source_covers_raises_coverage_error() -> None:
    off = OfficialCalendar()
    assert off.covered(2026) and not off.covered(2027)
    with pytest.raises(CalendarCoverageError) as exc:
        off.is_working_day(date(2027, 3, 1))
    assert exc.value.years == [2027]
    with pytest.raises(CalendarCoverageError):
        off.day_source(date(2027, 3, 1))


def test_entered_year_overrides_chinesecalendar_for_the_whole_year() -> None:
    # a (made-up) 2026 entry: only Nov 20 is off; the library's Oct 1-7 no longer apply
    off = OfficialCalendar({2026: ("test", {date(2026, 11, 20): False})})
    assert off.is_working_day(date(2026, 11, 20)) is False
    assert off.is_working_day(date(2026, 10, 1)) is True
    assert off.is_working_day(date(2026, 10, 10)) is False  # library make-up day gone: plain Saturday
    assert off.day_source(date(2026, 10, 1)) == "user: test"


# -- 5x8 minutes -------------------------------------------------------------------------------


def test_5x8_across_national_day_week_and_its_makeup_day() -> None:
    cal = five_by_eight()
    # Wed Sep 30 16:00 → Mon Oct 12 09:00: 90 (Sep 30) + Oct 8, 9, 10 (Sat make-up) 3×450 + 30 (Oct 12)
    assert cal.service_minutes(at(2026, 9, 30, 16), at(2026, 10, 12, 9)) == 90 + 3 * 450 + 30
    # the holiday week itself counts nothing
    assert cal.service_minutes(at(2026, 10, 1, 0), at(2026, 10, 8, 0)) == 0
    # the make-up Saturday alone is a full working day; the Sunday after it is not
    assert cal.service_minutes(at(2026, 10, 10, 0), at(2026, 10, 11, 0)) == 450
    assert cal.service_minutes(at(2026, 10, 11, 0), at(2026, 10, 12, 0)) == 0
    sources = {p.source for p in cal.periods(at(2026, 9, 30, 16), at(2026, 10, 12, 9))}
    assert len(sources) == 1 and sources.pop().startswith("chinesecalendar")


def test_5x8_lunch_break_is_not_service_time() -> None:
    cal = five_by_eight()
    assert cal.service_minutes(at(2026, 11, 20, 11, 30), at(2026, 11, 20, 14)) == 60
    ps = cal.periods(at(2026, 11, 20, 11, 30), at(2026, 11, 20, 14))
    assert [(p.start, p.end, p.minutes) for p in ps] == [
        (at(2026, 11, 20, 11, 30), at(2026, 11, 20, 12), 30.0),
        (at(2026, 11, 20, 13, 30), at(2026, 11, 20, 14), 30.0),
    ]
    assert not cal.is_service_time(at(2026, 11, 20, 12, 30))
    assert cal.is_service_time(at(2026, 11, 20, 8, 30))
    assert not cal.is_service_time(at(2026, 11, 20, 17, 30))
    assert not cal.is_service_time(at(2026, 10, 1, 10))
    assert cal.is_service_time(at(2026, 10, 10, 10))


def test_7x24_across_midnight_and_empty_range() -> None:
    cal = always()
    assert cal.service_minutes(at(2026, 10, 1, 23), at(2026, 10, 2, 1, 30)) == 150
    assert cal.service_minutes(at(2026, 10, 2, 1), at(2026, 10, 1, 23)) == 0
    assert [p.source for p in cal.periods(at(2026, 10, 1, 23), at(2026, 10, 2, 1))] == ["7x24"]
    assert cal.add_service_minutes(at(2026, 10, 1, 23), 150) == at(2026, 10, 2, 1, 30)
    # 7x24 needs no holiday table: it runs into 2027 without an entered year
    assert cal.service_minutes(at(2026, 12, 31, 23), at(2027, 1, 1, 1)) == 120


def test_deadline_crossing_a_weekend() -> None:
    cal = five_by_eight()
    # Fri Nov 20 16:00 + 480: 90 on Friday, then Monday 210 (to 12:00) + 180 → 16:30
    assert cal.add_service_minutes(at(2026, 11, 20, 16), 480) == at(2026, 11, 23, 16, 30)
    # starting in the lunch break / after hours / on a holiday
    assert cal.add_service_minutes(at(2026, 11, 20, 12, 15), 30) == at(2026, 11, 20, 14)
    assert cal.add_service_minutes(at(2026, 11, 20, 18), 30) == at(2026, 11, 23, 9)
    assert cal.add_service_minutes(at(2026, 9, 30, 17), 60) == at(2026, 10, 8, 9)
    assert cal.add_service_minutes(at(2026, 11, 20, 16), 0) == at(2026, 11, 20, 16)
    # consistent with service_minutes
    end = cal.add_service_minutes(at(2026, 9, 29, 10, 7), 2000)
    assert cal.service_minutes(at(2026, 9, 29, 10, 7), end) == 2000


def test_naive_datetimes_are_refused() -> None:
    from datetime import datetime

    cal = five_by_eight()
    with pytest.raises(ValidationError):
        cal.service_minutes(datetime(2026, 11, 20, 9), at(2026, 11, 20, 10))
    with pytest.raises(ValidationError):
        cal.add_service_minutes(datetime(2026, 11, 20, 9), 10)
    with pytest.raises(ValidationError):
        always().is_service_time(datetime(2026, 11, 20, 9))


def test_clock_into_2027_raises_until_the_year_is_entered(db) -> None:
    start, end = at(2026, 12, 31, 16), at(2027, 1, 4, 9)
    with db.session() as s:
        cal = five_by_eight(OfficialCalendar.from_session(s))
    with pytest.raises(CalendarCoverageError) as exc:
        cal.service_minutes(start, end)
    assert exc.value.years == [2027]
    with pytest.raises(CalendarCoverageError):
        cal.add_service_minutes(start, 600)

    with db.session() as s:
        enter_year(s, 2027, [date(2027, 1, 1)], [], source="test notice", actor="t", names={date(2027, 1, 1): "元旦"})
    with db.session() as s:
        cal = five_by_eight(OfficialCalendar.from_session(s))
        # Thu Dec 31 90 + Fri Jan 1 holiday + weekend + Mon Jan 4 30
        assert cal.service_minutes(start, end) == 120
        assert cal.periods(start, end)[-1].source == "user: test notice"
        assert cal.add_service_minutes(start, 600) == at(2027, 1, 5, 8, 30) + timedelta(minutes=60)
        assert is_working_day(s, date(2027, 1, 1)) is False
        assert is_working_day(s, date(2027, 1, 4)) is True

    # a correction: the year re-entered with Sat Jan 2 as a make-up day
    with db.session() as s:
        enter_year(s, 2027, [date(2027, 1, 1)], [date(2027, 1, 2)], source="corrected", actor="t")
    with db.session() as s:
        recomputed = five_by_eight(OfficialCalendar.from_session(s)).service_minutes(start, end)
        assert [y.source for y in entered_years(s)] == ["corrected"]
        assert len(s.scalars(select(CalendarDay)).all()) == 2
    fresh = five_by_eight(OfficialCalendar({2027: ("x", {date(2027, 1, 1): False, date(2027, 1, 2): True})}))
    assert recomputed == fresh.service_minutes(start, end) == 90 + 450 + 30


def test_is_working_day_without_session_uses_chinesecalendar() -> None:
    assert is_working_day(None, date(2026, 10, 10)) is True
    assert is_working_day(None, date(2026, 10, 2)) is False
    with pytest.raises(CalendarCoverageError):
        is_working_day(None, date(2027, 6, 1))


def test_merge_windows_and_downtime_union() -> None:
    w = merge_windows([(at(2026, 11, 20, 9, 30), at(2026, 11, 20, 11)),
                       (at(2026, 11, 20, 9), at(2026, 11, 20, 10)),
                       (at(2026, 11, 20, 11), at(2026, 11, 20, 11, 15)),
                       (at(2026, 11, 20, 15), at(2026, 11, 20, 15))])
    assert w == [(at(2026, 11, 20, 9), at(2026, 11, 20, 11, 15))]
    cal = five_by_eight()
    windows = [(at(2026, 11, 20, 9), at(2026, 11, 20, 10)), (at(2026, 11, 20, 9, 30), at(2026, 11, 20, 14)),
               (at(2026, 11, 20, 17), None)]
    # 09:00–14:00 = 180 + 30 (lunch out) ; 17:00–17:30 = 30 ; open window runs to the range end
    assert downtime_service_minutes(cal, windows, at(2026, 11, 20, 0), at(2026, 11, 21, 0)) == 210 + 30
    # clipped to the range
    assert downtime_service_minutes(cal, windows, at(2026, 11, 20, 11), at(2026, 11, 20, 12)) == 60
    assert downtime_service_minutes(always(), windows, at(2026, 11, 20, 0), at(2026, 11, 21, 0)) == 300 + 420


def test_pinggu_calendars_and_severity_calendar(pinggu, db) -> None:
    with db.session() as s:
        cals = load_calendars(s, pinggu)
    assert set(cals) == {"5x8", "7x24"}
    assert cals["5x8"].kind == "working_days" and cals["7x24"].kind == "always"
    assert cals["5x8"].service_minutes(at(2026, 11, 20, 0), at(2026, 11, 21, 0)) == 450
    prof = pinggu.profile
    assert calendar_for_severity(cals, prof, "P1").code == "7x24"
    assert calendar_for_severity(cals, prof, "P2").code == "5x8"
    assert calendar_for_severity(cals, prof, "nonexistent").code == "5x8"


def test_bad_working_hours_are_refused() -> None:
    with pytest.raises(ValidationError):
        ServiceCalendar("x", "x", "working_days", None, OfficialCalendar())
    with pytest.raises(ValidationError):
        ServiceCalendar("x", "x", "working_days", [(time(12), time(9))], OfficialCalendar())
    with pytest.raises(ValidationError):
        ServiceCalendar("x", "x", "working_days", [(time(8), time(12)), (time(11), time(13))], OfficialCalendar())
    with pytest.raises(ValidationError):
        ServiceCalendar("x", "x", "sometimes", None, OfficialCalendar())


# -- entering years ----------------------------------------------------------------------------


def test_enter_year_validates_and_writes_nothing_on_error(db) -> None:
    with pytest.raises(ValidationError) as e1, db.session() as s:
        enter_year(s, 2027, [date(2028, 1, 1)], [], source="x", actor="t")
    assert e1.value.field == "holidays[0]"
    with pytest.raises(ValidationError) as e2, db.session() as s:
        enter_year(s, 2027, [date(2027, 1, 2)], [date(2027, 1, 2)], source="x", actor="t")
    assert e2.value.code == "{both} is listed both as a holiday and as a make-up day"
    assert "2027-01-02 同时被列为节假日和调休工作日" in e2.value.message
    with pytest.raises(ValidationError) as e3, db.session() as s:
        enter_year(s, 2027, [], [date(2027, 1, 4)], source="x", actor="t")  # a Monday
    assert e3.value.field == "makeup_days[0]"
    with pytest.raises(ValidationError), db.session() as s:
        enter_year(s, 2027, [date(2027, 1, 1)], [], source="  ", actor="t")
    with db.session() as s:
        assert entered_years(s) == []
        assert s.scalars(select(CalendarDay)).all() == []


def test_enter_and_remove_year_are_audited(db) -> None:
    with db.session() as s:
        enter_year(s, 2027, [date(2027, 1, 1)], [], source="notice", actor="王建国")
    with db.session() as s:
        remove_year(s, 2027, actor="王建国")
    with db.session() as s:
        actions = [a.action for a in s.scalars(select(AuditEvent).order_by(AuditEvent.at))]
        assert actions == ["calendar.enter_year", "calendar.remove_year"]
        assert entered_years(s) == []
        with pytest.raises(NotFoundError):
            remove_year(s, 2027, actor="t")


def test_example_file_is_refused_until_filled(tmp_path: Path) -> None:
    example = resources_dir() / "calendars" / "example-2027.yaml"
    with pytest.raises(ValidationError) as exc:
        load_year_file(example)
    assert exc.value.field == "example" and "（example-2027.yaml，第 " in exc.value.message
    filled = tmp_path / "h2027.yaml"
    filled.write_text(example.read_text(encoding="utf-8").replace("example: true\n", ""), encoding="utf-8")
    year, holidays, makeup, _source, names = load_year_file(filled)
    assert (year, holidays, makeup, names) == (2027, [date(2027, 1, 1)], [], {date(2027, 1, 1): "元旦"})


YEAR_FILE = """format: opsledger-holiday-calendar
version: 1
year: 2027
source: test notice
holidays:
  - {date: 2027-01-01, name: 元旦}
  - {from: 2027-02-06, to: 2027-02-03, name: 春节}
makeup_days: []
"""


def test_year_file_errors_name_field_and_line(tmp_path: Path) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text(YEAR_FILE, encoding="utf-8")
    with pytest.raises(ValidationError) as exc:
        load_year_file(p)
    assert exc.value.field == "holidays[1].to"
    assert "第 7 行" in exc.value.message
    p.write_text(YEAR_FILE.replace("2027-02-03", "2028-02-09"), encoding="utf-8")
    with pytest.raises(ValidationError) as exc:
        load_year_file(p)
    assert exc.value.field == "holidays[1].to" and "不在 2027 年内" in exc.value.message
    p.write_text(YEAR_FILE.replace("2027-02-03", "2027-02-09").replace("makeup_days: []",
                 "makeup_days:\n  - {date: 2027-02-08}"), encoding="utf-8")  # Monday, also a holiday
    with pytest.raises(ValidationError) as exc:
        load_year_file(p)
    assert exc.value.field == "makeup_days[0]" and "第 9 行" in exc.value.message
    p.write_text(YEAR_FILE.replace("2027-02-03", "2027-02-09"), encoding="utf-8")
    _year, holidays, _makeup, _src, names = load_year_file(p)
    assert len(holidays) == 1 + 4 and names[date(2027, 2, 9)] == "春节"


def test_export_of_2026_reimported_gives_the_same_days(db, tmp_path: Path) -> None:
    data = export_year(None, 2026)
    assert {"from": date(2026, 10, 1), "to": date(2026, 10, 7), "name": "National Day"} in data["holidays"]
    assert {"date": date(2026, 10, 10), "name": "National Day"} in data["makeup_days"]
    path = write_year_file(data, tmp_path / "2026.yaml")
    year, holidays, makeup, source, names = load_year_file(path)
    with db.session() as s:
        enter_year(s, year, holidays, makeup, source=source, actor="t", names=names)
    with db.session() as s:
        entered = OfficialCalendar.from_session(s)
    lib = OfficialCalendar()
    d = date(2026, 1, 1)
    while d.year == 2026:
        assert entered.is_working_day(d) == lib.is_working_day(d), d
        d += timedelta(days=1)
    assert entered.day_source(date(2026, 5, 1)).startswith("user: chinesecalendar")
    with pytest.raises(CalendarCoverageError):
        export_year(None, 2027)


def test_cli_import_show_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dbp = str(tmp_path / "cli.sqlite3")
    from app.store.db import open_database

    open_database(dbp).close()  # an existing ledger: only first start, contract import and demo create one
    f = tmp_path / "h.yaml"
    f.write_text(YEAR_FILE.replace("2027-02-03", "2027-02-09"), encoding="utf-8")
    assert cli_main(["calendar", "show", "2027", "--db", dbp]) == 1
    assert "2027" in capsys.readouterr().err
    assert cli_main(["calendar", "import", str(f), "--db", dbp]) == 0
    assert cli_main(["calendar", "show", "2027", "--db", dbp]) == 0
    out = capsys.readouterr().out
    assert "2027 年：来源 user: test notice" in out and "2027-02-06 – 2027-02-09  春节" in out
    # 2027: 365 days, 104 weekend days; holidays on weekdays: Jan 1 (Fri), Feb 8, Feb 9 → 261 - 3
    assert "工作日 258 天" in out
    assert cli_main(["calendar", "export", "2027", "--out", str(tmp_path / "o.yaml"), "--db", dbp]) == 0
    assert load_year_file(tmp_path / "o.yaml")[1] == load_year_file(f)[1]
    assert cli_main(["calendar", "import", str(resources_dir() / "calendars" / "example-2027.yaml"),
                     "--db", dbp]) == 1


def test_periods_are_utc() -> None:
    ps = five_by_eight().periods(at(2026, 11, 20, 0), at(2026, 11, 21, 0))
    assert ps[0].start.tzinfo == UTC and ps[0].start.hour == 0 and ps[0].start.minute == 30


def test_same_session_sees_a_year_it_just_entered(db) -> None:
    with db.session() as s:
        with pytest.raises(CalendarCoverageError):
            is_working_day(s, date(2027, 1, 4))
        enter_year(s, 2027, [date(2027, 1, 4)], [], source="n", actor="t")
        assert is_working_day(s, date(2027, 1, 4)) is False
        remove_year(s, 2027, actor="t")
        with pytest.raises(CalendarCoverageError):
            is_working_day(s, date(2027, 1, 4))
