"""Service requests (工单) at the service desk: intake, assignment (派单/转派), response,
resolution, close, follow-up (回访) with satisfaction and complaint, and conversion to an incident.

Status moves: ``new`` → ``assigned`` (``assign_request``) → ``in_progress`` (``respond_request``)
→ ``resolved`` (``resolve_request``) → ``closed`` (``close_request``).  Reassignment is allowed
until resolved; a request may be resolved from any open status.  Follow-up is recorded after the
request is resolved (also once closed).  ``convert_to_incident`` closes the request and opens an
incident that keeps the request's timeline.

Every function is one user action in the caller's transaction and writes one audit event.
Invalid input raises ``ValidationError(field, message)`` before anything is changed.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import timeline
from app.core.i18n import N_, _
from app.core.profile import profile_of
from app.core.timeutil import LOCAL_TZ, as_utc, utcnow
from app.core.vocab import Channel, RequestStatus, Satisfaction, codes, label_of
from app.errors import NotFoundError, ValidationError
from app.services import audit
from app.services.numbering import next_number
from app.services.transfer.columns import CodeLabel
from app.store.models import (
    Contract,
    Engineer,
    Incident,
    RequestAssignment,
    Service,
    ServiceRequest,
)

OPEN_STATUSES = ("new", "assigned", "in_progress")
CHANNELS, SATISFACTION = codes(Channel), codes(Satisfaction)


def get_request(session: Session, number_or_id: uuid.UUID | str) -> ServiceRequest:
    """The request with this id (``UUID`` or text) or number (``"SR-2026-0007"``);
    ``NotFoundError`` when none."""
    req: ServiceRequest | None = None
    if isinstance(number_or_id, uuid.UUID):
        req = session.get(ServiceRequest, number_or_id)
    else:
        text = str(number_or_id).strip()
        try:
            req = session.get(ServiceRequest, uuid.UUID(text))
        except ValueError:
            req = session.scalars(select(ServiceRequest).where(ServiceRequest.number == text)).one_or_none()
    if req is None:
        raise NotFoundError(N_("no service request {number_or_id}"), number_or_id=number_or_id)
    return req


def create_request(
    session: Session,
    contract: Contract,
    *,
    actor: str,
    title: str,
    channel: str = "phone",
    category: str = "other",
    received_at: datetime | None = None,
    description: str = "",
    requester_department: str = "",
    requester_name: str = "",
    requester_phone: str = "",
    service_id: uuid.UUID | None = None,
    assignee_id: uuid.UUID | None = None,
) -> ServiceRequest:
    """Register a request received at ``received_at`` (default now) in status ``new``; with
    ``assignee_id`` it is assigned at once (status ``assigned``, responded at reception).

    ``category`` must be a code of the contract profile's ``request_categories``; ``channel`` one
    of ``CHANNELS``.  Raises ``ValidationError`` (``title``, ``category``, ``channel``,
    ``service_id``, ``assignee_id``).
    """
    if not title.strip():
        raise ValidationError("title", N_("{field} is required"))
    codes = profile_of(contract).request_category_codes
    if category not in codes:
        raise ValidationError("category", N_("unknown request category “{category}”; the contract defines {codes}"), category=category, codes=codes)
    if channel not in CHANNELS:
        raise ValidationError("channel", N_("unknown channel “{channel}”; one of {channels}"), channel=channel, channels=CHANNELS)
    if service_id is not None:
        svc = session.get(Service, service_id)
        if svc is None or svc.contract_id != contract.id:
            raise ValidationError("service_id", N_("no such service on this contract"))
    if assignee_id is not None:
        _engineer(session, contract.id, assignee_id)
    now = utcnow()
    received = as_utc(received_at) if received_at else now
    req = ServiceRequest(
        number=next_number(session, "SR", received.astimezone(LOCAL_TZ).year),
        contract_id=contract.id, channel=channel, category=category, service_id=service_id,
        title=title.strip(), description=description, requester_department=requester_department,
        requester_name=requester_name, requester_phone=requester_phone, status="new",
        received_at=received, created_at=now, updated_at=now,
    )
    session.add(req)
    session.flush()
    audit.record(session, actor=actor, action="service_request.create", entity_kind="service_request",
                 entity_id=req.id, summary=f"{req.number} {req.title}")
    if assignee_id is not None:
        _assign(session, req, assignee_id, actor=actor, note="", at=received)
    session.flush()
    return req


def assign_request(
    session: Session,
    request_id: uuid.UUID | str,
    engineer_id: uuid.UUID,
    *,
    actor: str,
    note: str = "",
    at: datetime | None = None,
) -> ServiceRequest:
    """Assign (派单) or reassign (转派) an open request to ``engineer_id`` at ``at`` (default now);
    writes a ``RequestAssignment`` row (from → to engineer).  The first assignment sets
    ``responded_at`` when not yet set.  Status becomes ``assigned``.

    Raises ``ValidationError``: ``status`` when resolved/closed, ``engineer_id`` unknown or already
    the assignee, ``at`` before the request was received or before the previous assignment.
    """
    req = get_request(session, request_id)
    _require_open(req)
    _engineer(session, req.contract_id, engineer_id, field="engineer_id")
    if engineer_id == req.assignee_id:
        raise ValidationError("engineer_id", N_("the request is already assigned to this engineer"))
    eff = _effective(at, req.received_at, _last_assignment_at(session, req))
    _assign(session, req, engineer_id, actor=actor, note=note, at=eff)
    session.flush()
    return req


def respond_request(
    session: Session, request_id: uuid.UUID | str, *, actor: str, at: datetime | None = None
) -> ServiceRequest:
    """An engineer starts work (status ``in_progress``); sets ``responded_at`` (default now) when
    not yet set.  Raises ``ValidationError`` (``status`` when not open, ``at`` before reception)."""
    req = get_request(session, request_id)
    _require_open(req)
    eff = _effective(at, req.received_at)
    _check_timeline(req, responded_at=eff)
    if req.responded_at is None:
        req.responded_at = eff
    req.status = "in_progress"
    req.updated_at = utcnow()
    audit.record(session, actor=actor, action="service_request.respond", entity_kind="service_request",
                 entity_id=req.id, summary=audit.moved(req.number, label_of(RequestStatus, "in_progress")))
    session.flush()
    return req


def resolve_request(
    session: Session,
    request_id: uuid.UUID | str,
    *,
    actor: str,
    resolution: str,
    at: datetime | None = None,
) -> ServiceRequest:
    """Mark the request resolved at ``at`` (default now) with its ``resolution`` (required).
    ``responded_at`` is set to the same instant when the request was never responded to.
    Raises ``ValidationError`` (``resolution``, ``status``, ``at``)."""
    req = get_request(session, request_id)
    _require_open(req)
    if not (resolution or "").strip():
        raise ValidationError("resolution", N_("{field} is required"))
    eff = _effective(at, req.received_at, req.responded_at)
    _check_timeline(req, responded_at=req.responded_at or eff, resolved_at=eff)
    if req.responded_at is None:
        req.responded_at = eff
    req.resolution = resolution.strip()
    req.resolved_at = eff
    req.status = "resolved"
    req.updated_at = utcnow()
    audit.record(session, actor=actor, action="service_request.resolve", entity_kind="service_request",
                 entity_id=req.id, summary=audit.moved(req.number, label_of(RequestStatus, "resolved")))
    session.flush()
    return req


def close_request(
    session: Session, request_id: uuid.UUID | str, *, actor: str, at: datetime | None = None
) -> ServiceRequest:
    """Close a resolved request at ``at`` (default now).  Raises ``ValidationError``: ``status``
    when not resolved, ``at`` before the resolution."""
    req = get_request(session, request_id)
    if req.status != "resolved":
        raise ValidationError("status", N_("only a resolved request can be closed (it is {status})"),
                              status=CodeLabel(req.status, "request_status"))
    eff = _effective(at, req.resolved_at)
    _check_timeline(req, closed_at=eff)
    req.closed_at = eff
    req.status = "closed"
    req.updated_at = utcnow()
    audit.record(session, actor=actor, action="service_request.close", entity_kind="service_request",
                 entity_id=req.id, summary=audit.moved(req.number, label_of(RequestStatus, "closed")))
    session.flush()
    return req


def record_followup(
    session: Session,
    request_id: uuid.UUID | str,
    *,
    actor: str,
    satisfaction: str | None,
    complaint: bool = False,
    complaint_text: str = "",
    at: datetime | None = None,
    by: str | None = None,
) -> ServiceRequest:
    """Record the follow-up (回访) of a resolved or closed request: when (default now), by whom
    (default ``actor``), satisfaction (``satisfied``/``mostly_satisfied``/``dissatisfied`` or
    ``None`` = requester gave no rating) and an optional complaint, which needs its text.
    A later follow-up replaces the earlier one (the audit trail keeps both).

    Raises ``ValidationError``: ``status`` before resolution, ``satisfaction`` unknown,
    ``complaint_text`` empty with a complaint, ``at`` before the resolution.
    """
    req = get_request(session, request_id)
    if req.status not in ("resolved", "closed") or req.resolved_at is None:
        raise ValidationError("status", N_("a follow-up is recorded after the request is resolved"))
    if satisfaction is not None and satisfaction not in SATISFACTION:
        raise ValidationError("satisfaction", N_("unknown satisfaction “{satisfaction}”; one of {satisfaction2}"), satisfaction=satisfaction, satisfaction2=SATISFACTION)
    if complaint and not complaint_text.strip():
        raise ValidationError("complaint_text", N_("{field} is required"))
    eff = _effective(at, req.resolved_at)
    _check_timeline(req, followup_at=eff)
    req.followup_at = eff
    req.followup_by = (by or actor).strip()
    req.satisfaction = satisfaction
    req.complaint = bool(complaint)
    req.complaint_text = complaint_text.strip() if complaint else ""
    req.updated_at = utcnow()
    audit.record(session, actor=actor, action="service_request.followup", entity_kind="service_request",
                 entity_id=req.id, summary=_("{number} follow-up: {satisfaction}", number=req.number,
                             satisfaction=label_of(Satisfaction, satisfaction) if satisfaction else "-"),
                 details={"satisfaction": satisfaction, "complaint": bool(complaint),
                          "complaint_text": req.complaint_text})
    session.flush()
    return req


def convert_to_incident(
    session: Session, request_id: uuid.UUID | str, *, actor: str, severity: str | None = None
) -> Incident:
    """The request turned out to be a fault: open an incident that keeps its timeline and close
    the request.

    The incident gets occurred/reported = ``received_at``, source ``"request"``,
    ``source_request_id``, the request's title, description, requester and service; if the
    request was already responded to, the incident is moved to ``assigned`` (with the request's
    assignee) or ``in_progress`` at that ``responded_at`` (a status event, so SLA clocks count from
    it).  The request gets ``converted_incident_id``, status ``closed`` and a resolution note naming
    the incident.  Raises ``ValidationError``: ``status`` when the request is closed or already
    converted; ``severity`` unknown.
    """
    from app.services.incident import workflow as incidents  # noqa: PLC0415 - avoid an import cycle at module load

    req = get_request(session, request_id)
    if req.converted_incident_id is not None:
        raise ValidationError("status", N_("this request was already converted to an incident"))
    if req.status == "closed":
        raise ValidationError("status", N_("a closed request cannot be converted"))
    contract = session.get(Contract, req.contract_id)
    inc = incidents.create_incident(
        session, contract, actor=actor, title=req.title, occurred_at=req.received_at,
        reported_at=req.received_at, severity=severity, source="request",
        description=req.description, service_ids=[req.service_id] if req.service_id else None,
        source_request_id=req.id, reporter_department=req.requester_department,
        reporter_name=req.requester_name, reporter_phone=req.requester_phone,
    )
    if req.responded_at is not None:
        to = "assigned" if req.assignee_id else "in_progress"
        incidents.transition(session, inc.id, to, actor=actor, at=req.responded_at,
                             assignee_id=req.assignee_id, note=f"from service request {req.number}")
    now = utcnow()
    req.converted_incident_id = inc.id
    note = f"转为故障 {inc.number}"
    req.resolution = f"{req.resolution}\n{note}".strip() if req.resolution else note
    req.status = "closed"
    req.closed_at = now
    req.updated_at = now
    audit.record(session, actor=actor, action="service_request.convert", entity_kind="service_request",
                 entity_id=req.id, summary=f"{req.number} → {inc.number}", details={"incident": inc.number})
    session.flush()
    return inc


def assignments(session: Session, request_id: uuid.UUID | str) -> list[RequestAssignment]:
    """The request's assignment history in the order written (``seq``), oldest first."""
    req = get_request(session, request_id)
    session.flush()
    return list(session.scalars(
        select(RequestAssignment).where(RequestAssignment.request_id == req.id).order_by(RequestAssignment.seq)
    ))


