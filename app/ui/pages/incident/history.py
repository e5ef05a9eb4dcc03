"""The incident detail pane's lower half as rich text: how the SLA is computed, and the history.

History lines name fields by their form labels and show instants in local time, never the
stored codes (``occurred_at: 2026-12-01T08:53:19+00:00``) or raw status codes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.core.timeutil import fmt_local
from app.errors import CalendarCoverageError
from app.services.queries.incident import HistoryLine
from app.ui.itemmodels.record_models import describe_clock, fmt_minutes, status_label
from app.ui.widgets.text import esc


def _t(text: str) -> str:
    return QCoreApplication.translate("IncidentDetail", text)


def field_labels() -> dict[str, str]:
    """Incident field code → the label the forms show it under (translated)."""
    return {
        "title": _t("Title"), "description": _t("Description"), "severity": _t("Severity"),
        "source": _t("Source"), "assignee_id": _t("Assignee"), "reporter_department": _t("Reporter department"),
        "reporter_name": _t("Reporter name"), "reporter_phone": _t("Reporter phone"),
        "occurred_at": _t("Occurred"), "reported_at": _t("Reported"), "responded_at": _t("Responded"),
        "onsite_at": _t("On site"), "restored_at": _t("Restored"), "closed_at": _t("Closed"),
        "cause_category": _t("Cause category"), "cause": _t("Cause"), "resolution": _t("Resolution"),
        "root_cause_analysis": _t("Root-cause analysis"), "vendor_case_number": _t("Vendor case number"),
        "services": _t("Affected services"), "assets": _t("Affected assets"), "attachments": _t("Attachments"),
        "status": _t("Status"), "reason": _t("Reason to reopen"), "note": _t("Note / reason"),
    }


def cause_labels() -> dict[str, str]:
    """Cause category code → label (translated)."""
    return {"hardware": _t("Hardware"), "software": _t("Software"), "network": _t("Network"),
            "power_environment": _t("Power / environment"), "user_operation": _t("User operation"),
            "third_party": _t("Third party"), "unknown": _t("Unknown")}


def _value_text(name: str, text: str) -> str:
    if not text:
        return "—"
    if name.endswith("_at"):
        try:
            return fmt_local(datetime.fromisoformat(text))
        except ValueError:
            return text
    if name == "cause_category":
        return cause_labels().get(text, text)
    if name == "status":
        return status_label(text)
    return text


def history_html(lines: Iterable[HistoryLine]) -> str:
    """The ``<h4>History</h4><ul>…</ul>`` block, oldest first."""
    labels = field_labels()
    parts = ["<h4>" + _t("History") + "</h4><ul>"]
    for ev in lines:
        what = ev.kind
        if ev.kind in ("status", "created", "reopen") and ev.to_status:
            what = (f"{status_label(ev.from_status)} → " if ev.from_status else "") + status_label(ev.to_status)
        elif ev.kind == "field" and ev.changes:
            what = "; ".join(f"{labels.get(k, k)}: {_value_text(k, old)} → {_value_text(k, new)}"
                             for k, (old, new) in ev.changes.items())
        parts.append(f"<li>{fmt_local(ev.at)} {esc(ev.actor)}: {esc(what)}"
                     + (f" — {esc(ev.note)}" if ev.note else "") + "</li>")
    parts.append("</ul>")
    return "".join(parts)


def sla_html(clocks: Any) -> str:
    """The ``How the SLA is computed`` block for ``IncidentClocks`` (or the exception raised
    computing them: a missing holiday calendar is explained, anything else re-raised)."""
    parts = ["<h4>" + _t("How the SLA is computed") + "</h4>"]
    if isinstance(clocks, CalendarCoverageError):
        return "".join(parts) + "<p style='color:#6b6b6b'>" + _t("No calendar") + f": {esc(str(clocks))}</p>"
    if isinstance(clocks, BaseException):
        raise clocks
    if clocks is None:
        return ""
    kinds = {"note": _t("note"), "pause": _t("paused"), "period": _t("counted"), "source": _t("calendar")}
    for label, clock in ((_t("Response"), clocks.response), (_t("Restore"), clocks.restore)):
        d = describe_clock(clock)
        target = fmt_minutes(clock.target_minutes) if clock.target_minutes is not None else "—"
        parts.append(f"<p><b>{label}</b>: <span style='color:{d.color.name()}'>{esc(d.text)}</span> — "
                     + _t("target") + f" {target}, " + _t("used") + f" {fmt_minutes(clock.elapsed_minutes)}, "
                     + _t("deadline") + f" {fmt_local(clock.deadline) if clock.deadline else '—'}"
                     + f" ({esc(str(getattr(clock, 'calendar_code', '')))})</p><ul>")
        for line in getattr(clock, "explanation", []) or []:
            text = line.text or f"{fmt_local(line.start)}–{fmt_local(line.end)} {fmt_minutes(line.minutes or 0)}"
            kind = kinds.get(str(line.kind), str(line.kind))
            parts.append(f"<li><span style='color:#6b6b6b'>{esc(kind)}</span> {esc(text)}</li>")
        parts.append("</ul>")
    return "".join(parts)
