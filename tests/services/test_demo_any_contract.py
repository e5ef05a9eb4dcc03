"""Demo for any contract: an ended contract's demo ends at its term's end and fills the term, so
its annual report counts what was done; a profile file works as well as a shipped name; the owed
reports are handed over and accepted."""

from __future__ import annotations

from datetime import date

import yaml
from sqlalchemy import func, select

from app import paths
from app.cli import main as cli_main
from app.core.periods import parse_period
from app.reports.data.builder import build_report_data
from app.services.delivery import queries
from app.services.demo import demo_span, run_demo
from app.services.queries.lookup import get_contract
from app.store.db import open_database
from app.store.models import Inspection, ReportDelivery

TODAY = date(2026, 12, 1)


def test_span_ends_at_the_term_end_or_today_whichever_is_first() -> None:
    assert demo_span(date(2023, 12, 20), date(2024, 12, 19), days=None, end=None, today=TODAY) == (
        date(2024, 12, 19), 366)
    assert demo_span(date(2026, 5, 1), date(2027, 4, 30), days=None, end=None, today=TODAY) == (TODAY, 215)
    assert demo_span(date(2026, 5, 1), date(2027, 4, 30), days=30, end=date(2026, 11, 20), today=TODAY) == (
        date(2026, 11, 20), 30)


def test_an_ended_contract_demo_fills_its_term_and_its_annual_report_counts_the_work(db) -> None:
    run = run_demo(db, "sanmenxia-court-2023", seed=3, today=TODAY)
    assert (run.start, run.end, run.days) == (date(2023, 12, 20), date(2024, 12, 19), 366)
    with db.session() as s:
        c = get_contract(s, "sanmenxia-court-2023")
        last = s.scalar(select(func.max(Inspection.due_date)))
        assert last == date(2024, 12, 19)
        data = build_report_data(s, c, parse_period("annual", "CY1", c, TODAY))
        ins = data.inspections
        assert ins["due"] > 500 and ins["done"] >= 0.9 * ins["due"]  # done ≈ due, never 0
        rows = queries.status_rows(s, c, date(2024, 12, 19))
    # 2023-12 (partial) … 2024-11 ended in the term: each one due by the end was handed over
    monthly = [r for r in rows if r.kind == "monthly"]
    assert len(monthly) == 12 and all(r.status != "owed" for r in monthly if r.due_on < date(2024, 12, 10))
    assert sum(r.status == "accepted" for r in rows) >= len(rows) // 2
    assert run.counts["report_deliveries"] == sum(r.status != "owed" for r in rows)


def test_demo_of_a_profile_file_by_the_cli(tmp_path, capsys) -> None:
    data = yaml.safe_load((paths.resources_dir() / "profiles" / "pinggu-court-2026.yaml").read_text(encoding="utf-8"))
    data["contract"].update(name="my-court-2025", title="自拟合同", term={"start": "2025-01-01", "end": "2025-06-30"})
    profile = tmp_path / "my-court.yaml"
    profile.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    dbfile = tmp_path / "mine.sqlite3"
    assert cli_main(["demo", "--db", str(dbfile), "--contract", str(profile), "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert "my-court-2025" in out and "截至 2025-06-30 的 181 天" in out
    db = open_database(dbfile)
    try:
        with db.session() as s:
            assert s.scalar(select(func.min(Inspection.due_date))) == date(2025, 1, 1)
            kinds = {k for (k,) in s.execute(select(ReportDelivery.kind))}
            assert kinds == {"monthly", "requirements"}
    finally:
        db.close()
