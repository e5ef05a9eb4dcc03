"""``opsledger contract import|export|list``: contract profiles in and out of the store."""

from __future__ import annotations

import argparse

from sqlalchemy import select

from app import settings
from app.cli.common import add_db_arg, echo, open_db, out_path
from app.core.i18n import _
from app.services.contract.profiles import (
    export_profile,
    find_profile,
    import_profile,
    read_profile_file,
    shipped_profiles,
    write_profile,
)
from app.services.queries.lookup import get_contract
from app.store.models import Contract


def register(sub: argparse._SubParsersAction) -> None:
    """Register ``contract`` with its ``import``, ``export`` and ``list`` actions."""
    p = sub.add_parser("contract", help="import, export or list contract profiles")
    act = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = act.add_parser("import", help="import (or update) a contract from a profile file or shipped name")
    imp.add_argument("file", help="a .yaml/.json profile, or the name of a shipped profile")
    add_db_arg(imp)
    imp.set_defaults(func=run_import)
    exp = act.add_parser("export", help="write a contract's profile (.yaml or .json)")
    exp.add_argument("name")
    exp.add_argument("--out", required=True)
    add_db_arg(exp)
    exp.set_defaults(func=run_export)
    lst = act.add_parser("list", help="contracts in the database and shipped profiles")
    add_db_arg(lst)
    lst.set_defaults(func=run_list)


def run_import(args: argparse.Namespace) -> int:
    """Validate the whole profile first; import it in one transaction."""
    loaded = read_profile_file(find_profile(args.file))
    data = loaded.data
    for line in loaded.upgrade:  # a format-1 file: say what the upgrade converted
        echo(line)
    db = open_db(args, create=True)
    try:
        with db.session() as s:
            c = import_profile(s, data, actor=settings.get("engineer_name") or "cli")
            echo(_("imported {name}: {title} ({start} – {end})", name=c.name, title=c.title, start=c.term_start,
                    end=c.term_end))
    finally:
        db.close()
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Export the named contract's profile."""
    out_file = out_path(args.out)
    db = open_db(args)
    try:
        with db.session() as s:
            data = export_profile(s, get_contract(s, args.name))
        out_file.parent.mkdir(parents=True, exist_ok=True)  # as every other exporter does
        out = write_profile(data, out_file)
    finally:
        db.close()
    echo(out)
    return 0


def run_list(args: argparse.Namespace) -> int:
    """List loaded contracts, then the shipped profiles."""
    db = open_db(args)
    try:
        with db.session() as s:
            rows = list(s.scalars(select(Contract).order_by(Contract.name)))
            echo(_("in the database:") if rows else _("in the database: none"))
            for c in rows:
                echo(f"  {c.name}\t{c.title}\t{c.client}\t{c.term_start} – {c.term_end}")
    finally:
        db.close()
    echo(_("shipped profiles:"))
    for sp in shipped_profiles():
        echo(f"  {sp.name}\t{sp.title}")
    return 0
