"""Vocabularies: every code set the ledger stores, as ``StrEnum``s, with ONE label table.

A member *is* its stored code (``IncidentStatus.CLOSED == "closed"``), so models, services,
importers and reports compare and store members and plain strings alike.  The database holds the
same sets as CHECK constraints (``app/store/models``, migration 0003), so no other code can
slip in.

Labels: :func:`label` gives a member's label in the current language through
``app.core.i18n._`` (msgid English, Chinese in ``resources/locale/zh_CN/vocab.po``).  One label
per code everywhere — the UI, the xlsx workbooks and the reports.  Terms chosen where tables used
to differ: cause ``unknown`` 未知 (was 不明 in the xlsx), requirement ``rejected`` 未采纳 (was
已拒绝), channel ``email`` 电子邮件 (was 邮件), cause ``power_environment`` 电力环境 (was 电力/环境).
:func:`parse` still accepts every label ever written (``LEGACY_LABELS``) so old workbooks import.

Member order is the order forms offer them (most common first where it matters: the first
source and channel is the telephone).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from app.core.i18n import N_, _, catalogue, normalise


class IncidentStatus(StrEnum):
    """故障状态; the workflow (``services/incident/workflow.py``) says which moves are allowed."""

    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    PENDING = "pending"  # SLA clock paused
    RESTORED = "restored"
    CLOSED = "closed"


class IncidentSource(StrEnum):
    """故障来源: how the fault came to the engineers."""

    PHONE = "phone"
    INSTANT_MESSAGE = "instant_message"
    WALK_IN = "walk_in"
    MONITORING = "monitoring"
    FAX = "fax"
    INSPECTION = "inspection"
    REQUEST = "request"


class CauseCategory(StrEnum):
    """原因分类 of an incident; required (with cause and resolution) before closing."""

    HARDWARE = "hardware"
    SOFTWARE = "software"
    NETWORK = "network"
    POWER_ENVIRONMENT = "power_environment"
    USER_OPERATION = "user_operation"
    THIRD_PARTY = "third_party"
    UNKNOWN = "unknown"


class IncidentEventKind(StrEnum):
    """Kind of an incident history entry (``IncidentEvent.kind``)."""

    CREATED = "created"
    STATUS = "status"
    FIELD = "field"
    REOPEN = "reopen"


class RequestStatus(StrEnum):
    """工单状态 of a service request."""

    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"


class Channel(StrEnum):
    """受理渠道: how a service request was received."""

    PHONE = "phone"
    INSTANT_MESSAGE = "instant_message"
    WALK_IN = "walk_in"
    EMAIL = "email"
    FAX = "fax"
    OTHER = "other"


class Satisfaction(StrEnum):
    """满意度 given at follow-up (回访)."""

    SATISFIED = "satisfied"
    MOSTLY_SATISFIED = "mostly_satisfied"
    DISSATISFIED = "dissatisfied"


class RequirementStatus(StrEnum):
    """需求状态; forward moves and ``rejected`` are in ``services/servicedesk/requirements.py``."""

    COLLECTED = "collected"
    ANALYSED = "analysed"
    REPORTED = "reported"
    ACCEPTED = "accepted"
    DONE = "done"
    REJECTED = "rejected"


class WorkLogSource(StrEnum):
    """What made a work-log entry (``WorkLogEntry.source_kind``)."""

    MANUAL = "manual"
    INSPECTION = "inspection"
    INCIDENT = "incident"
    SERVICE_REQUEST = "service_request"


class InspectionOutcome(StrEnum):
    """巡检结果 of one checklist item (``None`` in the database while unanswered)."""

    NORMAL = "normal"
    ABNORMAL = "abnormal"
    NA = "na"


class ItemKind(StrEnum):
    """Kind of a checklist item: pass/fail check, reading with a range, choice, free text."""

    CHECK = "check"
    READING = "reading"
    CHOICE = "choice"
    TEXT = "text"


class Frequency(StrEnum):
    """How often a checklist template is due."""

    TWICE_DAILY = "twice_daily"
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"
    N_PER_PERIOD = "n_per_period"
    AD_HOC = "ad_hoc"


class AssetStatus(StrEnum):
    """资产状态 in the asset register."""

    IN_SERVICE = "in_service"
    SPARE = "spare"
    UNDER_REPAIR = "under_repair"
    RETIRED = "retired"


class EngineerRole(StrEnum):
    """驻场工程师 role: a lead also exports and signs off."""

    ENGINEER = "engineer"
    LEAD = "lead"


class AttachmentOwner(StrEnum):
    """Record kind an attachment belongs to (``Attachment.owner_kind``)."""

    INCIDENT = "incident"
    SERVICE_REQUEST = "service_request"
    ASSET = "asset"


class SecretStoreKind(StrEnum):
    """Where a credential's secret lives (密码库, ``Credential.secret_store``)."""

    KEYRING = "keyring"
    KDBX = "kdbx"


