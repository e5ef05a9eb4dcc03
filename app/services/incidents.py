"""Incidents (故障): creation, the status workflow, the rules that keep the record strict.

Minimal foundation version: ``create_incident``.  The full fault log extends this module.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.models import Contract, Incident, IncidentAsset, IncidentEvent, IncidentService
from app.services import audit
from app.services.numbering import next_number
from app.timeutil import LOCAL_TZ, as_utc, utcnow


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
    asset_ids: list[uuid.UUID] | None = None,
    source_result_id: uuid.UUID | None = None,
    source_request_id: uuid.UUID | None = None,
    reporter_department: str = "",
    reporter_name: str = "",
    reporter_phone: str = "",
) -> Incident:
    """Open a new incident in status ``new`` in the caller's transaction and return it.

    Instants must be aware (naive ones are read as local time); ``reported_at`` defaults to
    ``occurred_at``.  ``severity`` defaults to the profile's last (least severe) level.
    Raises ``ValidationError`` (field named) for an empty title, an unknown severity or
    ``reported_at`` before ``occurred_at``.
    """
    if not title.strip():
        raise ValidationError("title", "a title is required")
    levels = [s["code"] for s in contract.profile.get("severities", [])]
    severity = severity or (levels[-1] if levels else "")
    if severity not in levels:
        raise ValidationError("severity", f"unknown severity {severity!r}; the contract defines {', '.join(levels)}")
    occurred = as_utc(occurred_at)
    reported = as_utc(reported_at) if reported_at else occurred
    if reported < occurred:
        raise ValidationError("reported_at", "reported time is before the time the fault occurred")
    now = utcnow()
    inc = Incident(
        number=next_number(session, "INC", occurred.astimezone(LOCAL_TZ).year),
        contract_id=contract.id,
        title=title.strip(),
        description=description,
        severity=severity,
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
    for sid in service_ids or []:
        session.add(IncidentService(incident_id=inc.id, service_id=sid, downtime_start=occurred))
    for aid in asset_ids or []:
        session.add(IncidentAsset(incident_id=inc.id, asset_id=aid))
    session.add(IncidentEvent(incident_id=inc.id, at=reported, actor=actor, kind="created", to_status="new"))
    audit.record(session, actor=actor, action="incident.create", entity_kind="incident",
                 entity_id=inc.id, summary=f"{inc.number} {inc.title}")
    return inc