# ---------------------------------------------------------------------------------------------


def _effective(at: datetime | None, *after: datetime | None) -> datetime:
    """The instant a move takes effect: ``at`` as the user gave it (a business time: the order
    rules apply), else the system clock — but never before the instants in ``after`` the move must
    follow (a clock set back, or corrected after running ahead, is accepted, not refused:
    ``app.core.timeline.effective_system_instant``; the audit event carries the clock flag)."""
    if at is not None:
        return as_utc(at)
    latest = max((a for a in after if a is not None), default=None)
    return timeline.effective_system_instant(utcnow(), latest)[0]


def _last_assignment_at(session: Session, req: ServiceRequest) -> datetime | None:
    session.flush()
    return session.scalars(
        select(RequestAssignment.at).where(RequestAssignment.request_id == req.id)
        .order_by(RequestAssignment.at.desc()).limit(1)
    ).first()


def _assign(session: Session, req: ServiceRequest, engineer_id: uuid.UUID, *, actor: str, note: str,
            at: datetime) -> None:
    _not_before(at, req.received_at, "at", N_("the assignment is before the request was received"))
    last = _last_assignment_at(session, req)
    _not_before(at, last, "at", N_("the assignment is before the previous assignment"))
    first = last is None
    session.add(RequestAssignment(request_id=req.id, at=at, from_engineer_id=req.assignee_id,
                                  to_engineer_id=engineer_id, actor=actor, note=note))
    old = req.assignee_id
    req.assignee_id = engineer_id
    if req.responded_at is None:
        req.responded_at = at
    req.status = "assigned"
    req.updated_at = utcnow()
    eng = session.get(Engineer, engineer_id)
    audit.record(session, actor=actor, action="service_request.assign" if first else "service_request.reassign",
                 entity_kind="service_request", entity_id=req.id,
                 summary=f"{req.number} → {eng.name if eng else engineer_id}",
                 details={"from": str(old or ""), "to": str(engineer_id), "note": note})


