"""Find records by the names users type (contract name, template code, record number)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import N_
from app.errors import NotFoundError
from app.store.models import ChecklistTemplate, Contract, Engineer, Service


def get_contract(session: Session, name: str | None = None) -> Contract:
    """The contract called ``name``; with ``None``, the only contract in the store.

    Raises ``NotFoundError`` naming the known contracts when there is no match (or, with ``None``,
    when the store holds zero or several contracts).
    """
    contracts = list(session.scalars(select(Contract).order_by(Contract.name)))
    if name is None:
        if len(contracts) == 1:
            return contracts[0]
        known = ", ".join(c.name for c in contracts) or "none loaded"
        raise NotFoundError(N_("--contract is needed: the database holds contracts: {known}"), known=known)
    for c in contracts:
        if c.name == name:
            return c
    known = ", ".join(c.name for c in contracts) or "none loaded"
    raise NotFoundError(N_("unknown contract “{name}”; known contracts: {known}"), name=name, known=known)


def get_template(session: Session, contract: Contract, code: str) -> ChecklistTemplate:
    """The checklist template ``code`` (or exact name) of ``contract``; raises ``NotFoundError``."""
    tpls = list(session.scalars(select(ChecklistTemplate).where(ChecklistTemplate.contract_id == contract.id)))
    for t in tpls:
        if code in (t.code, t.name):
            return t
    known = ", ".join(t.code for t in tpls)
    raise NotFoundError(N_("unknown checklist template “{the_code}” in {name}; known: {known}"), name=contract.name, known=known, the_code=code)


def services_by_code(session: Session, contract: Contract) -> dict[str, Service]:
    """The contract's services keyed by code."""
    rows = session.scalars(select(Service).where(Service.contract_id == contract.id))
    return {s.code: s for s in rows}


def engineers_by_name(session: Session, contract: Contract) -> dict[str, Engineer]:
    """The contract's engineers keyed by name."""
    rows = session.scalars(select(Engineer).where(Engineer.contract_id == contract.id))
    return {e.name: e for e in rows}
