"""``opsledger audit verify|list|export``: check, read and export the audit trail (审计日志).

    opsledger audit verify [--head-from REPORT.pdf|.docx|.xlsx|BACKUP.manifest.json]
    opsledger audit list [--from D] [--to D] [--actor NAME] [--kind incident] [--text T] [--limit N]
    opsledger audit export --out FILE.xlsx [same filters]

``verify`` exits 1 when the chain is broken or the recorded head is not in it.
"""

from __future__ import annotations

import argparse
from datetime import time, timedelta
from pathlib import Path

from app.cli.common import add_db_arg, echo, open_db, os_error_sentence, parse_date
from app.core.i18n import _
from app.core.timeutil import fmt_local, local_dt
from app.errors import OpsLedgerError
from app.services import audit
from app.services.queries.audit import (
    AuditFilter,
    count_audit,
    export_audit,
    query_audit,
    read_recorded_head,
)


def register(sub: argparse._SubParsersAction) -> None:
    """Register ``audit`` with its ``verify``, ``list`` and ``export`` sub-commands."""
    p = sub.add_parser("audit", help="verify, list or export the audit trail (审计日志)")
    s = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = s.add_parser("verify", help="recompute the hash chain; report the first broken link")
    add_db_arg(v)
    v.add_argument("--head-from", metavar="FILE",
                   help="a report (pdf/docx/xlsx) or backup manifest whose recorded chain head must be in the chain")
    v.set_defaults(func=run_verify)
    for name, fn, helptext in (("list", run_list, "list audit events, newest first"),
                               ("export", run_export, "export audit events to an xlsx file")):
        q = s.add_parser(name, help=helptext)
        add_db_arg(q)
        q.add_argument("--from", dest="start", help="first day, YYYY-MM-DD (local)")
        q.add_argument("--to", dest="end", help="last day, YYYY-MM-DD (local, inclusive)")
        q.add_argument("--actor", default="", help="only this person")
        q.add_argument("--kind", default="", help="action kind, e.g. incident, inspection, report")
        q.add_argument("--text", default="", help="free text in summary, action or entity id")
        if name == "list":
            q.add_argument("--limit", type=int, default=50, help="how many events (default 50)")
        else:
            q.add_argument("--out", required=True, help="the xlsx file to write")
        q.set_defaults(func=fn)


def _filter(args: argparse.Namespace) -> AuditFilter:
    start = local_dt(parse_date(args.start, "--from"), time()) if args.start else None
    end = local_dt(parse_date(args.end, "--to") + timedelta(days=1), time()) if args.end else None
    return AuditFilter(start=start, end=end, actor=args.actor, kind=args.kind, text=args.text)


def run_verify(args: argparse.Namespace) -> int:
    """Print the chain's state (and the recorded head's); exit 1 when broken."""
    head = read_recorded_head(Path(args.head_from)) if args.head_from else None
    db = open_db(args)
    try:
        with db.session() as s:
            result = audit.verify_against(s, head) if head is not None else audit.verify_chain(s)
    finally:
        db.close()
    if head is not None:
        echo(_("recorded head: event {seq} · {hash} ({path})", seq=head.seq, hash=head.hash[:16],
               path=args.head_from))
    echo(result.sentence())
    return 0 if result.ok else 1


def run_list(args: argparse.Namespace) -> int:
    """Print matching events, newest first: seq, local time, actor, action, outcome, summary."""
    flt = _filter(args)
    db = open_db(args)
    try:
        with db.session() as s:
            total = count_audit(s, flt)
            for r in query_audit(s, flt, "seq", True, 0, max(1, args.limit)):
                flag = f" [{_('clock jump')}]" if r.clock else ""
                echo(f"{r.seq}\t{fmt_local(r.at, '%Y-%m-%d %H:%M:%S')}\t{r.actor}\t{r.action}\t{r.outcome}"
                     f"\t{r.summary}{flag}")
    finally:
        db.close()
    echo(_("{count} audit events match", count=total))
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write matching events to ``--out`` (xlsx)."""
    flt = _filter(args)
    out = Path(args.out).expanduser()
    db = open_db(args)
    try:
        with db.session() as s:
            try:
                n = export_audit(s, out, flt)
            except OSError as exc:
                raise OpsLedgerError(os_error_sentence(exc)) from None
    finally:
        db.close()
    echo(_("{count} audit events written to {path}", count=n, path=out))
    return 0
