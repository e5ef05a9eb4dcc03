"""Excel exports of the fault log (故障台账), service requests (工单), requirements (需求) and the
work log (工作日志) — the layout ``record_import`` reads back.

Each exporter has the signature the CLI registry (``app/cli/export.py``) expects:
``fn(session, contract, start: date, end: date, out: Path) -> Path``; ``start``/``end`` are local
(Beijing) dates, both inclusive.  Incidents are selected by ``occurred_at``, requests by
``received_at``, requirements by ``collected_at``, the work log by ``work_date``.

Workbooks: the main sheet with every field (Chinese headers from ``record_columns``, local times
to the minute as real Excel dates), for incidents a sheet of affected services with downtime
windows and a history sheet of ``IncidentEvent``s, for requests a sheet of assignments.  SLA
columns (service-time minutes, targets, met/breached) come from ``app.services.incident.sla``; a clock that
runs into a year no holiday calendar covers is written as ``无日历``.  Every cell is
written through ``app.services.transfer.xlsx_safe`` (formula-looking text stays text, control characters
replaced, over-long text visibly cut).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from app.core.downtime import downtime_windows
from app.core.profile import profile_of
from app.core.timeutil import local_dt, to_local, utcnow
from app.errors import CalendarCoverageError, OpsLedgerError
from app.services.transfer.columns import (
    ASSIGNMENT_COLUMNS,
    ASSIGNMENT_SHEET,
    BREACHED_LABEL,
    HISTORY_COLUMNS,
    HISTORY_SHEET,
    INCIDENT_COLUMNS,
    INCIDENT_SERVICE_COLUMNS,
    MAIN_SHEET,
    MET_LABEL,
    NO_CALENDAR,
    REQUEST_COLUMNS,
    REQUIREMENT_COLUMNS,
    SERVICES_SHEET,
    WORKLOG_COLUMNS,
    Column,
    enum_label,
)
from app.services.transfer.xlsx_safe import write_table
from app.services.transfer.xlsx_stream import SizeMismatchError, StreamedTable
from app.store.models import (
    Asset,
    Contract,
    Engineer,
    Incident,
    IncidentAsset,
    IncidentEvent,
    IncidentService,
    Inspection,
    RequestAssignment,
    Requirement,
    Service,
    ServiceRequest,
    WorkLogEntry,
)

log = logging.getLogger(__name__)
RUNNING_LABEL = "进行中 running"


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """UTC instants of local midnight at ``start`` and local midnight after ``end``."""
    return local_dt(start, time(0)), local_dt(end + timedelta(days=1), time(0))


def _second(value: datetime | None) -> datetime | None:
    """An instant cut to the second: the cell keeps seconds (shown as ``yyyy-mm-dd hh:mm``), so an
    export → import round trip gives back the same SLA and downtime figures."""
    return value.replace(microsecond=0) if value else None


def _names(session: Session, model: Any, contract: Contract, attr: str) -> dict[uuid.UUID, str]:
    rows = session.execute(select(model.id, getattr(model, attr)).where(model.contract_id == contract.id))
    return {rid: text for rid, text in rows}


def _clock_cells(clock: Any) -> list[Any]:
    """[elapsed minutes, target minutes, met/breached/running] of one SLA clock."""
    elapsed = getattr(clock, "elapsed_minutes", None)
    target = getattr(clock, "target_minutes", None)
    if getattr(clock, "breached", False):
        verdict = BREACHED_LABEL
    elif getattr(clock, "running", False):
        verdict = RUNNING_LABEL
    else:
        verdict = MET_LABEL
    return [None if elapsed is None else round(float(elapsed)), target, verdict]


def _incident_sla_fn(session: Session, contract: Contract, now: datetime) -> Any:
    """A function (incident, its events, service codes, asset codes) → six SLA cells: response
    minutes/target/verdict, restore minutes/target/verdict — the clocks of
    ``sla.incident_clocks`` with the targets of the incident's scope (the service groups and
    asset classes its services and assets fall in, ``ContractProfile.scopes_of``), as the list
    and the detail pane count them.  Calendars are loaded once for the whole export, so every
    clock shares one minute index; each distinct (services, assets) scope is worked out once."""
    try:
        from app.services.calendar.service_time import load_calendars
        from app.services.incident.sla import incident_clocks
    except ImportError:  # the SLA module is not installed: write what the record kept
        return lambda inc, _events, _svc=(), _assets=(): [
            inc.response_minutes, None, _flag(inc.response_breached),
            inc.restore_minutes, None, _flag(inc.restore_breached)]
    try:
        calendars = load_calendars(session, contract)
    except CalendarCoverageError:
        return lambda _inc, _events, _svc=(), _assets=(): [NO_CALENDAR] * 6

    prof = profile_of(contract)
    scoped = bool(prof.service_groups or prof.asset_classes)
    scopes: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[str, ...]] = {}
    rules: dict[Any, Any] = {}  # targets and calendars per kind of incident, read once (sla.incident_clocks)

    def cells(inc: Any, events: list[Any], services: tuple[str, ...] = (),
              assets: tuple[str, ...] = ()) -> list[Any]:
        scope: tuple[str, ...] = ()
        if scoped and (services or assets):
            known = scopes.get((services, assets))
            if known is None:
                known = scopes[services, assets] = prof.scopes_of(services=services, assets=assets)
            scope = known
        try:
            clocks = incident_clocks(inc, events, prof, calendars, now, scope, explain=False, rules=rules)
        except CalendarCoverageError:
            return [NO_CALENDAR] * 6
        except OpsLedgerError as exc:
            return [f"错误 error: {exc}"] * 6
        return _clock_cells(clocks.response) + _clock_cells(clocks.restore)

    return cells


def _flag(breached: bool | None) -> str:
    return "" if breached is None else (BREACHED_LABEL if breached else MET_LABEL)


def _save(wb: Workbook, out: Path) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    log.info("exported %s", out)
    return out


def _cancelled(progress: Any, done: int, total: int) -> bool:
    """Report ``done`` of ``total`` rows to a ``TaskProgress``-like object (``report(done, total)``,
    ``cancelled``) every 200 rows; True once it is cancelled (the export then stops unwritten)."""
    if progress is None or (done % 200 and done != total):
        return False
    if getattr(progress, "cancelled", False):
        return True
    report = getattr(progress, "report", None)
    if report is not None:
        report(done, total)
    return False


def _headers(columns: list[Column]) -> list[str]:
    return [c.zh for c in columns]


EXPORT_BATCH = 1000
"""Incidents read and written per batch (one partition of the streamed select; one select each of
their links, assets and events)."""


def _rows(session: Session, model: Any, where: Any, *order: Any) -> list[Any]:
    """Core rows (attribute access by column name, no ORM object) of ``model``'s table."""
    return list(session.execute(select(*model.__table__.columns).where(where).order_by(*order)))


