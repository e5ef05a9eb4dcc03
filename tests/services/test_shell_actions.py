"""Application-layer actions of the shell: report periods offered (= what the CLI accepts), the
profile's severity rule, the start of use, contracts."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.core.periods import parse_period
from app.errors import ValidationError
from app.reports import actions as report_actions
from app.services.contract import actions as contract_actions
from app.store.models import Contract


def _offer(db: Any, contract: Contract, kind: str, today: date) -> report_actions.PeriodOffer:
    return report_actions.offered_periods(db, contract.id, kind, today).value


def test_first_contract_year_offers_cy1_in_progress(db: Any, pinggu: Contract) -> None:
    offer = _offer(db, pinggu, "annual", date(2026, 12, 1))
    assert [p.key for p in offer.periods] == ["CY1", "2026"]
    assert offer.default_key == "CY1" and offer.periods[0].in_progress and offer.reason == ""


def test_every_offered_period_is_accepted_by_the_cli_rule(db: Any, pinggu: Contract) -> None:
    today = date(2027, 2, 10)
    for kind in report_actions.KINDS:
        offer = _offer(db, pinggu, kind, today)
        assert offer.periods, kind
        assert offer.default_key in {p.key for p in offer.periods}
        for p in offer.periods:
            parsed = parse_period(kind, p.key, pinggu, today)  # raises if the CLI would refuse it
            assert (parsed.start, parsed.end) == (p.start, p.end)
            assert p.start <= today and p.end >= pinggu.term_start
    quarters = [p.key for p in _offer(db, pinggu, "quarterly", today).periods]
    assert quarters == ["CY1-Q4", "CY1-Q3", "CY1-Q2", "CY1-Q1", "2027-Q1", "2026-Q4", "2026-Q3", "2026-Q2"]
    # once a contract year is complete the default is the last complete period
    assert _offer(db, pinggu, "monthly", today).default_key == "2027-01"


def test_no_period_before_the_term_is_explained(db: Any, pinggu: Contract) -> None:
    offer = _offer(db, pinggu, "monthly", date(2026, 4, 20))
    assert offer.periods == [] and offer.default_key is None and "2026-05-01" in offer.reason


def test_first_start_stores_ledger_start_and_refuses_after_term(db: Any) -> None:
    from app import paths

    choice = contract_actions.read_profile(paths.profiles_dir() / "pinggu-court-2026.yaml")
    assert contract_actions.default_ledger_start(choice, date(2026, 11, 20)) == date(2026, 11, 20)
    assert contract_actions.default_ledger_start(choice, date(2026, 1, 5)) == date(2026, 5, 1)
    with pytest.raises(ValidationError) as err:
        contract_actions.first_start(db, choice, engineer="王建国", ledger_start=date(2027, 5, 1))
    assert "2027-04-30" in str(err.value)
    assert contract_actions.list_contracts(db).value == []
    with pytest.raises(ValidationError):
        contract_actions.first_start(db, choice, engineer="  ", ledger_start=date(2026, 11, 20))
    out = contract_actions.first_start(db, choice, engineer="王建国", ledger_start=date(2026, 11, 20))
    assert out.value.ledger_start == date(2026, 11, 20) and "contract" in out.changes.kinds
    assert contract_actions.pick_contract(db, "nope").value == out.value.id
    assert contract_actions.engineers(db, out.value.id).value == ["李晓明", "王建国"]


def test_first_start_under_a_name_the_profile_does_not_list_joins_its_engineers(db: Any) -> None:
    from app import paths
    from app.services.queries.options import record_options

    choice = contract_actions.read_profile(paths.profiles_dir() / "pinggu-court-2026.yaml")
    out = contract_actions.first_start(db, choice, engineer="张三", ledger_start=date(2026, 11, 20))
    assert contract_actions.engineers(db, out.value.id).value == ["张三", "李晓明", "王建国"]
    opts = record_options(db, out.value.id, "张三")  # the forms' default assignee is the user
    assert opts.engineer_id is not None and dict(opts.engineers)[opts.engineer_id] == "张三"
