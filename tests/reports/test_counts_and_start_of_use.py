"""Worked by hand: the inspection counts agree everywhere, and nothing before the start of use counts.

Pinggu profile, only the machine-room check (daily 09:30 on working days) active.  Week 2026-W42
(Mon 12 – Sun 18 Oct 2026) has five working days, so five slots: Monday's inspection is
finished, Tuesday's was started and never finished, the other three were not started.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from app.core.periods import parse_period
from app.core.timeutil import local_dt
from app.reports.compose.composer import compose
from app.reports.compose.document import KeyValues, Paragraph, Table
from app.reports.data.builder import build_report_data
from app.services.inspection import schedule
from app.services.transfer.inspection_log import export_inspection_log
from app.store.db import Database
from app.store.models import ChecklistTemplate, Contract, Engineer, Inspection

MON = date(2026, 10, 12)
NOW = local_dt(date(2026, 10, 21), time(12))


def at(day: date, h: int, m: int = 0) -> datetime:
    return local_dt(day, time(h, m))


@pytest.fixture
def week(db: Database, pinggu: Contract) -> Contract:
    with db.session() as s:
        c = s.get(Contract, pinggu.id)
        s.execute(update(ChecklistTemplate).where(ChecklistTemplate.code != "machine-room-daily").values(active=False))
        tpl = s.scalars(select(ChecklistTemplate).where(ChecklistTemplate.code == "machine-room-daily")).one()
        eng = s.scalars(select(Engineer).where(Engineer.name == "李晓明")).one()
        s.add(Inspection(number="INS-2026-0001", contract_id=c.id, template_id=tpl.id, template_name=tpl.name,
                         due_date=MON, slot="09:30", engineer_id=eng.id, started_at=at(MON, 9, 30),
                         finished_at=at(MON, 9, 50)))
        tue = MON + timedelta(days=1)
        s.add(Inspection(number="INS-2026-0002", contract_id=c.id, template_id=tpl.id, template_name=tpl.name,
                         due_date=tue, slot="09:30", engineer_id=eng.id, started_at=at(tue, 9, 30)))
    return pinggu


def _data(db: Database, contract: Contract, kind: str, key: str, now: datetime = NOW):
    with db.session() as s:
        c = s.get(Contract, contract.id)
        return build_report_data(s, c, parse_period(kind, key, c, today=now.date()), now=now)


def test_export_weekly_report_and_kpi_give_the_same_counts(db: Database, week: Contract, tmp_path: Path) -> None:
    with db.session() as s:
        c = s.get(Contract, week.id)
        comp = schedule.completion(s, c, MON, MON + timedelta(days=6), NOW)
        out = export_inspection_log(s, c, MON, MON + timedelta(days=6), tmp_path / "log.xlsx")
    assert (comp["due"], comp["done"], comp["missed"], comp["performed"], comp["unfinished"]) == (5, 1, 4, 1, 1)
    ws = load_workbook(out)["汇总"]
    assert (ws.cell(3, 1).value, ws.cell(3, 2).value) == ("已完成巡检", 1)
    rows = {r[0]: r for r in ws.iter_rows(min_row=6, values_only=True) if r[0]}
    assert rows["机房基础环境巡检"][3:6] == (5, 1, 4)  # 应巡检, 已完成, 漏检 of the very check listed as done
    assert rows["合计"][3:6] == (5, 1, 4)

    data = _data(db, week, "weekly", "2026-W42")
    assert (data.inspections["due"], data.inspections["done"], data.inspections["missed"]) == (5, 1, 4)
    doc = compose(data)
    facts = dict(next(b for b in doc.blocks if isinstance(b, KeyValues) and b.title == "主要数据").items)
    assert facts["巡检应完成 / 已完成 / 漏检"] == "5 / 1 / 4"
    assert facts["完成巡检次数"] == "1 次"
    assert facts["巡检完成率"].startswith("20%")
    summary = next(b.text for b in doc.blocks if isinstance(b, Paragraph) and b.style == "narrative")
    assert "完成巡检 1 次（完成率 20%）" in summary
    kpi = next(b for b in doc.blocks if isinstance(b, Table) and b.title == "考核指标")
    row = next(r for r in kpi.rows if r[0] == "巡检完成率")
    assert row[2] == "20%" and row[4] == "未达标"  # the verdict reads the figure beside it
    by_tpl = next(b for b in doc.blocks if isinstance(b, Table) and b.title == "按巡检模板")
    assert by_tpl.rows[0][:5] == ["机房基础环境巡检", "每日", 5, 1, 4]


def test_a_finished_inspection_counts_before_its_window_ends(db: Database, week: Contract) -> None:
    """Monday 09:40: Monday's slot (window to midnight) is done already; nothing is missed yet."""
    with db.session() as s:
        c = s.get(Contract, week.id)
        comp = schedule.completion(s, c, MON, MON, at(MON, 9, 55))
    assert (comp["due"], comp["done"], comp["missed"], comp["open"]) == (1, 1, 0, 0)


