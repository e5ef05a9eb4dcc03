"""Excel exports of the fault log, requests, requirements and work log: content and hygiene."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl

from app.core.timeutil import LOCAL_TZ, as_utc, utcnow
from app.services.incident.workflow import create_incident
from app.services.queries.lookup import engineers_by_name, get_contract, services_by_code
from app.services.transfer.columns import (
    HISTORY_SHEET,
    INCIDENT_COLUMNS,
    MAIN_SHEET,
    NO_CALENDAR,
    REQUEST_COLUMNS,
    SERVICES_SHEET,
)
from app.services.transfer.record_export import (
    export_incidents,
    export_requests,
    export_requirements,
    export_worklog,
)
from app.store.db import Database
from app.store.models import (
    Contract,
    Engineer,
    Incident,
    IncidentEvent,
    IncidentService,
    RequestAssignment,
    Requirement,
    ServiceRequest,
    WorkLogEntry,
)


def L(*args: int) -> datetime:
    """Local Beijing wall-clock time → aware UTC."""
    return as_utc(datetime(*args, tzinfo=LOCAL_TZ))


def make_closed_incident(s, contract: Contract, **over) -> Incident:
    """A closed incident with a full timeline, made with create_incident + ORM edits + events."""
    svc = services_by_code(s, contract)
    eng = engineers_by_name(s, contract)
    inc = create_incident(
        s, contract, actor="test", title=over.get("title", "统一业务系统无法登录"),
        occurred_at=L(2026, 5, 6, 9, 10), reported_at=L(2026, 5, 6, 9, 15), severity="P2",
        source="phone", description=over.get("description", "第一行\n第二行：登录超时"),
        service_ids=[svc["uni-biz"].id, svc["oa"].id],
        reporter_department="立案庭", reporter_name="张三", reporter_phone="13900000000",
    )
    inc.assignee_id = eng["李晓明"].id
    inc.responded_at = L(2026, 5, 6, 9, 25)
    inc.onsite_at = L(2026, 5, 6, 9, 40)
    inc.restored_at = L(2026, 5, 6, 11, 5)
    inc.closed_at = L(2026, 5, 6, 16, 0)
    inc.status = "closed"
    inc.cause_category = "software"
    inc.cause = "中间件连接池耗尽"
    inc.resolution = "重启中间件并调大连接池"
    inc.vendor_case_number = "VC-2026-77"
    inc.root_cause_analysis = "连接泄漏\n已提交厂商"
    s.flush()
    for link in s.query(IncidentService).filter_by(incident_id=inc.id):
        link.downtime_end = inc.restored_at
        if link.service_id == svc["oa"].id:
            link.downtime_start = L(2026, 5, 6, 9, 30)
            link.downtime_end = L(2026, 5, 6, 10, 0)
            link.downtime_edited = True
    prev = "new"
    for status, at in (("assigned", inc.responded_at), ("in_progress", inc.onsite_at),
                       ("restored", inc.restored_at), ("closed", inc.closed_at)):
        s.add(IncidentEvent(incident_id=inc.id, at=at, actor="test", kind="status",
                            from_status=prev, to_status=status))
        prev = status
    s.flush()
    return inc


def make_request(s, contract: Contract, number: str = "SR-2026-0001") -> ServiceRequest:
    """A closed, followed-up service request with a complaint, via the ORM."""
    eng = engineers_by_name(s, contract)
    svc = services_by_code(s, contract)
    now = utcnow()
    r = ServiceRequest(
        number=number, contract_id=contract.id, channel="instant_message", category="account",
        service_id=svc["oa"].id, title="新入职人员开通OA账号", description="王五 刑庭\n需要审批权限",
        requester_department="政治处", requester_name="赵六", requester_phone="010-6999",
        status="closed", assignee_id=eng["王建国"].id, received_at=L(2026, 5, 7, 10, 0),
        responded_at=L(2026, 5, 7, 10, 20), resolved_at=L(2026, 5, 7, 14, 0), closed_at=L(2026, 5, 8, 9, 0),
        resolution="已开通", followup_at=L(2026, 5, 8, 9, 0), followup_by="王建国",
        satisfaction="mostly_satisfied", complaint=True, complaint_text="开通慢",
        created_at=now, updated_at=now,
    )
    s.add(r)
    s.flush()
    s.add(RequestAssignment(request_id=r.id, at=L(2026, 5, 7, 10, 5), to_engineer_id=eng["王建国"].id,
                            actor="王建国", note="值班派单"))
    s.flush()
    return r


def _rows(path: Path, sheet: str) -> list[tuple]:
    wb = openpyxl.load_workbook(path)
    return list(wb[sheet].iter_rows(values_only=True))


def test_incident_export_writes_fields_sla_services_and_history(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    with db.session() as s:
        c = get_contract(s)
        make_closed_incident(s, c)
    out = tmp_path / "faults.xlsx"
    with db.session() as s:
        export_incidents(s, get_contract(s), date(2026, 5, 1), date(2026, 5, 31), out)
    rows = _rows(out, MAIN_SHEET["incidents"])
    header, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert list(header) == [c.zh for c in INCIDENT_COLUMNS]
    assert row["故障编号"] == "INC-2026-0001"
    assert row["发生时间"] == datetime(2026, 5, 6, 9, 10)  # local wall clock, a real date cell
    assert row["恢复时间"] == datetime(2026, 5, 6, 11, 5)
    assert row["处理人"] == "李晓明"
    assert row["影响业务系统"] == "oa; uni-biz"
    assert row["故障描述"] == "第一行\n第二行：登录超时"
    # 5x8 calendar (P2): reported 09:15 → responded 09:25 = 10 min, restored 11:05 = 110 min.
    assert row["响应时长(分钟)"] == 10 and row["响应目标(分钟)"] == 30
    assert row["响应达标"] == "达标"
    assert row["恢复时长(分钟)"] == 110 and row["恢复目标(分钟)"] == 480  # from reported 09:15
    svc_rows = _rows(out, SERVICES_SHEET)
    oa = next(r for r in svc_rows[1:] if r[1] == "oa")
    assert oa[3] == datetime(2026, 5, 6, 9, 30) and oa[4] == datetime(2026, 5, 6, 10, 0) and oa[5] == "是"
    hist = _rows(out, HISTORY_SHEET)
    assert [r[5] for r in hist[1:]] == ["new", "assigned", "in_progress", "restored", "closed"]


def test_export_hygiene_formula_text_control_chars_and_date_cells(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    with db.session() as s:
        c = get_contract(s)
        make_closed_incident(s, c, title="=cmd|' /C calc'!A0", description="\x1b[31m红色\x1b[0m =1+1")
    out = tmp_path / "faults.xlsx"
    with db.session() as s:
        export_incidents(s, get_contract(s), date(2026, 5, 6), date(2026, 5, 6), out)
    wb = openpyxl.load_workbook(out)
    ws = wb[MAIN_SHEET["incidents"]]
    title = ws.cell(row=2, column=2)
    assert title.value == "=cmd|' /C calc'!A0" and title.data_type == "s"
    assert ws.cell(row=2, column=18).value == "\ufffd[31m红色\ufffd[0m =1+1"
    occurred = ws.cell(row=2, column=6)
    assert occurred.is_date and isinstance(occurred.value, datetime)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref


def test_incident_in_a_year_without_holiday_calendar_is_marked_not_crashing(
    db: Database, pinggu: Contract, tmp_path: Path
) -> None:
    with db.session() as s:
        c = get_contract(s)
        create_incident(s, c, actor="t", title="远期", occurred_at=L(2031, 3, 2, 9, 0), severity="P2")
    out = tmp_path / "f.xlsx"
    with db.session() as s:
        export_incidents(s, get_contract(s), date(2031, 3, 1), date(2031, 3, 31), out,
                         now=L(2031, 3, 2, 12, 0))
    row = dict(zip(*_rows(out, MAIN_SHEET["incidents"])[:2], strict=True))
    assert row["响应时长(分钟)"] == NO_CALENDAR


def test_date_range_is_local_days_inclusive(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    with db.session() as s:
        c = get_contract(s)
        # 2026-05-31 23:30 Beijing is 15:30 UTC on the 31st; 2026-06-01 00:10 Beijing is May 31 UTC.
        create_incident(s, c, actor="t", title="in", occurred_at=L(2026, 5, 31, 23, 30), severity="P3")
        create_incident(s, c, actor="t", title="out", occurred_at=L(2026, 6, 1, 0, 10), severity="P3")
    out = tmp_path / "f.xlsx"
    with db.session() as s:
        export_incidents(s, get_contract(s), date(2026, 5, 1), date(2026, 5, 31), out)
    titles = [r[1] for r in _rows(out, MAIN_SHEET["incidents"])[1:]]
    assert titles == ["in"]


def test_requests_requirements_worklog_exports(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    with db.session() as s:
        c = get_contract(s)
        make_request(s, c)
        eng = s.query(Engineer).filter_by(contract_id=c.id, name="王建国").one()
        s.add(Requirement(number="RQ-2026-0001", contract_id=c.id, title="增加庭审排期导出",
                          description="按周导出", status="collected", collected_at=L(2026, 5, 9, 10, 0),
                          updated_at=L(2026, 5, 9, 10, 0)))
        s.add(WorkLogEntry(contract_id=c.id, engineer_id=eng.id, work_date=date(2026, 5, 9),
                           started_at=L(2026, 5, 9, 9, 0), duration_minutes=45, summary="=SUM(A1) 巡检",
                           source_kind="manual", source_id=None))
    with db.session() as s:
        c = get_contract(s)
        r_out = export_requests(s, c, date(2026, 5, 1), date(2026, 5, 31), tmp_path / "r.xlsx")
        q_out = export_requirements(s, c, date(2026, 5, 1), date(2026, 5, 31), tmp_path / "q.xlsx")
        w_out = export_worklog(s, c, date(2026, 5, 1), date(2026, 5, 31), tmp_path / "w.xlsx")
    rows = _rows(r_out, MAIN_SHEET["requests"])
    assert list(rows[0]) == [c.zh for c in REQUEST_COLUMNS]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["满意度"] == "基本满意" and row["投诉"] == "是" and row["受理时间"] == datetime(2026, 5, 7, 10, 0)
    assert row["响应时长(分钟)"] == 20 and row["响应达标"] == "达标"
    q = _rows(q_out, MAIN_SHEET["requirements"])
    assert q[1][0] == "RQ-2026-0001" and q[1][4] == datetime(2026, 5, 9, 10, 0)
    wb = openpyxl.load_workbook(w_out)
    ws = wb[MAIN_SHEET["worklog"]]
    assert ws.cell(2, 1).is_date and ws.cell(2, 2).value == "王建国"
    assert ws.cell(2, 5).value == "=SUM(A1) 巡检" and ws.cell(2, 5).data_type == "s"


def test_cli_export_incidents(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    from app.cli import main

    with db.session() as s:
        make_closed_incident(s, get_contract(s))
    url = str(db.engine.url)
    db.close()
    out = tmp_path / "cli.xlsx"
    assert main(["export", "incidents", "--db", url.replace("sqlite:///", ""), "--from", "2026-05-01",
                 "--to", "2026-05-31", "--out", str(out)]) == 0
    assert _rows(out, MAIN_SHEET["incidents"])[1][0] == "INC-2026-0001"





class _Progress:
    def __init__(self, cancel: bool) -> None:
        self.cancelled = cancel
        self.reports: list[tuple[int, int]] = []

    def report(self, done: int, total: int) -> None:
        self.reports.append((done, total))


def test_export_reports_progress_and_cancel_writes_nothing(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    with db.session() as s:
        c = get_contract(s)
        for i in range(3):
            create_incident(s, c, actor="t", title=f"t{i}", occurred_at=L(2026, 5, 6, 9, i), severity="P3")
    with db.session() as s:
        p = _Progress(cancel=False)
        export_incidents(s, get_contract(s), date(2026, 5, 1), date(2026, 5, 31), tmp_path / "a.xlsx", progress=p)
        assert p.reports == [(3, 3)] and (tmp_path / "a.xlsx").exists()
        export_incidents(s, get_contract(s), date(2026, 5, 1), date(2026, 5, 31), tmp_path / "b.xlsx",
                         progress=_Progress(cancel=True))
        assert not (tmp_path / "b.xlsx").exists()
