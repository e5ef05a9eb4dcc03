"""History rows numbered per record: incident_event.seq and request_assignment.seq

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 16:10:00

* ``incident_event.seq`` and ``request_assignment.seq``: 1, 2, 3 … per incident / request in the
  order the rows were written, ``NOT NULL``, ``UNIQUE (record, seq)``; new rows are numbered by
  ``app.store.history_order`` and histories are read ``ORDER BY seq``.
* Backfilled in the order the histories were shown until now: an incident's lines by SQLite's
  ``rowid`` (insertion order) on SQLite and by ``at`` on PostgreSQL; a request's assignments by
  ``at`` on both — ties broken by ``rowid`` (SQLite) or ``id`` (PostgreSQL; the order such ties
  had there was undefined).  One correlated ``UPDATE`` per table, portable SQL.

Batch mode for SQLite (the tables are rebuilt for the ``NOT NULL`` and the constraint; their
CHECKs are carried over); PostgreSQL alters in place.
"""
from __future__ import annotations

from typing import Literal

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

#: table → (record column, SQLite order, PostgreSQL order) — the order the history was shown in
TABLES = {
    "incident_event": ("incident_id", ("rowid",), ("at", "id")),
    "request_assignment": ("request_id", ("at", "rowid"), ("at", "id")),
}


def _recreate() -> Literal["auto", "always", "never"]:
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def _not_after(order: tuple[str, ...], table: str) -> str:
    """SQL: row ``e2`` comes at or before the row being updated in ``order`` (lexicographic)."""
    terms = []
    for i, col in enumerate(order):
        equal = [f"e2.{c} = {table}.{c}" for c in order[:i]]
        last = i == len(order) - 1
        terms.append(" AND ".join([*equal, f"e2.{col} {'<=' if last else '<'} {table}.{col}"]))
    return "(" + " OR ".join(f"({t})" for t in terms) + ")"


def backfill_sql(table: str, dialect: str) -> str:
    """The ``UPDATE`` numbering ``table``'s existing rows per record in their shown order."""
    parent, sqlite_order, pg_order = TABLES[table]
    order = sqlite_order if dialect == "sqlite" else pg_order
    # S608: table and column names are this module's constants
    return (f"UPDATE {table} SET seq = (SELECT COUNT(*) FROM {table} e2 "  # noqa: S608
            f"WHERE e2.{parent} = {table}.{parent} AND {_not_after(order, table)})")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, (parent, _s, _p) in TABLES.items():
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        op.execute(backfill_sql(table, dialect))
        with op.batch_alter_table(table, recreate=_recreate()) as batch_op:
            batch_op.alter_column("seq", existing_type=sa.Integer(), nullable=False)
            batch_op.create_unique_constraint(f"uq_{table}_seq", [parent, "seq"])


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, recreate=_recreate()) as batch_op:
            batch_op.drop_constraint(f"uq_{table}_seq", type_="unique")
            batch_op.drop_column("seq")
