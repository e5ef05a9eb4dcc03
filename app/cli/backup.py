"""``opsledger backup`` and ``opsledger restore``: verified copies of the SQLite ledger."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import add_db_arg, cli_actor, db_target, echo, open_db
from app.core.i18n import _
from app.errors import OpsLedgerError
from app.services.backup import restore_backup
from app.services.backup_records import backup_now
from app.store.db import sqlite_file


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``backup`` and ``restore``."""
    p = sub.add_parser("backup", help="take a verified online copy of the ledger (备份)")
    add_db_arg(p)
    p.add_argument("--to", dest="to_dir", help="folder for the copy (default: backups/ledger in the data folder)")
    p.set_defaults(func=run_backup)
    r = sub.add_parser("restore", help="replace the ledger with a verified backup (恢复)")
    add_db_arg(r)
    r.add_argument("file", help="the backup file (opsledger-<time>-<hash>.sqlite3)")
    r.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    """Copy, verify, record (``backup_record``, kind manual); print the file, size, hash and seconds."""
    db = open_db(args, create=False)
    try:
        row = backup_now(db, kind="manual", dest_dir=Path(args.to_dir).expanduser() if args.to_dir else None,
                         actor=cli_actor()).value
    finally:
        db.close()
    echo(_("backup {path}: {size} bytes, sha256 {sha}, schema {rev}, {seconds:.2f} s",
            path=row.path, size=row.size_bytes, sha=row.sha256, rev=row.revision, seconds=row.seconds))
    for p in row.removed:
        echo(_("removed by the retention rule: {path}", path=p))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Check the file, keep the current ledger aside, restore; print where the old one is."""
    target = sqlite_file(db_target(args))
    if target is None:
        raise OpsLedgerError(_("a server database is restored with the server's own tools (pg_restore)"))
    info = restore_backup(target, Path(args.file).expanduser().resolve(), actor=cli_actor())
    echo(_("restored {target} from {file} (schema {rev})", target=info.target, file=info.restored_from,
            rev=info.revision))
    if info.aside:
        echo(_("the previous ledger is kept as {path}", path=info.aside))
    return 0
