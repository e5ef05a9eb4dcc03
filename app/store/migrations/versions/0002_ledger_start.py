"""contract.ledger_start (启用日期)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 11:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN needs no table rebuild on SQLite: no row is copied or dropped.
    op.add_column("contract", sa.Column("ledger_start", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contract") as batch_op:
        batch_op.drop_column("ledger_start")
