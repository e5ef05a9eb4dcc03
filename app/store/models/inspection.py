"""Inspections (巡检) and their results (巡检结果).

An inspection is one performance of a template for one due slot: ``due_date`` (local date of the
period start) plus ``slot`` (``"09:00"`` for timed slots, ``""`` otherwise) identify the slot and
are unique per template, so a slot is never inspected twice by accident.
Result outcomes: ``normal`` / ``abnormal`` / ``na``; ``None`` while not yet answered.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.vocab import InspectionOutcome, ItemKind, codes
from app.store.models.base import Base, UUIDPk, vocab_check

OUTCOMES = codes(InspectionOutcome)  # plain tuple kept for callers; see app.core.vocab


class Inspection(UUIDPk, Base):
    """巡检: a checklist performed by an engineer; ``finished_at`` is ``None`` while in progress."""

    __tablename__ = "inspection"
    __table_args__ = (UniqueConstraint("template_id", "due_date", "slot"),)

    number: Mapped[str] = mapped_column(String(30), unique=True)
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    template_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("checklist_template.id"), index=True)
    template_name: Mapped[str] = mapped_column(String(200))
    due_date: Mapped[date] = mapped_column(index=True)
    slot: Mapped[str] = mapped_column(String(10), default="")
    engineer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("engineer.id"), index=True)
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    abnormal_count: Mapped[int] = mapped_column(default=0)
    note: Mapped[str] = mapped_column(default="")
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    """Optimistic lock (``version_id_col``): +1 on every UPDATE; a save carrying an older
    version is refused with ``ConcurrentEditError`` instead of overwriting (team server)."""

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it once


class InspectionResult(UUIDPk, Base):
    """巡检结果: one item's outcome in one inspection, with the item as it was recorded against
    (text, kind, unit, normal range and, for choice items, ``choices``/``normal_choices``)."""

    __tablename__ = "inspection_result"
    __table_args__ = (
        UniqueConstraint("inspection_id", "item_id"),
        vocab_check("kind", codes(ItemKind)),
        vocab_check("outcome", OUTCOMES),  # NULL while unanswered
    )

    inspection_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("inspection.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("checklist_item.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(default=0)
    section: Mapped[str] = mapped_column(String(120), default="")
    item_text: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20))
    unit: Mapped[str] = mapped_column(String(30), default="")
    normal_min: Mapped[float | None]
    normal_max: Mapped[float | None]
    choices: Mapped[list[Any]] = mapped_column(default=list)
    normal_choices: Mapped[list[Any]] = mapped_column(default=list)
    service_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service.id", ondelete="SET NULL"))
    asset_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("asset.id", ondelete="SET NULL"))
    outcome: Mapped[str | None] = mapped_column(String(10))
    value_number: Mapped[float | None]
    value_text: Mapped[str] = mapped_column(default="")
    note: Mapped[str] = mapped_column(default="")
    recorded_at: Mapped[datetime | None]
