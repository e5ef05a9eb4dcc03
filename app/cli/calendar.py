"""``opsledger calendar import|show|export|list|remove``: the official holiday arrangement per year.

``chinesecalendar`` covers up to 2026; later years are entered from the State Council notice as a
file (format: ``app.services.calendar.admin``; template ``resources/calendars/example-2027.yaml``).
"""

from __future__ import annotations

import argparse

from app import settings
from app.cli.common import add_db_arg, echo, open_db, out_path
from app.core.i18n import _
from app.core.timeutil import fmt_local
from app.services.calendar.admin import (
    _ranges,
    enter_year,
    entered_years,
    export_year,
    load_year_file,
    remove_year,
    write_year_file,
    year_arrangement,
)


def _actor() -> str:
    return settings.get("engineer_name") or "cli"


def register(sub: argparse._SubParsersAction) -> None:
    """Register ``calendar`` with ``import``, ``show``, ``export``, ``list`` and ``remove``."""
    p = sub.add_parser("calendar", help="official holiday arrangements (节假日安排) per year")
    act = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    imp = act.add_parser("import", help="enter a year's arrangement from a YAML file (replaces an entered year)")
    imp.add_argument("file")
    add_db_arg(imp)
    imp.set_defaults(func=run_import)

    show = act.add_parser("show", help="working days, holidays and make-up days of a year, and its source")
    show.add_argument("year", type=int)
    add_db_arg(show)
    show.set_defaults(func=run_show)

    exp = act.add_parser("export", help="write a covered year's arrangement as a YAML file")
    exp.add_argument("year", type=int)
    exp.add_argument("--out", required=True)
    add_db_arg(exp)
    exp.set_defaults(func=run_export)

    lst = act.add_parser("list", help="years entered by users")
    add_db_arg(lst)
    lst.set_defaults(func=run_list)

    rm = act.add_parser("remove", help="delete an entered year (chinesecalendar covers it again if it can)")
    rm.add_argument("year", type=int)
    add_db_arg(rm)
    rm.set_defaults(func=run_remove)


def run_import(args: argparse.Namespace) -> int:
    """Validate the whole file first, then enter the year in one transaction."""
    year, holidays, makeup, source, names = load_year_file(args.file)
    db = open_db(args)
    try:
        with db.session() as s:
            enter_year(s, year, holidays, makeup, source=source, actor=_actor(), names=names)
        echo(_("entered {year}: {holidays} holidays, {makeup} make-up working days ({source})", year=year,
                holidays=len(holidays), makeup=len(makeup), source=source))
    finally:
        db.close()
    return 0


def _fmt_entries(entries: list[dict]) -> list[str]:
    out = []
    for e in entries:
        when = e["date"].isoformat() if "date" in e else f"{e['from'].isoformat()} – {e['to'].isoformat()}"
        out.append(f"  {when}  {e.get('name', '')}".rstrip())
    return out


def run_show(args: argparse.Namespace) -> int:
    """Print the year's source and day counts, holidays and make-up days."""
    db = open_db(args)
    try:
        with db.session() as s:
            arr = year_arrangement(s, args.year)
    finally:
        db.close()
    weekday_holidays = [d for d in arr["holidays"] if d.weekday() < 5]
    echo(_("{year}: source {source}", year=args.year, source=arr["source"]))
    echo(_("  working days {working}, days off {off}, weekday holidays {weekday}, make-up working days {makeup}",
            working=arr["working_days"], off=arr["days_off"], weekday=len(weekday_holidays),
            makeup=len(arr["makeup_days"])))
    none = _("  (none)")
    echo(_("holidays:"))
    echo("\n".join(_fmt_entries(_ranges(arr["holidays"], arr["names"]))) or none)
    echo(_("make-up working days:"))
    echo("\n".join(_fmt_entries(_ranges(arr["makeup_days"], arr["names"]))) or none)
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write the year's arrangement (from whichever source covers it)."""
    out_file = out_path(args.out)
    db = open_db(args)
    try:
        with db.session() as s:
            data = export_year(s, args.year)
    finally:
        db.close()
    out = write_year_file(data, out_file)
    echo(_("wrote {path}", path=out))
    return 0


def run_list(args: argparse.Namespace) -> int:
    """List entered years with source and entry time."""
    db = open_db(args)
    try:
        with db.session() as s:
            rows = [(y.year, y.source, fmt_local(y.entered_at)) for y in entered_years(s)]
    finally:
        db.close()
    if not rows:
        echo(_("no entered years; chinesecalendar covers its years"))
    for year, source, at in rows:
        echo(_("{year}  {source}  (entered {at})", year=year, source=source, at=at))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    """Delete an entered year."""
    db = open_db(args)
    try:
        with db.session() as s:
            remove_year(s, args.year, actor=_actor())
        echo(_("removed entered year {year}", year=args.year))
    finally:
        db.close()
    return 0
