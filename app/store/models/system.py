"""Cross-cutting records: audit trail, record numbering, official calendar entries, reports."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models.base import Base, UUIDPk


class AuditEvent(UUIDPk, Base):
    """审计日志: append-only record of who changed what, when (``at`` UTC)."""

    __tablename__ = "audit_event"

    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(60), default="")
    action: Mapped[str] = mapped_column(String(60))
    entity_kind: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40), default="")
    summary: Mapped[str] = mapped_column(default="")
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)


class NumberSequence(Base):
    """The last human-readable number issued per record kind and year (``INC-2026-0042``)."""

    __tablename__ = "number_sequence"

    prefix: Mapped[str] = mapped_column(String(10), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last: Mapped[int] = mapped_column(default=0)


class CalendarYear(Base):
    """A year of official arrangement entered by a user or imported (``source`` says which).

    Years present here override ``chinesecalendar`` for that year entirely.
    """

    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(200))
    entered_at: Mapped[datetime]


class CalendarDay(UUIDPk, Base):
    """One day of an entered year that differs from Mon–Fri work: a public holiday on a weekday
    (``is_working=False``) or a make-up working day on a weekend (``is_working=True``)."""

    __tablename__ = "calendar_day"

    year: Mapped[int] = mapped_column(ForeignKey("calendar_year.year", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(unique=True)
    is_working: Mapped[bool]
    name: Mapped[str] = mapped_column(String(60), default="")


class ReportNarrative(UUIDPk, Base):
    """Editable narrative of a report (summary, problems, next period's plan), saved per period."""

    __tablename__ = "report_narrative"
    __table_args__ = (UniqueConstraint("contract_id", "kind", "period_key"),)

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    period_key: Mapped[str] = mapped_column(String(30))
    summary: Mapped[str] = mapped_column(default="")
    problems: Mapped[str] = mapped_column(default="")
    plan: Mapped[str] = mapped_column(default="")
    updated_at: Mapped[datetime]


class ReportRecord(UUIDPk, Base):
    """An exported report: who, when, which period and format, and the file's SHA-256."""

    __tablename__ = "report_record"

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    period_key: Mapped[str] = mapped_column(String(30))
    period_start: Mapped[date]
    period_end: Mapped[date]
    format: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(1000))
    sha256: Mapped[str] = mapped_column(String(64))
    exported_at: Mapped[datetime]
    exported_by: Mapped[str] = mapped_column(String(60), default="")
