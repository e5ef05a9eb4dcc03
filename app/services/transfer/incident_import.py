"""Import of the fault log (故障台账): incidents, their affected services and assets, and their
history (the ``处理记录`` sheet or one rebuilt from the timeline), SLA figures of closed incidents
stored as ``close_incident`` would.  The kind's part of the one import structure
(``row_import.RecordSpec``); see ``record_import`` for the rules."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.core import i18n, timeline
from app.core.i18n import N_
from app.core.profile import profile_of
from app.core.vocab import IncidentEventKind, IncidentStatus, codes
from app.errors import OpsLedgerError, RowProblem
from app.services.transfer.columns import (
    HISTORY_COLUMNS,
    HISTORY_SHEET,
    INCIDENT_COLUMNS,
    INCIDENT_SERVICE_COLUMNS,
    SERVICES_SHEET,
    CodeLabel,
)
from app.services.transfer.import_cells import _ok
from app.services.transfer.import_checks import ImportResult
from app.services.transfer.import_sheet import _read
from app.services.transfer.row_import import ImportContext, RecordSpec, Rows, run_import, side_sheet
from app.store.models import (
    Asset,
    Contract,
    Incident,
    IncidentAsset,
    IncidentEvent,
    IncidentService,
    Service,
)
from app.store.search_index import incident_fts_deferred

_INCIDENT: Table = Incident.__table__  # type: ignore[assignment]
_LINK: Table = IncidentService.__table__  # type: ignore[assignment]
_ASSET: Table = IncidentAsset.__table__  # type: ignore[assignment]
_EVENT: Table = IncidentEvent.__table__  # type: ignore[assignment]
_TEXTS = ("description", "reporter_department", "reporter_name", "reporter_phone", "cause_category", "cause",
          "resolution", "vendor_case_number", "root_cause_analysis")


def import_incidents(
    session: Session,
    contract: Contract,
    path: str | Path,
    *,
    actor: str = "import",
    dry_run: bool = False,
) -> ImportResult:
    """Import the fault log in ``path`` (layout of ``export_incidents``) into ``contract``.

    Checks the whole file first; raises ``ImportRejected`` listing every problem (nothing
    written) or ``ValidationError`` for a file that is not a safe .xlsx workbook.  With
    ``dry_run`` only checks.  Otherwise writes, in the session's transaction, incidents, affected
    services (downtime windows from the ``影响业务系统`` sheet when present, else occurred →
    restored), affected assets, history events and one audit event; the caller commits.
    """
    return run_import(session, contract, path, INCIDENTS, actor=actor, dry_run=dry_run)


def _read_sides(ctx: ImportContext, wb: Any, ws: Any, recs: Rows) -> None:
    """Downtime windows (``影响业务系统``: number → service id → window) and history rows
    (``处理记录``: number → [(row, values)]) into ``ctx.state``."""
    windows: dict[str, dict[uuid.UUID, dict[str, Any]]] = {}
    svc_ws = side_sheet(wb, ws, SERVICES_SHEET, "affected services")
    if svc_ws is not None:
        for row, w in _read(ctx.path, svc_ws, INCIDENT_SERVICE_COLUMNS, None, ctx.lookups, ctx.problems,
                            svc_ws.title):
            if not _ok(w.get("number"), w.get("service"), w.get("downtime_start"), w.get("downtime_end")):
                continue
            a, b = w.get("downtime_start"), w.get("downtime_end")
            if a and b and b < a:
                ctx.problems.append(RowProblem(row, "停机结束", N_("{sheet}: downtime ends before it starts"),
                                               {"sheet": svc_ws.title}))
                continue
            w["_row"] = row
            windows.setdefault(w["number"], {})[w["service"]] = w
    hist_ws = side_sheet(wb, ws, HISTORY_SHEET, "history")
    history: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    if hist_ws is not None:
        for row, h in _read(ctx.path, hist_ws, HISTORY_COLUMNS, IncidentEvent, ctx.lookups, ctx.problems,
                            hist_ws.title):
            if _ok(*h.values()):
                history.setdefault(h["number"], []).append((row, h))
    ctx.state.update(windows=windows, history=history,
                     history_label=hist_ws.title if hist_ws is not None else HISTORY_SHEET,
                     note=i18n._("imported from {source}", source=ctx.source),
                     clocks=_ClosedClocks(ctx.session, ctx.contract))


def _check(ctx: ImportContext, recs: Rows) -> None:
    """Windows name an incident of the main sheet and one of its services; history rows pass
    ``_check_history``."""
    problems, lk = ctx.problems, ctx.lookups
    windows, history = ctx.state["windows"], ctx.state["history"]
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
        _check_history(num, entries, by_number.get(num), ctx.state["history_label"], problems)


def _rows(ctx: ImportContext, rec: dict[str, Any], number: str) -> Iterator[tuple[Table, dict[str, Any]]]:
    """The incident row (with its SLA figures when closed), then its links, assets and events."""
    occurred = rec["occurred_at"]
    inc: dict[str, Any] = {
        "id": uuid.uuid4(), "number": number, "contract_id": ctx.contract.id, "title": rec["title"],
        "severity": rec["severity"], "source": rec.get("source") or "phone", "status": INCIDENTS.status_of(rec),
        "assignee_id": rec.get("assignee"), "occurred_at": occurred, "reported_at": rec.get("reported_at") or occurred,
        "responded_at": rec.get("responded_at"), "onsite_at": rec.get("onsite_at"),
        "restored_at": rec.get("restored_at"), "closed_at": rec.get("closed_at"),
        "created_at": ctx.now, "updated_at": ctx.now, "version": 1,
        "response_minutes": None, "restore_minutes": None, "response_breached": None, "restore_breached": None,
    }
    for key in _TEXTS:
        inc[key] = rec.get(key, "")
    iid = inc["id"]
    history = ctx.state["history"].get(number)
    if history is not None:
        events = [{"incident_id": iid, "at": h["at"], "actor": h.get("actor", ""), "kind": h["kind"],
                   "from_status": h.get("from_status", ""), "to_status": h.get("to_status", ""),
                   "changes": h.get("changes") or {}, "note": h.get("note", "")} for _, h in history]
    else:
        events = _incident_events(inc, ctx.actor, ctx.state["note"])
    ctx.state["clocks"].store(inc, events, tuple(rec.get("services") or ()), tuple(rec.get("assets") or ()))  # figures go out with the INSERT (no UPDATE, no 2nd FTS write)
    yield _INCIDENT, inc
    own = ctx.state["windows"].get(number, {})
    for sid in rec.get("services") or []:
        w = own.get(sid)
        if w is not None:
            start, end, edited = w.get("downtime_start"), w.get("downtime_end"), bool(w.get("downtime_edited"))
        else:
            start, end, edited = occurred, rec.get("restored_at"), False
        yield _LINK, {"incident_id": iid, "service_id": sid, "downtime_start": start, "downtime_end": end,
                      "downtime_edited": edited}
    for aid in rec.get("assets") or []:
        yield _ASSET, {"incident_id": iid, "asset_id": aid}
    for seq, ev in enumerate(events, 1):  # a new incident: its history is numbered from 1 (migration 0012)
        ev["seq"] = seq
        yield _EVENT, ev


EVENT_KINDS = codes(IncidentEventKind)
STATUS_CODES = codes(IncidentStatus)


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
            if h.get(key) and h[key] not in STATUS_CODES:
                problems.append(RowProblem(row, zh, N_("{sheet}: unknown status “{status}”"), {"sheet": label, "status": h[key]}))
                return
        text = h.get("changes") or ""
        try:
            h["changes"] = json.loads(text) if text.strip() else None  # written as {} (no dict held per row)
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
    final = INCIDENTS.status_of(rec)
    if prev != final:
        problems.append(RowProblem(entries[-1][0], "新状态",
                                   N_("{sheet}: the history of {number} ends in {status} but the record's status is {final}"),
                                   {"sheet": label, "number": number, "status": CodeLabel(prev), "final": CodeLabel(final)}))


def _incident_events(inc: dict[str, Any], actor: str, note: str) -> list[dict[str, Any]]:
    """``created`` plus status events along the workflow up to the incident's status at the
    recorded instants (a step without its own instant takes the latest earlier one); ``inc`` is
    the incident row's values."""
    iid = inc["id"]

    def event(at: datetime, kind: str, from_status: str, to_status: str) -> dict[str, Any]:
        return {"incident_id": iid, "at": at, "actor": actor, "kind": kind, "from_status": from_status,
                "to_status": to_status, "changes": {}, "note": note}

    reported, responded, onsite = inc["reported_at"], inc["responded_at"], inc["onsite_at"]
    events = [event(reported, "created", "", "new")]
    target = inc["status"]
    steps: list[tuple[str, datetime | None]] = []
    if target == "assigned" or (inc["assignee_id"] and target != "new"):
        steps.append(("assigned", responded or reported))
    if target in ("in_progress", "pending", "restored", "closed"):
        steps.append(("in_progress", onsite or responded))
    if target == "pending":
        latest = max(t for t in (reported, responded, onsite) if t)
        steps.append(("pending", latest))
    if target in ("restored", "closed"):
        steps.append(("restored", inc["restored_at"]))
    if target == "closed":
        steps.append(("closed", inc["closed_at"]))
    prev, at_prev = "new", reported
    for status, at in steps:
        at = max(at or at_prev, at_prev) if status != "restored" else (at or at_prev)
        events.append(event(at, "status", prev, status))
        prev, at_prev = status, at
    return events


