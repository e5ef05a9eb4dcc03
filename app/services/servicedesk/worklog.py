"""Work log (工作日志): what engineers did, when and for how long.

A day's log is assembled on the fly (no duplicated state):

- inspections finished that local day — duration = finished − started;
- incident history events that day (created, status changes, edits, reopen) — no duration;
- service requests resolved that day — no duration (wall time is not work time);
- manual ``WorkLogEntry`` rows of that ``work_date`` with their ``duration_minutes``.

Days are local (Beijing) calendar days; instants are stored UTC.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.durations import format_minutes
from app.core.fields import label
from app.core.i18n import N_, _
from app.core.timeutil import as_utc, local_dt
from app.errors import ValidationError
from app.services import audit
from app.services.transfer.columns import status_label
from app.store.models import (
    Contract,
    Engineer,
    Incident,
    IncidentEvent,
    Inspection,
    ServiceRequest,
    WorkLogEntry,
)

MAX_ENTRY_MINUTES = 1440


@dataclass
class WorkLogLine:
    """One line of a day's work log.

    ``at``: aware UTC instant; ``engineer``: name (or the actor text for history events);
    ``duration_minutes``: ``None`` when the source has no work duration; ``kind``: what happened
    (``inspection``, ``incident.created``/``incident.status``/``incident.field``/``incident.reopen``,
    ``service_request.resolved``, ``manual``); ``source_kind``/``source_id``: the record behind it
    (``inspection``/``incident``/``service_request``/``manual`` → ``WorkLogEntry`` id).
    """

    at: datetime
    engineer: str
    duration_minutes: int | None
    kind: str
    summary: str
    source_kind: str
    source_id: uuid.UUID | None
    version: int | None = None
    """A manual entry's row version (optimistic lock; ``None`` for derived lines)."""


def _entry_summary(work_date: date, engineer: str, duration_minutes: int, summary: str) -> str:
    """An entry's audit summary in the current language: ``2026-03-02 张工 1 小时 30 分钟：巡检``."""
    return _("{day} {engineer} {duration}: {summary}", day=str(work_date), engineer=engineer,
             duration=format_minutes(duration_minutes), summary=summary.strip()[:80])


def add_entry(
    session: Session,
    contract: Contract,
    *,
    actor: str,
    engineer_id: uuid.UUID,
    work_date: date,
    started_at: datetime,
    duration_minutes: int,
    summary: str,
) -> WorkLogEntry:
    """Record manual work.  ``duration_minutes`` 1..1440; ``summary`` required; the engineer
    must belong to the contract.  Raises ``ValidationError`` naming the field."""
    eng = _check_entry(session, contract.id, engineer_id, work_date, started_at, duration_minutes, summary)
    entry = WorkLogEntry(contract_id=contract.id, engineer_id=eng.id, work_date=work_date,
                         started_at=as_utc(started_at), duration_minutes=duration_minutes,
                         summary=summary.strip(), source_kind="manual")
    session.add(entry)
    session.flush()
    audit.record(session, actor=actor, action="worklog.add", entity_kind="work_log_entry", entity_id=entry.id,
                 summary=_entry_summary(work_date, eng.name, duration_minutes, summary))
    return entry


def update_entry(
    session: Session,
    entry_id: uuid.UUID,
    *,
    actor: str,
    engineer_id: uuid.UUID,
    started_at: datetime,
    duration_minutes: int,
    summary: str,
) -> WorkLogEntry:
    """Correct a manual entry (its day stays); the rules and errors of ``add_entry``, plus
    ``ValidationError("entry_id", …)`` for an unknown or derived (not manual) entry."""
    entry = session.get(WorkLogEntry, entry_id) if isinstance(entry_id, uuid.UUID) else None
    if entry is None or (entry.source_kind or "manual") != "manual":
        raise ValidationError("entry_id", N_("only a manual work-log entry can be edited"))
    eng = _check_entry(session, entry.contract_id, engineer_id, entry.work_date, started_at, duration_minutes,
                       summary)
    entry.engineer_id, entry.started_at = eng.id, as_utc(started_at)
    entry.duration_minutes, entry.summary = duration_minutes, summary.strip()
    session.flush()
    audit.record(session, actor=actor, action="worklog.edit", entity_kind="work_log_entry", entity_id=entry.id,
                 summary=_entry_summary(entry.work_date, eng.name, duration_minutes, summary))
    return entry


def _check_entry(session: Session, contract_id: uuid.UUID, engineer_id: object, work_date: object,
                 started_at: object, duration_minutes: object, summary: str) -> Engineer:
    """The one set of rules of a manual entry; returns its engineer or raises ``ValidationError``."""
    eng = session.get(Engineer, engineer_id) if isinstance(engineer_id, uuid.UUID) else None
    if eng is None or eng.contract_id != contract_id:
        raise ValidationError("engineer_id", N_("no such engineer on this contract"))
    if isinstance(duration_minutes, bool) or not isinstance(duration_minutes, int) \
            or not 1 <= duration_minutes <= MAX_ENTRY_MINUTES:
        raise ValidationError("duration_minutes", N_("a whole number of minutes from 1 to {max_entry_minutes}"), max_entry_minutes=MAX_ENTRY_MINUTES)
    if not (summary or "").strip():
        raise ValidationError("summary", N_("{field} is required"))
    if not isinstance(work_date, date) or isinstance(work_date, datetime):
        raise ValidationError("work_date", N_("{field} is required"))
    if not isinstance(started_at, datetime):
        raise ValidationError("started_at", N_("{field} is required"))
    return eng


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """UTC instants of local midnight at ``start`` and the midnight after ``end``."""
    return local_dt(start, time(0, 0)), local_dt(end + timedelta(days=1), time(0, 0))


