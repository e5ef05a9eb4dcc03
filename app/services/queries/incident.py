"""Read side of the incident pages: the detail row, its history, files and SLA clocks (no Qt).

Everything returned is a plain dataclass (or the ``sla`` module's plain ``IncidentClocks``), never
an ORM object, so the UI holds no session.  Instants are aware UTC.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.core.profile import profile_of
from app.errors import NotFoundError
from app.services.attachments import AttachmentRow
from app.services.incident import workflow
from app.services.incident.attachments import attachments_of
from app.services.incident.sla import compute_incident_clocks
from app.services.ledger import Ledger
from app.store.models import Contract, Engineer, Incident, IncidentAsset, IncidentService

SlaFn = Callable[[Any, Any, datetime], Any]
"""``(session, incident, now) -> IncidentClocks``: ``app.services.incident.sla.compute_incident_clocks``."""


@dataclass(frozen=True)
class HistoryLine:
    """One ``IncidentEvent``: ``kind`` created/status/field/reopen; ``changes`` field → (old, new) text."""

    at: datetime
    actor: str
    kind: str
    from_status: str
    to_status: str
    changes: dict[str, tuple[str, str]]
    note: str
    clock: str = ""  # "back"/"ahead": the system clock jumped when this was written (时钟回拨)


@dataclass(frozen=True)
class IncidentView:
    """Everything the incident detail pane and edit form show of one incident."""

    id: uuid.UUID
    number: str
    title: str
    description: str
    severity: str
    major: bool
    source: str
    status: str
    assignee_id: uuid.UUID | None
    assignee: str
    reporter_department: str
    reporter_name: str
    reporter_phone: str
    occurred_at: datetime
    reported_at: datetime
    responded_at: datetime | None
    restored_at: datetime | None
    closed_at: datetime | None
    cause_category: str
    cause: str
    resolution: str
    root_cause_analysis: str
    service_ids: tuple[uuid.UUID, ...] = ()
    asset_ids: tuple[uuid.UUID, ...] = ()
    history: tuple[HistoryLine, ...] = ()
    attachments: tuple[AttachmentRow, ...] = field(default_factory=tuple)
    incident_class: str = ""
    """故障类别 code of the profile's ``incident_classes`` (``operational`` …)."""
    version: int = 0
    """The row version read (optimistic lock): edits made from this view pass it back."""


def incident_view(ledger: Ledger, incident_id: uuid.UUID) -> IncidentView | None:
    """The incident ``incident_id`` with history (oldest first) and files; ``None`` if gone."""
    with ledger.session() as s:
        try:
            inc = workflow.get_incident(s, incident_id)
        except NotFoundError:
            return None
        contract = s.get(Contract, inc.contract_id)
        major = bool(contract and contract.profile and profile_of(contract).is_major(inc.severity))
        eng = s.get(Engineer, inc.assignee_id) if inc.assignee_id else None
        history = tuple(
            HistoryLine(ev.at, ev.actor, ev.kind, ev.from_status, ev.to_status,
                        {k: (str(v[0]), str(v[1])) for k, v in (ev.changes or {}).items()
                         if isinstance(v, (list, tuple)) and len(v) == 2}, ev.note, ev.clock)
            for ev in workflow.events(s, inc.id))
        files = tuple(attachments_of(s, "incident", inc.id))
        return IncidentView(
            id=inc.id, number=inc.number, title=inc.title, description=inc.description, severity=inc.severity,
            major=major, source=inc.source, status=inc.status, assignee_id=inc.assignee_id,
            assignee=eng.name if eng else "", reporter_department=inc.reporter_department,
            reporter_name=inc.reporter_name, reporter_phone=inc.reporter_phone, occurred_at=inc.occurred_at,
            reported_at=inc.reported_at, responded_at=inc.responded_at, restored_at=inc.restored_at,
            closed_at=inc.closed_at, cause_category=inc.cause_category, cause=inc.cause,
            resolution=inc.resolution, root_cause_analysis=inc.root_cause_analysis,
            service_ids=tuple(s.scalars(select(IncidentService.service_id).where(
                IncidentService.incident_id == inc.id))),
            asset_ids=tuple(s.scalars(select(IncidentAsset.asset_id).where(IncidentAsset.incident_id == inc.id))),
            history=history, attachments=files, version=inc.version, incident_class=inc.incident_class,
        )


def incident_clocks(ledger: Ledger, incident_ids: Iterable[uuid.UUID], now: datetime,
                    sla_fn: SlaFn | None = None) -> dict[uuid.UUID, Any]:
    """The SLA clocks of each incident at ``now`` (aware UTC), in one session.

    Maps id → ``IncidentClocks`` or the exception its computation raised (a missing holiday
    calendar is ``CalendarCoverageError``; the caller shows it in the cell).  Ids no longer in
    the ledger are left out.  ``sla_fn`` defaults to ``compute_incident_clocks`` (tests pass fakes).
    """
    fn = sla_fn or compute_incident_clocks
    out: dict[uuid.UUID, Any] = {}
    with ledger.session() as s:
        for iid in incident_ids:
            inc = s.get(Incident, iid)
            if inc is None:
                continue
            try:
                out[iid] = fn(s, inc, now)
            except Exception as exc:  # noqa: BLE001 - shown to the user in the cell/pane, not swallowed
                out[iid] = exc
    return out
