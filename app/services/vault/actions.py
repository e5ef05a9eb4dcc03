"""The vault's user actions (密码库, 司法局 §2.3.1.4): add, edit, rotate, view/copy, delete, export.

One function per user action taking ``(ledger, ids, store, plain values)``; each opens its own
transaction, writes its audit event (``credential.add``/``edit``/``rotate``/``view``/``copy``/
``delete``/``export``) — with system, host and account, **never the secret** — and returns
``Outcome(value, Changes.of("credential"))``.  The secret store (a ``backend.SecretStore``) is
never called with a database transaction open — a keyring may take its whole timeout (5 s), and a
write lock held that long would make every other writer wait or fail: the rows are read and checked
in one short transaction, the store is called, then the change is written (and checked again) in a
second one.  A refused or unanswered store writes nothing; if the second transaction is refused
after the store took the value, the store is put back (the new secret removed, or the previous
password restored).  Refusals raise ``ValidationError`` naming the field, or ``VaultUnavailable``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import N_
from app.core.timeutil import local_dt, local_today, to_local, utcnow
from app.errors import NotFoundError, ValidationError
from app.services.audit import record
from app.services.changes import Changes, Outcome
from app.services.ledger import Ledger
from app.services.vault import backend, late_answers
from app.services.vault.backend import EntryInfo, SecretStore, VaultUnavailable
from app.services.vault.policy import Policy, check_length_limit, next_due, require_policy
from app.store.models import Asset, Contract, Credential, CredentialRotation

HOW = ("generated", "typed")


@dataclass(frozen=True)
class CredentialInput:
    """What the add/edit form gives: ``system`` and ``account`` required; the register asset as
    ``asset_id`` (the form's pick) or ``asset_code`` (the CLI's ``--asset-code``), or neither;
    ``policy`` length, classes and rotation period."""

    system: str
    account: str
    host: str = ""
    purpose: str = ""
    owner: str = ""
    asset_code: str | None = None
    notes: str = ""
    policy: Policy = field(default_factory=Policy)
    asset_id: uuid.UUID | None = None


def _changes(credential_id: uuid.UUID) -> Changes:
    return Changes.of("credential", ids=(credential_id,))


def _get(s: Session, credential_id: uuid.UUID) -> Credential:
    c = s.get(Credential, credential_id)
    if c is None:
        raise NotFoundError(N_("No vault entry {id}"), id=str(credential_id))
    return c


def _clean(entry: CredentialInput) -> CredentialInput:
    system, account = entry.system.strip(), entry.account.strip()
    if not system:
        raise ValidationError("credential.system", N_("{field} is required"))
    if not account:
        raise ValidationError("credential.account", N_("{field} is required"))
    entry.policy.validate()
    code = (entry.asset_code or "").strip() or None
    return CredentialInput(system, account, entry.host.strip(), entry.purpose.strip(), entry.owner.strip(), code,
                           entry.notes, entry.policy, entry.asset_id)


def _asset(s: Session, contract_id: uuid.UUID, e: CredentialInput,
           kept: tuple[uuid.UUID | None, str | None] = (None, None)) -> tuple[uuid.UUID | None, str | None]:
    """``(asset_id, asset_code)`` to store for ``e``: the picked asset (of this contract), or the
    asset with code ``e.asset_code``.  A code that matches no asset is refused — except the code
    the entry already keeps (``kept``: its id and code), which stays as it is, visible as "not in
    the register" (migration 0010 keeps such codes rather than dropping them)."""
    if e.asset_id is not None:
        asset = s.get(Asset, e.asset_id)
        if asset is None or asset.contract_id != contract_id:
            raise ValidationError("credential.asset_code", N_("No asset {asset} in this contract's register"),
                                  asset=str(e.asset_id))
        return asset.id, asset.code
    if not e.asset_code:
        return None, None
    found = s.scalars(select(Asset).where(Asset.contract_id == contract_id, Asset.code == e.asset_code)).first()
    if found is not None:
        return found.id, found.code
    if kept[0] is None and kept[1] == e.asset_code:
        return None, e.asset_code
    raise ValidationError("credential.asset_code", N_("No asset {asset} in this contract's register"),
                          asset=e.asset_code)


