"""Backups of the ledger (备份 / 恢复): online copies, verified, named, kept by a retention rule.

``take_backup(ledger)`` copies an open SQLite ledger with SQLite's online backup API in one step
(one read transaction: the copy holds every commit acknowledged before it began, never half of
one, while the app keeps writing), switches the copy to a single-file journal, verifies it
(``PRAGMA integrity_check`` and the schema revision equal to the ledger's), names it
``opsledger-<UTC yyyymmddThhmmssZ>-<sha256[:12]>.sqlite3`` (the hash is of the copy's bytes),
records an audit event ``ledger.backup`` and prunes older copies by ``RETENTION``.

``restore_backup(target, file)`` checks the file the same way, takes the target's file lock (so
it refuses while another OpsLedger instance holds the ledger), keeps the current file aside as a
backup named ``opsledger-before-restore-…``, copies the backup into the target file in place
(the file keeps its identity, so the held lock stays valid), upgrades it to this build's schema
and records ``ledger.restore``; the copy kept aside is recorded as a ``pre_restore`` backup.

A server ledger (PostgreSQL URL) is backed up by the server's own tools (``pg_dump``); both
functions refuse it with a sentence.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from app import paths
from app.core.i18n import _
from app.core.timeutil import to_local, utcnow
from app.errors import OpsLedgerError
from app.services import audit
from app.services.ledger import Ledger
from app.store.db import current_revision, open_database, upgrade
from app.store.models import BackupRecord
from app.store.snapshot import online_copy as _online_copy
from app.store.snapshot import sha256_of as _sha256
from app.store.snapshot import verify_copy as verify_file

#: Retention rule: the newest copy of each of the last 7 days, 4 ISO weeks and 12 months that
#: have copies (local calendar), like ``restic forget --keep-daily 7 --keep-weekly 4
#: --keep-monthly 12``; the newest copy is always kept.
RETENTION = {"daily": 7, "weekly": 4, "monthly": 12}

#: The name ``take_backup`` gives a copy; the retention rule considers only these (a copy kept
#: aside by a restore, ``opsledger-before-restore-…``, is never pruned).
_NAME = re.compile(r"^opsledger-(\d{8}T\d{6}Z)-([0-9a-f]{12})\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    """One verified copy: ``path``, ``taken_at`` (UTC), ``sha256`` (hex, of the file),
    ``size_bytes``, schema ``revision``, ``seconds`` the copy and check took, and the older
    copies ``removed`` by the retention rule."""

    path: Path
    taken_at: datetime
    sha256: str
    size_bytes: int
    revision: str
    seconds: float
    removed: tuple[Path, ...] = ()


def default_backup_dir() -> Path:
    """``<data_dir>/backups/ledger`` (pre-upgrade copies sit one level up, in ``backups``)."""
    return paths.data_dir() / "backups" / "ledger"


def _stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _copy_verified(src: Path, dest_dir: Path, prefix: str, expected_revision: str | None) -> BackupInfo:
    """Online copy of ``src`` into ``dest_dir``, verified and named by time and hash."""
    started = time.perf_counter()
    taken_at = utcnow()
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OpsLedgerError(_("cannot write backups to {path} ({reason})", path=dest_dir,
                               reason=exc.strerror or exc)) from exc
    partial = dest_dir / f".{prefix}{uuid.uuid4().hex}.partial"
    try:
        try:
            _online_copy(src, partial)
        except (OSError, sqlite3.Error) as exc:
            raise OpsLedgerError(_("cannot write backups to {path} ({reason})", path=dest_dir,
                                   reason=getattr(exc, "strerror", None) or exc)) from exc
        revision = verify_file(partial)
        if expected_revision is not None and revision != expected_revision:
            raise OpsLedgerError(_("the copy has schema revision {got}, the ledger {want}",
                                   got=revision, want=expected_revision))
        digest = _sha256(partial)
        final = dest_dir / f"{prefix}{_stamp(taken_at)}-{digest[:12]}.sqlite3"
        os.replace(partial, final)
    finally:
        partial.unlink(missing_ok=True)
    return BackupInfo(final, taken_at, digest, final.stat().st_size, revision,
                      time.perf_counter() - started)


def manifest_path(backup: Path) -> Path:
    """``<backup>.manifest.json``, next to the copy."""
    return backup.with_name(backup.name + ".manifest.json")


def _head_of_file(path: Path) -> dict[str, object]:
    """The audit chain head inside the SQLite file ``path`` (``{"seq", "hash"}``)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1").fetchone()
    finally:
        con.close()
    return {"seq": row[0], "hash": row[1]} if row else {"seq": 0, "hash": ""}


def write_manifest(info: BackupInfo) -> Path:
    """Write ``<backup>.manifest.json``: file name, sha256, size, schema revision, taken_at
    (UTC ISO) and the audit chain head of the copy (``audit_head``: seq, hash), so an old backup
    proves what the chain was (``opsledger audit verify --head-from``)."""
    data = {"file": info.path.name, "sha256": info.sha256, "size_bytes": info.size_bytes,
            "revision": info.revision, "taken_at": info.taken_at.astimezone(UTC).isoformat(),
            "audit_head": _head_of_file(info.path)}
    out = manifest_path(info.path)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return out


def check_manifest(backup: Path) -> dict[str, object] | None:
    """Read the manifest of ``backup`` (``None`` when there is none, e.g. an older copy) and
    check the file's SHA-256 against it; raises ``OpsLedgerError`` naming the file on mismatch."""
    path = manifest_path(backup)
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise OpsLedgerError(_("the manifest {path} cannot be read ({reason})", path=path, reason=exc)) from exc
    if data.get("sha256") != _sha256(backup):
        raise OpsLedgerError(_("{path} does not match its manifest (SHA-256 differs): the copy was changed",
                               path=backup))
    return dict(data)


