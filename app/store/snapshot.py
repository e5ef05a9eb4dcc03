"""Verified copies of a SQLite ledger file: the one place that copies, checks and hashes one.

``online_copy(src, dest)`` uses SQLite's online backup API in ONE step (one read transaction: the
copy holds every commit acknowledged before it began, never half of one, while others keep
writing) and leaves ``dest`` a single self-contained file (journal mode DELETE, fsynced).
``verify_copy(path)`` runs ``PRAGMA integrity_check`` read-only and returns the schema revision;
``sha256_of(path)`` hashes the bytes.  ``verified_copy`` does all three and times them.  Used by
``app.store.db.upgrade`` (the copy before a schema upgrade) and ``app.services.backup``.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from app.core.i18n import _
from app.errors import OpsLedgerError


def sha256_of(path: Path) -> str:
    """SHA-256 (hex) of the file's bytes, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def online_copy(src: Path, dest: Path) -> None:
    """Copy the SQLite file ``src`` (open elsewhere, in WAL mode) to a new single file ``dest``."""
    with sqlite3.connect(src) as s, sqlite3.connect(dest) as d:
        s.backup(d, pages=-1)  # one step = one read transaction = one consistent snapshot
        d.execute("PRAGMA journal_mode=DELETE")
    s.close()
    d.close()
    with dest.open("rb") as fh:
        os.fsync(fh.fileno())


def verify_copy(path: Path) -> str:
    """Check a copy of the ledger; returns its schema revision.

    Raises ``OpsLedgerError`` (a sentence naming the file) when it is not a SQLite database,
    fails ``PRAGMA integrity_check``, or carries no revision this build knows.
    """
    from app.store.db import known_revisions  # noqa: PLC0415 - db imports this module

    if not path.is_file():
        raise OpsLedgerError(_("backup file {path} does not exist", path=path))
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            problems = [r[0] for r in con.execute("PRAGMA integrity_check")]
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise OpsLedgerError(_("{path} is not an OpsLedger database ({reason})", path=path, reason=exc)) from exc
    if problems != ["ok"]:
        raise OpsLedgerError(_("{path} fails the integrity check: {problems}", path=path,
                               problems="; ".join(problems[:5])))
    revision = row[0] if row else ""
    if revision not in known_revisions():
        raise OpsLedgerError(_("{path} has schema revision {revision}, which this build does not know",
                               path=path, revision=revision))
    return revision


@dataclass(frozen=True)
class Snapshot:
    """A verified copy: ``path``, ``sha256`` (hex), ``size_bytes``, schema ``revision`` and the
    ``seconds`` the copy, check and hash took."""

    path: Path
    sha256: str
    size_bytes: int
    revision: str
    seconds: float


def verified_copy(src: Path, dest: Path) -> Snapshot:
    """``online_copy`` + ``verify_copy`` + ``sha256_of`` of ``src`` into ``dest`` (its folder is
    created).  Raises ``OpsLedgerError`` when the copy fails verification (``dest`` is removed)
    and ``OSError``/``sqlite3.Error`` when it cannot be written."""
    started = time.perf_counter()
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        online_copy(src, dest)
        revision = verify_copy(dest)
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
    digest = sha256_of(dest)
    return Snapshot(dest, digest, dest.stat().st_size, revision, time.perf_counter() - started)
