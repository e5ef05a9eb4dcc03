"""The incident aggregate (故障): the fault record, its affected services, history and files.

Status workflow (see ``app/services/incident/workflow.py`` for the rules): ``new`` → ``assigned`` →
``in_progress`` → ``pending`` (SLA clock paused) → ``restored`` → ``closed``; ``closed`` may be
reopened to ``in_progress``.  Every change is an ``IncidentEvent``; SLA clocks are derived from
those events, never kept as running counters.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.vocab import (
    CauseCategory,
    IncidentEventKind,
    IncidentSource,
    IncidentStatus,
    codes,
)
from app.store.models.base import Base, UUIDPk, vocab_check

# Kept for callers that want plain tuples; the vocabularies live in app.core.vocab.
STATUSES = codes(IncidentStatus)
SOURCES = codes(IncidentSource)
CAUSE_CATEGORIES = codes(CauseCategory)


class Incident(UUIDPk, Base):
    """故障: an unplanned interruption or degradation.

    Timeline instants are aware UTC.  ``severity`` is a level code from the contract profile.
    ``response_minutes``/``restore_minutes`` (service-time minutes) and the breach flags are
    written when the incident is closed, so a closed record keeps what was reported.
    """

    __tablename__ = "incident"
    __table_args__ = (
        vocab_check("status", STATUSES),
        vocab_check("source", SOURCES),
        vocab_check("cause_category", CAUSE_CATEGORIES, empty=True),
    )

    number: Mapped[str] = mapped_column(String(30), unique=True)
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(default="")
    severity: Mapped[str] = mapped_column(String(30), index=True)
    #: 故障类别: a code of the profile's ``incident_classes`` (operational 运行, security 安全 …)
    incident_class: Mapped[str] = mapped_column(String(30), default="operational", server_default="operational",
                                                index=True)
    source: Mapped[str] = mapped_column(String(30), default="phone")
    status: Mapped[str] = mapped_column(String(20), default="new", index=True)
    reporter_department: Mapped[str] = mapped_column(String(120), default="")
    reporter_name: Mapped[str] = mapped_column(String(60), default="")
    reporter_phone: Mapped[str] = mapped_column(String(40), default="")
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("engineer.id"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    reported_at: Mapped[datetime]
    responded_at: Mapped[datetime | None]
    onsite_at: Mapped[datetime | None]
    restored_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    cause_category: Mapped[str] = mapped_column(String(30), default="")
    cause: Mapped[str] = mapped_column(default="")
    resolution: Mapped[str] = mapped_column(default="")
    vendor_case_number: Mapped[str] = mapped_column(String(60), default="")
    root_cause_analysis: Mapped[str] = mapped_column(default="")
    source_result_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("inspection_result.id", ondelete="SET NULL"), index=True
    )
    source_request_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("service_request.id", ondelete="SET NULL", use_alter=True), index=True
    )
    response_minutes: Mapped[float | None]
    restore_minutes: Mapped[float | None]
    response_breached: Mapped[bool | None]
    restore_breached: Mapped[bool | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    """Optimistic lock (``version_id_col``): +1 on every UPDATE; a save carrying an older
    version is refused with ``ConcurrentEditError`` instead of overwriting (team server)."""

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it once


class IncidentService(UUIDPk, Base):
    """An affected service with its downtime window (停机时长).

    ``downtime_start``/``downtime_end`` default to occurred → restored and may be edited;
    ``None`` end means still down.
    """

    __tablename__ = "incident_service"
    __table_args__ = (UniqueConstraint("incident_id", "service_id"),)

    incident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"), index=True)
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service.id"), index=True)
    downtime_start: Mapped[datetime | None]
    downtime_end: Mapped[datetime | None]
    downtime_edited: Mapped[bool] = mapped_column(default=False)


class IncidentAsset(UUIDPk, Base):
    """An affected asset (configuration item)."""

    __tablename__ = "incident_asset"
    __table_args__ = (UniqueConstraint("incident_id", "asset_id"),)

    incident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"), index=True)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("asset.id"), index=True)


class IncidentEvent(UUIDPk, Base):
    """One entry in an incident's history: a status change or a field change.

    ``kind``: ``created`` / ``status`` / ``field`` / ``reopen``.  For ``status`` events
    ``from_status``/``to_status`` are set and ``at`` is the instant the status took effect (the
    SLA clocks read pauses from these).  ``changes`` maps field → ``[old, new]`` as text.
    ``seq`` numbers an incident's lines in writing order: the history is read by it.
    """

    __tablename__ = "incident_event"
    __table_args__ = (
        vocab_check("kind", codes(IncidentEventKind)),
        vocab_check("from_status", STATUSES, empty=True),
        vocab_check("to_status", STATUSES, empty=True),
        UniqueConstraint("incident_id", "seq", name="uq_incident_event_seq"),
    )

    incident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(60), default="")
    kind: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[str] = mapped_column(String(20), default="")
    to_status: Mapped[str] = mapped_column(String(20), default="")
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    note: Mapped[str] = mapped_column(default="")
    clock: Mapped[str] = mapped_column(String(10), default="")  # "back"/"ahead": system clock jumped
    seq: Mapped[int] = mapped_column()
    """1, 2, 3 … per incident in the order the lines were written (``app.store.history_order``)."""
