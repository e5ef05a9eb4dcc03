"""Importing an Excel fault log / request log: round trip, whole-file refusal, date rules."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.core.timeutil import LOCAL_TZ, as_utc
from app.errors import ImportRejected
from app.services.incident.workflow import create_incident
from app.services.queries.lookup import get_contract
from app.services.transfer.columns import INCIDENT_COLUMNS, MAIN_SHEET, REQUEST_COLUMNS
from app.services.transfer.record_export import export_incidents, export_requests
from app.services.transfer.record_import import (
    import_incidents,
    import_requests,
    parse_datetime_text,
)
from app.store.db import Database, open_database
from app.store.models import (
    Asset,
    AuditEvent,
    Contract,
    Engineer,
    Incident,
    IncidentAsset,
    IncidentEvent,
    IncidentService,
    RequestAssignment,
    Service,
    ServiceRequest,
)
from tests.conftest import load_contract
from tests.services.transfer.test_record_export import L, make_closed_incident, make_request

INC_FIELDS = ["number", "title", "description", "severity", "source", "status", "reporter_department",
              "reporter_name", "reporter_phone", "occurred_at", "reported_at", "responded_at", "onsite_at",
              "restored_at", "closed_at", "cause_category", "cause", "resolution", "vendor_case_number",
              "root_cause_analysis"]
REQ_FIELDS = ["number", "channel", "category", "title", "description", "requester_department", "requester_name",
              "requester_phone", "status", "received_at", "responded_at", "resolved_at", "closed_at", "resolution",
              "followup_at", "followup_by", "satisfaction", "complaint", "complaint_text"]


def _incident_snapshot(s, inc: Incident) -> dict:
    snap = {f: getattr(inc, f) for f in INC_FIELDS}
    snap["assignee"] = s.get(Engineer, inc.assignee_id).name if inc.assignee_id else None
    snap["services"] = sorted(
        (s.get(Service, link.service_id).code, link.downtime_start, link.downtime_end, link.downtime_edited)
        for link in s.scalars(select(IncidentService).where(IncidentService.incident_id == inc.id))
    )
    snap["assets"] = sorted(
        s.get(Asset, a.asset_id).code
        for a in s.scalars(select(IncidentAsset).where(IncidentAsset.incident_id == inc.id))
    )
    return snap


@pytest.fixture
def fresh(tmp_path: Path):
    """A second, fresh database with the same profile loaded."""
    database = open_database(tmp_path / "fresh.sqlite3")
    load_contract(database, "pinggu-court-2026")
    yield database
    database.close()


def _counts(database: Database) -> tuple[int, int, int, int]:
    with database.session() as s:
        return (s.scalar(select(func.count()).select_from(Incident)),
                s.scalar(select(func.count()).select_from(IncidentEvent)),
                s.scalar(select(func.count()).select_from(IncidentService)),
                s.scalar(select(func.count()).select_from(AuditEvent)))


def test_incident_round_trip_into_fresh_database_keeps_every_field(
    db: Database, pinggu: Contract, fresh: Database, tmp_path: Path
) -> None:
    with db.session() as s:
        c = get_contract(s)
        closed = make_closed_incident(s, c)
        s.add(IncidentAsset(incident_id=closed.id,
                            asset_id=s.scalar(select(Asset.id).where(Asset.code == "DB-01"))))
        create_incident(s, c, actor="t", title="网站打不开", occurred_at=L(2026, 5, 10, 22, 5),
                        reported_at=L(2026, 5, 10, 22, 7), severity="P1", source="monitoring",
                        description="x" * 32_000 + "\n尾", service_ids=[s.scalar(select(Service.id).where(Service.code == "website"))])
    out = tmp_path / "faults.xlsx"
    with db.session() as s:
        export_incidents(s, get_contract(s), date(2026, 5, 1), date(2026, 5, 31), out)
        before = {i.number: _incident_snapshot(s, i) for i in s.scalars(select(Incident))}
    with fresh.session() as s:
        result = import_incidents(s, get_contract(s), out, actor="tester")
    assert sorted(result.numbers) == sorted(before)
    with fresh.session() as s:
        after = {i.number: _incident_snapshot(s, i) for i in s.scalars(select(Incident))}
        assert after == before
        # History reconstructs the path so the SLA clocks read it like an app-made record.
        inc = s.scalar(select(Incident).where(Incident.number == "INC-2026-0001"))
        evs = s.scalars(select(IncidentEvent).where(IncidentEvent.incident_id == inc.id).order_by(IncidentEvent.at)).all()
        assert [(e.kind, e.to_status) for e in evs] == [
            ("created", "new"), ("status", "assigned"), ("status", "in_progress"), ("status", "restored"),
            ("status", "closed")]
        assert evs[-1].at == inc.closed_at and evs[-2].at == inc.restored_at
        assert inc.response_minutes == 10 and inc.response_breached is False
        # New incidents continue after the imported numbers.
        nxt = create_incident(s, get_contract(s), actor="t", title="n", occurred_at=L(2026, 6, 1, 9, 0))
        assert nxt.number == "INC-2026-0003"


def test_request_round_trip_keeps_every_field(db: Database, pinggu: Contract, fresh: Database, tmp_path: Path) -> None:
    with db.session() as s:
        make_request(s, get_contract(s))
    out = tmp_path / "requests.xlsx"
    with db.session() as s:
        export_requests(s, get_contract(s), date(2026, 5, 1), date(2026, 5, 31), out)
        r = s.scalar(select(ServiceRequest))
        before = {f: getattr(r, f) for f in REQ_FIELDS}
        before["assignee"] = s.get(Engineer, r.assignee_id).name
        before["service"] = s.get(Service, r.service_id).code
    with db.session() as s:
        akey = lambda a: (a.at, a.actor, a.note, a.from_engineer_id is None,  # noqa: E731
                          s.get(Engineer, a.to_engineer_id).name)
        assign_before = [akey(a) for a in s.scalars(select(RequestAssignment))]
    with fresh.session() as s:
        import_requests(s, get_contract(s), out)
    with fresh.session() as s:
        assert [akey(a) for a in s.scalars(select(RequestAssignment))] == assign_before
        r = s.scalar(select(ServiceRequest))
        after = {f: getattr(r, f) for f in REQ_FIELDS}
        after["assignee"] = s.get(Engineer, r.assignee_id).name
        after["service"] = s.get(Service, r.service_id).code
    assert after == before


def _workbook(path: Path, headers: list[str], rows: list[list], sheet: str = "Sheet1") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


ZH = ["故障编号", "故障标题", "故障级别", "发生时间", "恢复时间", "影响业务系统"]


def test_broken_workbook_lists_every_problem_and_writes_nothing(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    path = _workbook(tmp_path / "broken.xlsx", ZH, [
        ["", "正常一行", "P2", datetime(2026, 5, 6, 9, 0), None, "oa"],                     # row 2 ok
        ["", "级别错", "P9", datetime(2026, 5, 6, 9, 0), None, "oa"],                      # row 3
        ["", "系统错", "P2", datetime(2026, 5, 6, 9, 0), None, "不存在的系统"],             # row 4
        ["", "日期错", "P2", "昨天", None, "oa"],                                          # row 5
        ["", "恢复早于发生", "P2", datetime(2026, 5, 6, 9, 0), datetime(2026, 5, 6, 8, 0), "oa"],  # row 6
        ["", None, "P2", datetime(2026, 5, 6, 9, 0), None, "oa"],                          # row 7
    ])
    before = _counts(db)
    with db.session() as s, pytest.raises(ImportRejected) as err:
        import_incidents(s, get_contract(s), path)
    got = [(p.row, p.column) for p in err.value.problems]
    assert got == [(3, "故障级别"), (4, "影响业务系统"), (5, "发生时间"), (6, "恢复时间"), (7, "故障标题")]
    msgs = {p.row: p.message for p in err.value.problems}
    assert "P9" in msgs[3] and "不存在的系统" in msgs[4] and "昨天" in msgs[5]
    assert "broken.xlsx" in str(err.value) and "第 5 行“发生时间”：" in str(err.value)
    assert _counts(db) == before


def test_english_headers_any_order_and_text_dates(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    forms = ["2024/03/05 14:30", "2024-03-05 14:30", "2024-03-05", "2024年3月5日", "2024年3月5日 14:30", "2024.3.5"]
    expect = [datetime(2024, 3, 5, 14, 30), datetime(2024, 3, 5, 14, 30), datetime(2024, 3, 5),
              datetime(2024, 3, 5), datetime(2024, 3, 5, 14, 30), datetime(2024, 3, 5)]
    path = _workbook(tmp_path / "en.xlsx", ["Occurred at", "Severity", "Title", "Affected services", "Assignee"],
                     [[f, "一般故障", f"t{i}", "OA; website", "李晓明"] for i, f in enumerate(forms)])
    with db.session() as s:
        res = import_incidents(s, get_contract(s), path)
    assert res.count == 6
    with db.session() as s:
        incs = sorted(s.scalars(select(Incident)), key=lambda i: i.title)
        assert [i.occurred_at for i in incs] == [as_utc(e.replace(tzinfo=LOCAL_TZ)) for e in expect]
        assert {i.severity for i in incs} == {"P2"} and {i.status for i in incs} == {"assigned"}
        assert [i.number for i in incs] == [f"INC-2024-{n:04d}" for n in range(1, 7)]


def test_parse_datetime_text_refuses_impossible_and_unlisted_forms() -> None:
    assert parse_datetime_text("2024-02-30") is None
    assert parse_datetime_text("05/03/2024") is None
    assert parse_datetime_text("昨天") is None
    assert parse_datetime_text("2024年3月5日 14:30") == datetime(2024, 3, 5, 14, 30)


def test_formula_cell_refused(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    path = _workbook(tmp_path / "f.xlsx", ["故障标题", "故障级别", "发生时间"],
                     [["=HYPERLINK(\"http://x\")", "P2", datetime(2026, 5, 6, 9, 0)]])
    with db.session() as s, pytest.raises(ImportRejected) as err:
        import_incidents(s, get_contract(s), path)
    assert [(p.row, p.column, p.message) for p in err.value.problems] == [(2, "故障标题", "不接受公式")]


def test_merged_cells_refused(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["故障标题", "故障级别", "发生时间"])
    ws.append(["a", "P2", datetime(2026, 5, 6, 9, 0)])
    ws.append(["b", "P2", datetime(2026, 5, 6, 9, 0)])
    ws.merge_cells("B2:B3")
    wb.save(tmp_path / "m.xlsx")
    with db.session() as s, pytest.raises(ImportRejected) as err:
        import_incidents(s, get_contract(s), tmp_path / "m.xlsx")
    assert any(p.column == "B2:B3" and "不接受合并单元格 B2:B3" in p.message for p in err.value.problems)


def test_duplicate_numbers_in_file_and_database_refused(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    with db.session() as s:
        create_incident(s, get_contract(s), actor="t", title="x", occurred_at=L(2026, 5, 1, 9, 0))  # INC-2026-0001
    path = _workbook(tmp_path / "d.xlsx", ["故障编号", "故障标题", "故障级别", "发生时间"], [
        ["INC-2026-0001", "a", "P2", datetime(2026, 5, 6, 9, 0)],
        ["INC-2026-0009", "b", "P2", datetime(2026, 5, 6, 9, 0)],
        ["INC-2026-0009", "c", "P2", datetime(2026, 5, 6, 9, 0)],
    ])
    with db.session() as s, pytest.raises(ImportRejected) as err:
        import_incidents(s, get_contract(s), path)
    assert [(p.row, p.column) for p in err.value.problems] == [(2, "故障编号"), (4, "故障编号")]


def test_long_description_accepted_long_title_refused(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    path = _workbook(tmp_path / "l.xlsx", ["故障标题", "故障级别", "发生时间", "故障描述"], [
        ["ok", "P2", datetime(2026, 5, 6, 9, 0), "d" * 50_000],
        ["t" * 301, "P2", datetime(2026, 5, 6, 9, 0), ""],
    ])
    with db.session() as s, pytest.raises(ImportRejected) as err:
        import_incidents(s, get_contract(s), path)
    assert [(p.row, p.column) for p in err.value.problems] == [(3, "故障标题")]


def test_missing_header_row_refused(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    path = _workbook(tmp_path / "h.xlsx", ["a", "P2", "2026-05-06"], [])
    with db.session() as s, pytest.raises(ImportRejected) as err:
        import_incidents(s, get_contract(s), path)
    assert {p.column for p in err.value.problems} >= {"故障标题", "故障级别", "发生时间"}


def test_cli_import_dry_run_then_import(db: Database, pinggu: Contract, tmp_path: Path, capsys) -> None:
    from app.cli import main

    path = _workbook(tmp_path / "c.xlsx", ["Title", "Severity", "Occurred at"], [["a", "P3", "2026-05-06 09:00"]])
    target = db.url  # a SQLite file or the PostgreSQL test database
    db.close()
    assert main(["import", "incidents", str(path), "--db", target, "--dry-run"]) == 0
    assert main(["import", "incidents", str(path), "--db", target]) == 0
    bad = _workbook(tmp_path / "bad.xlsx", ["Title", "Severity", "Occurred at"], [["a", "P7", "2026-05-06 09:00"]])
    assert main(["import", "incidents", str(bad), "--db", target]) == 1
    out = capsys.readouterr()
    assert "将导入 1 条 incidents" in out.out and "已导入 1 条 incidents" in out.out
    assert "第 2 行“故障级别”：未知的故障级别“P7”" in out.err
    check = open_database(target)
    with check.session() as s:
        assert s.scalar(select(func.count()).select_from(Incident)) == 1
    check.close()


def test_headers_match_column_specs() -> None:
    assert MAIN_SHEET["incidents"] and len({c.zh for c in INCIDENT_COLUMNS}) == len(INCIDENT_COLUMNS)
    assert len({c.en for c in REQUEST_COLUMNS}) == len(REQUEST_COLUMNS)


def test_request_import_refuses_unknown_names_and_bad_timeline(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    path = _workbook(tmp_path / "r.xlsx", ["Title", "Received at", "Category", "Assignee", "Satisfaction",
                                           "Resolved at", "Complaint"], [
        ["ok", "2026-05-07 10:00", "账号与权限", "王建国", "满意", "2026-05-07 11:00", "否"],
        ["bad", "2026-05-07 10:00", "咖啡", "路人甲", "还行", "2026-05-07 09:00", "也许"],
    ])
    with db.session() as s, pytest.raises(ImportRejected) as err:
        import_requests(s, get_contract(s), path)
    assert sorted((p.row, p.column) for p in err.value.problems) == [
        (3, "处理人"), (3, "投诉"), (3, "满意度"), (3, "类别"), (3, "解决时间")]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ServiceRequest)) == 0
    ok = _workbook(tmp_path / "ok.xlsx", ["Title", "Received at", "Category"], [["ok", "2026年5月7日 10:00", "account"]])
    with db.session() as s:
        assert import_requests(s, get_contract(s), ok).numbers == ["SR-2026-0001"]


def test_title_row_above_header_allowed_with_true_row_numbers(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["平谷法院故障登记表"])
    ws.merge_cells("A1:D1")
    ws.append(["故障标题", "故障级别", "发生时间", "故障描述"])
    ws.append(["a", "P2", "2026-05-06 09:00", ""])
    ws.append(["b", "P8", "2026-05-06 09:00", ""])
    wb.save(tmp_path / "t.xlsx")
    with db.session() as s, pytest.raises(ImportRejected) as err:
        import_incidents(s, get_contract(s), tmp_path / "t.xlsx")
    assert [(p.row, p.column) for p in err.value.problems] == [(4, "故障级别")]


def test_history_sheet_round_trips_events_including_pauses(
    db: Database, pinggu: Contract, fresh: Database, tmp_path: Path
) -> None:
    with db.session() as s:
        inc = make_closed_incident(s, get_contract(s))
        # A pending span (clock paused) 10:00–10:30 that the timeline columns alone cannot tell.
        s.add(IncidentEvent(incident_id=inc.id, at=L(2026, 5, 6, 10, 0), actor="李晓明", kind="status",
                            from_status="in_progress", to_status="pending", note="等待厂商备件"))
        s.add(IncidentEvent(incident_id=inc.id, at=L(2026, 5, 6, 10, 30), actor="李晓明", kind="status",
                            from_status="pending", to_status="in_progress"))
        s.add(IncidentEvent(incident_id=inc.id, at=L(2026, 5, 6, 10, 40), actor="王建国", kind="field",
                            changes={"cause": ["", "中间件连接池耗尽"]}))
        s.flush()
        for ev in s.scalars(select(IncidentEvent).where(IncidentEvent.incident_id == inc.id,
                                                        IncidentEvent.to_status == "restored")):
            ev.from_status = "in_progress"
    out = tmp_path / "h.xlsx"
    with db.session() as s:
        export_incidents(s, get_contract(s), date(2026, 5, 1), date(2026, 5, 31), out)
        key = lambda e: (e.at.replace(microsecond=0), e.kind, e.from_status, e.to_status, e.actor, e.changes, e.note)  # noqa: E731
        before = sorted(key(e) for e in s.scalars(select(IncidentEvent)))
    with fresh.session() as s:
        import_incidents(s, get_contract(s), out)
    with fresh.session() as s:
        after = sorted(key(e) for e in s.scalars(select(IncidentEvent)))
        # The imported pause (10:00–10:30) is taken out of the stored restore time: 110 − 30.
        assert s.scalar(select(Incident.restore_minutes)) == 80
    assert after == before


def test_inconsistent_history_refused(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "故障台账"
    ws.append(["故障编号", "故障标题", "故障级别", "发生时间", "恢复时间"])
    ws.append(["INC-2026-0100", "a", "P2", "2026-05-06 09:00", "2026-05-06 10:00"])
    h = wb.create_sheet("处理记录")
    h.append(["编号", "时间", "类型", "原状态", "新状态"])
    h.append(["INC-2026-0100", "2026-05-06 09:00", "created", "", "new"])
    h.append(["INC-2026-0100", "2026-05-06 09:30", "status", "pending", "restored"])
    wb.save(tmp_path / "h.xlsx")
    with db.session() as s, pytest.raises(ImportRejected) as err:
        import_incidents(s, get_contract(s), tmp_path / "h.xlsx")
    assert [(p.row, p.column) for p in err.value.problems] == [(3, "原状态")]


def test_broken_xml_inside_a_valid_zip_is_a_clear_refusal(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    import zipfile

    from app.errors import ValidationError

    good = _workbook(tmp_path / "g.xlsx", ["故障标题", "故障级别", "发生时间"], [["a", "P2", "2026-05-06 09:00"]])
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(tmp_path / "b.xlsx", "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut in the middle of the XML
            zout.writestr(info.filename, data)
    with db.session() as s, pytest.raises(ValidationError, match="无法读取工作簿"):
        import_incidents(s, get_contract(s), tmp_path / "b.xlsx")


def test_formula_looking_text_cell_is_accepted_as_text(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    from app.services.transfer.xlsx_safe import write_cell

    wb = openpyxl.Workbook()
    ws = wb.active
    for c, h in enumerate(["故障标题", "故障级别", "发生时间"], start=1):
        write_cell(ws, 1, c, h)
    write_cell(ws, 2, 1, "=cmd|' /C calc'!A0")  # a text cell, as every export writes it
    write_cell(ws, 2, 2, "P2")
    write_cell(ws, 2, 3, L(2026, 5, 6, 9, 0))
    wb.save(tmp_path / "t.xlsx")
    with db.session() as s:
        import_incidents(s, get_contract(s), tmp_path / "t.xlsx")
    with db.session() as s:
        assert s.scalar(select(Incident.title)) == "=cmd|' /C calc'!A0"


def test_round_trip_keeps_seconds(db: Database, pinggu: Contract, fresh: Database, tmp_path: Path) -> None:
    """Times entered to the second come back to the second, so downtime and SLA figures agree."""
    with db.session() as s:
        create_incident(s, get_contract(s), actor="t", title="交换机端口闪断", occurred_at=L(2026, 5, 12, 10, 3, 41),
                        reported_at=L(2026, 5, 12, 10, 4, 59), severity="P2",
                        service_ids=[s.scalar(select(Service.id).where(Service.code == "lan"))])
    out = tmp_path / "seconds.xlsx"
    with db.session() as s:
        export_incidents(s, get_contract(s), date(2026, 5, 1), date(2026, 5, 31), out)
    with fresh.session() as s:
        import_incidents(s, get_contract(s), out, actor="t")
        inc = s.scalar(select(Incident).where(Incident.title == "交换机端口闪断"))
        assert (inc.occurred_at, inc.reported_at) == (L(2026, 5, 12, 10, 3, 41), L(2026, 5, 12, 10, 4, 59))
        link = s.scalar(select(IncidentService).where(IncidentService.incident_id == inc.id))
        assert link.downtime_start == L(2026, 5, 12, 10, 3, 41)