class RotationHow(StrEnum):
    """How a password of a rotation record was made (``CredentialRotation.how``)."""

    INITIAL = "initial"
    GENERATED = "generated"
    TYPED = "typed"
class BackupKind(StrEnum):
    """Why a backup of the ledger was taken (``BackupRecord.kind``): the first start of a local
    day, the user's 备份账本…, before a schema upgrade, before a restore."""

    DAILY = "daily"
    MANUAL = "manual"
    PRE_MIGRATION = "pre_migration"
    PRE_RESTORE = "pre_restore"


VOCABULARIES: tuple[type[StrEnum], ...] = (
    IncidentStatus, IncidentSource, CauseCategory, IncidentEventKind, RequestStatus, Channel,
    Satisfaction, RequirementStatus, WorkLogSource, InspectionOutcome, ItemKind, Frequency,
    AssetStatus, EngineerRole, AttachmentOwner, SecretStoreKind, RotationHow, BackupKind,
)

# The one label table: enum → code → msgid (English; Chinese in vocab.po).  Keyed by enum
# class because members of different enums with the same code are equal as strings.
_MSGIDS: dict[type[StrEnum], dict[str, str]] = {
    IncidentStatus: {
        "new": N_("New"), "assigned": N_("Assigned"), "in_progress": N_("In progress"),
        "pending": N_("Pending"), "restored": N_("Restored"), "closed": N_("Closed"),
    },
    IncidentSource: {
        "phone": N_("Phone"), "instant_message": N_("Instant message"), "walk_in": N_("Reported on site"),
        "monitoring": N_("Monitoring alert"), "fax": N_("Fax"), "inspection": N_("Found in inspection"),
        "request": N_("From a service request"),
    },
    CauseCategory: {
        "hardware": N_("Hardware"), "software": N_("Software"), "network": N_("Network"),
        "power_environment": N_("Power / environment"), "user_operation": N_("User operation"),
        "third_party": N_("Third party"), "unknown": N_("Unknown"),
    },
    IncidentEventKind: {
        "created": N_("Logged"), "status": N_("Status change"), "field": N_("Edited"),
        "reopen": N_("Reopened"),
    },
    RequestStatus: {
        "new": N_("New"), "assigned": N_("Assigned"), "in_progress": N_("In progress"),
        "resolved": N_("Resolved"), "closed": N_("Closed"),
    },
    Channel: {
        "phone": N_("Phone"), "instant_message": N_("Instant message"), "walk_in": N_("Walk-in"),
        "email": N_("Email"), "fax": N_("Fax"), "other": N_("Other"),
    },
    Satisfaction: {
        "satisfied": N_("Satisfied"), "mostly_satisfied": N_("Mostly satisfied"),
        "dissatisfied": N_("Dissatisfied"),
    },
    RequirementStatus: {
        "collected": N_("Collected"), "analysed": N_("Analysed"), "reported": N_("Reported"),
        "accepted": N_("Accepted"), "done": N_("Done"), "rejected": N_("Rejected"),
    },
    WorkLogSource: {
        "manual": N_("Manual"), "inspection": N_("Inspection"), "incident": N_("Incident"),
        "service_request": N_("Service request"),
    },
    InspectionOutcome: {"normal": N_("Normal"), "abnormal": N_("Abnormal"), "na": N_("Not applicable")},
    ItemKind: {"check": N_("Check"), "reading": N_("Reading"), "choice": N_("Choice"), "text": N_("Text")},
    Frequency: {
        "twice_daily": N_("Twice daily"), "daily": N_("Daily"), "weekly": N_("Weekly"),
        "monthly": N_("Monthly"), "quarterly": N_("Quarterly"), "half_yearly": N_("Half-yearly"),
        "yearly": N_("Yearly"), "n_per_period": N_("N times per period"), "ad_hoc": N_("Ad hoc"),
    },
    AssetStatus: {
        "in_service": N_("In service"), "spare": N_("Spare"), "under_repair": N_("Under repair"),
        "retired": N_("Retired"),
    },
    EngineerRole: {"engineer": N_("Engineer"), "lead": N_("Lead engineer")},
    AttachmentOwner: {"incident": N_("Incident"), "service_request": N_("Service request"), "asset": N_("Asset")},
    SecretStoreKind: {"keyring": N_("System keyring"), "kdbx": N_("KDBX file")},
    RotationHow: {"initial": N_("entered"), "generated": N_("generated"), "typed": N_("typed")},
    BackupKind: {"daily": N_("Daily (first start of the day)"), "manual": N_("Manual"),
                 "pre_migration": N_("Before a schema upgrade"), "pre_restore": N_("Before a restore")},
}

