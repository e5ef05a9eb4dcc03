"""``opsledger vault list|add|rotate|export``: the credential vault (密码库, 司法局 §2.3.1.4), headless.

Passwords are read from a prompt (``getpass``, asked twice) or generated from the entry's
policy (``--generate``, shown once) — never taken from an argument, so no secret is left in the
shell history or the process list.  The secret store is the system keyring; where it is refused
(no keyring, plaintext or null backend, no answer) the command says why and offers the encrypted
KDBX file, which is used only when named with ``--kdbx FILE`` (master password from a prompt).
"""

from __future__ import annotations

import argparse
import getpass
import uuid
from pathlib import Path

from app.cli.common import add_db_arg, cli_actor, echo, open_db, parse_date
from app.core.i18n import N_, _
from app.core.timeutil import fmt_local
from app.errors import NotFoundError, ValidationError
from app.services.ledger import Ledger
from app.services.queries.lookup import get_contract
from app.services.vault import actions, backend, entries
from app.services.vault.backend import SecretStore, VaultUnavailable
from app.services.vault.policy import CLASSES, Policy, generate


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    """Register ``vault`` with ``list``, ``add``, ``rotate`` and ``export``."""
    p = sub.add_parser("vault", help="credential vault: accounts and password rotation (密码库)")
    vs = p.add_subparsers(dest="vault_command", metavar="ACTION", required=True)

    def common(q: argparse.ArgumentParser) -> None:
        add_db_arg(q)
        q.add_argument("--contract", help="contract name (optional when the database holds one)")
        q.add_argument("--kdbx", help="keep passwords in this encrypted KDBX file instead of the system keyring "
                       "(master password asked at a prompt; created when missing)")

    ls = vs.add_parser("list", help="entries with due dates (never the passwords)")
    common(ls)
    ls.set_defaults(func=run_list)
    add = vs.add_parser("add", help="add an account; the password is asked at a prompt")
    common(add)
    add.add_argument("--system", required=True, help="system or device (业务系统/设备)")
    add.add_argument("--account", required=True, help="account name")
    add.add_argument("--host", default="", help="host name or address")
    add.add_argument("--purpose", default="")
    add.add_argument("--owner", default="")
    add.add_argument("--asset-code", default=None, help="code of the asset in the register")
    add.add_argument("--length", type=int, default=16)
    add.add_argument("--classes", default="lower,upper,digits,symbols", help=f"any of {','.join(CLASSES)}")
    add.add_argument("--rotation-days", type=int, default=90)
    add.add_argument("--changed-on", help="the date the current password was set (YYYY-MM-DD; default today)")
    add.add_argument("--generate", action="store_true", help="generate the password from the policy")
    add.set_defaults(func=run_add)
    rot = vs.add_parser("rotate", help="change an account's password (asked at a prompt, or --generate)")
    common(rot)
    rot.add_argument("entry", help="the entry: its id (or the first 8 characters) or account@host")
    rot.add_argument("--generate", action="store_true")
    rot.add_argument("--note", default="")
    rot.set_defaults(func=run_rotate)
    exp = vs.add_parser("export", help="write every entry into a new KDBX file for KeePassXC")
    common(exp)
    exp.add_argument("file", help="the new .kdbx file (its master password is asked at a prompt)")
    exp.set_defaults(func=run_export)


def ask_secret(prompt: str, *, confirm: bool = True) -> str:
    """A secret typed at a hidden prompt (twice with ``confirm``); raises ``ValidationError`` when
    the two differ or nothing was typed."""
    first = getpass.getpass(prompt)
    if not first:
        raise ValidationError("credential.secret", N_("{field} is required"))
    if confirm and getpass.getpass(_("Repeat: ")) != first:
        raise ValidationError("credential.secret", N_("the two entries differ; nothing was stored"))
    return first


def open_store(args: argparse.Namespace) -> SecretStore:
    """The KDBX file of ``--kdbx`` (asked for its master password), else the accepted system
    keyring; raises ``VaultUnavailable`` with the reason and the KDBX offer."""
    if args.kdbx:
        path = Path(args.kdbx).expanduser()
        create = not path.exists()
        master = ask_secret(_("Master password of {path}: ", path=path), confirm=create)
        return backend.KdbxStore(path, master, create=create)
    vault = backend.Vault()
    result = vault.use_keyring()
    if not result.ok:
        raise VaultUnavailable(N_("{reason}. To use the encrypted KDBX file instead, add --kdbx FILE"),
                               code="vault.cli_unavailable", reason=result.reason.rstrip("。."))
    return vault.require()


