"""Qt table models over the record lists of ``app.services.queries.listing``: fetch on demand, sort in SQL.

``RecordTableModel`` (``table_base``) keeps only the rows it has fetched (``NamedTuple`` rows from
``listing``); the total comes from one ``COUNT`` query; ``canFetchMore``/``fetchMore`` load
``BATCH`` rows at a time (the view asks as the user scrolls).  ``sort()`` and ``set_filter()``
re-query from the start.  This module holds the service-request and requirement lists and
re-exports the others: ``IncidentTableModel`` (``incident_model``: live SLA columns) and
``WorkLogLinesModel`` (``worklog_lines``).
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.core.vocab import RequestStatus, RequirementStatus, Satisfaction, label_of
from app.services.ledger import Ledger
from app.services.queries import listing
from app.ui.itemmodels.incident_model import IncidentTableModel, incident_columns
from app.ui.itemmodels.record_labels import (
    AMBER,
    GREEN,
    GREY,
    RED,
    ClockText,
    describe_clock,
    fmt_minutes,
)
from app.ui.itemmodels.table_base import BATCH, ColumnSpec, ColumnTableModel, RecordTableModel, _dt
from app.ui.itemmodels.worklog_lines import WorkLogLinesModel


class RequestTableModel(RecordTableModel):
    """Service-request list; ``category_labels`` maps the profile's category codes to their names
    (the column shows ``账号与权限``, not ``account``)."""

    def __init__(self, db: Ledger, contract_id: uuid.UUID | None, flt: listing.RequestFilter | None = None,
                 parent: Any = None, category_labels: dict[str, str] | None = None) -> None:
        self.category_labels: dict[str, str] = dict(category_labels or {})
        cols = [
            ColumnSpec(QT_TRANSLATE_NOOP("RecordColumns", "Number"), lambda r: r.number, "number"),
            ColumnSpec(QT_TRANSLATE_NOOP("RecordColumns", "Status"),
                       lambda r: label_of(RequestStatus, r.status), "status"),
            ColumnSpec(QT_TRANSLATE_NOOP("RecordColumns", "Category"),
                       lambda r: self.category_labels.get(r.category, r.category), "category"),
            ColumnSpec(QT_TRANSLATE_NOOP("RecordColumns", "Title"), lambda r: r.title, "title"),
            ColumnSpec(QT_TRANSLATE_NOOP("RecordColumns", "Received"),
                       lambda r: _dt(r.received_at), "received_at"),
            ColumnSpec(QT_TRANSLATE_NOOP("RecordColumns", "Service"),
                       lambda r: r.service, "service"),
            ColumnSpec(QT_TRANSLATE_NOOP("RecordColumns", "Assignee"),
                       lambda r: r.assignee, "assignee"),
            ColumnSpec(QT_TRANSLATE_NOOP("RecordColumns", "Requester"),
                       lambda r: r.requester, "requester"),
            ColumnSpec(QT_TRANSLATE_NOOP("RecordColumns", "Satisfaction"),
                       lambda r: label_of(Satisfaction, r.satisfaction), "satisfaction"),
        ]
        super().__init__(db, contract_id, cols, listing.query_requests, listing.count_requests,
                         flt or listing.RequestFilter(), "received_at", True, parent)


class RequirementTableModel(RecordTableModel):
    """Requirement list."""

    def __init__(self, db: Ledger, contract_id: uuid.UUID | None,
                 flt: listing.RequirementFilter | None = None, parent: Any = None) -> None:
        cols = [
            ColumnSpec(QT_TRANSLATE_NOOP("RecordColumns", "Number"), lambda r: r.number, "number"),
            ColumnSpec(QT_TRANSLATE_NOOP("RecordColumns", "Status"),
                       lambda r: label_of(RequirementStatus, r.status), "status"),
            ColumnSpec(QT_TRANSLATE_NOOP("RecordColumns", "Title"), lambda r: r.title, "title"),
            ColumnSpec(QT_TRANSLATE_NOOP("RecordColumns", "Service"),
                       lambda r: r.service, "service"),
            ColumnSpec(QT_TRANSLATE_NOOP("RecordColumns", "Requester"),
                       lambda r: r.requester, "requester"),
            ColumnSpec(QT_TRANSLATE_NOOP("RecordColumns", "Collected"),
                       lambda r: _dt(r.collected_at), "collected_at"),
        ]
        super().__init__(db, contract_id, cols, listing.query_requirements, listing.count_requirements,
                         flt or listing.RequirementFilter(), "collected_at", True, parent)


__all__ = [
    "AMBER", "BATCH", "GREEN", "GREY", "RED", "ClockText", "ColumnSpec", "ColumnTableModel", "IncidentTableModel",
    "RecordTableModel", "RequestTableModel", "RequirementTableModel", "WorkLogLinesModel", "describe_clock",
    "fmt_minutes", "incident_columns",
]