def _engineer(session: Session, contract_id: uuid.UUID, engineer_id: object, field: str = "assignee_id") -> Engineer:
    eng = session.get(Engineer, engineer_id) if isinstance(engineer_id, uuid.UUID) else None
    if eng is None or eng.contract_id != contract_id:
        raise ValidationError(field, N_("no such engineer on this contract"))
    return eng


def _require_open(req: ServiceRequest) -> None:
    if req.status not in OPEN_STATUSES:
        raise ValidationError("status", N_("{number} is {status}; only an open request can be changed"), number=req.number,
                              status=CodeLabel(req.status, "request_status"))


def _check_timeline(req: ServiceRequest, **updates: datetime) -> None:
    """Raise ``ValidationError("at", …)`` when ``req``'s instants with ``updates`` applied break
    ``app.core.timeline.REQUEST_ORDER`` (the table the importer checks too)."""
    values = {f: getattr(req, f) for f in timeline.REQUEST_FIELDS} | updates
    broken = timeline.first_violation(timeline.REQUEST_ORDER, values, set(updates))
    if broken is not None:
        raise ValidationError("at", broken.rule.message)


def _not_before(value: datetime, floor: datetime | None, field: str, message: str) -> None:
    if floor is not None and value < floor:
        raise ValidationError(field, message)