def test_month_half_before_the_start_of_use(db: Database, pinggu: Contract) -> None:
    """Start of use 16 Nov 2026 (a Monday): November counts 16–30 Nov only, says so, and the
    previous month (wholly before) is neither compared nor counted."""
    with db.session() as s:
        s.execute(update(ChecklistTemplate).where(ChecklistTemplate.code != "machine-room-daily").values(active=False))
        s.get(Contract, pinggu.id).ledger_start = date(2026, 11, 16)
    now = local_dt(date(2026, 12, 1), time(9))
    data = _data(db, pinggu, "monthly", "2026-11", now)
    assert data.counted_from == date(2026, 11, 16)
    assert data.inspections["due"] == 11  # 16–30 Nov: 11 working days, one slot each
    assert data.previous_headline == {} and data.previous_period is None
    doc = compose(data)
    notes = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert any("2026-11-01 至 2026-11-15 在启用日期之前，不计入统计" in t for t in notes)

    before = _data(db, pinggu, "monthly", "2026-10", now)
    assert before.counted_from is None and before.inspections["missed"] == 0
    assert all(k.verdict == "not_assessable" and k.reason == "before_start" for k in before.kpis)
    assert all(a.pct is None for a in before.availability)
    kpi = next(b for b in compose(before).blocks if isinstance(b, Table) and b.title == "考核指标")
    assert {r[4] for r in kpi.rows} == {"无法评定"}  # never 达标 (was: 系统可用率 100 % 达标)
    assert any("全部在台账启用日期（2026-11-16）之前" in b.text for b in compose(before).blocks
               if isinstance(b, Paragraph))


def test_annual_contract_year_counts_nothing_before_the_contract(db: Database, pinggu: Contract) -> None:
    """The calendar year 2026 of a contract starting 1 May 2026: January–April are not missed."""
    with db.session() as s:
        s.execute(update(ChecklistTemplate).where(ChecklistTemplate.code != "machine-room-daily").values(active=False))
    now = local_dt(date(2027, 1, 5), time(9))
    with db.session() as s:
        c = s.get(Contract, pinggu.id)
        whole = schedule.completion(s, c, date(2026, 1, 1), date(2026, 12, 31), now)
        from_may = schedule.completion(s, c, date(2026, 5, 1), date(2026, 12, 31), now)
    assert whole["due"] == from_may["due"] > 0


def test_day_one_of_an_empty_ledger_has_nothing_overdue(db: Database, pinggu: Contract) -> None:
    day = date(2026, 12, 1)
    with db.session() as s:
        c = s.get(Contract, pinggu.id)
        c.ledger_start = day
        entries = schedule.due_list(s, c, day, local_dt(day, time(8)))
    assert entries and not [e for e in entries if e.status == "overdue"]
    assert all(e.slot.due_date >= day for e in entries)
