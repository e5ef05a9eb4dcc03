"""Cell values of an imported workbook: dates in the accepted forms, text, yes/no, the marker of a
cell whose problem is already recorded (one job: turn a cell into a value)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from app.core.i18n import N_

FORMULA_REFUSED = N_("formula not accepted")
BATCH_ROWS = 1000
DATE_FORMS = "2024-03-05 14:30, 2024/03/05 14:30, 2024-03-05, 2024.3.5, 2024年3月5日 14:30 or a date cell"
_DATE_NUMERIC = re.compile(
    r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)
_DATE_CJK = re.compile(
    r"^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2})?\s*秒?)?\s*分?)?$"
)
_SPLIT = re.compile(r"[;；,，、\n]+")
_TRUE = {"是", "yes", "y", "true", "1", "有"}
_FALSE = {"否", "no", "n", "false", "0", "无", ""}



def parse_datetime_text(text: str) -> datetime | None:
    """Local naive datetime from one of the accepted text forms, or ``None`` when ``text`` is none
    of them (or names an impossible date)."""
    t = text.strip()
    m = _DATE_NUMERIC.match(t)
    if m:
        y, mo, d, hh, mm, ss = m.group(1), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7)
    else:
        m = _DATE_CJK.match(t)
        if not m:
            return None
        y, mo, d, hh, mm, ss = m.groups()
    try:
        return datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
    except ValueError:
        return None


def _to_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)



class _Bad:
    """Marker of a cell that already has a problem recorded."""

    def __repr__(self) -> str:
        return "<bad>"


_BAD = _Bad()


def _ok(*values: Any) -> bool:
    return all(v is not _BAD for v in values)
