"""The imagined every-construct contract (``tests/fixtures/profiles/imagined-v2.yaml``, 某市政务数据中心
2026, every construct of docs/profile-format.md) imports, and its monthly (March 2026) and annual
(2026 = the whole term) KPI tables print the right target, figure and verdict for a small set of
records built by hand.  (Its demo runs in ``tests/services/demo/test_demo_fills_v2.py``.)

The records (local time; 5×8 = 08:30–12:00 + 13:30–17:30 = 450 min a working day; 两会 override
4–11 March 7×24; 春节 override 15–23 February every day 09:00–17:00):

- A  P2 运行 审批系统 Tue 10 Mar 09:00–11:00 down, on site 09:30, closed 15:00 (in the 两会 override);
- B  P1 安全 政务门户 (7×24) Fri 20 Mar 02:00–03:00 down, on site 02:20, closed 06:00;
- C  P1 运行 核心交换机 SW-CORE (asset only, no service) Mon 15 Jun 10:00, on site 11:00, restored
     12:00, closed Tue 16 Jun 10:00;
- D  P2 运行 审批系统 Tue 7 Apr 09:00–17:30 down (420 service min in 5×8), closed Wed 8 Apr 09:00;
- four service requests 2–5 March, answered at once, resolved in 60 min, all satisfied, the fourth a
  complaint; one requirement on 5 March; 代码级维护 work 120 + 90 + 30 min on 3–5 March;
- a 10-minute 巡检 work-log entry on the 28th of every month (the ledger was kept every month).

Working days (official calendar, ``chinese_calendar``): January 21, February 16 (15–23 Feb all
holiday), March 22, April 21, May 19, June 21.
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
NOW = local_dt(date(2027, 1, 10), time(9))
MET, MISSED, WAITS = "达标", "未达标", "无法评定"


def at(month: int, day: int, hh: int, mm: int = 0) -> datetime:
    return local_dt(date(2026, month, day), time(hh, mm))


def _incident(s, c: Contract, n: str, sev: str, cls: str, occurred: datetime, onsite: datetime,  # type: ignore[no-untyped-def]
              restored: datetime, closed: datetime, service: str | None = None, asset: str | None = None) -> None:
    i = Incident(number=n, contract_id=c.id, title=n, severity=sev, incident_class=cls, status="closed",
                 occurred_at=occurred, reported_at=occurred, responded_at=occurred, onsite_at=onsite,
                 restored_at=restored, closed_at=closed, cause_category="hardware", cause="x", resolution="y",
                 created_at=occurred, updated_at=closed)
    s.add(i)
    s.flush()
    if service:
        svc = s.scalars(select(Service).where(Service.contract_id == c.id, Service.code == service)).one()
        s.add(IncidentService(incident_id=i.id, service_id=svc.id, downtime_start=occurred, downtime_end=restored,
                              downtime_edited=True))
    if asset:
        a = s.scalars(select(Asset).where(Asset.contract_id == c.id, Asset.code == asset)).one()
        s.add(IncidentAsset(incident_id=i.id, asset_id=a.id))


@pytest.fixture
def contract(db: Database) -> Contract:
    with db.session() as s:
        c = import_profile(s, load_profile_file(IMAGINED), actor="t")
        _incident(s, c, "INC-A", "P2", "operational", at(3, 10, 9), at(3, 10, 9, 30), at(3, 10, 11), at(3, 10, 15),
                  service="approval")
        _incident(s, c, "INC-B", "P1", "security", at(3, 20, 2), at(3, 20, 2, 20), at(3, 20, 3), at(3, 20, 6),
                  service="gov-portal")
        _incident(s, c, "INC-C", "P1", "operational", at(6, 15, 10), at(6, 15, 11), at(6, 15, 12), at(6, 16, 10),
                  asset="SW-CORE")
        _incident(s, c, "INC-D", "P2", "operational", at(4, 7, 9), at(4, 7, 9, 30), at(4, 7, 17, 30), at(4, 8, 9),
                  service="approval")
        for k in range(4):
            t = at(3, 2 + k, 9)
            s.add(ServiceRequest(number=f"SR-{k}", contract_id=c.id, title=f"请求{k}", received_at=t, responded_at=t,
                                 resolved_at=at(3, 2 + k, 10), satisfaction="satisfied", complaint=k == 3,
                                 complaint_text="处理慢" if k == 3 else "", created_at=t, updated_at=t))
        s.add(Requirement(number="RQ-1", contract_id=c.id, title="新增报表", collected_at=at(3, 5, 9),
                          updated_at=at(3, 5, 9)))
        for day, minutes in ((3, 120), (4, 90), (5, 30)):
            s.add(WorkLogEntry(contract_id=c.id, work_date=date(2026, 3, day), started_at=at(3, day, 9),
                               duration_minutes=minutes, summary="代码级维护", category="code-maint"))
        for month in range(1, 13):  # the ledger was kept every month (else 无法评定: nothing recorded)
            s.add(WorkLogEntry(contract_id=c.id, work_date=date(2026, month, 28), started_at=at(month, 28, 16),
                               duration_minutes=10, summary="日常巡查", category="patrol"))
        return c


def table(db: Database, c: Contract, kind: str, key: str) -> dict[str, tuple[str, str, str]]:
    """KPI code → (target, this period, verdict) as the KPI table prints them."""
    with db.session() as s:
        contract = s.get(Contract, c.id)
        data = build_report_data(s, contract, parse_period(kind, key, contract, today=NOW.date()), now=NOW)
    doc = compose(data)
    t = next(b for b in doc.blocks if isinstance(b, Table) and b.title == "考核指标")
    assert len(t.rows) == len(data.kpis) == 20
    return {k.code: (r[1], r[2], r[4]) for k, r in zip(data.kpis, t.rows, strict=True)}


# March: 审批 16 ordinary working days × 450 + 8 两会 days × 1,440 = 18,720 min, 门户 31 × 1,440 = 44,640;
# down 120 (A) + 60 (B) → 1 − 180 / 63,360 = 99.72 %.  Stable days: 门户 31 + 审批 22 working days + the
# two 两会 weekend days = 55 (service, day) pairs, 2 touched → 53 / 55 = 96.36 %.
MONTHLY = {
    "core-avail": ("≥ 99.50%", "99.72%", MET),
    "aux-avail": ("≥ 98%", "100%", MET),
    "terminal-avail": ("≥ 95%", "100%", MET),
    "core-stable": ("≥ 98%", "96.36%", MISSED),
    "major-ops": ("≤ 1 次", "0 次", WAITS),            # a quarter's count: March alone does not decide it
    "major-sec": ("= 0 次", "1 次", MISSED),           # B: one already happened this contract year
    "infra-faults": ("< 3 次", "0 次", MET),
    "long-outage": ("≤ 2 次", "0 次", WAITS),          # A is 120 min < 240; a contract year's count waits
    "satisfaction": ("≥ 95%", "100%", MET),
    "complaints": ("≤ 2%", "25%", MISSED),            # 1 of 4 requests
    "onsite-sla": ("≥ 95%", "100%", MET),             # B on site in 20 of 30 min (7×24)
    "resolve-sla": ("> 90%", "100%", MET),            # A 360 of 7,200 min, B 240 of 2,880
    "desk-resolve": ("≥ 90%", "100%", MET),
    "inspection": ("≥ 100%", "0%", MISSED),           # slots due, none done
    "core-inspection": ("≥ 100%", "0%", MISSED),
    "monthly-reqs": ("≥ 1 次", "1 次", MET),
    "code-hours": ("≥ 342 小时", "4 小时", WAITS),      # 240 min so far of a term's minimum
    "backups": ("≥ 12 次", "0 次", WAITS),             # no such records yet (尚无记录)
    "drills": ("≥ 2 次", "0 次", WAITS),
    "trainings": ("≥ 4 次", "0 次", WAITS),
}

# 2026 (the whole term).  Monthly KPIs show their worst month: April, 审批 21 × 450 = 9,450 + 门户
# 30 × 1,440 = 43,200 min, D down 420 → 1 − 420 / 52,650 = 99.20 %.  Stable run per quarter: Q1 门户
# 90 + 审批 59 working days + 9 春节 + 2 两会 override days = 160 pairs, 2 touched → 98.75 % (Q2: 151 / 152).
# Counts per quarter / month show the worst one; contract-year and term KPIs are decided at the year end.
ANNUAL = {
    "core-avail": ("≥ 99.50%", "99.20%", MISSED),
    "aux-avail": ("≥ 98%", "100%", MET),
    "terminal-avail": ("≥ 95%", "100%", MET),
    "core-stable": ("≥ 98%", "98.75%", MET),
    "major-ops": ("≤ 1 次", "1 次", MET),              # C in Q2, no other quarter has one
    "major-sec": ("= 0 次", "1 次", MISSED),
    "infra-faults": ("< 3 次", "1 次", MET),           # June: C on SW-CORE
    "long-outage": ("≤ 2 次", "1 次", MET),            # D: 420 min of 5×8 time > 240
    "satisfaction": ("≥ 95%", "100%", MET),
    "complaints": ("≤ 2%", "25%", MISSED),
    "onsite-sla": ("≥ 95%", "50%", MISSED),           # B 20 min met, C 60 min > 30 breached
    "resolve-sla": ("> 90%", "100%", MET),            # C 1,440 of 2,880; D 450 of 7,200 min
    "desk-resolve": ("≥ 90%", "100%", MET),
    "inspection": ("≥ 100%", "0%", MISSED),
    "core-inspection": ("≥ 100%", "0%", MISSED),
    "monthly-reqs": ("≥ 1 次", "0 次", MISSED),        # January has none
    "code-hours": ("≥ 342 小时", "4 小时", MISSED),     # the term is over: 4 h < 342 h
    "backups": ("≥ 12 次", "0 次", MISSED),
    "drills": ("≥ 2 次", "0 次", MISSED),
    "trainings": ("≥ 4 次", "0 次", MISSED),
}


def test_monthly_kpi_table_targets_figures_and_verdicts(db: Database, contract: Contract) -> None:
    assert table(db, contract, "monthly", "2026-03") == MONTHLY


def test_annual_kpi_table_targets_figures_and_verdicts(db: Database, contract: Contract) -> None:
    assert table(db, contract, "annual", "2026") == ANNUAL


def test_the_most_specific_sla_target_wins_whatever_the_order() -> None:
    """SLA targets per class × severity × scope: the entry naming the class beats the severity's,
    which beats the scope's, which beats an unscoped one — not the first listed."""
    from app.core.profile import ContractProfile

    data = load_profile_file(IMAGINED)
    data["sla_targets"] = [
        {"kind": "resolve", "minutes": 7200},
        {"kind": "resolve", "scope": "core", "minutes": 4000},
        {"kind": "resolve", "severity": "P1", "minutes": 2880},
        {"kind": "resolve", "severity": "P1", "incident_class": "security", "minutes": 600},
    ]
    prof = ContractProfile.of(data)
    assert prof.sla_target("P2", "resolve") == 7200.0
    assert prof.sla_target("P2", "resolve", None, scope=("core",)) == 4000.0
    assert prof.sla_target("P1", "resolve", None, scope=("core",)) == 2880.0
    assert prof.sla_target("P1", "resolve", "security", scope=("core",)) == 600.0


