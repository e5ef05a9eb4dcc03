"""The asset register's user actions (资产): one function per thing an engineer does.

Each takes the ledger, ids and plain values, runs in ONE transaction of its own, writes its audit
event (``app.services.audit.record``) in it and returns ``Outcome(value, Changes.of("asset"))``.
A refusal raises ``ValidationError`` naming the field (or ``ImportRejected`` naming every row,
column and value) and nothing is written.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.core.fields import label as field_label
from app.core.i18n import N_, _
from app.core.timeutil import utcnow
from app.errors import ImportRejected, NotFoundError, ValidationError
from app.services import attachments as attachment_rules
from app.services import audit
from app.services.asset import attachments, importer, ipam, register
from app.services.changes import Changes, Outcome
from app.services.ledger import Ledger
from app.store.models import Asset, AssetChange, ChecklistItem, Contract, IpAddress, Subnet


def _changed(*ids: uuid.UUID) -> Changes:
    return Changes.of("asset", ids=ids)


def _contract(s: Any, contract_id: uuid.UUID | None) -> Contract:
    contract = s.get(Contract, contract_id) if contract_id is not None else None
    if contract is None:
        raise NotFoundError(N_("No contract is loaded; load a contract profile first."))
    return contract


def _asset(s: Any, asset_id: uuid.UUID) -> Asset:
    asset = s.get(Asset, asset_id)
    if asset is None:
        raise NotFoundError(N_("no asset with id {asset_id}"), asset_id=asset_id)
    return asset


def create_asset(ledger: Ledger, contract_id: uuid.UUID | None, *, actor: str,
                 values: Mapping[str, Any]) -> Outcome[uuid.UUID]:
    """Register a new asset from ``values`` (field key → plain value, see ``register.FIELDS``);
    without a code the next one of the contract's scheme is issued.  Value: its id.  Errors:
    ``register.normalise`` / ``register.write`` (name required, duplicate code, IP rules)."""
    with ledger.session() as s:
        contract = _contract(s, contract_id)
        vals = register.normalise({"name": "", **values})
        if not vals.get("code"):
            vals["code"] = register.next_code(s, contract.id, vals.get("asset_class", "other"))
        asset = Asset(contract_id=contract.id, code=vals["code"], name=vals["name"])
        register.write(s, asset, vals, actor)
        audit.record(s, actor=actor, action="asset.create", entity_kind="asset", entity_id=asset.id,
                     summary=f"{asset.code} {asset.name}")
        return Outcome(asset.id, _changed(asset.id))


def edit_asset(ledger: Ledger, asset_id: uuid.UUID, *, actor: str, values: Mapping[str, Any]) -> Outcome[dict[str, tuple[str, str]]]:
    """Change the given fields of an asset; every changed field goes into its history.  Value:
    ``{field: (old, new)}`` (empty when nothing changed).  Errors as ``create_asset``."""
    with ledger.session() as s:
        asset = _asset(s, asset_id)
        vals = register.normalise(values)
        if "code" in vals and not vals["code"]:
            raise ValidationError("code", N_("{field} is required"))
        changed = register.write(s, asset, vals, actor)
        if changed:
            audit.record(s, actor=actor, action="asset.edit", entity_kind="asset", entity_id=asset.id,
                         summary=_("{number}: {fields}", number=asset.code, fields=_(", ").join(field_label(c) for c in changed)),
                         details={k: list(v) for k, v in changed.items()})
        return Outcome(changed, _changed(asset.id) if changed else Changes())


def set_code_scheme(ledger: Ledger, contract_id: uuid.UUID | None, *, actor: str, scheme: str) -> Outcome[str]:
    """Set the contract's asset code scheme (``{class}``, ``{yyyy}``, ``{seq:04d}``); a scheme
    that does not format raises ``ValidationError("code")``."""
    try:
        scheme.format(**{"class": "SRV", "yyyy": 2026, "seq": 1})
    except (KeyError, IndexError, ValueError):
        raise ValidationError("code", N_("the code scheme “{scheme}” may use {{class}}, {{yyyy}} and {{seq}} only"),
                              scheme=scheme) from None
    with ledger.session() as s:
        contract = _contract(s, contract_id)
        register.put_setting(s, contract.id, "code_scheme", {"scheme": scheme})
        audit.record(s, actor=actor, action="asset.code_scheme", entity_kind="contract", entity_id=contract.id,
                     summary=scheme)
        return Outcome(scheme, Changes.of("asset", "settings"))


def link_checklist_item(ledger: Ledger, item_id: uuid.UUID, asset_id: uuid.UUID | None, *,
                        actor: str) -> Outcome[uuid.UUID]:
    """Point a checklist item (巡检项) at an asset (``None``: at none); later inspections of the
    item are about it.  The history of the asset it leaves and of the one it points at each get a
    ``checklist_items`` entry naming the item.  Errors: ``NotFoundError``; ``ValidationError("asset_id")`` for an asset
    of another contract."""
    from app.store.models import ChecklistTemplate  # noqa: PLC0415

    with ledger.session() as s:
        item = s.get(ChecklistItem, item_id)
        if item is None:
            raise NotFoundError(N_("no checklist item with id {item_id}"), item_id=item_id)
        tpl = s.get(ChecklistTemplate, item.template_id)
        if asset_id is not None:
            asset = _asset(s, asset_id)
            if tpl is None or asset.contract_id != tpl.contract_id:
                raise ValidationError("asset_id", N_("the asset belongs to another contract"))
        if item.asset_id != asset_id:  # both assets' histories say which item came and went
            now = utcnow()
            label = (tpl.name + " / " if tpl is not None else "") + item.text
            if item.asset_id is not None:
                s.add(AssetChange(asset_id=item.asset_id, at=now, actor=actor, field="checklist_items",
                                  old=label, new=""))
            if asset_id is not None:
                s.add(AssetChange(asset_id=asset_id, at=now, actor=actor, field="checklist_items",
                                  old="", new=label))
        item.asset_id = asset_id
        audit.record(s, actor=actor, action="asset.checklist_item", entity_kind="checklist_item",
                     entity_id=item.id, summary=item.text, details={"asset_id": str(asset_id or "")})
        return Outcome(item.id, Changes.of("asset", "inspection"))


# ---------------------------------------------------------------------------- subnets


def add_subnet(ledger: Ledger, contract_id: uuid.UUID | None, *, actor: str, cidr: str, site: str = "",
               vlan: str = "", name: str = "") -> Outcome[uuid.UUID]:
    """Declare a subnet (``10.1.1.0/24``) of a site/VLAN.  Errors: ``ValidationError("cidr")`` for
    a non-network, host bits set, or an overlap with a subnet of the same site."""
    net = ipam.parse_network(cidr)
    with ledger.session() as s:
        contract = _contract(s, contract_id)
        ipam.check_new_subnet(net, site.strip(), register.subnets(s, contract.id))
        row = Subnet(contract_id=contract.id, cidr=str(net), site=site.strip(), vlan=vlan.strip(), name=name.strip())
        s.add(row)
        s.flush()
        audit.record(s, actor=actor, action="asset.subnet_add", entity_kind="subnet", entity_id=row.id,
                     summary=f"{net} {site} {vlan}".strip())
        return Outcome(row.id, Changes.of("asset"))


def remove_subnet(ledger: Ledger, subnet_id: uuid.UUID, *, actor: str) -> Outcome[uuid.UUID]:
    """Remove a subnet that holds no address; ``ValidationError("cidr")`` while one is used."""
    with ledger.session() as s:
        row = s.get(Subnet, subnet_id)
        if row is None:
            raise NotFoundError(N_("no subnet with id {subnet_id}"), subnet_id=subnet_id)
        used = s.scalars(select(IpAddress.address).where(IpAddress.subnet_id == row.id)).all()
        if used:
            raise ValidationError("cidr", N_("{cidr} still holds {count} address(es); change those assets first"),
                                  cidr=row.cidr, count=len(used))
        s.delete(row)
        audit.record(s, actor=actor, action="asset.subnet_remove", entity_kind="subnet", entity_id=subnet_id,
                     summary=row.cidr)
        return Outcome(subnet_id, Changes.of("asset"))


# ---------------------------------------------------------------------------- import


@dataclass(frozen=True)
class ImportSummary:
    """What an applied import did: counts per action, the backup file (``None`` on a server
    ledger, backed up by its server), the codes created and updated."""

    created: int
    updated: int
    unchanged: int
    backup: Path | None
    codes: tuple[str, ...] = ()


def simulate_import(ledger: Ledger, contract_id: uuid.UUID, path: str | Path,
                    mapping: Mapping[str, str | None] | None = None, key: str = "code") -> importer.Simulation:
    """Read and simulate ``path`` (reads only).  ``mapping`` defaults to the saved mapping of the
    source, else the header aliases.  Errors: the guard's ``ValidationError("file")``."""
    source = importer.read_source(path)
    with ledger.session() as s:
        if mapping is None:
            saved = importer.saved_mapping(s, contract_id, source.name)
            mapping = importer.propose_mapping(source.headers, (saved or {}).get("mapping"))
        return importer.simulate(s, contract_id, source, mapping, key)


