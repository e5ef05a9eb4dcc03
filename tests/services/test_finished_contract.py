"""A contract whose term is over: defaults stay inside the term instead of being refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.cli import main
from app.core.periods import check_period, default_period
from tests.conftest import load_contract


def test_default_period_of_a_finished_contract_is_its_last_period(db) -> None:  # type: ignore[no-untyped-def]
    c = load_contract(db, "sanmenxia-court-2023")  # term 2023-12-20 – 2024-12-19, contract years
    today = date(2026, 11, 21)
    monthly = default_period("monthly", c, today)
    assert monthly.key == "2024-12"
    check_period(monthly, c, today)  # accepted: it overlaps the term
    assert default_period("annual", c, today).key == "CY1"
    # While the contract runs, the last complete period is still the default.
    assert default_period("monthly", c, date(2024, 6, 15)).key == "2024-05"


def test_demo_of_a_finished_contract_ends_with_its_term(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    dbfile = tmp_path / "s.sqlite3"
    assert main(["demo", "--db", str(dbfile), "--contract", "sanmenxia-court-2023", "--days", "5"]) == 0
    assert "截至 2024-12-19 的 5 天" in capsys.readouterr().out
