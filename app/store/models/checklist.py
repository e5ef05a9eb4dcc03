"""Checklist templates (巡检模板) and their items (巡检项).

Frequencies (``ChecklistTemplate.frequency``): ``twice_daily`` / ``daily`` with named local time
slots in ``slots`` (e.g. ``["09:00", "14:30"]``), ``weekly``, ``monthly``, ``quarterly``,
``ad_hoc``.  Item kinds (``ChecklistItem.kind``): ``check`` (normal/abnormal/n.a.), ``reading``
(number with ``unit`` and normal range ``normal_min``..``normal_max``, either bound optional),
``choice`` (one of ``choices``; those in ``normal_choices`` are normal), ``text``.
Editing an item never changes recorded results: results copy text, unit and range.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.vocab import Frequency, ItemKind, codes
from app.store.models.base import Base, UUIDPk, vocab_check

# Kept for callers that want plain tuples; the vocabularies live in app.core.vocab.
FREQUENCIES = codes(Frequency)
ITEM_KINDS = codes(ItemKind)


class ChecklistTemplate(UUIDPk, Base):
    """巡检模板: the items to check and how often."""

    __tablename__ = "checklist_template"
    __table_args__ = (UniqueConstraint("contract_id", "code"), vocab_check("frequency", FREQUENCIES))

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(200))
    frequency: Mapped[str] = mapped_column(String(20))
    slots: Mapped[list[Any]] = mapped_column(default=list)
    description: Mapped[str] = mapped_column(default="")
    active: Mapped[bool] = mapped_column(default=True)


class ChecklistItem(UUIDPk, Base):
    """巡检项: one check inside a template, optionally tied to a service or an asset."""

    __tablename__ = "checklist_item"
    __table_args__ = (vocab_check("kind", ITEM_KINDS),)

    template_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("checklist_template.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    section: Mapped[str] = mapped_column(String(120), default="")
    text: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20), default="check")
    unit: Mapped[str] = mapped_column(String(30), default="")
    normal_min: Mapped[float | None]
    normal_max: Mapped[float | None]
    choices: Mapped[list[Any]] = mapped_column(default=list)
    normal_choices: Mapped[list[Any]] = mapped_column(default=list)
    service_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service.id", ondelete="SET NULL"))
    asset_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("asset.id", ondelete="SET NULL"))
    active: Mapped[bool] = mapped_column(default=True)
