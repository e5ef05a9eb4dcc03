"""Incidents (故障): creation, the status workflow and the rules that keep the record strict.

Pinggu contract 第七条: "对故障发生的时间、原因及解决方式作严格记录" — every incident keeps its
timeline, cause and resolution, and every change is an ``IncidentEvent`` (who, when, what).

Status workflow (``TRANSITIONS`` is the one table of allowed moves)::

    new         → assigned, in_progress
    assigned    → in_progress, pending, restored
    in_progress → assigned (hand-over), pending, restored
    pending     → in_progress, assigned, restored     (pending = waiting for vendor or user:
                                                        the SLA clock is paused)
    restored    → closed, in_progress (the fix did not hold)
    closed      → in_progress, only through ``reopen_incident`` (recorded as kind "reopen")

Every status change writes exactly one ``IncidentEvent`` whose ``at`` is the instant the status
took effect (given by the caller, default now); ``app.services.incident.sla`` derives the paused spans from
those rows.  Side effects of moves:

- first move to ``assigned``/``in_progress`` sets ``responded_at`` (= acknowledged by an engineer)
  when not yet set;
- ``restored`` sets ``restored_at`` and closes open downtime windows at that instant;
- ``closed`` sets ``closed_at`` and stores the SLA figures computed by
  ``app.services.incident.sla.compute_incident_clocks`` (left ``None`` when that module is absent).

Timeline rules (each violation raises ``ValidationError`` naming the field; nothing is changed):
reported ≥ occurred; responded ≥ reported; on-site ≥ responded (≥ reported when not responded);
restored ≥ occurred and ≥ responded; closed ≥ restored.  Closing needs cause category, cause,
resolution and restored time, and for a severity marked ``major: true`` in the contract profile a
root-cause analysis.  A closed incident is read-only until reopened.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core import timeline
from app.core.fields import label as field_label
from app.core.i18n import N_, _
from app.core.profile import profile_of
from app.core.timeutil import LOCAL_TZ, as_utc, utcnow
from app.core.vocab import CauseCategory, IncidentSource, IncidentStatus, codes, label_of
from app.errors import CalendarCoverageError, NotFoundError, ValidationError
from app.services import audit
from app.services.numbering import next_number
from app.services.transfer.columns import CodeLabel
from app.store.models import (
    Asset,
    Contract,
    Engineer,
    Incident,
    IncidentAsset,
    IncidentEvent,
    IncidentService,
    Service,
)

SOURCES, STATUSES, CAUSE_CATEGORIES = codes(IncidentSource), codes(IncidentStatus), codes(CauseCategory)

TRANSITIONS: dict[str, set[str]] = {
    "new": {"assigned", "in_progress"},
    "assigned": {"in_progress", "pending", "restored"},
    "in_progress": {"assigned", "pending", "restored"},
    "pending": {"in_progress", "assigned", "restored"},
    "restored": {"closed", "in_progress"},
    "closed": {"in_progress"},  # only via reopen_incident
}
"""Allowed status moves: current status → statuses it may move to (see the module docstring)."""

TIMELINE_FIELDS = timeline.INCIDENT_FIELDS
TEXT_FIELDS = (
    "title",
    "description",
    "reporter_department",
    "reporter_name",
    "reporter_phone",
    "cause",
    "resolution",
    "vendor_case_number",
    "root_cause_analysis",
)
EDITABLE_FIELDS = frozenset(
    TEXT_FIELDS
    + ("severity", "incident_class", "source", "assignee_id", "cause_category")
    + ("occurred_at", "reported_at", "responded_at", "onsite_at", "restored_at")
)
"""Fields ``update_incident`` accepts; status and closed_at change only through the workflow."""

# Timeline order: the one table is app.core.timeline.INCIDENT_ORDER (importer uses it too).


# ---------------------------------------------------------------------------------------------
# creation and lookup


def create_incident(
    session: Session,
    contract: Contract,
    *,
    actor: str,
    title: str,
    occurred_at: datetime,
    reported_at: datetime | None = None,
    severity: str | None = None,
    source: str = "phone",
    description: str = "",
    service_ids: list[uuid.UUID] | None = None,
    incident_class: str | None = None,
    asset_ids: list[uuid.UUID] | None = None,
    source_result_id: uuid.UUID | None = None,
    source_request_id: uuid.UUID | None = None,
    reporter_department: str = "",
    reporter_name: str = "",
    reporter_phone: str = "",
) -> Incident:
    """Open a new incident in status ``new`` in the caller's transaction and return it.

    Instants must be aware (naive ones are read as local time); ``reported_at`` defaults to
    ``occurred_at``.  ``severity`` defaults to the level the profile gives the incident's assets or
    services (``ContractProfile.default_severity``), else its last (least severe) level.
    Raises ``ValidationError`` (field named) for an empty title, an unknown severity or source,
    ``reported_at`` before ``occurred_at``, or a service/asset not of this contract.
    """
    if not title.strip():
        raise ValidationError("title", N_("{field} is required"))
    levels = profile_of(contract).severity_codes
    if severity and severity not in levels:
        raise ValidationError("severity", N_("unknown severity “{severity}”; the contract defines {levels}"),
                              severity=severity, levels=list(levels))
    if source not in SOURCES:
        raise ValidationError("source", N_("unknown source “{source}”; one of {sources}"), source=source, sources=SOURCES)
    incident_class = _incident_class(contract, incident_class)
    occurred = as_utc(occurred_at)
    reported = as_utc(reported_at) if reported_at else occurred
    _check_timeline({"occurred_at": occurred, "reported_at": reported}, {"occurred_at", "reported_at"})
    service_ids = _check_members(session, contract.id, Service, service_ids or [], "service_ids")
    asset_ids = _check_members(session, contract.id, Asset, asset_ids or [], "asset_ids")
    severity = severity or profile_of(contract).default_severity(
        service=session.scalars(select(Service.code).where(Service.id.in_(service_ids or []))).all(),
        asset=session.scalars(select(Asset.code).where(Asset.id.in_(asset_ids or []))).all())
    now = utcnow()
    inc = Incident(
        number=next_number(session, "INC", occurred.astimezone(LOCAL_TZ).year),
        contract_id=contract.id,
        title=title.strip(),
        description=description,
        severity=severity,
        incident_class=incident_class,
        source=source,
        status="new",
        occurred_at=occurred,
        reported_at=reported,
        source_result_id=source_result_id,
        source_request_id=source_request_id,
        reporter_department=reporter_department,
        reporter_name=reporter_name,
        reporter_phone=reporter_phone,
        created_at=now,
        updated_at=now,
    )
    session.add(inc)
    session.flush()
    for sid in dict.fromkeys(service_ids or []):
        session.add(IncidentService(incident_id=inc.id, service_id=sid, downtime_start=occurred))
    for aid in dict.fromkeys(asset_ids or []):
        session.add(IncidentAsset(incident_id=inc.id, asset_id=aid))
    session.add(IncidentEvent(incident_id=inc.id, at=reported, actor=actor, kind="created", to_status="new"))
    audit.record(session, actor=actor, action="incident.create", entity_kind="incident",
                 entity_id=inc.id, summary=f"{inc.number} {inc.title}")
    return inc


def get_incident(session: Session, number_or_id: uuid.UUID | str) -> Incident:
    """The incident with this id (``UUID`` or its text) or number (``"INC-2026-0042"``).

    Raises ``NotFoundError`` when there is none.
    """
    inc: Incident | None = None
    if isinstance(number_or_id, uuid.UUID):
        inc = session.get(Incident, number_or_id)
    else:
        text = str(number_or_id).strip()
        try:
            inc = session.get(Incident, uuid.UUID(text))
        except ValueError:
            inc = session.scalars(select(Incident).where(Incident.number == text)).one_or_none()
    if inc is None:
        raise NotFoundError(N_("no incident {number_or_id}"), number_or_id=number_or_id)
    return inc


def events(session: Session, incident_id: uuid.UUID | str) -> list[IncidentEvent]:
    """The incident's history in the order it was written (oldest first): by ``seq``
    (``app.store.history_order``), not by ``at`` — lines of one save share an instant, and a
    system clock set back must not put an edit before "created" (the event is flagged
    ``clock="back"`` instead).  The same order on every backend."""
    inc = get_incident(session, incident_id)
    session.flush()
    return list(session.scalars(select(IncidentEvent).where(IncidentEvent.incident_id == inc.id)
                                .order_by(IncidentEvent.seq)))


# ---------------------------------------------------------------------------------------------
# editing


def _incident_class(contract: Contract | None, value: str | None) -> str:
    """A class code of the profile's ``incident_classes`` (None/"" → the first, ``operational``
    by default); ``ValidationError`` naming ``incident_class`` for an unknown code."""
    codes = profile_of(contract).incident_class_codes if contract else ("operational",)
    if not value:
        return codes[0]
    if value not in codes:
        raise ValidationError("incident_class", N_("unknown incident class “{value}”; the contract defines {codes}"),
                              value=value, codes=list(codes))
    return value


def update_incident(
    session: Session,
    incident_id: uuid.UUID | str,
    *,
    actor: str,
    now: datetime | None = None,
    **fields: Any,
) -> Incident:
    """Change editable fields (``EDITABLE_FIELDS``) and write one ``field`` event with
    ``changes = {field: [old, new]}`` (text).  Unchanged values are ignored; with no real change
    nothing is written.

    Editing ``occurred_at``/``restored_at`` moves the start/end of downtime windows that were not
    edited by hand.  Raises ``ValidationError`` naming the field for an unknown or non-editable
    field, an empty title, unknown severity/source/cause category/engineer, a timeline out of
    order, or when the incident is closed (field ``"status"``); nothing is changed then.
    """
    inc = get_incident(session, incident_id)
    _require_open(inc)
    now = as_utc(now) if now else utcnow()
    contract = session.get(Contract, inc.contract_id)
    new_values: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in EDITABLE_FIELDS:
            raise ValidationError(name, N_("this field cannot be edited here") if hasattr(inc, name)
                                  else N_("unknown field"))
        new_values[name] = _normalise(session, inc, contract, name, value)
    changed = {k: v for k, v in new_values.items() if getattr(inc, k) != v}
    if not changed:
        return inc
    timeline = {f: getattr(inc, f) for f in TIMELINE_FIELDS}
    timeline.update({k: v for k, v in changed.items() if k in TIMELINE_FIELDS})
    _check_timeline(timeline, set(changed))
    if "restored_at" in changed and changed["restored_at"] is None and inc.status in ("restored",):
        raise ValidationError("restored_at", N_("a restored incident needs its restore time"))
    if "responded_at" in changed and changed["responded_at"] is None and inc.status != "new":
        raise ValidationError("responded_at", N_("an incident an engineer has taken needs its response time"))

    diff = {k: [_text(session, k, getattr(inc, k)), _text(session, k, v)] for k, v in changed.items()}
    old_occurred, old_restored = inc.occurred_at, inc.restored_at
    for k, v in changed.items():
        setattr(inc, k, v)
    for row in _service_rows(session, inc.id):
        if row.downtime_edited:
            continue
        if "occurred_at" in changed and row.downtime_start == old_occurred:
            row.downtime_start = inc.occurred_at
        if "restored_at" in changed and row.downtime_end == old_restored:
            row.downtime_end = inc.restored_at
    inc.updated_at = now
    clock = audit.clock_against_head(session, now)
    session.add(IncidentEvent(incident_id=inc.id, at=_history_at(session, inc, now), actor=actor, kind="field", changes=diff, clock=clock))
    audit.record(session, actor=actor, action="incident.update", entity_kind="incident", entity_id=inc.id,
                 summary=_("{number}: {fields}", number=inc.number,
                                                        fields=_(", ").join(field_label(c) for c in sorted(diff))), details={"changes": diff}, at=now)
    session.flush()
    return inc


def set_affected(
    session: Session,
    incident_id: uuid.UUID | str,
    *,
    service_ids: list[uuid.UUID],
    asset_ids: list[uuid.UUID],
    actor: str,
) -> None:
    """Replace the affected services and assets.

    Newly affected services get the default downtime window occurred → restored; services no
    longer listed lose their window.  Writes a ``field`` event with ``services``/``assets``
    changes (codes).  Raises ``ValidationError`` (``service_ids``/``asset_ids``) for ids not of the
    incident's contract and ``("status", …)`` when closed.
    """
    inc = get_incident(session, incident_id)
    _require_open(inc)
    service_ids = _check_members(session, inc.contract_id, Service, service_ids, "service_ids")
    asset_ids = _check_members(session, inc.contract_id, Asset, asset_ids, "asset_ids")
    svc_rows = {r.service_id: r for r in _service_rows(session, inc.id)}
    asset_rows = {
        r.asset_id: r
        for r in session.scalars(select(IncidentAsset).where(IncidentAsset.incident_id == inc.id))
    }
    want_s, want_a = list(dict.fromkeys(service_ids)), list(dict.fromkeys(asset_ids))
    diff: dict[str, list[str]] = {}
    if set(want_s) != set(svc_rows):
        diff["services"] = [_codes(session, Service, list(svc_rows)), _codes(session, Service, want_s)]
    if set(want_a) != set(asset_rows):
        diff["assets"] = [_codes(session, Asset, list(asset_rows)), _codes(session, Asset, want_a)]
    if not diff:
        return
    for sid, row in svc_rows.items():
        if sid not in want_s:
            session.delete(row)
    for sid in want_s:
        if sid not in svc_rows:
            session.add(IncidentService(incident_id=inc.id, service_id=sid,
                                        downtime_start=inc.occurred_at, downtime_end=inc.restored_at))
    for aid, arow in asset_rows.items():
        if aid not in want_a:
            session.delete(arow)
    for aid in want_a:
        if aid not in asset_rows:
            session.add(IncidentAsset(incident_id=inc.id, asset_id=aid))
    now = utcnow()
    inc.updated_at = now
    session.add(IncidentEvent(incident_id=inc.id, at=_history_at(session, inc, now), actor=actor, kind="field", changes=diff))
    audit.record(session, actor=actor, action="incident.set_affected", entity_kind="incident",
                 entity_id=inc.id, summary=_("{number}: affected services and assets", number=inc.number), details=diff)
    session.flush()


def set_downtime(
    session: Session,
    incident_id: uuid.UUID | str,
    service_id: uuid.UUID,
    *,
    start: datetime,
    end: datetime | None,
    actor: str,
) -> IncidentService:
    """Edit one affected service's downtime window (停机时长); marks it ``downtime_edited``.

    ``end=None`` means still down.  Raises ``ValidationError``: ``service_id`` when the service is
    not affected by this incident, ``downtime_end`` when end < start, ``status`` when closed.
    """
    inc = get_incident(session, incident_id)
    _require_open(inc)
    row = next((r for r in _service_rows(session, inc.id) if r.service_id == service_id), None)
    if row is None:
        raise ValidationError("service_id", N_("this service is not listed as affected by the incident"))
    start_u = as_utc(start)
    end_u = as_utc(end) if end is not None else None
    if end_u is not None and end_u < start_u:
        raise ValidationError("downtime_end", N_("downtime ends before it starts"))
    svc = session.get(Service, service_id)
    code = svc.code if svc else str(service_id)
    diff = {
        f"downtime[{code}]": [
            f"{_text(session, 'at', row.downtime_start)} – {_text(session, 'at', row.downtime_end)}",
            f"{_text(session, 'at', start_u)} – {_text(session, 'at', end_u)}",
        ]
    }
    row.downtime_start, row.downtime_end, row.downtime_edited = start_u, end_u, True
    now = utcnow()
    inc.updated_at = now
    session.add(IncidentEvent(incident_id=inc.id, at=_history_at(session, inc, now), actor=actor, kind="field", changes=diff))
    audit.record(session, actor=actor, action="incident.set_downtime", entity_kind="incident",
                 entity_id=inc.id, summary=_("{number}: downtime of {service}", number=inc.number, service=code), details=diff)
    session.flush()
    return row


# ---------------------------------------------------------------------------------------------
# workflow


def transition(
    session: Session,
    incident_id: uuid.UUID | str,
    to_status: str,
    *,
    actor: str,
    at: datetime | None = None,
    note: str = "",
    assignee_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> Incident:
    """Move the incident to ``to_status`` (allowed moves: ``TRANSITIONS``) effective ``at``
    (default ``now``), writing one ``status`` event (from_status, to_status, at, note).

    ``assignee_id`` (an engineer of the contract) is set with the move; asking for the current
    status (assigned/in_progress/pending) with a different ``assignee_id`` is a reassignment,
    recorded as a ``field`` event (no status event: the status did not change).  Moving to ``closed``
    delegates to ``close_incident`` (its requirements apply); leaving ``closed`` needs
    ``reopen_incident``.  Raises ``ValidationError``: ``status`` for a move not in the table,
    ``at`` when before the previous status change, or the timeline field the move would break.
    """
    if to_status == "closed":
        return close_incident(session, incident_id, actor=actor, at=at, now=now)
    inc = get_incident(session, incident_id)
    _require_open(inc)
    if to_status not in STATUSES:
        raise ValidationError("status", N_("unknown status “{to_status}”"), to_status=to_status)
    if to_status == inc.status and to_status in ("assigned", "in_progress", "pending") and assignee_id is not None:
        # reassignment without a status change: a field event, not a status event
        return _reassign(session, inc, assignee_id, actor=actor, note=note, now=now)
    if to_status not in TRANSITIONS[inc.status]:
        allowed_codes = sorted(TRANSITIONS[inc.status])
        raise ValidationError("status", N_("cannot move from {status} to {to_status}; allowed: {allowed}"), status=CodeLabel(inc.status),
                              to_status=CodeLabel(to_status), allowed=[CodeLabel(a) for a in allowed_codes])
    now, eff, clock = _system_clock(session, inc, now, at)
    contract = session.get(Contract, inc.contract_id)
    if assignee_id is not None:
        assignee_id = _normalise(session, inc, contract, "assignee_id", assignee_id)
    updates = _status_updates(session, inc, to_status, eff)
    if assignee_id is not None and assignee_id != inc.assignee_id:
        updates["assignee_id"] = assignee_id
    _apply_status(session, inc, to_status, eff, updates, actor=actor, note=note, now=now, clock=clock)
    audit.record(session, actor=actor, action=f"incident.{to_status}", entity_kind="incident",
                 entity_id=inc.id, summary=audit.moved(inc.number, label_of(IncidentStatus, to_status), note or ""),
                 details=_clock_details(now, eff, clock), at=now)
    session.flush()
    return inc


def _reassign(session: Session, inc: Incident, assignee_id: uuid.UUID, *, actor: str, note: str,
              now: datetime | None) -> Incident:
    contract = session.get(Contract, inc.contract_id)
    eid = _normalise(session, inc, contract, "assignee_id", assignee_id)
    if eid == inc.assignee_id:
        raise ValidationError("assignee_id", N_("the incident is already assigned to this engineer"))
    now = as_utc(now) if now else utcnow()
    diff = {"assignee_id": [_text(session, "assignee_id", inc.assignee_id), _text(session, "assignee_id", eid)]}
    inc.assignee_id = eid
    inc.updated_at = now
    clock = audit.clock_against_head(session, now)
    session.add(IncidentEvent(incident_id=inc.id, at=_history_at(session, inc, now), actor=actor, kind="field", changes=diff, note=note,
                              clock=clock))
    audit.record(session, actor=actor, action="incident.reassign", entity_kind="incident", entity_id=inc.id,
                 summary=audit.moved(inc.number, str(diff['assignee_id'][1])), details={"changes": diff}, at=now)
    session.flush()
    return inc


def close_incident(
    session: Session,
    incident_id: uuid.UUID | str,
    *,
    actor: str,
    cause_category: str | None = None,
    cause: str | None = None,
    resolution: str | None = None,
    restored_at: datetime | None = None,
    at: datetime | None = None,
    now: datetime | None = None,
) -> Incident:
    """Close the incident at ``at`` (default now), filling any of cause category, cause,
    resolution and restore time given here.

    Empty texts given here keep what the record already holds.
    Requires (Pinggu 第七条 "故障发生的时间、原因及解决方式作严格记录"): ``cause_category`` (one of
    ``CAUSE_CATEGORIES``), ``cause``, ``resolution``, a restore time, and ``root_cause_analysis``
    for a severity marked ``major: true``.  From a status other than ``restored`` the incident is
    first moved to ``restored`` at the restore time (a status event), when that move is allowed.
    Stores ``response_minutes``/``restore_minutes`` and breach flags from
    ``app.services.incident.sla.compute_incident_clocks`` — left ``None`` while that module is not
    installed or when no holiday calendar covers the incident's years (``CalendarCoverageError``;
    the close goes ahead, as the Excel import does, and the audit event says why).  Any other
    error from the computation undoes the whole close (savepoint).
    Raises ``ValidationError`` naming the missing or out-of-order field; nothing is changed then.
    """
    inc = get_incident(session, incident_id)
    _require_open(inc)
    now = as_utc(now) if now else utcnow()
    contract = session.get(Contract, inc.contract_id)
    fill: dict[str, Any] = {}  # empty text given here keeps what the record already has
    if cause_category:
        fill["cause_category"] = _normalise(session, inc, contract, "cause_category", cause_category)
    if cause and cause.strip():
        fill["cause"] = cause.strip()
    if resolution and resolution.strip():
        fill["resolution"] = resolution.strip()
    if restored_at is not None:
        fill["restored_at"] = as_utc(restored_at)
    merged = {k: fill.get(k, getattr(inc, k)) for k in ("cause_category", "cause", "resolution", "restored_at")}
    if not merged["cause_category"]:
        raise ValidationError("cause_category", N_("fill in {field} before closing the incident"))
    if not (merged["cause"] or "").strip():
        raise ValidationError("cause", N_("fill in {field} before closing the incident"))
    if not (merged["resolution"] or "").strip():
        raise ValidationError("resolution", N_("fill in {field} before closing the incident"))
    if merged["restored_at"] is None:
        raise ValidationError("restored_at", N_("fill in {field} before closing the incident"))
    if profile_of(contract).is_major(inc.severity) and not inc.root_cause_analysis.strip():
        raise ValidationError(
            "root_cause_analysis",
            N_("severity {severity} is a major incident: fill in {field} before closing it"), severity=inc.severity)
    now, closed, clock = _system_clock(session, inc, now, at, also_after=merged["restored_at"])
    if inc.status != "restored" and "restored" not in TRANSITIONS[inc.status]:
        raise ValidationError("status", N_("an incident in status {status} cannot be closed; it must be taken first"),
                              status=CodeLabel(inc.status))
    if inc.status != "restored":
        restore_at = merged["restored_at"]
        updates = _status_updates(session, inc, "restored", restore_at, extra=fill)
    else:
        updates = dict(fill)
    timeline = {f: getattr(inc, f) for f in TIMELINE_FIELDS}
    timeline.update({k: v for k, v in updates.items() if k in TIMELINE_FIELDS})
    timeline["closed_at"] = closed
    _check_timeline(timeline, set(updates) | {"closed_at"})
    _check_after_last_status(session, inc, closed, "at")

    # a savepoint: if the SLA computation fails (e.g. CalendarCoverageError) nothing of the close
    # stays in the caller's session even when the caller goes on with it
    with session.begin_nested():
        if inc.status != "restored":
            _apply_status(session, inc, "restored", merged["restored_at"], updates, actor=actor, note="", now=now)
        elif updates:
            _write_field_changes(session, inc, updates, actor=actor, now=now)
        _apply_status(session, inc, "closed", closed, {"closed_at": closed}, actor=actor, note="", now=now,
                      clock=clock)
        session.flush()
        try:
            clocks = _compute_clocks(session, inc, now)
        except CalendarCoverageError as exc:
            clocks, sla_note = None, _("SLA figures not stored: {reason}", reason=str(exc))
        else:
            sla_note = ""
        if clocks is not None:
            for name in ("response_minutes", "restore_minutes", "response_breached", "restore_breached"):
                setattr(inc, name, _pick(clocks, name))
    audit.record(session, actor=actor, action="incident.close", entity_kind="incident", entity_id=inc.id,
                 summary=audit.moved(inc.number, label_of(IncidentStatus, "closed"), sla_note),
                 details={"cause_category": inc.cause_category, "sla": sla_note or "stored",
                          **_clock_details(now, closed, clock)}, at=now)
    session.flush()
    return inc


def reopen_incident(
    session: Session,
    incident_id: uuid.UUID | str,
    *,
    actor: str,
    reason: str,
    at: datetime | None = None,
) -> Incident:
    """Reopen a closed incident to ``in_progress`` at ``at`` (default now).

    Writes one event of kind ``"reopen"`` (from_status ``closed``, to_status ``in_progress``,
    note = reason) and clears ``closed_at``, ``restored_at`` and the stored SLA figures; the
    restore and close are recorded again when the incident is next restored and closed.
    Raises ``ValidationError``: ``status`` when not closed, ``reason`` when empty, ``at`` when
    before the close.
    """
    inc = get_incident(session, incident_id)
    if inc.status != "closed":
        raise ValidationError("status", N_("only a closed incident can be reopened (it is {status})"), status=CodeLabel(inc.status))
    if not reason.strip():
        raise ValidationError("reason", N_("a reason is required to reopen an incident"))
    now, eff, clock = _system_clock(session, inc, None, at, also_after=inc.closed_at)
    if inc.closed_at and eff < inc.closed_at:
        raise ValidationError("at", N_("the reopen time is before the close time"))
    diff = {
        "status": ["closed", "in_progress"],
        "closed_at": [_text(session, "closed_at", inc.closed_at), ""],
        "restored_at": [_text(session, "restored_at", inc.restored_at), ""],
    }
    inc.status = "in_progress"
    inc.closed_at = None
    inc.restored_at = None
    inc.response_minutes = inc.restore_minutes = None
    inc.response_breached = inc.restore_breached = None
    inc.updated_at = now
    session.add(IncidentEvent(incident_id=inc.id, at=eff, actor=actor, kind="reopen", from_status="closed",
                              to_status="in_progress", changes=diff, note=reason.strip(), clock=clock))
    audit.record(session, actor=actor, action="incident.reopen", entity_kind="incident", entity_id=inc.id,
                 summary=_("{number} reopened: {reason}", number=inc.number, reason=reason.strip()), details=_clock_details(now, eff, clock), at=now)
    session.flush()
    return inc


# ---------------------------------------------------------------------------------------------
# helpers


def _require_open(inc: Incident) -> None:
    if inc.status == "closed":
        raise ValidationError("status", N_("{number} is closed and read-only; reopen it to change it"), number=inc.number)


def _status_updates(
    session: Session, inc: Incident, to_status: str, eff: datetime, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Field updates a move implies, validated (timeline and order of status events)."""
    updates: dict[str, Any] = dict(extra or {})
    if to_status in ("assigned", "in_progress") and inc.responded_at is None and "responded_at" not in updates:
        updates["responded_at"] = eff
    if to_status == "restored":
        updates["restored_at"] = eff
        if inc.responded_at is None and "responded_at" not in updates:
            updates["responded_at"] = eff
    _check_after_last_status(session, inc, eff, "at")
    timeline = {f: getattr(inc, f) for f in TIMELINE_FIELDS}
    timeline.update({k: v for k, v in updates.items() if k in TIMELINE_FIELDS})
    _check_timeline(timeline, {k for k in updates if k in TIMELINE_FIELDS})
    return updates


