"""Import of the service-request log (工单台账) with its assignments (派单).  The kind's part of the
one import structure (``row_import.RecordSpec``); see ``record_import`` for the rules."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from app.core import timeline
from app.core.i18n import N_
from app.core.vocab import RequestStatus
from app.errors import RowProblem
from app.services.transfer.columns import ASSIGNMENT_COLUMNS, ASSIGNMENT_SHEET, REQUEST_COLUMNS
from app.services.transfer.import_cells import _ok
from app.services.transfer.import_checks import ImportResult
from app.services.transfer.import_sheet import _read
from app.services.transfer.row_import import ImportContext, RecordSpec, Rows, run_import, side_sheet
from app.store.models import Contract, RequestAssignment, ServiceRequest

_REQUEST: Table = ServiceRequest.__table__  # type: ignore[assignment]
_ASSIGNMENT: Table = RequestAssignment.__table__  # type: ignore[assignment]
_TEXTS = ("description", "requester_department", "requester_name", "requester_phone", "resolution",
          "followup_by", "complaint_text")


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
    return run_import(session, contract, path, REQUESTS, actor=actor, dry_run=dry_run)


def _read_sides(ctx: ImportContext, wb: Any, ws: Any, recs: Rows) -> None:
    """Assignments of the ``派单记录`` sheet (number → [values]) into ``ctx.state``; a row naming a
    request the main sheet lacks is a problem."""
    assignments: dict[str, list[dict[str, Any]]] = {}
    asg_ws = side_sheet(wb, ws, ASSIGNMENT_SHEET, "assignments")
    if asg_ws is not None:
        numbers = {rec.get("number") for _, rec in recs}
        for row, a in _read(ctx.path, asg_ws, ASSIGNMENT_COLUMNS, RequestAssignment, ctx.lookups, ctx.problems,
                            asg_ws.title):
            if not _ok(*a.values()):
                continue
            if a["number"] not in numbers:
                ctx.problems.append(RowProblem(row, "工单编号", N_("{sheet}: request {number} is not in the request sheet"),
                                               {"sheet": asg_ws.title, "number": a["number"]}))
                continue
            assignments.setdefault(a["number"], []).append(a)
    ctx.state["assignments"] = assignments
    ctx.state["category"] = "other" if "other" in ctx.lookups.categories.values() else ""


def _check(ctx: ImportContext, recs: Rows) -> None:
    """Nothing across sheets beyond what ``_read_sides`` checks."""


def _rows(ctx: ImportContext, rec: dict[str, Any], number: str) -> Iterator[tuple[Table, dict[str, Any]]]:
    """The request row, then its assignments."""
    received = rec["received_at"]
    req: dict[str, Any] = {
        "id": uuid.uuid4(), "number": number, "contract_id": ctx.contract.id, "channel": rec.get("channel") or "phone",
        "category": rec.get("category") or ctx.state["category"], "service_id": rec.get("service"),
        "title": rec["title"], "status": REQUESTS.status_of(rec), "assignee_id": rec.get("assignee"),
        "received_at": received, "responded_at": rec.get("responded_at"), "resolved_at": rec.get("resolved_at"),
        "closed_at": rec.get("closed_at"), "followup_at": rec.get("followup_at"),
        "satisfaction": rec.get("satisfaction"), "complaint": bool(rec.get("complaint", False)),
        "created_at": ctx.now, "updated_at": ctx.now,
    }
    for key in _TEXTS:
        req[key] = rec.get(key, "")
    yield _REQUEST, req
    listed = ctx.state["assignments"].get(number)
    if listed is not None:
        for seq, a in enumerate(listed, 1):  # a new request: numbered from 1 (migration 0012)
            yield _ASSIGNMENT, {"request_id": req["id"], "at": a["at"], "from_engineer_id": a.get("from_engineer"),
                                "to_engineer_id": a.get("to_engineer"), "actor": a.get("actor", ""),
                                "note": a.get("note", ""), "seq": seq}
    elif req["assignee_id"]:
        yield _ASSIGNMENT, {"request_id": req["id"], "at": req["responded_at"] or received, "from_engineer_id": None,
                            "to_engineer_id": req["assignee_id"], "actor": ctx.actor,
                            "note": f"imported from {ctx.source}", "seq": 1}


REQUESTS = RecordSpec(
    kind="requests", model=ServiceRequest, columns=REQUEST_COLUMNS, order=timeline.REQUEST_ORDER,
    status_instants=timeline.REQUEST_STATUS_INSTANTS, statuses=RequestStatus,
    implied_status=((("closed_at",), "closed"), (("resolved_at",), "resolved"), (("responded_at",), "in_progress"),
                    (("assignee",), "assigned")),
    number_prefix="SR", number_instant="received_at", read_sides=_read_sides, check=_check, rows=_rows,
    audit_action="service_request.import", entity_kind="service_request", noun=N_("service request records"),
)
"""The service-request log's part of the one import structure."""