def _grouped(rows: Any, key: str) -> dict[Any, list[Any]]:
    out: dict[Any, list[Any]] = defaultdict(list)
    for r in rows:
        out[getattr(r, key)].append(r)
    return out


def export_incidents(
    session: Session, contract: Contract, start: date, end: date, out: Path, now: datetime | None = None,
    progress: Any = None,
) -> Path:
    """Write the fault log of incidents that occurred on local days ``start``..``end`` to ``out``.

    Sheets: ``故障台账`` (``INCIDENT_COLUMNS``, with the SLA columns in service-time minutes),
    ``影响业务系统`` (one row per affected service with its downtime window), ``处理记录`` (the
    history events).  ``now`` (aware, default the current instant) is where running clocks stop.
    Streams: one Core select of the incidents read in partitions of ``EXPORT_BATCH`` rows
    (``yield_per``: a server-side cursor on PostgreSQL), their links, assets and events selected
    per partition, every row written at once to write-only sheets (``xlsx_stream``), so memory
    stays bounded; the SLA figures of all rows share one calendar and its minute index.  Each
    sheet declares its size (``<dimension>``, from three counts), so readers need not parse it
    twice; should the rows change between the counts and the reads, the workbook is written
    again without the declaration.  Returns ``out``.
    """
    now = now or utcnow()
    lo, hi = _bounds(start, end)
    cond = (Incident.contract_id == contract.id, Incident.occurred_at >= lo, Incident.occurred_at < hi)
    sizes = [session.scalar(select(func.count()).select_from(Incident).where(*cond)) or 0]
    sizes += [session.scalar(select(func.count()).select_from(model).join(Incident, Incident.id == key)
                             .where(*cond)) or 0
              for model, key in ((IncidentService, IncidentService.incident_id),
                                 (IncidentEvent, IncidentEvent.incident_id))]
    try:
        return _write_incidents(session, contract, cond, out, now, progress, sizes)
    except SizeMismatchError:
        log.info("incidents changed while exporting: written again without sheet sizes")
        return _write_incidents(session, contract, cond, out, now, progress, None)