def _apply_status(
    session: Session,
    inc: Incident,
    to_status: str,
    eff: datetime,
    updates: dict[str, Any],
    *,
    actor: str,
    note: str,
    now: datetime,
    clock: str = "",
) -> None:
    diff = {"status": [inc.status, to_status]}
    for k, v in updates.items():
        if getattr(inc, k) != v:
            diff[k] = [_text(session, k, getattr(inc, k)), _text(session, k, v)]
            setattr(inc, k, v)
    if to_status == "restored":
        for row in _service_rows(session, inc.id):
            if row.downtime_end is None:
                row.downtime_end = eff
    session.add(IncidentEvent(incident_id=inc.id, at=eff, actor=actor, kind="status", from_status=inc.status,
                              to_status=to_status, changes=diff, note=note, clock=clock))
    inc.status = to_status
    inc.updated_at = now
    session.flush()


def _write_field_changes(session: Session, inc: Incident, updates: dict[str, Any], *, actor: str, now: datetime) -> None:
    diff = {}
    for k, v in updates.items():
        if getattr(inc, k) != v:
            diff[k] = [_text(session, k, getattr(inc, k)), _text(session, k, v)]
            setattr(inc, k, v)
    if diff:
        session.add(IncidentEvent(incident_id=inc.id, at=_history_at(session, inc, now), actor=actor, kind="field", changes=diff))


