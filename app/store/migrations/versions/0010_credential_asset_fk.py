"""credential.asset_id: a vault entry points at its asset of the register (密码库, 司法局 §2.3.1.4)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 16:00:00

``credential.asset_code`` was a plain string.  This adds ``asset_id`` (foreign key to
``asset.id``, ``ON DELETE SET NULL``, indexed) and fills it from the code, matched within the
entry's contract.  Nothing is refused or dropped silently: ``asset_code`` stays, so an entry whose
code matches no asset keeps it and the vault page lists it as "not in the register"
(``vault.entries.unmatched_asset_codes``); the number of such entries is logged here too.  The
backfill is one portable ``UPDATE … = (SELECT …)`` (SQLite and PostgreSQL).
"""
from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")


def upgrade() -> None:
    with op.batch_alter_table("credential", schema=None) as batch_op:
        batch_op.add_column(sa.Column("asset_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_credential_asset_id_asset"), "asset", ["asset_id"], ["id"],
                                    ondelete="SET NULL")
        batch_op.create_index(batch_op.f("ix_credential_asset_id"), ["asset_id"], unique=False)
    op.execute(
        "UPDATE credential SET asset_id = (SELECT asset.id FROM asset WHERE asset.contract_id = credential.contract_id"
        " AND asset.code = credential.asset_code) WHERE asset_code IS NOT NULL AND asset_code <> ''")
    unmatched = op.get_bind().execute(sa.text(
        "SELECT count(*) FROM credential WHERE asset_id IS NULL AND asset_code IS NOT NULL AND asset_code <> ''")
    ).scalar()
    if unmatched:
        log.warning("%s vault entries name an asset code that is not in the register; the code is kept "
                    "and shown on the vault page", unmatched)


def downgrade() -> None:
    with op.batch_alter_table("credential", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_credential_asset_id"))
        batch_op.drop_constraint(batch_op.f("fk_credential_asset_id_asset"), type_="foreignkey")
        batch_op.drop_column("asset_id")
