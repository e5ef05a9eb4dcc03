"""Cross-cutting records: audit trail, record numbering, official calendar entries, reports."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models.base import Base, UUIDPk


class AuditEvent(UUIDPk, Base):
    """审计日志: append-only, hash-chained record of who changed what, when and with what outcome.

    ``seq`` numbers the events 1..n without gaps (insertion order, the order that counts; ``at``
    is the system clock, UTC, which can jump); ``utc_offset_minutes`` is the workstation's local
    offset at that instant (480 = UTC+8); ``details`` holds old/new values of edits; ``outcome``
    ``ok`` or ``refused``; ``clock`` ``""``, ``"back"`` or ``"ahead"`` when the clock jumped
    against the previous event.  ``hash`` = SHA-256 over the canonical JSON of the content and
    ``prev_hash`` (``app.services.audit``).  GB/T 22239-2019 8.1.4.3 (audit records protected
    against deletion and alteration).
    """

    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(unique=True)
    at: Mapped[datetime] = mapped_column(index=True)
    utc_offset_minutes: Mapped[int] = mapped_column(default=0)
    actor: Mapped[str] = mapped_column(String(60), default="")
    action: Mapped[str] = mapped_column(String(60))
    entity_kind: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40), default="")
    summary: Mapped[str] = mapped_column(default="")
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    outcome: Mapped[str] = mapped_column(String(20), default="ok")
    clock: Mapped[str] = mapped_column(String(10), default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


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
