"""Import of the fault log (故障台账): incidents, their affected services and assets, and their
history (the ``处理记录`` sheet or one rebuilt from the timeline), SLA figures of closed incidents
stored as ``close_incident`` would.  See ``record_import`` for the rules."""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.core import i18n, timeline
from app.core.i18n import N_
from app.core.profile import profile_of
from app.core.timeutil import LOCAL_TZ, utcnow
from app.core.vocab import IncidentEventKind, IncidentStatus, codes
from app.errors import ImportRejected, OpsLedgerError, RowProblem
from app.services import audit
from app.services.numbering import next_number
from app.services.transfer.columns import (
    HISTORY_COLUMNS,
    HISTORY_SHEET,
    INCIDENT_COLUMNS,
    INCIDENT_SERVICE_COLUMNS,
    SERVICES_SHEET,
    CodeLabel,
    normalise_header,
)
from app.services.transfer.import_cells import BATCH_ROWS, _ok
from app.services.transfer.import_checks import (
    ImportResult,
    _advance_sequences,
    _check_numbers,
    _order,
    _status_instants,
)
from app.services.transfer.import_sheet import _Lookups, _open, _pick_sheet, _read, _unreadable
from app.store.models import (
    Contract,
    Incident,
    IncidentAsset,
    IncidentEvent,
    IncidentService,
)

_INC_LABELS = {c.key: c.zh for c in INCIDENT_COLUMNS}
_INC_ORDER = timeline.INCIDENT_ORDER


def _incident_status(rec: dict[str, Any]) -> str:
    if rec.get("closed_at"):
        return "closed"
    if rec.get("restored_at"):
        return "restored"
    if rec.get("responded_at") or rec.get("onsite_at"):
        return "in_progress"
    if rec.get("assignee"):
        return "assigned"
    return "new"


