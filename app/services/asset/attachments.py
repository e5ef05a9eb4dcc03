"""Attachments of an asset (资产附件): the purchase contract scan, a photo of the rack, the
warranty certificate … kept inside the ledger (``Attachment.content``), so a backup, a restore
and the team server carry them with the asset.

The rules shared by every owner (size cap 20 MB, empty refused, same content refused, bytes read
only when asked, secret scan of text files) are ``app.services.attachments``; this module adds
what is the asset's own (the actions in ``app.services.asset.actions`` call it in their
transaction):

- every add and remove is an ``AssetChange`` of the field ``attachments`` (add: ``"" → name``,
  remove: ``name → ""``) and an audit event carrying name, size, media type and hash — never the
  bytes;
- a removed attachment keeps its row (name, size, hash, who added it, who removed it, when);
  its bytes are cleared, so a removed contract scan does not live on in the ledger.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from app.core.i18n import N_
from app.core.timeutil import utcnow
from app.errors import NotFoundError
from app.services import attachments as rules
from app.services import audit
from app.services.attachments import (
    MAX_BYTES,
    MAX_MB,
    AttachmentRow,
    media_type_of,
    read_file,
    secret_findings,
)
from app.services.ledger import Ledger
from app.store.models import Asset, AssetChange, Attachment

OWNER_KIND = "asset"


def _asset(session: Session, asset_id: uuid.UUID) -> Asset:
    asset = session.get(Asset, asset_id)
    if asset is None:
        raise NotFoundError(N_("no asset with id {asset_id}"), asset_id=asset_id)
    return asset


def get(session: Session, attachment_id: uuid.UUID) -> Attachment:
    """The asset attachment ``attachment_id``; ``NotFoundError`` if there is none."""
    return rules.get(session, attachment_id, (OWNER_KIND,))


def add(session: Session, asset_id: uuid.UUID, filename: str, content: bytes, *, actor: str,
        at: datetime | None = None) -> Attachment:
    """Attach ``content`` under ``filename`` to the asset (``rules.new_attachment``) at ``at``
    (aware UTC, default now: files added together get increasing instants, so the list keeps
    their order on every database); returns the row.  Raises ``NotFoundError`` (asset),
    ``ValidationError("file")`` (empty, too large, already attached)."""
    asset = _asset(session, asset_id)
    now = at or utcnow()
    att = rules.new_attachment(session, OWNER_KIND, asset.id, asset.code, filename, content, actor=actor, at=now)
    session.add(AssetChange(asset_id=asset.id, at=now, actor=actor, field="attachments", old="", new=att.filename))
    asset.updated_at = now
    audit.record(session, actor=actor, action="asset.attach", entity_kind="asset", entity_id=asset.id,
                 summary=f"{asset.code}: {att.filename}", details=rules.details(att), at=now)
    return att


def remove(session: Session, attachment_id: uuid.UUID, *, actor: str) -> Attachment:
    """Mark the attachment removed (who, when), clear its bytes, keep the history; returns it.
    Raises ``NotFoundError``; ``ValidationError("file")`` when it was removed already."""
    now = utcnow()
    att = rules.mark_removed(session, attachment_id, (OWNER_KIND,), actor=actor, at=now)
    asset = _asset(session, att.owner_id)
    session.add(AssetChange(asset_id=asset.id, at=now, actor=actor, field="attachments", old=att.filename, new=""))
    asset.updated_at = now
    audit.record(session, actor=actor, action="asset.attachment_remove", entity_kind="asset", entity_id=asset.id,
                 summary=f"{asset.code}: {att.filename}", details=rules.details(att), at=now)
    return att


def content(session: Session, attachment_id: uuid.UUID) -> tuple[Attachment, bytes]:
    """The asset attachment and its bytes (``rules.content``)."""
    return rules.content(session, attachment_id, (OWNER_KIND,))


def listing(ledger: Ledger, asset_id: uuid.UUID, *, removed: bool = False) -> list[AttachmentRow]:
    """The asset's present attachments (``removed=True``: the removed ones too), oldest first,
    without loading any bytes."""
    with ledger.session() as s:
        return rules.rows_of(s, OWNER_KIND, asset_id, removed=removed)


__all__ = ["MAX_BYTES", "MAX_MB", "OWNER_KIND", "AttachmentRow", "add", "content", "get", "listing", "media_type_of",
           "read_file", "remove", "secret_findings"]
