"""The incident user actions (故障): one function per thing an engineer does on the 故障 page.

Each takes the ledger, ids and plain values, runs in ONE transaction of its own
(``with ledger.session() as s:``), lets ``workflow`` write the ``IncidentEvent`` and audit rows
in that transaction, and returns ``Outcome(value, Changes.of("incident", ids=(id,)))`` where the
value is an id or a plain row — never an ORM object.  A refusal raises the workflow's
``ValidationError`` (field named) and nothing is written: the transaction rolls back whole.

No silent overwrite (team server): every edit or move takes ``version``, the row version the
form or pane loaded (``IncidentView.version``); when another engineer saved the incident since,
it raises ``ConcurrentEditError`` ("该故障已被 X 于 HH:MM 修改，请刷新后重试") and writes nothing.
``None`` skips the check.

No silent loss: a workflow move (assign, start, pause/resume, restore, close) takes the close
fields the engineer has typed in the pane (``edits``: cause category, cause, resolution,
root-cause analysis …, any of ``workflow.EDITABLE_FIELDS``) and stores them in the same
transaction, before the move, so pressing 派单 never throws typed text away.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.core.i18n import N_
from app.errors import NotFoundError
from app.services import attachments as attachment_rules
from app.services.changes import Changes, Outcome
from app.services.incident import attachments, workflow
from app.services.ledger import Ledger
from app.store.models import Contract
from app.store.versioning import check_version

CLOSE_FIELDS = ("cause_category", "cause", "resolution", "root_cause_analysis")
"""The pane's close fields (Pinggu 第七条: time, cause and resolution strictly recorded)."""


def _changed(incident_id: uuid.UUID, *more: str) -> Changes:
    return Changes.of("incident", *more, ids=(incident_id,))


def _contract(s: Any, contract_id: uuid.UUID | None) -> Contract:
    contract = s.get(Contract, contract_id) if contract_id is not None else None
    if contract is None:
        raise NotFoundError(N_("No contract is loaded; load a contract profile first."))
    return contract


def create_incident(ledger: Ledger, contract_id: uuid.UUID | None, *, actor: str, title: str,
                    occurred_at: datetime, reported_at: datetime | None = None, severity: str | None = None,
                    source: str = "phone", description: str = "", reporter_department: str = "",
                    reporter_name: str = "", reporter_phone: str = "",
                    service_ids: list[uuid.UUID] | None = None,
                    asset_ids: list[uuid.UUID] | None = None,
                    incident_class: str | None = None) -> Outcome[uuid.UUID]:
    """Log a new incident (status ``new``) of ``incident_class`` (故障类别; default the profile's
    first class); value = its id.  Rules and errors:
    ``workflow.create_incident`` (empty title, unknown severity/source, reported before occurred,
    a service/asset not of the contract); ``NotFoundError`` without a contract."""
    with ledger.session() as s:
        inc = workflow.create_incident(
            s, _contract(s, contract_id), actor=actor, title=title, occurred_at=occurred_at,
            reported_at=reported_at, severity=severity, source=source, description=description,
            service_ids=service_ids, asset_ids=asset_ids, reporter_department=reporter_department,
            reporter_name=reporter_name, reporter_phone=reporter_phone, incident_class=incident_class)
        return Outcome(inc.id, _changed(inc.id))


def _fresh(s: Any, incident_id: uuid.UUID, version: int | None) -> None:
    """Refuse a save made from version ``version`` when the incident has moved on."""
    if version is not None:
        check_version(s, workflow.get_incident(s, incident_id), version)