def import_incidents(
    session: Session,
    contract: Contract,
    path: str | Path,
    *,
    actor: str = "import",
    dry_run: bool = False,
) -> ImportResult:
    """Import the fault log in ``path`` (layout of ``export_incidents``) into ``contract``.

    Checks the whole file first; raises ``ImportRejected`` listing every problem (nothing added to
    ``session``) or ``ValidationError`` for a file that is not a safe .xlsx workbook.  With
    ``dry_run`` only checks.  Otherwise adds incidents, affected services (downtime windows from
    the ``影响业务系统`` sheet when present, else occurred → restored), affected assets, history
    events and one audit event to ``session``; the caller commits.
    """
    path = Path(path)
    source = path.name
    problems: list[RowProblem] = []
    lk = _Lookups(session, contract)
    wb = _open(path, problems)
    try:
        ws = _pick_sheet(wb, "incidents")
        label = ws.title
        recs = list(_read(path, ws, INCIDENT_COLUMNS, Incident, lk, problems, label))
        windows: dict[str, dict[uuid.UUID, dict[str, Any]]] = {}
        svc_ws = next((w for w in wb.worksheets if normalise_header(w.title) in
                       (normalise_header(SERVICES_SHEET), "affected services")), None)
        if svc_ws is not None and svc_ws is not ws:
            for row, w in _read(path, svc_ws, INCIDENT_SERVICE_COLUMNS, None, lk, problems, svc_ws.title):
                if not _ok(w.get("number"), w.get("service"), w.get("downtime_start"), w.get("downtime_end")):
                    continue
                a, b = w.get("downtime_start"), w.get("downtime_end")
                if a and b and b < a:
                    problems.append(RowProblem(row, "停机结束", N_("{sheet}: downtime ends before it starts"),
                                               {"sheet": svc_ws.title}))
                    continue
                w["_row"] = row
                windows.setdefault(w["number"], {})[w["service"]] = w
        hist_ws = next((w for w in wb.worksheets if normalise_header(w.title) in
                        (normalise_header(HISTORY_SHEET), "history")), None)
        history: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        if hist_ws is not None and hist_ws is not ws:
            for row, h in _read(path, hist_ws, HISTORY_COLUMNS, IncidentEvent, lk, problems, hist_ws.title):
                if _ok(*h.values()):
                    history.setdefault(h["number"], []).append((row, h))
    except OpsLedgerError:
        raise
    except Exception as exc:  # noqa: BLE001 - a part openpyxl cannot parse while streaming rows
        raise _unreadable(exc) from exc
    finally:
        wb.close()

    for row, rec in recs:
        _order(row, problems, rec, _INC_ORDER, _INC_LABELS)
        _status_instants(row, problems, rec, timeline.INCIDENT_STATUS_INSTANTS, IncidentStatus, _INC_LABELS)
    _check_numbers(session, Incident, recs, _INC_LABELS["number"], problems)
    file_numbers = {rec.get("number") for _, rec in recs}
    by_number: dict[Any, dict[str, Any]] = {}
    for _row, r in recs:  # the first row of each number, as a scan from the top would find
        by_number.setdefault(r.get("number"), r)
    for num, by_service in windows.items():
        rec = by_number.get(num)
        for sid, w in by_service.items():
            if num not in file_numbers:
                problems.append(RowProblem(w["_row"], "故障编号", N_("{sheet}: incident {number} is not in the fault log sheet"),
                                           {"sheet": SERVICES_SHEET, "number": num}))
            elif rec is not None and isinstance(rec.get("services"), list) and sid not in rec["services"]:
                problems.append(RowProblem(w["_row"], "业务系统",
                                           N_("{sheet}: service {service} is not listed for incident {number}"),
                                           {"sheet": SERVICES_SHEET, "service": lk.service_code.get(sid), "number": num}))
    by_number = {rec["number"]: rec for _, rec in recs if isinstance(rec.get("number"), str)}
    for num, entries in history.items():
        _check_history(num, entries, by_number.get(num), hist_ws.title if hist_ws else HISTORY_SHEET, problems)
    if problems:
        problems.sort(key=lambda p: (p.row, p.column))
        raise ImportRejected(source, problems)
    result = ImportResult("incidents", dry_run=dry_run)
    if dry_run:
        result.numbers = [rec.get("number") or "(new)" for _, rec in recs]
        return result

    _advance_sequences(session, [rec["number"] for _, rec in recs if rec.get("number")])
    now = utcnow()
    note = i18n._("imported from {source}", source=source)
    clocks = _ClosedClocks(session, contract)
    added: list[tuple[Incident, list[IncidentEvent]]] = []
    children: list[Any] = []  # added after the parents are flushed (no ORM relationships order them)

    def flush_batch() -> None:
        # SLA figures first, so they go out with the INSERT (no UPDATE per closed incident, no
        # second full-text index write); then parents, then children.  Afterwards nothing holds
        # the flushed objects, so the session's weak identity map lets them go and memory stays
        # bounded on large files.
        clocks.store(added)
        session.flush()
        session.add_all(children)
        session.flush()
        added.clear()
        children.clear()

    recs.reverse()
    while recs:
        _, rec = recs.pop()
        occurred = rec["occurred_at"]
        reported = rec.get("reported_at") or occurred
        number = rec.get("number") or next_number(session, "INC", occurred.astimezone(LOCAL_TZ).year)
        status = rec.get("status") or _incident_status(rec)
        inc = Incident(
            id=uuid.uuid4(), number=number, contract_id=contract.id, title=rec["title"],
            description=rec.get("description", ""), severity=rec["severity"], source=rec.get("source") or "phone",
            status=status, reporter_department=rec.get("reporter_department", ""),
            reporter_name=rec.get("reporter_name", ""), reporter_phone=rec.get("reporter_phone", ""),
            assignee_id=rec.get("assignee"), occurred_at=occurred, reported_at=reported,
            responded_at=rec.get("responded_at"), onsite_at=rec.get("onsite_at"),
            restored_at=rec.get("restored_at"), closed_at=rec.get("closed_at"),
            cause_category=rec.get("cause_category", ""), cause=rec.get("cause", ""),
            resolution=rec.get("resolution", ""), vendor_case_number=rec.get("vendor_case_number", ""),
            root_cause_analysis=rec.get("root_cause_analysis", ""), created_at=now, updated_at=now,
        )
        session.add(inc)
        own = windows.get(number, {})
        for sid in rec.get("services") or []:
            w = own.get(sid)
            if w is not None:
                start, end, edited = w.get("downtime_start"), w.get("downtime_end"), bool(w.get("downtime_edited"))
            else:
                start, end, edited = occurred, rec.get("restored_at"), False
            children.append(IncidentService(incident_id=inc.id, service_id=sid, downtime_start=start,
                                             downtime_end=end, downtime_edited=edited))
        for aid in rec.get("assets") or []:
            children.append(IncidentAsset(incident_id=inc.id, asset_id=aid))
        if number in history:
            events = [IncidentEvent(incident_id=inc.id, at=h["at"], actor=h.get("actor", ""), kind=h["kind"],
                                    from_status=h.get("from_status", ""), to_status=h.get("to_status", ""),
                                    changes=h.get("changes") or {}, note=h.get("note", ""))
                      for _, h in history[number]]
        else:
            events = _incident_events(inc, actor, note)
        children.extend(events)
        added.append((inc, events))
        result.numbers.append(number)
        if len(added) >= BATCH_ROWS:
            flush_batch()
    flush_batch()
    audit.record(session, actor=actor, action="incident.import", entity_kind="incident",
                 summary=f"{result.count} incidents imported from {source}",
                 details={"file": source, "count": result.count})
    session.flush()
    return result


EVENT_KINDS = codes(IncidentEventKind)