# Labels written by earlier versions (workbooks, reports) that import must still understand.
LEGACY_LABELS: dict[type[StrEnum], dict[str, tuple[str, ...]]] = {
    CauseCategory: {"unknown": ("不明",), "power_environment": ("电力/环境",)},
    RequirementStatus: {"rejected": ("已拒绝",)},
    Channel: {"email": ("邮件",)},
    IncidentSource: {
        "inspection": ("Inspection",), "monitoring": ("Monitoring",), "walk_in": ("Walk-in",),
        "request": ("Service request",),
    },
}

E = TypeVar("E", bound=StrEnum)


def codes(enum: type[StrEnum]) -> tuple[str, ...]:
    """The stored codes of ``enum`` in member order (what the CHECK constraint allows)."""
    return tuple(m.value for m in enum)


def msgid(member: StrEnum) -> str:
    """The English msgid of ``member``'s label (raises ``KeyError`` for a foreign enum)."""
    return _MSGIDS[type(member)][member.value]


def label(member: StrEnum, lang: str | None = None) -> str:
    """The label of ``member`` in ``lang`` (default: the current language, see ``app.core.i18n``).

    ``label(CauseCategory.UNKNOWN)`` → ``"未知"`` in zh_CN, ``"Unknown"`` in en.
    """
    text = msgid(member)
    if lang is None:
        return _(text)
    return catalogue(normalise(lang)).get(text, text)


def label_of(enum: type[StrEnum], code: str | None, lang: str | None = None) -> str:
    """Label of a stored ``code`` of ``enum``: ``""`` for ``None``/``""``, the code itself when it
    is not in the vocabulary (so a surprising value is shown, never hidden)."""
    if not code:
        return ""
    try:
        member = enum(code)
    except ValueError:
        return str(code)
    return label(member, lang)


def choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """``[(code, label)]`` in member order, labels in the current language (for combo boxes; the
    code is a plain ``str`` so it survives a round trip through Qt item data)."""
    return [(m.value, label(m)) for m in enum]


def parse(enum: type[E], text: str | None) -> E | None:
    """The member whose code or label (any language, legacy labels included) equals ``text``
    (trimmed, case-insensitive), or ``None`` when nothing matches."""
    t = (text or "").strip().casefold()
    if not t:
        return None
    legacy = LEGACY_LABELS.get(enum, {})
    for m in enum:
        names = {m.value, label(m, "en"), label(m, "zh_CN"), *legacy.get(m.value, ())}
        if t in {n.casefold() for n in names}:
            return m
    return None