def _names(session: Session, contract: Contract) -> dict[uuid.UUID, str]:
    return {e.id: e.name for e in session.scalars(select(Engineer).where(Engineer.contract_id == contract.id))}


def _minutes(a: datetime, b: datetime) -> int:
    return max(0, round((b - a).total_seconds() / 60))


def day_entries(session: Session, contract: Contract, day: date) -> list[WorkLogLine]:
    """The local ``day``'s work log for ``contract``: derived and manual lines, ordered by ``at``."""
    lo, hi = _bounds(day, day)
    names = _names(session, contract)
    lines: list[WorkLogLine] = []
    for ins in session.scalars(select(Inspection).where(
            Inspection.contract_id == contract.id, Inspection.finished_at >= lo, Inspection.finished_at < hi)):
        assert ins.finished_at is not None
        extra = _(", {count} abnormal", count=ins.abnormal_count) if ins.abnormal_count else ""
        lines.append(WorkLogLine(ins.started_at, names.get(ins.engineer_id, "") if ins.engineer_id else "",
                                 _minutes(ins.started_at, ins.finished_at), "inspection",
                                 f"{ins.number} {ins.template_name}{extra}", "inspection", ins.id))
    rows = session.execute(
        select(IncidentEvent, Incident.number, Incident.title)
        .join(Incident, Incident.id == IncidentEvent.incident_id)
        .where(Incident.contract_id == contract.id, IncidentEvent.at >= lo, IncidentEvent.at < hi)
    )
    for ev, number, title in rows:
        if ev.kind in ("status", "reopen"):
            what = f"{status_label(ev.from_status)} → {status_label(ev.to_status)}"
        elif ev.kind == "created":
            what = _("reported")
        else:
            what = _("edited {fields}", fields=_(", ").join(label(k) for k in sorted(ev.changes or {})))
        note = f" ({ev.note})" if ev.note else ""
        lines.append(WorkLogLine(ev.at, ev.actor, None, f"incident.{ev.kind}", f"{number} {title}: {what}{note}",
                                 "incident", ev.incident_id))
    for req in session.scalars(select(ServiceRequest).where(
            ServiceRequest.contract_id == contract.id, ServiceRequest.resolved_at >= lo,
            ServiceRequest.resolved_at < hi)):
        assert req.resolved_at is not None
        who = names.get(req.assignee_id, "") if req.assignee_id else ""
        lines.append(WorkLogLine(req.resolved_at, who, None, "service_request.resolved",
                                 f"{req.number} {req.title}: {req.resolution}", "service_request", req.id))
    for entry in session.scalars(select(WorkLogEntry).where(
            WorkLogEntry.contract_id == contract.id, WorkLogEntry.work_date == day)):
        who = names.get(entry.engineer_id, "") if entry.engineer_id else ""
        lines.append(WorkLogLine(entry.started_at, who, entry.duration_minutes, "manual", entry.summary,
                                 entry.source_kind or "manual", entry.id, entry.version))
    lines.sort(key=lambda ln: ln.at)
    return lines


def hours_by_engineer(session: Session, contract: Contract, start: date, end: date) -> dict[str, float]:
    """Logged hours per engineer name over local days ``start``..``end`` (inclusive): inspection
    durations (finished in the range) plus manual entries (``work_date`` in the range).
    Lines without an engineer are summed under ``""``.  Raises ``ValidationError("end", …)`` when
    end < start."""
    if end < start:
        raise ValidationError("end", N_("the end date is before the start date"))
    lo, hi = _bounds(start, end)
    names = _names(session, contract)
    minutes: dict[str, int] = {}
    for eid, started, finished in session.execute(
            select(Inspection.engineer_id, Inspection.started_at, Inspection.finished_at).where(
                Inspection.contract_id == contract.id, Inspection.finished_at >= lo, Inspection.finished_at < hi)):
        name = names.get(eid, "") if eid else ""
        minutes[name] = minutes.get(name, 0) + _minutes(started, finished)
    for eid, dur in session.execute(
            select(WorkLogEntry.engineer_id, WorkLogEntry.duration_minutes).where(
                WorkLogEntry.contract_id == contract.id, WorkLogEntry.work_date >= start,
                WorkLogEntry.work_date <= end)):
        name = names.get(eid, "") if eid else ""
        minutes[name] = minutes.get(name, 0) + int(dur or 0)
    return {name: m / 60.0 for name, m in sorted(minutes.items())}
