"""SQLAlchemy 2.0 typed ORM, one module per aggregate.  Importing this package registers every
table on ``Base.metadata`` (Alembic and tests rely on that)."""

from app.models.base import Base
from app.models.checklist import ChecklistItem, ChecklistTemplate
from app.models.contract import Asset, Contract, Engineer, Service
from app.models.incident import (
    Attachment,
    Incident,
    IncidentAsset,
    IncidentEvent,
    IncidentService,
)
from app.models.inspection import Inspection, InspectionResult
from app.models.service_desk import (
    RequestAssignment,
    Requirement,
    ServiceRequest,
    WorkLogEntry,
)
from app.models.system import (
    AuditEvent,
    CalendarDay,
    CalendarYear,
    NumberSequence,
    ReportNarrative,
    ReportRecord,
)

__all__ = [
    "Asset",
    "Attachment",
    "AuditEvent",
    "Base",
    "CalendarDay",
    "CalendarYear",
    "ChecklistItem",
    "ChecklistTemplate",
    "Contract",
    "Engineer",
    "Incident",
    "IncidentAsset",
    "IncidentEvent",
    "IncidentService",
    "Inspection",
    "InspectionResult",
    "NumberSequence",
    "ReportNarrative",
    "ReportRecord",
    "RequestAssignment",
    "Requirement",
    "Service",
    "ServiceRequest",
    "WorkLogEntry",
]