def edit_incident(ledger: Ledger, incident_id: uuid.UUID, *, actor: str, fields: Mapping[str, Any],
                  service_ids: list[uuid.UUID], asset_ids: list[uuid.UUID],
                  version: int | None = None) -> Outcome[uuid.UUID]:
    """Save the edit form: ``fields`` (any of ``workflow.EDITABLE_FIELDS``) and the affected
    services/assets, in one transaction (one ``field`` event each for fields and for the affected
    lists, only for real changes).  Errors: ``workflow.update_incident`` / ``set_affected``."""
    with ledger.session() as s:
        _fresh(s, incident_id, version)
        workflow.update_incident(s, incident_id, actor=actor, **dict(fields))
        workflow.set_affected(s, incident_id, service_ids=service_ids, asset_ids=asset_ids, actor=actor)
        return Outcome(incident_id, _changed(incident_id))


def save_fields(ledger: Ledger, incident_id: uuid.UUID, *, actor: str,
                edits: Mapping[str, Any], version: int | None = None) -> Outcome[uuid.UUID]:
    """Store typed fields (cause, resolution, root-cause analysis …) without a status move.

    Unchanged values write nothing.  Errors: ``workflow.update_incident`` (closed incident,
    unknown cause category …)."""
    with ledger.session() as s:
        _fresh(s, incident_id, version)
        workflow.update_incident(s, incident_id, actor=actor, **dict(edits))
        return Outcome(incident_id, _changed(incident_id))


def move_incident(ledger: Ledger, incident_id: uuid.UUID, to_status: str, *, actor: str, note: str = "",
                  assignee_id: uuid.UUID | None = None, at: datetime | None = None,
                  edits: Mapping[str, Any] | None = None, version: int | None = None) -> Outcome[uuid.UUID]:
    """One workflow move (assign = ``"assigned"`` with ``assignee_id``; start = ``"in_progress"``;
    pause = ``"pending"`` with the reason in ``note``; resume = ``"in_progress"``; mark restored =
    ``"restored"``), effective ``at`` (default now).

    ``edits`` (typed in the pane) are stored first in the same transaction; if the move is
    refused they are not stored either (nothing half-written) and the pane keeps the text.
    Errors: ``workflow.update_incident`` for the edits, ``workflow.transition`` for the move.
    """
    with ledger.session() as s:
        _fresh(s, incident_id, version)
        if edits:
            workflow.update_incident(s, incident_id, actor=actor, **dict(edits))
        workflow.transition(s, incident_id, to_status, actor=actor, at=at, note=note, assignee_id=assignee_id)
        return Outcome(incident_id, _changed(incident_id))


def close_incident(ledger: Ledger, incident_id: uuid.UUID, *, actor: str, cause_category: str | None,
                   cause: str, resolution: str, root_cause_analysis: str = "",
                   restored_at: datetime | None = None, at: datetime | None = None,
                   version: int | None = None) -> Outcome[uuid.UUID]:
    """Close with the cause category, cause, resolution and (for a major severity) root-cause
    analysis typed in the pane, all stored in the closing transaction; ``restored_at`` (aware)
    is the restore time when the incident is not marked restored yet (or a correction of it).

    Requirements (Pinggu 第七条; ``major: true`` severities need 根因分析): see
    ``workflow.close_incident``, which raises ``ValidationError`` naming the missing field
    (``cause_category``, ``cause``, ``resolution``, ``restored_at``, ``root_cause_analysis``).
    """
    with ledger.session() as s:
        _fresh(s, incident_id, version)
        inc = workflow.get_incident(s, incident_id)
        rca = (root_cause_analysis or "").strip()
        if rca and rca != inc.root_cause_analysis:
            workflow.update_incident(s, incident_id, actor=actor, root_cause_analysis=rca)
        workflow.close_incident(s, incident_id, actor=actor, cause_category=cause_category, cause=cause,
                                resolution=resolution, restored_at=restored_at, at=at)
        return Outcome(incident_id, _changed(incident_id))


def reopen_incident(ledger: Ledger, incident_id: uuid.UUID, *, actor: str, reason: str,
                    version: int | None = None) -> Outcome[uuid.UUID]:
    """Reopen a closed incident (to ``in_progress``) with its reason; errors:
    ``workflow.reopen_incident`` (not closed, empty reason)."""
    with ledger.session() as s:
        _fresh(s, incident_id, version)
        workflow.reopen_incident(s, incident_id, actor=actor, reason=reason)
        return Outcome(incident_id, _changed(incident_id))


