"""SLA clocks of many incidents at once, for the list's visible rows (no Qt).

One session, one select of the incidents, one of their clock events, one of the services and
assets they touch (for scoped targets), the contract's calendars loaded once — so every clock shares one cumulative minute index
(``app.services.calendar.minute_index``) and a page of clocks costs a page of arithmetic, not a
calendar walk per row.  Figures are those of ``app.services.incident.sla.incident_clocks``.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.core.profile import profile_of
from app.services.calendar.service_time import load_calendars
from app.services.incident.sla import CLOCK_EVENT_KINDS, incident_clocks
from app.services.ledger import Ledger
from app.store.models import (
    Asset,
    Contract,
    Incident,
    IncidentAsset,
    IncidentEvent,
    IncidentService,
    Service,
)

_EVENT_COLS = (IncidentEvent.incident_id, IncidentEvent.kind, IncidentEvent.at, IncidentEvent.from_status,
               IncidentEvent.to_status)


def bulk_incident_clocks(ledger: Ledger, incident_ids: Iterable[uuid.UUID], now: datetime,
                         explain: bool = False) -> dict[uuid.UUID, Any]:
    """id → ``IncidentClocks`` at ``now`` (aware) of each incident still in the ledger, or the
    exception its computation raised (``CalendarCoverageError`` for a year no holiday calendar
    covers — the cell shows it).  Ids no longer in the ledger are left out.  ``explain``: build
    the explanation lines too (the list cells and the SLA watch need only the figures; the detail
    pane computes its own clock with them)."""
    ids = list(dict.fromkeys(incident_ids))
    out: dict[uuid.UUID, Any] = {}
    if not ids:
        return out
    with ledger.session() as s:
        incidents: list[Any] = []
        events: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
        for lo in range(0, len(ids), 500):
            chunk = ids[lo:lo + 500]
            incidents.extend(s.execute(select(
                Incident.id, Incident.contract_id, Incident.severity, Incident.incident_class, Incident.status,
                Incident.reported_at, Incident.responded_at, Incident.restored_at)
                .where(Incident.id.in_(chunk))).mappings())
            for ev in s.execute(select(*_EVENT_COLS).where(
                    IncidentEvent.incident_id.in_(chunk), IncidentEvent.kind.in_(CLOCK_EVENT_KINDS))
                    .order_by(IncidentEvent.at)).mappings():
                events[ev["incident_id"]].append(dict(ev))
        touched = _touched(s, ids)
        contexts: dict[uuid.UUID, Any] = {}
        for inc in incidents:
            cid = inc["contract_id"]
            if cid not in contexts:
                contract = s.get(Contract, cid)
                try:
                    contexts[cid] = (profile_of(contract), load_calendars(s, contract), {})  # {}: sla rules memo
                except Exception as exc:  # noqa: BLE001 - shown in every cell of that contract
                    contexts[cid] = exc
            ctx = contexts[cid]
            if isinstance(ctx, Exception):
                out[inc["id"]] = ctx
                continue
            try:
                prof = ctx[0]
                scope: tuple[str, ...] = ()
                if prof.service_groups or prof.asset_classes:
                    svc, assets = touched.get(inc["id"], ([], []))
                    scope = prof.scopes_of(services=svc, assets=assets)
                out[inc["id"]] = incident_clocks(dict(inc), events[inc["id"]], prof, ctx[1], now, scope,
                                                explain=explain, rules=ctx[2])
            except Exception as exc:  # noqa: BLE001 - shown to the user in the cell/pane, not swallowed
                out[inc["id"]] = exc
    return out


def _touched(session: Any, ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[list[str], list[str]]]:
    """id → (service codes, asset codes) the incident touches — the input of
    ``ContractProfile.scopes_of`` that ``sla.incident_scope`` reads one incident at a time."""
    out: dict[uuid.UUID, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for lo in range(0, len(ids), 500):
        chunk = ids[lo:lo + 500]
        for iid, code in session.execute(select(IncidentService.incident_id, Service.code).join(
                Service, IncidentService.service_id == Service.id).where(IncidentService.incident_id.in_(chunk))):
            out[iid][0].append(code)
        for iid, code in session.execute(select(IncidentAsset.incident_id, Asset.code).join(
                Asset, IncidentAsset.asset_id == Asset.id).where(IncidentAsset.incident_id.in_(chunk))):
            out[iid][1].append(code)
    return out
