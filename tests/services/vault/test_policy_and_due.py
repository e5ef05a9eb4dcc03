"""Generator honours the policy; rotation resets the due date; reminders in working days."""

from __future__ import annotations

import string
from datetime import date, timedelta

import pytest

from app.errors import ValidationError
from app.services.vault.due import reminder_state, working_days_between
from app.services.vault.policy import Policy, generate, problems, require_policy


@pytest.mark.parametrize("classes", [("lower",), ("digits", "upper"), ("lower", "upper", "digits", "symbols")])
@pytest.mark.parametrize("length", [8, 12, 33])
def test_generator_honours_length_and_classes(length: int, classes: tuple[str, ...]) -> None:
    policy = Policy(length, classes, 90)
    for _ in range(20):
        pw = generate(policy)
        assert len(pw) == length
        assert problems(pw, policy) == []
        if "symbols" not in classes:
            assert all(c in string.ascii_letters + string.digits for c in pw)
        if "lower" not in classes:
            assert not any(c.islower() for c in pw)


def test_policy_out_of_range_is_refused() -> None:
    with pytest.raises(ValidationError) as exc:
        Policy(4).validate()
    assert exc.value.field == "credential.length"
    with pytest.raises(ValidationError):
        Policy(12, (), 90).validate()
    with pytest.raises(ValidationError):
        Policy(12, ("lower",), 0).validate()


def test_a_typed_password_below_policy_names_what_is_missing() -> None:
    with pytest.raises(ValidationError) as exc:
        require_policy("abcdefgh", Policy(10, ("lower", "digits"), 30))
    text = str(exc.value)
    assert "10" in text and "数字" in text


def _weekdays_with_holiday(holidays: set[date]):
    return lambda d: d.weekday() < 5 and d not in holidays


def test_reminders_count_working_days_across_a_holiday() -> None:
    # National Day 2026: Thu 1 Oct – Wed 7 Oct off (an injected calendar, not the library)
    national_day = {date(2026, 10, 1) + timedelta(days=i) for i in range(7)}
    rule = _weekdays_with_holiday(national_day)
    due = date(2026, 10, 12)  # Monday after the week
    # 5 working days before 12 Oct: 12, 9, 8 Oct, 30 Sep, 29 Sep → listed from 28 Sep on
    assert working_days_between(date(2026, 9, 28), due, rule) == 5
    assert reminder_state(due, date(2026, 9, 28), rule) == "upcoming"
    assert reminder_state(due, date(2026, 9, 25), rule) is None  # six working days ahead
    # calendar days alone would have waited until 7 Oct
    assert (due - date(2026, 9, 28)).days == 14
    assert reminder_state(due, due, rule) == "due"
    assert reminder_state(due, due + timedelta(days=1), rule) == "overdue"
