"""The one attachment rule (附件) for every owner — an asset, an incident, a service request.

The bytes live inside the ledger (``Attachment.content``: ``bytea`` on PostgreSQL, a BLOB on
SQLite), so a backup, a restore and the team server carry them with the record; a colleague on
another workstation opens the same file.  The owner modules (``app.services.asset.attachments``,
``app.services.incident.attachments``) check their owner (exists, not closed …), write their
history line and audit event, and call these rules in their transaction:

- a file is read whole; an empty file and a file over ``MAX_BYTES`` (20 MB) are refused naming
  the file and the cap (``ValidationError("file")``);
- the same content (SHA-256) twice on one record is refused, naming the file already attached;
  after it is removed the same content may be added again (a new row);
- audit events carry name, size, media type and hash — never the bytes;
- the bytes are loaded only when asked for (``content``/``write_copy``), never by a list;
- a row whose bytes could not be brought into the ledger (migration 0013: the file was missing
  from the data folder or its hash did not match) stays listed as *missing* (文件缺失): its
  name, size and hash are kept, opening it is refused with a sentence.

Secrets: an attachment is kept as the engineer gave it.  A *text* file is scanned with
``app.core.secrets_scan`` (``secret_findings``) so the page can warn and point to the vault
(司法局 §2.3.1.4: passwords are managed in the vault, not in notes or files).
"""

from __future__ import annotations

import hashlib
import math
import mimetypes
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import secrets_scan
from app.core.i18n import N_
from app.core.timeutil import utcnow
from app.errors import NotFoundError, ValidationError
from app.services import audit
from app.services.ledger import Ledger
from app.store.models import Attachment

MAX_BYTES = 20 * 1024 * 1024
"""The largest file a record takes, in bytes (20 MB: a scanned contract of some dozens of pages)."""
MAX_MB = MAX_BYTES // (1024 * 1024)
SCAN_TEXT_BYTES = 2 * 1024 * 1024
"""Text files up to this size (bytes) are scanned for credentials."""
PURPOSES = ("open", "save")
"""Why a copy is written: ``open`` (a temporary copy for the system viewer), ``save`` (另存为)."""


@dataclass(frozen=True)
class AttachmentRow:
    """One attachment, without its bytes; ``size_bytes`` in bytes, times aware UTC,
    ``removed_at`` ``None`` while present, ``missing`` ``True`` when its bytes are not in the
    ledger although it was not removed (文件缺失, see the module doc)."""

    id: uuid.UUID
    filename: str
    media_type: str
    size_bytes: int
    sha256: str
    added_by: str
    added_at: datetime
    removed_by: str = ""
    removed_at: datetime | None = None
    missing: bool = False


@dataclass(frozen=True)
class Attached:
    """One file just attached: its id, name, size in bytes, SHA-256 and how many
    credential-looking strings its text holds (``secret_findings``; 0 for binaries)."""

    id: uuid.UUID
    filename: str
    size_bytes: int
    sha256: str
    secret_findings: int = 0


def _mb(size_bytes: int) -> str:
    """A size over the cap in MB, rounded up to 0.1 so it never reads as the cap itself."""
    return f"{math.ceil(size_bytes / (1024 * 1024) * 10) / 10:.1f}"


def _refuse_size(name: str, size: int) -> None:
    if size == 0:
        raise ValidationError("file", N_("“{name}” is empty; nothing to attach"), name=name)
    if size > MAX_BYTES:
        raise ValidationError("file", N_("“{name}” is {size_mb} MB; an attachment may be at most {max_mb} MB"),
                              name=name, size_mb=_mb(size), max_mb=MAX_MB)


def read_file(path: str | Path) -> tuple[str, bytes]:
    """``(file name, content)`` of ``path``.  Raises ``ValidationError("file")``: not a file,
    empty, larger than ``MAX_BYTES``; ``OSError`` when it cannot be read."""
    src = Path(path)
    if not src.is_file():
        raise ValidationError("file", N_("{src} is not a readable file"), src=src)
    _refuse_size(src.name, src.stat().st_size)
    return src.name, src.read_bytes()