def _last_status_at(session: Session, inc: Incident) -> datetime | None:
    session.flush()
    return session.scalars(
        select(IncidentEvent.at)
        .where(IncidentEvent.incident_id == inc.id, IncidentEvent.kind.in_(("created", "status", "reopen")))
        .order_by(IncidentEvent.at.desc())
        .limit(1)
    ).first()


def _system_clock(session: Session, inc: Incident, now: datetime | None, given: datetime | None,
                  also_after: datetime | None = None) -> tuple[datetime, datetime, str]:
    """``(now, effective instant, clock flag)`` of a move.

    A time the user gave (``given``) is a business time: it is returned as is and the order rules
    apply to it.  Without one the move is timed by the system clock; when that clock reads earlier
    than the last status change (or ``also_after``, e.g. the close time a reopen follows) — set
    back, or corrected after running ahead — the move takes effect at that instant instead of
    being refused (``app.core.timeline.effective_system_instant``) and is flagged ``"back"``.
    The flag also records a jump against the audit chain's last event (``clock_jump``).
    """
    now = as_utc(now) if now else utcnow()
    clock = audit.clock_against_head(session, now)
    if given is not None:
        return now, as_utc(given), clock
    last = _last_status_at(session, inc)
    if also_after is not None and (last is None or also_after > last):
        last = also_after
    eff, clamped = timeline.effective_system_instant(now, last)
    if clamped:
        clock = timeline.CLOCK_BACK
    return now, eff, clock


