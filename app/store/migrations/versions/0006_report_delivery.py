"""report_delivery (报告提交 / 验收)

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-01 13:30:00

A new table only: nothing existing is rebuilt or copied.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_delivery",
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("period_key", sa.String(length=30), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_by", sa.String(length=60), nullable=False),
        sa.Column("submitted_to", sa.String(length=60), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("accepted_by", sa.String(length=60), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("report_record_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["contract_id"], ["contract.id"],
                                name=op.f("fk_report_delivery_contract_id_contract"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["report_record_id"], ["report_record.id"],
                                name=op.f("fk_report_delivery_report_record_id_report_record"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_delivery")),
        sa.UniqueConstraint("contract_id", "kind", "period_key", "version", name="uq_report_delivery_version"),
    )
    with op.batch_alter_table("report_delivery") as batch_op:
        batch_op.create_index(batch_op.f("ix_report_delivery_contract_id"), ["contract_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("report_delivery") as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_delivery_contract_id"))
    op.drop_table("report_delivery")