def attach_file(ledger: Ledger, incident_id: uuid.UUID, path: str | Path, *, actor: str) -> Outcome[uuid.UUID]:
    """Read ``path`` into the ledger and list it on the incident; errors:
    ``attachments.add_attachment`` (closed incident, not a file, empty, over 20 MB, same content
    already attached), ``OSError`` when unreadable."""
    with ledger.session() as s:
        attachments.add_attachment(s, "incident", incident_id, path, actor=actor)
        return Outcome(incident_id, _changed(incident_id))


def add_attachments(ledger: Ledger, incident_id: uuid.UUID, paths: Sequence[str | Path], *,
                    actor: str) -> Outcome[tuple[attachment_rules.Attached, ...]]:
    """Attach the files ``paths`` to the incident in ONE transaction (all or none), each with its
    history line and audit event, as an asset's (``attachments.add_paths``); the value says which
    text files look like they hold a password.  Errors: those of ``attach_file``."""
    with ledger.session() as s:
        added = attachments.add_paths(s, "incident", incident_id, paths, actor=actor)
        return Outcome(added, _changed(incident_id))


def remove_attachments(ledger: Ledger, attachment_ids: Sequence[uuid.UUID], *,
                       actor: str) -> Outcome[tuple[str, ...]]:
    """Remove incident attachments in ONE transaction (``attachments.remove``: listed in the
    history and the audit trail, bytes cleared); value: the file names.  Errors: unknown, removed
    already, closed incident — then none is removed."""
    with ledger.session() as s:
        gone = [attachments.remove(s, att_id, actor=actor, owner_kinds=("incident",)) for att_id in attachment_ids]
        owners = tuple(dict.fromkeys(a.owner_id for a in gone))
        return Outcome(tuple(a.filename for a in gone), Changes.of("incident", ids=owners))


def write_attachment(ledger: Ledger, attachment_id: uuid.UUID, target: str | Path, *, actor: str,
                     purpose: str = "save") -> Outcome[Path]:
    """Write an incident's attachment from the ledger to ``target`` (``purpose`` ``"open"``: a
    temporary copy for the system viewer, ``"save"``: 另存为) with an audit event
    ``incident.attachment_<purpose>``; value: the path written.  Errors:
    ``app.services.attachments.write_copy`` (unknown, removed, missing bytes 文件缺失,
    ``OSError`` when the target cannot be written — nothing is recorded then)."""
    with ledger.session() as s:
        _att, out = attachment_rules.write_copy(s, attachment_id, target, actor=actor, purpose=purpose,
                                                owner_kinds=("incident",))
        return Outcome(out, Changes.of("audit"))


def export_incidents(ledger: Ledger, contract_id: uuid.UUID | None, first: date, last: date, out: Path,
                     progress: Any = None) -> Outcome[Path]:
    """Write the fault log of local days ``first``..``last`` to ``out`` (xlsx); value = ``out``."""
    with ledger.session() as s:
        from app.services.transfer import record_export  # noqa: PLC0415 - openpyxl only when used

        path = record_export.export_incidents(s, _contract(s, contract_id), first, last, out, progress=progress)
        return Outcome(path, Changes())


def import_incidents(ledger: Ledger, contract_id: uuid.UUID | None, path: Path, *,
                     actor: str) -> Outcome[list[str]]:
    """Import an Excel fault log whole or not at all; value = the record numbers written.
    Errors: ``ImportRejected`` listing every row problem, ``ValidationError`` for an unsafe file."""
    with ledger.session() as s:
        from app.services.transfer import record_import  # noqa: PLC0415 - openpyxl only when used

        result = record_import.import_incidents(s, _contract(s, contract_id), path, actor=actor)
        return Outcome(list(result.numbers), Changes.of("incident"))
