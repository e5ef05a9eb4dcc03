"""Field labels: the name a user reads for a field code, as the forms label it.

``label("root_cause_analysis")`` → ``"根因分析"`` in Chinese, ``"Root-cause analysis"`` in
English.  The msgids are English; their Chinese (``resources/locale/zh_CN/messages.po``) is the
same text the form labels carry in ``resources/translations/opsledger_zh_CN.ts`` (a test checks
the two agree where a form shows the field).  Used by :mod:`app.errors` to name the field of a
refusal, and by history/audit lines.

A code that is not in the table is shown as it is: that is right for user data used as a field
(a checklist item's text, a profile path such as ``checklists[2].items[0]``); a test checks
that every literal field code raised in ``app/`` has a label.
"""

from __future__ import annotations

import re
from enum import StrEnum

from app.core.i18n import N_, _
from app.core.vocab import (
    CauseCategory,
    Channel,
    IncidentSource,
    IncidentStatus,
    Satisfaction,
    label_of,
)

FIELD_LABELS: dict[str, str] = {
    # incidents
    "title": N_("Title"),
    "description": N_("Description"),
    "severity": N_("Severity"),
    "incident_class": N_("Incident class"),
    "source": N_("Source"),
    "service_id": N_("Service"),
    "service_ids": N_("Services"),
    "asset_ids": N_("Assets"),
    "assignee_id": N_("Assignee"),
    "engineer_id": N_("Engineer"),
    "entry_id": N_("Work-log entry"),
    "occurred_at": N_("Occurred at"),
    "reported_at": N_("Reported at"),
    "responded_at": N_("Responded at"),
    "onsite_at": N_("On site at"),
    "restored_at": N_("Restored at"),
    "closed_at": N_("Closed at"),
    "cause": N_("Cause"),
    "cause_category": N_("Cause category"),
    "resolution": N_("Resolution"),
    "root_cause_analysis": N_("Root-cause analysis"),
    "reporter_department": N_("Reporter department"),
    "reporter_name": N_("Reporter"),
    "reporter_phone": N_("Reporter phone"),
    "vendor_case_number": N_("Vendor case number"),
    "status": N_("Status"),
    "reason": N_("Reason"),
    "note": N_("Note"),
    "at": N_("Time"),
    "downtime_start": N_("Downtime start"),
    "downtime_end": N_("Downtime end"),
    "downtime": N_("Downtime"),
    "incident": N_("Incident"),
    "file": N_("File"),
    "source_path": N_("File"),
    "owner_kind": N_("Attached to"),
    "number": N_("Number"),
    # service requests, requirements, work log
    "category": N_("Category"),
    "channel": N_("Channel"),
    "requester_name": N_("Requester"),
    "requester_department": N_("Requester department"),
    "requester_phone": N_("Requester phone"),
    "received_at": N_("Received at"),
    "satisfaction": N_("Satisfaction"),
    "complaint_text": N_("Complaint"),
    "summary": N_("Summary"),
    "work_date": N_("Work date"),
    "started_at": N_("Started at"),
    "duration_minutes": N_("Duration"),
    "kind": N_("Kind"),
    # inspections
    "template": N_("Checklist"),
    "slot": N_("Slot"),
    "result": N_("Inspection result"),
    "results": N_("Inspection results"),
    "inspection": N_("Inspection"),
    "outcome": N_("Outcome"),
    "value": N_("Value"),
    # periods, reports, calendars, contracts
    "start": N_("Start date"),
    "end": N_("End date"),
    "period": N_("Period"),
    "year": N_("Year"),
    "days": N_("Days"),
    "holidays": N_("Public holidays"),
    "makeup_days": N_("Make-up working days"),
    "calendars": N_("Service calendars"),
    "default_calendar": N_("Default service calendar"),
    "service_desk.calendar": N_("Service desk calendar"),
    "engineers": N_("Engineers"),
    "contract": N_("Contract"),
    "profile": N_("Contract profile"),
    "format": N_("Format"),
    "version": N_("Version"),
    "example": N_("Example file"),
    "ledger_start": N_("Start of use"),
    "report": N_("Report"),
    "language": N_("Language"),
    # command-line options (the CLI names them; the GUI shows the same label)
    "--period": N_("Period"),
    "--kind": N_("Report kind"),
    "--format": N_("Format"),
    "--out": N_("Output file"),
    "--verify": N_("File to verify"),
    "--head-from": N_("File with a recorded audit chain head"),
    "older_than": N_("Purge events older than"),
    "--from": N_("Start date"),
    "--to": N_("End date"),
    "--days": N_("Days"),
    "--date": N_("Date"),
    "--end": N_("End date"),
    "--contract": N_("Contract"),
    # credential vault (密码库)
    "credential.system": N_("System or device"),
    "credential.host": N_("Host address"),
    "credential.account": N_("Account name"),
    "credential.purpose": N_("Account purpose"),
    "credential.owner": N_("Account owner"),
    "credential.asset_code": N_("Linked asset code"),
    "credential.length": N_("Password length"),
    "credential.classes": N_("Character classes"),
    "credential.rotation_days": N_("Rotation period (days)"),
    "credential.secret": N_("Password"),
    "credential.how": N_("How the password was made"),
    "credential.purpose_of_reveal": N_("Reveal purpose"),
    "vault.master_password": N_("Master password"),
    "--changed-on": N_("Date of the last change"),
    # asset register (issue #11; Chinese in assets.po)
    "code": N_("Asset code"),
    "name": N_("Name"),
    "asset_class": N_("Asset class"),
    "model": N_("Model"),
    "serial": N_("Serial number"),
    "quantity": N_("Quantity"),
    "location": N_("Location"),
    "rack": N_("Rack"),
    "owner": N_("Owner"),
    "purchase_date": N_("Purchase date"),
    "warranty_end": N_("Warranty end"),
    "maintenance_end": N_("Maintenance end"),
    "maintenance_vendor": N_("Maintenance vendor"),
    "maintenance_contact": N_("Maintenance contact"),
    "ip": N_("IP addresses"),
    "imei": N_("IMEI"),
    "holder": N_("Holder"),
    "phone": N_("Phone number"),
    "notes": N_("Notes"),
    "cidr": N_("Subnet"),
    "site": N_("Site"),
    "vlan": N_("VLAN"),
    "mapping": N_("Column mapping"),
    "key": N_("Reconciliation key"),
    "asset_id": N_("Asset"),
    "stocktake": N_("Stocktake"),
    "moved_to": N_("Moved to"),
    "attachments": N_("Attachments"),  # Chinese in assets2.po
    "checklist_items": N_("Checklist items"),
}
"""Field code → English msgid of its label."""

