"""备份记录: every backup of the ledger the app took, verified or not (issue #9 item 3).

The contracts ask the engineer to back up the systems they keep daily, verify the copies and
test restores (司法局 §2.3.5.2 数据库文件备份管理); the ledger itself is kept to the same rule, and the
reports show these rows (``app.reports.data.backups``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.vocab import BackupKind, codes
from app.store.models.base import Base, UUIDPk, vocab_check

BACKUP_KINDS = codes(BackupKind)


class BackupRecord(UUIDPk, Base):
    """One backup: ``taken_at`` (aware UTC) the copy began, ``kind`` (``BackupKind``: daily /
    manual / pre_migration / pre_restore), the copy's ``file_name`` and ``folder`` (where it was
    written), ``size_bytes`` (bytes), ``sha256`` (hex of the file), the schema ``revision`` it
    holds, ``verified`` (``PRAGMA integrity_check`` and revision passed; a failed attempt is
    recorded with ``verified=False`` and ``error``) and ``seconds`` the copy and check took."""

    __tablename__ = "backup_record"
    __table_args__ = (vocab_check("kind", BACKUP_KINDS),)

    taken_at: Mapped[datetime] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(20))
    file_name: Mapped[str] = mapped_column(String(260), default="")
    folder: Mapped[str] = mapped_column(String(1000), default="")
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    revision: Mapped[str] = mapped_column(String(32), default="")
    verified: Mapped[bool] = mapped_column(default=False)
    seconds: Mapped[float] = mapped_column(default=0.0)
    error: Mapped[str] = mapped_column(default="")