def saved_mapping(ledger: Ledger, contract_id: uuid.UUID, file_name: str) -> dict[str, Any] | None:
    """The saved ``{"pattern", "mapping", "key"}`` of files named like ``file_name``, or ``None``
    (a read; for the import dialog)."""
    with ledger.session() as s:
        return importer.saved_mapping(s, contract_id, Path(file_name).name)


def save_mapping(ledger: Ledger, contract_id: uuid.UUID | None, *, actor: str, file_name: str,
                 mapping: Mapping[str, str | None], key: str = "code") -> Outcome[str]:
    """Save ``mapping`` (header → field, ``""`` ignore) and ``key`` for files named like
    ``file_name`` (``importer.source_pattern``); value: the pattern."""
    pattern = importer.source_pattern(Path(file_name).name)
    with ledger.session() as s:
        contract = _contract(s, contract_id)
        register.put_setting(s, contract.id, f"mapping:{pattern}",
                             {"pattern": pattern, "mapping": {h: v for h, v in mapping.items() if v is not None},
                              "key": key})
        audit.record(s, actor=actor, action="asset.import_mapping", entity_kind="contract", entity_id=contract.id,
                     summary=pattern)
        return Outcome(pattern, Changes.of("settings"))


def apply_import(ledger: Ledger, contract_id: uuid.UUID | None, path: str | Path, *, actor: str,
                 mapping: Mapping[str, str | None] | None = None, key: str = "code",
                 backup_dir: Path | None = None) -> Outcome[ImportSummary]:
    """Apply the import of ``path``: simulated again, refused whole (``ImportRejected`` with every
    row, column and value) if any row is refused; else a backup of the ledger is taken
    (``app.services.backup.take_backup``, SQLite ledgers) and every row is written in ONE
    transaction, with the mapping saved for the source and one ``asset.import`` audit event."""
    from app.services.backup import take_backup  # noqa: PLC0415

    if contract_id is None:
        raise NotFoundError(N_("No contract is loaded; load a contract profile first."))
    sim = simulate_import(ledger, contract_id, path, mapping, key)
    if sim.refused:
        raise ImportRejected(sim.source.name, sim.problems())
    backup = take_backup(ledger, backup_dir, actor=actor).path if ledger.engine.dialect.name == "sqlite" else None
    codes: list[str] = []
    with ledger.session() as s:
        contract = _contract(s, contract_id)
        again = importer.simulate(s, contract.id, sim.source, sim.mapping, key)
        if again.refused:
            raise ImportRejected(sim.source.name, again.problems())
        for r in again.rows:
            if r.action == "created":
                vals = dict(r.values)
                if not vals.get("code"):
                    vals["code"] = register.next_code(s, contract.id, vals.get("asset_class", "other"))
                asset = Asset(contract_id=contract.id, code=vals["code"], name=vals["name"])
                register.write(s, asset, vals, actor, r.placed, checked=True)
                codes.append(asset.code)
            elif r.action == "updated" and r.asset_id is not None:
                register.write(s, _asset(s, r.asset_id), r.values, actor, r.placed, checked=True)
                codes.append(r.code)
        pattern = importer.source_pattern(sim.source.name)
        register.put_setting(s, contract.id, f"mapping:{pattern}",
                             {"pattern": pattern, "mapping": sim.mapping, "key": key})
        summary = ImportSummary(again.count("created"), again.count("updated"), again.count("unchanged"),
                                backup, tuple(codes))
        audit.record(s, actor=actor, action="asset.import", entity_kind="contract", entity_id=contract.id,
                     summary=_("{file}: {created} created, {updated} updated", file=sim.source.name,
                               created=summary.created, updated=summary.updated),
                     details={"file": sim.source.name, "key": key, "created": summary.created,
                              "updated": summary.updated, "unchanged": summary.unchanged,
                              "backup": str(backup or "")})
        return Outcome(summary, Changes.of("asset"))


