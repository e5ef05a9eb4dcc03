"""Reads of the asset register for the 资产 page, the CLI and the exports (no Qt, no writes).

The list follows ``app.services.queries.listing``: a filter dataclass, ``query_assets(session,
contract_id, flt, sort_key, descending, offset, limit)`` and ``count_assets(session, contract_id,
flt)``, filtering and sorting in SQL (the Qt model pages them through ``listing.fetch_page``).
``asset_view`` is the detail: fields, addresses, history (newest first), the incidents that name
the asset and the inspections whose results are about it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from app.core.timeutil import local_today
from app.core.vocab import StocktakeResult, codes, label_of
from app.services.asset import ipam
from app.services.asset.register import FIELD_KEYS, subnets
from app.services.ledger import Ledger
from app.services.queries.listing import _contract_cond, _order, _page, _text_clause
from app.store.models import (
    Asset,
    AssetChange,
    ChecklistItem,
    Incident,
    IncidentAsset,
    Inspection,
    InspectionResult,
    IpAddress,
)

WARRANTY_STATES = ("in_warranty", "expiring", "expired", "unknown")
"""Warranty filter codes: covered beyond ``EXPIRING_DAYS``, ending within them, ended, no date."""
EXPIRING_DAYS = 90


@dataclass(frozen=True)
class AssetFilter:
    """What the asset list shows: ``asset_class``/``status`` codes, ``location`` (exact),
    ``warranty`` one of ``WARRANTY_STATES`` (relative to ``today``, default the local date),
    ``text`` over code, name, model, serial, IP, owner, holder and notes."""

    asset_class: str | None = None
    status: str | None = None
    location: str | None = None
    warranty: str | None = None
    text: str = ""
    today: date | None = None


class AssetRow(NamedTuple):
    """One row of the asset list."""

    id: uuid.UUID
    code: str
    name: str
    asset_class: str
    model: str
    serial: str
    quantity: int
    location: str
    status: str
    ip: str
    owner: str
    warranty_end: date | None


ASSET_SORT_KEYS = ("code", "name", "asset_class", "model", "serial", "quantity", "location", "status", "ip",
                   "owner", "warranty_end")


def _conds(contract_id: uuid.UUID, flt: AssetFilter, paging: bool = False) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [_contract_cond(Asset.contract_id, contract_id, paging)]
    if flt.asset_class:
        conds.append(Asset.asset_class == flt.asset_class)
    if flt.status:
        conds.append(Asset.status == flt.status)
    if flt.location:
        conds.append(Asset.location == flt.location)
    if flt.warranty:
        today = flt.today or local_today()
        soon = today + timedelta(days=EXPIRING_DAYS)
        conds.append({
            "unknown": Asset.warranty_end.is_(None),
            "expired": Asset.warranty_end < today,
            "expiring": (Asset.warranty_end >= today) & (Asset.warranty_end <= soon),
            "in_warranty": Asset.warranty_end > soon,
        }[flt.warranty])
    text = _text_clause(flt.text, [Asset.code, Asset.name, Asset.model, Asset.serial, Asset.ip, Asset.owner,
                                   Asset.holder, Asset.notes, Asset.location])
    if text is not None:
        conds.append(text)
    return conds


def query_assets(session: Session, contract_id: uuid.UUID, flt: AssetFilter | None = None,
                 sort_key: str = "code", descending: bool = False, offset: int = 0,
                 limit: int | None = 200) -> list[AssetRow]:
    """One page of the register as ``AssetRow``s (sort keys: ``ASSET_SORT_KEYS``)."""
    flt = flt or AssetFilter()
    cols = {k: getattr(Asset, k) for k in ASSET_SORT_KEYS}
    stmt = select(*(getattr(Asset, k) for k in AssetRow._fields)).where(*_conds(contract_id, flt, paging=True))
    stmt = _page(_order(stmt, cols, sort_key, descending, Asset.id), offset, limit)
    return [AssetRow(*r) for r in session.execute(stmt)]


def count_assets(session: Session, contract_id: uuid.UUID, flt: AssetFilter | None = None) -> int:
    """How many assets match ``flt``."""
    conds = _conds(contract_id, flt or AssetFilter())
    return int(session.execute(select(func.count()).select_from(Asset).where(*conds)).scalar_one())


def locations(ledger: Ledger, contract_id: uuid.UUID | None) -> list[str]:
    """The distinct non-empty locations of the contract's assets, sorted."""
    if contract_id is None:
        return []
    with ledger.session() as s:
        return list(s.scalars(select(Asset.location).where(Asset.contract_id == contract_id, Asset.location != "")
                              .distinct().order_by(Asset.location)))


class ChangeLine(NamedTuple):
    """One history entry of an asset."""

    at: datetime
    actor: str
    field: str
    old: str
    new: str


class LinkedIncident(NamedTuple):
    """An incident naming the asset."""

    id: uuid.UUID
    number: str
    title: str
    status: str
    occurred_at: datetime


class LinkedInspection(NamedTuple):
    """An inspection with results about the asset (``abnormal`` of them abnormal)."""

    id: uuid.UUID
    number: str
    template_name: str
    due_date: date
    items: int
    abnormal: int


