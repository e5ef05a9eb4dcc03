"""Running inspections (巡检): start / resume, record each answer, finish, raise incidents.

Crash safety (issue #2): ``start_inspection`` writes the ``Inspection`` and one
``InspectionResult`` per active item up front (a snapshot of section, text, kind, unit, normal
range, service/asset, position), so each later answer is one small UPDATE.  The caller wraps every
user action in its own transaction (``with db.session() as s: record_result(s, ...)``), so an
answer is committed the moment it is given and a power cut loses nothing; an unfinished inspection
is resumed by calling ``start_inspection`` again for the same slot.

Editing a template never changes past inspections: results carry their own copy of the item.
(Choice items' allowed and normal choices are snapshotted too.)
"""

from __future__ import annotations

import math
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.i18n import N_, _
from app.core.profile import profile_of
from app.core.readings import is_abnormal, range_text
from app.core.timeutil import LOCAL_TZ, as_utc, utcnow
from app.core.vocab import InspectionOutcome, codes, label_of
from app.errors import Msg, NotFoundError, ValidationError
from app.services import audit
from app.services.incident.workflow import create_incident
from app.services.inspection.schedule import slot_for
from app.services.numbering import next_number
from app.store.models import (
    Asset,
    ChecklistItem,
    ChecklistTemplate,
    Contract,
    Engineer,
    Incident,
    Inspection,
    InspectionResult,
    Service,
)

HISTORY_OUTCOMES = ("normal", "abnormal", "unfinished")
OUTCOMES = codes(InspectionOutcome)


def _get_inspection(session: Session, inspection_id: uuid.UUID) -> Inspection:
    insp = session.get(Inspection, inspection_id)
    if insp is None:
        raise NotFoundError(N_("no inspection with id {inspection_id}"), inspection_id=inspection_id)
    return insp


def _create(session: Session, contract: Contract, template: ChecklistTemplate, due_date: date, slot: str,
            engineer: Engineer | None, actor: str, now: datetime) -> Inspection:
    insp = Inspection(
        number=next_number(session, "INS", due_date.year),
        contract_id=contract.id,
        template_id=template.id,
        template_name=template.name,
        due_date=due_date,
        slot=slot,
        engineer_id=engineer.id if engineer else None,
        started_at=now,
        finished_at=None,
        abnormal_count=0,
        note="",
    )
    session.add(insp)
    session.flush()
    items = session.scalars(
        select(ChecklistItem)
        .where(ChecklistItem.template_id == template.id, ChecklistItem.active)
        .order_by(ChecklistItem.position)
    )
    session.add_all([
        InspectionResult(
            inspection_id=insp.id, item_id=it.id, position=it.position, section=it.section,
            item_text=it.text, kind=it.kind, unit=it.unit, normal_min=it.normal_min,
            normal_max=it.normal_max, choices=list(it.choices), normal_choices=list(it.normal_choices),
            service_id=it.service_id, asset_id=it.asset_id,
            outcome=None, value_number=None, value_text="", note="", recorded_at=None,
        )
        for it in items
    ])
    session.flush()
    audit.record(session, actor=actor, action="inspection.start", entity_kind="inspection", entity_id=insp.id,
                 summary=f"{insp.number} {template.name} {due_date.isoformat()} {slot}".strip())
    return insp


def _check_template(contract: Contract, template: ChecklistTemplate) -> None:
    if template.contract_id != contract.id:
        raise ValidationError("template", N_("template {the_code} belongs to another contract"), the_code=template.code)


