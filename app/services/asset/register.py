"""The asset register's rules, in a session: field values, codes, addresses and the history.

- ``FIELDS``: every editable field of an asset with its kind (``text``, ``int``, ``date``,
  ``enum:<vocab>``, ``ip``); forms, the importer and the exports use this one list.
- ``normalise(values)``: plain values → stored values, raising ``ValidationError(field, …)``:
  name required; class/status by code or label (``app.core.vocab.parse``); quantity a whole
  number ≥ 1; dates ``date`` objects or the text forms the importers accept
  (``import_cells.parse_datetime_text``); texts fit their column.
- Codes: ``next_code`` issues the next code of the contract's scheme (``code_scheme`` setting,
  default ``DEFAULT_SCHEME`` = ``"{class}-{yyyy}-{seq:04d}"``, e.g. ``SRV-2026-0007``); the
  sequence is ``app.services.numbering`` per class prefix and year.
- ``write(session, asset, values, actor)`` sets the fields and keeps one ``AssetChange`` per
  changed field (old and new as text); addresses are checked by ``ipam.place_addresses`` against
  the declared subnets and other assets' addresses, and stored as ``IpAddress`` rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import N_
from app.core.timeutil import local_today, utcnow
from app.core.vocab import AssetClass, AssetStatus, parse
from app.errors import ValidationError
from app.services.asset import ipam
from app.services.numbering import next_number
from app.services.transfer.import_cells import parse_datetime_text
from app.store.models import Asset, AssetChange, AssetSetting, IpAddress, Subnet


@dataclass(frozen=True)
class Field:
    """One asset field: attribute ``key`` and its ``kind``."""

    key: str
    kind: str = "text"


FIELDS: tuple[Field, ...] = (
    Field("code"), Field("name"), Field("asset_class", "enum:class"), Field("model"), Field("serial"),
    Field("quantity", "int"), Field("location"), Field("rack"), Field("owner"), Field("status", "enum:status"),
    Field("purchase_date", "date"), Field("warranty_end", "date"), Field("maintenance_end", "date"),
    Field("maintenance_vendor"), Field("maintenance_contact"), Field("ip", "ip"), Field("imei"),
    Field("holder"), Field("phone"), Field("notes"),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)
KIND = {f.key: f.kind for f in FIELDS}
MOBILE_FIELDS = ("imei", "holder", "phone")
DEFAULT_SCHEME = "{class}-{yyyy}-{seq:04d}"
CLASS_PREFIX = {
    "server": "SRV", "network": "NET", "storage": "STO", "security": "SEC", "terminal": "TRM",
    "mobile_terminal": "MOB", "printer": "PRN", "machine_room": "MR", "video_conference": "VC", "other": "AST",
}


def parse_date(key: str, value: Any) -> date | None:
    """A date from a ``date``/``datetime`` or an accepted text form; ``None`` for empty.
    Raises ``ValidationError(key)`` for any other text."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = parse_datetime_text(str(value))
    if parsed is None:
        raise ValidationError(key, N_("“{value}” is not a date; use 2024-05-01, 2024/5/1 or 2024年5月1日"),
                              value=str(value)[:40])
    return parsed.date()


def _limit(key: str) -> int | None:
    col = Asset.__table__.c.get(key)
    return getattr(col.type, "length", None) if col is not None else None


def normalise(values: Mapping[str, Any]) -> dict[str, Any]:
    """Stored values of the given fields (only those given); see the module doc for the rules."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        kind = KIND.get(key)
        if kind is None:
            raise ValueError(f"unknown asset field {key!r}")
        if kind == "date":
            out[key] = parse_date(key, value)
        elif kind == "int":
            try:
                n = int(str(value).strip() or "1") if not isinstance(value, int) else value
            except ValueError:
                raise ValidationError(key, N_("“{value}” is not a whole number"), value=str(value)[:40]) from None
            if n < 1:
                raise ValidationError(key, N_("{field} must be at least 1"))
            out[key] = n
        elif kind.startswith("enum:"):
            enum = AssetClass if kind == "enum:class" else AssetStatus
            member = parse(enum, str(value or ""))
            if member is None:
                raise ValidationError(key, N_("unknown value “{value}”"), value=str(value)[:40])
            out[key] = member.value
        else:
            text = str(value if value is not None else "").strip() if key != "notes" else str(value or "")
            limit = _limit(key)
            if limit and len(text) > limit:
                raise ValidationError(key, N_("too long: {count} characters (at most {limit})"),
                                      count=len(text), limit=limit)
            out[key] = text
    if "name" in out and not out["name"]:
        raise ValidationError("name", N_("{field} is required"))
    return out


def shown(value: Any) -> str:
    """A stored value as history text (``""`` for none; dates ISO)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# ---------------------------------------------------------------------------- codes


