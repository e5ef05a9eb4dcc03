"""The one reading-range rule (app.core.readings): out-of-range, abnormal answers, range text."""

from __future__ import annotations

import pytest

from app.core.readings import is_abnormal, is_out_of_range, range_text


def test_is_abnormal_rule():
    assert is_abnormal("reading", 28, None, 18, 27, None)
    assert not is_abnormal("reading", 27, None, 18, 27, None)
    assert is_abnormal("reading", 0, None, 1, None, None)
    assert not is_abnormal("reading", None, None, 1, 2, None)
    assert is_abnormal("choice", None, "告警", None, None, ["正常"])
    assert not is_abnormal("choice", None, "正常", None, None, ["正常"])
    assert not is_abnormal("choice", None, "任意", None, None, [])
    assert not is_abnormal("check", None, "", None, None, None)


@pytest.mark.parametrize(
    ("value", "lo", "hi", "out"),
    [
        (18, 18, 27, False),  # bounds are inclusive
        (27, 18, 27, False),
        (17.9, 18, 27, True),
        (27.1, 18, 27, True),
        (-5, None, 3, False),  # missing lower bound does not limit
        (4, None, 3, True),
        (1e9, 90, None, False),
        (89, 90, None, True),
        (123, None, None, False),
    ],
)
def test_is_out_of_range(value, lo, hi, out):
    assert is_out_of_range(value, lo, hi) is out


def test_reading_rule_is_the_out_of_range_rule():
    for value in (17, 18, 22.5, 27, 28):
        assert is_abnormal("reading", value, None, 18, 27, None) == is_out_of_range(value, 18, 27)


@pytest.mark.parametrize(
    ("lo", "hi", "unit", "text"),
    [
        (18, 27, "℃", "18–27 ℃"),
        (18.0, 27.5, "", "18–27.5"),
        (None, 3, "s", "≤ 3 s"),
        (90, None, "%", "≥ 90 %"),
        (None, None, "℃", ""),
        (None, None, "", ""),
    ],
)
def test_range_text(lo, hi, unit, text):
    assert range_text(lo, hi, unit) == text


def test_ui_result_row_uses_the_rule():
    from app.ui.itemmodels.inspection_models import ResultRow

    row = ResultRow(id=1, position=1, section="", text="机房温度", kind="reading", unit="℃",
                    normal_min=18, normal_max=27)
    assert [row.out_of_range(v) for v in (17, 18, 27, 28)] == [True, False, False, True]
