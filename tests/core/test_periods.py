"""Report periods: keys, boundaries, contract-year quarters, refused periods."""

from __future__ import annotations

import copy
from datetime import date
from types import SimpleNamespace

import pytest

from app.core.periods import default_period, last_periods, parse_period, previous
from app.errors import ValidationError
from app.services.contract.profiles import load_profile_file
from tests.conftest import PROFILES

_PROFILE = load_profile_file(PROFILES / "pinggu-court-2026.yaml")


def contract(start: date, end: date, periods: str = "calendar") -> SimpleNamespace:
    """A contract-like object (the period functions read term and profile only): the Pinggu
    profile with the ``periods`` convention asked for."""
    profile = copy.deepcopy(_PROFILE)
    profile["contract"]["periods"] = periods
    return SimpleNamespace(id=None, imported_at=None, term_start=start, term_end=end, profile=profile)


LONG = contract(date(2024, 1, 1), date(2028, 12, 31))
TODAY = date(2028, 6, 1)


def test_iso_week_53_of_2026_spans_the_year_end() -> None:
    p = parse_period("weekly", "2026-W53", LONG, today=TODAY)
    assert (p.start, p.end) == (date(2026, 12, 28), date(2027, 1, 3))
    assert previous(p, LONG).key == "2026-W52"
    nxt_start = p.end.toordinal() + 1
    assert date.fromordinal(nxt_start).isocalendar()[:2] == (2027, 1)


def test_2027_has_no_week_53() -> None:
    with pytest.raises(ValidationError) as e:
        parse_period("weekly", "2027-W53", LONG, today=TODAY)
    assert e.value.field == "--period"


@pytest.mark.parametrize(("key", "end"), [("2026-02", date(2026, 2, 28)), ("2028-02", date(2028, 2, 29)),
                                           ("2026-12", date(2026, 12, 31)), ("2026-04", date(2026, 4, 30))])
def test_month_ends(key: str, end: date) -> None:
    p = parse_period("monthly", key, LONG, today=TODAY)
    assert p.start == end.replace(day=1) and p.end == end


