"""The contract aggregate: a service agreement with its services, assets and engineers.

``Asset`` lives in ``app/store/models/asset.py`` (the asset register) and is re-exported here.

The validated profile (see ``resources/schemas/contract-profile.schema.json``) is kept whole in
``Contract.profile`` so that severity levels, KPI targets, request categories and report schedules
stay data; columns hold what lists and joins need.  Read it as the typed object through
``app.core.profile.profile_of(contract)`` (never as a raw dict).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.vocab import EngineerRole, codes
from app.store.models.asset import Asset
from app.store.models.base import Base, UUIDPk, vocab_check


class Contract(UUIDPk, Base):
    """合同: one service agreement (client, provider, term, service hours, targets).

    ``name`` is the short unique key used on the CLI (e.g. ``pinggu-court-2026``).
    ``term_start``/``term_end`` are local calendar dates, both inclusive.
    ``ledger_start`` (启用日期) is the local date OpsLedger began keeping this contract's ledger:
    no inspection slot before it is due or missed and reports count nothing before it
    (``None`` on databases made before the column existed: then the term start is used).
    """

    __tablename__ = "contract"

    name: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    client: Mapped[str] = mapped_column(String(200))
    provider: Mapped[str] = mapped_column(String(200))
    term_start: Mapped[date]
    term_end: Mapped[date]
    ledger_start: Mapped[date | None] = mapped_column(default=None)
    profile_version: Mapped[int] = mapped_column(default=1)
    profile: Mapped[dict[str, Any]]  # the validated profile; read via app.core.profile.profile_of
    imported_at: Mapped[datetime]

    @property
    def effective_ledger_start(self) -> date:
        """启用日期 as the rules use it: ``ledger_start``, else the term start."""
        return self.ledger_start or self.term_start


class Service(UUIDPk, Base):
    """业务系统: a business application whose availability is measured."""

    __tablename__ = "service"
    __table_args__ = (UniqueConstraint("contract_id", "code"),)

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(200))
    calendar: Mapped[str] = mapped_column(String(60), default="")
    availability_target_pct: Mapped[float | None]
    active: Mapped[bool] = mapped_column(default=True)


class Engineer(UUIDPk, Base):
    """驻场工程师: a resident engineer; ``role`` is ``"engineer"`` or ``"lead"``."""

    __tablename__ = "engineer"
    __table_args__ = (UniqueConstraint("contract_id", "name"), vocab_check("role", codes(EngineerRole)))

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(20), default="engineer")
    phone: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(default=True)


__all__ = ["Asset", "Contract", "Engineer", "Service"]