def setting(session: Session, contract_id: uuid.UUID, key: str) -> dict[str, Any] | None:
    """The register setting ``key`` of the contract, or ``None``."""
    row = session.scalars(select(AssetSetting).where(AssetSetting.contract_id == contract_id,
                                                     AssetSetting.key == key)).first()
    return dict(row.value) if row is not None else None


def put_setting(session: Session, contract_id: uuid.UUID, key: str, value: dict[str, Any]) -> None:
    """Store the register setting ``key`` (insert or replace)."""
    row = session.scalars(select(AssetSetting).where(AssetSetting.contract_id == contract_id,
                                                     AssetSetting.key == key)).first()
    if row is None:
        session.add(AssetSetting(contract_id=contract_id, key=key, value=value))
    else:
        row.value = value


def next_code(session: Session, contract_id: uuid.UUID, asset_class: str, today: date | None = None) -> str:
    """The next free code of the contract's scheme for ``asset_class`` (``{class}`` prefix,
    ``{yyyy}`` local year, ``{seq}`` counter per prefix and year); codes already taken (e.g.
    imported) are skipped.  A scheme with an unknown placeholder raises ``ValidationError("code")``."""
    scheme = (setting(session, contract_id, "code_scheme") or {}).get("scheme") or DEFAULT_SCHEME
    year = (today or local_today()).year
    prefix = CLASS_PREFIX.get(asset_class, "AST")
    while True:
        seq = int(next_number(session, prefix, year).rsplit("-", 1)[1])
        try:
            code = scheme.format(**{"class": prefix, "yyyy": year, "seq": seq})
        except (KeyError, IndexError, ValueError):
            raise ValidationError("code", N_("the code scheme “{scheme}” may use {{class}}, {{yyyy}} and {{seq}} only"),
                                  scheme=scheme) from None
        if not code_taken(session, contract_id, code):
            return code


def code_taken(session: Session, contract_id: uuid.UUID, code: str, but: uuid.UUID | None = None) -> bool:
    """Whether another asset of the contract has ``code`` (case-insensitive)."""
    stmt = select(Asset.id).where(Asset.contract_id == contract_id, Asset.code.ilike(code))
    if but is not None:
        stmt = stmt.where(Asset.id != but)
    return session.scalars(stmt).first() is not None


# ---------------------------------------------------------------------------- addresses


def subnets(session: Session, contract_id: uuid.UUID) -> list[ipam.SubnetInfo]:
    """The contract's declared subnets."""
    return [ipam.SubnetInfo(s.id, ipam.parse_network(s.cidr), s.site, s.vlan, s.name)
            for s in session.scalars(select(Subnet).where(Subnet.contract_id == contract_id))]


def taken_addresses(session: Session, contract_id: uuid.UUID) -> dict[tuple[uuid.UUID, str], tuple[uuid.UUID, str]]:
    """``(subnet id, address)`` → ``(asset id, asset code)`` of every stored address."""
    rows = session.execute(
        select(IpAddress.subnet_id, IpAddress.address, Asset.id, Asset.code)
        .join(Asset, Asset.id == IpAddress.asset_id).where(Asset.contract_id == contract_id))
    return {(sid, addr): (aid, code) for sid, addr, aid, code in rows}