_INDEX = re.compile(r"\[\d+\]")


def label(code: str) -> str:
    """The label of field ``code`` in the current language; unknown codes are returned as given.

    A dotted profile path (``holidays[2].to``) is labelled by its first known part followed by
    the rest, e.g. ``"法定节假日 [2].to"``.
    """
    if code in FIELD_LABELS:
        return _(FIELD_LABELS[code])
    head = _INDEX.split(code.split(".", 1)[0], maxsplit=1)[0]
    if head and head in FIELD_LABELS and head != code:
        return f"{_(FIELD_LABELS[head])} {code[len(head):].lstrip('.')}"
    return code


def has_label(code: str) -> bool:
    """Whether ``code`` has an entry in :data:`FIELD_LABELS`."""
    return code in FIELD_LABELS


FIELD_VOCABULARIES: dict[str, type[StrEnum]] = {
    "status": IncidentStatus,
    "source": IncidentSource,
    "cause_category": CauseCategory,
    "channel": Channel,
    "satisfaction": Satisfaction,
}
"""Field code → vocabulary whose labels its values take (see :func:`value_text`)."""


def value_text(code: str, value: object) -> str:
    """A stored value of field ``code`` as a user reads it: an ISO instant as local time
    (``2026-12-01T08:53:19+00:00`` → ``2026-12-01 16:53``), a vocabulary code by its label,
    ``None``/``""`` as ``—``, anything else as ``str``."""
    from datetime import datetime  # noqa: PLC0415

    from app.core.timeutil import fmt_local  # noqa: PLC0415

    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        return fmt_local(value)
    text = str(value)
    if code.endswith("_at") and len(text) >= 16 and text[4:5] == "-" and "T" in text:
        try:
            return fmt_local(datetime.fromisoformat(text))
        except ValueError:
            return text
    if code in FIELD_VOCABULARIES:
        return label_of(FIELD_VOCABULARIES[code], text)
    return text


def change_text(code: str, old: object, new: object) -> str:
    """One field change of a history/audit line: ``"发生时间：2026-12-01 16:53 → 2026-12-01 17:00"``."""
    return _("{field}: {old} → {new}", field=label(code), old=value_text(code, old), new=value_text(code, new))