def _write_incidents(session: Session, contract: Contract, cond: tuple[Any, ...], out: Path, now: datetime,
                     progress: Any, sizes: list[int] | None) -> Path:
    """The body of ``export_incidents``; ``sizes`` (rows of the three sheets) or ``None``."""
    total = sizes[0] if sizes is not None else (
        session.scalar(select(func.count()).select_from(Incident).where(*cond)) or 0)
    svc = {s.id: s for s in session.execute(select(Service.id, Service.code, Service.name)
                                            .where(Service.contract_id == contract.id))}
    assets = _names(session, Asset, contract, "code")
    engineers = _names(session, Engineer, contract, "name")
    incident_sla = _incident_sla_fn(session, contract, now)
    labels = _label_maps()

    wb = Workbook(write_only=True)
    dims = sizes or [None, None, None]
    main = StreamedTable(wb, MAIN_SHEET["incidents"], _headers(INCIDENT_COLUMNS), dims[0])
    svc_sheet = StreamedTable(wb, SERVICES_SHEET, _headers(INCIDENT_SERVICE_COLUMNS), dims[1])
    hist = StreamedTable(wb, HISTORY_SHEET, _headers(HISTORY_COLUMNS), dims[2])
    tables = (main, svc_sheet, hist)
    stream = session.execute(select(*_INCIDENT_COLS).where(*cond)
                             .order_by(Incident.occurred_at, Incident.number)
                             .execution_options(yield_per=EXPORT_BATCH))
    n = 0
    for chunk in stream.partitions():
        ids = [r.id for r in chunk]
        links = _grouped(session.execute(select(*_LINK_COLS).where(IncidentService.incident_id.in_(ids))),
                         "incident_id")
        inc_assets: dict[uuid.UUID, list[str]] = defaultdict(list)
        for iid, aid in session.execute(select(IncidentAsset.incident_id, IncidentAsset.asset_id)
                                        .where(IncidentAsset.incident_id.in_(ids))):
            inc_assets[iid].append(assets.get(aid, ""))
        events = _grouped(session.execute(select(*_EVENT_COLS).where(IncidentEvent.incident_id.in_(ids))
                                          .order_by(IncidentEvent.at)), "incident_id")
        for inc in chunk:
            n += 1
            if _cancelled(progress, n, total):
                stream.close()
                for table in tables:
                    table.discard()
                return Path(out)
            iid = inc.id
            _incident_rows(inc, links.get(iid, []), inc_assets.get(iid, []), events.get(iid, []), svc,
                           engineers, incident_sla, main, svc_sheet, hist, labels)
    try:
        for table in tables:
            table.close()
    except SizeMismatchError:
        for table in tables:
            table.discard()
        raise
    return _save(wb, out)


_MAIN_KEYS = (
    "number", "title", "severity", "status", "source", "occurred_at", "reported_at", "responded_at",
    "onsite_at", "restored_at", "closed_at", "services", "assets", "assignee", "reporter_department",
    "reporter_name", "reporter_phone", "description", "cause_category", "cause", "resolution",
    "vendor_case_number", "root_cause_analysis", "response_minutes", "response_target", "response_result",
    "restore_minutes", "restore_target", "restore_result",
)
"""The keys of ``INCIDENT_COLUMNS`` in order: ``_incident_rows`` builds the row as one list in
this order (checked at import, so a new column cannot be silently left out)."""
if tuple(c.key for c in INCIDENT_COLUMNS) != _MAIN_KEYS:  # pragma: no cover - a programming error
    raise RuntimeError("record_export._MAIN_KEYS is out of step with columns.INCIDENT_COLUMNS")