def start_inspection(
    session: Session,
    contract: Contract,
    template: ChecklistTemplate,
    due_date: date,
    slot: str,
    *,
    engineer: Engineer | None,
    actor: str,
    now: datetime | None = None,
) -> Inspection:
    """Start (or resume) the inspection of ``template`` for the slot (``due_date``, ``slot``).

    New: creates the ``Inspection`` (number ``INS-<due year>-NNNN``) and one unanswered
    ``InspectionResult`` per active item (snapshot of the item), writes audit
    ``inspection.start``, flushes; the caller's transaction commits.  Existing unfinished
    inspection for the slot: returned as is (resume).  Raises ``ValidationError`` when the slot is
    already finished, when (``due_date``, ``slot``) is not a scheduled slot of the template (e.g.
    ``"10:00"`` for a ``09:00/14:30`` template, a Tuesday for a weekly one), or the template is
    ad hoc (use ``start_ad_hoc``) or belongs to another contract.
    """
    _check_template(contract, template)
    slot = slot or ""
    existing = session.scalars(
        select(Inspection).where(
            Inspection.template_id == template.id, Inspection.due_date == due_date, Inspection.slot == slot
        )
    ).one_or_none()
    if existing is not None:
        if existing.finished_at is not None:
            raise ValidationError(
                "slot", N_("{name} {day} {slot} was already inspected ({number}, finished {finished})"),
                name=template.name, day=due_date, slot=slot, number=existing.number, finished=existing.finished_at)
        return existing
    if template.frequency == "ad_hoc":
        raise ValidationError("template", N_("{name} is ad hoc; start it with start_ad_hoc"), name=template.name)
    if slot_for(session, contract, template, due_date, slot) is None:
        raise ValidationError(
            "slot", N_("{day} “{slot}” is not a slot of {name} (slots: {slots})"),
            day=due_date, slot=slot, name=template.name, slots=[str(s) for s in template.slots or []])
    return _create(session, contract, template, due_date, slot, engineer, actor, as_utc(now or utcnow()))


def start_ad_hoc(
    session: Session,
    contract: Contract,
    template: ChecklistTemplate,
    *,
    engineer: Engineer | None,
    actor: str,
    now: datetime | None = None,
) -> Inspection:
    """Start an unscheduled inspection of any template now (``due_date`` = local today, ``slot`` =
    ``"A"`` + local ``HHMMSS``, made unique).  Same snapshot/audit rules as ``start_inspection``."""
    _check_template(contract, template)
    at = as_utc(now or utcnow())
    local = at.astimezone(LOCAL_TZ)
    base = "A" + local.strftime("%H%M%S")
    taken = set(session.scalars(
        select(Inspection.slot).where(Inspection.template_id == template.id, Inspection.due_date == local.date())
    ))
    slot, n = base, 1
    while slot in taken:
        slot, n = f"{base}{n}", n + 1
    return _create(session, contract, template, local.date(), slot, engineer, actor, at)


def results(session: Session, inspection_id: uuid.UUID) -> list[InspectionResult]:
    """The inspection's results ordered by position (the template's item order at start)."""
    return list(session.scalars(
        select(InspectionResult).where(InspectionResult.inspection_id == inspection_id)
        .order_by(InspectionResult.position, InspectionResult.item_text)
    ))


def _parse_number(result: InspectionResult, value: Any) -> float:
    if isinstance(value, bool):
        raise ValidationError(result.item_text, N_("“{value}” is not a number"), value=value)
    if isinstance(value, (int, float)):
        num = float(value)
    else:
        text = str(value).strip()
        try:
            num = float(text)
        except ValueError:
            unit = Msg(N_(" in {unit}"), unit=result.unit) if result.unit else ""
            raise ValidationError(
                result.item_text, N_("“{text}” is not a number; enter the reading{unit}, e.g. 23.5"),
                text=text, unit=unit) from None
    if math.isnan(num) or math.isinf(num):
        raise ValidationError(result.item_text, N_("“{value}” is not a finite number"), value=value)
    return num