def _refuse_duplicate(s: Session, contract_id: uuid.UUID, e: CredentialInput, skip: uuid.UUID | None) -> None:
    q = select(Credential.id).where(Credential.contract_id == contract_id, Credential.system == e.system,
                                    Credential.host == e.host, Credential.account == e.account)
    if any(found != skip for found in s.scalars(q)):
        raise ValidationError("credential.account", N_("{account} on {host} ({system}) is already in the vault"),
                              account=e.account, host=e.host or "—", system=e.system)


def _info(c: Credential) -> EntryInfo:
    return EntryInfo(title=f"{c.system} – {c.account}", username=c.account, url=c.host,
                     notes=c.purpose)


def _where(c: Credential) -> dict[str, Any]:
    return {"system": c.system, "host": c.host, "account": c.account}


def _store_for(c: Credential, store: SecretStore) -> SecretStore:
    if c.secret_store != store.kind:
        raise VaultUnavailable(N_("The password of {account} is kept in the {kind} store, not in {store}; "
                                  "switch the vault to it first"), code="vault.other_store",
                               account=c.account, kind=c.secret_store, store=store.label())
    return store


def _undo(step: Any) -> None:
    """Put the secret store back after the ledger refused the change (best effort: a store that
    refuses now too keeps the value, and the original error is the one the user reads)."""
    try:
        step()
    except VaultUnavailable:
        return


def add_credential(ledger: Ledger, contract_id: uuid.UUID | None, store: SecretStore, *, actor: str,
                   entry: CredentialInput, secret: str, how: str = "typed",
                   changed_on: date | None = None) -> Outcome[uuid.UUID]:
    """Add a vault entry with its current password ``secret`` (into ``store``); the password was
    last changed on ``changed_on`` (local date, default today) and is next due a rotation period
    later.  Value: the new id.  Errors: ``ValidationError`` (system, account, policy fields,
    secret: required, over the Windows limit, below policy when ``how="generated"``),
    ``VaultUnavailable``."""
    e = _clean(entry)
    if how == "generated":
        require_policy(secret, e.policy)
    else:
        check_length_limit(secret)
    with ledger.session() as s:  # check first: nothing reaches the store that the ledger refuses
        contract = s.get(Contract, contract_id) if contract_id is not None else None
        if contract is None:
            raise NotFoundError(N_("No contract is loaded; load a contract profile first."))
        _refuse_duplicate(s, contract.id, e, None)
        _asset(s, contract.id, e)
    new_id = uuid.uuid4()
    key = str(new_id)
    store.put(backend.SERVICE, key, secret, EntryInfo(title=f"{e.system} – {e.account}", username=e.account,
                                                     url=e.host, notes=e.purpose))
    try:
        with ledger.session() as s:
            contract = s.get(Contract, contract_id)
            if contract is None:
                raise NotFoundError(N_("No contract is loaded; load a contract profile first."))
            _refuse_duplicate(s, contract.id, e, None)
            asset_id, asset_code = _asset(s, contract.id, e)
            now = utcnow()
            day = changed_on or local_today()
            c = Credential(contract_id=contract.id, system=e.system, host=e.host, account=e.account,
                           purpose=e.purpose, owner=e.owner, asset_code=asset_code, asset_id=asset_id,
                           length=e.policy.length, char_classes=e.policy.classes_text,
                           rotation_days=e.policy.rotation_days,
                           last_changed_at=now if changed_on is None else local_dt(day, time(12)),
                           next_due_on=next_due(day, e.policy.rotation_days), secret_store=store.kind,
                           secret_service=backend.SERVICE, secret_key=key, notes=e.notes, created_at=now,
                           updated_at=now)
            c.id = new_id
            s.add(c)
            s.add(CredentialRotation(credential_id=c.id, at=now, actor=actor, how="initial", previous_due_on=None,
                                     next_due_on=c.next_due_on, note=""))
            record(s, actor=actor, action="credential.add", entity_kind="credential", entity_id=c.id,
                   summary=f"{c.system} {c.account}@{c.host}", details={**_where(c), "store": store.kind})
    except BaseException:
        _undo(lambda: store.delete(backend.SERVICE, key))
        raise
    return Outcome(new_id, _changes(new_id))


