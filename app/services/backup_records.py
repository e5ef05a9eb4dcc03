"""The ledger's backups as the app takes them itself (备份记录): recorded, listed, scheduled.

- ``backup_now(ledger, kind=…)`` — the 文件 → 备份账本… action and the daily backup: a verified
  online copy (``backup.take_backup``) recorded in ``backup_record``; a copy that fails is
  recorded too, ``verified=False`` with the reason, and the refusal raised.
- ``ensure_daily_backup(ledger)`` — on the first start of each local day (GUI start): a cheap
  check (one indexed query) whether a verified backup was taken today, else ``backup_now``.
- ``schedule_restore`` / ``apply_pending_restore`` — a restore chosen in the GUI never runs over
  the running instance (this process holds the ledger's lock, and other windows may hold pages of
  it): the file is checked now, remembered in ``<data_dir>/backups/restore-pending.json``, and
  restored by ``backup.restore_backup`` at the next start, before the ledger is opened (the
  current file is kept aside and recorded as a ``pre_restore`` backup then).

The contracts ask for daily backups with verification of the systems the engineer keeps
(司法局 §2.3.5.2 数据库文件备份管理); the ledger is kept to the same rule.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import paths
from app.core.i18n import _
from app.core.timeutil import to_local
from app.errors import OpsLedgerError
from app.services import audit, backup
from app.services.changes import Changes, Outcome
from app.services.ledger import Ledger
from app.store.db import sqlite_file
from app.store.models import BackupRecord


@dataclass(frozen=True)
class BackupRow:
    """One recorded backup as the backup dialog and reports show it: ``taken_at`` (aware UTC),
    ``kind`` (``BackupKind`` code), ``file_name``, ``folder``, ``size_bytes``, ``sha256`` (hex),
    schema ``revision``, ``verified``, ``seconds`` taken, ``error`` (why an attempt failed) and
    ``exists`` (the file is still there: retention deletes old copies)."""

    taken_at: datetime
    kind: str
    file_name: str
    folder: str
    size_bytes: int
    sha256: str
    revision: str
    verified: bool
    seconds: float
    error: str
    exists: bool
    removed: tuple[Path, ...] = ()
    """Older copies the retention rule deleted when this one was taken (``backup_now`` only)."""

    @property
    def path(self) -> Path:
        """Where the copy was written."""
        return Path(self.folder) / self.file_name


def _row(rec: BackupRecord) -> BackupRow:
    exists = bool(rec.file_name) and (Path(rec.folder) / rec.file_name).is_file()
    return BackupRow(rec.taken_at, rec.kind, rec.file_name, rec.folder, rec.size_bytes, rec.sha256, rec.revision,
                     rec.verified, rec.seconds, rec.error, exists)


def backup_now(ledger: Ledger, *, actor: str, kind: str = "manual",
               dest_dir: Path | None = None) -> Outcome[BackupRow]:
    """Take, verify and record a backup of ``kind`` (``"manual"``/``"daily"``); value = its row.

    The audit event is written by ``take_backup``; the ``backup_record`` row right after, in its
    own transaction.  Raises ``OpsLedgerError`` (a sentence) for a server ledger, a folder that
    cannot be written or a copy that fails verification; such an attempt is recorded as
    ``verified=False`` with the reason (nothing else is left behind).
    """
    try:
        info = backup.take_backup(ledger, dest_dir, actor=actor)
    except OpsLedgerError as exc:
        if ledger.file is not None:
            with ledger.session() as s:
                s.add(BackupRecord(taken_at=backup.utcnow(), kind=kind, folder=str(dest_dir or backup.default_backup_dir()),
                                   verified=False, error=str(exc)))
        raise
    with ledger.session() as s:
        rec = backup.backup_record(info, kind)
        s.add(rec)
        s.flush()
        return Outcome(replace(_row(rec), removed=info.removed), Changes.of("backup"))


def list_backups(ledger: Ledger, limit: int = 200) -> list[BackupRow]:
    """The recorded backups, newest first (at most ``limit``)."""
    with ledger.session() as s:
        recs = s.scalars(select(BackupRecord).order_by(BackupRecord.taken_at.desc()).limit(limit))
        return [_row(r) for r in recs]


def last_verified(session: Session, before: datetime | None = None) -> BackupRecord | None:
    """The newest verified backup (taken before ``before`` when given), or ``None``."""
    q = select(BackupRecord).where(BackupRecord.verified.is_(True))
    if before is not None:
        q = q.where(BackupRecord.taken_at < before)
    return session.scalars(q.order_by(BackupRecord.taken_at.desc()).limit(1)).first()


def daily_backup_due(ledger: Ledger, now: datetime | None = None) -> bool:
    """Whether the first start of the local day of ``now`` (default: now) still owes its backup:
    a SQLite ledger with no verified backup (of any kind) taken that local day."""
    if ledger.file is None:
        return False
    now = now or backup.utcnow()
    with ledger.session() as s:
        last = last_verified(s)
        return last is None or to_local(last.taken_at).date() < to_local(now).date()


def ensure_daily_backup(ledger: Ledger, *, actor: str, now: datetime | None = None) -> BackupRow | None:
    """Take the day's ``daily`` backup when ``daily_backup_due``; returns its row, else ``None``.
    Errors: those of ``backup_now``."""
    if not daily_backup_due(ledger, now):
        return None
    return backup_now(ledger, actor=actor, kind="daily").value


# --------------------------------------------------------------------------- restore at next start


@dataclass(frozen=True)
class PendingRestore:
    """A restore chosen in the GUI, run at the next start: the ledger ``target`` file, the
    ``backup`` file, its ``sha256`` and schema ``revision`` when checked, who asked and when."""

    target: Path
    backup: Path
    sha256: str
    revision: str
    scheduled_by: str
    scheduled_at: datetime


def _marker() -> Path:
    return paths.data_dir() / "backups" / "restore-pending.json"


def schedule_restore(ledger: Ledger, file: Path, *, actor: str) -> Outcome[PendingRestore]:
    """Check ``file`` (``backup.verify_file``: a SQLite file passing the integrity check with a
    schema revision this build knows) and remember it to replace the open ledger at the next
    start.  Raises ``OpsLedgerError`` for a server ledger, the ledger file itself, or a file that
    fails the check (nothing is scheduled then)."""
    if ledger.file is None:
        raise OpsLedgerError(_("a server database is restored with the server's own tools (pg_restore)"))
    file = file.expanduser().resolve()
    if file.exists() and ledger.file.exists() and file.samefile(ledger.file):
        raise OpsLedgerError(_("{path} is the open ledger itself; choose a backup file", path=file))
    revision = backup.verify_file(file)
    pending = PendingRestore(ledger.file.resolve(), file, backup._sha256(file), revision, actor, backup.utcnow())
    marker = _marker()
    marker.parent.mkdir(parents=True, exist_ok=True)
    data = {"target": str(pending.target), "backup": str(file), "sha256": pending.sha256, "revision": revision,
            "scheduled_by": actor, "scheduled_at": pending.scheduled_at.isoformat()}
    marker.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    with ledger.session() as s:
        audit.record(s, actor=actor, action="ledger.restore_scheduled", entity_kind="backup", summary=str(file),
                     details=data)
    return Outcome(pending, Changes.of("backup"))


def pending_restore(target: Path | None = None) -> PendingRestore | None:
    """The restore scheduled for the ledger file ``target`` (any ledger when ``None``), or ``None``."""
    try:
        data = json.loads(_marker().read_text(encoding="utf-8"))
        pending = PendingRestore(Path(data["target"]), Path(data["backup"]), data["sha256"], data["revision"],
                                 data.get("scheduled_by", ""), datetime.fromisoformat(data["scheduled_at"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if target is not None and Path(target).resolve() != pending.target:
        return None
    return pending


def cancel_restore(ledger: Ledger, *, actor: str) -> Outcome[None]:
    """Forget the scheduled restore (audited); nothing else changes."""
    pending = pending_restore()
    _marker().unlink(missing_ok=True)
    if pending is not None:
        with ledger.session() as s:
            audit.record(s, actor=actor, action="ledger.restore_cancelled", entity_kind="backup",
                         summary=str(pending.backup))
    return Outcome(None, Changes.of("backup"))


def apply_pending_restore(target: str | os.PathLike[str] | None, *, actor: str) -> backup.RestoreInfo | None:
    """At start, before the ledger is opened: run the restore scheduled for the ledger ``target``
    names (a path or URL as ``open_database`` takes it); ``None`` when none is.  The schedule is
    consumed either way.  Raises ``OpsLedgerError`` when the backup changed since it was checked
    (another SHA-256), fails the check again, or another instance holds the ledger
    (``DatabaseLockedError``; the schedule is kept for the next start then)."""
    file = sqlite_file(target)
    pending = pending_restore(file) if file is not None else None
    if file is None or pending is None:
        return None
    from app.errors import DatabaseLockedError  # noqa: PLC0415

    try:
        if not pending.backup.is_file() or backup._sha256(pending.backup) != pending.sha256:
            raise OpsLedgerError(_("the backup {path} chosen for the restore is missing or has changed since it "
                                   "was checked; the ledger was not restored", path=pending.backup))
        info = backup.restore_backup(file, pending.backup, actor=actor)
    except DatabaseLockedError:
        raise
    except OpsLedgerError:
        _marker().unlink(missing_ok=True)
        raise
    _marker().unlink(missing_ok=True)
    return info
