"""The service-desk user actions: requests (工单), requirements (需求) and the work log (工作日志).

One function per user action, each in ONE transaction of its own, its audit event written by the
domain function in that transaction; returns ``Outcome(id or plain value, Changes)``.  Refusals
raise ``ValidationError`` (field named) and write nothing.

No silent overwrite (team server): the moves and edits take ``version``, the row version the
pane loaded (``RequestView.version``, ``RequirementView.version``, ``WorkLogLine.version``); a
record saved by someone else since raises ``ConcurrentEditError`` and nothing is written.
``None`` skips the check.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.core.i18n import N_
from app.errors import NotFoundError
from app.services import attachments as attachment_rules
from app.services.changes import Changes, Outcome
from app.services.incident import attachments as record_files
from app.services.ledger import Ledger
from app.services.servicedesk import requests as service_requests
from app.services.servicedesk import requirements, worklog
from app.store.models import Contract, Requirement, ServiceRequest, WorkLogEntry
from app.store.versioning import check_version


def _contract(s: Any, contract_id: uuid.UUID | None) -> Contract:
    contract = s.get(Contract, contract_id) if contract_id is not None else None
    if contract is None:
        raise NotFoundError(N_("No contract is loaded; load a contract profile first."))
    return contract


def _fresh(s: Any, model: type, record_id: uuid.UUID, version: int | None) -> None:
    """Refuse a save made from version ``version`` when the record has moved on since."""
    obj = s.get(model, record_id) if version is not None else None
    if obj is not None:
        check_version(s, obj, version)


def _req(request_id: uuid.UUID, *more: str) -> Changes:
    return Changes.of("service_request", *more, ids=(request_id,))


# --------------------------------------------------------------------------- service requests


def attach_request_file(ledger: Ledger, request_id: uuid.UUID, path: str | Path, *,
                        actor: str) -> Outcome[uuid.UUID]:
    """Read ``path`` into the ledger and list it on the service request (the one attachment
    rule, ``app.services.incident.attachments.add_attachment``: not a file, empty, over 20 MB,
    same content already attached are refused); ``OSError`` when unreadable."""
    with ledger.session() as s:
        record_files.add_attachment(s, "service_request", request_id, path, actor=actor)
        return Outcome(request_id, _req(request_id))


def add_request_attachments(ledger: Ledger, request_id: uuid.UUID, paths: Sequence[str | Path], *,
                            actor: str) -> Outcome[tuple[attachment_rules.Attached, ...]]:
    """Attach the files ``paths`` to the service request in ONE transaction (all or none), as an
    asset's (``record_files.add_paths``: audit event each, secret scan of text files).  Errors:
    those of ``attach_request_file``."""
    with ledger.session() as s:
        added = record_files.add_paths(s, "service_request", request_id, paths, actor=actor)
        return Outcome(added, _req(request_id))


def remove_request_attachments(ledger: Ledger, attachment_ids: Sequence[uuid.UUID], *,
                               actor: str) -> Outcome[tuple[str, ...]]:
    """Remove service-request attachments in ONE transaction (``record_files.remove``: kept in
    the audit trail, bytes cleared); value: the file names.  Errors: unknown, removed already —
    then none is removed."""
    with ledger.session() as s:
        gone = [record_files.remove(s, att_id, actor=actor, owner_kinds=("service_request",))
                for att_id in attachment_ids]
        owners = tuple(dict.fromkeys(a.owner_id for a in gone))
        return Outcome(tuple(a.filename for a in gone), Changes.of("service_request", ids=owners))


def write_request_attachment(ledger: Ledger, attachment_id: uuid.UUID, target: str | Path, *, actor: str,
                             purpose: str = "save") -> Outcome[Path]:
    """Write a service request's attachment from the ledger to ``target`` (``purpose`` ``"open"``
    / ``"save"``) with an audit event ``service_request.attachment_<purpose>``; value: the path.
    Errors: ``app.services.attachments.write_copy``."""
    with ledger.session() as s:
        _att, out = attachment_rules.write_copy(s, attachment_id, target, actor=actor, purpose=purpose,
                                                owner_kinds=("service_request",))
        return Outcome(out, Changes.of("audit"))


def create_request(ledger: Ledger, contract_id: uuid.UUID | None, *, actor: str, title: str,
                   channel: str = "phone", category: str = "other", received_at: datetime | None = None,
                   description: str = "", requester_department: str = "", requester_name: str = "",
                   requester_phone: str = "", service_id: uuid.UUID | None = None,
                   assignee_id: uuid.UUID | None = None) -> Outcome[uuid.UUID]:
    """Register a request (assigned at once when ``assignee_id`` is given); value = its id.
    Errors: ``requests.create_request`` (title, category, channel, service_id, assignee_id)."""
    with ledger.session() as s:
        r = service_requests.create_request(
            s, _contract(s, contract_id), actor=actor, title=title, channel=channel, category=category,
            received_at=received_at, description=description, requester_department=requester_department,
            requester_name=requester_name, requester_phone=requester_phone, service_id=service_id,
            assignee_id=assignee_id)
        return Outcome(r.id, _req(r.id))


def assign_request(ledger: Ledger, request_id: uuid.UUID, engineer_id: uuid.UUID, *, actor: str,
                   note: str = "", version: int | None = None) -> Outcome[uuid.UUID]:
    """派单 / 转派 to ``engineer_id``; errors: ``requests.assign_request``."""
    with ledger.session() as s:
        _fresh(s, ServiceRequest, request_id, version)
        service_requests.assign_request(s, request_id, engineer_id, actor=actor, note=note)
        return Outcome(request_id, _req(request_id))


def respond_request(ledger: Ledger, request_id: uuid.UUID, *, actor: str,
                    version: int | None = None) -> Outcome[uuid.UUID]:
    """Work starts now (status in progress); errors: ``requests.respond_request``."""
    with ledger.session() as s:
        _fresh(s, ServiceRequest, request_id, version)
        service_requests.respond_request(s, request_id, actor=actor)
        return Outcome(request_id, _req(request_id))


def resolve_request(ledger: Ledger, request_id: uuid.UUID, *, actor: str, resolution: str,
                    version: int | None = None) -> Outcome[uuid.UUID]:
    """Resolved now with ``resolution`` (required); errors: ``requests.resolve_request``."""
    with ledger.session() as s:
        _fresh(s, ServiceRequest, request_id, version)
        service_requests.resolve_request(s, request_id, actor=actor, resolution=resolution)
        return Outcome(request_id, _req(request_id))


def close_request(ledger: Ledger, request_id: uuid.UUID, *, actor: str,
                    version: int | None = None) -> Outcome[uuid.UUID]:
    """Close a resolved request; errors: ``requests.close_request``."""
    with ledger.session() as s:
        _fresh(s, ServiceRequest, request_id, version)
        service_requests.close_request(s, request_id, actor=actor)
        return Outcome(request_id, _req(request_id))


def record_followup(ledger: Ledger, request_id: uuid.UUID, *, actor: str, satisfaction: str | None,
                    complaint_text: str = "", version: int | None = None) -> Outcome[uuid.UUID]:
    """回访: satisfaction and, when text is given, a complaint; errors: ``requests.record_followup``."""
    text = (complaint_text or "").strip()
    with ledger.session() as s:
        _fresh(s, ServiceRequest, request_id, version)
        service_requests.record_followup(s, request_id, actor=actor, satisfaction=satisfaction,
                                         complaint=bool(text), complaint_text=text)
        return Outcome(request_id, _req(request_id))


def convert_request(ledger: Ledger, request_id: uuid.UUID, *, actor: str,
                    severity: str | None = None, version: int | None = None) -> Outcome[uuid.UUID]:
    """The request is a fault: open an incident keeping its timeline, close the request;
    value = the new incident's id.  Errors: ``requests.convert_to_incident``."""
    with ledger.session() as s:
        _fresh(s, ServiceRequest, request_id, version)
        inc = service_requests.convert_to_incident(s, request_id, actor=actor, severity=severity)
        return Outcome(inc.id, Changes.of("service_request", "incident", ids=(request_id, inc.id)))


