"""How record values read in the Chinese (or English) UI: status labels, durations, SLA clock text.

Labels go through Qt's translator (contexts ``RecordLabels`` and ``Durations``); colours are the
SLA traffic lights the lists and the detail pane share.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

GREEN = QColor("#1a7f37")
AMBER = QColor("#b26a00")
RED = QColor("#c62828")
GREY = QColor("#6b6b6b")


def status_label(code: str) -> str:
    """The display label of an incident / request / requirement status or source code."""
    labels = {
        "new": QCoreApplication.translate("RecordLabels", "New"),
        "assigned": QCoreApplication.translate("RecordLabels", "Assigned"),
        "in_progress": QCoreApplication.translate("RecordLabels", "In progress"),
        "pending": QCoreApplication.translate("RecordLabels", "Pending"),
        "restored": QCoreApplication.translate("RecordLabels", "Restored"),
        "closed": QCoreApplication.translate("RecordLabels", "Closed"),
        "resolved": QCoreApplication.translate("RecordLabels", "Resolved"),
        "collected": QCoreApplication.translate("RecordLabels", "Collected"),
        "analysed": QCoreApplication.translate("RecordLabels", "Analysed"),
        "reported": QCoreApplication.translate("RecordLabels", "Reported"),
        "accepted": QCoreApplication.translate("RecordLabels", "Accepted"),
        "done": QCoreApplication.translate("RecordLabels", "Done"),
        "rejected": QCoreApplication.translate("RecordLabels", "Rejected"),
        "inspection": QCoreApplication.translate("RecordLabels", "Inspection"),
        "phone": QCoreApplication.translate("RecordLabels", "Phone"),
        "instant_message": QCoreApplication.translate("RecordLabels", "Instant message"),
        "fax": QCoreApplication.translate("RecordLabels", "Fax"),
        "monitoring": QCoreApplication.translate("RecordLabels", "Monitoring"),
        "walk_in": QCoreApplication.translate("RecordLabels", "Walk-in"),
        "request": QCoreApplication.translate("RecordLabels", "Service request"),
        "email": QCoreApplication.translate("RecordLabels", "Email"),
        "other": QCoreApplication.translate("RecordLabels", "Other"),
        "manual": QCoreApplication.translate("RecordLabels", "Manual"),
        "incident": QCoreApplication.translate("RecordLabels", "Incident"),
        "service_request": QCoreApplication.translate("RecordLabels", "Service request"),
        "satisfied": QCoreApplication.translate("RecordLabels", "Satisfied"),
        "mostly_satisfied": QCoreApplication.translate("RecordLabels", "Mostly satisfied"),
        "dissatisfied": QCoreApplication.translate("RecordLabels", "Dissatisfied"),
        "incident.created": QCoreApplication.translate("RecordLabels", "Incident logged"),
        "incident.status": QCoreApplication.translate("RecordLabels", "Incident status"),
        "incident.field": QCoreApplication.translate("RecordLabels", "Incident edited"),
        "incident.reopen": QCoreApplication.translate("RecordLabels", "Incident reopened"),
        "service_request.resolved": QCoreApplication.translate("RecordLabels", "Request resolved"),
    }
    return labels.get(code or "", code or "")


def fmt_minutes(minutes: float) -> str:
    """``95`` → ``"1h35m"``; ``1500`` → ``"1d1h"`` (24-hour days); negative values use their
    magnitude.  The unit letters go through the translator (Chinese: ``1小时35分``)."""
    def fill(text: str, *args: int | str) -> str:
        for i, a in enumerate(args, 1):
            text = text.replace(f"%{i}", str(a))
        return text

    m = int(round(abs(minutes)))
    if m >= 1440:
        d, rest = divmod(m, 1440)
        if rest // 60:
            return fill(QCoreApplication.translate("Durations", "%1d%2h"), d, rest // 60)
        return fill(QCoreApplication.translate("Durations", "%1d"), d)
    if m >= 60:
        h, rest = divmod(m, 60)
        if rest:
            return fill(QCoreApplication.translate("Durations", "%1h%2m"), h, f"{rest:02d}")
        return fill(QCoreApplication.translate("Durations", "%1h"), h)
    return fill(QCoreApplication.translate("Durations", "%1m"), m)


@dataclass(frozen=True)
class ClockText:
    """How one SLA clock is shown: text, colour, bold (breached), tooltip."""

    text: str
    color: QColor
    bold: bool = False
    tooltip: str = ""


def describe_clock(clock: Any) -> ClockText:
    """Text and colour of an ``app.services.incident.sla.Clock``.

    Green “1h20m left” while running with ≥ 25 % of the target left, amber under 25 %, red
    “Overdue 35m” once breached; “Paused, … left” while paused; “Met (…)” once stopped in time;
    grey “No target” when the profile names none.  Minutes are service-time minutes.
    """
    raw_target = getattr(clock, "target_minutes", None)
    raw_remaining = getattr(clock, "remaining_minutes", None)
    elapsed = float(getattr(clock, "elapsed_minutes", 0) or 0)
    used = fmt_minutes(elapsed)
    if raw_target is None:
        return ClockText(QCoreApplication.translate("RecordLabels", "No target (%1 used)").replace("%1", used), GREY)
    target = float(raw_target)
    remaining = float(raw_remaining) if raw_remaining is not None else target - elapsed
    tip = QCoreApplication.translate("RecordLabels", "Target %1, used %2 (service time)")
    tip = tip.replace("%1", fmt_minutes(target)).replace("%2", used)
    if getattr(clock, "breached", False):
        over = fmt_minutes(max(elapsed - target, -remaining, 0.0))
        return ClockText(QCoreApplication.translate("RecordLabels", "Overdue %1").replace("%1", over), RED, True, tip)
    left = fmt_minutes(remaining)
    if getattr(clock, "paused", False):
        color = AMBER if remaining < 0.25 * target else GREEN
        return ClockText(QCoreApplication.translate("RecordLabels", "Paused, %1 left").replace("%1", left), color, False, tip)
    if getattr(clock, "running", False):
        color = AMBER if remaining < 0.25 * target else GREEN
        return ClockText(QCoreApplication.translate("RecordLabels", "%1 left").replace("%1", left), color, False, tip)
    return ClockText(QCoreApplication.translate("RecordLabels", "Met (%1)").replace("%1", used), GREEN, False, tip)
