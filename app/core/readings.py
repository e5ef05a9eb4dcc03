"""The reading-range rule of checklist items (巡检项正常范围), pure: one home for the service,
the inspection runner UI, the inspection-log export and the incident text.

A checklist item of kind ``reading`` has a ``unit`` and a normal range
``normal_min``..``normal_max``; either bound may be missing, both bounds are inclusive.  A
``choice`` item is normal when the answer is one of ``normal_choices``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def is_out_of_range(value: float, normal_min: float | None, normal_max: float | None) -> bool:
    """True when the reading ``value`` lies outside ``normal_min``..``normal_max``.

    Bounds are inclusive (``27`` is within ``18–27``); a missing bound does not limit that side,
    so with neither bound no value is out of range.  Units are the item's own; nothing is
    converted.
    """
    if normal_min is not None and value < normal_min:
        return True
    return normal_max is not None and value > normal_max


def is_abnormal(
    kind: str,
    value_number: float | None,
    value_text: str | None,
    normal_min: float | None,
    normal_max: float | None,
    normal_choices: Sequence[Any] | None,
) -> bool:
    """Is this answer outside what the item calls normal?

    ``reading``: :func:`is_out_of_range` of ``value_number`` (no value → not abnormal).
    ``choice``: abnormal when ``normal_choices`` is non-empty and ``value_text`` is not among
    them (compared as text).  ``check``/``text``: never by rule — the engineer states the outcome.
    """
    if kind == "reading":
        return value_number is not None and is_out_of_range(value_number, normal_min, normal_max)
    if kind == "choice":
        return bool(normal_choices) and (value_text or "") not in [str(c) for c in normal_choices]
    return False


def range_text(normal_min: float | None, normal_max: float | None, unit: str = "") -> str:
    """The normal range as people write it: ``"18–27 ℃"``, ``"≤ 3 s"``, ``"≥ 90 %"``.

    ``""`` when neither bound is set (the unit alone says nothing about what is normal).  Numbers
    are printed with ``:g`` (``18.0`` → ``18``); ``unit`` is appended after a space as given (the
    UI passes its display form of the unit).
    """
    def num(x: float) -> str:
        return f"{x:g}"

    if normal_min is not None and normal_max is not None:
        text = f"{num(normal_min)}–{num(normal_max)}"
    elif normal_max is not None:
        text = f"≤ {num(normal_max)}"
    elif normal_min is not None:
        text = f"≥ {num(normal_min)}"
    else:
        return ""
    return f"{text} {unit}" if unit else text
