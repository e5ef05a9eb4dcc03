"""``opsledger report``: contract reports (周报/月报/季报/半年报/年报/月度需求文档).

    opsledger report --contract NAME --kind monthly [--period 2026-11] --format pdf --out FILE
    opsledger report --list [--contract NAME]
    opsledger report --verify FILE

``--kind``: a built-in kind (weekly, monthly, quarterly, half-year, annual, requirements) or a
kind the contract's profile defines (e.g. ``weekly-security``).  ``--period`` keys: ``2026-W47``, ``2026-11``, ``2026-Q4``, ``2026-H2``, ``2026`` (calendar) or
``CY1``, ``CY1-Q2``, ``CY1-H1`` (contract year); without it the last complete period of the kind
by the profile's convention.  Prints the written path and its SHA-256.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app import settings
from app.cli.common import add_db_arg, echo, open_db, out_path
from app.core.i18n import N_, _
from app.core.periods import KINDS, check_period, default_period
from app.core.timeutil import fmt_local
from app.errors import ValidationError
from app.reports.service import (
    FORMATS,
    generate_report,
    known_kinds,
    list_exported,
    match_file,
    record_is_audited,
    record_title,
)
from app.services import audit
from app.services.queries.audit import read_recorded_head
from app.services.queries.lookup import get_contract


def register(sub: argparse._SubParsersAction) -> None:
    """Register ``report`` (generate, ``--list``, ``--verify``)."""
    p = sub.add_parser("report", help="generate a contract report (pdf/xlsx/docx), list or verify exported ones")
    add_db_arg(p)
    p.add_argument("--contract", help="contract name (default: the only/current contract)")
    p.add_argument("--kind", help="report kind: " + ", ".join(KINDS) + " or a kind the contract's profile defines")
    p.add_argument("--period", help="2026-W47 | 2026-11 | 2026-Q4 | 2026-H2 | 2026 | CY1 | CY1-Q2 | CY1-H1 "
                                    "(default: the last complete period)")
    p.add_argument("--format", dest="fmt", choices=FORMATS, default="pdf", help="output format (default pdf)")
    p.add_argument("--out", help="output file")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--list", action="store_true", help="list exported reports")
    mode.add_argument("--verify", metavar="FILE", help="find the exported report this file is an exact copy of")
    p.set_defaults(func=run_report, _report_parser=p)


def run_report(args: argparse.Namespace) -> int:
    """Dispatch to generate / list / verify."""
    if args.list:
        return _list(args)
    if args.verify:
        return _verify(args)
    if not args.kind:
        args._report_parser.error("--kind is required to generate a report")
    if not args.out:
        args._report_parser.error("--out is required to generate a report")
    out_file = out_path(args.out)
    db = open_db(args)
    try:
        with db.session() as s:
            contract = get_contract(s, args.contract)
            known_kinds(contract, args.kind)
            if args.period:
                period = args.period
            elif args.kind not in KINDS:
                period = _profile_default(args.kind, contract)
            else:
                default = default_period(args.kind, contract)
                try:
                    period = check_period(default, contract)
                except ValidationError as exc:
                    raise ValidationError("--period", N_("the last complete {kind} period: {problem}; give --period"),
                                          kind=args.kind, problem=exc.message) from None
            rec = generate_report(s, contract, args.kind, period, args.fmt, out_file,
                                  actor=settings.get("engineer_name") or "cli")
            echo(rec.path)
            echo(f"sha256 {rec.sha256}")
            echo(f"{rec.kind} {rec.period_key} ({rec.period_start} – {rec.period_end}) {record_title(s, rec)}")
    finally:
        db.close()
    return 0


def _profile_default(kind: str, contract: object) -> str:
    """The default period key of a kind the profile defines: the last complete one offered (the
    reports page's default).  Raises ``ValidationError("--period")`` when none is complete yet."""
    from app.core.timeutil import local_today  # noqa: PLC0415
    from app.reports.actions import offer_for  # noqa: PLC0415

    offer = offer_for(kind, contract, local_today())  # type: ignore[arg-type]
    if offer.default_key is None:
        raise ValidationError("--period", N_("the last complete {kind} period: {problem}; give --period"),
                              kind=kind, problem=offer.reason or "-")
    return offer.default_key


def _list(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as s:
            contract = get_contract(s, args.contract) if args.contract else None
            rows = list_exported(s, contract)
            if not rows:
                echo(_("no exported reports"))
            for r in rows:
                echo(f"{fmt_local(r.exported_at)}\t{r.exported_by}\t{r.kind}\t{r.period_key}\t{r.format}\t"
                      f"{r.sha256[:16]}\t{r.path}\t{record_title(s, r)}")
    finally:
        db.close()
    return 0


def _verify(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as s:
            rec = match_file(s, Path(args.verify))
            if rec is None:
                raise ValidationError("--verify", N_("{verify} matches no exported report (changed or unknown)"), verify=args.verify)
            echo(_("matches: {kind} {period} {fmt}, exported {at} by {who} to {path}", kind=rec.kind,
                    period=rec.period_key, fmt=rec.format, at=fmt_local(rec.exported_at),
                    who=rec.exported_by or "?", path=rec.path))
            echo(f"sha256 {rec.sha256}")
            try:  # the chain head the file itself records (older reports have none)
                chain = audit.verify_against(s, read_recorded_head(Path(args.verify)))
            except ValidationError:
                chain = audit.verify_chain(s)
            if not record_is_audited(s, rec):
                raise ValidationError("--verify", N_("the report record of {verify} does not match its audit event: "
                                                     "the record was changed after the export"), verify=args.verify)
            echo(chain.sentence())
            if not chain.ok:
                return 1
    finally:
        db.close()
    return 0