def check_ip(session: Session, contract_id: uuid.UUID, text: str, asset_id: uuid.UUID | None) -> list[tuple[ipam.SubnetInfo, str]]:
    """Place the addresses of ``text`` for asset ``asset_id`` (None: a new one); see ``ipam``."""
    return ipam.place_addresses(text, subnets(session, contract_id), taken_addresses(session, contract_id), asset_id)


def _store_addresses(session: Session, asset: Asset, placed: list[tuple[ipam.SubnetInfo, str]], new: bool) -> None:
    if not new:
        for row in session.scalars(select(IpAddress).where(IpAddress.asset_id == asset.id)):
            session.delete(row)
        session.flush()
    for sub, addr in placed:
        session.add(IpAddress(subnet_id=sub.id, asset_id=asset.id, address=addr))


# ---------------------------------------------------------------------------- writing


def write(session: Session, asset: Asset, values: Mapping[str, Any], actor: str,
          placed: list[tuple[ipam.SubnetInfo, str]] | None = None, checked: bool = False) -> dict[str, tuple[str, str]]:
    """Set ``values`` (already ``normalise``d) on ``asset``, keep the history; returns
    ``{field: (old, new)}`` of what changed.  ``placed`` are the checked addresses when ``ip`` is
    among the values (checked here otherwise); ``checked`` says the code was checked in this
    transaction already (the import's simulation).  A new asset (no id yet) gets one ``created``
    entry."""
    new = asset.id is None
    if new:
        asset.id = uuid.uuid4()
        session.add(asset)
    if not checked and "code" in values and code_taken(session, asset.contract_id, values["code"], but=asset.id):
        raise ValidationError("code", N_("asset code {code} is already in the register"), code=values["code"])
    if "ip" in values and placed is None:
        placed = check_ip(session, asset.contract_id, values["ip"], asset.id)
    changed: dict[str, tuple[str, str]] = {}
    for key, value in values.items():
        old = shown(getattr(asset, key, None)) if not new else ""
        if new or old != shown(value):
            setattr(asset, key, value)
            if old != shown(value):
                changed[key] = (old, shown(value))
    if placed is not None and "ip" in values:
        asset.ip = ", ".join(addr for _sub, addr in placed)
        if not new:
            session.flush()
        _store_addresses(session, asset, placed, new)
    _keep_history(session, asset, new, changed, actor)
    return changed


def _keep_history(session: Session, asset: Asset, new: bool, changed: Mapping[str, tuple[str, str]],
                  actor: str) -> None:
    """The one history rule: a new asset gets a ``created`` entry, a registered one an entry per
    changed field; ``updated_at`` is set."""
    now = utcnow()
    asset.updated_at = now
    if new:
        session.add(AssetChange(asset_id=asset.id, at=now, actor=actor, field="created", old="", new=asset.code))
    else:
        for key, (old, value) in changed.items():
            session.add(AssetChange(asset_id=asset.id, at=now, actor=actor, field=key, old=old, new=value))


PROFILE_FIELDS = ("name", "kind", "model", "location", "ip")
"""The asset fields a contract profile declares (``assets:`` entries besides ``code``)."""


def keep_profile_values(session: Session, asset: Asset, values: Mapping[str, str], actor: str) -> dict[str, tuple[str, str]]:
    """Set the profile's ``values`` (``PROFILE_FIELDS`` → text) on ``asset`` — new (no id yet) or
    registered — keeping the history as ``write`` does (a ``created`` entry, or one entry per
    changed field with ``actor``), so re-importing a profile never rewrites an asset unseen.
    Returns ``{field: (old, new)}``.  The addresses stay display text: a profile is imported
    before any subnet is declared, so they are not placed in the IPAM (``ip`` is checked when
    the asset is next edited)."""
    new = asset.id is None
    if new:
        asset.id = uuid.uuid4()
        session.add(asset)
    changed: dict[str, tuple[str, str]] = {}
    for key in PROFILE_FIELDS:
        if key not in values:
            continue
        value = str(values[key] or "")
        old = "" if new else shown(getattr(asset, key, None))
        if new or old != value:
            setattr(asset, key, value)
            if old != value:
                changed[key] = (old, value)
    if new or changed:
        _keep_history(session, asset, new, changed, actor)
    return changed
