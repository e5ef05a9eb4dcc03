"""Record lists for the UI tables: filtered, sorted and paged in SQL (no Qt here).

Every list has a filter dataclass, ``query_*(session, contract_id, flt, sort_key, descending,
offset, limit) -> list[Row]`` and ``count_*(session, contract_id, flt) -> int``.  Rows are small
``NamedTuple``s holding only what a table shows plus the record id, so a Qt model can keep just the
rows it has fetched (architecture: "big tables hold ids, fetch rows on demand").

Rules shared by all lists:

- Filtering and sorting happen in the SQL statement; ``offset``/``limit`` page it.  Every ordering
  ends with the primary key so that paging is stable when sort values tie.
- Free text (``text``) is a case-insensitive ``LIKE '%…%'`` over the record's number, title,
  description and requester/reporter name; ``%``, ``_`` and ``\\`` in the user's text are escaped,
  so they match literally.  Each whitespace-separated word must match.  For incidents on SQLite a
  word of three or more characters is looked up in the FTS5 ``trigram`` index ``incident_fts``
  (migration 0009) instead — the same rows as the ``LIKE``, found without reading every row;
  shorter words (trigrams need three characters: a one- or two-character Chinese word) keep the
  ``LIKE``.  On PostgreSQL the ``ILIKE`` is served by ``pg_trgm`` indexes.
- Periods are half-open ``[start, end)`` aware instants (UTC in the DB) for timestamps, and
  inclusive local dates for the work log's ``work_date``.

Raises ``ValueError`` for an unknown ``sort_key``.
"""

from __future__ import annotations

import uuid
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import and_, func, literal_column, or_, select
from sqlalchemy import table as text_table
from sqlalchemy import text as text_sql
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import ColumnElement, Select

from app.core.timeutil import as_utc
from app.store.models import (
    Engineer,
    Incident,
    Requirement,
    Service,
    ServiceRequest,
    WorkLogEntry,
)
from app.store.models.list_search import FTS_TABLE

LIKE_ESCAPE = "\\"


def like_pattern(text: str) -> str:
    """``'%text%'`` with ``\\``, ``%`` and ``_`` escaped (escape character ``\\``)."""
    esc = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


def _text_clause(text: str, columns: Sequence[Any], fts: Any = None) -> ColumnElement[bool] | None:
    """OR of ``LIKE`` over ``columns`` for each whitespace-separated word, ANDed across words.

    ``fts``: ``(rowid column, FTS table name)`` — words of ``FTS_MIN_CHARS`` or more characters
    are matched there as a trigram phrase instead (same rows as the ``LIKE``)."""
    words = [w for w in (text or "").split() if w]
    if not words:
        return None
    parts = []
    for w in words:
        if fts is not None and len(w) >= FTS_MIN_CHARS:
            rowid, table = fts
            phrase = '"' + w.replace('"', '""') + '"'
            parts.append(rowid.in_(select(literal_column("rowid")).select_from(text_table(table))
                                   .where(literal_column(table).op("MATCH")(phrase))))
            continue
        pat = like_pattern(w)
        parts.append(or_(*[c.ilike(pat, escape=LIKE_ESCAPE) for c in columns]))
    return and_(*parts)


FTS_MIN_CHARS = 3
"""Trigram full-text search finds substrings of at least three characters."""


