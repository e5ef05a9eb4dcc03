"""Indexes of the record lists (migration 0009) declared on the models, and the names of the
search objects the migration keeps outside the ORM.

The composite indexes serve each list's default order within a contract; ``SEARCH_OBJECTS`` are
the SQLite FTS5 table ``incident_fts`` (with its shadow tables) and PostgreSQL's ``pg_trgm``
indexes — maintained by triggers / the database, never mapped, so a metadata comparison skips
them (``is_search_object``).
"""

from __future__ import annotations

from sqlalchemy import Index

from app.store.models.incident import Incident
from app.store.models.service_desk import Requirement, ServiceRequest, WorkLogEntry

LIST_INDEXES = (
    Index("ix_incident_contract_occurred", Incident.contract_id, Incident.occurred_at, Incident.id),
    Index("ix_incident_contract_status_occurred", Incident.contract_id, Incident.status, Incident.occurred_at),
    Index("ix_incident_contract_reported", Incident.contract_id, Incident.reported_at),
    Index("ix_service_request_contract_received", ServiceRequest.contract_id, ServiceRequest.received_at,
          ServiceRequest.id),
    Index("ix_service_request_contract_status_received", ServiceRequest.contract_id, ServiceRequest.status,
          ServiceRequest.received_at),
    Index("ix_requirement_contract_collected", Requirement.contract_id, Requirement.collected_at, Requirement.id),
    Index("ix_work_log_entry_contract_date", WorkLogEntry.contract_id, WorkLogEntry.work_date, WorkLogEntry.id),
)

FTS_TABLE = "incident_fts"
FTS_COLUMNS = ("number", "title", "description", "reporter_name", "reporter_department")
SEARCH_OBJECTS = frozenset({FTS_TABLE, *(f"{FTS_TABLE}_{s}" for s in ("data", "idx", "docsize", "config", "content")),
                            *(f"ix_incident_trgm_{c}" for c in FTS_COLUMNS)})


def is_search_object(name: str | None) -> bool:
    """True for the FTS table, its shadow tables and the trigram indexes (not in the ORM)."""
    return name in SEARCH_OBJECTS