# ---------------------------------------------------------------------------- attachments


Attached = attachment_rules.Attached
"""One file just attached (``app.services.attachments.Attached``)."""


def add_attachments(ledger: Ledger, asset_id: uuid.UUID, paths: list[str | Path] | tuple[str | Path, ...], *,
                    actor: str) -> Outcome[tuple[Attached, ...]]:
    """Attach the files ``paths`` to the asset in ONE transaction (all or none), each with its
    history line and audit event (``attachments.add``).  Errors: ``attachments.read_file`` /
    ``attachments.add`` (empty, over 20 MB, same content twice — also twice in one call),
    ``NotFoundError``; ``OSError`` when a file cannot be read."""
    files = [attachments.read_file(p) for p in paths]
    with ledger.session() as s:
        out = attachment_rules.add_all(files, lambda name, data, at: attachments.add(s, asset_id, name, data,
                                                                                      actor=actor, at=at))
        return Outcome(out, _changed(asset_id))


def remove_attachments(ledger: Ledger, attachment_ids: list[uuid.UUID] | tuple[uuid.UUID, ...], *,
                       actor: str) -> Outcome[tuple[str, ...]]:
    """Remove attachments of an asset in ONE transaction: they leave the list, their bytes are
    cleared, the asset's history and an audit event each say who removed which file (name,
    size, hash) and when.  Value: the file names.  Errors: ``attachments.remove`` (unknown,
    removed already) — then none is removed."""
    with ledger.session() as s:
        gone = [attachments.remove(s, att_id, actor=actor) for att_id in attachment_ids]
        return Outcome(tuple(a.filename for a in gone), _changed(*{a.owner_id for a in gone}))


def write_attachment(ledger: Ledger, attachment_id: uuid.UUID, target: str | Path, *, actor: str,
                     purpose: str = "save") -> Outcome[Path]:
    """Write the attachment's bytes to the file ``target`` (``purpose`` ``"save"``: 另存为,
    ``"open"``: a copy in a temporary folder for the system viewer), with an audit event
    ``asset.attachment_<purpose>`` naming file, hash and target.  Value: the path written.
    Errors: ``attachments.content`` (removed, unknown); ``OSError`` when the target cannot be
    written (nothing is recorded then)."""
    with ledger.session() as s:
        _att, out = attachment_rules.write_copy(s, attachment_id, target, actor=actor, purpose=purpose,
                                                owner_kinds=(attachments.OWNER_KIND,))
        return Outcome(out, Changes.of("audit"))