__all__ = [
    "LEGACY_LABELS",
    "VOCABULARIES",
    "AssetStatus",
    "AttachmentOwner",
    "CauseCategory",
    "Channel",
    "EngineerRole",
    "Frequency",
    "IncidentEventKind",
    "IncidentSource",
    "IncidentStatus",
    "InspectionOutcome",
    "ItemKind",
    "RequestStatus",
    "RequirementStatus",
    "Satisfaction",
    "WorkLogSource",
    "choices",
    "codes",
    "label",
    "label_of",
    "msgid",
    "parse",
]


# --------------------------------------------------------------------------- asset register
# (issue #11: the device ledger; appended in one block so the vocabularies above stay as they were)


class AssetClass(StrEnum):
    """资产类别 in the asset register; ``mobile_terminal`` has its own fields (IMEI, holder,
    phone number).  A KPI or SLA target may be scoped to a class (glossary: asset class)."""

    SERVER = "server"
    NETWORK = "network"
    STORAGE = "storage"
    SECURITY = "security"
    TERMINAL = "terminal"
    MOBILE_TERMINAL = "mobile_terminal"
    PRINTER = "printer"
    MACHINE_ROOM = "machine_room"
    VIDEO_CONFERENCE = "video_conference"
    OTHER = "other"


class StocktakeResult(StrEnum):
    """盘点 result of one line: found in place, missing, found elsewhere (moved), or an item found
    that the register does not list (unregistered)."""

    FOUND = "found"
    MISSING = "missing"
    MOVED = "moved"
    UNREGISTERED = "unregistered"


VOCABULARIES = (*VOCABULARIES, AssetClass, StocktakeResult)
_MSGIDS[AssetClass] = {
    "server": N_("Server"), "network": N_("Network"), "storage": N_("Storage"), "security": N_("Security"),
    "terminal": N_("Terminal"), "mobile_terminal": N_("Mobile terminal"), "printer": N_("Printer"),
    "machine_room": N_("Machine room equipment"), "video_conference": N_("Video conference"),
    "other": N_("Other"),
}
_MSGIDS[StocktakeResult] = {
    "found": N_("Found"), "missing": N_("Missing"), "moved": N_("Moved"), "unregistered": N_("Not registered"),
}
LEGACY_LABELS[AssetClass] = {
    "server": ("服务器",), "network": ("网络设备", "交换机", "路由器"), "storage": ("存储",),
    "security": ("安全设备", "防火墙"), "terminal": ("终端", "电脑", "计算机"), "printer": ("打印机",),
    "machine_room": ("机房设备", "UPS", "空调", "机房"), "video_conference": ("视频会议",),
}
__all__ += ["AssetClass", "StocktakeResult"]


# --------------------------------------------------------------------------- audit trail
# (审计日志: every action code ``app.services.audit.record`` is called with, and what an event is
# about; labels only — no CHECK constraint, the trail keeps whatever code an older version
# wrote, and ``label_of`` shows an unknown code as it is.  Not in ``VOCABULARIES`` for that reason.
# ``tests/services/test_audit_labels.py`` fails when the app writes an action without a label.)


