"""Attachments (附件): files kept with a record — an incident, a service request or an asset.

One table for every owner (``owner_kind`` + ``owner_id``, no foreign key, so a new owner kind
needs only a vocabulary code and its CHECK).  The bytes are inside the ledger (``content``:
``bytea`` on PostgreSQL, a BLOB on SQLite; assets since migration 0011, incidents and service
requests since 0013), so a backup, a restore and the team server carry them with the record.
Loaded only when asked for (``deferred``), never by a list.  The one rule for every owner is
``app.services.attachments``.  ``content`` ``NULL`` on a row not removed means its file was
missing when 0013 took the old ``<data_dir>/attachments`` files in (文件缺失).

A removed attachment keeps its row with ``removed_at``/``removed_by`` set and ``content`` cleared,
so the history still says who removed which file (name, size, SHA-256) and when.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.vocab import AttachmentOwner, codes
from app.store.models.base import Base, UUIDPk, vocab_check


class Attachment(UUIDPk, Base):
    """A file of a record: ``filename`` (as added, ≤ 260 characters), ``media_type`` (MIME, ``""``
    unknown), ``size_bytes`` (bytes), ``sha256`` (hex of the content), ``content`` (the bytes, or
    ``None`` when removed or missing), ``added_by``/``added_at`` (aware UTC),
    ``removed_by``/``removed_at`` (``None`` while present).

    ``owner_kind`` is a code of ``app.core.vocab.AttachmentOwner``.
    """

    __tablename__ = "attachment"
    __table_args__ = (vocab_check("owner_kind", codes(AttachmentOwner)),)

    owner_kind: Mapped[str] = mapped_column(String(30))
    owner_id: Mapped[uuid.UUID] = mapped_column(index=True)
    filename: Mapped[str] = mapped_column(String(260))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int]
    added_at: Mapped[datetime]
    added_by: Mapped[str] = mapped_column(String(60), default="")
    media_type: Mapped[str] = mapped_column(String(120), default="", server_default="")
    content: Mapped[bytes | None] = mapped_column(LargeBinary, default=None, deferred=True)
    removed_at: Mapped[datetime | None] = mapped_column(default=None)
    removed_by: Mapped[str] = mapped_column(String(60), default="", server_default="")