def _shown_change(line: ChangeLine) -> ChangeLine:
    """A ``stocktake`` entry with its result as the user reads it (``位置变动 备件库``)."""
    if line.field != "stocktake":
        return line
    code, _tab, where = line.new.partition("\t")
    shown = label_of(StocktakeResult, code) if code in codes(StocktakeResult) else code
    return line._replace(new=f"{shown} {where}".strip())


@dataclass(frozen=True)
class AssetView:
    """The asset detail: ``values`` by field key (stored values), history newest first, linked
    incidents (newest first), inspections (newest first), checklist items naming it."""

    id: uuid.UUID
    contract_id: uuid.UUID
    values: dict[str, Any]
    history: tuple[ChangeLine, ...] = ()
    incidents: tuple[LinkedIncident, ...] = ()
    inspections: tuple[LinkedInspection, ...] = ()
    checklist_items: tuple[str, ...] = field(default_factory=tuple)


def asset_view(ledger: Ledger, asset_id: uuid.UUID) -> AssetView | None:
    """The detail of ``asset_id`` in one read transaction; ``None`` if it is gone."""
    with ledger.session() as s:
        a = s.get(Asset, asset_id)
        if a is None:
            return None
        history = tuple(_shown_change(ChangeLine(*r)) for r in s.execute(
            select(AssetChange.at, AssetChange.actor, AssetChange.field, AssetChange.old, AssetChange.new)
            .where(AssetChange.asset_id == a.id).order_by(AssetChange.at.desc(), AssetChange.id)))
        incidents = tuple(LinkedIncident(*r) for r in s.execute(
            select(Incident.id, Incident.number, Incident.title, Incident.status, Incident.occurred_at)
            .join(IncidentAsset, IncidentAsset.incident_id == Incident.id)
            .where(IncidentAsset.asset_id == a.id).order_by(Incident.occurred_at.desc())))
        abnormal = func.sum(case((InspectionResult.outcome == "abnormal", 1), else_=0))
        inspections = tuple(LinkedInspection(r[0], r[1], r[2], r[3], int(r[4]), int(r[5] or 0)) for r in s.execute(
            select(Inspection.id, Inspection.number, Inspection.template_name, Inspection.due_date,
                   func.count(InspectionResult.id), abnormal)
            .join(InspectionResult, InspectionResult.inspection_id == Inspection.id)
            .where(InspectionResult.asset_id == a.id)
            .group_by(Inspection.id, Inspection.number, Inspection.template_name, Inspection.due_date)
            .order_by(Inspection.due_date.desc()).limit(200)))
        items = tuple(s.scalars(select(ChecklistItem.text).where(ChecklistItem.asset_id == a.id)))
        return AssetView(a.id, a.contract_id, {k: getattr(a, k) for k in FIELD_KEYS}, history, incidents,
                         inspections, items)


# ---------------------------------------------------------------------------- subnets


def subnet_usage(ledger: Ledger, contract_id: uuid.UUID | None) -> list[ipam.Usage]:
    """The free/used view of every declared subnet of the contract, in site and address order."""
    if contract_id is None:
        return []
    with ledger.session() as s:
        out = []
        for sub in sorted(subnets(s, contract_id), key=lambda x: (x.site, x.network.version, x.network)):
            used = s.execute(select(IpAddress.address, Asset.code, Asset.name)
                             .join(Asset, Asset.id == IpAddress.asset_id).where(IpAddress.subnet_id == sub.id)).all()
            out.append(ipam.usage(sub, [(str(a), str(c), str(n)) for a, c, n in used]))
        return out


def checklist_items(ledger: Ledger, contract_id: uuid.UUID | None) -> list[tuple[uuid.UUID, str]]:
    """``(item id, "checklist / section / item")`` of the contract's active checklist items, for
    pointing an item at an asset."""
    from app.store.models import ChecklistTemplate  # noqa: PLC0415

    if contract_id is None:
        return []
    with ledger.session() as s:
        rows = s.execute(select(ChecklistItem.id, ChecklistTemplate.name, ChecklistItem.section, ChecklistItem.text)
                         .join(ChecklistTemplate, ChecklistTemplate.id == ChecklistItem.template_id)
                         .where(ChecklistTemplate.contract_id == contract_id, ChecklistItem.active.is_(True))
                         .order_by(ChecklistTemplate.name, ChecklistItem.position)).all()
    return [(i, " / ".join(p for p in (t, sec, text) if p)) for i, t, sec, text in rows]


def asset_id_by_code(ledger: Ledger, contract_id: uuid.UUID, code: str) -> uuid.UUID | None:
    """The id of the contract's asset with ``code`` (case-insensitive), or ``None``."""
    with ledger.session() as s:
        return s.scalars(select(Asset.id).where(Asset.contract_id == contract_id,
                                                func.lower(Asset.code) == code.strip().lower())).first()


def asset_refs(ledger: Ledger, asset_ids: tuple[uuid.UUID, ...] | list[uuid.UUID]) -> list[tuple[uuid.UUID, str]]:
    """``(id, "code name")`` of the given assets in code order (the incident detail links its
    assets to their page in the register)."""
    if not asset_ids:
        return []
    with ledger.session() as s:
        return [(i, f"{c} {n}") for i, c, n in s.execute(
            select(Asset.id, Asset.code, Asset.name).where(Asset.id.in_(list(asset_ids))).order_by(Asset.code))]
