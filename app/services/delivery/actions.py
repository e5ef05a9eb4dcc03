"""Report delivery user actions: mark a period's report submitted (已提交) and accepted (已验收).

One function per user action, taking the ledger, the contract id and plain values, opening its
own transaction, writing its audit event (``report.submit`` / ``report.accept``) and returning
an ``Outcome`` of the period's ``DeliveryRow`` with ``Changes.of("report")``.  The session-level
``submit``/``accept`` do the same inside a caller's transaction (the demo uses them).

Rules (refused with ``ValidationError``, nothing written):

* the report kind must be one the profile owes, and the period one of its periods in the term;
* a report is handed over on or after its period's last day, never before, and never on a day
  after today;  who handed it over (``by``) is required;
* handing over again before acceptance is a new ``version`` (a revised report); after acceptance
  it is refused;
* acceptance needs a handing-over first, on or after its day, and who signed it off on the client
  side (``by``).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import N_, _
from app.core.periods import Period
from app.core.profile import profile_of
from app.core.timeutil import local_dt, local_today, to_local, utcnow
from app.errors import NotFoundError, ValidationError
from app.services import audit
from app.services.changes import Changes, Outcome
from app.services.delivery import queries, schedule
from app.services.ledger import Ledger
from app.store.models import Contract, ReportDelivery, ReportRecord

#: Local time a handing-over entered for a past day is recorded at.
PAST_DAY_TIME = time(12, 0)


def _instant(day: date) -> datetime:
    """The UTC instant recorded for a handing-over on the local ``day``: now when it is the
    clock's today, else ``PAST_DAY_TIME`` that day."""
    return utcnow() if day == local_today() else local_dt(day, PAST_DAY_TIME)


def _report_and_period(contract: Contract, kind: str, period_key: str) -> tuple[schedule.OwedReport, Period]:
    report = schedule.owed_report(contract, kind)
    if report is None:
        raise ValidationError("report", N_("the contract owes no report of kind “{kind}”"), kind=kind)
    period = schedule.find_period(contract, report, period_key)
    if period is None:
        raise ValidationError("period", N_("{title} has no period “{key}” within the contract term"),
                              title=report.title, key=period_key)
    return report, period


def _check_day(day: date, period: Period, title: str, today: date) -> None:
    if day < period.end:
        raise ValidationError("at", N_("{title} {period} covers the days up to {end}; it cannot be handed over or "
                                       "accepted on {day}, before its period ends"),
                              title=title, period=schedule.period_label(period), end=period.end, day=day)
    if day > today:
        raise ValidationError("at", N_("{day} is in the future; enter the day it happened"), day=day)


def _latest(session: Session, contract: Contract, kind: str, key: str) -> ReportDelivery | None:
    return session.scalars(select(ReportDelivery).where(
        ReportDelivery.contract_id == contract.id, ReportDelivery.kind == kind, ReportDelivery.period_key == key)
        .order_by(ReportDelivery.version.desc())).first()


def _exported(session: Session, contract: Contract, kind: str, key: str) -> uuid.UUID | None:
    return session.scalars(select(ReportRecord.id).where(
        ReportRecord.contract_id == contract.id, ReportRecord.kind == kind, ReportRecord.period_key == key)
        .order_by(ReportRecord.exported_at.desc())).first()


def submit(session: Session, contract: Contract, kind: str, period_key: str, *, on: date, by: str, to: str = "",
           notes: str = "", actor: str, today: date | None = None, at: datetime | None = None,
           report_record_id: uuid.UUID | None = None) -> ReportDelivery:
    """Record that the report ``kind`` of ``period_key`` was handed over on the local day ``on``
    by ``by`` to ``to`` (the client's recipient), in the caller's transaction; ``at`` (UTC)
    overrides the recorded instant.  Links the latest export of that report unless
    ``report_record_id`` is given.  Writes the audit event ``report.submit``.  Raises
    ``ValidationError`` (see the module doc)."""
    today = today or local_today()
    report, period = _report_and_period(contract, kind, period_key)
    if not (by or "").strip():
        raise ValidationError("report", N_("enter who handed the report over"))
    _check_day(on, period, report.title, today)
    last = _latest(session, contract, kind, period.key)
    if last is not None and last.accepted_at is not None:
        raise ValidationError("report", N_("{title} {period} was accepted on {day}; it cannot be handed over again"),
                              title=report.title, period=schedule.period_label(period),
                              day=to_local(last.accepted_at).date())
    row = ReportDelivery(
        contract_id=contract.id, kind=kind, period_key=period.key, period_start=period.start, period_end=period.end,
        version=(last.version + 1) if last is not None else 1, submitted_at=at or _instant(on),
        submitted_by=by.strip(), submitted_to=(to or "").strip(), notes=(notes or "").strip(),
        report_record_id=report_record_id or _exported(session, contract, kind, period.key))
    session.add(row)
    session.flush()
    audit.record(session, actor=actor, action="report.submit", entity_kind="report_delivery", entity_id=row.id,
                 summary=_("{report} {period} version {version} handed over to {to}",
                           report=profile_of(contract).report_title(kind), period=period.key, version=row.version,
                           to=row.submitted_to or "-"),
                 details={"kind": kind, "period": period.key, "on": on.isoformat(), "by": row.submitted_by,
                          "to": row.submitted_to, "version": row.version})
    return row