def record_result(
    session: Session,
    result_id: uuid.UUID,
    *,
    outcome: str | None = None,
    value: str | float | None = None,
    note: str | None = None,
    actor: str,
    now: datetime | None = None,
) -> InspectionResult:
    """Record (or correct) one answer of an unfinished inspection; one small UPDATE, flushed.

    - ``check``: ``outcome`` in ``normal``/``abnormal``/``na`` is required.
    - ``reading``: ``value`` is a number or numeric text (``"23.5"``, ``"7"``); the outcome is
      computed by ``is_abnormal`` from the snapshot range (``outcome="abnormal"`` may force
      abnormal, ``outcome="na"`` records not applicable without a value).
    - ``choice``: ``value`` must be one of the item's choices; outside ``normal_choices`` →
      abnormal.
    - ``text``: ``value`` stored as text; outcome ``normal`` unless given.
    ``note`` replaces the note when not ``None``.  ``recorded_at`` = ``now``.
    Raises ``ValidationError`` naming the item (field = item text) for a non-number reading, an
    unknown choice, a missing/unknown outcome, or a finished inspection; nothing is written then.
    ``NotFoundError`` for an unknown id.  A change writes audit ``inspection.answer`` with the old
    and new outcome/value/note (GB/T 22239-2019 8.1.4.3: every change audited); an unchanged
    answer writes nothing.
    """
    res = session.get(InspectionResult, result_id)
    if res is None:
        raise NotFoundError(N_("no inspection result with id {result_id}"), result_id=result_id)
    insp = _get_inspection(session, res.inspection_id)
    before = _answer_values(res)
    if insp.finished_at is not None:
        raise ValidationError(res.item_text, N_("inspection {number} is finished; its results are final"), number=insp.number)
    if outcome is not None and outcome not in OUTCOMES:
        raise ValidationError(res.item_text, N_("outcome must be one of {outcomes}, not “{outcome}”"), outcomes=OUTCOMES, outcome=outcome)
    new_outcome: str
    number: float | None = None
    text = ""
    if outcome == "na":
        new_outcome = "na"
        if value is not None and str(value).strip() and res.kind in ("text", "choice"):
            text = str(value)
    elif res.kind == "reading":
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValidationError(res.item_text, N_("a reading is required (or mark it not applicable)"))
        number = _parse_number(res, value)
        abnormal = is_abnormal("reading", number, None, res.normal_min, res.normal_max, None)
        new_outcome = "abnormal" if abnormal or outcome == "abnormal" else "normal"
    elif res.kind == "choice":
        text = "" if value is None else str(value).strip()
        choices = [str(c) for c in res.choices]
        if not text:
            raise ValidationError(res.item_text, N_("choose one of: {choices}"), choices=choices)
        if choices and text not in choices:
            raise ValidationError(res.item_text, N_("“{text}” is not one of: {choices}"), text=text, choices=choices)
        abnormal = is_abnormal("choice", None, text, None, None, res.normal_choices)
        new_outcome = "abnormal" if abnormal or outcome == "abnormal" else "normal"
    elif res.kind == "text":
        text = "" if value is None else str(value)
        new_outcome = outcome or "normal"
    else:  # check
        if outcome is None:
            raise ValidationError(res.item_text, N_("choose normal, abnormal or not applicable"))
        new_outcome = outcome
        if value is not None:
            text = str(value)
    res.outcome = new_outcome
    res.value_number = number
    res.value_text = text
    if note is not None:
        res.note = note
    res.recorded_at = as_utc(now or utcnow())
    _audit_answer(session, insp, res, before, actor)
    session.flush()
    return res


def _audit_answer(session: Session, insp: Inspection, res: InspectionResult, before: dict[str, object],
                  actor: str) -> None:
    """Audit ``inspection.answer`` with ``{part: [old, new]}`` for the parts that changed."""
    diff = {k: [old, new] for (k, old), new in zip(before.items(), _answer_values(res).values(), strict=True)
            if old != new}
    if diff:
        audit.record(session, actor=actor, action="inspection.answer", entity_kind="inspection_result",
                     entity_id=res.id, summary=f"{insp.number} {res.item_text}", details=diff)


def _answer_values(res: InspectionResult) -> dict[str, object]:
    """The audited parts of an answer: outcome, value (number or text) and note."""
    value: object = res.value_number if res.value_number is not None else (res.value_text or None)
    return {"outcome": res.outcome, "value": value, "note": res.note or ""}


