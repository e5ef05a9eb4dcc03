"""Indexes the record lists filter and sort by, and full-text search of incidents

Revision ID: 0009
Revises: 0003
Create Date: 2026-12-01 13:30:00

* Composite indexes ``(contract_id, <time column>, id)`` for every list's default order and
  ``(contract_id, status, occurred_at)`` for the status filters of the incident list, so a page
  is an index walk that stops after ``limit`` rows.
* SQLite: an FTS5 external-content table ``incident_fts`` over the columns the list's free text
  searches (number, title, description, reporter name and department) with the ``trigram``
  tokenizer — Chinese has no spaces, and trigrams find any substring of three or more characters,
  which is exactly what ``LIKE '%…%'`` finds; shorter words keep using ``LIKE``.  Triggers keep it in
  step with ``incident``.  A later migration that rebuilds ``incident`` in batch mode drops the
  triggers with the old table and must run ``create_incident_fts()`` again
  (``tests/store/test_list_search.py`` checks that they exist at head).
* PostgreSQL: ``pg_trgm`` GIN indexes on the same columns, which serve ``ILIKE '%…%'`` directly
  (skipped, with the lists still correct, where the extension cannot be created).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0006p"
branch_labels = None
depends_on = None

FTS_COLUMNS = ("number", "title", "description", "reporter_name", "reporter_department")

INDEXES = (
    ("ix_incident_contract_occurred", "incident", ("contract_id", "occurred_at", "id")),
    ("ix_incident_contract_status_occurred", "incident", ("contract_id", "status", "occurred_at")),
    ("ix_incident_contract_reported", "incident", ("contract_id", "reported_at")),
    ("ix_service_request_contract_received", "service_request", ("contract_id", "received_at", "id")),
    ("ix_service_request_contract_status_received", "service_request", ("contract_id", "status", "received_at")),
    ("ix_requirement_contract_collected", "requirement", ("contract_id", "collected_at", "id")),
    ("ix_work_log_entry_contract_date", "work_log_entry", ("contract_id", "work_date", "id")),
)


def create_incident_fts() -> None:
    """(Re)create the SQLite FTS5 table of incidents, its triggers, and fill it."""
    cols = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    for trig in ("incident_fts_ai", "incident_fts_ad", "incident_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trig}")
    op.execute("DROP TABLE IF EXISTS incident_fts")
    op.execute(f"CREATE VIRTUAL TABLE incident_fts USING fts5({cols}, content='incident', "
               "content_rowid='rowid', tokenize='trigram')")
    # S608: the names are this module's constants, no user text reaches these statements
    op.execute(f"CREATE TRIGGER incident_fts_ai AFTER INSERT ON incident BEGIN "  # noqa: S608
               f"INSERT INTO incident_fts(rowid, {cols}) VALUES (new.rowid, {new}); END")
    op.execute(f"CREATE TRIGGER incident_fts_ad AFTER DELETE ON incident BEGIN "  # noqa: S608
               f"INSERT INTO incident_fts(incident_fts, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END")
    op.execute(f"CREATE TRIGGER incident_fts_au AFTER UPDATE ON incident BEGIN "  # noqa: S608
               f"INSERT INTO incident_fts(incident_fts, rowid, {cols}) VALUES ('delete', old.rowid, {old}); "
               f"INSERT INTO incident_fts(rowid, {cols}) VALUES (new.rowid, {new}); END")
    op.execute("INSERT INTO incident_fts(incident_fts) VALUES ('rebuild')")


def _sqlite_has_trigram(bind: sa.engine.Connection) -> bool:
    version = tuple(int(x) for x in bind.exec_driver_sql("SELECT sqlite_version()").scalar_one().split("."))
    return version >= (3, 34, 0)


def upgrade() -> None:
    bind = op.get_bind()
    for name, table, cols in INDEXES:
        op.create_index(name, table, list(cols), unique=False)
    if bind.dialect.name == "sqlite":
        if _sqlite_has_trigram(bind):
            create_incident_fts()
    elif bind.dialect.name == "postgresql":
        available = bind.exec_driver_sql(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").first() is not None
        if available:
            try:
                with bind.begin_nested():
                    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            except sa.exc.DBAPIError:  # no privilege to create it: ILIKE without the index
                return
            for col in FTS_COLUMNS:
                op.execute(f"CREATE INDEX IF NOT EXISTS ix_incident_trgm_{col} ON incident "
                           f"USING gin ({col} gin_trgm_ops)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trig in ("incident_fts_ai", "incident_fts_ad", "incident_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trig}")
        op.execute("DROP TABLE IF EXISTS incident_fts")
    elif bind.dialect.name == "postgresql":
        for col in FTS_COLUMNS:
            op.execute(f"DROP INDEX IF EXISTS ix_incident_trgm_{col}")
    for name, table, _cols in reversed(INDEXES):
        op.drop_index(name, table_name=table)
