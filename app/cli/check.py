"""``opsledger check``: SQLite integrity check, schema version check and audit chain verification."""

from __future__ import annotations

import argparse

from app.cli.common import add_db_arg, echo, open_db
from app.core.i18n import _
from app.services import audit
from app.store.db import current_revision, head_revision, integrity_check


def register(sub: argparse._SubParsersAction) -> None:
    """Register the ``check`` command."""
    p = sub.add_parser("check", help="integrity and schema version check of a database")
    add_db_arg(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the integrity check, revision and audit chain; exit 1 if any is not as expected
    (the chain is verified only on a current schema)."""
    db = open_db(args, migrate=False)
    chain = None
    try:
        integrity = integrity_check(db)
        cur, head = current_revision(db.engine), head_revision()
        if cur == head:
            with db.session() as s:
                chain = audit.verify_chain(s)
    finally:
        db.close()
    echo(_("integrity: {result}", result="; ".join(integrity)))
    echo(_("schema: {current} (this build: {head})", current=cur or _("empty"), head=head))
    ok = integrity == ["ok"] and cur == head and (chain is None or chain.ok)
    if cur != head:
        echo(_("schema is not current: open the database with this build to upgrade it"))
    if chain is not None:
        echo(chain.sentence())
    return 0 if ok else 1
