"""Audit chain: seq, UTC offset, outcome, clock flag and hash chain on audit_event; clock flag on incident_event

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 13:30:00

Existing audit rows are numbered 1..n in (at, id) order and chained: ``hash`` = SHA-256 of
``prev_hash`` + newline + the canonical JSON of the row (``_event_hash`` below is a frozen copy of
``app.services.audit.event_hash``; ``tests/services/test_audit_chain.py`` checks they agree).
Their ``utc_offset_minutes`` is unknown and set to 480 (the contracts' Beijing time).
"""
from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _event_hash(prev_hash: str, row: dict) -> str:
    at: datetime = row["at"]
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    body = {"id": str(uuid.UUID(str(row["id"]))), "seq": row["seq"],
            "at": at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "utc_offset_minutes": row["utc_offset_minutes"], "actor": row["actor"], "action": row["action"],
            "entity_kind": row["entity_kind"], "entity_id": row["entity_id"], "summary": row["summary"],
            "details": row["details"], "outcome": row["outcome"], "clock": row["clock"]}
    canon = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + "\n" + canon).encode("utf-8")).hexdigest()


def upgrade() -> None:
    with op.batch_alter_table("audit_event", recreate="never") as b:
        b.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        b.add_column(sa.Column("utc_offset_minutes", sa.Integer(), nullable=False, server_default="480"))
        b.add_column(sa.Column("outcome", sa.String(20), nullable=False, server_default="ok"))
        b.add_column(sa.Column("clock", sa.String(10), nullable=False, server_default=""))
        b.add_column(sa.Column("prev_hash", sa.String(64), nullable=False, server_default=""))
        b.add_column(sa.Column("hash", sa.String(64), nullable=False, server_default=""))
    with op.batch_alter_table("incident_event", recreate="never") as b:
        b.add_column(sa.Column("clock", sa.String(10), nullable=False, server_default=""))

    t = sa.table("audit_event", sa.column("id", sa.Uuid()), sa.column("at", sa.DateTime(timezone=True)),
                 sa.column("actor", sa.String()), sa.column("action", sa.String()),
                 sa.column("entity_kind", sa.String()), sa.column("entity_id", sa.String()),
                 sa.column("summary", sa.String()), sa.column("details", sa.JSON()),
                 sa.column("seq", sa.Integer()), sa.column("utc_offset_minutes", sa.Integer()),
                 sa.column("outcome", sa.String()), sa.column("clock", sa.String()),
                 sa.column("prev_hash", sa.String()), sa.column("hash", sa.String()))
    bind = op.get_bind()
    rows = bind.execute(sa.select(t.c.id, t.c.at, t.c.actor, t.c.action, t.c.entity_kind, t.c.entity_id,
                                  t.c.summary, t.c.details).order_by(t.c.at, t.c.id)).mappings().all()
    prev = ""
    for n, r in enumerate(rows, start=1):
        row = dict(r, seq=n, utc_offset_minutes=480, outcome="ok", clock="", details=r["details"] or {})
        h = _event_hash(prev, row)
        bind.execute(t.update().where(t.c.id == r["id"]).values(seq=n, prev_hash=prev, hash=h))
        prev = h

    with op.batch_alter_table("audit_event") as b:
        b.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        b.create_unique_constraint("uq_audit_event_seq", ["seq"])


def downgrade() -> None:
    with op.batch_alter_table("incident_event") as b:
        b.drop_column("clock")
    with op.batch_alter_table("audit_event") as b:
        b.drop_constraint("uq_audit_event_seq", type_="unique")
        for name in ("hash", "prev_hash", "clock", "outcome", "utc_offset_minutes", "seq"):
            b.drop_column(name)
