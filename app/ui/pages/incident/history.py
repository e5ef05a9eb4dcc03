"""The incident detail pane's lower half as rich text: how the SLA is computed, and the history.

History lines name fields by their form labels and show instants in local time, never the
stored codes (``occurred_at: 2026-12-01T08:53:19+00:00``) or raw status codes: a stored code
reads by its label in ``app.core.vocab`` (the one label table), a value by
``app.core.fields.value_text`` (the one rule for instants and codes in history and audit lines).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.core.fields import value_text
from app.core.timeutil import fmt_local
from app.core.vocab import IncidentStatus, label_of
from app.errors import CalendarCoverageError
from app.services.queries.incident import HistoryLine
from app.ui.itemmodels.record_models import describe_clock, fmt_minutes
from app.ui.widgets.text import esc


def _t(text: str) -> str:
    return QCoreApplication.translate("IncidentDetail", text)


_FIELDS = {
    "title": QT_TRANSLATE_NOOP("IncidentDetail", "Title"),
    "description": QT_TRANSLATE_NOOP("IncidentDetail", "Description"),
    "severity": QT_TRANSLATE_NOOP("IncidentDetail", "Severity"),
    "source": QT_TRANSLATE_NOOP("IncidentDetail", "Source"),
    "assignee_id": QT_TRANSLATE_NOOP("IncidentDetail", "Assignee"),
    "reporter_department": QT_TRANSLATE_NOOP("IncidentDetail", "Reporter department"),
    "reporter_name": QT_TRANSLATE_NOOP("IncidentDetail", "Reporter name"),
    "reporter_phone": QT_TRANSLATE_NOOP("IncidentDetail", "Reporter phone"),
    "occurred_at": QT_TRANSLATE_NOOP("IncidentDetail", "Occurred"),
    "reported_at": QT_TRANSLATE_NOOP("IncidentDetail", "Reported"),
    "responded_at": QT_TRANSLATE_NOOP("IncidentDetail", "Responded"),
    "onsite_at": QT_TRANSLATE_NOOP("IncidentDetail", "On site"),
    "restored_at": QT_TRANSLATE_NOOP("IncidentDetail", "Restored"),
    "closed_at": QT_TRANSLATE_NOOP("IncidentDetail", "Closed"),
    "cause_category": QT_TRANSLATE_NOOP("IncidentDetail", "Cause category"),
    "cause": QT_TRANSLATE_NOOP("IncidentDetail", "Cause"),
    "resolution": QT_TRANSLATE_NOOP("IncidentDetail", "Resolution"),
    "root_cause_analysis": QT_TRANSLATE_NOOP("IncidentDetail", "Root-cause analysis"),
    "vendor_case_number": QT_TRANSLATE_NOOP("IncidentDetail", "Vendor case number"),
    "services": QT_TRANSLATE_NOOP("IncidentDetail", "Affected services"),
    "assets": QT_TRANSLATE_NOOP("IncidentDetail", "Affected assets"),
    "attachments": QT_TRANSLATE_NOOP("IncidentDetail", "Attachments"),
    "status": QT_TRANSLATE_NOOP("IncidentDetail", "Status"),
    "reason": QT_TRANSLATE_NOOP("IncidentDetail", "Reason to reopen"),
    "note": QT_TRANSLATE_NOOP("IncidentDetail", "Note / reason"),
}
_WORDS = (QT_TRANSLATE_NOOP("IncidentDetail", "History"),
          QT_TRANSLATE_NOOP("IncidentDetail", "How the SLA is computed"),
          QT_TRANSLATE_NOOP("IncidentDetail", "No calendar"), QT_TRANSLATE_NOOP("IncidentDetail", "note"),
          QT_TRANSLATE_NOOP("IncidentDetail", "paused"), QT_TRANSLATE_NOOP("IncidentDetail", "counted"),
          QT_TRANSLATE_NOOP("IncidentDetail", "calendar"), QT_TRANSLATE_NOOP("IncidentDetail", "Response"),
          QT_TRANSLATE_NOOP("IncidentDetail", "Restore"), QT_TRANSLATE_NOOP("IncidentDetail", "target"),
          QT_TRANSLATE_NOOP("IncidentDetail", "used"), QT_TRANSLATE_NOOP("IncidentDetail", "deadline"),
          QT_TRANSLATE_NOOP("IncidentDetail", "clock set back"), QT_TRANSLATE_NOOP("IncidentDetail", "clock jumped ahead"))
"""Words of the SLA and history blocks, marked for extraction (translated where used)."""


def field_labels() -> dict[str, str]:
    """Incident field code → the label the forms show it under (translated)."""
    return {k: _t(v) for k, v in _FIELDS.items()}


def history_html(lines: Iterable[HistoryLine]) -> str:
    """The ``<h4>History</h4><ul>…</ul>`` block in the order written (oldest first); a line
    written while the system clock jumped is flagged (时钟回拨 / 时钟跳快)."""
    labels = field_labels()
    parts = ["<h4>" + _t("History") + "</h4><ul>"]
    for ev in lines:
        what = ev.kind
        if ev.kind in ("status", "created", "reopen") and ev.to_status:
            what = ((f"{label_of(IncidentStatus, ev.from_status)} → " if ev.from_status else "")
                    + label_of(IncidentStatus, ev.to_status))
        elif ev.kind == "field" and ev.changes:
            what = "; ".join(f"{labels.get(k, k)}: {value_text(k, old)} → {value_text(k, new)}"
                             for k, (old, new) in ev.changes.items())
        flag = {"back": _t("clock set back"), "ahead": _t("clock jumped ahead")}.get(ev.clock, "")
        parts.append(f"<li>{fmt_local(ev.at)} {esc(ev.actor)}: {esc(what)}"
                     + (f" — {esc(ev.note)}" if ev.note else "")
                     + (f" <span style='color:#b35900'>[{esc(flag)}]</span>" if flag else "") + "</li>")
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