def _history_at(session: Session, inc: Incident, now: datetime) -> datetime:
    """The instant a system-timed history line (a field edit) is written at: ``now``, or — when
    the system clock reads earlier than the incident's last history line (set back) — one
    microsecond after that line, so the history keeps the order it was written in on every
    backend (PostgreSQL orders by ``at``); the clock reading stays in the audit event."""
    session.flush()
    last = session.scalar(select(func.max(IncidentEvent.at)).where(IncidentEvent.incident_id == inc.id))
    eff, clamped = timeline.effective_system_instant(now, as_utc(last) if last is not None else None)
    return eff + timedelta(microseconds=1) if clamped else eff


def _clock_details(now: datetime, eff: datetime, clock: str) -> dict[str, Any]:
    """Audit details of a clock jump: the clock reading and the instant used (empty: no jump)."""
    if not clock:
        return {}
    return {"clock": clock, "clock_read": now.isoformat(), "effective_at": eff.isoformat()}


def _check_after_last_status(session: Session, inc: Incident, eff: datetime, field: str) -> None:
    session.flush()
    last = session.scalars(
        select(IncidentEvent.at)
        .where(IncidentEvent.incident_id == inc.id, IncidentEvent.kind.in_(("created", "status", "reopen")))
        .order_by(IncidentEvent.at.desc())
        .limit(1)
    ).first()
    if last is not None and eff < last:
        raise ValidationError(field, N_("this status change would take effect before the previous one"))


