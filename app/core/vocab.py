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