# --------------------------------------------------------------------------- requirements


def create_requirement(ledger: Ledger, contract_id: uuid.UUID | None, *, actor: str, title: str,
                       service_id: uuid.UUID | None = None, description: str = "",
                       requester_department: str = "", requester_name: str = "") -> Outcome[uuid.UUID]:
    """Record a requirement (status collected); errors: ``requirements.create_requirement``."""
    with ledger.session() as s:
        r = requirements.create_requirement(
            s, _contract(s, contract_id), actor=actor, title=title, service_id=service_id,
            description=description, requester_department=requester_department, requester_name=requester_name)
        return Outcome(r.id, Changes.of("requirement", ids=(r.id,)))


def set_requirement_status(ledger: Ledger, requirement_id: uuid.UUID, status: str, *, actor: str,
                           note: str = "", version: int | None = None) -> Outcome[uuid.UUID]:
    """Move a requirement to ``status``; errors: ``requirements.set_requirement_status``."""
    with ledger.session() as s:
        _fresh(s, Requirement, requirement_id, version)
        requirements.set_requirement_status(s, requirement_id, status, actor=actor, note=note)
        return Outcome(requirement_id, Changes.of("requirement", ids=(requirement_id,)))


# --------------------------------------------------------------------------- work log


def add_worklog_entry(ledger: Ledger, contract_id: uuid.UUID | None, *, actor: str, engineer_id: uuid.UUID,
                      work_date: date, started_at: datetime, duration_minutes: int,
                      summary: str) -> Outcome[uuid.UUID]:
    """Record manual work (minutes 1..1440, summary required); errors: ``worklog.add_entry``."""
    with ledger.session() as s:
        e = worklog.add_entry(s, _contract(s, contract_id), actor=actor, engineer_id=engineer_id,
                              work_date=work_date, started_at=started_at, duration_minutes=duration_minutes,
                              summary=summary)
        return Outcome(e.id, Changes.of("worklog", ids=(e.id,)))