def accept(session: Session, contract: Contract, kind: str, period_key: str, *, on: date, by: str,
           notes: str = "", actor: str, today: date | None = None, at: datetime | None = None) -> ReportDelivery:
    """Record that the client's ``by`` accepted (验收) the latest handing-over of the report
    ``kind`` of ``period_key`` on the local day ``on``, in the caller's transaction.  Writes the
    audit event ``report.accept``.  Raises ``ValidationError`` (see the module doc)."""
    today = today or local_today()
    report, period = _report_and_period(contract, kind, period_key)
    last = _latest(session, contract, kind, period.key)
    if last is None:
        raise ValidationError("report", N_("{title} {period} has not been handed over yet; mark it submitted "
                                           "before it is accepted"),
                              title=report.title, period=schedule.period_label(period))
    if last.accepted_at is not None:
        raise ValidationError("report", N_("{title} {period} was accepted on {day} already"),
                              title=report.title, period=schedule.period_label(period),
                              day=to_local(last.accepted_at).date())
    if not (by or "").strip():
        raise ValidationError("report", N_("enter who accepted the report on the client side"))
    _check_day(on, period, report.title, today)
    submitted_on = to_local(last.submitted_at).date()
    if on < submitted_on:
        raise ValidationError("at", N_("{day} is before the report was handed over ({submitted})"),
                              day=on, submitted=submitted_on)
    last.accepted_at = max(at or _instant(on), last.submitted_at)
    last.accepted_by = by.strip()
    if notes and notes.strip():
        last.notes = "\n".join(x for x in (last.notes, notes.strip()) if x)
    session.flush()
    audit.record(session, actor=actor, action="report.accept", entity_kind="report_delivery", entity_id=last.id,
                 summary=_("{report} {period} version {version} accepted by {by}",
                           report=profile_of(contract).report_title(kind), period=period.key, version=last.version,
                           by=last.accepted_by),
                 details={"kind": kind, "period": period.key, "on": on.isoformat(), "by": last.accepted_by})
    return last


def _contract(session: Session, contract_id: uuid.UUID | None) -> Contract:
    c = session.get(Contract, contract_id) if contract_id is not None else None
    if c is None:
        raise NotFoundError(N_("No contract is loaded."))
    return c


def _row_of(session: Session, contract: Contract, kind: str, key: str, today: date) -> queries.DeliveryRow:
    report, period = _report_and_period(contract, kind, key)
    return queries.row_of(report, period, _latest(session, contract, kind, key), today)


def mark_submitted(ledger: Ledger, contract_id: uuid.UUID | None, kind: str, period_key: str, *, on: date,
                   by: str, to: str = "", notes: str = "", actor: str,
                   today: date | None = None) -> Outcome[queries.DeliveryRow]:
    """标记已提交: one transaction around :func:`submit`; returns the period's row."""
    today = today or local_today()
    with ledger.session() as s:
        c = _contract(s, contract_id)
        row = submit(s, c, kind, period_key, on=on, by=by, to=to, notes=notes, actor=actor or by, today=today)
        return Outcome(_row_of(s, c, kind, row.period_key, today), Changes.of("report", ids=(row.id,)))


def mark_accepted(ledger: Ledger, contract_id: uuid.UUID | None, kind: str, period_key: str, *, on: date,
                  by: str, notes: str = "", actor: str, today: date | None = None) -> Outcome[queries.DeliveryRow]:
    """标记已验收: one transaction around :func:`accept`; returns the period's row."""
    today = today or local_today()
    with ledger.session() as s:
        c = _contract(s, contract_id)
        row = accept(s, c, kind, period_key, on=on, by=by, notes=notes, actor=actor or by, today=today)
        return Outcome(_row_of(s, c, kind, row.period_key, today), Changes.of("report", ids=(row.id,)))
