"""How record values read in the Chinese (or English) UI: durations and SLA clock text.

Stored codes (status, source, channel …) read by their one label, ``app.core.vocab.label_of``
with the code's own vocabulary; durations are ``app.core.durations.format_minutes``; clock texts
go through Qt's translator (context ``RecordLabels``); colours are the SLA traffic lights the
lists and the detail pane share.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from app.core.durations import format_minutes
from app.services.queries.sla_watch import clock_state

GREEN = QColor("#1a7f37")
AMBER = QColor("#b26a00")
RED = QColor("#c62828")
GREY = QColor("#6b6b6b")


def fmt_minutes(minutes: float, working_day_minutes: float | None = None) -> str:
    """Minutes as the UI shows them: ``app.core.durations.format_minutes`` (working days where the
    calendar is 5×8); negative values use their magnitude."""
    return format_minutes(abs(minutes), working_day_minutes)


@dataclass(frozen=True)
class ClockText:
    """How one SLA clock is shown: text, colour, bold (breached), tooltip."""

    text: str
    color: QColor
    bold: bool = False
    tooltip: str = ""


def describe_clock(clock: Any) -> ClockText:
    """Text and colour of an ``app.services.incident.sla.Clock``.

    Green “1h20m left” while running, amber once at risk (``sla_watch.clock_state``: ≥ 75 % of
    the target used — the overview's rule), red
    “Overdue 35m” once breached; “Paused, … left” while paused; “Met (…)” once stopped in time;
    grey “No target” when the profile names none.  Minutes are service-time minutes.
    """
    raw_target = getattr(clock, "target_minutes", None)
    raw_remaining = getattr(clock, "remaining_minutes", None)
    elapsed = float(getattr(clock, "elapsed_minutes", 0) or 0)
    wdm = getattr(clock, "working_day_minutes", None)
    used = fmt_minutes(elapsed, wdm)
    if raw_target is None:
        return ClockText(QCoreApplication.translate("RecordLabels", "No target (%1 used)").replace("%1", used), GREY)
    target = float(raw_target)
    remaining = float(raw_remaining) if raw_remaining is not None else target - elapsed
    tip = QCoreApplication.translate("RecordLabels", "Target %1, used %2 (service time)")
    tip = tip.replace("%1", fmt_minutes(target, wdm)).replace("%2", used)
    if getattr(clock, "breached", False):
        over = fmt_minutes(max(elapsed - target, -remaining, 0.0), wdm)
        return ClockText(QCoreApplication.translate("RecordLabels", "Overdue %1").replace("%1", over), RED, True, tip)
    left = fmt_minutes(remaining, wdm)
    at_risk = clock_state(SimpleNamespace(target_minutes=target, elapsed_minutes=elapsed, breached=False,
                                          stopped_at=getattr(clock, "stopped_at", None))) == "at_risk"
    if getattr(clock, "paused", False):
        color = AMBER if at_risk else GREEN
        return ClockText(QCoreApplication.translate("RecordLabels", "Paused, %1 left").replace("%1", left), color, False, tip)
    if getattr(clock, "running", False):
        color = AMBER if at_risk else GREEN
        return ClockText(QCoreApplication.translate("RecordLabels", "%1 left").replace("%1", left), color, False, tip)
    return ClockText(QCoreApplication.translate("RecordLabels", "Met (%1)").replace("%1", used), GREEN, False, tip)
