"""``opsledger import incidents|requests FILE.xlsx [--db] [--contract] [--dry-run]``.

Brings an existing Excel fault log or service-request log in (the layout ``opsledger export``
writes; Chinese or English headers).  The whole file is checked first; a refused file prints
every bad row and column and exits 1 with nothing written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import add_db_arg, echo, open_db
from app.core.i18n import _
from app.services.queries.lookup import get_contract


def register(sub: argparse._SubParsersAction) -> None:
    """Register ``import``."""
    p = sub.add_parser("import", help="import incidents or service requests from an Excel workbook")
    p.add_argument("kind", choices=["incidents", "requests"])
    p.add_argument("file", help="the .xlsx workbook (header row required)")
    add_db_arg(p)
    p.add_argument("--contract", help="contract name (optional when the database holds one)")
    p.add_argument("--dry-run", action="store_true", help="check the file only; write nothing")
    p.add_argument("--actor", default="import", help="name recorded in the audit trail")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Import in one transaction and print how many records were (or would be) written."""
    from app.services.transfer.record_import import IMPORTERS

    db = open_db(args)
    try:
        with db.session() as s:
            contract = get_contract(s, args.contract)
            result = IMPORTERS[args.kind](s, contract, Path(args.file), actor=args.actor, dry_run=args.dry_run)
    finally:
        db.close()
    text = (_("would import {count} {kind}", count=result.count, kind=args.kind) if args.dry_run
            else _("imported {count} {kind}", count=result.count, kind=args.kind))
    echo(text + (f": {result.numbers[0]} … {result.numbers[-1]}" if result.numbers else ""))
    return 0
