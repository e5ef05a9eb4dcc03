"""报告提交 / 验收: the delivery of one owed report of one period to the client.

One row per handing-over (``version`` 1, 2 … when a report is handed over again after the client
asked for changes).  ``submitted_at``/``accepted_at`` are UTC instants; ``submitted_by`` the
engineer who handed it over, ``submitted_to`` the client's recipient, ``accepted_by`` who signed it
off on the client side.  ``report_record_id`` links the exported file (``ReportRecord``) when the
report was exported from OpsLedger.  The workflow lives in ``app.services.delivery``.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models.base import Base, UUIDPk


class ReportDelivery(UUIDPk, Base):
    """A report of ``kind`` for the period ``period_key`` (``period_start``–``period_end`` local,
    inclusive) handed over to the client (and, once signed off, accepted)."""

    __tablename__ = "report_delivery"
    __table_args__ = (UniqueConstraint("contract_id", "kind", "period_key", "version",
                                       name="uq_report_delivery_version"),)

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    period_key: Mapped[str] = mapped_column(String(30))
    period_start: Mapped[date]
    period_end: Mapped[date]
    version: Mapped[int] = mapped_column(default=1)
    submitted_at: Mapped[datetime]
    submitted_by: Mapped[str] = mapped_column(String(60), default="")
    submitted_to: Mapped[str] = mapped_column(String(60), default="")
    accepted_at: Mapped[datetime | None] = mapped_column(default=None)
    accepted_by: Mapped[str] = mapped_column(String(60), default="")
    notes: Mapped[str] = mapped_column(default="")
    report_record_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("report_record.id", ondelete="SET NULL"), default=None)