_INCIDENT_COLS = tuple(getattr(Incident, k) for k in (
    "id", "number", "title", "severity", "incident_class", "status", "source", "assignee_id",
    "cause_category", "occurred_at", "reported_at", "responded_at", "onsite_at", "restored_at", "closed_at",
    "reporter_department", "reporter_name", "reporter_phone", "description", "cause", "resolution",
    "vendor_case_number", "root_cause_analysis", "response_minutes", "response_breached", "restore_minutes",
    "restore_breached"))
"""The incident columns the fault log and its SLA figures read (no ORM object, nothing else)."""
_LINK_COLS = (IncidentService.incident_id, IncidentService.service_id, IncidentService.downtime_start,
              IncidentService.downtime_end, IncidentService.downtime_edited)
_EVENT_COLS = (IncidentEvent.incident_id, IncidentEvent.at, IncidentEvent.actor, IncidentEvent.kind,
               IncidentEvent.from_status, IncidentEvent.to_status,
               type_coerce(IncidentEvent.changes, String).label("changes"), IncidentEvent.note)
"""The history columns; ``changes`` as the stored JSON text (``_changes_cell`` parses only what is
not empty), or as the driver gives a JSON column (PostgreSQL: already a dict)."""


def _changes_cell(stored: Any) -> str:
    """The ``修改内容`` cell of a history row: its changes as JSON (non-ASCII kept), ``""`` for none."""
    if isinstance(stored, str):
        stored = json.loads(stored) if stored not in ("", "{}", "null") else None
    return json.dumps(stored, ensure_ascii=False) if stored else ""


def _label_maps() -> dict[str, Any]:
    """kind → a memo ``code → label`` of ``columns.enum_label`` for this export (the current
    language), each label looked up once: ``labels[kind](code)``."""
    return {kind: lru_cache(maxsize=64)(partial(enum_label, kind))
            for kind in ("incident_status", "incident_source", "cause_category")}


def _local(value: datetime | None) -> datetime | None:
    """An aware instant as the naive local wall-clock time a cell holds, cut to the second (the
    cell shows ``yyyy-mm-dd hh:mm`` and keeps seconds, so an export → import round trip gives back
    the same SLA and downtime figures); ``StreamedTable`` writes naive datetimes as they are."""
    if value is None:
        return None
    return to_local(value).replace(microsecond=0, tzinfo=None)


def _incident_rows(inc: Any, inc_links: list[Any], inc_assets: list[str], events: list[Any], svc: dict[Any, Any],
                   engineers: dict[Any, str], incident_sla: Any, main: StreamedTable, svc_sheet: StreamedTable,
                   hist: StreamedTable, labels: dict[str, Any]) -> None:
    """Append one incident's row to the main sheet, its affected services and its history;
    ``labels`` as ``_label_maps`` returns."""
    if len(inc_links) > 1:
        inc_links = sorted(inc_links, key=lambda lk: svc[lk.service_id].code if lk.service_id in svc else "")
    number = inc.number
    codes = tuple(svc[lk.service_id].code for lk in inc_links if lk.service_id in svc)
    asset_codes = tuple(sorted(inc_assets))
    main.append([
        number, inc.title, inc.severity, labels["incident_status"](inc.status),
        labels["incident_source"](inc.source), _local(inc.occurred_at), _local(inc.reported_at),
        _local(inc.responded_at), _local(inc.onsite_at), _local(inc.restored_at), _local(inc.closed_at),
        "; ".join(codes), "; ".join(asset_codes), engineers.get(inc.assignee_id, "") if inc.assignee_id else "",
        inc.reporter_department, inc.reporter_name, inc.reporter_phone, inc.description,
        labels["cause_category"](inc.cause_category), inc.cause, inc.resolution, inc.vendor_case_number,
        inc.root_cause_analysis, *incident_sla(inc, events, codes, asset_codes),
    ])
    for lk in inc_links:
        s = svc.get(lk.service_id)
        minutes = None  # clock minutes of every outage of the service (a reopen is a second one)
        wins = downtime_windows(lk, events)
        if wins and all(b is not None for _, b in wins):
            minutes = round(sum((b - a).total_seconds() for a, b in wins if b is not None) / 60)
        svc_sheet.append([number, s.code if s else "", s.name if s else "",
                          _local(lk.downtime_start), _local(lk.downtime_end),
                          "是" if lk.downtime_edited else "否", minutes])
    for ev in events:
        hist.append([number, ev.at, ev.actor, ev.kind, ev.from_status, ev.to_status,
                     _changes_cell(ev.changes), ev.note])