def _check_timeline(values: dict[str, datetime | None], changed: set[str]) -> None:
    """Raise ``ValidationError`` for the first pair of ``app.core.timeline.INCIDENT_ORDER`` out
    of order, naming the field the user changed (see ``timeline.violations``)."""
    broken = timeline.first_violation(timeline.INCIDENT_ORDER, values, changed)
    if broken is not None:
        raise ValidationError(broken.field, broken.rule.message)


def _normalise(session: Session, inc: Incident, contract: Contract | None, name: str, value: Any) -> Any:
    if name in TIMELINE_FIELDS:
        if value is None:
            if name in ("occurred_at", "reported_at"):
                raise ValidationError(name, N_("{field} is required"))
            return None
        if not isinstance(value, datetime):
            raise ValidationError(name, N_("{field} is required"))
        return as_utc(value)
    if name in TEXT_FIELDS:
        text = "" if value is None else str(value).strip()
        if name == "title" and not text:
            raise ValidationError("title", N_("{field} is required"))
        return text
    if name == "severity":
        levels = profile_of(contract).severity_codes if contract else ()
        if value not in levels:
            raise ValidationError("severity", N_("unknown severity “{value}”; the contract defines {levels}"), value=value, levels=levels)
        return value
    if name == "incident_class":
        return _incident_class(contract, value)
    if name == "source":
        if value not in SOURCES:
            raise ValidationError("source", N_("unknown source “{value}”; one of {sources}"), value=value, sources=SOURCES)
        return value
    if name == "cause_category":
        value = value or ""
        if value and value not in CAUSE_CATEGORIES:
            raise ValidationError("cause_category", N_("unknown cause category “{value}”; one of {categories}"),
                                  value=value, categories=[CodeLabel(c, "cause_category") for c in CAUSE_CATEGORIES])
        return value
    if name == "assignee_id":
        if value is None:
            return None
        try:
            eid = value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
        except ValueError:
            raise ValidationError("assignee_id", N_("not an engineer id")) from None
        eng = session.get(Engineer, eid)
        if eng is None or eng.contract_id != inc.contract_id:
            raise ValidationError("assignee_id", N_("no such engineer on this contract"))
        return eid
    return value