def test_a_term_kpi_waits_while_the_annual_period_is_still_running(db: Database, contract: Contract) -> None:
    """On 1 December the annual report covers the whole term but the term is not over: 4 h of a
    342-hour minimum waits (无法评定), it is not missed yet."""
    with db.session() as s:
        c = s.get(Contract, contract.id)
        now = local_dt(date(2026, 12, 1), time(9))
        data = build_report_data(s, c, parse_period("annual", "2026", c, today=now.date()), now=now)
    row = next(k for k in data.kpis if k.code == "code-hours")
    assert row.actual == 4.0 and row.met is None and row.reason == "period_running"


def test_a_count_kpi_of_the_month_in_progress_waits_until_the_month_is_over(db: Database, contract: Contract) -> None:
    """On 2 April no requirement is recorded yet: "≥ 1 a month" is not missed while April runs (the
    overview's month so far) — it waits, and the same figure decides it once April is over."""
    with db.session() as s:
        c = s.get(Contract, contract.id)
        early = local_dt(date(2026, 4, 2), time(9))
        running = build_report_data(s, c, parse_period("monthly", "2026-04", c, today=early.date()), now=early)
        later = local_dt(date(2026, 5, 2), time(9))
        over = build_report_data(s, c, parse_period("monthly", "2026-04", c, today=later.date()), now=later)
    row = next(k for k in running.kpis if k.code == "monthly-reqs")
    assert row.actual == 0 and row.met is None and row.reason == "period_running"
    assert next(k for k in over.kpis if k.code == "monthly-reqs").met is False