def edit_credential(ledger: Ledger, credential_id: uuid.UUID, *, actor: str,
                    entry: CredentialInput) -> Outcome[uuid.UUID]:
    """Change an entry's metadata and policy (not its password); a new rotation period moves the
    due date.  Errors: as ``add_credential`` for the fields."""
    e = _clean(entry)
    with ledger.session() as s:
        c = _get(s, credential_id)
        _refuse_duplicate(s, c.contract_id, e, c.id)
        before = {"system": c.system, "host": c.host, "account": c.account, "rotation_days": c.rotation_days}
        c.system, c.host, c.account, c.purpose, c.owner = e.system, e.host, e.account, e.purpose, e.owner
        c.asset_id, c.asset_code = _asset(s, c.contract_id, e, (c.asset_id, c.asset_code))
        c.notes = e.notes
        c.length, c.char_classes, c.rotation_days = e.policy.length, e.policy.classes_text, e.policy.rotation_days
        if c.last_changed_at is not None:
            c.next_due_on = next_due(to_local(c.last_changed_at).date(), c.rotation_days)
        c.updated_at = utcnow()
        record(s, actor=actor, action="credential.edit", entity_kind="credential", entity_id=c.id,
               summary=f"{c.system} {c.account}@{c.host}", details={"before": before, "after": _where(c)})
    return Outcome(credential_id, _changes(credential_id))


def rotate_credential(ledger: Ledger, credential_id: uuid.UUID, store: SecretStore, *, actor: str, secret: str,
                      how: str = "typed", note: str = "") -> Outcome[date | None]:
    """密码轮换: store the new password, record who and when (never the value), reset the due date
    to today + rotation period.  ``how``: ``generated`` or ``typed``; a typed password must meet
    the entry's policy too.  Value: the new due date.  Errors: ``ValidationError`` on
    ``credential.secret``, ``VaultUnavailable``, ``NotFoundError``."""
    if how not in HOW:
        raise ValidationError("credential.how", N_("unknown choice {value}"), value=how)
    with ledger.session() as s:
        c = _get(s, credential_id)
        _store_for(c, store)
        require_policy(secret, Policy.of(c.length, c.char_classes, c.rotation_days))
        service, key, info = c.secret_service, c.secret_key, _info(c)
    previous_secret = store.get(service, key)
    store.put(service, key, secret, info, previous=previous_secret)
    try:
        with ledger.session() as s:
            c = _get(s, credential_id)
            now = utcnow()
            previous = c.next_due_on
            c.last_changed_at = now
            c.next_due_on = next_due(to_local(now).date(), c.rotation_days)
            c.updated_at = now
            s.add(CredentialRotation(credential_id=c.id, at=now, actor=actor, how=how, previous_due_on=previous,
                                     next_due_on=c.next_due_on, note=note.strip()))
            record(s, actor=actor, action="credential.rotate", entity_kind="credential", entity_id=c.id,
                   summary=f"{c.system} {c.account}@{c.host}",
                   details={**_where(c), "how": how,
                            "next_due_on": c.next_due_on.isoformat() if c.next_due_on else None})
            due = c.next_due_on
    except BaseException:
        if previous_secret is not None:
            _undo(lambda: store.put(service, key, previous_secret, info, previous=previous_secret))
        raise
    return Outcome(due, _changes(credential_id))