def _contract_id(db: Ledger, name: str | None) -> uuid.UUID:
    with db.session() as s:
        return get_contract(s, name).id


def run_list(args: argparse.Namespace) -> int:
    """Print one line per entry: due date and state, system, account@host, last change, and the
    asset code (marked when the code matches no asset of the register)."""
    db = open_db(args)
    try:
        rows = entries.list_credentials(db, _contract_id(db, args.contract))
    finally:
        db.close()
    for r in rows:
        due = r.next_due_on.isoformat() if r.next_due_on else "—"
        asset = "" if not r.asset_code else f"  {r.asset_code}" if r.asset_id is not None else \
            "  " + _("{code} (not in the register)", code=r.asset_code)
        echo(f"{str(r.id)[:8]}  {due}  {entries.due_label(r.due_state):<8}  {r.system}  {r.where}  "
             f"{fmt_local(r.last_changed_at) if r.last_changed_at else '—'}{asset}")
    echo(_("{n} entries", n=len(rows)))
    return 0


def run_add(args: argparse.Namespace) -> int:
    """Add an entry; the password from the prompt or generated (printed once)."""
    policy = Policy(args.length, tuple(c.strip() for c in args.classes.split(",") if c.strip()),
                    args.rotation_days).validate()
    changed_on = parse_date(args.changed_on, "--changed-on") if args.changed_on else None
    db = open_db(args)
    try:
        contract_id = _contract_id(db, args.contract)
        store = open_store(args)
        secret = generate(policy) if args.generate else ask_secret(_("Password of {account}: ", account=args.account))
        entry = actions.CredentialInput(args.system, args.account, args.host, args.purpose, args.owner,
                                        args.asset_code, "", policy)
        out = actions.add_credential(db, contract_id, store, actor=cli_actor(), entry=entry, secret=secret,
                                     how="generated" if args.generate else "typed", changed_on=changed_on)
        row = entries.credential_row(db, out.value)
    finally:
        db.close()
    if row is None:  # deleted meanwhile by another session
        raise NotFoundError(N_("No vault entry {id}"), id=str(out.value))
    echo(_("added {account} ({system}), next change due {date}, kept in {store}", account=row.where,
           system=row.system, date=row.next_due_on, store=store.label()))
    if args.generate:
        echo(_("generated password (shown once): {secret}", secret=secret))
    return 0


def _find(db: Ledger, contract_id: uuid.UUID, text: str) -> entries.CredentialRow:
    rows = entries.list_credentials(db, contract_id)
    hits = [r for r in rows if str(r.id).startswith(text.lower()) or r.where == text]
    if len(hits) != 1:
        raise NotFoundError(N_("No single vault entry matches “{text}”; give its id or account@host"), text=text)
    return hits[0]


def run_rotate(args: argparse.Namespace) -> int:
    """Rotate one entry; prints the new due date."""
    db = open_db(args)
    try:
        row = _find(db, _contract_id(db, args.contract), args.entry)
        store = open_store(args)
        secret = generate(row.policy) if args.generate else ask_secret(
            _("New password of {account}: ", account=row.where))
        due = actions.rotate_credential(db, row.id, store, actor=cli_actor(), secret=secret,
                                        how="generated" if args.generate else "typed", note=args.note).value
    finally:
        db.close()
    echo(_("rotated {account}; next change due {date}", account=row.where, date=due))
    if args.generate:
        echo(_("generated password (shown once): {secret}", secret=secret))
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Export every entry of the contract with its password into a new KDBX file."""
    db = open_db(args)
    try:
        contract_id = _contract_id(db, args.contract)
        store = open_store(args)
        master = ask_secret(_("Master password for the new file {path}: ", path=args.file))
        n = actions.export_vault(db, contract_id, store, Path(args.file).expanduser(), master,
                                 actor=cli_actor()).value
    finally:
        db.close()
    echo(_("exported {n} entries to {path}", n=n, path=args.file))
    return 0
