"""Contract user actions of the shell: first start, the contract switcher, engineers, profiles.

One function per user action, taking the ledger plus ids and plain values, opening its own
transaction, returning an ``Outcome`` of plain rows (never ORM objects) and the ``Changes``.
``import_profile`` writes the audit event ``contract.import``; ``first_start`` adds
``contract.ledger_start`` for the 启用日期 it stores.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.core.i18n import _
from app.core.timeutil import local_today
from app.errors import ValidationError
from app.services import audit
from app.services.changes import Changes, Outcome
from app.services.contract import profiles
from app.services.ledger import Ledger
from app.store.models import Contract, Engineer


@dataclass(frozen=True)
class ContractRow:
    """One contract as the shell shows it; dates are local, ``ledger_start`` the 启用日期 in
    force (``Contract.effective_ledger_start``)."""

    id: uuid.UUID
    name: str
    title: str
    client: str
    term_start: date
    term_end: date
    ledger_start: date
    #: what an import of a format-1 file converted (sentences, current language); empty otherwise
    upgrade: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProfileChoice:
    """A validated profile the first-start dialog offers: its contract and its engineers' names."""

    name: str
    title: str
    client: str
    term_start: date
    term_end: date
    engineers: list[str]
    data: dict[str, Any]
    #: what reading a format-1 file converted (``profiles.read_profile_file``)
    upgrade: tuple[str, ...] = ()


def _row(c: Contract) -> ContractRow:
    return ContractRow(c.id, c.name, c.title, c.client, c.term_start, c.term_end, c.effective_ledger_start)


def list_contracts(ledger: Ledger) -> Outcome[list[ContractRow]]:
    """Every contract, by name.  Reads only."""
    with ledger.session() as s:
        return Outcome([_row(c) for c in s.scalars(select(Contract).order_by(Contract.name))])


def contract(ledger: Ledger, contract_id: uuid.UUID | None) -> Outcome[ContractRow | None]:
    """The contract ``contract_id`` (``None`` if unknown or not given).  Reads only."""
    if contract_id is None:
        return Outcome(None)
    with ledger.session() as s:
        c = s.get(Contract, contract_id)
        return Outcome(_row(c) if c is not None else None)


def pick_contract(ledger: Ledger, wanted_name: str | None) -> Outcome[uuid.UUID | None]:
    """The contract to open: the one called ``wanted_name`` (the ``contract_name`` setting),
    else the first by name, ``None`` on an empty ledger."""
    rows = list_contracts(ledger).value
    chosen = next((c for c in rows if c.name == wanted_name), rows[0] if rows else None)
    return Outcome(chosen.id if chosen else None)


def engineers(ledger: Ledger, contract_id: uuid.UUID | None) -> Outcome[list[str]]:
    """Names of the contract's engineers, sorted (empty without a contract)."""
    if contract_id is None:
        return Outcome([])
    with ledger.session() as s:
        return Outcome(list(s.scalars(select(Engineer.name).where(Engineer.contract_id == contract_id)
                                      .order_by(Engineer.name))))


def read_profile(path: str | Path) -> ProfileChoice:
    """Read and validate the profile file at ``path``; raises ``ProfileError`` naming file and
    field.  Writes nothing."""
    loaded = profiles.read_profile_file(Path(path))
    data = loaded.data
    c = data["contract"]
    return ProfileChoice(c["name"], c["title"], c["client"], date.fromisoformat(str(c["term"]["start"])),
                         date.fromisoformat(str(c["term"]["end"])),
                         [str(e["name"]) for e in data.get("engineers", [])], data, tuple(loaded.upgrade))


def default_ledger_start(choice: ProfileChoice, today: date | None = None) -> date:
    """The 启用日期 the first-start dialog proposes: today, or the term start when today lies
    outside the term (a finished contract is loaded to enter its history)."""
    today = today or local_today()
    return today if choice.term_start <= today <= choice.term_end else choice.term_start


def check_ledger_start(ledger_start: date, term_start: date, term_end: date) -> None:
    """Refuse a 启用日期 after the term's last day (nothing could ever be counted).  Earlier than
    the term start is allowed (imported history may move it earlier).  Raises ``ValidationError``."""
    if ledger_start > term_end:
        raise ValidationError(_("Start of use"), _(
            "{day} is after the contract term ends ({end}); choose a day within the term",
            day=ledger_start.isoformat(), end=term_end.isoformat()))


def first_start(ledger: Ledger, choice: ProfileChoice, *, engineer: str, ledger_start: date) -> Outcome[ContractRow]:
    """Import the chosen profile as ``engineer`` with 启用日期 ``ledger_start`` in one transaction
    (audit ``contract.import`` and ``contract.ledger_start``).  An ``engineer`` the profile does not
    list joins the contract's engineers (audit ``engineer.add``), so the forms default to the
    person using the app, never to someone else.  Raises ``ValidationError`` for an empty engineer
    name or a start of use after the term; nothing is written then."""
    engineer = (engineer or "").strip()
    if not engineer:
        raise ValidationError(_("Engineer"), _("enter your name: it is recorded on every change"))
    check_ledger_start(ledger_start, choice.term_start, choice.term_end)
    with ledger.session() as s:
        c = profiles.import_profile(s, choice.data, actor=engineer)
        c.ledger_start = ledger_start
        s.flush()
        known = set(s.scalars(select(Engineer.name).where(Engineer.contract_id == c.id)))
        if engineer not in known:
            eng = Engineer(contract_id=c.id, name=engineer)
            s.add(eng)
            s.flush()
            audit.record(s, actor=engineer, action="engineer.add", entity_kind="engineer", entity_id=eng.id,
                         summary=f"{c.name}: {engineer}")
        audit.record(s, actor=engineer, action="contract.ledger_start", entity_kind="contract", entity_id=c.id,
                     summary=_("{name}: start of use {day}", name=c.name, day=ledger_start.isoformat()),
                     details={"ledger_start": ledger_start.isoformat()})
        return Outcome(_row(c), Changes.of("contract", ids=(c.id,)))


def import_profile_file(ledger: Ledger, path: str | Path, *, actor: str) -> Outcome[ContractRow]:
    """Validate and import (create or update) the profile at ``path`` in one transaction; raises
    ``ProfileError`` (nothing imported) for a refused file.  A format-1 file is upgraded; the
    row's ``upgrade`` lists what was converted."""
    loaded = profiles.read_profile_file(Path(path))
    with ledger.session() as s:
        c = profiles.import_profile(s, loaded.data, actor=actor or "?")
        row = dataclasses.replace(_row(c), upgrade=tuple(loaded.upgrade))
        return Outcome(row, Changes.of("contract", ids=(c.id,)))



def export_profile_file(ledger: Ledger, contract_id: uuid.UUID | None, path: str | Path, *,
                        actor: str) -> Outcome[Path]:
    """Write the contract's profile (as ``profiles.export_profile`` gives it) to ``path`` (YAML, or
    JSON for ``.json``) and audit ``contract.export``; returns the path.  Raises ``NotFoundError``
    without a contract, ``ProfileError`` if the stored contract no longer makes a valid profile."""
    from app.errors import NotFoundError  # noqa: PLC0415

    with ledger.session() as s:
        c = s.get(Contract, contract_id) if contract_id is not None else None
        if c is None:
            raise NotFoundError(_("No contract is loaded."))
        out = profiles.write_profile(profiles.export_profile(s, c), path)
        audit.record(s, actor=actor or "?", action="contract.export", entity_kind="contract", entity_id=c.id,
                     summary=f"{c.name} → {out}")
        return Outcome(out, Changes.of("audit"))
