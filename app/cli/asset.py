"""``opsledger asset list|import|export|label|attach|attachments`` — the asset register, headless.

* ``list [--class C] [--status S] [--location L] [--search TEXT]``: one line per asset;
* ``import FILE.xlsx [--key code|serial|ip] [--apply]``: simulates by default (per-row result and
  every refused value, exit 1 when anything is refused); ``--apply`` writes in one transaction
  after a backup of the ledger;
* ``export --out FILE.xlsx|FILE.yaml``: the register as a printable workbook, or the profile's
  ``assets:`` section as YAML;
* ``label --out FILE.pdf [--sheet a4-3x8|a4-3x7|a4-2x7|a4-2x5] [--code CODE …]``: QR labels on a label
  sheet; an unknown code is refused, naming it;
* ``attach CODE FILE… [--actor NAME]``: attach files to the asset (one transaction; empty, over
  20 MB or already attached refused); ``attachments CODE``: its files with size, who, when, hash.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import add_db_arg, echo, open_db
from app.core.i18n import N_, _
from app.core.vocab import AssetClass, AssetStatus, label_of, parse
from app.errors import ImportRejected, ValidationError
from app.services.asset.label_sheets import LAYOUTS


def register(sub: argparse._SubParsersAction) -> None:
    """Register ``asset``."""
    p = sub.add_parser("asset", help="the asset register: list, import (simulated first), export, labels")
    cmds = p.add_subparsers(dest="asset_command", metavar="ACTION", required=True)
    ls = cmds.add_parser("list", help="list the assets")
    ls.add_argument("--class", dest="asset_class", help="asset class (code or label)")
    ls.add_argument("--status", help="status (code or label)")
    ls.add_argument("--location", help="location (exact)")
    ls.add_argument("--search", default="", help="text in code, name, model, serial, IP, owner")
    im = cmds.add_parser("import", help="import a device list from Excel (simulation unless --apply)")
    im.add_argument("file", help="the .xlsx workbook")
    im.add_argument("--key", choices=["code", "serial", "ip"], default="code", help="reconciliation key")
    mode = im.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true", default=True, help="simulate only (the default)")
    mode.add_argument("--apply", action="store_true", help="apply after a backup, in one transaction")
    im.add_argument("--actor", default="import", help="name recorded in the history and audit trail")
    ex = cmds.add_parser("export", help="export the register (.xlsx) or the profile's asset section (.yaml)")
    ex.add_argument("--out", required=True, help="output file: .xlsx or .yaml")
    lb = cmds.add_parser("label", help="print QR labels to PDF")
    lb.add_argument("--out", required=True, help="output PDF")
    lb.add_argument("--sheet", default="a4-3x8", choices=list(LAYOUTS),
                    help="label sheet: a4-3x8 (24 × 70×37 mm), a4-3x7 (L7160), a4-2x7 (L7163), a4-2x5")
    lb.add_argument("--code", action="append", default=None, help="asset code (repeat; default: all)")
    lb.add_argument("--skip", type=int, default=0, help="labels already used on the first sheet")
    at = cmds.add_parser("attach", help="attach files to an asset (kept inside the ledger, at most 20 MB each)")
    at.add_argument("code", help="asset code")
    at.add_argument("files", nargs="+", help="files to attach")
    at.add_argument("--actor", default="cli", help="name recorded in the history and audit trail")
    af = cmds.add_parser("attachments", help="list the files attached to an asset")
    af.add_argument("code", help="asset code")
    for q in (ls, im, ex, lb, at, af):
        add_db_arg(q)
        q.add_argument("--contract", help="contract name (optional when the database holds one)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run one ``asset`` action; returns the exit code."""
    from app.services.queries.lookup import get_contract  # noqa: PLC0415

    db = open_db(args)
    try:
        with db.session() as s:
            contract_id = get_contract(s, args.contract).id
        return {"list": _list, "import": _import, "export": _export, "label": _label, "attach": _attach,
                "attachments": _attachments}[args.asset_command](
            db, contract_id, args)
    finally:
        db.close()


def _list(db: object, contract_id: object, args: argparse.Namespace) -> int:
    from app.services.asset.queries import AssetFilter, count_assets, query_assets  # noqa: PLC0415

    cls = parse(AssetClass, args.asset_class) if args.asset_class else None
    status = parse(AssetStatus, args.status) if args.status else None
    flt = AssetFilter(asset_class=cls.value if cls else None, status=status.value if status else None,
                      location=args.location, text=args.search)
    with db.session() as s:  # type: ignore[attr-defined]
        rows = query_assets(s, contract_id, flt, "code", False, 0, None)  # type: ignore[arg-type]
        total = count_assets(s, contract_id, flt)  # type: ignore[arg-type]
    for r in rows:
        echo("\t".join([r.code, r.name, label_of(AssetClass, r.asset_class), r.model, str(r.quantity), r.location,
                        label_of(AssetStatus, r.status), r.ip, r.warranty_end.isoformat() if r.warranty_end else ""]))
    echo(_("{count} asset(s)", count=total))
    return 0


