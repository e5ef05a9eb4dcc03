"""Import of the service-request log (工单台账) with its assignments.  See ``record_import`` for
the rules."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.core import timeline
from app.core.i18n import N_
from app.core.timeutil import LOCAL_TZ, utcnow
from app.core.vocab import RequestStatus
from app.errors import ImportRejected, OpsLedgerError, RowProblem
from app.services import audit
from app.services.numbering import next_number
from app.services.transfer.columns import (
    ASSIGNMENT_COLUMNS,
    ASSIGNMENT_SHEET,
    REQUEST_COLUMNS,
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
    RequestAssignment,
    ServiceRequest,
)

_REQ_LABELS = {c.key: c.zh for c in REQUEST_COLUMNS}
_REQ_ORDER = timeline.REQUEST_ORDER


def _request_status(rec: dict[str, Any]) -> str:
    if rec.get("closed_at"):
        return "closed"
    if rec.get("resolved_at"):
        return "resolved"
    if rec.get("responded_at"):
        return "in_progress"
    if rec.get("assignee"):
        return "assigned"
    return "new"


def import_requests(
    session: Session,
    contract: Contract,
    path: str | Path,
    *,
    actor: str = "import",
    dry_run: bool = False,
) -> ImportResult:
    """Import the service-request log in ``path`` (layout of ``export_requests``) into ``contract``.

    Same checking and refusal as ``import_incidents``.  Assignments (派单) come from the
    ``派单记录`` sheet when it lists the request; otherwise a request with an assignee gets one
    assignment at its response instant (or its received instant).  The caller commits.
    """
    path = Path(path)
    source = path.name
    problems: list[RowProblem] = []
    lk = _Lookups(session, contract)
    wb = _open(path, problems)
    try:
        ws = _pick_sheet(wb, "requests")
        recs = list(_read(path, ws, REQUEST_COLUMNS, ServiceRequest, lk, problems, ws.title))
        assignments: dict[str, list[dict[str, Any]]] = {}
        asg_ws = next((w for w in wb.worksheets if normalise_header(w.title) in
                       (normalise_header(ASSIGNMENT_SHEET), "assignments")), None)
        if asg_ws is not None and asg_ws is not ws:
            numbers = {rec.get("number") for _, rec in recs}
            for row, a in _read(path, asg_ws, ASSIGNMENT_COLUMNS, RequestAssignment, lk, problems, asg_ws.title):
                if not _ok(*a.values()):
                    continue
                if a["number"] not in numbers:
                    problems.append(RowProblem(row, "工单编号", N_("{sheet}: request {number} is not in the request sheet"),
                                               {"sheet": asg_ws.title, "number": a["number"]}))
                    continue
                assignments.setdefault(a["number"], []).append(a)
    except OpsLedgerError:
        raise
    except Exception as exc:  # noqa: BLE001 - a part openpyxl cannot parse while streaming rows
        raise _unreadable(exc) from exc
    finally:
        wb.close()
    for row, rec in recs:
        _order(row, problems, rec, _REQ_ORDER, _REQ_LABELS)
        _status_instants(row, problems, rec, timeline.REQUEST_STATUS_INSTANTS, RequestStatus, _REQ_LABELS)
    _check_numbers(session, ServiceRequest, recs, _REQ_LABELS["number"], problems)
    if problems:
        problems.sort(key=lambda p: (p.row, p.column))
        raise ImportRejected(source, problems)
    result = ImportResult("requests", dry_run=dry_run)
    if dry_run:
        result.numbers = [rec.get("number") or "(new)" for _, rec in recs]
        return result
    _advance_sequences(session, [rec["number"] for _, rec in recs if rec.get("number")])
    now = utcnow()
    default_category = "other" if "other" in lk.categories.values() else ""
    children: list[Any] = []
    recs.reverse()
    while recs:
        _, rec = recs.pop()
        received = rec["received_at"]
        number = rec.get("number") or next_number(session, "SR", received.astimezone(LOCAL_TZ).year)
        req = ServiceRequest(
            id=uuid.uuid4(), number=number, contract_id=contract.id, channel=rec.get("channel") or "phone",
            category=rec.get("category") or default_category, service_id=rec.get("service"),
            title=rec["title"], description=rec.get("description", ""),
            requester_department=rec.get("requester_department", ""),
            requester_name=rec.get("requester_name", ""), requester_phone=rec.get("requester_phone", ""),
            status=rec.get("status") or _request_status(rec), assignee_id=rec.get("assignee"),
            received_at=received, responded_at=rec.get("responded_at"), resolved_at=rec.get("resolved_at"),
            closed_at=rec.get("closed_at"), resolution=rec.get("resolution", ""),
            followup_at=rec.get("followup_at"), followup_by=rec.get("followup_by", ""),
            satisfaction=rec.get("satisfaction"), complaint=bool(rec.get("complaint", False)),
            complaint_text=rec.get("complaint_text", ""), created_at=now, updated_at=now,
        )
        session.add(req)
        if number in assignments:
            children.extend(
                RequestAssignment(request_id=req.id, at=a["at"], from_engineer_id=a.get("from_engineer"),
                                  to_engineer_id=a.get("to_engineer"), actor=a.get("actor", ""), note=a.get("note", ""))
                for a in assignments[number])
        elif req.assignee_id:
            children.append(RequestAssignment(request_id=req.id, at=req.responded_at or received,
                                              to_engineer_id=req.assignee_id, actor=actor,
                                              note=f"imported from {source}"))
        result.numbers.append(number)
        if len(children) >= BATCH_ROWS:
            session.flush()
            session.add_all(children)
            children.clear()
    session.flush()
    session.add_all(children)
    audit.record(session, actor=actor, action="service_request.import", entity_kind="service_request",
                 summary=f"{result.count} service requests imported from {source}",
                 details={"file": source, "count": result.count})
    session.flush()
    return result