def _incident_fts(session: Session) -> Any:
    """``(incident.rowid, "incident_fts")`` when ``session``'s database has the FTS5 index, else
    ``None`` (PostgreSQL, or a SQLite without the trigram tokenizer).  Looked up once per engine."""
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    has = _FTS_SEEN.get(engine)
    if has is None:
        has = engine.dialect.name == "sqlite" and session.execute(text_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :n"), {"n": FTS_TABLE}).first() is not None
        _FTS_SEEN[engine] = has
    return (literal_column(f"{Incident.__tablename__}.rowid"), FTS_TABLE) if has else None


_FTS_SEEN: weakref.WeakKeyDictionary[Any, bool] = weakref.WeakKeyDictionary()


def _order(stmt: Select[Any], sort_cols: dict[str, Any], sort_key: str, descending: bool, pk: Any) -> Select[Any]:
    if sort_key not in sort_cols:
        raise ValueError(f"unknown sort key {sort_key!r}; known: {', '.join(sort_cols)}")
    col = sort_cols[sort_key]
    if descending:
        return stmt.order_by(col.desc(), pk.desc())
    return stmt.order_by(col.asc(), pk.asc())


def _page(stmt: Select[Any], offset: int, limit: int | None) -> Select[Any]:
    if offset:
        stmt = stmt.offset(max(0, int(offset)))
    if limit is not None:
        stmt = stmt.limit(max(0, int(limit)))
    return stmt


def _contract_cond(col: Any, contract_id: uuid.UUID, paging: bool) -> ColumnElement[bool]:
    """``col = contract_id``.  The composite indexes of migration 0009 (contract, time column, id)
    let a page query walk the index of its order within the contract and stop after ``limit``
    rows; ``paging`` is kept for callers and no longer changes the form."""
    return col == contract_id


def _count(session: Session, model: Any, conds: list[ColumnElement[bool]]) -> int:
    return int(session.execute(select(func.count()).select_from(model).where(*conds)).scalar_one())


# --------------------------------------------------------------------------- incidents


@dataclass(frozen=True)
class IncidentFilter:
    """What the incident list shows.

    ``statuses``/``severities``: empty = all.  ``service_id``: incidents affecting that service.
    ``engineer_id``: the assignee.  ``start``/``end``: ``occurred_at`` in ``[start, end)``
    (aware; naive read as local).  ``text``: free text (see module doc).  ``open_only``: status
    other than ``closed``.  ``sla``: ``""`` or an SLA state (``"at_risk"``/``"breached"``, the
    overview's rule in ``app.services.queries.sla_watch``); the query itself only sees
    ``sla_ids``, the incidents in that state as ``sla_watch.resolve`` found them at an instant
    (``None`` = no restriction; an unresolved ``sla`` restricts nothing).
    """

    statuses: tuple[str, ...] = ()
    severities: tuple[str, ...] = ()
    service_id: uuid.UUID | None = None
    engineer_id: uuid.UUID | None = None
    start: datetime | None = None
    end: datetime | None = None
    text: str = ""
    open_only: bool = False
    sla: str = ""
    sla_ids: frozenset[uuid.UUID] | None = None


class IncidentRow(NamedTuple):
    """One incident list row (instants aware UTC)."""

    id: uuid.UUID
    number: str
    title: str
    severity: str
    status: str
    source: str
    assignee: str
    reporter: str
    occurred_at: datetime
    reported_at: datetime
    restored_at: datetime | None
    closed_at: datetime | None


INCIDENT_SORT_KEYS = ("number", "title", "severity", "status", "source", "assignee", "reporter",
                      "occurred_at", "reported_at", "restored_at", "closed_at")


def query_incidents(session: Session, contract_id: uuid.UUID, flt: IncidentFilter | None = None,
                    sort_key: str = "occurred_at", descending: bool = True, offset: int = 0,
                    limit: int | None = 200) -> list[IncidentRow]:
    """One page of incidents of a contract as ``IncidentRow``s, filtered and sorted in SQL.

    ``sort_key`` is one of ``INCIDENT_SORT_KEYS``; ties are broken by id.  Raises ``ValueError``
    for an unknown key.  The statement is built once per filter shape
    (``app.services.queries.incident_list``) and run with the filter's values bound.
    """
    from app.services.queries import incident_list

    return incident_list.query(session, contract_id, flt or IncidentFilter(), sort_key, descending, offset, limit)


def count_incidents(session: Session, contract_id: uuid.UUID, flt: IncidentFilter | None = None) -> int:
    """How many incidents match ``flt`` (one ``COUNT`` query)."""
    from app.services.queries import incident_list

    return incident_list.count(session, contract_id, flt or IncidentFilter())


# --------------------------------------------------------------------------- service requests


@dataclass(frozen=True)
class RequestFilter:
    """What the service-request list shows; ``start``/``end`` bound ``received_at`` ``[start, end)``;
    ``categories`` are profile category codes; ``engineer_id`` the assignee."""

    statuses: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    service_id: uuid.UUID | None = None
    engineer_id: uuid.UUID | None = None
    start: datetime | None = None
    end: datetime | None = None
    text: str = ""
    open_only: bool = False


class RequestRow(NamedTuple):
    """One service-request list row."""

    id: uuid.UUID
    number: str
    title: str
    category: str
    channel: str
    status: str
    service: str
    assignee: str
    requester: str
    received_at: datetime
    resolved_at: datetime | None
    satisfaction: str | None
    converted_incident_id: uuid.UUID | None


REQUEST_SORT_KEYS = ("number", "title", "category", "channel", "status", "service", "assignee",
                     "requester", "received_at", "resolved_at", "satisfaction")


def _request_conds(contract_id: uuid.UUID, flt: RequestFilter, paging: bool = False) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [_contract_cond(ServiceRequest.contract_id, contract_id, paging)]
    if flt.statuses:
        conds.append(ServiceRequest.status.in_(flt.statuses))
    if flt.open_only:
        conds.append(ServiceRequest.status != "closed")
    if flt.categories:
        conds.append(ServiceRequest.category.in_(flt.categories))
    if flt.service_id is not None:
        conds.append(ServiceRequest.service_id == flt.service_id)
    if flt.engineer_id is not None:
        conds.append(ServiceRequest.assignee_id == flt.engineer_id)
    if flt.start is not None:
        conds.append(ServiceRequest.received_at >= as_utc(flt.start))
    if flt.end is not None:
        conds.append(ServiceRequest.received_at < as_utc(flt.end))
    text = _text_clause(flt.text, [ServiceRequest.number, ServiceRequest.title, ServiceRequest.description,
                                   ServiceRequest.requester_name, ServiceRequest.requester_department])
    if text is not None:
        conds.append(text)
    return conds


def query_requests(session: Session, contract_id: uuid.UUID, flt: RequestFilter | None = None,
                   sort_key: str = "received_at", descending: bool = True, offset: int = 0,
                   limit: int | None = 200) -> list[RequestRow]:
    """One page of service requests as ``RequestRow``s (see ``REQUEST_SORT_KEYS``)."""
    flt = flt or RequestFilter()
    eng = aliased(Engineer)
    svc = aliased(Service)
    assignee = func.coalesce(eng.name, "")
    service = func.coalesce(svc.name, "")
    stmt = (
        select(ServiceRequest.id, ServiceRequest.number, ServiceRequest.title, ServiceRequest.category,
               ServiceRequest.channel, ServiceRequest.status, service.label("service"),
               assignee.label("assignee"), ServiceRequest.requester_name, ServiceRequest.received_at,
               ServiceRequest.resolved_at, ServiceRequest.satisfaction,
               ServiceRequest.converted_incident_id)
        .outerjoin(eng, eng.id == ServiceRequest.assignee_id)
        .outerjoin(svc, svc.id == ServiceRequest.service_id)
        .where(*_request_conds(contract_id, flt, paging=True))
    )
    cols = {"number": ServiceRequest.number, "title": ServiceRequest.title,
            "category": ServiceRequest.category, "channel": ServiceRequest.channel,
            "status": ServiceRequest.status, "service": service, "assignee": assignee,
            "requester": ServiceRequest.requester_name, "received_at": ServiceRequest.received_at,
            "resolved_at": ServiceRequest.resolved_at, "satisfaction": ServiceRequest.satisfaction}
    stmt = _page(_order(stmt, cols, sort_key, descending, ServiceRequest.id), offset, limit)
    return [RequestRow(*r) for r in session.execute(stmt)]


def count_requests(session: Session, contract_id: uuid.UUID, flt: RequestFilter | None = None) -> int:
    """How many service requests match ``flt``."""
    return _count(session, ServiceRequest, _request_conds(contract_id, flt or RequestFilter()))


# --------------------------------------------------------------------------- requirements


@dataclass(frozen=True)
class RequirementFilter:
    """What the requirement list shows; ``start``/``end`` bound ``collected_at`` ``[start, end)``."""

    statuses: tuple[str, ...] = ()
    service_id: uuid.UUID | None = None
    start: datetime | None = None
    end: datetime | None = None
    text: str = ""


class RequirementRow(NamedTuple):
    """One requirement list row."""

    id: uuid.UUID
    number: str
    title: str
    status: str
    service: str
    requester: str
    collected_at: datetime
    updated_at: datetime


REQUIREMENT_SORT_KEYS = ("number", "title", "status", "service", "requester", "collected_at", "updated_at")


def _requirement_conds(contract_id: uuid.UUID, flt: RequirementFilter, paging: bool = False) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [_contract_cond(Requirement.contract_id, contract_id, paging)]
    if flt.statuses:
        conds.append(Requirement.status.in_(flt.statuses))
    if flt.service_id is not None:
        conds.append(Requirement.service_id == flt.service_id)
    if flt.start is not None:
        conds.append(Requirement.collected_at >= as_utc(flt.start))
    if flt.end is not None:
        conds.append(Requirement.collected_at < as_utc(flt.end))
    text = _text_clause(flt.text, [Requirement.number, Requirement.title, Requirement.description,
                                   Requirement.requester_name, Requirement.requester_department])
    if text is not None:
        conds.append(text)
    return conds


def query_requirements(session: Session, contract_id: uuid.UUID, flt: RequirementFilter | None = None,
                       sort_key: str = "collected_at", descending: bool = True, offset: int = 0,
                       limit: int | None = 200) -> list[RequirementRow]:
    """One page of requirements as ``RequirementRow``s (see ``REQUIREMENT_SORT_KEYS``)."""
    flt = flt or RequirementFilter()
    svc = aliased(Service)
    service = func.coalesce(svc.name, "")
    stmt = (
        select(Requirement.id, Requirement.number, Requirement.title, Requirement.status,
               service.label("service"), Requirement.requester_name, Requirement.collected_at,
               Requirement.updated_at)
        .outerjoin(svc, svc.id == Requirement.service_id)
        .where(*_requirement_conds(contract_id, flt, paging=True))
    )
    cols = {"number": Requirement.number, "title": Requirement.title, "status": Requirement.status,
            "service": service, "requester": Requirement.requester_name,
            "collected_at": Requirement.collected_at, "updated_at": Requirement.updated_at}
    stmt = _page(_order(stmt, cols, sort_key, descending, Requirement.id), offset, limit)
    return [RequirementRow(*r) for r in session.execute(stmt)]


def count_requirements(session: Session, contract_id: uuid.UUID, flt: RequirementFilter | None = None) -> int:
    """How many requirements match ``flt``."""
    return _count(session, Requirement, _requirement_conds(contract_id, flt or RequirementFilter()))


# --------------------------------------------------------------------------- work log


@dataclass(frozen=True)
class WorkLogFilter:
    """What the work-log list shows: ``first_day``..``last_day`` local dates, both inclusive;
    ``source_kinds`` (``manual``/``inspection``/``incident``/``service_request``), empty = all."""

    engineer_id: uuid.UUID | None = None
    first_day: date | None = None
    last_day: date | None = None
    source_kinds: tuple[str, ...] = ()
    text: str = ""


class WorkLogRow(NamedTuple):
    """One stored work-log entry row (``duration_minutes`` in minutes)."""

    id: uuid.UUID
    work_date: date
    started_at: datetime
    engineer: str
    duration_minutes: int
    source_kind: str
    summary: str
    source_id: uuid.UUID | None


WORKLOG_SORT_KEYS = ("work_date", "started_at", "engineer", "duration_minutes", "source_kind", "summary")


def _worklog_conds(contract_id: uuid.UUID, flt: WorkLogFilter, paging: bool = False) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [_contract_cond(WorkLogEntry.contract_id, contract_id, paging)]
    if flt.engineer_id is not None:
        conds.append(WorkLogEntry.engineer_id == flt.engineer_id)
    if flt.first_day is not None:
        conds.append(WorkLogEntry.work_date >= flt.first_day)
    if flt.last_day is not None:
        conds.append(WorkLogEntry.work_date <= flt.last_day)
    if flt.source_kinds:
        conds.append(WorkLogEntry.source_kind.in_(flt.source_kinds))
    text = _text_clause(flt.text, [WorkLogEntry.summary])
    if text is not None:
        conds.append(text)
    return conds


def query_worklog(session: Session, contract_id: uuid.UUID, flt: WorkLogFilter | None = None,
                  sort_key: str = "started_at", descending: bool = False, offset: int = 0,
                  limit: int | None = 200) -> list[WorkLogRow]:
    """One page of stored work-log entries as ``WorkLogRow``s (see ``WORKLOG_SORT_KEYS``)."""
    flt = flt or WorkLogFilter()
    eng = aliased(Engineer)
    engineer = func.coalesce(eng.name, "")
    stmt = (
        select(WorkLogEntry.id, WorkLogEntry.work_date, WorkLogEntry.started_at, engineer.label("engineer"),
               WorkLogEntry.duration_minutes, WorkLogEntry.source_kind, WorkLogEntry.summary,
               WorkLogEntry.source_id)
        .outerjoin(eng, eng.id == WorkLogEntry.engineer_id)
        .where(*_worklog_conds(contract_id, flt, paging=True))
    )
    cols = {"work_date": WorkLogEntry.work_date, "started_at": WorkLogEntry.started_at,
            "engineer": engineer, "duration_minutes": WorkLogEntry.duration_minutes,
            "source_kind": WorkLogEntry.source_kind, "summary": WorkLogEntry.summary}
    stmt = _page(_order(stmt, cols, sort_key, descending, WorkLogEntry.id), offset, limit)
    return [WorkLogRow(*r) for r in session.execute(stmt)]


def count_worklog(session: Session, contract_id: uuid.UUID, flt: WorkLogFilter | None = None) -> int:
    """How many stored work-log entries match ``flt``."""
    return _count(session, WorkLogEntry, _worklog_conds(contract_id, flt or WorkLogFilter()))


# --------------------------------------------------------------------------- through the ledger


def fetch_page(ledger: Any, query: Any, contract_id: uuid.UUID, flt: Any, sort_key: str, descending: bool,
               offset: int, limit: int | None) -> list[Any]:
    """Run one ``query_*`` function of this module in its own read transaction on ``ledger``.

    For callers that hold the ledger, not a session (the Qt table models).  Returns plain rows.
    """
    with ledger.session() as s:
        return list(query(s, contract_id, flt, sort_key, descending, offset, limit))


def fetch_page_and_count(ledger: Any, query: Any, count: Any, contract_id: uuid.UUID, flt: Any, sort_key: str,
                         descending: bool, limit: int | None) -> tuple[int, list[Any]]:
    """``(count, first page)`` of one list in one read transaction on ``ledger`` (a re-filter)."""
    with ledger.session() as s:
        return int(count(s, contract_id, flt)), list(query(s, contract_id, flt, sort_key, descending, 0, limit))


def fetch_count(ledger: Any, count: Any, contract_id: uuid.UUID, flt: Any) -> int:
    """Run one ``count_*`` function of this module in its own read transaction on ``ledger``."""
    with ledger.session() as s:
        return int(count(s, contract_id, flt))