class _ClosedClocks:
    """Stores the SLA figures of closed incidents, as closing in the app does; calendars are
    loaded once and every clock shares their minute index.  A year without a holiday calendar
    leaves the figures empty."""

    def __init__(self, session: Session, contract: Contract) -> None:
        self.contract = contract
        self.session = session
        self._calendars: Any = None
        self._profile: Any = None
        self._failed = False
        self._codes: dict[Any, str] | None = None  # service and asset id → code, for scopes
        self._scopes: dict[tuple[tuple[Any, ...], tuple[Any, ...]], tuple[str, ...]] = {}
        self._rules: dict[Any, Any] = {}  # targets and calendars per kind of incident (sla.incident_clocks)

    def _scope(self, service_ids: tuple[Any, ...], asset_ids: tuple[Any, ...]) -> tuple[str, ...]:
        """The group/class codes (``ContractProfile.scopes_of``) of an incident touching these
        services and assets — what ``sla.incident_scope`` reads for an incident in the ledger."""
        prof = self._profile
        if not (prof.service_groups or prof.asset_classes) or not (service_ids or asset_ids):
            return ()
        key = (service_ids, asset_ids)
        known = self._scopes.get(key)
        if known is None:
            if self._codes is None:
                cid = self.contract.id
                self._codes = {}
                for model in (Service, Asset):
                    self._codes.update(self.session.execute(select(model.id, model.code)
                                                            .where(model.contract_id == cid)).all())
            codes = self._codes
            known = self._scopes[key] = prof.scopes_of(
                services=[codes.get(i, "") for i in service_ids], assets=[codes.get(i, "") for i in asset_ids])
        return known

    def store(self, inc: dict[str, Any], events: list[dict[str, Any]], service_ids: tuple[Any, ...] = (),
              asset_ids: tuple[Any, ...] = ()) -> None:
        """Set ``response_minutes``/``restore_minutes`` and the breach flags of ``inc`` (row
        values) from its ``events`` when it is closed, with the targets of the scope its
        ``service_ids``/``asset_ids`` fall in."""
        if inc["status"] != "closed" or not inc["closed_at"] or self._failed:
            return
        if self._calendars is None:
            try:
                from app.services.calendar.service_time import load_calendars

                self._calendars = load_calendars(self.session, self.contract)
                self._profile = profile_of(self.contract)
            except (ImportError, OpsLedgerError):
                self._failed = True
                return
        from app.services.incident.sla import incident_clocks

        try:
            clocks = incident_clocks(inc, events, self._profile, self._calendars, inc["closed_at"],
                                     self._scope(service_ids, asset_ids), explain=False, rules=self._rules)
        except OpsLedgerError:
            return
        inc["response_minutes"] = clocks.response_minutes
        inc["restore_minutes"] = clocks.restore_minutes
        inc["response_breached"] = clocks.response_breached
        inc["restore_breached"] = clocks.restore_breached


INCIDENTS = RecordSpec(
    kind="incidents", model=Incident, columns=INCIDENT_COLUMNS, order=timeline.INCIDENT_ORDER,
    status_instants=timeline.INCIDENT_STATUS_INSTANTS, statuses=IncidentStatus,
    implied_status=((("closed_at",), "closed"), (("restored_at",), "restored"),
                    (("responded_at", "onsite_at"), "in_progress"), (("assignee",), "assigned")),
    number_prefix="INC", number_instant="occurred_at", read_sides=_read_sides, check=_check, rows=_rows,
    audit_action="incident.import", entity_kind="incident", noun=N_("incident records"), bulk=incident_fts_deferred,
)
"""The fault log's part of the one import structure."""
