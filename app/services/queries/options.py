"""What the record forms offer: the contract's choices, vocabularies and proposed defaults (no Qt).

The UI fills its combos from :func:`record_options` (one read of the contract, its services,
assets and engineers) and never reads the profile dict itself.  Vocabulary tuples are re-exported
from the store so that a form lists exactly the codes the services accept.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app.core.profile import profile_of
from app.services.ledger import Ledger
from app.store.models import Asset, Contract, Engineer, Service
from app.store.models.incident import CAUSE_CATEGORIES, SOURCES
from app.store.models.incident import STATUSES as INCIDENT_STATUSES
from app.store.models.service_desk import CHANNELS, REQUEST_STATUSES, REQUIREMENT_STATUSES, SATISFACTION

__all__ = [
    "CAUSE_CATEGORIES", "CHANNELS", "INCIDENT_STATUSES", "OPEN_REQUIREMENT_STATUSES", "REQUEST_STATUSES",
    "REQUIREMENT_STATUSES", "SATISFACTION", "SOURCES", "RecordOptions", "proposed_severity", "record_options",
]

OPEN_REQUIREMENT_STATUSES = tuple(s for s in REQUIREMENT_STATUSES if s not in ("done", "rejected"))
"""Requirement statuses that are not final (``done`` and ``rejected`` are)."""

Pair = tuple[Any, str]


@dataclass(frozen=True)
class RecordOptions:
    """The current contract's choices as ``(value, label)`` pairs, in display order.

    ``severities``: profile level codes, least severe last (``"P1 重大故障"`` labels);
    ``major_severities``: codes marked ``major: true`` (closing needs a root-cause analysis);
    ``categories``: request category codes; ``services``/``assets``/``engineers``: ids (UUID);
    engineers are the active ones.  ``engineer_id``: the id of the engineer named when asked
    (the current engineer), ``None`` if not on the contract.  Empty lists without a contract.
    """

    severities: list[Pair] = field(default_factory=list)
    major_severities: frozenset[str] = frozenset()
    categories: list[Pair] = field(default_factory=list)
    services: list[Pair] = field(default_factory=list)
    assets: list[Pair] = field(default_factory=list)
    engineers: list[Pair] = field(default_factory=list)
    engineer_id: uuid.UUID | None = None


def record_options(ledger: Ledger, contract_id: uuid.UUID | None, engineer_name: str = "") -> RecordOptions:
    """Read the choices of contract ``contract_id`` (``None`` or unknown → empty options)."""
    if contract_id is None:
        return RecordOptions()
    with ledger.session() as s:
        c = s.get(Contract, contract_id)
        if c is None:
            return RecordOptions()
        prof = profile_of(c) if c.profile else None
        sev = prof.severities if prof else ()
        engineers = list(s.scalars(select(Engineer).where(
            Engineer.contract_id == c.id, Engineer.active.is_(True)).order_by(Engineer.name)))
        return RecordOptions(
            severities=[(x.code, f"{x.code} {x.name}".strip()) for x in sev],
            major_severities=frozenset(x.code for x in sev if x.major),
            categories=[(x.code, x.name or x.code) for x in (prof.request_categories if prof else ())],
            services=[(x.id, x.name) for x in s.scalars(
                select(Service).where(Service.contract_id == c.id).order_by(Service.code))],
            assets=[(x.id, f"{x.code} {x.name}") for x in s.scalars(
                select(Asset).where(Asset.contract_id == c.id).order_by(Asset.code))],
            engineers=[(x.id, x.name) for x in engineers],
            engineer_id=next((x.id for x in engineers if engineer_name and x.name == engineer_name), None),
        )


def proposed_severity(ledger: Ledger, contract_id: uuid.UUID | None,
                      service_ids: Iterable[uuid.UUID] = ()) -> str | None:
    """The severity a new incident of these affected services should start with.

    The profile's rule for a service: its ``default_severity`` (or ``severity``) entry in the
    profile's ``services`` list; of several affected services the most severe level wins (the
    profile lists severities most severe first).  Without such a rule, the profile's least
    severe level — what ``create_incident`` would record.  ``None`` without a contract.
    The rule itself is ``ContractProfile.default_severity`` (app.core.profile); this function is
    the one place the UI asks.
    """
    if contract_id is None:
        return None
    with ledger.session() as s:
        c = s.get(Contract, contract_id)
        if c is None:
            return None
        if not c.profile:
            return None
        prof = profile_of(c)
        if not prof.severities:
            return None
        codes = {x.code for x in s.scalars(select(Service).where(Service.id.in_(list(service_ids))))}
        return prof.default_severity(service=codes)
