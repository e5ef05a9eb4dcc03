"""Attachments of an asset (资产附件): the purchase contract scan, a photo of the rack, the
warranty certificate … kept inside the ledger (``Attachment.content``), so a backup, a restore
and the team server carry them with the asset.

Rules (one place; the actions in ``app.services.asset.actions`` call them in their transaction):

- a file is read whole; an empty file and a file over ``MAX_BYTES`` (20 MB) are refused naming
  the file and the cap (``ValidationError("file")``);
- the same content (SHA-256) twice on one asset is refused, naming the file already attached;
  after it is removed the same content may be added again (a new row);
- every add and remove is an ``AssetChange`` of the field ``attachments`` (add: ``"" → name``,
  remove: ``name → ""``) and an audit event carrying name, size, media type and hash — never the
  bytes;
- a removed attachment keeps its row (name, size, hash, who added it, who removed it, when);
  its bytes are cleared, so a removed contract scan does not live on in the ledger.

Secrets: an attachment is kept as the engineer gave it (a PDF, a photo, a scan: opaque bytes
that ``app.core.secrets_scan`` cannot read, and the evidence must not be altered).  A *text* file
(``text/*`` or a small file that decodes as UTF-8, e.g. a config dump or a log) is scanned with
``secrets_scan.scan``; the number of findings is returned so the page can warn and offer to
remove it and put the password into the vault (司法局 §2.3.1.4: passwords are managed in the
vault, not in notes or files).  The file is still kept: refusing would only push the user to a
less visible place.
"""

from __future__ import annotations

import hashlib
import math
import mimetypes
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import secrets_scan
from app.core.i18n import N_
from app.core.timeutil import utcnow
from app.errors import NotFoundError, ValidationError
from app.services import audit
from app.services.ledger import Ledger
from app.store.models import Asset, AssetChange, Attachment

OWNER_KIND = "asset"
MAX_BYTES = 20 * 1024 * 1024
"""The largest file an asset takes, in bytes (20 MB: a scanned contract of some dozens of pages)."""
MAX_MB = MAX_BYTES // (1024 * 1024)
SCAN_TEXT_BYTES = 2 * 1024 * 1024
"""Text files up to this size (bytes) are scanned for credentials."""


@dataclass(frozen=True)
class AttachmentRow:
    """One attachment of an asset, without its bytes; ``size_bytes`` in bytes, times aware UTC,
    ``removed_at`` ``None`` while it is present."""

    id: uuid.UUID
    filename: str
    media_type: str
    size_bytes: int
    sha256: str
    added_by: str
    added_at: datetime
    removed_by: str = ""
    removed_at: datetime | None = None


def _mb(size_bytes: int) -> str:
    """A size over the cap in MB, rounded up to 0.1 so it never reads as the cap itself."""
    return f"{math.ceil(size_bytes / (1024 * 1024) * 10) / 10:.1f}"


def read_file(path: str | Path) -> tuple[str, bytes]:
    """``(file name, content)`` of ``path``.  Raises ``ValidationError("file")``: not a file,
    empty, larger than ``MAX_BYTES``; ``OSError`` when it cannot be read."""
    src = Path(path)
    if not src.is_file():
        raise ValidationError("file", N_("{src} is not a readable file"), src=src)
    size = src.stat().st_size
    if size == 0:
        raise ValidationError("file", N_("“{name}” is empty; nothing to attach"), name=src.name)
    if size > MAX_BYTES:
        raise ValidationError("file", N_("“{name}” is {size_mb} MB; an attachment may be at most {max_mb} MB"),
                              name=src.name, size_mb=_mb(size), max_mb=MAX_MB)
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


def _asset(session: Session, asset_id: uuid.UUID) -> Asset:
    asset = session.get(Asset, asset_id)
    if asset is None:
        raise NotFoundError(N_("no asset with id {asset_id}"), asset_id=asset_id)
    return asset


def get(session: Session, attachment_id: uuid.UUID) -> Attachment:
    """The asset attachment ``attachment_id``; ``NotFoundError`` if there is none."""
    att = session.get(Attachment, attachment_id)
    if att is None or att.owner_kind != OWNER_KIND:
        raise NotFoundError(N_("no attachment with id {attachment_id}"), attachment_id=attachment_id)
    return att


def _details(att: Attachment) -> dict[str, object]:
    return {"filename": att.filename, "size_bytes": att.size_bytes, "media_type": att.media_type,
            "sha256": att.sha256}


