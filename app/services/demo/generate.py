"""``generate_demo``: one run of every generator in the caller's transaction, then the bulk insert."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.core.i18n import N_, _
from app.errors import ValidationError
from app.services import audit
from app.services.demo.data import BATCH, MAX_DAYS
from app.services.demo.deliveries import deliveries
from app.services.demo.desk import requests, requirements, worklog
from app.services.demo.incidents import desk_incidents
from app.services.demo.inspections import inspections
from app.services.demo.state import Gen
from app.services.demo.workload import category_work
from app.store.history_order import number_new_rows
from app.store.models import (
    Contract,
    Incident,
    IncidentAsset,
    IncidentEvent,
    IncidentService,
    Inspection,
    InspectionResult,
    NumberSequence,
    ReportDelivery,
    RequestAssignment,
    Requirement,
    ServiceRequest,
    WorkLogEntry,
)

INSERT_ORDER = (Inspection, InspectionResult, ServiceRequest, RequestAssignment, Incident, IncidentEvent,
                IncidentService, IncidentAsset, Requirement, WorkLogEntry, ReportDelivery)


def generate_demo(
    session: Session,
    contract: Contract,
    *,
    days: int,
    end: date,
    seed: int = 0,
    actor: str = "demo",
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Fill ``days`` days ending ``end`` (local dates, inclusive) of demo history for ``contract``
    in the caller's transaction; returns counts (``inspections``, ``results``,
    ``abnormal_results``, ``missed_slots``, ``incidents``, ``incident_events``, ``requests``,
    ``requirements``, ``worklog``, ``report_deliveries``).  Slots already inspected are skipped; numbers continue the
    counters.  Moves ``contract.ledger_start`` back to the first demo day when it is later.
    Raises ``ValidationError`` for ``days`` outside 1..3700 or a contract without
    engineers.
    """
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError("days", N_("must be between 1 and {max_days}, not {days}"), max_days=MAX_DAYS, days=days)
    start = end - timedelta(days=days - 1)
    if contract.effective_ledger_start > start:
        # demo history is history brought in: the start of use (启用日期) moves back to its first
        # day, so its slots are due and its records counted
        contract.ledger_start = start
        session.flush()
    g = Gen(session, contract, start, end, seed)
    say = progress or (lambda _m: None)
    say("inspections")
    inspections(g)
    say("incidents")
    desk_incidents(g)
    say("service requests")
    requests(g)
    requirements(g)
    worklog(g)
    category_work(g)
    say("report deliveries")
    deliveries(g)
    say("writing")
    for model in INSERT_ORDER:
        rows = g.rows.get(model, [])
        number_new_rows(model, rows)  # history rows: seq in writing order (a Core insert skips the ORM's)
        for i in range(0, len(rows), BATCH):
            session.execute(insert(model), rows[i:i + BATCH])
    existing = {(n.prefix, n.year): n for n in session.scalars(select(NumberSequence))}
    for (prefix, year), last in sorted(g.numbers.items()):
        if (prefix, year) in existing:
            existing[(prefix, year)].last = last
        else:
            session.add(NumberSequence(prefix=prefix, year=year, last=last))
    counts = {k: g.counts.get(k, 0) for k in ("inspections", "results", "abnormal_results", "missed_slots",
                                              "incidents", "incident_events", "requests", "requirements",
                                              "worklog", "report_deliveries")}
    audit.record(session, actor=actor, action="demo.generate", entity_kind="contract", entity_id=contract.id,
                 summary=_("demo data {start} – {end} (seed {seed})", start=str(start), end=str(end), seed=seed), details=dict(counts, seed=seed, days=days))
    session.flush()
    return counts


