"""The importer refuses exactly the timelines the workflow refuses (same cases, both paths).

Both check ``app.core.timeline``; these cases go through the real entry points: the incident and
request workflow functions on one side, ``import_incidents`` / ``import_requests`` on the other.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.core.timeutil import LOCAL_TZ
from app.errors import ImportRejected, ValidationError
from app.services.incident import workflow as inc_wf
from app.services.queries.lookup import get_contract, services_by_code
from app.services.servicedesk import requests as req_wf
from app.services.transfer.columns import INCIDENT_COLUMNS, REQUEST_COLUMNS
from app.services.transfer.record_import import import_incidents, import_requests
from app.store.models import Incident, ServiceRequest

BASE = datetime(2026, 6, 1, 9, 0)  # local (Beijing) wall time, as written in a workbook
INC_HEAD = {c.key: c.zh for c in INCIDENT_COLUMNS}
REQ_HEAD = {c.key: c.zh for c in REQUEST_COLUMNS}


def local(minutes: int | None) -> datetime | None:
    return None if minutes is None else BASE + timedelta(minutes=minutes)


def aware(minutes: int | None) -> datetime | None:
    value = local(minutes)
    return None if value is None else value.replace(tzinfo=LOCAL_TZ)


def _workbook(path: Path, headers: list[str], row: list) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(headers)
    wb.active.append(row)
    wb.save(path)
    return path


# (occurred, reported, responded, on-site, restored, closed) in minutes after 09:00
INCIDENT_CASES = {
    "in order": (0, 5, 10, 30, 60, 90),
    "all equal": (0, 0, 0, 0, 0, 0),
    "reported before occurred": (0, -5, 10, None, None, None),
    "responded before reported": (0, 5, 3, None, None, None),
    "on-site before responded": (0, 5, 10, 8, None, None),
    "restored before occurred": (0, 5, None, None, -1, None),
    "restored before responded": (0, 5, 40, None, 30, None),  # the importer used to accept it
    "closed before restored": (0, 5, 10, None, 60, 50),
}


def _incident_by_workflow(db, pinggu, times) -> str | None:
    occurred, reported, responded, onsite, restored, closed = (aware(t) for t in times)
    try:
        with db.session() as s:
            svc = services_by_code(s, pinggu)
            inc = inc_wf.create_incident(s, pinggu, actor="t", title="OA 无法登录", occurred_at=occurred,
                                         reported_at=reported, severity="P2", service_ids=[svc["oa"].id])
            fields = {k: v for k, v in (("responded_at", responded), ("onsite_at", onsite),
                                        ("restored_at", restored)) if v is not None}
            if fields:
                inc_wf.update_incident(s, inc.id, actor="t", **fields)
            if closed is not None:  # closing needs the incident taken first
                inc_wf.transition(s, inc.id, "in_progress", actor="t", at=responded)
                inc_wf.close_incident(s, inc.id, actor="t", cause_category="software", cause="进程挂起",
                                      resolution="重启服务", at=closed)
            s.rollback()  # only the verdict matters here
    except ValidationError as exc:
        return str(exc)
    return None


def _incident_by_import(db, tmp_path, times) -> list:
    keys = ["title", "severity", "services", "cause_category", "cause", "resolution", "occurred_at",
            "reported_at", "responded_at", "onsite_at", "restored_at", "closed_at"]
    row = ["OA 无法登录", "P2", "oa", "软件", "进程挂起", "重启服务", *(local(t) for t in times)]
    path = _workbook(tmp_path / "inc.xlsx", [INC_HEAD[k] for k in keys], row)
    try:
        with db.session() as s:
            import_incidents(s, get_contract(s), path, dry_run=True)
    except ImportRejected as exc:
        return exc.problems
    return []


@pytest.mark.parametrize("case", list(INCIDENT_CASES))
def test_incident_timeline_refused_by_both_or_neither(db, pinggu, tmp_path, case):
    times = INCIDENT_CASES[case]
    by_hand = _incident_by_workflow(db, pinggu, times)
    imported = _incident_by_import(db, tmp_path, times)
    assert (by_hand is not None) == bool(imported), (case, by_hand, imported)
    if by_hand is not None:
        assert any(p.message in by_hand for p in imported), (by_hand, imported)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Incident)) == 0


# (received, responded, resolved, closed, follow-up) in minutes after 09:00
REQUEST_CASES = {
    "in order": (0, 5, 30, 40, 60),
    "responded before received": (0, -1, None, None, None),
    "resolved before responded": (0, 10, 5, None, None),
    "closed before resolved": (0, 5, 30, 20, None),
    "follow-up before resolved": (0, 5, 30, None, 20),  # the importer used to accept it
}


def _request_by_workflow(db, pinggu, times) -> str | None:
    received, responded, resolved, closed, followup = (aware(t) for t in times)
    try:
        with db.session() as s:
            req = req_wf.create_request(s, pinggu, actor="t", title="打印机卡纸", category="other",
                                        received_at=received)
            if responded is not None:
                req_wf.respond_request(s, req.id, actor="t", at=responded)
            if resolved is not None:
                req_wf.resolve_request(s, req.id, actor="t", resolution="已处理", at=resolved)
            if closed is not None:
                req_wf.close_request(s, req.id, actor="t", at=closed)
            if followup is not None:
                req_wf.record_followup(s, req.id, actor="t", satisfaction="satisfied", at=followup)
            s.rollback()
    except ValidationError as exc:
        return str(exc)
    return None


def _request_by_import(db, tmp_path, times) -> list:
    keys = ["title", "category", "resolution", "received_at", "responded_at", "resolved_at", "closed_at",
            "followup_at"]
    row = ["打印机卡纸", "other", "已处理", *(local(t) for t in times)]
    path = _workbook(tmp_path / "req.xlsx", [REQ_HEAD[k] for k in keys], row)
    try:
        with db.session() as s:
            import_requests(s, get_contract(s), path, dry_run=True)
    except ImportRejected as exc:
        return exc.problems
    return []


@pytest.mark.parametrize("case", list(REQUEST_CASES))
def test_request_timeline_refused_by_both_or_neither(db, pinggu, tmp_path, case):
    times = REQUEST_CASES[case]
    by_hand = _request_by_workflow(db, pinggu, times)
    imported = _request_by_import(db, tmp_path, times)
    assert (by_hand is not None) == bool(imported), (case, by_hand, imported)
    if by_hand is not None:
        assert any(p.message in by_hand for p in imported), (by_hand, imported)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ServiceRequest)) == 0


def test_imported_status_needs_its_instants(db, pinggu, tmp_path):
    keys = ["title", "severity", "services", "status", "occurred_at", "restored_at"]
    path = _workbook(tmp_path / "st.xlsx", [INC_HEAD[k] for k in keys],
                     ["OA 无法登录", "P2", "oa", "已关闭", local(0), local(30)])
    with pytest.raises(ImportRejected) as err, db.session() as s:
        import_incidents(s, get_contract(s), path, dry_run=True)
    assert [(p.column, p.message) for p in err.value.problems] == [
        (INC_HEAD["closed_at"], "状态为“已关闭”时须填写关闭时间")]