def _check_history(number: str, entries: list[tuple[int, dict[str, Any]]], rec: dict[str, Any] | None,
                   label: str, problems: list[RowProblem]) -> None:
    """Check the history rows of one incident: a known incident, known kinds and statuses,
    ``changes`` as JSON, a ``created`` first and a status chain ending in the record's status.
    Parsed ``changes`` replace the text in place."""
    import json

    first_row = entries[0][0]
    if rec is None:
        problems.append(RowProblem(first_row, "编号", N_("{sheet}: incident {number} is not in the fault log sheet"),
                                   {"sheet": label, "number": number}))
        return
    entries.sort(key=lambda e: (e[1]["at"], e[0]))
    prev: str | None = None
    for row, h in entries:
        if h["kind"] not in EVENT_KINDS:
            problems.append(RowProblem(row, "类型", N_("{sheet}: unknown kind “{kind}”"), {"sheet": label, "kind": h["kind"]}))
            return
        for key, zh in (("from_status", "原状态"), ("to_status", "新状态")):
            if h.get(key) and h[key] not in codes(IncidentStatus):
                problems.append(RowProblem(row, zh, N_("{sheet}: unknown status “{status}”"), {"sheet": label, "status": h[key]}))
                return
        text = h.get("changes") or ""
        try:
            h["changes"] = json.loads(text) if text.strip() else {}
        except ValueError:
            problems.append(RowProblem(row, "修改内容", N_("{sheet}: not valid JSON"), {"sheet": label}))
            return
        if prev is None:
            if h["kind"] != "created":
                problems.append(RowProblem(row, "类型", N_(
                    "{sheet}: the first event of {number} must be “created” "
                    "(delete the history rows to have them rebuilt from the timeline)"), {"sheet": label, "number": number}))
                return
            prev = h.get("to_status") or "new"
        elif h["kind"] in ("status", "reopen"):
            if h.get("from_status") and h["from_status"] != prev:
                problems.append(RowProblem(row, "原状态", N_("{sheet}: {number} was {status} at this point, not {given}"),
                                           {"sheet": label, "number": number, "status": CodeLabel(prev),
                                            "given": CodeLabel(h["from_status"])}))
                return
            prev = h.get("to_status") or prev
    final = rec.get("status") or _incident_status(rec)
    if prev != final:
        problems.append(RowProblem(entries[-1][0], "新状态",
                                   N_("{sheet}: the history of {number} ends in {status} but the record's status is {final}"),
                                   {"sheet": label, "number": number, "status": CodeLabel(prev), "final": CodeLabel(final)}))


def _incident_events(inc: Incident, actor: str, note: str) -> list[IncidentEvent]:
    """``created`` plus status events along the workflow up to ``inc.status`` at the recorded
    instants (a step without its own instant takes the latest earlier one)."""
    events = [IncidentEvent(incident_id=inc.id, at=inc.reported_at, actor=actor, kind="created",
                            to_status="new", note=note)]
    target = inc.status
    steps: list[tuple[str, datetime | None]] = []
    if target == "assigned" or (inc.assignee_id and target != "new"):
        steps.append(("assigned", inc.responded_at or inc.reported_at))
    if target in ("in_progress", "pending", "restored", "closed"):
        steps.append(("in_progress", inc.onsite_at or inc.responded_at))
    if target == "pending":
        latest = max(t for t in (inc.reported_at, inc.responded_at, inc.onsite_at) if t)
        steps.append(("pending", latest))
    if target in ("restored", "closed"):
        steps.append(("restored", inc.restored_at))
    if target == "closed":
        steps.append(("closed", inc.closed_at))
    prev, at_prev = "new", inc.reported_at
    for status, at in steps:
        at = max(at or at_prev, at_prev) if status != "restored" else (at or at_prev)
        events.append(IncidentEvent(incident_id=inc.id, at=at, actor=actor, kind="status",
                                    from_status=prev, to_status=status, note=note))
        prev, at_prev = status, at
    return events


class _ClosedClocks:
    """Stores the SLA figures of closed incidents, as closing in the app does; calendars are
    loaded once.  A year without a holiday calendar leaves the figures empty."""

    def __init__(self, session: Session, contract: Contract) -> None:
        self.contract = contract
        self.session = session
        self._calendars: Any = None
        self._failed = False

    def store(self, added: list[tuple[Incident, list[IncidentEvent]]]) -> None:
        closed = [(i, e) for i, e in added if i.status == "closed" and i.closed_at]
        if not closed or self._failed:
            return
        try:
            from app.services.calendar.service_time import load_calendars
            from app.services.incident.sla import incident_clocks

            if self._calendars is None:
                self._calendars = load_calendars(self.session, self.contract)
        except (ImportError, OpsLedgerError):
            self._failed = True
            return
        prof = profile_of(self.contract)
        for inc, events in closed:
            try:
                clocks = incident_clocks(inc, events, prof, self._calendars, inc.closed_at, explain=False)
            except OpsLedgerError:
                continue
            inc.response_minutes = clocks.response_minutes
            inc.restore_minutes = clocks.restore_minutes
            inc.response_breached = clocks.response_breached
            inc.restore_breached = clocks.restore_breached


# -- service requests ---------------------------------------------------------------------------
