"""``opsledger incident|request attach|attachments|detach`` — the files of an incident (故障) or a
service request (服务请求), headless, as ``opsledger asset attach|attachments`` for an asset.

* ``attach NUMBER FILE… [--actor NAME]``: attach files to the record (one transaction; empty, over
  20 MB, already attached or a closed incident refused); a text file that looks like it holds a
  password is kept with a warning pointing to the vault (司法局 §2.3.1.4);
* ``attachments NUMBER [--removed]``: its files with size, who, when, hash (``--removed``: the
  removed ones too, with who removed them and when);
* ``detach NUMBER FILE_NAME… [--actor NAME]``: remove files by name (one transaction; kept in the
  history and the audit trail, the bytes leave the ledger).
"""

from __future__ import annotations

import argparse
import uuid
from typing import Any

from app.cli.common import add_db_arg, echo, open_db
from app.core.i18n import N_, _
from app.errors import ValidationError

OWNERS = {"incident": "incident", "request": "service_request"}
"""command name → attachment owner kind."""


def register(sub: argparse._SubParsersAction) -> None:
    """Register ``incident`` and ``request``."""
    for command, noun in (("incident", "an incident"), ("request", "a service request")):
        p = sub.add_parser(command, help=f"the files of {noun}: attach, list, detach")
        cmds = p.add_subparsers(dest="record_command", metavar="ACTION", required=True)
        at = cmds.add_parser("attach", help=f"attach files to {noun} (kept inside the ledger, at most 20 MB each)")
        at.add_argument("number", help="the record's number")
        at.add_argument("files", nargs="+", help="files to attach")
        at.add_argument("--actor", default="cli", help="name recorded in the history and audit trail")
        af = cmds.add_parser("attachments", help=f"list the files attached to {noun}")
        af.add_argument("number", help="the record's number")
        af.add_argument("--removed", action="store_true", help="list the removed files too")
        dt = cmds.add_parser("detach", help=f"remove files from {noun} by name (kept in the history)")
        dt.add_argument("number", help="the record's number")
        dt.add_argument("names", nargs="+", help="file names as listed")
        dt.add_argument("--actor", default="cli", help="name recorded in the history and audit trail")
        for q in (at, af, dt):
            add_db_arg(q)
        p.set_defaults(func=run, owner_kind=OWNERS[command])


def run(args: argparse.Namespace) -> int:
    """Run one ``incident``/``request`` action; returns the exit code."""
    from app.services.incident.attachments import owner_id_by_number  # noqa: PLC0415

    db = open_db(args)
    try:
        owner_id = owner_id_by_number(db, args.owner_kind, args.number)
        return {"attach": _attach, "attachments": _attachments, "detach": _detach}[args.record_command](
            db, owner_id, args)
    finally:
        db.close()


def _actions(owner_kind: str) -> tuple[Any, Any]:
    """The owner's (add, remove) actions."""
    if owner_kind == "incident":
        from app.services.incident import actions  # noqa: PLC0415

        return actions.add_attachments, actions.remove_attachments
    from app.services.servicedesk import actions as desk  # noqa: PLC0415

    return desk.add_request_attachments, desk.remove_request_attachments


def _attach(db: Any, owner_id: uuid.UUID, args: argparse.Namespace) -> int:
    add, _remove = _actions(args.owner_kind)
    for a in add(db, owner_id, args.files, actor=args.actor).value:
        echo(f"{a.filename}\t{a.size_bytes}\t{a.sha256}")
        if a.secret_findings:
            echo(_("warning: {name} looks like it holds a password; keep passwords in the vault", name=a.filename))
    return 0


def _attachments(db: Any, owner_id: uuid.UUID, args: argparse.Namespace) -> int:
    from app.core.timeutil import fmt_local  # noqa: PLC0415
    from app.services.attachments import listing  # noqa: PLC0415

    rows = listing(db, args.owner_kind, owner_id, removed=args.removed)
    for r in rows:
        cells = [r.filename, str(r.size_bytes), r.added_by, fmt_local(r.added_at), r.sha256]
        if r.removed_at is not None:
            cells.append(_("removed {at} by {actor}", at=fmt_local(r.removed_at), actor=r.removed_by))
        elif r.missing:
            cells.append(_("file missing"))
        echo("\t".join(cells))
    echo(_("{count} attachment(s)", count=len(rows)))
    return 0


def _detach(db: Any, owner_id: uuid.UUID, args: argparse.Namespace) -> int:
    from app.services.attachments import listing  # noqa: PLC0415

    _add, remove = _actions(args.owner_kind)
    rows = listing(db, args.owner_kind, owner_id)
    present = {r.filename: r.id for r in rows}
    unknown = [n for n in args.names if n not in present]
    if unknown:
        raise ValidationError("file", N_("{number} has no attachment named {names}"), number=args.number,
                              names=", ".join(unknown))
    twice = sorted({n for n in args.names if sum(r.filename == n for r in rows) > 1})
    if twice:  # which one is meant cannot be said by name: nothing is removed
        raise ValidationError("file", N_("{number} has more than one attachment named {names}; remove it in the "
                                         "window, where the files are listed with size and time"),
                              number=args.number, names=", ".join(twice))
    for name in remove(db, [present[n] for n in args.names], actor=args.actor).value:
        echo(_("removed {name}", name=name))
    return 0
