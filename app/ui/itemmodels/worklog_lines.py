"""The work-log day lines model (a day's derived and manual lines, held whole), for the work-log page."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.core.durations import format_minutes
from app.core.timeutil import fmt_local
from app.core.vocab import WorkLogSource, label_of
from app.ui.itemmodels.table_base import ColumnSpec, ColumnTableModel


def _time(line: Any) -> str:
    at = getattr(line, "at", None)
    return fmt_local(at, "%H:%M") if isinstance(at, datetime) else str(at or "")


def _engineer(line: Any) -> str:
    eng = getattr(line, "engineer", "")
    return getattr(eng, "name", eng) or ""


def _duration(line: Any) -> str:
    minutes = getattr(line, "duration_minutes", None)
    return "" if minutes is None else format_minutes(minutes)


def _kind(line: Any) -> str:
    return label_of(WorkLogSource, str(getattr(line, "kind", "") or getattr(line, "source_kind", "")))


class WorkLogLinesModel(ColumnTableModel):
    """The lines of one day (derived + manual) as returned by ``worklog.day_entries``; a day is
    small, so the lines are held whole.  Each line needs ``at``, ``engineer``,
    ``duration_minutes``, ``kind``, ``summary`` attributes (a stored entry's ``started_at`` /
    ``source_kind`` serve too)."""

    HEADERS = (QT_TRANSLATE_NOOP("RecordColumns", "Time"), QT_TRANSLATE_NOOP("RecordColumns", "Engineer"),
               QT_TRANSLATE_NOOP("RecordColumns", "Duration"), QT_TRANSLATE_NOOP("RecordColumns", "Kind"),
               QT_TRANSLATE_NOOP("RecordColumns", "Summary"))

    def __init__(self, parent: Any = None) -> None:
        values = (_time, _engineer, _duration, _kind, lambda line: getattr(line, "summary", ""))
        super().__init__([ColumnSpec(str(h), v) for h, v in zip(self.HEADERS, values, strict=True)], parent)

    def set_lines(self, lines: Sequence[Any]) -> None:
        """Replace the shown lines."""
        self.set_rows(lines)

    def line_at(self, r: int) -> Any:
        """The line object at row ``r``."""
        return self.row_at(r)
