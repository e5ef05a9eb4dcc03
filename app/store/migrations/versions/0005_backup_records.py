"""backup_record (备份记录) and the optimistic version column of the edited records

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-01 13:30:00

``backup_record``: one row per backup of the ledger (daily / manual / pre_migration /
pre_restore), so the reports can show them.  ``version`` (integer, not null, 1) on incident,
service_request, requirement, work_log_entry and inspection: SQLAlchemy's ``version_id_col``
makes every UPDATE carry ``WHERE version = <the version read>``, so two engineers saving the same
record on the team server get a conflict instead of a silent overwrite.

``ADD COLUMN … NOT NULL DEFAULT 1`` needs no table rebuild on SQLite or PostgreSQL: no row is
copied or dropped, existing rows read version 1.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

VERSIONED = ("incident", "service_request", "requirement", "work_log_entry", "inspection")
_KINDS = ("daily", "manual", "pre_migration", "pre_restore")


def upgrade() -> None:
    op.create_table(
        "backup_record",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("folder", sa.String(length=1000), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("revision", sa.String(length=32), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("seconds", sa.Double(), nullable=False),
        sa.Column("error", sa.String(), nullable=False),
        sa.CheckConstraint("kind IN (" + ", ".join(f"'{k}'" for k in _KINDS) + ")",
                           name=op.f("ck_backup_record_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_backup_record")),
    )
    op.create_index(op.f("ix_backup_record_taken_at"), "backup_record", ["taken_at"], unique=False)
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("version")
    op.drop_index(op.f("ix_backup_record_taken_at"), table_name="backup_record")
    op.drop_table("backup_record")