class AuditAction(StrEnum):
    """The action of an audit event (``AuditEvent.action``): ``<subject>.<verb>``.

    ``incident.<status>`` is a status move (``workflow.TRANSITIONS``), ``<owner>.attach`` an
    attachment (``AttachmentOwner``), ``credential.view``/``.copy`` a revealed password.
    """
    ASSET_CREATE = "asset.create"
    ASSET_EDIT = "asset.edit"
    ASSET_ATTACH = "asset.attach"
    ASSET_ATTACHMENT_REMOVE = "asset.attachment_remove"
    ASSET_ATTACHMENT_OPEN = "asset.attachment_open"
    ASSET_ATTACHMENT_SAVE = "asset.attachment_save"
    ASSET_IMPORT = "asset.import"
    ASSET_IMPORT_MAPPING = "asset.import_mapping"
    ASSET_CODE_SCHEME = "asset.code_scheme"
    ASSET_CHECKLIST_ITEM = "asset.checklist_item"
    ASSET_SUBNET_ADD = "asset.subnet_add"
    ASSET_SUBNET_REMOVE = "asset.subnet_remove"
    ASSET_STOCKTAKE_START = "asset.stocktake_start"
    ASSET_STOCKTAKE_MARK = "asset.stocktake_mark"
    ASSET_STOCKTAKE_UNREGISTERED = "asset.stocktake_unregistered"
    ASSET_STOCKTAKE_FINISH = "asset.stocktake_finish"
    CALENDAR_ENTER_YEAR = "calendar.enter_year"
    CALENDAR_REMOVE_YEAR = "calendar.remove_year"
    CONTRACT_IMPORT = "contract.import"
    CONTRACT_UPDATE = "contract.update"
    CONTRACT_EXPORT = "contract.export"
    CONTRACT_LEDGER_START = "contract.ledger_start"
    CREDENTIAL_ADD = "credential.add"
    CREDENTIAL_EDIT = "credential.edit"
    CREDENTIAL_ROTATE = "credential.rotate"
    CREDENTIAL_VIEW = "credential.view"
    CREDENTIAL_COPY = "credential.copy"
    CREDENTIAL_DELETE = "credential.delete"
    CREDENTIAL_EXPORT = "credential.export"
    CREDENTIAL_ORPHANS_CLEAN = "credential.orphans_clean"
    DEMO_GENERATE = "demo.generate"
    ENGINEER_ADD = "engineer.add"
    EXPORT_AUDIT_TRAIL = "export.audit_trail"
    EXPORT_INSPECTION_LOG = "export.inspection_log"
    INCIDENT_CREATE = "incident.create"
    INCIDENT_UPDATE = "incident.update"
    INCIDENT_IMPORT = "incident.import"
    INCIDENT_REASSIGN = "incident.reassign"
    INCIDENT_SET_AFFECTED = "incident.set_affected"
    INCIDENT_SET_DOWNTIME = "incident.set_downtime"
    INCIDENT_ATTACH = "incident.attach"
    INCIDENT_ATTACHMENT_REMOVE = "incident.attachment_remove"
    INCIDENT_ATTACHMENT_OPEN = "incident.attachment_open"
    INCIDENT_ATTACHMENT_SAVE = "incident.attachment_save"
    INCIDENT_ASSIGNED = "incident.assigned"
    INCIDENT_IN_PROGRESS = "incident.in_progress"
    INCIDENT_PENDING = "incident.pending"
    INCIDENT_RESTORED = "incident.restored"
    INCIDENT_CLOSED = "incident.closed"
    INCIDENT_CLOSE = "incident.close"
    INCIDENT_REOPEN = "incident.reopen"
    INSPECTION_START = "inspection.start"
    INSPECTION_ANSWER = "inspection.answer"
    INSPECTION_INCIDENT = "inspection.incident"
    INSPECTION_FINISH = "inspection.finish"
    LEDGER_BACKUP = "ledger.backup"
    LEDGER_RESTORE = "ledger.restore"
    LEDGER_RESTORE_SCHEDULED = "ledger.restore_scheduled"
    LEDGER_RESTORE_CANCELLED = "ledger.restore_cancelled"
    REPORT_EXPORT = "report.export"
    REPORT_NARRATIVE = "report.narrative"
    REPORT_SUBMIT = "report.submit"
    REPORT_ACCEPT = "report.accept"
    REQUIREMENT_CREATE = "requirement.create"
    REQUIREMENT_STATUS = "requirement.status"
    SERVICE_REQUEST_CREATE = "service_request.create"
    SERVICE_REQUEST_IMPORT = "service_request.import"
    SERVICE_REQUEST_ASSIGN = "service_request.assign"
    SERVICE_REQUEST_REASSIGN = "service_request.reassign"
    SERVICE_REQUEST_RESPOND = "service_request.respond"
    SERVICE_REQUEST_RESOLVE = "service_request.resolve"
    SERVICE_REQUEST_FOLLOWUP = "service_request.followup"
    SERVICE_REQUEST_CLOSE = "service_request.close"
    SERVICE_REQUEST_CONVERT = "service_request.convert"
    SERVICE_REQUEST_ATTACH = "service_request.attach"
    SERVICE_REQUEST_ATTACHMENT_REMOVE = "service_request.attachment_remove"
    SERVICE_REQUEST_ATTACHMENT_OPEN = "service_request.attachment_open"
    SERVICE_REQUEST_ATTACHMENT_SAVE = "service_request.attachment_save"
    WORKLOG_ADD = "worklog.add"
    WORKLOG_EDIT = "worklog.edit"


