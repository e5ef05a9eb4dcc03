"""Exports of the asset register: the register as xlsx, the profile's ``assets:`` section as
YAML, and an import simulation as xlsx with the result and the reasons beside each row.

Sheets go through ``app.services.transfer.xlsx_safe.write_table`` (formula-looking text stays
text, A4 landscape, fit to the page width, header row repeated on every printed page).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook
from openpyxl.styles import PatternFill

from app.core.fields import label as field_label
from app.core.i18n import N_, _
from app.core.vocab import AssetClass, AssetStatus, label_of
from app.services.asset.importer import Simulation
from app.services.asset.queries import AssetFilter, count_assets, query_assets
from app.services.asset.register import FIELD_KEYS
from app.services.ledger import Ledger
from app.services.transfer.xlsx_safe import write_cell, write_table
from app.store.models import Asset

ACTIONS = {"created": N_("Created"), "updated": N_("Updated"), "unchanged": N_("Unchanged"),
           "refused": N_("Refused")}
_FILL = {"refused": "F8CBAD", "created": "C6EFCE", "updated": "FFEB9C"}
PROFILE_KEYS = ("code", "name", "kind", "model", "location", "ip")


def _shown(key: str, value: Any) -> Any:
    if key == "asset_class":
        return label_of(AssetClass, value)
    if key == "status":
        return label_of(AssetStatus, value)
    return value if value is not None else ""


def export_register(ledger: Ledger, contract_id: uuid.UUID, out: Path, flt: AssetFilter | None = None) -> int:
    """Write the assets matching ``flt`` (all by default) to ``out`` (xlsx), one column per
    field with the Chinese/English header of the UI language; returns the number of rows."""
    with ledger.session() as s:
        ids = [r.id for r in query_assets(s, contract_id, flt, "code", False, 0, count_assets(s, contract_id, flt))]
        rows = []
        for aid in ids:
            a = s.get(Asset, aid)
            rows.append([_shown(k, getattr(a, k)) for k in FIELD_KEYS])
    wb = Workbook()
    ws: Any = wb.active
    ws.title = _("Asset register")
    write_table(ws, [field_label(k) for k in FIELD_KEYS], rows)
    wb.save(out)
    return len(rows)


def profile_section(ledger: Ledger, contract_id: uuid.UUID) -> dict[str, list[dict[str, str]]]:
    """``{"assets": [...]}`` as the contract profile declares assets (``PROFILE_KEYS``; empty
    values left out), in code order."""
    with ledger.session() as s:
        from sqlalchemy import select  # noqa: PLC0415

        assets = s.scalars(select(Asset).where(Asset.contract_id == contract_id).order_by(Asset.code)).all()
        entries = []
        for a in assets:
            entry = {k: getattr(a, k) for k in PROFILE_KEYS if getattr(a, k)}
            if not a.kind and a.asset_class != "other":
                entry["kind"] = label_of(AssetClass, a.asset_class, "zh_CN")
            entries.append(entry)
    return {"assets": entries}


def export_profile_yaml(ledger: Ledger, contract_id: uuid.UUID, out: Path) -> int:
    """Write the profile's asset section to ``out`` (YAML, UTF-8); returns the number of assets."""
    section = profile_section(ledger, contract_id)
    out.write_text(yaml.safe_dump(section, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    return len(section["assets"])


def write_simulation(sim: Simulation, out: Path) -> Path:
    """The simulation report: the source's columns as read, then 结果 (result) and 说明 (the
    reasons: column, value and message, warnings too) beside each row; the file-level notes
    (unknown headers, duplicate mappings) in the first rows of a second sheet."""
    wb = Workbook()
    ws: Any = wb.active
    ws.title = _("Simulation")
    headers = [_("Row"), *[h or "" for h in sim.source.headers], _("Result"), _("Reason")]
    rows = []
    for r in sim.rows:
        parts = [f"{n.column}“{n.value}”: {n.text()}" for n in r.notes]
        parts += [f"{field_label(k)}: {old or '—'} → {new or '—'}" for k, (old, new) in r.changes.items()]
        reasons = "; ".join(parts)
        rows.append([r.row, *[v if v is not None else "" for v in r.cells][: len(sim.source.headers)],
                     *([""] * max(0, len(sim.source.headers) - len(r.cells))), _(ACTIONS[r.action]), reasons])
    write_table(ws, headers, rows)
    result_col = len(headers) - 1
    for i, r in enumerate(sim.rows, start=2):
        color = _FILL.get(r.action)
        if color:
            ws.cell(row=i, column=result_col).fill = PatternFill("solid", fgColor=color)
    notes: Any = wb.create_sheet(_("File"))
    write_table(notes, [_("Row"), _("Column"), _("Value"), _("Reason")],
                [[row, n.column, n.value, n.text()] for row, n in sim.notes])
    write_cell(notes, len(sim.notes) + 3, 1, _("{created} created, {updated} updated, {unchanged} unchanged, "
                                               "{refused} refused", created=sim.count("created"),
                                               updated=sim.count("updated"), unchanged=sim.count("unchanged"),
                                               refused=sim.count("refused")))
    wb.save(out)
    return out
