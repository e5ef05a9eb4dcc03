"""Requirements (需求): change or feature requests collected from users, per service.

Pinggu contract 第三条: "每月整理一份需求文档" — the monthly requirements document lists these.

Status moves (``REQUIREMENT_TRANSITIONS``): forward along
``collected → analysed → reported → accepted → done`` (a later status may be reached directly,
e.g. a trivial requirement collected and done the same day), and ``rejected`` from any status
before ``done``.  ``done`` and ``rejected`` are final.  Each move appends a dated line to
``note`` and writes an audit event.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import N_, _
from app.core.timeutil import LOCAL_TZ, as_utc, fmt_local, utcnow
from app.core.vocab import RequirementStatus, label_of
from app.errors import NotFoundError, ValidationError
from app.services import audit
from app.services.numbering import next_number
from app.services.transfer.columns import CodeLabel, status_label
from app.store.models import Contract, Requirement, Service

FORWARD = ("collected", "analysed", "reported", "accepted", "done")
REQUIREMENT_TRANSITIONS: dict[str, set[str]] = {
    status: set(FORWARD[i + 1:]) | ({"rejected"} if status != "done" else set())
    for i, status in enumerate(FORWARD)
}
REQUIREMENT_TRANSITIONS["rejected"] = set()
"""Allowed requirement status moves: current → reachable statuses."""


def get_requirement(session: Session, number_or_id: uuid.UUID | str) -> Requirement:
    """The requirement with this id or number (``"RQ-2026-0003"``); ``NotFoundError`` when none."""
    req: Requirement | None = None
    if isinstance(number_or_id, uuid.UUID):
        req = session.get(Requirement, number_or_id)
    else:
        text = str(number_or_id).strip()
        try:
            req = session.get(Requirement, uuid.UUID(text))
        except ValueError:
            req = session.scalars(select(Requirement).where(Requirement.number == text)).one_or_none()
    if req is None:
        raise NotFoundError(N_("no requirement {number_or_id}"), number_or_id=number_or_id)
    return req


def create_requirement(
    session: Session,
    contract: Contract,
    *,
    actor: str,
    title: str,
    service_id: uuid.UUID | None = None,
    description: str = "",
    requester_department: str = "",
    requester_name: str = "",
    collected_at: datetime | None = None,
) -> Requirement:
    """Record a requirement collected at ``collected_at`` (default now), status ``collected``.

    Raises ``ValidationError`` for an empty ``title`` or a ``service_id`` not of the contract.
    """
    if not title.strip():
        raise ValidationError("title", N_("{field} is required"))
    if service_id is not None:
        svc = session.get(Service, service_id)
        if svc is None or svc.contract_id != contract.id:
            raise ValidationError("service_id", N_("no such service on this contract"))
    now = utcnow()
    collected = as_utc(collected_at) if collected_at else now
    req = Requirement(
        number=next_number(session, "RQ", collected.astimezone(LOCAL_TZ).year),
        contract_id=contract.id, service_id=service_id, title=title.strip(), description=description,
        requester_department=requester_department, requester_name=requester_name,
        status="collected", collected_at=collected, updated_at=now, note="",
    )
    session.add(req)
    session.flush()
    audit.record(session, actor=actor, action="requirement.create", entity_kind="requirement",
                 entity_id=req.id, summary=f"{req.number} {req.title}")
    return req


def set_requirement_status(
    session: Session,
    requirement_id: uuid.UUID | str,
    status: str,
    *,
    actor: str,
    note: str = "",
    at: datetime | None = None,
) -> Requirement:
    """Move the requirement to ``status`` (see ``REQUIREMENT_TRANSITIONS``) effective ``at``
    (default now); appends ``"<local time> <old> → <new> (<actor>): <note>"`` to ``note``.

    Raises ``ValidationError``: ``status`` for an unknown status or a move not allowed,
    ``at`` before the requirement was collected.
    """
    req = get_requirement(session, requirement_id)
    if status not in REQUIREMENT_TRANSITIONS:
        raise ValidationError("status", N_("unknown requirement status “{status}”"), status=status)
    if status not in REQUIREMENT_TRANSITIONS[req.status]:
        allowed_codes = [s for s in (*FORWARD, "rejected") if s in REQUIREMENT_TRANSITIONS[req.status]]
        raise ValidationError("status", N_("cannot move a requirement from {status} to {status2}; allowed: {allowed}"), status=CodeLabel(req.status, "requirement_status"),
                              status2=CodeLabel(status, "requirement_status"),
                              allowed=[CodeLabel(a, "requirement_status") for a in allowed_codes])
    eff = as_utc(at) if at else utcnow()
    if eff < req.collected_at:
        raise ValidationError("at", N_("the status change is before the requirement was collected"))
    line = (f"{fmt_local(eff)} {status_label(req.status, 'requirement_status')} → "
            f"{status_label(status, 'requirement_status')} ({actor})" + (f": {note.strip()}" if note.strip() else ""))
    old = req.status
    req.note = f"{req.note}\n{line}".strip() if req.note else line
    req.status = status
    req.updated_at = eff
    audit.record(session, actor=actor, action="requirement.status", entity_kind="requirement", entity_id=req.id,
                 summary=_("{number}: {old} → {new}", number=req.number, old=label_of(RequirementStatus, old),
                           new=label_of(RequirementStatus, status)), details={"from": old, "to": status, "note": note})
    session.flush()
    return req
