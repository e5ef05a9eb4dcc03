"""Profile-v2 KPIs measured from records, worked by hand (imagined contract, March 2026).

March 2026 has 22 official working days and no holiday; the 5×8 calendar counts 08:30–12:00 and
13:30–17:30 (450 min a day) except during the 全国两会 override (4–11 March, 7×24, 1,440 min a day).
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.periods import parse_period
from app.core.timeutil import local_dt
from app.reports.compose.composer import compose
from app.reports.compose.document import Table
from app.reports.data.builder import build_report_data
from app.services.contract.profiles import import_profile, load_profile_file
from app.store.db import Database
from app.store.models import (
    Asset,
    Contract,
    Incident,
    IncidentAsset,
    IncidentService,
    Requirement,
    Service,
    ServiceRequest,
    WorkLogEntry,
)

IMAGINED = Path(__file__).resolve().parents[1] / "fixtures" / "profiles" / "imagined-v2.yaml"
NOW = local_dt(date(2026, 4, 5), time(9))
_n = iter(range(1, 1000))


def at(day: int, hh: int, mm: int = 0, month: int = 3) -> datetime:
    return local_dt(date(2026, month, day), time(hh, mm))


@pytest.fixture
def imagined(db: Database) -> Contract:
    with db.session() as s:
        return import_profile(s, load_profile_file(IMAGINED), actor="t")


def incident(s, c: Contract, *, severity: str, cls: str = "operational", occurred: datetime,  # type: ignore[no-untyped-def]
             restored: datetime | None = None, onsite: datetime | None = None, services: tuple[str, ...] = (),
             assets: tuple[str, ...] = ()) -> Incident:
    i = Incident(number=f"INC-{next(_n):04d}", contract_id=c.id, title=f"{cls} {severity}", severity=severity,
                 incident_class=cls, status="restored" if restored else "in_progress", occurred_at=occurred,
                 reported_at=occurred, responded_at=occurred, onsite_at=onsite, restored_at=restored,
                 created_at=occurred, updated_at=occurred)
    s.add(i)
    s.flush()
    for code in services:
        svc = s.scalars(select(Service).where(Service.contract_id == c.id, Service.code == code)).one()
        s.add(IncidentService(incident_id=i.id, service_id=svc.id, downtime_start=occurred, downtime_end=restored,
                              downtime_edited=True))
    for code in assets:
        a = s.scalars(select(Asset).where(Asset.contract_id == c.id, Asset.code == code)).one()
        s.add(IncidentAsset(incident_id=i.id, asset_id=a.id))
    s.flush()
    return i


def build(db: Database, c: Contract, kind: str = "monthly", key: str = "2026-03"):  # type: ignore[no-untyped-def]
    with db.session() as s:
        contract = s.get(Contract, c.id)
        return build_report_data(s, contract, parse_period(kind, key, contract, today=NOW.date()), now=NOW)


def kpi(data, code: str):  # type: ignore[no-untyped-def]
    return next(k for k in data.kpis if k.code == code)


def test_group_availability_over_a_month_with_a_dated_7x24_override(db: Database, imagined: Contract) -> None:
    with db.session() as s:
        c = s.get(Contract, imagined.id)
        # Saturday 7 March lies in the 两会 override: 10:00–12:00 is 120 service minutes of 审批系统
        incident(s, c, severity="P2", occurred=at(7, 10), restored=at(7, 12), services=("approval",))
        # Saturday 14 March is an ordinary weekend: no service time, nothing counts
        incident(s, c, severity="P2", occurred=at(14, 10), restored=at(14, 12), services=("approval",))
        # 政务门户 is 7×24: 60 minutes at night count
        incident(s, c, severity="P1", occurred=at(20, 2), restored=at(20, 3), services=("gov-portal",))
        # 办公系统 is not in the core group
        incident(s, c, severity="P3", occurred=at(10, 9), restored=at(10, 10), services=("oa",))
    row = kpi(build(db, imagined), "core-avail")
    # service time: 审批 16 ordinary working days × 450 + 8 override days × 1,440 = 18,720;
    # 门户 31 × 1,440 = 44,640; downtime 120 + 60 = 180 → (1 − 180 / 63,360) × 100
    assert row.actual == pytest.approx(100 * (1 - 180 / 63360))
    assert row.met is True and row.scope == "主要业务系统" and row.unit == "%"
    aux = kpi(build(db, imagined), "aux-avail")  # 办公 (5×8 with the override) 1 h down on Tue 10 March
    oa_minutes = 16 * 450 + 8 * 1440
    assert aux.actual == pytest.approx(100 * (1 - 60 / (2 * oa_minutes)))


def test_the_override_is_explained_in_the_sla_clock(db: Database, imagined: Contract) -> None:
    from app.services.incident.sla import compute_incident_clocks

    with db.session() as s:
        c = s.get(Contract, imagined.id)
        i = incident(s, c, severity="P2", occurred=at(7, 10), restored=at(7, 12), services=("approval",))
        clocks = compute_incident_clocks(s, i, now=NOW)
    assert clocks.restore.elapsed_minutes == 120
    assert "2026-03-07 重点保障期 7×24（全国两会）" in clocks.restore.explain_text()


def test_complaint_rate_and_request_figures(db: Database, imagined: Contract) -> None:
    with db.session() as s:
        for k in range(4):
            t = at(2 + k, 9)
            s.add(ServiceRequest(number=f"REQ-{k}", contract_id=imagined.id, title=f"请求{k}", received_at=t,
                                 responded_at=t, resolved_at=at(2 + k, 10), satisfaction="satisfied",
                                 complaint=k == 3, complaint_text="处理慢" if k == 3 else "",
                                 created_at=t, updated_at=t))
    data = build(db, imagined)
    row = kpi(data, "complaints")
    assert row.actual == 25.0 and row.met is False and row.unit == "%"  # 1 of 4 requests; target ≤ 2 %
    assert data.trace("kpi.complaints") == [("service_request", "REQ-3", "处理慢")]
    assert kpi(data, "desk-resolve").actual == 100.0  # 60 min each, target 480


def test_security_majors_are_counted_apart_from_operational_ones(db: Database, imagined: Contract) -> None:
    with db.session() as s:
        c = s.get(Contract, imagined.id)
        sec = incident(s, c, severity="P1", cls="security", occurred=at(9, 9), restored=at(9, 10),
                       onsite=at(9, 9, 20))
        incident(s, c, severity="P1", cls="operational", occurred=at(20, 9), restored=at(20, 11),
                 onsite=at(20, 10))
        incident(s, c, severity="P2", cls="security", occurred=at(23, 9), restored=at(23, 10))
        sec_number = sec.number
    data = build(db, imagined)
    ops, secs = kpi(data, "major-ops"), kpi(data, "major-sec")
    assert ops.actual == 1.0 and secs.actual == 1.0
    assert [t[1] for t in data.trace("kpi.major-sec")] == [sec_number]
    # major-ops: ≤ 1 a quarter, the quarter still running → not yet assessable (never 达标)
    assert ops.met is None and ops.reason == "period_running"
    # major-sec: == 0 a contract year; one already happened → missed at once
    assert secs.met is False
    # on-site within 30 min for P1: 20 min met, 60 min breached
    assert kpi(data, "onsite-sla").actual == 50.0
    # the quarterly report judges the quarter: one operational major is within ≤ 1
    q = build(db, imagined, "quarterly", "2026-Q1")
    assert kpi(q, "major-ops").met is True


def test_logged_hours_by_work_log_category(db: Database, imagined: Contract) -> None:
    with db.session() as s:
        for day, minutes, cat in ((3, 120, "code-maint"), (4, 90, "code-maint"), (5, 30, "code-maint"),
                                  (6, 60, "patrol"), (7, 45, "")):
            s.add(WorkLogEntry(contract_id=imagined.id, work_date=date(2026, 3, day), started_at=at(day, 9),
                               duration_minutes=minutes, summary=f"工作{day}", category=cat))
    data = build(db, imagined)
    row = kpi(data, "code-hours")
    assert row.actual == 4.0 and row.unit == "小时"  # 120 + 90 + 30 minutes of 代码级维护 only
    assert row.met is None and row.reason == "period_running"  # ≥ 342 h over the term, still running
    assert [t[1] for t in data.trace("kpi.code-hours")] == ["2026-03-03", "2026-03-04", "2026-03-05"]


def test_infra_faults_by_asset_class_and_records_per_period(db: Database, imagined: Contract) -> None:
    with db.session() as s:
        c = s.get(Contract, imagined.id)
        incident(s, c, severity="P2", occurred=at(2, 9), restored=at(2, 10), assets=("UPS-1",))
        incident(s, c, severity="P2", occurred=at(3, 9), restored=at(3, 10), assets=("FW-1",))  # kind 安全设备
        incident(s, c, severity="P3", occurred=at(4, 9), restored=at(4, 10), assets=("PC-001",))  # a terminal
        s.add(Requirement(number="REQ-A", contract_id=c.id, title="新增报表", collected_at=at(5, 9),
                          updated_at=at(5, 9)))
    data = build(db, imagined)
    assert kpi(data, "infra-faults").actual == 2.0 and kpi(data, "infra-faults").met is True  # < 3 a month
    assert kpi(data, "monthly-reqs").actual == 1.0 and kpi(data, "monthly-reqs").met is True
    # terminals: PC-001 1 h down in the 5×8 default calendar (with the override), PC-002 never
    minutes = 16 * 450 + 8 * 1440
    assert kpi(data, "terminal-avail").actual == pytest.approx(100 * (1 - 60 / (2 * minutes)))


def test_counts_of_records_not_kept_yet_read_zero_with_their_reason(db: Database, imagined: Contract) -> None:
    data = build(db, imagined)
    row = kpi(data, "backups")
    assert row.actual == 0.0 and data.trace("kpi.backups") == [("note", "-", "尚无记录")]


def test_kpi_table_shows_scope_unit_target_and_no_data_never_met(db: Database, imagined: Contract) -> None:
    doc = compose(build(db, imagined))
    table = next(b for b in doc.blocks if isinstance(b, Table) and b.title == "考核指标")
    rows = {r[0]: r for r in table.rows}
    core = rows["主要业务系统可用率（主要业务系统）"]
    assert core[1] == "≥ 99.50%"
    hours = rows["代码级维护工作量"]
    assert hours[1] == "≥ 342 小时" and hours[2] == "0 小时"
    sat = rows["用户满意度"]  # no rated request in March: 无数据, verdict 无法评定 — never 达标
    assert sat[2] == "无数据" and sat[4] == "无法评定"
    assert rows["重大安全事件"][1] == "= 0 次"


def test_stable_run_rate_by_days(db: Database, imagined: Contract) -> None:
    with db.session() as s:
        c = s.get(Contract, imagined.id)
        incident(s, c, severity="P2", occurred=at(16, 9), restored=at(16, 10), services=("approval",))
    row = kpi(build(db, imagined), "core-stable")
    # 门户 31 service days, 审批 22 working days + 2 override weekend days = 24; one unstable day
    assert row.actual == pytest.approx(100 * (31 + 24 - 1) / (31 + 24))