def media_type_of(filename: str) -> str:
    """The MIME type guessed from the file name (``""`` when unknown)."""
    return mimetypes.guess_type(filename, strict=False)[0] or ""


def secret_findings(media_type: str, content: bytes) -> int:
    """How many credential-looking strings a text file holds (0 for binary or large files)."""
    if len(content) > SCAN_TEXT_BYTES or b"\x00" in content[:4096]:
        return 0
    if media_type and not media_type.startswith("text/") and media_type not in (
            "application/json", "application/xml", "application/x-sh", "application/x-yaml"):
        return 0
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = content.decode("gb18030")
        except UnicodeDecodeError:
            return 0
    return len(secrets_scan.scan(text))


def new_attachment(session: Session, owner_kind: str, owner_id: uuid.UUID, owner_label: str, filename: str,
                   content: bytes, *, actor: str, at: datetime) -> Attachment:
    """A new row holding ``content`` under ``filename`` (the base name, ≤ 260 characters) for the
    record ``owner_kind``/``owner_id`` at ``at`` (aware UTC), added to the session and flushed.
    ``owner_label`` (the asset code, the incident number …) names the record in a refusal.
    Raises ``ValidationError("file")``: empty, over ``MAX_BYTES``, the same content already
    attached (and not removed) to this record."""
    name = Path(filename).name[:260] or "file"
    _refuse_size(name, len(content))
    sha = hashlib.sha256(content).hexdigest()
    same = session.scalars(select(Attachment.filename).where(
        Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id, Attachment.sha256 == sha,
        Attachment.removed_at.is_(None))).first()
    if same is not None:
        raise ValidationError("file", N_("“{name}” is already attached to {asset_code} as “{existing}” (same content)"),
                              name=name, asset_code=owner_label, existing=same)
    att = Attachment(owner_kind=owner_kind, owner_id=owner_id, filename=name, media_type=media_type_of(name),
                     size_bytes=len(content), sha256=sha, content=content, added_by=actor, added_at=at)
    session.add(att)
    session.flush()
    return att


def add_all(files: Sequence[tuple[str, bytes]], add_one: Callable[[str, bytes, datetime], Attachment],
            start: datetime | None = None) -> tuple[Attached, ...]:
    """Attach ``files`` (``(name, content)`` pairs, e.g. from ``read_file``) with the owner's own
    ``add_one(name, content, at)`` in the caller's transaction; files added together get
    increasing instants from ``start`` (aware UTC, default now: the list keeps their order on
    every database).  Returns what was attached with its ``secret_findings`` (the page warns and
    points to the vault, 司法局 §2.3.1.4).  Raises what ``add_one`` raises."""
    at = start or utcnow()
    out = []
    for i, (name, data) in enumerate(files):
        att = add_one(name, data, at + timedelta(microseconds=i))
        out.append(Attached(att.id, att.filename, att.size_bytes, att.sha256, secret_findings(att.media_type, data)))
    return tuple(out)


def mark_removed(session: Session, attachment_id: uuid.UUID, owner_kinds: Iterable[str], *, actor: str,
                 at: datetime) -> Attachment:
    """Mark the attachment removed by ``actor`` at ``at`` (aware UTC) and clear its bytes, so a
    removed court document does not live on in the ledger; the row stays (name, size, hash, who
    added and removed it, when) for the history.  The owner writes its history line and audit
    event.  Raises ``NotFoundError`` (unknown, or not of ``owner_kinds``);
    ``ValidationError("file")`` when it was removed already."""
    att = get(session, attachment_id, owner_kinds)
    if att.removed_at is not None:
        raise ValidationError("file", N_("“{name}” was removed already"), name=att.filename)
    att.removed_at, att.removed_by, att.content = at, actor, None
    return att


def details(att: Attachment) -> dict[str, object]:
    """What an audit event says about an attachment: id, name, size, media type, hash — no bytes."""
    return {"attachment_id": str(att.id), "filename": att.filename, "size_bytes": att.size_bytes,
            "media_type": att.media_type, "sha256": att.sha256}


