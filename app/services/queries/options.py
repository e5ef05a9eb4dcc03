"""What the record forms offer: the contract's choices, vocabularies and proposed defaults (no Qt).

The UI fills its combos from :func:`record_options` (one read of the contract, its services,
assets and engineers) and never reads the profile itself.  The contract's severities, request
categories and default severity come from the typed profile (``app.core.profile.profile_of``);
the vocabularies (code tuples re-exported here) from ``app.core.vocab`` — the same StrEnums the
store's CHECK constraints and the services use, so a form lists exactly the codes they accept.
Their labels are ``app.core.vocab.choices(Enum)``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app.core.profile import profile_of
from app.core.vocab import (
    CauseCategory,
    Channel,
    IncidentSource,
    IncidentStatus,
    RequestStatus,
    RequirementStatus,
    Satisfaction,
    codes,
)
from app.services.ledger import Ledger
from app.store.models import Asset, Contract, Engineer, Service

CAUSE_CATEGORIES = codes(CauseCategory)
SOURCES = codes(IncidentSource)
INCIDENT_STATUSES = codes(IncidentStatus)
CHANNELS = codes(Channel)
REQUEST_STATUSES = codes(RequestStatus)
REQUIREMENT_STATUSES = codes(RequirementStatus)
SATISFACTION = codes(Satisfaction)

__all__ = [
    "CAUSE_CATEGORIES", "CHANNELS", "INCIDENT_STATUSES", "OPEN_REQUIREMENT_STATUSES", "REQUEST_STATUSES",
    "REQUIREMENT_STATUSES", "SATISFACTION", "SOURCES", "RecordOptions", "proposed_severity", "record_options",
]

OPEN_REQUIREMENT_STATUSES = tuple(
    s for s in REQUIREMENT_STATUSES if s not in (RequirementStatus.DONE, RequirementStatus.REJECTED))
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
    incident_classes: list[Pair] = field(default_factory=list)
    """故障类别 ``(code, name)`` of the profile (empty: the profile defines none)."""


def record_options(ledger: Ledger, contract_id: uuid.UUID | None, engineer_name: str = "") -> RecordOptions:
    """Read the choices of contract ``contract_id`` (``None`` or unknown → empty options)."""
    if contract_id is None:
        return RecordOptions()
    with ledger.session() as s:
        c = s.get(Contract, contract_id)
        if c is None:
            return RecordOptions()
        profile = profile_of(c)
        engineers = list(s.scalars(select(Engineer).where(
            Engineer.contract_id == c.id, Engineer.active.is_(True)).order_by(Engineer.name)))
        return RecordOptions(
            severities=[(x.code, f"{x.code} {x.name}".strip()) for x in profile.severities],
            major_severities=frozenset(x.code for x in profile.severities if profile.is_major(x.code)),
            categories=[(x.code, x.name or x.code) for x in profile.request_categories],
            services=[(x.id, x.name) for x in s.scalars(
                select(Service).where(Service.contract_id == c.id).order_by(Service.code))],
            assets=[(x.id, f"{x.code} {x.name}") for x in s.scalars(
                select(Asset).where(Asset.contract_id == c.id).order_by(Asset.code))],
            engineers=[(x.id, x.name) for x in engineers],
            engineer_id=next((x.id for x in engineers if engineer_name and x.name == engineer_name), None),
            incident_classes=[(x.code, x.name or x.code) for x in profile.incident_classes],
        )


def proposed_severity(ledger: Ledger, contract_id: uuid.UUID | None,
                      service_ids: Iterable[uuid.UUID] = ()) -> str | None:
    """The severity code a new incident of these affected services (ids) should start with.

    The profile's rule, ``ContractProfile.default_severity(service=<their codes>)``: the most
    severe ``default_severity`` of the services, else the least severe level (what
    ``create_incident`` would record).  ``None`` without a contract or without severities.
    """
    if contract_id is None:
        return None
    with ledger.session() as s:
        c = s.get(Contract, contract_id)
        if c is None:
            return None
        profile = profile_of(c)
        if not profile.severities:
            return None
        ids = list(service_ids)
        service_codes = list(s.scalars(select(Service.code).where(Service.id.in_(ids)))) if ids else []
        return profile.default_severity(service=service_codes)
