"""The asset register (资产台账): assets with their change history, subnets and addresses (IPAM),
stocktakes (盘点) and the register's own settings (code scheme, saved import mappings).

- ``Asset`` is the configuration item incidents (``IncidentAsset``) and checklist items point at;
  a contract profile may list assets too (``services/contract/profiles.py`` fills code, name,
  kind, model, location, ip).  ``quantity`` > 1 is a line item counted, not tagged (e.g. 30
  terminals).  ``ip`` is the display text of the asset's addresses; the addresses themselves are
  ``IpAddress`` rows, unique per subnet.
- ``AssetChange`` keeps every change of a field: old and new value as text, who, when.
- ``Subnet``: an IP network of a site/VLAN; ``IpAddress``: one address of an asset inside one.
- ``Stocktake`` / ``StocktakeLine``: walking the register of one location; each line says what
  was found (``app.core.vocab.StocktakeResult``).
- ``AssetSetting``: per-contract key → JSON value (``code_scheme``, ``mapping:<pattern>``).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.vocab import AssetClass, AssetStatus, StocktakeResult, codes
from app.store.models.base import Base, UUIDPk, vocab_check


class Asset(UUIDPk, Base):
    """资产 / 配置项: a server, switch, UPS, air conditioner, terminal …

    Dates are local calendar dates (``warranty_end``/``maintenance_end`` inclusive: the last day
    covered).  ``imei``/``holder``/``phone`` are the fields of the ``mobile_terminal`` class.
    """

    __tablename__ = "asset"
    __table_args__ = (
        UniqueConstraint("contract_id", "code"),
        vocab_check("status", codes(AssetStatus)),
        vocab_check("asset_class", codes(AssetClass)),
    )

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(60), default="")
    model: Mapped[str] = mapped_column(String(120), default="")
    location: Mapped[str] = mapped_column(String(120), default="")
    ip: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(30), default="in_service")
    asset_class: Mapped[str] = mapped_column(String(30), default="other", server_default="other")
    serial: Mapped[str] = mapped_column(String(120), default="", server_default="")
    quantity: Mapped[int] = mapped_column(default=1, server_default="1")
    rack: Mapped[str] = mapped_column(String(60), default="", server_default="")
    owner: Mapped[str] = mapped_column(String(120), default="", server_default="")
    purchase_date: Mapped[date | None] = mapped_column(default=None)
    warranty_end: Mapped[date | None] = mapped_column(default=None)
    maintenance_end: Mapped[date | None] = mapped_column(default=None)
    maintenance_vendor: Mapped[str] = mapped_column(String(200), default="", server_default="")
    maintenance_contact: Mapped[str] = mapped_column(String(120), default="", server_default="")
    imei: Mapped[str] = mapped_column(String(40), default="", server_default="")
    holder: Mapped[str] = mapped_column(String(60), default="", server_default="")
    phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    notes: Mapped[str] = mapped_column(default="", server_default="")
    updated_at: Mapped[datetime | None] = mapped_column(default=None)


class AssetChange(UUIDPk, Base):
    """One change of one asset field: ``field`` (attribute name, ``"created"`` for the creation),
    ``old``/``new`` as text, ``actor``, ``at`` (aware UTC)."""

    __tablename__ = "asset_change"

    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("asset.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(60), default="")
    field: Mapped[str] = mapped_column(String(60))
    old: Mapped[str] = mapped_column(default="")
    new: Mapped[str] = mapped_column(default="")


class Subnet(UUIDPk, Base):
    """网段: an IP network (``cidr`` in normal form, e.g. ``10.1.1.0/24``) of a site / VLAN."""

    __tablename__ = "subnet"
    __table_args__ = (UniqueConstraint("contract_id", "site", "cidr"),)

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    cidr: Mapped[str] = mapped_column(String(60))
    site: Mapped[str] = mapped_column(String(120), default="")
    vlan: Mapped[str] = mapped_column(String(30), default="")
    name: Mapped[str] = mapped_column(String(120), default="")


class IpAddress(UUIDPk, Base):
    """One address of an asset inside a declared subnet; an address is unique per subnet."""

    __tablename__ = "ip_address"
    __table_args__ = (UniqueConstraint("subnet_id", "address"),)

    subnet_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("subnet.id", ondelete="CASCADE"), index=True)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("asset.id", ondelete="CASCADE"), index=True)
    address: Mapped[str] = mapped_column(String(60))


class Stocktake(UUIDPk, Base):
    """盘点 of one location: started, walked line by line, finished (``finished_at`` set)."""

    __tablename__ = "stocktake"

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    location: Mapped[str] = mapped_column(String(120))
    started_at: Mapped[datetime]
    started_by: Mapped[str] = mapped_column(String(60), default="")
    finished_at: Mapped[datetime | None] = mapped_column(default=None)


class StocktakeLine(UUIDPk, Base):
    """One line of a stocktake: a registered asset of the location (``asset_id``) or an item
    found but not registered (``asset_id`` None, ``description``).  ``result`` is ``None`` while
    not yet seen; ``moved_to`` the location it was found at when ``moved``."""

    __tablename__ = "stocktake_line"
    __table_args__ = (vocab_check("result", codes(StocktakeResult)),)

    stocktake_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stocktake.id", ondelete="CASCADE"), index=True)
    asset_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("asset.id", ondelete="SET NULL"))
    result: Mapped[str | None] = mapped_column(String(20), default=None)
    moved_to: Mapped[str] = mapped_column(String(120), default="")
    description: Mapped[str] = mapped_column(default="")
    at: Mapped[datetime | None] = mapped_column(default=None)
    actor: Mapped[str] = mapped_column(String(60), default="")


class AssetSetting(UUIDPk, Base):
    """A register setting of a contract: ``key`` → JSON ``value`` (``code_scheme``,
    ``mapping:<file-name pattern>``)."""

    __tablename__ = "asset_setting"
    __table_args__ = (UniqueConstraint("contract_id", "key"),)

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(200))
    value: Mapped[dict[str, Any]]