def edit_worklog_entry(ledger: Ledger, entry_id: uuid.UUID, *, actor: str, engineer_id: uuid.UUID,
                       started_at: datetime, duration_minutes: int, summary: str,
                       version: int | None = None) -> Outcome[uuid.UUID]:
    """Correct a manual entry (engineer, start, minutes, summary); errors: ``worklog.update_entry``."""
    with ledger.session() as s:
        _fresh(s, WorkLogEntry, entry_id, version)
        worklog.update_entry(s, entry_id, actor=actor, engineer_id=engineer_id, started_at=started_at,
                             duration_minutes=duration_minutes, summary=summary)
        return Outcome(entry_id, Changes.of("worklog", ids=(entry_id,)))


# --------------------------------------------------------------------------- Excel transfer

# dotted names: the transfer modules (openpyxl) load when a user exports or imports, not at start
_EXPORTS = {"requests": "export_requests", "requirements": "export_requirements", "worklog": "export_worklog"}
_IMPORTS = {"requests": ("import_requests", "service_request")}


def export_records(ledger: Ledger, contract_id: uuid.UUID | None, kind: str, first: date, last: date,
                   out: Path, progress: Any = None) -> Outcome[Path]:
    """Write ``kind`` (``requests``/``requirements``/``worklog``) of local days ``first``..``last``
    to ``out``; value = the path.  ``KeyError`` for another kind (a programming error)."""
    from app.services.transfer import record_export  # noqa: PLC0415 - openpyxl only when used

    fn = getattr(record_export, _EXPORTS[kind])
    with ledger.session() as s:
        return Outcome(fn(s, _contract(s, contract_id), first, last, out, progress=progress), Changes())


def import_records(ledger: Ledger, contract_id: uuid.UUID | None, kind: str, path: Path, *,
                   actor: str) -> Outcome[list[str]]:
    """Import a workbook of ``kind`` (``requests``) whole or not at all; value = numbers written.
    Errors: ``ImportRejected`` (row problems), ``ValidationError`` (unsafe file)."""
    from app.services.transfer import record_import  # noqa: PLC0415 - openpyxl only when used

    name, changed = _IMPORTS[kind]
    fn = getattr(record_import, name)
    with ledger.session() as s:
        result = fn(s, _contract(s, contract_id), path, actor=actor)
        return Outcome(list(result.numbers), Changes.of(changed))
