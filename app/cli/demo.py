"""``opsledger demo``: fill a database with realistic, deterministic demo data for a contract."""

from __future__ import annotations

import argparse

from app.cli.common import add_db_arg, echo, open_db, parse_date
from app.core.i18n import N_, _
from app.errors import ValidationError
from app.services.demo import run_demo


def register(sub: argparse._SubParsersAction) -> None:
    """Register ``demo``."""
    p = sub.add_parser("demo", help="fill a database with demo data for a contract")
    add_db_arg(p)
    p.add_argument("--contract", required=True,
                   help="contract name or profile FILE (a shipped profile or the file is imported if needed)")
    p.add_argument("--days", type=int, help="number of days of history, e.g. 30 or 1095 "
                   "(default: from the term's start)")
    p.add_argument("--seed", type=int, default=0, help="random seed (same seed = same data)")
    p.add_argument("--end", help="last day, YYYY-MM-DD (default: the term's last day or today, "
                   "whichever is first)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Generate in one transaction; print counts and elapsed seconds."""
    end = parse_date(args.end, "--end") if args.end else None
    if args.days is not None and args.days < 1:
        raise ValidationError("--days", N_("must be at least 1, not {days}"), days=args.days)
    db = open_db(args, create=True)
    try:
        done = run_demo(db, args.contract, days=args.days, end=end, seed=args.seed,
                        progress=lambda m: echo(f"... {m}", err=True, flush=True))
    finally:
        db.close()
    echo(_("demo data for {contract}: {days} days ending {end}, seed {seed}", contract=done.contract_name,
            days=done.days, end=done.end, seed=args.seed))
    for k, v in done.counts.items():
        echo(f"  {k}: {v}")
    echo(_("elapsed: {seconds} s", seconds=f"{done.seconds:.1f}"))
    return 0
