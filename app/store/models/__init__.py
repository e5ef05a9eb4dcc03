"""SQLAlchemy 2.0 typed ORM, one module per aggregate.  Importing this package registers every
table on ``Base.metadata`` (Alembic and tests rely on that)."""

from app.store.models.asset import (
    AssetChange,
    AssetSetting,
    IpAddress,
    Stocktake,
    StocktakeLine,
    Subnet,
)
from app.store.models.attachment import Attachment
from app.store.models.backup import BackupRecord
from app.store.models.base import Base
from app.store.models.checklist import ChecklistItem, ChecklistTemplate
from app.store.models.contract import Asset, Contract, Engineer, Service
from app.store.models.credential import Credential, CredentialRotation
from app.store.models.delivery import ReportDelivery
from app.store.models.incident import (
    Incident,
    IncidentAsset,
    IncidentEvent,
    IncidentService,
)
from app.store.models.inspection import Inspection, InspectionResult
from app.store.models.list_search import LIST_INDEXES
from app.store.models.service_desk import (
    RequestAssignment,
    Requirement,
    ServiceRequest,
    WorkLogEntry,
)
from app.store.models.system import (
    AuditEvent,
    CalendarDay,
    CalendarYear,
    NumberSequence,
    ReportNarrative,
    ReportRecord,
)

__all__ = [
    "LIST_INDEXES",
    "Asset",
    "AssetChange",
    "AssetSetting",
    "Attachment",
    "AuditEvent",
    "BackupRecord",
    "Base",
    "CalendarDay",
    "CalendarYear",
    "ChecklistItem",
    "ChecklistTemplate",
    "Contract",
    "Credential",
    "CredentialRotation",
    "Engineer",
    "Incident",
    "IncidentAsset",
    "IncidentEvent",
    "IncidentService",
    "Inspection",
    "InspectionResult",
    "IpAddress",
    "NumberSequence",
    "ReportDelivery",
    "ReportNarrative",
    "ReportRecord",
    "RequestAssignment",
    "Requirement",
    "Service",
    "ServiceRequest",
    "Stocktake",
    "StocktakeLine",
    "Subnet",
    "WorkLogEntry",
]

from app.store import history_order as _history_order  # noqa: E402,F401 - numbers history rows (seq)
