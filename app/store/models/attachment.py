"""Attachments (附件): files kept with a record — an incident, a service request or an asset.

One table for every owner (``owner_kind`` + ``owner_id``, no foreign key, so a new owner kind
needs only a vocabulary code and its CHECK).  Two ways of keeping the bytes:

- ``content`` set (assets, migration 0011): the bytes are inside the ledger (``bytea`` on
  PostgreSQL, a BLOB on SQLite), so a backup, a restore and the team server carry them with the
  record.  Loaded only when asked for (``deferred``), never by a list.
- ``content`` ``NULL`` (incidents and requests so far): the bytes were copied into
  ``<data_dir>/attachments/<sha256[:2]>/<sha256>`` (``app.services.incident.attachments``).

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
    ``None`` when kept in the file store or removed), ``added_by``/``added_at`` (aware UTC),
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
