"""Reading the vault: credential rows with their due state, and the rotation history.

Plain dataclasses for the UI, CLI and reports — never a secret, never an ORM object.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import N_, _
from app.core.timeutil import local_today
from app.services.ledger import Ledger
from app.services.vault.due import IsWorking, reminder_state, working_day_rule, working_days_between
from app.services.vault.policy import Policy
from app.store.models import Asset, Credential, CredentialRotation

DUE_LABELS: dict[str, str] = {
    "overdue": N_("rotation overdue"),
    "due": N_("rotation due today"),
    "upcoming": N_("rotation due soon"),
    "ok": N_("in date"),
    "never": N_("no change recorded"),
}
"""A row's ``due_state`` → English msgid of its label (the page colours by the code)."""


def due_label(state: str) -> str:
    """The label of a ``due_state`` in the current language."""
    return _(DUE_LABELS.get(state, state))


@dataclass(frozen=True)
class CredentialRow:
    """One vault entry as listed: metadata, policy, last change (UTC), due date (local) and
    ``due_state``: ``overdue``, ``due``, ``upcoming`` (within the reminder lead), ``ok`` or
    ``never`` (no change recorded); ``working_days_left`` until the due date (0 when past).
    ``asset_id`` is the register asset (None: none, or ``asset_code`` matches no asset — shown as
    "not in the register"); ``asset_code``/``asset_name`` are the asset's current code and name
    when linked, else the code as typed."""

    id: uuid.UUID
    system: str
    host: str
    account: str
    purpose: str
    owner: str
    asset_code: str | None
    policy: Policy
    last_changed_at: datetime | None
    next_due_on: date | None
    secret_store: str
    notes: str
    due_state: str
    working_days_left: int
    asset_id: uuid.UUID | None = None
    asset_name: str = ""

    @property
    def where(self) -> str:
        """``account@host`` (or the account alone)."""
        return f"{self.account}@{self.host}" if self.host else self.account


@dataclass(frozen=True)
class RotationRow:
    """One rotation: when (UTC), who, how (``initial``/``generated``/``typed``), the due date
    before and after, note; with the entry's system/host/account for reports."""

    at: datetime
    actor: str
    how: str
    previous_due_on: date | None
    next_due_on: date | None
    note: str
    system: str
    host: str
    account: str


def row_of(c: Credential, today: date, rule: IsWorking, asset: Asset | None = None) -> CredentialRow:
    """The :class:`CredentialRow` of ORM row ``c`` on local date ``today`` (``rule``: see
    ``due.working_day_rule``); ``asset``: the row of ``c.asset_id`` when linked."""
    state = reminder_state(c.next_due_on, today, rule)
    text = "never" if c.next_due_on is None else (str(state) if state is not None else "ok")
    left = working_days_between(today, c.next_due_on, rule) if c.next_due_on else 0
    return CredentialRow(
        c.id, c.system, c.host, c.account, c.purpose, c.owner, asset.code if asset is not None else c.asset_code,
        Policy.of(c.length, c.char_classes, c.rotation_days), c.last_changed_at, c.next_due_on,
        c.secret_store, c.notes, text, left, asset.id if asset is not None else None,
        asset.name if asset is not None else "")


def list_credentials(ledger: Ledger, contract_id: uuid.UUID | None, today: date | None = None,
                     search: str = "") -> list[CredentialRow]:
    """The contract's entries ordered by due date (never-changed last), then system and account;
    ``search`` filters system/host/account/owner/asset code (case-insensitive, in SQL)."""
    if contract_id is None:
        return []
    day = today or local_today()
    with ledger.session() as s:
        q = (select(Credential, Asset).outerjoin(Asset, Credential.asset_id == Asset.id)
             .where(Credential.contract_id == contract_id))
        if search.strip():
            like = f"%{search.strip()}%"
            q = q.where(Credential.system.ilike(like) | Credential.host.ilike(like) | Credential.account.ilike(like)
                        | Credential.owner.ilike(like) | Credential.asset_code.ilike(like) | Asset.code.ilike(like)
                        | Asset.name.ilike(like))
        q = q.order_by(Credential.next_due_on.is_(None), Credential.next_due_on, Credential.system,
                       Credential.account)
        rule = working_day_rule(s)
        return [row_of(c, day, rule, a) for c, a in s.execute(q)]


def asset_accounts(ledger: Ledger, asset_id: uuid.UUID, today: date | None = None) -> list[CredentialRow]:
    """The vault entries of one asset (its 账号 tab): ordered like :func:`list_credentials`.
    Rows carry account, host and next due date — never a secret."""
    day = today or local_today()
    with ledger.session() as s:
        q = (select(Credential, Asset).join(Asset, Credential.asset_id == Asset.id)
             .where(Credential.asset_id == asset_id)
             .order_by(Credential.next_due_on.is_(None), Credential.next_due_on, Credential.system,
                       Credential.account))
        rule = working_day_rule(s)
        return [row_of(c, day, rule, a) for c, a in s.execute(q)]


def credential_row(ledger: Ledger, credential_id: uuid.UUID, today: date | None = None) -> CredentialRow | None:
    """One entry, or None."""
    with ledger.session() as s:
        c = s.get(Credential, credential_id)
        if c is None:
            return None
        asset = s.get(Asset, c.asset_id) if c.asset_id is not None else None
        return row_of(c, today or local_today(), working_day_rule(s), asset)


def rotation_rows(session: Session, credential_id: uuid.UUID | None = None, *,
                  contract_id: uuid.UUID | None = None, start: datetime | None = None,
                  end: datetime | None = None) -> list[RotationRow]:
    """Rotations of one credential, or of every credential of ``contract_id`` with ``start <=
    at < end`` (UTC instants, either may be None); newest first.  Never holds a value."""
    q = select(CredentialRotation, Credential).join(Credential, CredentialRotation.credential_id == Credential.id)
    if credential_id is not None:
        q = q.where(CredentialRotation.credential_id == credential_id)
    if contract_id is not None:
        q = q.where(Credential.contract_id == contract_id)
    if start is not None:
        q = q.where(CredentialRotation.at >= start)
    if end is not None:
        q = q.where(CredentialRotation.at < end)
    q = q.order_by(CredentialRotation.at.desc())
    return [RotationRow(r.at, r.actor, r.how, r.previous_due_on, r.next_due_on, r.note, c.system, c.host,
                        c.account) for r, c in session.execute(q)]


def rotation_history(ledger: Ledger, credential_id: uuid.UUID) -> list[RotationRow]:
    """The rotations of one credential, newest first (see :func:`rotation_rows`)."""
    with ledger.session() as s:
        return rotation_rows(s, credential_id)