def test_calendar_quarter_half_year_and_year() -> None:
    q = parse_period("quarterly", "2026-Q4", LONG, today=TODAY)
    assert (q.start, q.end, q.label_zh) == (date(2026, 10, 1), date(2026, 12, 31), "2026年第四季度")
    h = parse_period("half-year", "2026-H1", LONG, today=TODAY)
    assert (h.start, h.end) == (date(2026, 1, 1), date(2026, 6, 30))
    y = parse_period("annual", "2026", LONG, today=TODAY)
    assert (y.start, y.end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert previous(q, LONG).key == "2026-Q3"
    assert previous(parse_period("quarterly", "2026-Q1", LONG, today=TODAY), LONG).key == "2025-Q4"


SMX = contract(date(2023, 12, 20), date(2024, 12, 19), "contract_year")


def test_contract_year_quarters_start_on_20_december() -> None:
    q1 = parse_period("quarterly", "CY1-Q1", SMX, today=TODAY)
    assert (q1.start, q1.end) == (date(2023, 12, 20), date(2024, 3, 19))
    q2 = parse_period("quarterly", "CY1-Q2", SMX, today=TODAY)
    assert (q2.start, q2.end) == (date(2024, 3, 20), date(2024, 6, 19))
    q4 = parse_period("quarterly", "CY1-Q4", SMX, today=TODAY)
    assert (q4.start, q4.end) == (date(2024, 9, 20), date(2024, 12, 19))
    h2 = parse_period("half-year", "CY1-H2", SMX, today=TODAY)
    assert (h2.start, h2.end) == (date(2024, 6, 20), date(2024, 12, 19))
    cy = parse_period("annual", "CY1", SMX, today=TODAY)
    assert (cy.start, cy.end) == (SMX.term_start, SMX.term_end)
    assert previous(q2, SMX).key == "CY1-Q1"
    with pytest.raises(ValidationError):
        previous(q1, SMX)


def test_plain_quarter_key_is_calendar_even_in_a_contract_year_profile() -> None:
    q = parse_period("quarterly", "2024-Q2", SMX, today=TODAY)
    assert (q.start, q.end) == (date(2024, 4, 1), date(2024, 6, 30))


def test_default_period_is_the_last_complete_one_by_the_profile_convention() -> None:
    today = date(2024, 7, 1)
    assert default_period("quarterly", SMX, today).key == "CY1-Q2"
    assert default_period("monthly", SMX, today).key == "2024-06"
    assert default_period("weekly", SMX, today).key == "2024-W26"
    assert default_period("quarterly", LONG, today).key == "2024-Q2"
    assert default_period("half-year", LONG, date(2026, 11, 21)).key == "2026-H1"


def test_future_and_outside_term_periods_are_refused() -> None:
    pinggu_like = contract(date(2026, 5, 1), date(2027, 4, 30), "contract_year")
    with pytest.raises(ValidationError, match="尚未到来") as e:
        parse_period("monthly", "2026-12", pinggu_like, today=date(2026, 11, 21))
    assert e.value.field == "--period"
    with pytest.raises(ValidationError, match="不在合同服务期"):
        parse_period("monthly", "2026-03", pinggu_like, today=date(2026, 11, 21))
    # a partly covered period is fine (the term starts mid-quarter)
    assert parse_period("quarterly", "2026-Q2", pinggu_like, today=date(2026, 11, 21)).start == date(2026, 4, 1)


@pytest.mark.parametrize(("kind", "key"), [("monthly", "2026-13"), ("monthly", "2026-Q4"), ("quarterly", "2026-Q5"),
                                           ("annual", "CY1-Q1"), ("half-year", "26-H1"), ("weekly", "2026-11")])
def test_malformed_keys_name_the_period_option(kind: str, key: str) -> None:
    with pytest.raises(ValidationError) as e:
        parse_period(kind, key, LONG, today=TODAY)
    assert e.value.field == "--period"


def test_trend_series_stops_at_first_contract_year_period() -> None:
    q3 = parse_period("quarterly", "CY1-Q3", SMX, today=TODAY)
    assert [p.key for p in last_periods(q3, SMX, 6)] == ["CY1-Q1", "CY1-Q2", "CY1-Q3"]
    m = parse_period("monthly", "2026-03", LONG, today=TODAY)
    assert [p.key for p in last_periods(m, LONG, 3)] == ["2026-01", "2026-02", "2026-03"]


def test_sanmenxia_profile_contract_year_quarters(db) -> None:  # noqa: ANN001 - fixture
    """The shipped Sanmenxia profile (term 2023-12-20 – 2024-12-19, periods: contract_year)."""
    from tests.conftest import load_contract

    c = load_contract(db, "sanmenxia-court-2023")
    assert default_period("quarterly", c, date(2024, 7, 1)).key == "CY1-Q2"
    q3 = parse_period("quarterly", "CY1-Q3", c, today=date(2025, 1, 1))
    assert (q3.start, q3.end) == (date(2024, 6, 20), date(2024, 9, 19))
    with pytest.raises(ValidationError, match="不在合同服务期"):
        parse_period("quarterly", "CY2-Q1", c, today=date(2025, 6, 1))


@pytest.mark.parametrize(("kind", "key", "zh", "en"), [
    ("monthly", "2026-11", "2026年11月", "11/2026"),
    ("weekly", "2026-W47", "2026年第47周", "2026 week 47"),
    ("quarterly", "2026-Q4", "2026年第四季度", "2026, fourth quarter"),
    ("half-year", "2026-H1", "2026年上半年", "2026, first half"),
    ("annual", "2026", "2026年度", "Year 2026"),
    ("quarterly", "CY1-Q2", "第1合同年度 第二季度", "Contract year 1, second quarter"),
    ("annual", "CY2", "第2合同年度", "Contract year 2"),
])
def test_period_label_in_both_languages(kind: str, key: str, zh: str, en: str) -> None:
    from app.core.i18n import set_language
    from app.core.periods import period_label

    assert period_label(kind, key) == zh
    set_language("en")
    try:
        assert period_label(kind, key) == en
    finally:
        set_language("zh_CN")
