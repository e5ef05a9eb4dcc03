"""Attachments of assets, kept inside the ledger

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 16:00:00

``attachment`` (one table for every owner kind) gains ``media_type``, ``content`` (the bytes:
``bytea`` on PostgreSQL, a BLOB on SQLite, so backups, restores and the team server carry them),
``removed_at``/``removed_by`` (a removed file stays listed in the history), and its
``owner_kind`` CHECK admits ``asset``.  Existing rows (incident and request files) keep
``content`` NULL: their bytes stay in the file store.  SQLite rebuilds the table in batch mode;
PostgreSQL alters in place.  The downgrade refuses while asset attachments exist (their bytes
would be lost).
"""
from __future__ import annotations

from typing import Literal

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_OLD = ("incident", "service_request")
_NEW = (*_OLD, "asset")


def _in_list(values: tuple[str, ...]) -> str:
    return f"owner_kind IN ({', '.join(repr(v) for v in values)})"


def _recreate() -> Literal["auto", "always", "never"]:
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    with op.batch_alter_table("attachment", recreate=_recreate()) as b:
        b.add_column(sa.Column("media_type", sa.String(120), nullable=False, server_default=""))
        b.add_column(sa.Column("content", sa.LargeBinary(), nullable=True))
        b.add_column(sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True))
        b.add_column(sa.Column("removed_by", sa.String(60), nullable=False, server_default=""))
        b.drop_constraint(op.f("ck_attachment_owner_kind"), type_="check")
        b.create_check_constraint(op.f("ck_attachment_owner_kind"), _in_list(_NEW))


def downgrade() -> None:
    left = op.get_bind().execute(sa.text("SELECT COUNT(*) FROM attachment WHERE owner_kind = 'asset'")).scalar()
    if left:
        raise RuntimeError(f"{left} asset attachment(s) would be lost; export and remove them first")
    with op.batch_alter_table("attachment", recreate=_recreate()) as b:
        b.drop_constraint(op.f("ck_attachment_owner_kind"), type_="check")
        b.create_check_constraint(op.f("ck_attachment_owner_kind"), _in_list(_OLD))
        for col in ("removed_by", "removed_at", "content", "media_type"):
            b.drop_column(col)