def _import(db: object, contract_id: object, args: argparse.Namespace) -> int:
    from app.services.asset import actions  # noqa: PLC0415
    from app.services.asset.export import ACTIONS  # noqa: PLC0415

    if args.apply:
        try:
            summary = actions.apply_import(db, contract_id, Path(args.file), actor=args.actor, key=args.key).value  # type: ignore[arg-type]
        except ImportRejected as exc:
            echo(str(exc), err=True)
            return 1
        echo(_("imported: {created} created, {updated} updated, {unchanged} unchanged; backup {backup}",
               created=summary.created, updated=summary.updated, unchanged=summary.unchanged,
               backup=summary.backup or "—"))
        return 0
    sim = actions.simulate_import(db, contract_id, Path(args.file), key=args.key)  # type: ignore[arg-type]
    for row, note in sim.notes:
        echo(f"{row}\t{_(ACTIONS['refused'])}\t{note.column} “{note.value}”: {note.text()}")
    for r in sim.rows:
        reasons = [f"{n.column} “{n.value}”: {n.text()}" for n in r.notes]
        reasons += [f"{k}: {o or '—'} → {n or '—'}" for k, (o, n) in r.changes.items()]
        echo(f"{r.row}\t{_(ACTIONS[r.action])}\t{r.code}\t{'; '.join(reasons)}")
    echo(_("{created} created, {updated} updated, {unchanged} unchanged, {refused} refused",
           created=sim.count("created"), updated=sim.count("updated"), unchanged=sim.count("unchanged"),
           refused=sim.count("refused") + len(sim.notes)))
    return 1 if sim.refused else 0


def _export(db: object, contract_id: object, args: argparse.Namespace) -> int:
    from app.services.asset import export  # noqa: PLC0415

    out = Path(args.out)
    if out.suffix.lower() in (".yaml", ".yml"):
        n = export.export_profile_yaml(db, contract_id, out)  # type: ignore[arg-type]
    else:
        n = export.export_register(db, contract_id, out)  # type: ignore[arg-type]
    echo(_("{count} asset(s) written to {path}", count=n, path=out))
    return 0


def _label(db: object, contract_id: object, args: argparse.Namespace) -> int:
    from app.services.asset import labels  # noqa: PLC0415
    from app.services.asset.queries import AssetFilter, query_assets  # noqa: PLC0415

    ids = None
    if args.code:
        with db.session() as s:  # type: ignore[attr-defined]
            rows = query_assets(s, contract_id, AssetFilter(), "code", False, 0, None)  # type: ignore[arg-type]
        wanted = {c.casefold() for c in args.code}
        ids = [r.id for r in rows if r.code.casefold() in wanted]
        found = {r.code.casefold() for r in rows}
        unknown = [c for c in args.code if c.casefold() not in found]
        if unknown:
            raise ValidationError("code", N_("no asset with the code {codes} in the register"), codes=unknown)
    data = labels.label_data(db, contract_id, ids)  # type: ignore[arg-type]
    pages = labels.write_labels(data, Path(args.out), args.sheet, args.skip)
    echo(_("{count} label(s) on {pages} page(s) written to {path}", count=len(data), pages=pages, path=args.out))
    return 0


def _asset_id(db: object, contract_id: object, code: str) -> object:
    from app.services.asset.queries import asset_id_by_code  # noqa: PLC0415

    aid = asset_id_by_code(db, contract_id, code)  # type: ignore[arg-type]
    if aid is None:
        raise ValidationError("code", N_("no asset with the code {codes} in the register"), codes=[code])
    return aid


def _attach(db: object, contract_id: object, args: argparse.Namespace) -> int:
    from app.services.asset import actions  # noqa: PLC0415

    added = actions.add_attachments(db, _asset_id(db, contract_id, args.code), args.files,  # type: ignore[arg-type]
                                    actor=args.actor).value
    for a in added:
        echo(f"{a.filename}\t{a.size_bytes}\t{a.sha256}")
        if a.secret_findings:
            echo(_("warning: {name} looks like it holds a password; keep passwords in the vault", name=a.filename))
    return 0


def _attachments(db: object, contract_id: object, args: argparse.Namespace) -> int:
    from app.core.timeutil import fmt_local  # noqa: PLC0415
    from app.services.asset.attachments import listing  # noqa: PLC0415

    rows = listing(db, _asset_id(db, contract_id, args.code))  # type: ignore[arg-type]
    for r in rows:
        echo("\t".join([r.filename, str(r.size_bytes), r.added_by, fmt_local(r.added_at), r.sha256]))
    echo(_("{count} attachment(s)", count=len(rows)))
    return 0