def _sqlite_file_of(ledger: Ledger) -> Path:
    if ledger.file is None:
        raise OpsLedgerError(_("a server database is backed up with the server's own tools "
                               "(pg_dump); OpsLedger copies only its SQLite file"))
    return ledger.file


def take_backup(ledger: Ledger, dest_dir: Path | None = None, *, actor: str = "") -> BackupInfo:
    """Take a verified online copy of the open ``ledger`` into ``dest_dir`` (default
    ``default_backup_dir()``), record ``ledger.backup`` in its audit trail and apply ``RETENTION``
    to the copies in that folder.  See the module docstring.

    Raises ``OpsLedgerError`` for a server ledger, a folder that cannot be written, or a copy that
    fails verification (nothing is left behind then).
    """
    src = _sqlite_file_of(ledger)
    folder = dest_dir or default_backup_dir()
    info = _copy_verified(src, folder, "opsledger-", current_revision(ledger.engine))
    write_manifest(info)
    removed = prune(folder, now=info.taken_at)
    with ledger.session() as s:
        audit.record(s, actor=actor, action="ledger.backup", entity_kind="backup",
                     summary=str(info.path),
                     details={"file": str(info.path), "sha256": info.sha256, "size_bytes": info.size_bytes,
                              "revision": info.revision, "seconds": round(info.seconds, 3),
                              "removed": [p.name for p in removed]})
    return replace(info, removed=tuple(removed))


def kept_by_retention(stamps: Iterable[datetime], rule: dict[str, int] | None = None) -> set[datetime]:
    """The instants (UTC) of the copies ``rule`` (default ``RETENTION``) keeps: walking from the
    newest, the first copy of each new local day / ISO week / month is kept while that bucket
    kind still has room; the newest copy is always kept."""
    rule = rule or RETENTION
    ordered = sorted(set(stamps), reverse=True)
    keys = {
        "daily": lambda d: d,
        "weekly": lambda d: tuple(d.isocalendar())[:2],
        "monthly": lambda d: (d.year, d.month),
    }
    kept: set[datetime] = set(ordered[:1])
    for kind, limit in rule.items():
        seen: list[object] = []
        for at in ordered:
            key = keys[kind](to_local(at).date())
            if key not in seen and len(seen) < limit:
                seen.append(key)
                kept.add(at)
    return kept


def _backups_in(folder: Path) -> dict[Path, datetime]:
    found: dict[Path, datetime] = {}
    for p in folder.glob("opsledger-*.sqlite3"):
        m = _NAME.match(p.name)
        if m:
            found[p] = datetime.strptime(m.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    return found


def prune(folder: Path, *, now: datetime | None = None) -> list[Path]:
    """Delete the copies in ``folder`` that ``RETENTION`` does not keep; returns them.  Only
    files named as ``take_backup`` names them are considered (not the copies a restore kept
    aside, nor any other file); copies dated after ``now`` stay."""
    found = _backups_in(folder)
    keep = kept_by_retention([t for t in found.values() if now is None or t <= now])
    removed = [p for p, t in sorted(found.items(), key=lambda kv: kv[1])
               if t not in keep and (now is None or t <= now)]
    for p in removed:
        p.unlink(missing_ok=True)
        manifest_path(p).unlink(missing_ok=True)
    return removed


@dataclass(frozen=True)
class RestoreInfo:
    """A finished restore: the ``target`` file, the ``restored_from`` backup, the copy of the
    previous file kept ``aside`` (``None`` when there was none) and the backup's ``revision``."""

    target: Path
    restored_from: Path
    aside: Path | None
    revision: str


def restore_backup(target: Path, backup: Path, *, actor: str = "") -> RestoreInfo:
    """Replace the SQLite ledger ``target`` with the verified ``backup`` (see module docstring).

    Raises ``DatabaseLockedError`` while another instance holds ``target``; ``OpsLedgerError``
    when the backup fails verification (nothing is changed then) or the upgrade fails.
    """
    revision = verify_file(backup)
    check_manifest(backup)
    ledger = open_database(target, migrate=False)  # holds the file lock until closed
    try:
        ledger.engine.dispose()  # no pooled connection keeps pages of the old file
        kept = None
        if target.stat().st_size > 0:
            kept = _copy_verified(target, default_backup_dir(), "opsledger-before-restore-", None)
        aside = kept.path if kept else None
        with sqlite3.connect(backup) as src, sqlite3.connect(target) as dest:
            src.backup(dest, pages=-1)  # in place: the file keeps its identity and our lock
        src.close()
        dest.close()
        upgrade(ledger)
        with ledger.session() as s:
            audit.record(s, actor=actor, action="ledger.restore", entity_kind="backup",
                         summary=str(backup),
                         details={"file": str(backup), "sha256": _sha256(backup), "revision": revision,
                                  "previous_kept_at": str(aside or "")})
            if kept is not None:
                s.add(backup_record(kept, "pre_restore"))
    finally:
        ledger.close()
    return RestoreInfo(target, backup, aside, revision)


def backup_record(info: BackupInfo, kind: str) -> BackupRecord:
    """The ``backup_record`` row of a verified copy ``info`` taken for ``kind`` (``BackupKind``)."""
    return BackupRecord(taken_at=info.taken_at, kind=kind, file_name=info.path.name, folder=str(info.path.parent),
                        size_bytes=info.size_bytes, sha256=info.sha256, revision=info.revision, verified=True,
                        seconds=round(info.seconds, 3), error="")