def _check_members(session: Session, contract_id: uuid.UUID, model: type, ids: list[Any], field: str) -> list[uuid.UUID]:
    """``ids`` as UUIDs (text accepted), each a row of ``model`` on the contract; else ``ValidationError``."""
    out: list[uuid.UUID] = []
    for i in ids:
        try:
            uid = i if isinstance(i, uuid.UUID) else uuid.UUID(str(i))
        except ValueError:
            uid = None
        row = session.get(model, uid) if uid is not None else None
        if row is None or row.contract_id != contract_id:
            raise ValidationError(field, N_("{value} is not on this contract"), value=i)
        out.append(uid)
    return list(dict.fromkeys(out))


def _service_rows(session: Session, incident_id: uuid.UUID) -> list[IncidentService]:
    return list(session.scalars(select(IncidentService).where(IncidentService.incident_id == incident_id)))


def _codes(session: Session, model: type, ids: list[uuid.UUID]) -> str:
    codes = []
    for i in ids:
        row = session.get(model, i)
        codes.append(row.code if row is not None else str(i))
    return ", ".join(sorted(codes))


def _text(session: Session, name: str, value: Any) -> str:
    """A value as the text kept in ``IncidentEvent.changes``: instants ISO 8601 UTC, engineers
    by name, ``None`` as empty."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return as_utc(value).isoformat(timespec="seconds")
    if name == "assignee_id" and isinstance(value, uuid.UUID):
        eng = session.get(Engineer, value)
        return eng.name if eng is not None else str(value)
    return str(value)


def _compute_clocks(session: Session, inc: Incident, now: datetime) -> Any:
    try:
        from app.services.incident import sla  # noqa: PLC0415 - written in parallel; optional until it lands
    except ImportError:
        return None
    fn = getattr(sla, "compute_incident_clocks", None)
    if fn is None:
        return None
    return fn(session, inc, now)


def _pick(obj: Any, name: str) -> Any:
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)
