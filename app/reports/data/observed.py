"""Report data, which days the ledger observed: the local days holding a record — an inspection
performed (by its due day), a work-log entry, a service request received, a requirement
collected, an incident occurred.  A figure made from records *not* being there (no downtime →
100 %, no incident → 0 起) is evidence only for a span holding such a day (``kpis.FROM_ABSENCE``;
平谷法院 第三条 每天两次业务应用系统巡检 — the engineer is there to see the systems run).  Used where
a span is cut finer than the report's own period (the trend, a KPI's calendar months in a
quarterly report); the report's span itself is judged by ``kpis.period_observed``."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.timeutil import LOCAL_TZ, local_dt, to_local
from app.store.models import (
    Contract,
    Incident,
    Inspection,
    Requirement,
    ServiceRequest,
    WorkLogEntry,
)


def recorded_days(session: Session, contract: Contract, first: date, last: date) -> set[date]:
    """The local days in ``[first, last]`` holding a record (see the module doc); four cheap
    queries and one for incidents."""
    a_i, b_i = local_dt(first, time()), local_dt(last + timedelta(days=1), time())
    cid = contract.id
    days = set(session.scalars(select(Inspection.due_date).where(
        Inspection.contract_id == cid, Inspection.due_date >= first, Inspection.due_date <= last)))
    days |= set(session.scalars(select(WorkLogEntry.work_date).where(
        WorkLogEntry.contract_id == cid, WorkLogEntry.work_date >= first, WorkLogEntry.work_date <= last)))
    for col, model in ((ServiceRequest.received_at, ServiceRequest), (Requirement.collected_at, Requirement),
                       (Incident.occurred_at, Incident)):
        days |= {to_local(t).date() for t in session.scalars(select(col).where(
            model.contract_id == cid, col >= a_i, col < b_i))}
    return days


def span_days(start_i: datetime, end_i: datetime) -> tuple[date, date]:
    """The local days ``(first, last)`` of the instants ``[start_i, end_i)``."""
    return start_i.astimezone(LOCAL_TZ).date(), (end_i - timedelta(microseconds=1)).astimezone(LOCAL_TZ).date()


def observed(days: set[date], start_i: datetime, end_i: datetime) -> bool:
    """Whether any of ``days`` lies in the span ``[start_i, end_i)``."""
    first, last = span_days(start_i, end_i)
    return any(first <= d <= last for d in days)
