"""Attachments (附件) of incidents and service requests, stored by content hash.

A file is copied into ``<data_dir>/attachments/<sha256[:2]>/<sha256>``; the original is never
referenced in place, so the user may delete or move it afterwards.  Identical content is stored
once on disk however many records (rows) refer to it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import paths
from app.core.i18n import N_
from app.core.timeutil import utcnow
from app.errors import NotFoundError, ValidationError
from app.services import audit
from app.store.models import Attachment, Incident, IncidentEvent, ServiceRequest

OWNER_KINDS = {"incident": Incident, "service_request": ServiceRequest}
_CHUNK = 1024 * 1024


def attachment_path(att: Attachment) -> Path:
    """Where the attachment's bytes are: ``<data_dir>/attachments/<sha[:2]>/<sha>``."""
    return paths.data_dir() / "attachments" / att.sha256[:2] / att.sha256


def add_attachment(
    session: Session,
    owner_kind: str,
    owner_id: uuid.UUID | str,
    source_path: str | os.PathLike[str],
    *,
    actor: str,
) -> Attachment:
    """Copy ``source_path`` into the attachment store and record it against the owner.

    ``owner_kind`` is ``"incident"`` or ``"service_request"``.  Adding the same content to the
    same owner again returns the existing row.  For an incident, a ``field`` event
    (``changes={"attachments": ["", filename]}``) goes into its history.  Raises
    ``ValidationError``: ``owner_kind`` unknown, ``source_path`` missing/not a file, ``status``
    when the incident is closed (read-only); ``NotFoundError`` when the owner does not exist.
    The copy is written before the row; if the transaction rolls back, the stored file stays
    (harmless: content-addressed, reused by the next identical file).
    """
    model = OWNER_KINDS.get(owner_kind)
    if model is None:
        raise ValidationError("owner_kind", N_("unknown owner kind “{owner_kind}”; one of {owner_kinds}"), owner_kind=owner_kind, owner_kinds=OWNER_KINDS)
    oid = owner_id if isinstance(owner_id, uuid.UUID) else uuid.UUID(str(owner_id))
    owner = session.get(model, oid)
    if owner is None:
        raise NotFoundError(N_("no {owner_kind} {owner_id}"), owner_kind=owner_kind, owner_id=owner_id)
    if owner_kind == "incident" and owner.status == "closed":
        raise ValidationError("status", N_("{number} is closed and read-only; reopen it to add files"), number=owner.number)
    src = Path(source_path)
    if not src.is_file():
        raise ValidationError("source_path", N_("{src} is not a readable file"), src=src)
    sha, size = _store(src)
    existing = session.scalars(
        select(Attachment).where(Attachment.owner_kind == owner_kind, Attachment.owner_id == oid,
                                 Attachment.sha256 == sha)
    ).first()
    if existing is not None:
        return existing
    now = utcnow()
    att = Attachment(owner_kind=owner_kind, owner_id=oid, filename=src.name[:260], sha256=sha,
                     size_bytes=size, added_at=now, added_by=actor)
    session.add(att)
    if owner_kind == "incident":
        session.add(IncidentEvent(incident_id=oid, at=now, actor=actor, kind="field",
                                  changes={"attachments": ["", src.name]}))
    owner.updated_at = now
    audit.record(session, actor=actor, action=f"{owner_kind}.attach", entity_kind=owner_kind, entity_id=oid,
                 summary=f"{owner.number}: {src.name}", details={"sha256": sha, "size_bytes": size})
    session.flush()
    return att


def _store(src: Path) -> tuple[str, int]:
    """Copy ``src`` into the store under its SHA-256; returns (sha, size in bytes)."""
    root = paths.data_dir() / "attachments"
    root.mkdir(parents=True, exist_ok=True)
    h = hashlib.sha256()
    size = 0
    fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=root)
    try:
        with os.fdopen(fd, "wb") as out, src.open("rb") as f:
            while chunk := f.read(_CHUNK):
                h.update(chunk)
                out.write(chunk)
                size += len(chunk)
        sha = h.hexdigest()
        dest = root / sha[:2] / sha
        if dest.exists() and dest.stat().st_size == size:
            os.unlink(tmp_name)
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp_name, dest)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise
    return sha, size


def attachments_of(session: Session, owner_kind: str, owner_id: uuid.UUID) -> list[Attachment]:
    """The owner's attachments, oldest first."""
    return list(session.scalars(
        select(Attachment).where(Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id)
        .order_by(Attachment.added_at)
    ))


__all__ = ["OWNER_KINDS", "add_attachment", "attachment_path", "attachments_of"]
