"""``opsledger export KIND --from DATE --to DATE --out FILE.xlsx``: the logs as Excel workbooks.

Each kind maps to an exporter ``fn(session, contract, start, end, out) -> Path`` (local dates,
both inclusive) in ``app/services``; see ``EXPORTERS``.
"""

from __future__ import annotations

import argparse
import importlib

from app.cli.common import add_db_arg, date_range, echo, open_db, out_path
from app.services.queries.lookup import get_contract

EXPORTERS = {
    "inspections": "app.services.transfer.inspection_log:export_inspection_log",
    "incidents": "app.services.transfer.record_export:export_incidents",
    "requests": "app.services.transfer.record_export:export_requests",
    "requirements": "app.services.transfer.record_export:export_requirements",
    "worklog": "app.services.transfer.record_export:export_worklog",
}


def register(sub: argparse._SubParsersAction) -> None:
    """Register ``export``."""
    p = sub.add_parser("export", help="export a log to Excel (.xlsx)")
    p.add_argument("kind", choices=sorted(EXPORTERS))
    add_db_arg(p)
    p.add_argument("--contract", help="contract name (optional when the database holds one)")
    p.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD (inclusive)")
    p.add_argument("--out", required=True, help="output .xlsx file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Export and print the path written."""
    start, end = date_range(args.start, args.end)
    module, _, name = EXPORTERS[args.kind].partition(":")
    fn = getattr(importlib.import_module(module), name)
    out_file = out_path(args.out)
    db = open_db(args)
    try:
        with db.session() as s:
            contract = get_contract(s, args.contract)
            out = fn(s, contract, start, end, out_file)
    finally:
        db.close()
    echo(out)
    return 0
