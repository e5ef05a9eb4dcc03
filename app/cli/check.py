"""``opsledger check``: SQLite integrity check and schema version check."""

from __future__ import annotations

import argparse

from app.cli.common import add_db_arg, echo, open_db
from app.core.i18n import _
from app.store.db import current_revision, head_revision, integrity_check


def register(sub: argparse._SubParsersAction) -> None:
    """Register the ``check`` command."""
    p = sub.add_parser("check", help="integrity and schema version check of a database")
    add_db_arg(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the integrity check and revision; exit 1 if either is not as expected."""
    db = open_db(args, migrate=False)
    try:
        integrity = integrity_check(db)
        cur, head = current_revision(db.engine), head_revision()
    finally:
        db.close()
    echo(_("integrity: {result}", result="; ".join(integrity)))
    echo(_("schema: {current} (this build: {head})", current=cur or _("empty"), head=head))
    ok = integrity == ["ok"] and cur == head
    if cur != head:
        echo(_("schema is not current: open the database with this build to upgrade it"))
    return 0 if ok else 1
