"""Read side of the service-desk pages: request and requirement detail rows, a day's work log (no Qt).

Plain dataclasses only (the work log's ``WorkLogLine`` already is one); instants aware UTC.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from app.core.profile import profile_of
from app.errors import NotFoundError
from app.services.ledger import Ledger
from app.services.servicedesk import requests as service_requests
from app.services.servicedesk import requirements, worklog
from app.services.servicedesk.worklog import WorkLogLine
from app.store.models import Contract, Engineer, Incident, Service


@dataclass(frozen=True)
class RequestView:
    """What the request detail pane shows of one service request."""

    id: uuid.UUID
    number: str
    title: str
    description: str
    category: str
    category_label: str
    channel: str
    status: str
    assignee_id: uuid.UUID | None
    assignee: str
    requester_department: str
    requester_name: str
    requester_phone: str
    received_at: datetime
    resolved_at: datetime | None
    resolution: str
    satisfaction: str | None
    complaint_text: str
    converted_incident_id: uuid.UUID | None
    converted_incident_number: str
    version: int = 0
    """The row version read (optimistic lock): moves made from this view pass it back."""


@dataclass(frozen=True)
class RequirementView:
    """What the requirement detail pane shows of one requirement."""

    id: uuid.UUID
    number: str
    title: str
    description: str
    status: str
    service: str
    requester_department: str
    requester_name: str
    collected_at: datetime
    note: str
    version: int = 0
    """The row version read (optimistic lock): moves made from this view pass it back."""


def request_view(ledger: Ledger, request_id: uuid.UUID) -> RequestView | None:
    """The request ``request_id`` as a :class:`RequestView`; ``None`` if gone."""
    with ledger.session() as s:
        try:
            r = service_requests.get_request(s, request_id)
        except NotFoundError:
            return None
        contract = s.get(Contract, r.contract_id)
        cats = ({x.code: x.name or x.code for x in profile_of(contract).request_categories}
                if contract and contract.profile else {})
        eng = s.get(Engineer, r.assignee_id) if r.assignee_id else None
        inc = s.get(Incident, r.converted_incident_id) if r.converted_incident_id else None
        return RequestView(
            id=r.id, number=r.number, title=r.title, description=r.description, category=r.category,
            category_label=cats.get(r.category, r.category), channel=r.channel, status=r.status,
            assignee_id=r.assignee_id, assignee=eng.name if eng else "",
            requester_department=r.requester_department, requester_name=r.requester_name,
            requester_phone=r.requester_phone, received_at=r.received_at, resolved_at=r.resolved_at,
            resolution=r.resolution, satisfaction=r.satisfaction, complaint_text=r.complaint_text,
            converted_incident_id=r.converted_incident_id, converted_incident_number=inc.number if inc else "",
            version=r.version,
        )


def requirement_view(ledger: Ledger, requirement_id: uuid.UUID) -> RequirementView | None:
    """The requirement ``requirement_id`` as a :class:`RequirementView`; ``None`` if gone."""
    with ledger.session() as s:
        try:
            r = requirements.get_requirement(s, requirement_id)
        except NotFoundError:
            return None
        svc = s.get(Service, r.service_id) if r.service_id else None
        return RequirementView(
            id=r.id, number=r.number, title=r.title, description=r.description, status=r.status,
            service=svc.name if svc else "", requester_department=r.requester_department,
            requester_name=r.requester_name, collected_at=r.collected_at, note=r.note, version=r.version,
        )


def worklog_day(ledger: Ledger, contract_id: uuid.UUID | None, day: date) -> list[WorkLogLine]:
    """The local ``day``'s work-log lines (derived and manual, ordered by time); ``[]`` without a contract."""
    if contract_id is None:
        return []
    with ledger.session() as s:
        contract = s.get(Contract, contract_id)
        if contract is None:
            return []
        return list(worklog.day_entries(s, contract, day))
