"""The asset list's Qt table model: ``RecordTableModel`` over ``app.services.asset.queries``."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.core.vocab import AssetClass, AssetStatus, label_of
from app.services.asset import queries
from app.services.ledger import Ledger
from app.ui.itemmodels.record_models import ColumnSpec, RecordTableModel


def asset_columns() -> list[ColumnSpec]:
    """Columns of the asset list (header msgids in context ``RecordColumns``)."""
    return [
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Code")), lambda r: r.code, "code"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Name")), lambda r: r.name, "name"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Class")), lambda r: label_of(AssetClass, r.asset_class),
                   "asset_class"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Model")), lambda r: r.model, "model"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Quantity")), lambda r: str(r.quantity), "quantity"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Location")), lambda r: r.location, "location"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Status")), lambda r: label_of(AssetStatus, r.status),
                   "status"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "IP")), lambda r: r.ip, "ip"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Serial")), lambda r: r.serial, "serial"),
        ColumnSpec(str(QT_TRANSLATE_NOOP("RecordColumns", "Warranty end")),
                   lambda r: r.warranty_end.isoformat() if r.warranty_end else "", "warranty_end"),
    ]


class AssetTableModel(RecordTableModel):
    """The register, paged and sorted in SQL (``queries.query_assets``/``count_assets``)."""

    def __init__(self, db: Ledger, contract_id: uuid.UUID | None, flt: queries.AssetFilter | None = None,
                 parent: Any = None) -> None:
        super().__init__(db, contract_id, asset_columns(), queries.query_assets, queries.count_assets,
                         flt or queries.AssetFilter(), "code", False, parent)