def add(session: Session, asset_id: uuid.UUID, filename: str, content: bytes, *, actor: str,
        at: datetime | None = None) -> Attachment:
    """Attach ``content`` under ``filename`` to the asset (rules in the module doc) at ``at``
    (aware UTC, default now: files added together get increasing instants, so the list keeps
    their order on every database); returns the pending row.  Raises ``NotFoundError`` (asset), ``ValidationError("file")`` (empty, too large,
    already attached)."""
    asset = _asset(session, asset_id)
    name = Path(filename).name[:260] or "file"
    if not content:
        raise ValidationError("file", N_("“{name}” is empty; nothing to attach"), name=name)
    if len(content) > MAX_BYTES:
        raise ValidationError("file", N_("“{name}” is {size_mb} MB; an attachment may be at most {max_mb} MB"),
                              name=name, size_mb=_mb(len(content)), max_mb=MAX_MB)
    sha = hashlib.sha256(content).hexdigest()
    same = session.scalars(select(Attachment.filename).where(
        Attachment.owner_kind == OWNER_KIND, Attachment.owner_id == asset.id, Attachment.sha256 == sha,
        Attachment.removed_at.is_(None))).first()
    if same is not None:
        raise ValidationError("file", N_("“{name}” is already attached to {asset_code} as “{existing}” (same content)"),
                              name=name, asset_code=asset.code, existing=same)
    now = at or utcnow()
    att = Attachment(owner_kind=OWNER_KIND, owner_id=asset.id, filename=name, media_type=media_type_of(name),
                     size_bytes=len(content), sha256=sha, content=content, added_by=actor, added_at=now)
    session.add(att)
    session.add(AssetChange(asset_id=asset.id, at=now, actor=actor, field="attachments", old="", new=name))
    asset.updated_at = now
    session.flush()
    audit.record(session, actor=actor, action="asset.attach", entity_kind="asset", entity_id=asset.id,
                 summary=f"{asset.code}: {name}", details={"attachment_id": str(att.id), **_details(att)}, at=now)
    return att


def remove(session: Session, attachment_id: uuid.UUID, *, actor: str) -> Attachment:
    """Mark the attachment removed (who, when), clear its bytes, keep the history; returns it.
    Raises ``NotFoundError``; ``ValidationError("file")`` when it was removed already."""
    att = get(session, attachment_id)
    if att.removed_at is not None:
        raise ValidationError("file", N_("“{name}” was removed already"), name=att.filename)
    asset = _asset(session, att.owner_id)
    now = utcnow()
    att.removed_at, att.removed_by, att.content = now, actor, None
    session.add(AssetChange(asset_id=asset.id, at=now, actor=actor, field="attachments", old=att.filename, new=""))
    asset.updated_at = now
    audit.record(session, actor=actor, action="asset.attachment_remove", entity_kind="asset", entity_id=asset.id,
                 summary=f"{asset.code}: {att.filename}", details={"attachment_id": str(att.id), **_details(att)},
                 at=now)
    return att


def content(session: Session, attachment_id: uuid.UUID) -> tuple[Attachment, bytes]:
    """The attachment and its bytes.  Raises ``NotFoundError``; ``ValidationError("file")`` when
    it was removed (its bytes are gone)."""
    att = get(session, attachment_id)
    if att.removed_at is not None or att.content is None:
        raise ValidationError("file", N_("“{name}” was removed on {at} by {actor}"), name=att.filename,
                              at=att.removed_at, actor=att.removed_by)
    return att, bytes(att.content)


def listing(ledger: Ledger, asset_id: uuid.UUID, *, removed: bool = False) -> list[AttachmentRow]:
    """The asset's present attachments (``removed=True``: the removed ones too), oldest first,
    without loading any bytes."""
    cols = (Attachment.id, Attachment.filename, Attachment.media_type, Attachment.size_bytes, Attachment.sha256,
            Attachment.added_by, Attachment.added_at, Attachment.removed_by, Attachment.removed_at)
    stmt = select(*cols).where(Attachment.owner_kind == OWNER_KIND, Attachment.owner_id == asset_id)
    if not removed:
        stmt = stmt.where(Attachment.removed_at.is_(None))
    with ledger.session() as s:
        return [AttachmentRow(*r) for r in s.execute(stmt.order_by(Attachment.added_at, Attachment.id))]


__all__ = ["MAX_BYTES", "MAX_MB", "AttachmentRow", "add", "content", "get", "listing", "media_type_of", "read_file",
           "remove", "secret_findings"]