def get(session: Session, attachment_id: uuid.UUID, owner_kinds: Iterable[str] | None = None) -> Attachment:
    """The attachment ``attachment_id`` (of one of ``owner_kinds`` when given); ``NotFoundError``
    if there is none."""
    att = session.get(Attachment, attachment_id)
    if att is None or (owner_kinds is not None and att.owner_kind not in tuple(owner_kinds)):
        raise NotFoundError(N_("no attachment with id {attachment_id}"), attachment_id=attachment_id)
    return att


def content(session: Session, attachment_id: uuid.UUID,
            owner_kinds: Iterable[str] | None = None) -> tuple[Attachment, bytes]:
    """The attachment and its bytes.  Raises ``NotFoundError``; ``ValidationError("file")`` when
    it was removed, or its bytes are missing (文件缺失: not found when the ledger took the files
    in, migration 0013)."""
    att = get(session, attachment_id, owner_kinds)
    if att.removed_at is not None:
        raise ValidationError("file", N_("“{name}” was removed on {at} by {actor}"), name=att.filename,
                              at=att.removed_at, actor=att.removed_by)
    if att.content is None:
        raise ValidationError("file", N_("“{name}” is missing: its file was not found when the ledger took the "
                                         "attachments in; attach it again if you still have it"), name=att.filename)
    data = bytes(att.content)
    return att, data


def write_copy(session: Session, attachment_id: uuid.UUID, target: str | Path, *, actor: str,
               purpose: str = "save", owner_kinds: Iterable[str] | None = None) -> tuple[Attachment, Path]:
    """Write the attachment's bytes to the file ``target`` (folders made) and record an audit
    event ``<owner kind>.attachment_<purpose>`` (``purpose`` of ``PURPOSES``) naming the file,
    hash and target, against the owner.  Returns ``(row, path written)``.  Raises ``ValueError``
    (unknown purpose), the errors of ``content``, ``OSError`` when the target cannot be written
    (nothing is recorded then)."""
    if purpose not in PURPOSES:
        raise ValueError(f"unknown purpose {purpose!r}")
    att, data = content(session, attachment_id, owner_kinds)
    out = Path(target)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    owner_kind = att.owner_kind
    audit.record(session, actor=actor, action=f"{owner_kind}.attachment_open" if purpose == "open"
                 else f"{owner_kind}.attachment_save", entity_kind=owner_kind, entity_id=att.owner_id, summary=att.filename,
                 details={"attachment_id": str(att.id), "filename": att.filename, "sha256": att.sha256,
                          "target": str(out)})
    return att, out


def rows_of(session: Session, owner_kind: str, owner_id: uuid.UUID, *, removed: bool = False) -> list[AttachmentRow]:
    """The record's present attachments (``removed=True``: the removed ones too), oldest first,
    without loading any bytes."""
    cols = (Attachment.id, Attachment.filename, Attachment.media_type, Attachment.size_bytes, Attachment.sha256,
            Attachment.added_by, Attachment.added_at, Attachment.removed_by, Attachment.removed_at,
            Attachment.content.is_(None))
    stmt = select(*cols).where(Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id)
    if not removed:
        stmt = stmt.where(Attachment.removed_at.is_(None))
    out = []
    for r in session.execute(stmt.order_by(Attachment.added_at, Attachment.id)):
        att_id, name, media, size, sha, added_by, added_at, removed_by, removed_at, no_bytes = r
        out.append(AttachmentRow(att_id, name, media, size, sha, added_by, added_at, removed_by, removed_at,
                                 missing=bool(no_bytes) and removed_at is None))
    return out


def listing(ledger: Ledger, owner_kind: str, owner_id: uuid.UUID, *, removed: bool = False) -> list[AttachmentRow]:
    """``rows_of`` in a session of its own (the pages' read)."""
    with ledger.session() as s:
        return rows_of(s, owner_kind, owner_id, removed=removed)


__all__ = ["MAX_BYTES", "MAX_MB", "PURPOSES", "Attached", "AttachmentRow", "add_all", "content", "details", "get",
           "listing", "mark_removed", "media_type_of", "new_attachment", "read_file", "rows_of", "secret_findings", "write_copy"]
