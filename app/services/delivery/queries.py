"""Reads of the report deliveries: one row per owed report and period, with where it stands.

``delivery_rows(ledger, contract_id, today)`` (the reports page's list) and the session-level
``status_rows(session, contract, today)`` (the agenda provider and the payment check read it too).
A row's ``status`` is ``owed`` (nothing handed over yet), ``submitted`` (handed over, not signed
off) or ``accepted`` (the client signed it off); the latest ``version`` of the handing-over
counts.  Periods listed: every period of every owed report that has ended by ``today`` (or whose
report is due by then), from the start of use on, newest first; see ``schedule``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import N_, _
from app.services.changes import Outcome
from app.services.delivery import schedule
from app.services.ledger import Ledger
from app.store.models import Contract, ReportDelivery


class DeliveryStatus(StrEnum):
    """Where one period's report stands: 待提交 / 已提交 / 已验收."""

    OWED = "owed"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"


_STATUS_LABELS = {DeliveryStatus.OWED: N_("Not submitted"), DeliveryStatus.SUBMITTED: N_("Submitted"),
                  DeliveryStatus.ACCEPTED: N_("Accepted by the client")}


def status_label(status: str) -> str:
    """The status's label in the current language (未提交 / 已提交 / 已验收)."""
    return _(_STATUS_LABELS[DeliveryStatus(status)])


@dataclass(frozen=True)
class DeliveryRow:
    """One report of one period: ``kind``, ``title``, ``period_key``/``period_label``/
    ``period_start``/``period_end`` (local, inclusive), ``due_on`` (local date), ``status``
    (:class:`DeliveryStatus` code), ``overdue`` (not submitted and past ``due_on``),
    ``needs_acceptance``; of the latest handing-over (else empty/None): ``version``,
    ``submitted_at``/``accepted_at`` (UTC), ``submitted_by``, ``submitted_to``, ``accepted_by``,
    ``notes``, ``report_record_id`` (the exported file); ``delivery_id`` its row; ``source`` the
    clause that makes the report owed."""

    kind: str
    title: str
    period_key: str
    period_label: str
    period_start: date
    period_end: date
    due_on: date
    status: str
    overdue: bool
    needs_acceptance: bool
    source: str = ""
    version: int = 0
    submitted_at: datetime | None = None
    submitted_by: str = ""
    submitted_to: str = ""
    accepted_at: datetime | None = None
    accepted_by: str = ""
    notes: str = ""
    report_record_id: uuid.UUID | None = None
    delivery_id: uuid.UUID | None = None

    @property
    def status_text(self) -> str:
        """The status in the current language."""
        return status_label(self.status)


def latest_deliveries(session: Session, contract: Contract) -> dict[tuple[str, str], ReportDelivery]:
    """``(kind, period_key) →`` the latest (highest ``version``) delivery of the contract."""
    out: dict[tuple[str, str], ReportDelivery] = {}
    for d in session.scalars(select(ReportDelivery).where(ReportDelivery.contract_id == contract.id)
                             .order_by(ReportDelivery.version)):
        out[(d.kind, d.period_key)] = d
    return out


def row_of(report: schedule.OwedReport, period: Any, d: ReportDelivery | None, today: date) -> DeliveryRow:
    """The row of ``report`` for ``period`` given its latest delivery ``d`` (None: not handed over)."""
    due = schedule.due_on(report, period)
    base: dict[str, Any] = {
        "kind": report.kind, "title": report.title, "period_key": period.key,
        "period_label": schedule.period_label(period), "period_start": period.start, "period_end": period.end,
        "due_on": due, "needs_acceptance": report.acceptance, "source": report.source,
    }
    if d is None:
        return DeliveryRow(status=DeliveryStatus.OWED.value, overdue=due < today, **base)
    status = DeliveryStatus.ACCEPTED if d.accepted_at is not None else DeliveryStatus.SUBMITTED
    return DeliveryRow(status=status.value, overdue=False, version=d.version, submitted_at=d.submitted_at,
                       submitted_by=d.submitted_by, submitted_to=d.submitted_to, accepted_at=d.accepted_at,
                       accepted_by=d.accepted_by, notes=d.notes, report_record_id=d.report_record_id,
                       delivery_id=d.id, **base)


def status_rows(session: Session, contract: Contract, today: date, *,
                until: date | None = None) -> list[DeliveryRow]:
    """Every owed report's periods that are owed by ``today`` (or, with ``until``, every period
    ending by ``until`` — the payment check looks ahead), newest period first, then profile
    order.  Reads only."""
    latest = latest_deliveries(session, contract)
    rows = []
    for order, report in enumerate(schedule.owed_reports(contract)):
        for p in schedule.report_periods(contract, report, until=until or today):
            if until is not None:
                if p.end > until:
                    continue
            elif schedule.owed_since(report, p) > today and (report.kind, p.key) not in latest:
                continue
            rows.append((order, row_of(report, p, latest.get((report.kind, p.key)), today)))
    rows.sort(key=lambda r: (-r[1].period_end.toordinal(), r[0]))
    return [r for _o, r in rows]


def delivery_rows(ledger: Ledger, contract_id: uuid.UUID | None, today: date) -> Outcome[list[DeliveryRow]]:
    """The reports page's list for the contract ``contract_id`` on the local date ``today``
    (empty without a contract).  Reads only."""
    if contract_id is None:
        return Outcome([])
    with ledger.session() as s:
        contract = s.get(Contract, contract_id)
        return Outcome([] if contract is None else status_rows(s, contract, today))
