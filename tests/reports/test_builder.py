"""The report-data builder and the composer, on small hand-built Pinggu / Justice Bureau DBs."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select, update

from app.core.periods import parse_period
from app.core.timeutil import local_dt
from app.reports.compose.composer import compose
from app.reports.compose.document import Chart, Heading, KeyValues, Paragraph, SignOff, Table
from app.reports.data.builder import build_report_data
from app.reports.service import load_narrative, save_narrative
from app.store.db import Database
from app.store.models import (
    ChecklistTemplate,
    Contract,
    Engineer,
    Incident,
    IncidentEvent,
    IncidentService,
    Inspection,
    InspectionResult,
    Requirement,
    Service,
    ServiceRequest,
    WorkLogEntry,
)
from tests.conftest import load_contract

OCT = date(2026, 10, 13)  # a Tuesday, working day
NOW = local_dt(date(2026, 11, 21), time(12))
TODAY = date(2026, 11, 21)


def at(day: date, h: int, m: int = 0) -> datetime:
    return local_dt(day, time(h, m))


def add_incident(s, c: Contract, number: str, *, severity: str = "P2", start: datetime, end: datetime | None,
                 status: str = "closed", response_breached: bool | None = False,
                 restore_breached: bool | None = False, restore_minutes: float | None = 60,
                 services: tuple[Service, ...] = (), cause_category: str = "hardware",
                 source_result_id: uuid.UUID | None = None) -> Incident:
    inc = Incident(id=uuid.uuid4(), number=number, contract_id=c.id, title=f"故障 {number}", severity=severity,
                   occurred_at=start, reported_at=start, created_at=start, updated_at=start, status=status,
                   responded_at=start + timedelta(minutes=10), restored_at=end,
                   closed_at=end if status == "closed" else None, cause_category=cause_category,
                   cause="电源模块损坏", resolution="更换电源模块",
                   response_breached=response_breached if status == "closed" else None,
                   restore_breached=restore_breached if status == "closed" else None,
                   restore_minutes=restore_minutes if status == "closed" else None,
                   source_result_id=source_result_id)
    s.add(inc)
    s.flush()
    s.add(IncidentEvent(incident_id=inc.id, at=start, kind="created", to_status="new"))
    for svc in services:
        s.add(IncidentService(incident_id=inc.id, service_id=svc.id, downtime_start=start, downtime_end=end))
    return inc


def add_request(s, c: Contract, number: str, *, satisfaction: str | None, complaint: bool = False,
                received: datetime, responded: datetime | None, channel: str = "phone",
                category: str = "terminal") -> None:
    s.add(ServiceRequest(number=number, contract_id=c.id, channel=channel, category=category, title=f"请求 {number}",
                         received_at=received, responded_at=responded, satisfaction=satisfaction,
                         complaint=complaint, complaint_text="响应太慢" if complaint else "", status="closed",
                         created_at=received, updated_at=received))


@pytest.fixture
def october(db: Database, pinggu: Contract) -> Contract:
    """Pinggu with October 2026 records worked out by hand (see each test)."""
    with db.session() as s:
        c = s.get(Contract, pinggu.id)
        svc = {x.code: x for x in s.scalars(select(Service).where(Service.contract_id == c.id))}
        eng = {e.name: e for e in s.scalars(select(Engineer).where(Engineer.contract_id == c.id))}
        tpl = s.scalars(select(ChecklistTemplate).where(ChecklistTemplate.contract_id == c.id,
                                                        ChecklistTemplate.code == "machine-room-daily")).one()
        insp = Inspection(number="INS-2026-0001", contract_id=c.id, template_id=tpl.id, template_name=tpl.name,
                          due_date=OCT, slot="09:30", engineer_id=eng["李晓明"].id, started_at=at(OCT, 9, 30),
                          finished_at=at(OCT, 9, 50), abnormal_count=1)
        s.add(insp)
        s.flush()
        res = InspectionResult(inspection_id=insp.id, item_text="机房温度", kind="reading", unit="℃",
                               value_number=31, outcome="abnormal", note="空调告警", recorded_at=at(OCT, 9, 40))
        s.add(res)
        s.flush()
        # INC-1: major P1 from the inspection, closed, response met, restore breached
        add_incident(s, c, "INC-2026-0001", severity="P1", start=at(OCT, 9, 0), end=at(OCT, 10, 30),
                     response_breached=False, restore_breached=True, restore_minutes=150,
                     services=(svc["uni-biz"],), source_result_id=res.id)
        # INC-2: P3 closed, both met
        add_incident(s, c, "INC-2026-0002", severity="P3", start=at(OCT + timedelta(days=1), 14), end=at(
            OCT + timedelta(days=1), 15), restore_minutes=60, cause_category="software")
        # INC-3: P2 still open at period end (occurred 30 Oct, nothing since)
        add_incident(s, c, "INC-2026-0003", start=at(date(2026, 10, 30), 9), end=None, status="in_progress",
                     cause_category="network")
        # requests: 2 satisfied, 1 mostly, 1 dissatisfied (complaint), 2 unrated
        d = OCT
        add_request(s, c, "SR-2026-0001", satisfaction="satisfied", received=at(d, 9), responded=at(d, 9, 10))
        add_request(s, c, "SR-2026-0002", satisfaction="satisfied", received=at(d, 10), responded=at(d, 10, 5),
                    channel="instant_message")
        add_request(s, c, "SR-2026-0003", satisfaction="mostly_satisfied", received=at(d, 11), responded=at(d, 11, 20))
        add_request(s, c, "SR-2026-0004", satisfaction="dissatisfied", complaint=True, received=at(d, 15),
                    responded=at(d, 16, 30))  # 90 service minutes > 30: breached
        add_request(s, c, "SR-2026-0005", satisfaction=None, received=at(d, 16), responded=at(d, 16, 1))
        add_request(s, c, "SR-2026-0006", satisfaction=None, received=at(d, 16, 5), responded=at(d, 16, 6))
        s.add(Requirement(number="RQ-2026-0001", contract_id=c.id, service_id=svc["oa"].id, title="OA 增加请假审批",
                          description="请假审批流程增加分管领导", requester_department="政治部",
                          requester_name="张三", collected_at=at(OCT, 11), updated_at=at(OCT, 11)))
        s.add(WorkLogEntry(contract_id=c.id, engineer_id=eng["王建国"].id, work_date=OCT, started_at=at(OCT, 9),
                           duration_minutes=90, summary="处理故障"))
        s.add(WorkLogEntry(contract_id=c.id, engineer_id=eng["王建国"].id, work_date=OCT, started_at=at(OCT, 14),
                           duration_minutes=30, summary="巡检"))
    return pinggu


def observed(db: Database, contract: Contract, *days: date) -> None:
    """A work-log entry on each of ``days``: the ledger observed those periods (a period nobody
    recorded anything in reads availability 无法评定, not 100 %)."""
    with db.session() as s:
        for d in days:
            s.add(WorkLogEntry(contract_id=contract.id, work_date=d, started_at=at(d, 9), duration_minutes=30,
                               summary="日常巡查"))


def build(db: Database, contract: Contract, kind: str, key: str, now: datetime = NOW, today: date = TODAY):
    with db.session() as s:
        c = s.get(Contract, contract.id)
        return build_report_data(s, c, parse_period(kind, key, c, today=today), now=now)


def test_incident_figures_sla_and_trace(db: Database, october: Contract) -> None:
    data = build(db, october, "monthly", "2026-10")
    inc = data.incidents
    assert inc["total"] == 3
    assert {r["code"]: r["count"] for r in inc["by_severity"]} == {"P1": 1, "P2": 1, "P3": 1}
    assert {r["code"]: r["count"] for r in inc["by_cause"]} == {"hardware": 1, "software": 1, "network": 1}
    # stored flags of the two closed incidents; the open P2 (Fri 30 Oct 09:00, 480-minute 5×8
    # target) had used 450 service minutes by the period end: pending, not breached, although it
    # is long overdue on the day the report is made (clocks are read as at the period end)
    rs = inc["restore"]
    assert (rs["met"], rs["breached"], rs["pending"], rs["not_computable"]) == (1, 1, 1, 0)
    assert rs["rate_pct"] == pytest.approx(50.0)
    assert [n for _, n, _ in data.trace("incidents.restore_breached")][0] == "INC-2026-0001"
    assert inc["mttr_minutes"] == pytest.approx((150 + 60) / 2)
    assert data.trace("incidents.major") == [("incident", "INC-2026-0001", "故障 INC-2026-0001")]
    assert [m["cause"] for m in inc["major"]] == ["电源模块损坏"]
    assert [o["number"] for o in inc["open_at_end"]] == ["INC-2026-0003"]
    assert data.trace("incidents.open_at_end")[0][1] == "INC-2026-0003"


def test_open_incident_sla_uses_live_clocks(db: Database, october: Contract) -> None:
    data = build(db, october, "monthly", "2026-10")
    r = data.incidents["response"]
    # INC-3 responded 10 minutes after occurring: its response clock stopped within 30 min
    assert (r["met"], r["breached"], r["not_computable"]) == (3, 0, 0)
    assert r["rate_pct"] == 100.0


def test_inspections_and_abnormal_results_with_their_incident(db: Database, october: Contract) -> None:
    data = build(db, october, "monthly", "2026-10")
    ins = data.inspections
    assert ins["due"] == 73  # 18 working days × (2 + 1 + 1) daily slots + 1 monthly
    assert ins["done"] == 1 and ins["missed"] == 72
    assert ins["rate_pct"] == pytest.approx(100 / 73)
    assert data.trace("inspections.done") == [("inspection", "INS-2026-0001", "机房基础环境巡检 2026-10-13 09:30")]
    assert len(data.trace("inspections.missed")) == 72
    assert ins["by_engineer"] == [{"name": "李晓明", "done": 1}]
    [ab] = ins["abnormal"]
    assert (ab["item"], ab["value"], ab["incident"], ab["incident_status"]) == ("机房温度", "31℃", "INC-2026-0001",
                                                                                "closed")
    table = next(b for b in compose(data).blocks if isinstance(b, Table) and b.title == "巡检异常及处理")
    assert table.rows[0][-2:] == ["INC-2026-0001", "已关闭"]
    kpi = {k.code: k for k in data.kpis}
    assert kpi["inspection"].met is False


def test_service_desk_satisfaction_excludes_unrated(db: Database, october: Contract) -> None:
    data = build(db, october, "monthly", "2026-10")
    rq = data.requests
    assert rq["total"] == 6
    sat = rq["satisfaction"]
    assert (sat["satisfied"], sat["mostly_satisfied"], sat["dissatisfied"], sat["unrated"]) == (2, 1, 1, 2)
    assert sat["rate_pct"] == pytest.approx(75.0)
    assert [c["number"] for c in rq["complaints"]] == ["SR-2026-0004"]
    assert rq["response"]["breached"] == 1 and rq["response"]["met"] == 5
    assert data.trace("requests.response_breached") == [("service_request", "SR-2026-0004", "90 分钟")]
    kpi = {k.code: k for k in data.kpis}
    assert kpi["satisfaction"].actual == pytest.approx(75.0) and kpi["satisfaction"].met is False
    # 王建国: two manual entries 90 + 30 min; 李晓明: the 20-minute inspection INS-2026-0001
    assert data.worklog == {"by_engineer": [{"name": "李晓明", "hours": 0.33, "entries": 0},
                                            {"name": "王建国", "hours": 2.0, "entries": 2}], "total_hours": 2.33}
    assert [r["number"] for r in data.requirements] == ["RQ-2026-0001"]


def test_previous_period_beside_each_figure(db: Database, october: Contract) -> None:
    data = build(db, october, "monthly", "2026-11", now=local_dt(date(2026, 12, 2), time(9)), today=date(2026, 12, 2))
    assert data.previous_period is not None and data.previous_period.key == "2026-10"
    assert data.previous_headline["incidents.total"] == 3
    assert data.headline["incidents.total"] == 0
    kpi = {k.code: k for k in data.kpis}
    assert kpi["satisfaction"].actual is None and kpi["satisfaction"].previous == pytest.approx(75.0)
    assert [t["key"] for t in data.trend] == ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]
    assert [t["incidents"] for t in data.trend][-2:] == [3, 0]


def test_empty_period_is_valid_and_says_no_data(db: Database, pinggu: Contract) -> None:
    with db.session() as s:
        s.execute(update(ChecklistTemplate).values(active=False))
    data = build(db, pinggu, "monthly", "2026-06")
    assert data.has_data is False
    assert all(k.actual is None and k.verdict == "not_assessable" for k in data.kpis)  # availability too
    doc = compose(data, narrative=None)
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert any("无数据" in t for t in texts)
    kpi_table = next(b for b in doc.blocks if isinstance(b, Table) and b.title == "考核指标")
    assert kpi_table.rows[1][:3] == ["用户满意度", "≥ 95%", "无数据"]
    # the profile's "practice" marker (the contract gives no figure), as the client reads it
    assert kpi_table.rows[1][-1] == "双方约定"
    assert kpi_table.rows[1][-2] == "无法评定"  # no figure: never 达标
    basis = {r[0]: r[-1] for r in kpi_table.rows}
    assert basis["巡检完成率"] == "合同条款 第三条 每天两次业务应用系统巡检"


def test_compose_structure_in_chinese(db: Database, october: Contract) -> None:
    data = build(db, october, "monthly", "2026-10")
    doc = compose(data, narrative={"summary": "本月运行平稳。", "problems": "", "plan": "下月完成UPS电池检测。"})
    assert doc.title == "北京市平谷区人民法院 运维月报"
    assert doc.period_label == "2026年10月 (2026-10-01 至 2026-10-31)"
    assert [k for k, _ in doc.cover] == ["合同", "甲方", "乙方", "服务期", "报告期", "文档编号", "编制单位", "编制",
                                         "审核", "批准", "编制日期"]
    assert doc.with_contents is False
    heads = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
    assert heads == ["一、总体情况", "二、考核指标", "三、巡检", "四、故障", "五、系统可用率", "六、服务台", "七、需求",
                     "八、工作量", "九、存在问题", "十、下期计划", "签字确认"]
    assert not any("备份" in h or "演练" in h or "值班" in h for h in heads)
    narr = [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.style == "narrative"]
    assert narr[0] == "本月运行平稳。" and narr[-1] == "下月完成UPS电池检测。"
    kpis = next(b for b in doc.blocks if isinstance(b, Table) and b.title == "考核指标")
    unmet = [kpis.rows[i][0] for i in kpis.highlight_rows]
    assert set(unmet) == {"巡检完成率", "用户满意度"}
    charts = {b.title: b for b in doc.blocks if isinstance(b, Chart)}
    assert charts["各系统可用率"].kind == "bar" and len(charts["各系统可用率"].categories) == 5
    assert charts["故障原因分布"].series["故障数"] == [1.0, 1.0, 1.0]
    assert charts["近期故障数趋势"].kind == "line"
    major = next(b for b in doc.blocks if isinstance(b, Table) and b.title == "重大故障")
    assert major.rows[0][0] == "INC-2026-0001" and "更换电源模块" in major.rows[0]
    assert isinstance(doc.blocks[-1], SignOff)
    assert any(isinstance(b, KeyValues) and b.title == "主要数据" for b in doc.blocks)


def test_quarterly_report_has_contents(db: Database, october: Contract) -> None:
    data = build(db, october, "quarterly", "2026-Q3")
    assert compose(data, narrative=None).with_contents is True


def test_requirements_document(db: Database, october: Contract) -> None:
    data = build(db, october, "requirements", "2026-10")
    doc = compose(data, narrative=None)
    assert doc.title == "北京市平谷区人民法院 月度需求文档"
    detail = next(b for b in doc.blocks if isinstance(b, Table) and b.title == "需求明细")
    assert detail.rows[0][:6] == ["RQ-2026-0001", "办公OA系统", "OA 增加请假审批", "政治部 张三",
                                  "请假审批流程增加分管领导", "已收集"]
    assert not any(isinstance(b, Heading) and b.text == "四、故障" for b in doc.blocks)


def test_narrative_saved_and_loaded(db: Database, pinggu: Contract) -> None:
    with db.session() as s:
        c = s.get(Contract, pinggu.id)
        save_narrative(s, c, "monthly", "2026-10", "总体平稳", "无", "继续", actor="王建国")
    with db.session() as s:
        c = s.get(Contract, pinggu.id)
        save_narrative(s, c, "monthly", "2026-10", "总体平稳（修订）", "无", "继续", actor="王建国")
        assert load_narrative(s, c, "monthly", "2026-10") == {"summary": "总体平稳（修订）", "problems": "无",
                                                              "plan": "继续"}
        assert load_narrative(s, c, "monthly", "2026-09")["summary"] == ""


def test_uncovered_calendar_year_is_not_computable_and_said(db: Database, pinggu: Contract) -> None:
    """chinesecalendar 1.11 stops at 2026: January 2027 availability of 5×8 systems cannot be
    computed (7×24 ones can) and the report says why."""
    observed(db, pinggu, date(2027, 1, 6))
    data = build(db, pinggu, "monthly", "2027-01", now=local_dt(date(2027, 2, 3), time(9)), today=date(2027, 2, 3))
    av = {a.code: a for a in data.availability}
    assert av["uni-biz"].pct is None and av["uni-biz"].reason == "not_computable"
    assert av["uni-biz"].uncovered_years == [2027]
    assert av["website"].pct == 100.0
    doc = compose(data, narrative=None)
    table = next(b for b in doc.blocks if isinstance(b, Table) and b.title.startswith("各系统可用率"))
    row = next(r for r in table.rows if r[0] == "统一业务应用系统")
    assert row[4].startswith("无法计算：2027 年的法定节假日") and row[6] == "无法评定"
    kpi = next(b for b in doc.blocks if isinstance(b, Table) and b.title == "考核指标")
    availability = next(r for r in kpi.rows if r[0] == "系统稳定运行率")
    assert availability[4] == "无法评定" and availability[2] == "无法计算"
    notes = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert any(t.startswith("无法评定：系统稳定运行率（无法计算：2027 年的法定节假日") for t in notes)
    assert "no official holiday" not in str([getattr(b, "rows", getattr(b, "text", "")) for b in doc.blocks])


def test_long_outages_in_working_time_justice_bureau(db: Database) -> None:
    """Justice Bureau §2.9, hours 09:00–12:00 + 13:00–18:00: an outage 09:00–11:30 is 150 working
    minutes (> 120, counts); 11:00–14:00 is 60 + 60 = 120 (not over 2 h); 19:00–23:00 is 0."""
    c0 = load_contract(db, "beijing-justice-bureau-2024")
    d = date(2024, 11, 12)  # Tuesday
    with db.session() as s:
        c = s.get(Contract, c0.id)
        svc = list(s.scalars(select(Service).where(Service.contract_id == c.id).order_by(Service.code)))[0]
        add_incident(s, c, "INC-2024-0001", start=at(d, 9), end=at(d, 11, 30), services=(svc,))
        add_incident(s, c, "INC-2024-0002", start=at(d + timedelta(days=1), 11), end=at(d + timedelta(days=1), 14),
                     services=(svc,))
        add_incident(s, c, "INC-2024-0003", start=at(d, 19), end=at(d, 23), services=(svc,))
    data = build(db, c0, "monthly", "2024-11", now=local_dt(date(2024, 12, 5), time(9)), today=date(2024, 12, 5))
    assert [o["number"] for o in data.long_outages] == ["INC-2024-0001"]
    assert data.trace("long_outages") == [("incident", "INC-2024-0001", "故障 INC-2024-0001 (150 分钟)")]
    kpi = next(k for k in data.kpis if k.metric == "long_outage_count")
    assert (kpi.actual, kpi.met) == (1.0, True)


def test_requirements_document_lists_requirements_updated_in_the_month(db: Database, october: Contract) -> None:
    with db.session() as s:
        c = s.get(Contract, october.id)
        s.add(Requirement(number="RQ-2026-0000", contract_id=c.id, title="网站改版", status="accepted",
                          collected_at=at(date(2026, 9, 10), 10), updated_at=at(date(2026, 10, 20), 10)))
    doc_data = build(db, october, "requirements", "2026-10")
    assert [r["number"] for r in doc_data.requirements] == ["RQ-2026-0000", "RQ-2026-0001"]
    doc = compose(doc_data, narrative=None)
    facts = next(b for b in doc.blocks if isinstance(b, KeyValues)).items
    assert facts[:2] == [("本月新收集", "1 项"), ("本月更新（以前收集）", "1 项")]
    # the monthly report's 七、需求 lists only those collected in the month
    monthly = build(db, october, "monthly", "2026-10")
    assert [r["number"] for r in monthly.requirements] == ["RQ-2026-0001"]


def test_incident_detail_lists_every_incident_with_both_clocks(db: Database, october: Contract) -> None:
    """故障明细: number, time, service, level, cause, resolution, response and restore vs target."""
    data = build(db, october, "monthly", "2026-10")
    assert [r["number"] for r in data.incident_rows] == ["INC-2026-0001", "INC-2026-0002", "INC-2026-0003"]
    doc = compose(data)
    detail = next(b for b in doc.blocks if isinstance(b, Table) and b.title == "故障明细")
    assert detail.header == ["故障单号", "发生时间", "业务系统", "级别", "故障原因", "解决方式", "响应（实际 / 目标）",
                             "恢复（实际 / 目标）"]
    first = detail.rows[0]
    assert first[:6] == ["INC-2026-0001", "2026-10-13 09:00", "统一业务应用系统", "重大故障", "硬件：电源模块损坏",
                         "更换电源模块"]
    assert first[7] == "150 分钟（2.5 小时） / 目标 120 分钟（2.0 小时），超时"  # stored flag: restore breached
    assert 0 in detail.highlight_rows
    # the open P2: restore clock still running within its target at the period end
    assert detail.rows[2][7].endswith("，计时中")


def test_kpi_basis_is_worded_for_the_client() -> None:
    from app.reports.compose.labels import source

    assert source("practice") == "双方约定"
    assert source("第七条第1款 及时响应; practice") == "合同条款 第七条第1款 及时响应"
    assert source("practice (GB 50174)") == "双方约定"
    assert source("§2.9 在工作时间内不得发生 2 次以上") == "合同条款 §2.9 在工作时间内不得发生 2 次以上"


def test_a_running_period_counts_service_time_only_up_to_now(db: Database, october: Contract) -> None:
    """November as at Sat 21 Nov 12:00: the 7×24 website has 20½ days of service time so far, not 30."""
    data = build(db, october, "monthly", "2026-11")
    website = next(a for a in data.availability if a.code == "website")
    assert website.service_minutes == pytest.approx(20 * 1440 + 12 * 60)


def test_cover_names_and_document_number_from_the_settings(db: Database, october: Contract) -> None:
    from app import settings
    from app.reports.service import cover_names

    settings.set_value("report_prepared_by", "李晓明")
    settings.set_value("report_reviewed_by", "王建国")
    settings.set_value("report_number_format", "平谷法院运维〔{period}〕{kind}")
    data = build(db, october, "monthly", "2026-10")
    doc = compose(data, names=cover_names(october, data.period))
    cover = dict(doc.cover)
    assert cover["文档编号"] == "平谷法院运维〔2026-10〕monthly"
    assert (cover["编制"], cover["审核"], cover["批准"]) == ("李晓明", "王建国", "________")
    settings.set_value("report_number_format", "{nonsense}")
    assert cover_names(october, data.period).document_number == "pinggu-court-2026-2026-10"


def test_headline_availability_names_the_services_it_leaves_out(db: Database, pinggu: Contract) -> None:
    """January 2027 (no official calendar yet): only the 7×24 services have a figure; the headline
    and the summary say which ones are left out, and the KPI is not assessed."""
    observed(db, pinggu, date(2026, 12, 7), date(2027, 1, 6))
    data = build(db, pinggu, "monthly", "2027-01", now=local_dt(date(2027, 2, 3), time(9)), today=date(2027, 2, 3))
    doc = compose(data)
    facts = dict(next(b for b in doc.blocks if isinstance(b, KeyValues) and b.title == "主要数据").items)
    assert facts["系统可用率（综合）"].startswith("100%（上期 100%）（不含 ")
    assert "统一业务应用系统" in facts["系统可用率（综合）"] and facts["系统可用率（综合）"].endswith("：无法计算）")
    summary = next(b.text for b in doc.blocks if isinstance(b, Paragraph) and b.style == "narrative")
    assert "系统综合可用率 100%（不含 " in summary
    assert next(k for k in data.kpis if k.metric == "availability").verdict == "not_assessable"