def _request_sla(session: Session, contract: Contract, now: datetime) -> Any:
    """A function request → three SLA cells (response minutes, target, verdict)."""
    try:
        from app.services.calendar.service_time import load_calendars
        from app.services.incident.sla import request_clocks
    except ImportError:
        return lambda _req: [None, profile_of(contract).sla_target(None, "request_response"), ""]
    calendars: Any = None
    try:
        calendars = load_calendars(session, contract)
    except CalendarCoverageError:
        return lambda _req: [NO_CALENDAR] * 3

    prof = profile_of(contract)

    def cells(req: ServiceRequest) -> list[Any]:
        try:
            return _clock_cells(request_clocks(req, prof, calendars, now))
        except CalendarCoverageError:
            return [NO_CALENDAR] * 3
        except OpsLedgerError as exc:
            return [f"错误 error: {exc}"] * 3

    return cells


def export_requests(
    session: Session, contract: Contract, start: date, end: date, out: Path, now: datetime | None = None,
    progress: Any = None,
) -> Path:
    """Write the service requests received on local days ``start``..``end`` to ``out``.

    Sheets: ``工单台账`` (``REQUEST_COLUMNS`` incl. the response SLA in service-time minutes) and
    ``派单记录`` (assignments).  ``now`` and ``progress`` as in ``export_incidents``.  Returns ``out``.
    """
    now = now or utcnow()
    lo, hi = _bounds(start, end)
    cond = (ServiceRequest.contract_id == contract.id, ServiceRequest.received_at >= lo,
            ServiceRequest.received_at < hi)
    reqs = list(session.scalars(select(ServiceRequest).where(*cond)
                                .order_by(ServiceRequest.received_at, ServiceRequest.number)))
    services = _names(session, Service, contract, "code")
    engineers = _names(session, Engineer, contract, "name")
    sla = _request_sla(session, contract, now)
    main: list[list[Any]] = []
    for n, r in enumerate(reqs, start=1):
        if _cancelled(progress, n, len(reqs)):
            return Path(out)
        values: dict[str, Any] = {
            "number": r.number, "title": r.title,
            "channel": enum_label("channel", r.channel),
            "category": r.category,
            "service": services.get(r.service_id, "") if r.service_id else "",
            "status": enum_label("request_status", r.status),
            "assignee": engineers.get(r.assignee_id, "") if r.assignee_id else "",
            "satisfaction": enum_label("satisfaction", r.satisfaction),
            "complaint": "是" if r.complaint else "否",
        }
        for key in ("received_at", "responded_at", "resolved_at", "closed_at", "followup_at"):
            values[key] = _second(getattr(r, key))
        for key in ("requester_department", "requester_name", "requester_phone", "description",
                    "resolution", "followup_by", "complaint_text"):
            values[key] = getattr(r, key)
        for key, cell in zip(("response_minutes", "response_target", "response_result"), sla(r)):
            values[key] = cell
        main.append([values.get(c.key) for c in REQUEST_COLUMNS])
    numbers = {r.id: r.number for r in reqs}
    assign_rows = [
        [numbers[a.request_id], a.at, engineers.get(a.from_engineer_id, "") if a.from_engineer_id else "",
         engineers.get(a.to_engineer_id, "") if a.to_engineer_id else "", a.actor, a.note]
        for a in session.scalars(
            select(RequestAssignment).join(ServiceRequest, ServiceRequest.id == RequestAssignment.request_id)
            .where(*cond).order_by(RequestAssignment.at)
        )
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = MAIN_SHEET["requests"]
    write_table(ws, _headers(REQUEST_COLUMNS), main)
    write_table(wb.create_sheet(ASSIGNMENT_SHEET), _headers(ASSIGNMENT_COLUMNS), assign_rows)
    return _save(wb, out)


def export_requirements(
    session: Session, contract: Contract, start: date, end: date, out: Path, progress: Any = None
) -> Path:
    """Write the requirements collected on local days ``start``..``end`` to ``out`` (one sheet,
    ``REQUIREMENT_COLUMNS``).  ``progress`` as in ``export_incidents``.  Returns ``out``."""
    lo, hi = _bounds(start, end)
    rows = list(session.scalars(
        select(Requirement).where(Requirement.contract_id == contract.id, Requirement.collected_at >= lo,
                                  Requirement.collected_at < hi)
        .order_by(Requirement.collected_at, Requirement.number)
    ))
    services = _names(session, Service, contract, "code")
    main = []
    for n, q in enumerate(rows, start=1):
        if _cancelled(progress, n, len(rows)):
            return Path(out)
        values = {
            "number": q.number, "title": q.title,
            "service": services.get(q.service_id, "") if q.service_id else "",
            "status": enum_label("requirement_status", q.status),
            "collected_at": _second(q.collected_at), "updated_at": _second(q.updated_at),
            "requester_department": q.requester_department, "requester_name": q.requester_name,
            "description": q.description, "note": q.note,
        }
        main.append([values.get(c.key) for c in REQUIREMENT_COLUMNS])
    wb = Workbook()
    ws = wb.active
    ws.title = MAIN_SHEET["requirements"]
    write_table(ws, _headers(REQUIREMENT_COLUMNS), main)
    return _save(wb, out)


def export_worklog(
    session: Session, contract: Contract, start: date, end: date, out: Path, progress: Any = None
) -> Path:
    """Write the work-log entries of local days ``start``..``end`` to ``out`` (one sheet,
    ``WORKLOG_COLUMNS``; the related record's number for entries made by an inspection, incident
    or request).  ``progress`` as in ``export_incidents``.  Returns ``out``."""
    entries = list(session.scalars(
        select(WorkLogEntry).where(WorkLogEntry.contract_id == contract.id, WorkLogEntry.work_date >= start,
                                   WorkLogEntry.work_date <= end)
        .order_by(WorkLogEntry.work_date, WorkLogEntry.started_at)
    ))
    engineers = _names(session, Engineer, contract, "name")
    wanted: dict[str, set[uuid.UUID]] = defaultdict(set)
    for e in entries:
        if e.source_id:
            wanted[e.source_kind].add(e.source_id)
    numbers: dict[uuid.UUID, str] = {}
    for kind, model in (("incident", Incident), ("service_request", ServiceRequest), ("inspection", Inspection)):
        ids = list(wanted.get(kind, ()))
        for i in range(0, len(ids), 500):
            numbers.update(session.execute(select(model.id, model.number).where(model.id.in_(ids[i:i + 500]))).all())
    main = []
    for n, e in enumerate(entries, start=1):
        if _cancelled(progress, n, len(entries)):
            return Path(out)
        values = {
            "work_date": e.work_date,
            "engineer": engineers.get(e.engineer_id, "") if e.engineer_id else "",
            "started_at": _second(e.started_at), "duration_minutes": e.duration_minutes,
            "summary": e.summary, "source_kind": enum_label("worklog_source", e.source_kind),
            "source_number": numbers.get(e.source_id, "") if e.source_id else "",
        }
        main.append([values.get(c.key) for c in WORKLOG_COLUMNS])
    wb = Workbook()
    ws = wb.active
    ws.title = MAIN_SHEET["worklog"]
    write_table(ws, _headers(WORKLOG_COLUMNS), main)
    return _save(wb, out)
