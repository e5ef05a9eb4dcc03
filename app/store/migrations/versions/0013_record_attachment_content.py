"""Incident and service-request attachments kept inside the ledger

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 17:40:00

Until now an incident's or request's file was copied into ``<data_dir>/attachments/<sha[:2]>/
<sha>`` on the workstation that added it, so a backup, a restore and the team server did not
carry it.  The upgrade reads each such file (attachment rows of those owners with ``content``
NULL and not removed) from the attachments folder of this workstation's data directory and puts
the bytes into ``attachment.content`` when the file is there and its SHA-256 matches the row.
A file that is missing or whose hash does not match is NOT dropped: the row stays (name, size,
hash, who, when), a warning naming it is logged, and the app lists it as 文件缺失 (missing).
The files in the folder are left where they are (nothing is deleted); at the next start
``app.services.legacy_attachments`` moves those verified in the ledger out of the folder.

No schema change (``content`` exists since 0011), so nothing to rebuild; portable SQL, one row
at a time (a file is at most 20 MB).

The downgrade writes the bytes of every incident/request attachment back into the attachments
folder (by hash, as 0012 expects) and then clears ``content`` of those rows; it refuses, naming
the folder, when a file cannot be written, before anything is cleared.

``attachments_dir`` in the Alembic config attributes overrides the folder (tests).
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

log = logging.getLogger("opsledger.migrations.0013")
_OWNERS = "owner_kind IN ('incident', 'service_request')"


def attachments_dir() -> Path:
    """The attachments folder the files were copied into (``<data_dir>/attachments``)."""
    config = op.get_context().config
    override = config.attributes.get("attachments_dir") if config is not None else None
    if override:
        return Path(override)
    from app import paths  # noqa: PLC0415 - only when run, not when the revision is scanned

    return paths.data_dir() / "attachments"


def _stored(root: Path, sha: str) -> Path:
    return root / sha[:2] / sha


def upgrade() -> None:
    bind = op.get_bind()
    root = attachments_dir()
    rows = bind.execute(sa.text(
        f"SELECT id, owner_kind, filename, sha256 FROM attachment WHERE {_OWNERS} "  # noqa: S608 - constant
        "AND content IS NULL AND removed_at IS NULL")).all()
    update = sa.text("UPDATE attachment SET content = :content WHERE id = :id").bindparams(
        sa.bindparam("content", type_=sa.LargeBinary()))
    for att_id, owner_kind, filename, sha in rows:
        path = _stored(root, sha)
        try:
            data = path.read_bytes() if path.is_file() else None
        except OSError as exc:
            log.warning("attachment %s (%s %s): %s cannot be read (%s); kept as missing",
                        filename, owner_kind, att_id, path, exc)
            continue
        if data is None:
            log.warning("attachment %s (%s %s): %s not found; kept as missing", filename, owner_kind, att_id, path)
            continue
        if hashlib.sha256(data).hexdigest() != sha:
            log.warning("attachment %s (%s %s): %s does not match its SHA-256 %s; kept as missing",
                        filename, owner_kind, att_id, path, sha)
            continue
        bind.execute(update, {"content": data, "id": att_id})


def downgrade() -> None:
    bind = op.get_bind()
    root = attachments_dir()
    ids = [r[0] for r in bind.execute(sa.text(
        f"SELECT id FROM attachment WHERE {_OWNERS} AND content IS NOT NULL"))]  # noqa: S608 - constant
    select_one = sa.text("SELECT sha256, content FROM attachment WHERE id = :id")
    for att_id in ids:
        sha, data = bind.execute(select_one, {"id": att_id}).one()
        dest = _stored(root, sha)
        try:
            if not (dest.is_file() and dest.stat().st_size == len(data)):
                dest.parent.mkdir(parents=True, exist_ok=True)
                tmp = dest.with_name(f".incoming-{sha}")
                tmp.write_bytes(bytes(data))
                tmp.replace(dest)
        except OSError as exc:
            raise RuntimeError(f"cannot write attachment {sha} back to {root} ({exc}); "
                               "the downgrade was not done, nothing was changed") from exc
    bind.execute(sa.text(f"UPDATE attachment SET content = NULL WHERE {_OWNERS}"))  # noqa: S608 - constant
