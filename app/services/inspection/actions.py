"""The inspection pages' user actions (今日 / 巡检记录 / 巡检执行), one function per action.

Each function takes the ledger (``app.services.ledger.Ledger``) plus ids and plain values, opens
its own transaction, leaves its audit event to the service it calls (``inspection.start``,
``inspection.finish``, ``inspection.incident`` + ``incident.create``, ``export.inspection_log``)
and returns an ``Outcome`` of plain dataclass rows — never ORM objects — with the ``Changes``.
Every answer change is audited (``inspection.answer``, old/new value; ``runs.record_result``), as are start and finish.

Refusals are the services' ``OpsLedgerError``\\ s; nothing is written then.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import N_
from app.core.profile import profile_of
from app.core.timeutil import fmt_local, utcnow
from app.errors import NotFoundError
from app.services import audit
from app.services.changes import Changes, Outcome
from app.services.inspection import runs, schedule
from app.services.ledger import Ledger
from app.services.queries.lookup import engineers_by_name
from app.store.models import ChecklistTemplate, Contract, Engineer, Incident, Inspection

_INSPECTION = Changes.of("inspection")


@dataclass(frozen=True)
class ResultData:
    """One result of an inspection as the runner and the detail pane show it (plain copy)."""

    id: uuid.UUID
    position: int
    section: str
    text: str
    kind: str
    unit: str = ""
    normal_min: float | None = None
    normal_max: float | None = None
    choices: list[str] = field(default_factory=list)
    normal_choices: list[str] = field(default_factory=list)
    outcome: str | None = None
    value_number: float | None = None
    value_text: str = ""
    note: str = ""
    incident_number: str = ""


@dataclass(frozen=True)
class InspectionView:
    """One inspection with its results: number, checklist, slot, engineer, finished (aware UTC)."""

    id: uuid.UUID
    number: str
    template_name: str
    due_date: date
    slot: str
    engineer: str
    started_at: datetime
    finished_at: datetime | None
    results: list[ResultData]

    @property
    def abnormal_count(self) -> int:
        """Abnormal results recorded so far."""
        return sum(r.outcome == "abnormal" for r in self.results)


@dataclass(frozen=True)
class DueView:
    """The due list of a day: ``entries`` (``schedule.DueEntry``, plain dataclasses) and the
    active checklists ``(template_id, name)`` an unscheduled inspection can be started from."""

    entries: list[schedule.DueEntry]
    templates: list[tuple[uuid.UUID, str]]


@dataclass(frozen=True)
class HistoryItem:
    """One inspection in the history list (times already formatted in local time)."""

    id: uuid.UUID
    number: str
    due_date: date
    slot: str
    template_name: str
    engineer: str
    started: str
    finished: str
    abnormal_count: int


@dataclass(frozen=True)
class IncidentProposal:
    """What the "create incident" form starts with for an abnormal result.

    ``severity`` is the profile's rule for the item/checklist/service
    (``ContractProfile.default_severity``: item, checklist, asset, service), ``None`` when it names none; ``severities`` the contract's
    levels as ``(code, name)`` from most to least severe; ``occurred_at`` aware UTC.
    """

    result_id: uuid.UUID
    title: str
    description: str
    occurred_at: datetime
    severity: str | None
    severities: list[tuple[str, str]]


@dataclass(frozen=True)
class Finished:
    """A finished inspection: its number and abnormal count."""

    id: uuid.UUID
    number: str
    abnormal_count: int


def _contract(s: Session, contract_id: uuid.UUID | None) -> Contract:
    contract = s.get(Contract, contract_id) if contract_id is not None else None
    if contract is None:
        raise NotFoundError(N_("No contract is loaded; load a contract profile first."))
    return contract


def _template(s: Session, template_id: uuid.UUID) -> ChecklistTemplate:
    template = s.get(ChecklistTemplate, template_id)
    if template is None:
        raise NotFoundError(N_("no checklist with id {id}"), id=template_id)
    return template


def _result_rows(s: Session, inspection_id: uuid.UUID) -> list[ResultData]:
    found = runs.results(s, inspection_id)
    ids = [r.id for r in found]
    incidents = {i.source_result_id: i.number for i in s.scalars(
        select(Incident).where(Incident.source_result_id.in_(ids)))} if ids else {}
    return [ResultData(
        id=r.id, position=r.position, section=r.section, text=r.item_text, kind=r.kind, unit=r.unit,
        normal_min=r.normal_min, normal_max=r.normal_max, choices=[str(c) for c in r.choices],
        normal_choices=[str(c) for c in r.normal_choices], outcome=r.outcome, value_number=r.value_number,
        value_text=r.value_text or "", note=r.note or "", incident_number=incidents.get(r.id, ""),
    ) for r in found]


# -- Today ----------------------------------------------------------------------------------------
def due_today(ledger: Ledger, contract_id: uuid.UUID | None, day: date,
              now: datetime | None = None) -> Outcome[DueView]:
    """The due list of local ``day`` as it stands at ``now`` (aware UTC, default now) and the
    active checklists; an empty view when no contract is loaded.  Reads only."""
    if contract_id is None:
        return Outcome(DueView([], []))
    with ledger.session() as s:
        contract = _contract(s, contract_id)
        entries = list(schedule.due_list(s, contract, day, now or utcnow()))
        templates = [(t.id, t.name) for t in s.scalars(
            select(ChecklistTemplate).where(ChecklistTemplate.contract_id == contract_id, ChecklistTemplate.active)
            .order_by(ChecklistTemplate.code))]
    return Outcome(DueView(entries, templates))


def start_due(ledger: Ledger, contract_id: uuid.UUID | None, template_id: uuid.UUID, due_date: date,
              slot: str, engineer: str) -> Outcome[uuid.UUID]:
    """Start (or resume) the inspection of a due slot as ``engineer`` (a name; recorded as the
    inspection's engineer when the contract knows it).  Returns the inspection id.  Raises
    ``ValidationError`` for a finished or unknown slot (see ``runs.start_inspection``)."""
    with ledger.session() as s:
        contract = _contract(s, contract_id)
        insp = runs.start_inspection(s, contract, _template(s, template_id), due_date, slot or "",
                                     engineer=engineers_by_name(s, contract).get(engineer), actor=engineer or "?")
        return Outcome(insp.id, Changes.of("inspection", ids=(insp.id,)))


def start_unscheduled(ledger: Ledger, contract_id: uuid.UUID | None, template_id: uuid.UUID,
                      engineer: str) -> Outcome[uuid.UUID]:
    """Start an unscheduled inspection of checklist ``template_id`` now; returns its id."""
    with ledger.session() as s:
        contract = _contract(s, contract_id)
        insp = runs.start_ad_hoc(s, contract, _template(s, template_id),
                                 engineer=engineers_by_name(s, contract).get(engineer), actor=engineer or "?")
        return Outcome(insp.id, Changes.of("inspection", ids=(insp.id,)))


# -- Runner -----------------------------------------------------------------------------------------
def inspection_view(ledger: Ledger, inspection_id: uuid.UUID) -> Outcome[InspectionView]:
    """Inspection ``inspection_id`` with every result; ``NotFoundError`` if unknown.  Reads only."""
    with ledger.session() as s:
        insp = s.get(Inspection, inspection_id)
        if insp is None:
            raise NotFoundError(N_("no inspection with id {id}"), id=inspection_id)
        engineer = s.get(Engineer, insp.engineer_id) if insp.engineer_id else None
        return Outcome(InspectionView(
            id=insp.id, number=insp.number, template_name=insp.template_name, due_date=insp.due_date,
            slot=insp.slot or "", engineer=engineer.name if engineer else "", started_at=insp.started_at,
            finished_at=insp.finished_at, results=_result_rows(s, inspection_id)))


def answer(ledger: Ledger, result_id: uuid.UUID, *, outcome: str | None = None, value: str | float | None = None,
           note: str | None = None, actor: str) -> Outcome[ResultData]:
    """Record (or correct) one answer (rules: ``runs.record_result``); returns the fresh row.
    Raises ``ValidationError`` naming the item for a refused answer; nothing is written then."""
    with ledger.session() as s:
        res = runs.record_result(s, result_id, outcome=outcome, value=value, note=note, actor=actor)
        fresh = next(r for r in _result_rows(s, res.inspection_id) if r.id == result_id)
        return Outcome(fresh, Changes.of("inspection", ids=(res.inspection_id,)))


def finish(ledger: Ledger, inspection_id: uuid.UUID, *, actor: str, allow_unanswered: bool = False) -> Outcome[Finished]:
    """Finish the inspection (``allow_unanswered`` marks open items n.a.); audit
    ``inspection.finish``.  Raises ``ValidationError`` listing unanswered items otherwise."""
    with ledger.session() as s:
        done = runs.finish_inspection(s, inspection_id, actor=actor, allow_unanswered=allow_unanswered)
        return Outcome(Finished(done.id, done.number, done.abnormal_count), Changes.of("inspection", ids=(done.id,)))


def incident_proposal(ledger: Ledger, contract_id: uuid.UUID | None, result_id: uuid.UUID) -> Outcome[IncidentProposal]:
    """The prefilled "create incident" form for an abnormal result, with the severity the
    profile gives its item, checklist or service (``ContractProfile.default_severity``: item, checklist, asset, service)."""
    with ledger.session() as s:
        contract = _contract(s, contract_id)
        pre = runs.incident_prefill(s, result_id)
        profile = profile_of(contract)
        levels = [(x.code, x.name) for x in profile.severities]
        return Outcome(IncidentProposal(result_id, pre["title"], pre["description"], pre["occurred_at"],
                                        pre["severity"] or None, levels))


def raise_incident(ledger: Ledger, contract_id: uuid.UUID | None, result_id: uuid.UUID, *, actor: str,
                   severity: str | None, title: str | None, description: str | None,
                   occurred_at: datetime | None) -> Outcome[str]:
    """Open an incident from an abnormal result (``runs.create_incident_from_result``); returns
    its number.  Audit ``inspection.incident`` + ``incident.create``."""
    with ledger.session() as s:
        contract = _contract(s, contract_id)
        inc = runs.create_incident_from_result(s, contract, result_id, actor=actor, severity=severity or None,
                                               title=title or None, description=description,
                                               occurred_at=occurred_at)
        return Outcome(inc.number, Changes.of("incident", "inspection", ids=(inc.id,)))


# -- History ------------------------------------------------------------------------------------------
def history_filters(ledger: Ledger, contract_id: uuid.UUID | None) -> Outcome[tuple[list[tuple[uuid.UUID, str]],
                                                                                   list[tuple[uuid.UUID, str]]]]:
    """The history page's filter choices: ``(checklists, engineers)`` as ``(id, name)`` lists."""
    if contract_id is None:
        return Outcome(([], []))
    with ledger.session() as s:
        templates = [(t.id, t.name) for t in s.scalars(select(ChecklistTemplate).where(
            ChecklistTemplate.contract_id == contract_id).order_by(ChecklistTemplate.code))]
        engineers = [(e.id, e.name) for e in s.scalars(select(Engineer).where(
            Engineer.contract_id == contract_id).order_by(Engineer.name))]
    return Outcome((templates, engineers))


def history_page(ledger: Ledger, contract_id: uuid.UUID, *, offset: int, limit: int,
                 **filters: Any) -> Outcome[list[HistoryItem]]:
    """``limit`` inspections from ``offset`` of the history, newest first; ``filters`` are
    ``runs.history``'s (``start``, ``end``, ``template_id``, ``engineer_id``, ``outcome``).
    Raises ``ValidationError`` for a range that ends before it starts."""
    with ledger.session() as s:
        contract = _contract(s, contract_id)
        names = {e.id: e.name for e in s.scalars(select(Engineer).where(Engineer.contract_id == contract_id))}
        found = runs.history(s, contract, limit=limit, offset=offset, **filters)
        return Outcome([HistoryItem(
            id=i.id, number=i.number, due_date=i.due_date, slot=i.slot or "", template_name=i.template_name,
            engineer=names.get(i.engineer_id, "") if i.engineer_id else "", started=fmt_local(i.started_at),
            finished=fmt_local(i.finished_at) if i.finished_at else "", abnormal_count=i.abnormal_count,
        ) for i in found])


def export_log(ledger: Ledger, contract_id: uuid.UUID | None, start: date, end: date, out: Path, *,
               actor: str) -> Outcome[Path]:
    """Write the inspection log (巡检记录 .xlsx) of inspections due in ``[start, end]`` (local
    dates, inclusive) to ``out``; audit ``export.inspection_log``.  Returns the written path.
    Raises ``ValidationError("end")`` for a range that ends before it starts."""
    from app.services.transfer.inspection_log import export_inspection_log

    with ledger.session() as s:
        contract = _contract(s, contract_id)
        path = export_inspection_log(s, contract, start, end, Path(out))
        audit.record(s, actor=actor, action="export.inspection_log", entity_kind="contract", entity_id=contract.id,
                     summary=f"{start} – {end} → {path.name}", details={"path": str(path)})
    return Outcome(path, Changes.of("audit"))
