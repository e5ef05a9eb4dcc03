"""credential vault: credential + credential_rotation (密码库, 司法局 §2.3.1.4)

Revision ID: 0008
Revises: 0003
Create Date: 2026-12-01 13:00:00

Two new tables only (no existing table is rebuilt).  No column holds a secret: ``secret_store``,
``secret_service`` and ``secret_key`` name where the OS keyring or the KDBX file keeps it.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "credential",
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("system", sa.String(length=200), nullable=False),
        sa.Column("host", sa.String(length=200), nullable=False),
        sa.Column("account", sa.String(length=120), nullable=False),
        sa.Column("purpose", sa.String(length=300), nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("asset_code", sa.String(length=80), nullable=True),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("char_classes", sa.String(length=60), nullable=False),
        sa.Column("rotation_days", sa.Integer(), nullable=False),
        sa.Column("last_changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("next_due_on", sa.Date(), nullable=True),
        sa.Column("secret_store", sa.String(length=20), nullable=False),
        sa.Column("secret_service", sa.String(length=120), nullable=False),
        sa.Column("secret_key", sa.String(length=120), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.CheckConstraint("secret_store IN ('keyring', 'kdbx')", name=op.f("ck_credential_secret_store")),
        sa.ForeignKeyConstraint(["contract_id"], ["contract.id"], name=op.f("fk_credential_contract_id_contract"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credential")),
        sa.UniqueConstraint("contract_id", "host", "account", "system", name=op.f("uq_credential_contract_id")),
    )
    with op.batch_alter_table("credential", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_credential_contract_id"), ["contract_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_credential_next_due_on"), ["next_due_on"], unique=False)
    op.create_table(
        "credential_rotation",
        sa.Column("credential_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("how", sa.String(length=20), nullable=False),
        sa.Column("previous_due_on", sa.Date(), nullable=True),
        sa.Column("next_due_on", sa.Date(), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.CheckConstraint("how IN ('initial', 'generated', 'typed')", name=op.f("ck_credential_rotation_how")),
        sa.ForeignKeyConstraint(["credential_id"], ["credential.id"],
                                name=op.f("fk_credential_rotation_credential_id_credential"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credential_rotation")),
    )
    with op.batch_alter_table("credential_rotation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_credential_rotation_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_credential_rotation_credential_id"), ["credential_id"], unique=False)


def downgrade() -> None:
    op.drop_table("credential_rotation")
    op.drop_table("credential")
