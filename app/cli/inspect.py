"""``opsledger inspect due|history``: the inspection due list and history, headless."""

from __future__ import annotations

import argparse
from datetime import date, time

from app.cli.common import add_db_arg, echo, open_db, parse_date
from app.core.i18n import _
from app.core.timeutil import fmt_local, local_dt, local_today, utcnow
from app.services.inspection import runs as inspections
from app.services.inspection import schedule
from app.services.queries.lookup import get_contract

STATUS_ZH = {"done": "已完成", "in_progress": "进行中", "due": "待巡检", "overdue": "已逾期", "upcoming": "未到时"}


def register(sub: argparse._SubParsersAction) -> None:
    """Register ``inspect`` with ``due`` and ``history``."""
    p = sub.add_parser("inspect", help="inspection due list and history")
    act = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    due = act.add_parser("due", help="print the due list (today's slots, open periods, overdue slots)")
    add_db_arg(due)
    due.add_argument("--contract", help="contract name (optional when the database holds one)")
    due.add_argument("--date", help="local day, YYYY-MM-DD (default today)")
    due.set_defaults(func=run_due)
    hist = act.add_parser("history", help="list inspections in a date range")
    add_db_arg(hist)
    hist.add_argument("--contract")
    hist.add_argument("--from", dest="start")
    hist.add_argument("--to", dest="end")
    hist.add_argument("--outcome", choices=inspections.HISTORY_OUTCOMES)
    hist.add_argument("--limit", type=int, default=100)
    hist.set_defaults(func=run_history)


def run_due(args: argparse.Namespace) -> int:
    """Print one line per due entry: label, template, status, inspection number, engineer."""
    day: date = parse_date(args.date, "--date") if args.date else local_today()
    today = local_today()
    # another day is shown as it stands at the end of that day (past) or its start (future)
    now = utcnow() if day == today else local_dt(day, time(23, 59) if day < today else time(0))
    db = open_db(args)
    try:
        with db.session() as s:
            contract = get_contract(s, args.contract)
            entries = schedule.due_list(s, contract, day, now)
            echo(f"{contract.name} 巡检待办 {day.isoformat()} ({len(entries)})")
            warned = set()
            for e in entries:
                extra = " ".join(x for x in (e.inspection_number or "", e.engineer or "",
                                             f"异常 {e.abnormal_count}" if e.abnormal_count else "") if x)
                echo(f"  {e.slot.label:<17} {e.slot.template_code:<24} {e.slot.template_name:<16} "
                      f"{e.status:<11} {STATUS_ZH[e.status]} {extra}".rstrip())
                if e.calendar_warning:
                    warned.add(e.calendar_warning)
            for w in sorted(warned):
                echo(_("warning: {text}", text=w))
    finally:
        db.close()
    return 0


def run_history(args: argparse.Namespace) -> int:
    """Print matching inspections, newest first."""
    start = parse_date(args.start, "--from") if args.start else None
    end = parse_date(args.end, "--to") if args.end else None
    db = open_db(args)
    try:
        with db.session() as s:
            contract = get_contract(s, args.contract)
            rows = inspections.history(s, contract, start=start, end=end, outcome=args.outcome, limit=args.limit)
            for i in rows:
                state = _("unfinished") if i.finished_at is None else (_("abnormal") if i.abnormal_count else _("normal"))
                echo(f"{i.number}  {i.due_date} {i.slot or '':<7} {i.template_name}  {state}"
                      f"{f' ({i.abnormal_count})' if i.abnormal_count else ''}  {fmt_local(i.finished_at)}")
    finally:
        db.close()
    return 0
