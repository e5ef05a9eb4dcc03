"""CHECK constraints on every vocabulary column (app.core.vocab)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 12:00:00

SQLite cannot add a constraint to a table in place: each table is rebuilt in batch mode (copy
into a new table, drop the old, rename).  ``app.store.db.upgrade`` runs this with
``PRAGMA foreign_keys=OFF`` so dropping a parent table cascades to nothing, then checks foreign
keys and per-table row counts before committing.

The code lists are written out here (migrations do not import app code: a later change of a
vocabulary gets its own migration).  Rows holding a code outside its list stop the upgrade with a
message naming table, column and values, before anything is rebuilt.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_INCIDENT_STATUS = ("new", "assigned", "in_progress", "pending", "restored", "closed")
_ITEM_KINDS = ("check", "reading", "choice", "text")

# table -> [(column, allowed codes, "" also allowed)]
CHECKS: dict[str, list[tuple[str, tuple[str, ...], bool]]] = {
    "asset": [("status", ("in_service", "spare", "under_repair", "retired"), False)],
    "engineer": [("role", ("engineer", "lead"), False)],
    "checklist_template": [
        ("frequency", ("twice_daily", "daily", "weekly", "monthly", "quarterly", "ad_hoc"), False),
    ],
    "checklist_item": [("kind", _ITEM_KINDS, False)],
    "inspection_result": [("kind", _ITEM_KINDS, False), ("outcome", ("normal", "abnormal", "na"), False)],
    "incident": [
        ("status", _INCIDENT_STATUS, False),
        ("source", ("phone", "instant_message", "walk_in", "monitoring", "fax", "inspection", "request"), False),
        ("cause_category", ("hardware", "software", "network", "power_environment", "user_operation",
                            "third_party", "unknown"), True),
    ],
    "incident_event": [
        ("kind", ("created", "status", "field", "reopen"), False),
        ("from_status", _INCIDENT_STATUS, True),
        ("to_status", _INCIDENT_STATUS, True),
    ],
    "attachment": [("owner_kind", ("incident", "service_request"), False)],
    "service_request": [
        ("channel", ("phone", "instant_message", "walk_in", "email", "fax", "other"), False),
        ("status", ("new", "assigned", "in_progress", "resolved", "closed"), False),
        ("satisfaction", ("satisfied", "mostly_satisfied", "dissatisfied"), False),
    ],
    "requirement": [("status", ("collected", "analysed", "reported", "accepted", "done", "rejected"), False)],
    "work_log_entry": [("source_kind", ("manual", "inspection", "incident", "service_request"), False)],
}


def _in_list(column: str, allowed: tuple[str, ...], empty: bool) -> str:
    values = [*allowed, *([""] if empty else [])]
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _refuse_unknown_codes() -> None:
    bind = op.get_bind()
    found: list[str] = []
    for table, checks in CHECKS.items():
        for column, allowed, empty in checks:
            rows = bind.execute(sa.text(
                f"SELECT {column}, COUNT(*) FROM {table} "
                f"WHERE {column} IS NOT NULL AND NOT ({_in_list(column, allowed, empty)}) GROUP BY {column}"
            )).all()
            found += [f"{table}.{column} = {value!r} ({count} rows)" for value, count in rows]
    if found:
        raise RuntimeError("codes outside their vocabulary, correct them first: " + "; ".join(found))


def _recreate() -> str:
    """SQLite rebuilds each table; PostgreSQL adds the constraints in place (a rebuild there
    would drop primary keys other tables' foreign keys depend on)."""
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    _refuse_unknown_codes()
    for table, checks in CHECKS.items():
        with op.batch_alter_table(table, recreate=_recreate()) as batch_op:
            for column, allowed, empty in checks:
                batch_op.create_check_constraint(op.f(f"ck_{table}_{column}"), _in_list(column, allowed, empty))


def downgrade() -> None:
    for table, checks in CHECKS.items():
        with op.batch_alter_table(table, recreate=_recreate()) as batch_op:
            for column, _allowed, _empty in checks:
                batch_op.drop_constraint(op.f(f"ck_{table}_{column}"), type_="check")
