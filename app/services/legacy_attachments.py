"""The incident and request files left in the data folder after migration 0013 (附件旧文件).

Until 0013 an incident's or request's file was copied into ``<data_dir>/attachments/<sha[:2]>/
<sha>``; 0013 took the bytes into the ledger and — a migration changes the database only — left
the files where they were.  There they would linger forever holding court documents outside the
ledger's backups (and a removed attachment's file would outlive its removal).  On each start
:func:`sweep` moves, out of that folder, every file whose bytes are verified in the ledger:

- its name is a SHA-256 under its two-letter folder (the layout 0012 wrote), the file's own bytes
  hash to that name, and an incident/request attachment row holds bytes (``content``) hashing to
  the same value — read back from the ledger, not trusted from the ``sha256`` column;
- it is *moved*, never deleted, into ``<data_dir>/attachments-migrated-<YYYY-MM-DD>/`` (same
  layout, with a ``README.txt`` saying what the folder is) — the user deletes
  that folder when satisfied; the result names it once (status bar and log);
- anything else stays where it is: a file the ledger does not hold (a row listed as missing
  文件缺失, another ledger's file, a removed attachment, a damaged file), a stray name.

Files this ledger does not reference are not even read (one query for the names), so a start
with nothing to move costs a directory listing.  Runs after the upgrade (the ledger opened at
head); on a ledger before 0013 nothing is verified and nothing moves.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app import paths
from app.core.i18n import _
from app.core.timeutil import local_today
from app.services.ledger import Ledger
from app.store.models import Attachment
from app.store.snapshot import sha256_of

log = logging.getLogger(__name__)

OWNER_KINDS = ("incident", "service_request")
"""The owners whose files 0012 kept in the data folder (an asset's were always in the ledger)."""
_SHA = re.compile(r"[0-9a-f]{64}")
_CHUNK = 400  # names per IN list (PostgreSQL and SQLite both take far more; keeps statements small)


@dataclass(frozen=True)
class Sweep:
    """What :func:`sweep` did: ``moved`` files (verified in the ledger) into ``folder`` (``None``
    when none moved); ``kept`` files left in the old folder (not verified, or not ours)."""

    moved: int
    kept: int
    folder: Path | None


def legacy_dir() -> Path:
    """``<data_dir>/attachments``: where 0012 kept incident and request files."""
    return paths.data_dir() / "attachments"


def _candidates(root: Path) -> tuple[list[Path], int]:
    """Files laid out as 0012 wrote them, and how many other files there are."""
    found, other = [], 0
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        for f in sorted(sub.iterdir()):
            if f.is_file() and _SHA.fullmatch(f.name) and sub.name == f.name[:2]:
                found.append(f)
            elif f.is_file():
                other += 1
    other += sum(1 for p in root.iterdir() if p.is_file())
    return found, other


def _referenced(ledger: Ledger, shas: list[str]) -> set[str]:
    """Of ``shas``, those an incident/request row holds bytes for."""
    out: set[str] = set()
    with ledger.session() as s:
        for i in range(0, len(shas), _CHUNK):
            out.update(s.scalars(select(Attachment.sha256).where(
                Attachment.owner_kind.in_(OWNER_KINDS), Attachment.sha256.in_(shas[i:i + _CHUNK]),
                Attachment.content.is_not(None)).distinct()))
    return out


def _verified_in_ledger(ledger: Ledger, sha: str) -> bool:
    """Whether a row's bytes, read back from the ledger, hash to ``sha``."""
    with ledger.session() as s:
        data = s.scalars(select(Attachment.content).where(
            Attachment.owner_kind.in_(OWNER_KINDS), Attachment.sha256 == sha,
            Attachment.content.is_not(None)).limit(1)).first()
    return data is not None and hashlib.sha256(bytes(data)).hexdigest() == sha


def _note(folder: Path) -> None:
    readme = folder / "README.txt"
    if not readme.exists():
        readme.write_text(_(
            "These are the incident and service-request files the ledger kept in the data folder before "
            "version 0013. Their content is now inside the ledger (checked by SHA-256), so backups and the "
            "team server carry them. Delete this folder when you no longer need the old copies.") + "\n",
            encoding="utf-8")


def _prune(root: Path) -> None:
    """Remove the empty two-letter folders, and ``root`` itself when empty."""
    for sub in root.iterdir():
        if sub.is_dir() and not any(sub.iterdir()):
            sub.rmdir()
    if not any(root.iterdir()):
        root.rmdir()


def sweep(ledger: Ledger, root: Path | None = None, *, today: date | None = None) -> Sweep:
    """Move the old files of ``root`` (default :func:`legacy_dir`) whose bytes are verified in
    ``ledger`` into ``<root's parent>/attachments-migrated-<today>`` (local date, default today);
    see the module doc.  A file that cannot be read or moved stays (logged).  Never raises for a
    single file; ``OSError`` only when the folders themselves cannot be listed or made."""
    src = root or legacy_dir()
    if not src.is_dir():
        return Sweep(0, 0, None)
    files, other = _candidates(src)
    ours = _referenced(ledger, [f.name for f in files]) if files else set()
    dest_root = src.parent / f"attachments-migrated-{(today or local_today()).isoformat()}"
    moved = 0
    for f in files:
        if f.name not in ours:
            continue
        try:
            if sha256_of(f) != f.name or not _verified_in_ledger(ledger, f.name):
                log.warning("old attachment file %s does not match the ledger's bytes; left where it is", f)
                continue
            dest = dest_root / f.parent.name / f.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            f.replace(dest)  # same parent folder: the same file system, an atomic rename
            moved += 1
        except OSError as exc:
            log.warning("old attachment file %s could not be moved (%s); left where it is", f, exc)
    kept = len(files) - moved + other
    if moved:
        _note(dest_root)
        _prune(src)
        log.info("%d old attachment file(s) verified in the ledger moved from %s to %s; %d left", moved, src,
                 dest_root, kept)
    return Sweep(moved, kept, dest_root if moved else None)


__all__ = ["OWNER_KINDS", "Sweep", "legacy_dir", "sweep"]
