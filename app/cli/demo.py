"""``opsledger demo``: fill a database with realistic, deterministic demo data for a contract."""

from __future__ import annotations

import argparse
from datetime import date

from app.cli.common import add_db_arg, echo, open_db, parse_date
from app.core.i18n import N_, _
from app.core.timeutil import local_today
from app.errors import OpsLedgerError, ValidationError
from app.services.contract.profiles import find_profile, load_profile_file
from app.services.demo import run_demo


def register(sub: argparse._SubParsersAction) -> None:
    """Register ``demo``."""
    p = sub.add_parser("demo", help="fill a database with demo data for a shipped contract")
    add_db_arg(p)
    p.add_argument("--contract", required=True, help="contract name (a shipped profile is imported if needed)")
    p.add_argument("--days", type=int, required=True, help="number of days of history, e.g. 30 or 1095")
    p.add_argument("--seed", type=int, default=0, help="random seed (same seed = same data)")
    p.add_argument("--end", help="last day, YYYY-MM-DD (default: today, or the term's last day "
                   "for a contract that has ended)")
    p.set_defaults(func=run)


def _default_end(contract_name: str) -> date:
    """Today, or the term's last day when the named contract's term is already over (a demo of a
    finished contract stays inside its term, so its reports can be made)."""
    today = local_today()
    try:
        term_end = date.fromisoformat(load_profile_file(find_profile(contract_name))["contract"]["term"]["end"])
    except OpsLedgerError:
        return today  # not a shipped profile or file: run_demo reports that
    return min(today, term_end)


def run(args: argparse.Namespace) -> int:
    """Generate in one transaction; print counts and elapsed seconds."""
    end = parse_date(args.end, "--end") if args.end else _default_end(args.contract)
    if args.days < 1:
        raise ValidationError("--days", N_("must be at least 1, not {days}"), days=args.days)
    db = open_db(args, create=True)
    try:
        counts, seconds = run_demo(db, args.contract, days=args.days, end=end, seed=args.seed,
                                   progress=lambda m: echo(f"... {m}", err=True, flush=True))
    finally:
        db.close()
    echo(_("demo data for {contract}: {days} days ending {end}, seed {seed}", contract=args.contract,
            days=args.days, end=end, seed=args.seed))
    for k, v in counts.items():
        echo(f"  {k}: {v}")
    echo(_("elapsed: {seconds} s", seconds=f"{seconds:.1f}"))
    return 0