class AuditSubject(StrEnum):
    """What an audit event is about: the first part of its action (the audit page's 类别 filter)
    and its ``entity_kind``."""

    ASSET = "asset"
    AUDIT_EVENT = "audit_event"
    BACKUP = "backup"
    CALENDAR = "calendar"
    CALENDAR_YEAR = "calendar_year"
    CHECKLIST_ITEM = "checklist_item"
    CONTRACT = "contract"
    CREDENTIAL = "credential"
    DEMO = "demo"
    ENGINEER = "engineer"
    EXPORT = "export"
    INCIDENT = "incident"
    INSPECTION = "inspection"
    INSPECTION_RESULT = "inspection_result"
    LEDGER = "ledger"
    REPORT = "report"
    REPORT_DELIVERY = "report_delivery"
    REPORT_NARRATIVE = "report_narrative"
    REPORT_RECORD = "report_record"
    REQUIREMENT = "requirement"
    SERVICE_REQUEST = "service_request"
    STOCKTAKE = "stocktake"
    SUBNET = "subnet"
    WORK_LOG_ENTRY = "work_log_entry"
    WORKLOG = "worklog"


_MSGIDS[AuditAction] = {
    "asset.create": N_("Asset added"),
    "asset.edit": N_("Asset edited"),
    "asset.import": N_("Assets imported"),
    "asset.import_mapping": N_("Asset import mapping saved"),
    "asset.code_scheme": N_("Asset code scheme set"),
    "asset.checklist_item": N_("Inspection item of an asset"),
    "asset.subnet_add": N_("Subnet added"),
    "asset.subnet_remove": N_("Subnet removed"),
    "asset.stocktake_start": N_("Stocktake started"),
    "asset.stocktake_mark": N_("Stocktake line marked"),
    "asset.stocktake_unregistered": N_("Unregistered item found in stocktake"),
    "asset.stocktake_finish": N_("Stocktake finished"),
    "calendar.enter_year": N_("Holiday calendar year entered"),
    "calendar.remove_year": N_("Holiday calendar year removed"),
    "contract.import": N_("Contract imported"),
    "contract.update": N_("Contract updated"),
    "contract.export": N_("Contract exported"),
    "contract.ledger_start": N_("Start of use set"),
    "credential.orphans_clean": N_("Keyring secrets without a ledger entry removed"),
    "credential.add": N_("Password entry added"),
    "credential.edit": N_("Password entry edited"),
    "credential.rotate": N_("Password changed"),
    "credential.view": N_("Password viewed"),
    "credential.copy": N_("Password copied"),
    "credential.delete": N_("Password entry deleted"),
    "credential.export": N_("Password list exported"),
    "demo.generate": N_("Demo data generated"),
    "engineer.add": N_("Engineer added"),
    "export.audit_trail": N_("Audit trail exported"),
    "export.inspection_log": N_("Inspection log exported"),
    "incident.create": N_("Incident logged"),
    "incident.update": N_("Incident edited"),
    "incident.import": N_("Incidents imported"),
    "incident.reassign": N_("Incident reassigned"),
    "incident.set_affected": N_("Affected services and assets set"),
    "incident.set_downtime": N_("Downtime recorded"),
    "incident.attach": N_("Attachment added to an incident"),
    "incident.attachment_remove": N_("Attachment removed from an incident"),
    "incident.attachment_open": N_("Incident attachment opened"),
    "incident.attachment_save": N_("Incident attachment saved as a copy"),
    "asset.attach": N_("Attachment added to an asset"),
    "asset.attachment_remove": N_("Attachment removed from an asset"),
    "asset.attachment_open": N_("Asset attachment opened"),
    "asset.attachment_save": N_("Asset attachment saved as a copy"),
    "incident.assigned": N_("Incident assigned"),
    "incident.in_progress": N_("Incident in progress"),
    "incident.pending": N_("Incident pending"),
    "incident.restored": N_("Incident restored"),
    "incident.closed": N_("Incident closed"),
    "incident.close": N_("Incident closed with cause"),
    "incident.reopen": N_("Incident reopened"),
    "inspection.start": N_("Inspection started"),
    "inspection.answer": N_("Inspection item answered"),
    "inspection.incident": N_("Incident logged from an inspection"),
    "inspection.finish": N_("Inspection finished"),
    "ledger.backup": N_("Ledger backed up"),
    "ledger.restore": N_("Ledger restored"),
    "ledger.restore_scheduled": N_("Restore scheduled"),
    "ledger.restore_cancelled": N_("Scheduled restore cancelled"),
    "report.export": N_("Report exported"),
    "report.narrative": N_("Report narrative saved"),
    "report.submit": N_("Report submitted"),
    "report.accept": N_("Report accepted"),
    "requirement.create": N_("Requirement recorded"),
    "requirement.status": N_("Requirement status changed"),
    "service_request.create": N_("Service request logged"),
    "service_request.import": N_("Service requests imported"),
    "service_request.assign": N_("Service request assigned"),
    "service_request.reassign": N_("Service request reassigned"),
    "service_request.respond": N_("Service request answered"),
    "service_request.resolve": N_("Service request resolved"),
    "service_request.followup": N_("Follow-up recorded"),
    "service_request.close": N_("Service request closed"),
    "service_request.convert": N_("Service request turned into an incident"),
    "service_request.attach": N_("Attachment added to a service request"),
    "service_request.attachment_remove": N_("Attachment removed from a service request"),
    "service_request.attachment_open": N_("Service request attachment opened"),
    "service_request.attachment_save": N_("Service request attachment saved as a copy"),
    "worklog.add": N_("Work log entry added"),
    "worklog.edit": N_("Work log entry edited"),
}
_MSGIDS[AuditSubject] = {
    "asset": N_("Asset"),
    "audit_event": N_("Audit trail"),
    "backup": N_("Backup"),
    "calendar": N_("Holiday calendar"),
    "calendar_year": N_("Holiday calendar"),
    "checklist_item": N_("Checklist item"),
    "contract": N_("Contract"),
    "credential": N_("Password entry"),
    "demo": N_("Demo data"),
    "engineer": N_("Engineer"),
    "export": N_("Export"),
    "incident": N_("Incident"),
    "inspection": N_("Inspection"),
    "inspection_result": N_("Inspection result"),
    "ledger": N_("Ledger"),
    "report": N_("Report"),
    "report_delivery": N_("Report delivery"),
    "report_narrative": N_("Report narrative"),
    "report_record": N_("Report record"),
    "requirement": N_("User requirement"),
    "service_request": N_("Service request"),
    "stocktake": N_("Stocktake"),
    "subnet": N_("Subnet"),
    "work_log_entry": N_("Work log"),
    "worklog": N_("Work log"),
}


class AuditOutcome(StrEnum):
    """How an audited action ended (``AuditEvent.outcome``)."""

    OK = "ok"
    REFUSED = "refused"


class ClockJump(StrEnum):
    """A system-clock jump flagged on an event (``clock``; ``app.core.timeline.clock_jump``)."""

    BACK = "back"
    AHEAD = "ahead"


_MSGIDS[AuditOutcome] = {"ok": N_("Done"), "refused": N_("Refused")}
_MSGIDS[ClockJump] = {"back": N_("Clock set back"), "ahead": N_("Clock jumped ahead")}
__all__ += ["AuditAction", "AuditOutcome", "AuditSubject", "ClockJump"]
