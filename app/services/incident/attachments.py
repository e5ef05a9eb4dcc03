"""Attachments (附件) of incidents and service requests, kept inside the ledger.

The bytes are in ``Attachment.content`` like an asset's (the one rule:
``app.services.attachments`` — 20 MB cap, empty refused, same content twice on one record
refused, bytes read only when asked), so a backup, a restore and the team server carry them and
a colleague on another workstation opens the same file.  Until migration 0013 they were copied
into ``<data_dir>/attachments/<sha[:2]>/<sha>`` on the workstation that added them; 0013 took
those files in (a file not found there is kept listed as missing, 文件缺失).

What is the owner's own: an incident that is closed is read-only (reopen to add or remove
files), and an added file is a ``field`` line of the incident's history (``changes=
{"attachments": ["", name]}``), a removed one too (``[name, ""]``); every add is an audit event
``<owner>.attach``, every removal ``<owner>.attachment_remove``, with name, size, media type and
hash — never the bytes.  Removal is the asset's (``rules.mark_removed``): the row stays listed in
the history, its bytes are cleared.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import N_
from app.core.timeutil import utcnow
from app.errors import NotFoundError, ValidationError
from app.services import attachments as rules
from app.services import audit
from app.services.attachments import AttachmentRow
from app.services.ledger import Ledger
from app.store.models import Attachment, Incident, IncidentEvent, ServiceRequest

OWNER_KINDS: dict[str, type[Incident] | type[ServiceRequest]] = {"incident": Incident,
                                                                  "service_request": ServiceRequest}


def _owner(session: Session, owner_kind: str, owner_id: uuid.UUID | str) -> Incident | ServiceRequest:
    model = OWNER_KINDS.get(owner_kind)
    if model is None:
        raise ValidationError("owner_kind", N_("unknown owner kind “{owner_kind}”; one of {owner_kinds}"),
                              owner_kind=owner_kind, owner_kinds=", ".join(OWNER_KINDS))
    oid = owner_id if isinstance(owner_id, uuid.UUID) else uuid.UUID(str(owner_id))
    owner = session.get(model, oid)
    if owner is None:
        raise NotFoundError(N_("no {owner_kind} {owner_id}"), owner_kind=owner_kind, owner_id=owner_id)
    return owner


def _refuse_closed(owner: Incident | ServiceRequest, verb: str) -> None:
    if isinstance(owner, Incident) and owner.status == "closed":
        if verb == "remove":
            raise ValidationError("status", N_("{number} is closed and read-only; reopen it to remove files"),
                                  number=owner.number)
        raise ValidationError("status", N_("{number} is closed and read-only; reopen it to add files"),
                              number=owner.number)


def add(session: Session, owner_kind: str, owner_id: uuid.UUID | str, filename: str, content: bytes, *,
        actor: str, at: datetime | None = None) -> Attachment:
    """Attach ``content`` under ``filename`` to the incident or service request (``owner_kind``
    ``"incident"``/``"service_request"``) at ``at`` (aware UTC, default now); returns the row.
    Raises ``ValidationError``: ``owner_kind`` unknown, ``status`` when the incident is closed
    (read-only), ``file`` (``rules.new_attachment``: empty, over 20 MB, same content already
    attached); ``NotFoundError`` when the owner does not exist."""
    owner = _owner(session, owner_kind, owner_id)
    _refuse_closed(owner, "add")
    now = at or utcnow()
    att = rules.new_attachment(session, owner_kind, owner.id, owner.number, filename, content, actor=actor, at=now)
    if isinstance(owner, Incident):
        session.add(IncidentEvent(incident_id=owner.id, at=now, actor=actor, kind="field",
                                  changes={"attachments": ["", att.filename]}))
    owner.updated_at = now
    audit.record(session, actor=actor, action=f"{owner_kind}.attach", entity_kind=owner_kind, entity_id=owner.id,
                 summary=f"{owner.number}: {att.filename}", details=rules.details(att), at=now)
    session.flush()
    return att


def add_attachment(session: Session, owner_kind: str, owner_id: uuid.UUID | str,
                   source_path: str | os.PathLike[str], *, actor: str) -> Attachment:
    """Read ``source_path`` whole (``rules.read_file``) and ``add`` it; the original is not
    referenced afterwards (the user may delete or move it).  Raises the errors of ``add`` and
    ``rules.read_file`` (``ValidationError("file")``: not a file, empty, over 20 MB), ``OSError``
    when it cannot be read."""
    _owner(session, owner_kind, owner_id)  # an unknown owner is named before the file
    name, data = rules.read_file(Path(source_path))
    return add(session, owner_kind, owner_id, name, data, actor=actor)


def add_paths(session: Session, owner_kind: str, owner_id: uuid.UUID | str,
              paths: Sequence[str | os.PathLike[str]], *, actor: str) -> tuple[rules.Attached, ...]:
    """Read ``paths`` whole and ``add`` them all in the caller's transaction (all or none), in
    order; returns each with its ``secret_findings`` (the page warns, as for an asset).  Raises
    the errors of ``add_attachment``."""
    _owner(session, owner_kind, owner_id)  # an unknown owner is named before the files
    files = [rules.read_file(Path(p)) for p in paths]
    return rules.add_all(files, lambda name, data, at: add(session, owner_kind, owner_id, name, data,
                                                           actor=actor, at=at))


def remove(session: Session, attachment_id: uuid.UUID, *, actor: str,
           owner_kinds: Iterable[str] = tuple(OWNER_KINDS)) -> Attachment:
    """Remove an incident's or request's attachment (``rules.mark_removed``: the row stays, its
    bytes are cleared), with the incident's history line and the audit event
    ``<owner>.attachment_remove``; returns the row.  Raises ``NotFoundError`` (unknown, or not
    of ``owner_kinds``), ``ValidationError``: ``status`` when the incident is closed, ``file``
    when it was removed already."""
    att = rules.get(session, attachment_id, owner_kinds)
    owner = _owner(session, att.owner_kind, att.owner_id)
    _refuse_closed(owner, "remove")
    now = utcnow()
    rules.mark_removed(session, att.id, (att.owner_kind,), actor=actor, at=now)
    if isinstance(owner, Incident):
        session.add(IncidentEvent(incident_id=owner.id, at=now, actor=actor, kind="field",
                                  changes={"attachments": [att.filename, ""]}))
    owner.updated_at = now
    owner_kind = att.owner_kind
    audit.record(session, actor=actor, action=f"{owner_kind}.attachment_remove", entity_kind=owner_kind,
                 entity_id=owner.id, summary=f"{owner.number}: {att.filename}", details=rules.details(att), at=now)
    session.flush()
    return att


def owner_id_by_number(ledger: Ledger, owner_kind: str, number: str) -> uuid.UUID:
    """The id of the incident or service request numbered ``number`` (unique).  Raises
    ``ValidationError``: ``owner_kind`` unknown, ``number`` when there is none."""
    model = OWNER_KINDS.get(owner_kind)
    if model is None:
        raise ValidationError("owner_kind", N_("unknown owner kind “{owner_kind}”; one of {owner_kinds}"),
                              owner_kind=owner_kind, owner_kinds=", ".join(OWNER_KINDS))
    with ledger.session() as s:
        found = s.scalars(select(model.id).where(model.number == number.strip())).first()
    if found is None:
        if owner_kind == "incident":
            raise ValidationError("number", N_("no incident numbered {number}"), number=number)
        raise ValidationError("number", N_("no service request numbered {number}"), number=number)
    return found


def attachments_of(session: Session, owner_kind: str, owner_id: uuid.UUID) -> list[AttachmentRow]:
    """The record's present attachments, oldest first, without their bytes (``missing`` rows:
    文件缺失)."""
    return rules.rows_of(session, owner_kind, owner_id)


__all__ = ["OWNER_KINDS", "add", "add_attachment", "add_paths", "attachments_of", "owner_id_by_number", "remove"]