def reveal_secret(ledger: Ledger, credential_id: uuid.UUID, store: SecretStore, *, actor: str,
                  purpose: str = "view") -> Outcome[str]:
    """The password, for showing (``purpose="view"``) or the clipboard (``"copy"``); the audit
    event ``credential.view``/``credential.copy`` names who and which entry, never the value.
    Errors: ``NotFoundError`` (also when the store has no value), ``VaultUnavailable``."""
    if purpose not in ("view", "copy"):
        raise ValidationError("credential.purpose_of_reveal", N_("unknown choice {value}"), value=purpose)
    with ledger.session() as s:
        c = _get(s, credential_id)
        _store_for(c, store)
        service, key, account = c.secret_service, c.secret_key, c.account
    value = store.get(service, key)
    if value is None:
        raise NotFoundError(N_("The {store} holds no password for {account}"), store=store.label(), account=account)
    with ledger.session() as s:
        c = _get(s, credential_id)
        record(s, actor=actor, action=f"credential.{purpose}", entity_kind="credential", entity_id=c.id,
               summary=f"{c.system} {c.account}@{c.host}", details=_where(c))
    return Outcome(value, Changes.of("audit"))


def delete_credential(ledger: Ledger, credential_id: uuid.UUID, store: SecretStore, *,
                      actor: str) -> Outcome[uuid.UUID]:
    """Remove an entry, its history and its secret from ``store``; audited."""
    with ledger.session() as s:
        c = _get(s, credential_id)
        _store_for(c, store)
        service, key = c.secret_service, c.secret_key
    store.delete(service, key)  # first: a store that refuses leaves the entry as it was
    with ledger.session() as s:
        c = _get(s, credential_id)
        record(s, actor=actor, action="credential.delete", entity_kind="credential", entity_id=c.id,
               summary=f"{c.system} {c.account}@{c.host}", details=_where(c))
        s.delete(c)
    return Outcome(credential_id, _changes(credential_id))


def clean_keyring_orphans(ledger: Ledger, store: SecretStore, *, actor: str) -> Outcome[int]:
    """清理: delete from ``store`` the secrets whose late store could not be taken back
    (``late_answers.orphans()``) and that no credential of the ledger refers to; audited
    (``credential.orphans_clean``, with the count — never a secret).  Value: how many were
    removed.  An entry the keyring still refuses stays offered."""
    with ledger.session() as s:
        known = set(s.scalars(select(Credential.secret_key)))
    cleaned = late_answers.clean_orphans(store, known)
    if cleaned:
        with ledger.session() as s:
            record(s, actor=actor, action="credential.orphans_clean", entity_kind="credential",
                   summary=str(cleaned), details={"count": cleaned, "store": store.kind})
    return Outcome(cleaned, Changes.of("credential"))


def export_vault(ledger: Ledger, contract_id: uuid.UUID | None, store: SecretStore, path: Path,
                 master_password: str, *, actor: str,
                 credential_ids: Sequence[uuid.UUID] | None = None) -> Outcome[int]:
    """Write the contract's entries (or ``credential_ids``) with their passwords into a new KDBX 4
    file at ``path`` under ``master_password`` (KeePassXC opens it); value = entries written.
    Audited as ``credential.export`` with the file name and count.  Errors: ``OpsLedgerError``
    (file exists), ``VaultUnavailable``, ``NotFoundError`` (a password missing in ``store``)."""
    with ledger.session() as s:
        q = select(Credential).where(Credential.contract_id == contract_id)
        if credential_ids is not None:
            q = q.where(Credential.id.in_(list(credential_ids)))
        rows = [(_store_for(c, store), c.secret_service, c.secret_key, c.account, _info(c))
                for c in s.scalars(q.order_by(Credential.system, Credential.account))]
    items: list[tuple[str, str, str, EntryInfo]] = []
    for _s, service, key, account, info in rows:
        value = store.get(service, key)
        if value is None:
            raise NotFoundError(N_("The {store} holds no password for {account}"), store=store.label(), account=account)
        items.append((service, key, value, info))
    n = backend.export_kdbx(Path(path), master_password, items)
    with ledger.session() as s:
        record(s, actor=actor, action="credential.export", entity_kind="credential", entity_id=None,
               summary=f"{Path(path).name} ({n})", details={"file": str(path), "count": n})
    return Outcome(n, Changes.of("audit"))
