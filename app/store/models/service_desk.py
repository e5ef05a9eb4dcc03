"""Service desk records: service requests (工单), their assignments, requirements (需求) and the
work log (工作日志)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.vocab import (
    Channel,
    RequestStatus,
    RequirementStatus,
    Satisfaction,
    WorkLogSource,
    codes,
)
from app.store.models.base import Base, UUIDPk, vocab_check

# Kept for callers that want plain tuples; the vocabularies live in app.core.vocab.
REQUEST_STATUSES = codes(RequestStatus)
CHANNELS = codes(Channel)
SATISFACTION = codes(Satisfaction)
REQUIREMENT_STATUSES = codes(RequirementStatus)


class ServiceRequest(UUIDPk, Base):
    """工单: a user's request that is not a fault; ``category`` is a profile category code.

    Follow-up (回访): ``followup_at``/``followup_by``/``satisfaction``/``complaint``.
    ``converted_incident_id`` is set when the request turned out to be a fault.
    """

    __tablename__ = "service_request"
    __table_args__ = (
        vocab_check("channel", CHANNELS),
        vocab_check("status", REQUEST_STATUSES),
        vocab_check("satisfaction", SATISFACTION),  # NULL until the follow-up
    )

    number: Mapped[str] = mapped_column(String(30), unique=True)
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(30), default="phone")
    category: Mapped[str] = mapped_column(String(40), default="other", index=True)
    service_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(default="")
    requester_department: Mapped[str] = mapped_column(String(120), default="")
    requester_name: Mapped[str] = mapped_column(String(60), default="")
    requester_phone: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(20), default="new", index=True)
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("engineer.id"), index=True)
    received_at: Mapped[datetime] = mapped_column(index=True)
    responded_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    resolution: Mapped[str] = mapped_column(default="")
    followup_at: Mapped[datetime | None]
    followup_by: Mapped[str] = mapped_column(String(60), default="")
    satisfaction: Mapped[str | None] = mapped_column(String(20))
    complaint: Mapped[bool] = mapped_column(default=False)
    complaint_text: Mapped[str] = mapped_column(default="")
    converted_incident_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("incident.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    """Optimistic lock (``version_id_col``): +1 on every UPDATE; a save carrying an older
    version is refused with ``ConcurrentEditError`` instead of overwriting (team server)."""

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it once


class RequestAssignment(UUIDPk, Base):
    """派单 / 转派: one (re)assignment of a service request; ``seq`` numbers them per request."""

    __tablename__ = "request_assignment"
    __table_args__ = (UniqueConstraint("request_id", "seq", name="uq_request_assignment_seq"),)

    request_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("service_request.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime]
    from_engineer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("engineer.id"))
    to_engineer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("engineer.id"))
    actor: Mapped[str] = mapped_column(String(60), default="")
    note: Mapped[str] = mapped_column(default="")
    seq: Mapped[int] = mapped_column()
    """1, 2, 3 … per request in the order written (``app.store.history_order``)."""


class Requirement(UUIDPk, Base):
    """需求: a change or feature request collected from users, per service."""

    __tablename__ = "requirement"
    __table_args__ = (vocab_check("status", REQUIREMENT_STATUSES),)

    number: Mapped[str] = mapped_column(String(30), unique=True)
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    service_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(default="")
    requester_department: Mapped[str] = mapped_column(String(120), default="")
    requester_name: Mapped[str] = mapped_column(String(60), default="")
    status: Mapped[str] = mapped_column(String(20), default="collected", index=True)
    collected_at: Mapped[datetime] = mapped_column(index=True)
    updated_at: Mapped[datetime]
    note: Mapped[str] = mapped_column(default="")
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    """Optimistic lock (``version_id_col``): +1 on every UPDATE; a save carrying an older
    version is refused with ``ConcurrentEditError`` instead of overwriting (team server)."""

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it once


class WorkLogEntry(UUIDPk, Base):
    """工作日志: what an engineer did, when (``started_at`` UTC, ``work_date`` local) and for how
    long (``duration_minutes``).  ``source_kind`` is ``manual`` or the record kind that made it
    (``inspection``/``incident``/``service_request``) with ``source_id``."""

    __tablename__ = "work_log_entry"
    __table_args__ = (vocab_check("source_kind", codes(WorkLogSource)),)

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    engineer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("engineer.id"), index=True)
    work_date: Mapped[date] = mapped_column(index=True)
    started_at: Mapped[datetime]
    duration_minutes: Mapped[int] = mapped_column(default=0)
    summary: Mapped[str] = mapped_column(default="")
    source_kind: Mapped[str] = mapped_column(String(30), default="manual")
    source_id: Mapped[uuid.UUID | None]
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    """Optimistic lock (``version_id_col``): +1 on every UPDATE; a save carrying an older
    version is refused with ``ConcurrentEditError`` instead of overwriting (team server)."""

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it once

    #: a code of the profile's ``work_log_categories`` ("" none), counted by ``logged_hours`` KPIs
    category: Mapped[str] = mapped_column(String(40), default="", server_default="")
