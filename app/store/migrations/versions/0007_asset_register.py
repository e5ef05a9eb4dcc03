"""The asset register: asset columns, change history, subnets/addresses, stocktakes, settings

Revision ID: 0007
Revises: 0003
Create Date: 2026-12-01 13:30:00

``asset`` gains the register's columns (class, serial, quantity, rack, owner, dates, maintenance
vendor/contact, mobile-terminal fields, notes) and a CHECK on ``asset_class``; ``ip`` widens to 200
characters (several addresses).  SQLite rebuilds the table in batch mode (``app.store.db.upgrade``
runs it with foreign keys off and checks them afterwards); PostgreSQL alters in place.  Existing
rows get ``asset_class = 'other'`` and ``quantity = 1``.
"""
from __future__ import annotations

from typing import Literal

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_CLASSES = ("server", "network", "storage", "security", "terminal", "mobile_terminal", "printer",
            "machine_room", "video_conference", "other")
_RESULTS = ("found", "missing", "moved", "unregistered")


def _in_list(column: str, allowed: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in allowed)})"


def _recreate() -> Literal["auto", "always", "never"]:
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def _text(name: str, length: int | None = None) -> sa.Column:
    return sa.Column(name, sa.String(length) if length else sa.String(), nullable=False, server_default="")


def upgrade() -> None:
    with op.batch_alter_table("asset", recreate=_recreate()) as b:
        b.alter_column("ip", type_=sa.String(200), existing_type=sa.String(60), existing_nullable=False)
        b.add_column(sa.Column("asset_class", sa.String(30), nullable=False, server_default="other"))
        b.add_column(_text("serial", 120))
        b.add_column(sa.Column("quantity", sa.Integer(), nullable=False, server_default="1"))
        b.add_column(_text("rack", 60))
        b.add_column(_text("owner", 120))
        b.add_column(sa.Column("purchase_date", sa.Date(), nullable=True))
        b.add_column(sa.Column("warranty_end", sa.Date(), nullable=True))
        b.add_column(sa.Column("maintenance_end", sa.Date(), nullable=True))
        b.add_column(_text("maintenance_vendor", 200))
        b.add_column(_text("maintenance_contact", 120))
        b.add_column(_text("imei", 40))
        b.add_column(_text("holder", 60))
        b.add_column(_text("phone", 40))
        b.add_column(_text("notes"))
        b.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
        b.create_check_constraint(op.f("ck_asset_asset_class"), _in_list("asset_class", _CLASSES))

    op.create_table(
        "asset_change",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("asset_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(60), nullable=False),
        sa.Column("field", sa.String(60), nullable=False),
        sa.Column("old", sa.String(), nullable=False),
        sa.Column("new", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["asset_id"], ["asset.id"], name=op.f("fk_asset_change_asset_id_asset"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asset_change")),
    )
    op.create_index(op.f("ix_asset_change_asset_id"), "asset_change", ["asset_id"])

    op.create_table(
        "subnet",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("cidr", sa.String(60), nullable=False),
        sa.Column("site", sa.String(120), nullable=False),
        sa.Column("vlan", sa.String(30), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.ForeignKeyConstraint(["contract_id"], ["contract.id"], name=op.f("fk_subnet_contract_id_contract"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subnet")),
        sa.UniqueConstraint("contract_id", "site", "cidr", name=op.f("uq_subnet_contract_id")),
    )
    op.create_index(op.f("ix_subnet_contract_id"), "subnet", ["contract_id"])

    op.create_table(
        "ip_address",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("subnet_id", sa.Uuid(), nullable=False),
        sa.Column("asset_id", sa.Uuid(), nullable=False),
        sa.Column("address", sa.String(60), nullable=False),
        sa.ForeignKeyConstraint(["subnet_id"], ["subnet.id"], name=op.f("fk_ip_address_subnet_id_subnet"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["asset_id"], ["asset.id"], name=op.f("fk_ip_address_asset_id_asset"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ip_address")),
        sa.UniqueConstraint("subnet_id", "address", name=op.f("uq_ip_address_subnet_id")),
    )
    op.create_index(op.f("ix_ip_address_subnet_id"), "ip_address", ["subnet_id"])
    op.create_index(op.f("ix_ip_address_asset_id"), "ip_address", ["asset_id"])

    op.create_table(
        "stocktake",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("location", sa.String(120), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_by", sa.String(60), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["contract_id"], ["contract.id"], name=op.f("fk_stocktake_contract_id_contract"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktake")),
    )
    op.create_index(op.f("ix_stocktake_contract_id"), "stocktake", ["contract_id"])

    op.create_table(
        "stocktake_line",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("stocktake_id", sa.Uuid(), nullable=False),
        sa.Column("asset_id", sa.Uuid(), nullable=True),
        sa.Column("result", sa.String(20), nullable=True),
        sa.Column("moved_to", sa.String(120), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("actor", sa.String(60), nullable=False),
        sa.CheckConstraint(_in_list("result", _RESULTS), name=op.f("ck_stocktake_line_result")),
        sa.ForeignKeyConstraint(["stocktake_id"], ["stocktake.id"],
                                name=op.f("fk_stocktake_line_stocktake_id_stocktake"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["asset_id"], ["asset.id"], name=op.f("fk_stocktake_line_asset_id_asset"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktake_line")),
    )
    op.create_index(op.f("ix_stocktake_line_stocktake_id"), "stocktake_line", ["stocktake_id"])

    op.create_table(
        "asset_setting",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["contract_id"], ["contract.id"],
                                name=op.f("fk_asset_setting_contract_id_contract"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asset_setting")),
        sa.UniqueConstraint("contract_id", "key", name=op.f("uq_asset_setting_contract_id")),
    )
    op.create_index(op.f("ix_asset_setting_contract_id"), "asset_setting", ["contract_id"])


def downgrade() -> None:
    for table in ("asset_setting", "stocktake_line", "stocktake", "ip_address", "subnet", "asset_change"):
        op.drop_table(table)
    with op.batch_alter_table("asset", recreate=_recreate()) as b:
        b.drop_constraint(op.f("ck_asset_asset_class"), type_="check")
        for col in ("updated_at", "notes", "phone", "holder", "imei", "maintenance_contact", "maintenance_vendor",
                    "maintenance_end", "warranty_end", "purchase_date", "owner", "rack", "quantity", "serial",
                    "asset_class"):
            b.drop_column(col)
        b.alter_column("ip", type_=sa.String(60), existing_type=sa.String(200), existing_nullable=False)