def finish_inspection(
    session: Session,
    inspection_id: uuid.UUID,
    *,
    actor: str,
    allow_unanswered: bool = False,
    now: datetime | None = None,
    engineer: Engineer | None = None,
) -> Inspection:
    """Finish an inspection: sets ``finished_at`` (= ``now``), ``abnormal_count`` and (when given)
    the engineer; writes audit ``inspection.finish`` naming ``actor``.

    Raises ``ValidationError("results", ...)`` listing the unanswered items unless
    ``allow_unanswered=True``, which records them as ``na``; ``ValidationError`` if already
    finished; ``NotFoundError`` for an unknown id.
    """
    insp = _get_inspection(session, inspection_id)
    if insp.finished_at is not None:
        raise ValidationError("inspection", N_("{number} is already finished"), number=insp.number)
    at = as_utc(now or utcnow())
    rows = results(session, inspection_id)
    open_rows = [r for r in rows if r.outcome is None]
    if open_rows and not allow_unanswered:
        listing = "; ".join(f"{r.position + 1}. {r.item_text}" for r in open_rows)
        raise ValidationError("results", N_("{open_rows} item(s) not answered: {listing}"), open_rows=len(open_rows), listing=listing)
    for r in open_rows:
        r.outcome, r.recorded_at = "na", at
    insp.abnormal_count = sum(1 for r in rows if r.outcome == "abnormal")
    insp.finished_at = at
    if engineer is not None:
        insp.engineer_id = engineer.id
    session.flush()
    audit.record(session, actor=actor, action="inspection.finish", entity_kind="inspection", entity_id=insp.id,
                 summary=_("{number} {checklist}: {count} abnormal item(s)", number=insp.number,
                             checklist=insp.template_name, count=insp.abnormal_count),
                 details={"abnormal_count": insp.abnormal_count, "marked_na": len(open_rows)})
    return insp


def _value_display(res: InspectionResult) -> str:
    if res.kind == "reading" and res.value_number is not None:
        return f"{res.value_number:g}{(' ' + res.unit) if res.unit else ''}"
    if res.value_text:
        return res.value_text
    return label_of(InspectionOutcome, res.outcome)


def incident_prefill(session: Session, result_id: uuid.UUID) -> dict[str, Any]:
    """Fields to prefill "create incident" from an inspection result.

    ``{"title", "description", "occurred_at" (aware UTC: recorded_at, else the inspection start),
    "service_ids": [...], "asset_ids": [...], "severity", "source": "inspection",
    "source_result_id": result_id}``; ``severity`` is the level the contract profile gives this
    item, checklist, asset or service (``ContractProfile.default_severity``: Pinggu's machine-room
    checks say P1).  Raises ``NotFoundError`` for an unknown id.
    """
    res = session.get(InspectionResult, result_id)
    if res is None:
        raise NotFoundError(N_("no inspection result with id {result_id}"), result_id=result_id)
    insp = _get_inspection(session, res.inspection_id)
    value = _value_display(res)
    rng = range_text(res.normal_min, res.normal_max, res.unit)
    lines = [
        f"巡检 {insp.number} {insp.template_name} {insp.due_date.isoformat()} {insp.slot}".rstrip(),
        f"{res.section} / {res.item_text}: {value}" + (f"（正常范围 {rng}）" if rng else ""),
    ]
    if res.note:
        lines.append(f"备注: {res.note}")
    return {
        "title": f"巡检异常：{res.item_text}" + (f" {value}" if res.kind == "reading" and value else ""),
        "description": "\n".join(lines),
        "occurred_at": res.recorded_at or insp.started_at,
        "service_ids": [res.service_id] if res.service_id else [],
        "asset_ids": [res.asset_id] if res.asset_id else [],
        "severity": _proposed_severity(session, insp, res),
        "source": "inspection",
        "source_result_id": res.id,
    }


def _proposed_severity(session: Session, insp: Inspection, res: InspectionResult) -> str:
    tpl = session.get(ChecklistTemplate, insp.template_id)
    contract = session.get(Contract, tpl.contract_id) if tpl else None
    if contract is None:
        return ""
    svc = session.get(Service, res.service_id) if res.service_id else None
    asset = session.get(Asset, res.asset_id) if res.asset_id else None
    return profile_of(contract).default_severity(
        checklist=tpl.code if tpl else None, item=res.item_text,
        service=svc.code if svc else None, asset=asset.code if asset else None,
    )


def create_incident_from_result(
    session: Session,
    contract: Contract,
    result_id: uuid.UUID,
    *,
    actor: str,
    severity: str | None = None,
    title: str | None = None,
    description: str | None = None,
    occurred_at: datetime | None = None,
) -> Incident:
    """Open an incident (source ``inspection``) from an abnormal result, linked back through
    ``Incident.source_result_id``; arguments left ``None`` take the ``incident_prefill`` values
    (the severity the profile proposes for the item included).

    Raises ``ValidationError("result", ...)`` when the result is not abnormal or already has an
    incident; errors of ``create_incident`` (unknown severity …) pass through.  Audit
    ``inspection.incident`` plus ``incident.create``.
    """
    res = session.get(InspectionResult, result_id)
    if res is None:
        raise NotFoundError(N_("no inspection result with id {result_id}"), result_id=result_id)
    if res.outcome != "abnormal":
        raise ValidationError("result", N_("{item_text} is not abnormal; only abnormal results raise incidents"), item_text=res.item_text)
    existing = session.scalars(select(Incident.number).where(Incident.source_result_id == res.id)).first()
    if existing:
        raise ValidationError("result", N_("{item_text} already raised incident {existing}"), item_text=res.item_text, existing=existing)
    pre = incident_prefill(session, result_id)
    inc = create_incident(
        session, contract, actor=actor,
        title=title if title is not None else pre["title"],
        description=description if description is not None else pre["description"],
        occurred_at=occurred_at or pre["occurred_at"],
        severity=severity or pre["severity"] or None, source="inspection",
        service_ids=pre["service_ids"], asset_ids=pre["asset_ids"], source_result_id=res.id,
    )
    insp = _get_inspection(session, res.inspection_id)
    audit.record(session, actor=actor, action="inspection.incident", entity_kind="inspection", entity_id=insp.id,
                 summary=f"{insp.number} {res.item_text} → {inc.number}",
                 details={"result_id": str(res.id), "incident_id": str(inc.id)})
    return inc


def history(
    session: Session,
    contract: Contract,
    *,
    start: date | None = None,
    end: date | None = None,
    template_id: uuid.UUID | None = None,
    engineer_id: uuid.UUID | None = None,
    outcome: str | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[Inspection]:
    """Inspections of the contract, newest first (due date, slot, start), filtered by ``due_date``
    in ``[start, end]`` (inclusive, either open), template, engineer and ``outcome``:
    ``normal`` (finished, no abnormal result), ``abnormal`` (finished, ≥ 1 abnormal),
    ``unfinished``.  Raises ``ValidationError`` for an unknown outcome or ``end < start``."""
    if outcome is not None and outcome not in HISTORY_OUTCOMES:
        raise ValidationError("outcome", N_("must be one of {history_outcomes}, not “{outcome}”"), history_outcomes=HISTORY_OUTCOMES, outcome=outcome)
    if start and end and end < start:
        raise ValidationError("end", N_("the range ends ({end}) before it starts ({start})"), end=end, start=start)
    q = select(Inspection).where(Inspection.contract_id == contract.id)
    if start:
        q = q.where(Inspection.due_date >= start)
    if end:
        q = q.where(Inspection.due_date <= end)
    if template_id:
        q = q.where(Inspection.template_id == template_id)
    if engineer_id:
        q = q.where(Inspection.engineer_id == engineer_id)
    if outcome == "unfinished":
        q = q.where(Inspection.finished_at.is_(None))
    elif outcome == "normal":
        q = q.where(Inspection.finished_at.is_not(None), Inspection.abnormal_count == 0)
    elif outcome == "abnormal":
        q = q.where(Inspection.finished_at.is_not(None), Inspection.abnormal_count > 0)
    q = q.order_by(Inspection.due_date.desc(), Inspection.slot.desc(), Inspection.started_at.desc())
    return list(session.scalars(q.limit(limit).offset(offset)))


def count_abnormal(session: Session, inspection_id: uuid.UUID) -> int:
    """Number of abnormal results recorded so far in an inspection."""
    return int(session.scalar(
        select(func.count()).select_from(InspectionResult)
        .where(InspectionResult.inspection_id == inspection_id, InspectionResult.outcome == "abnormal")
    ) or 0)
