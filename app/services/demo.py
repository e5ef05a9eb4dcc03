"""Demo data (演示数据): a realistic, deterministic history for a shipped contract.

``generate_demo`` fills ``days`` days ending ``end`` (local dates) with:

- inspections on schedule (``app.services.inspection.schedule.due_slots``) by the contract's engineers,
  readings drawn near the middle of their normal range, a few abnormal answers (about 1 % of
  readings) of which most are turned into incidents (source ``inspection``, linked back through
  ``source_result_id``), and gaps where an engineer missed a slot (about 3 %);
- incidents reported by phone / IM / walk-in / monitoring with full timelines and ``IncidentEvent``
  status history (created → assigned → in_progress → sometimes pending and back → restored →
  closed), cause category, cause, resolution, root-cause analysis for major severities,
  ``IncidentService`` downtime windows and, where ``app.services.incident.sla`` can compute them, the SLA
  figures stored at close;
- service requests over the profile's ``request_categories`` and ``service_desk.channels`` with
  assignment (sometimes reassignment), resolution and follow-up (most satisfied, some mostly
  satisfied, rare dissatisfied/complaint, some unrated);
- requirements with statuses by age, and manual work-log entries.

Records whose later steps fall after the demo horizon (18:00 local on ``end``) stay open at the
step reached then.  The same seed and arguments give identical data (ids included; only the one
``demo.generate`` audit event carries the wall-clock time).  Rows are bulk-inserted inside the
caller's transaction; numbers continue the ``NumberSequence`` counters.
"""

from __future__ import annotations

import random
import time as _time
import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.core.i18n import N_
from app.core.profile import Severity, profile_of
from app.core.timeutil import LOCAL_TZ, local_dt
from app.errors import CalendarCoverageError, OpsLedgerError, ValidationError
from app.services import audit
from app.services.calendar import service_time as calendar_service
from app.services.inspection.runs import is_abnormal, range_text
from app.services.inspection.schedule import due_slots
from app.store.models import (
    Asset,
    ChecklistItem,
    ChecklistTemplate,
    Contract,
    Engineer,
    Incident,
    IncidentAsset,
    IncidentEvent,
    IncidentService,
    Inspection,
    InspectionResult,
    NumberSequence,
    RequestAssignment,
    Requirement,
    Service,
    ServiceRequest,
    WorkLogEntry,
)

MISSED_SLOT_RATE = 0.03
ABNORMAL_RATE = {"reading": 0.012, "choice": 0.008, "check": 0.003, "text": 0.0}
ABNORMAL_TO_INCIDENT_RATE = 0.7
HORIZON_TIME = time(18, 0)
BATCH = 2000
MAX_DAYS = 3700

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英",
         "霞", "平", "刚", "桂英", "建华", "志强", "海燕", "文博", "子涵", "欣怡", "浩然", "思远", "雨桐"]
COURT_DEPTS = ["立案庭", "刑事审判庭", "民事审判一庭", "民事审判二庭", "行政审判庭", "执行局", "审判管理办公室",
               "办公室", "政治部", "研究室", "法警大队", "诉讼服务中心", "人民法庭"]
AGENCY_DEPTS = ["办公室", "公共法律服务管理处", "律师工作管理处", "法治调研处", "人民参与和促进法治处", "行政复议处",
                "政治部", "法制宣传处", "信息中心", "财务装备处"]
CAUSES = {
    "hardware": [("服务器硬盘故障导致RAID降级", "更换故障硬盘并重建RAID，数据校验正常"),
                 ("交换机电源模块损坏", "更换电源模块，端口恢复"),
                 ("终端主机内存故障", "更换内存条，开机自检通过")],
    "software": [("应用服务内存溢出", "调整JVM参数并重启应用服务"),
                 ("数据库连接池耗尽", "优化连接池配置，重启应用后恢复"),
                 ("补丁更新后兼容性问题", "回退补丁并联系厂商修复")],
    "network": [("核心交换机光模块故障导致链路抖动", "更换光模块，链路恢复稳定"),
                ("运营商专线中断", "联系运营商抢修并临时切换备用线路")],
    "power_environment": [("市电闪断", "UPS切换正常，检查电池组并记录"),
                          ("精密空调制冷故障导致机房温度升高", "清洗冷凝器并补充冷媒，温度恢复正常")],
    "user_operation": [("用户误操作修改系统配置", "恢复配置并对用户进行操作指导"),
                       ("密码多次输错账号被锁定", "解锁账号并协助用户重置密码")],
    "third_party": [("上级单位专网故障", "协调上级单位恢复专网连接"),
                    ("厂商证书到期未续期", "联系厂商更新证书后恢复")],
    "unknown": [("原因不明，重启服务后恢复", "重启服务后恢复，加强监控持续观察")],
}
CAUSE_WEIGHTS = {"hardware": 18, "software": 30, "network": 15, "power_environment": 7, "user_operation": 15,
                 "third_party": 8, "unknown": 7}
SYMPTOMS = ["无法访问", "登录缓慢", "部分功能报错", "页面打开超时", "数据提交失败", "间歇性中断"]
ASSET_SYMPTOMS = ["告警", "运行异常", "无法连接", "性能下降"]
REQUEST_TITLES = {
    "account": ["新入职人员开通系统账号", "重置业务系统密码", "调整用户角色权限", "账号被锁定申请解锁", "人员调岗权限变更"],
    "terminal": ["打印机卡纸", "打印机无法打印", "电脑开机蓝屏", "扫描仪驱动安装", "显示器不亮", "终端网络无法连接"],
    "data_query": ["查询案件流程数据", "导出月度统计报表", "核对历史数据", "协助提取业务数据"],
    "meeting": ["视频会议保障", "庭审直播保障", "会议室音视频设备调试", "远程视频接访保障"],
    "software": ["安装办公软件", "浏览器插件异常", "输入法异常", "电子签章软件使用问题", "客户端升级"],
    "recording": ["同步录音录像数据导出", "执法记录仪数据上传", "录像回放异常"],
    "data_exchange": ["数据交换任务失败重跑", "接口数据核对", "共享数据推送延迟"],
    "other": ["网络接入申请", "设备搬迁", "其他咨询"],
}
REQUEST_RESOLUTIONS = ["已处理完毕，用户确认正常", "现场处理完成，已告知用户注意事项", "远程协助处理完成",
                       "已按要求完成配置", "已更换耗材，测试正常"]
COMPLAINTS = ["处理不及时，多次催办", "问题反复出现，未彻底解决", "服务态度有待改进"]
WORKLOG = [("机房日常巡视", 30), ("系统补丁更新", 90), ("备份介质检查", 45), ("整理运维文档", 60),
           ("协助用户处理终端问题", 45), ("配合厂商排查问题", 120), ("更新资产台账", 60), ("安全漏洞扫描与加固", 120),
           ("参加甲方例会", 60), ("日志审计与分析", 60)]
REQUIREMENT_TITLES = ["增加批量导出功能", "优化查询速度", "新增统计报表", "调整审批流程", "增加短信提醒",
                      "优化移动端页面", "增加数据校验规则", "新增电子归档接口"]


class _Gen:
    """State of one generation run (rng, id source, number counters, row buffers)."""

    def __init__(self, session: Session, contract: Contract, start: date, end: date, seed: int) -> None:
        self.s, self.c, self.start, self.end = session, contract, start, end
        self.rng = random.Random(f"opsledger-demo:{contract.name}:{seed}")
        self.idrng = random.Random(f"opsledger-demo-ids:{contract.name}:{seed}:{start}:{end}")
        self.horizon = local_dt(end, HORIZON_TIME)
        self.rows: dict[type, list[dict[str, Any]]] = defaultdict(list)
        self.counts: dict[str, int] = defaultdict(int)
        self.numbers: dict[tuple[str, int], int] = {
            (n.prefix, n.year): n.last for n in session.scalars(select(NumberSequence))
        }
        self.profile = profile_of(contract)
        self.engineers = list(session.scalars(
            select(Engineer).where(Engineer.contract_id == contract.id, Engineer.active).order_by(Engineer.name)))
        if not self.engineers:
            raise ValidationError("engineers", N_("contract {name} has no active engineer to do the work"), name=contract.name)
        self.workers = [e for e in self.engineers if e.role != "lead"] or self.engineers
        self.lead = next((e for e in self.engineers if e.role == "lead"), self.engineers[0])
        self.services = list(session.scalars(
            select(Service).where(Service.contract_id == contract.id, Service.active).order_by(Service.code)))
        self.assets = list(session.scalars(select(Asset).where(Asset.contract_id == contract.id).order_by(Asset.code)))
        self.severities = list(self.profile.severities)
        self.depts = COURT_DEPTS if "法院" in (contract.client or "") else AGENCY_DEPTS
        self.work_cache: dict[date, bool] = {}
        self.calendars: Any = None
        try:
            from app.services.calendar import load_calendars

            self.calendars = load_calendars(session, contract)
        except (ImportError, AttributeError, OpsLedgerError):
            self.calendars = None

    # -- helpers -------------------------------------------------------------------------------
    def uid(self) -> uuid.UUID:
        return uuid.UUID(int=self.idrng.getrandbits(128), version=4)

    def number(self, prefix: str, at: datetime) -> str:
        year = at.astimezone(LOCAL_TZ).year
        self.numbers[(prefix, year)] = self.numbers.get((prefix, year), 0) + 1
        return f"{prefix}-{year}-{self.numbers[(prefix, year)]:04d}"

    def working(self, d: date) -> bool:
        if d not in self.work_cache:
            try:
                self.work_cache[d] = bool(calendar_service.is_working_day(self.s, d))
            except (CalendarCoverageError, NotImplementedError):
                self.work_cache[d] = d.weekday() < 5
        return self.work_cache[d]

    def person(self) -> str:
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)

    def phone(self) -> str:
        return "1" + self.rng.choice("3589") + "".join(str(self.rng.randrange(10)) for _ in range(9))

    def office_time(self, d: date) -> datetime:
        """A local office-hours instant on ``d`` (08:30–17:30, lunch less likely)."""
        minute = self.rng.choice([self.rng.randint(510, 720), self.rng.randint(810, 1050), self.rng.randint(510, 1050)])
        return local_dt(d, time(minute // 60, minute % 60)) + timedelta(seconds=self.rng.randint(0, 59))

    def add(self, model: type, row: dict[str, Any]) -> dict[str, Any]:
        row.setdefault("id", self.uid())
        self.rows[model].append(row)
        return row

    def severity(self) -> Severity:
        sev = self.severities
        weights = [10, 30, 60][-len(sev):] if len(sev) <= 3 else [5] * (len(sev) - 2) + [30, 60]
        return self.rng.choices(sev, weights=weights)[0]


def _walk(d0: date, d1: date) -> list[date]:
    return [d0 + timedelta(days=i) for i in range((d1 - d0).days + 1)]


def _reading_value(rng: random.Random, lo: float | None, hi: float | None, unit: str, abnormal: bool) -> float:
    if abnormal:
        if hi is not None and (lo is None or rng.random() < 0.6):
            return round(hi * rng.uniform(1.05, 1.3) + (1 if hi == 0 else 0), 1)
        if lo is not None:
            return round(lo * rng.uniform(0.6, 0.95) - (1 if lo == 0 else 0), 1)
    if lo is not None and hi is not None:
        span = hi - lo
        v = rng.uniform(lo + 0.25 * span, hi - 0.25 * span)
    elif hi is not None:
        v = hi * rng.uniform(0.3, 0.8)
    elif lo is not None:
        v = lo * rng.uniform(1.01, 1.08) if lo > 0 else rng.uniform(1, 10)
        if unit == "%":
            v = min(v, 100.0)
    else:
        v = rng.uniform(1, 100)
    if lo is not None and lo >= 1 and float(lo).is_integer() and unit in ("个", "台", "次"):
        return float(round(v))
    return round(v, 1)


def _inspections(g: _Gen) -> None:
    s, c, rng = g.s, g.c, g.rng
    tpls = {t.id: t for t in s.scalars(select(ChecklistTemplate).where(ChecklistTemplate.contract_id == c.id))}
    items: dict[uuid.UUID, list[ChecklistItem]] = defaultdict(list)
    for it in s.scalars(select(ChecklistItem).where(ChecklistItem.template_id.in_(list(tpls)), ChecklistItem.active)
                        .order_by(ChecklistItem.template_id, ChecklistItem.position)):
        items[it.template_id].append(it)
    done = {(a, b, c_) for a, b, c_ in s.execute(select(Inspection.template_id, Inspection.due_date, Inspection.slot)
                                                 .where(Inspection.contract_id == c.id))}
    last_noon = local_dt(g.end, time(12, 0))
    for slot in due_slots(s, c, g.start, g.end):
        if (slot.template_id, slot.due_date, slot.slot) in done:
            continue
        if slot.due_date == g.end and slot.window_start > last_noon:
            continue  # the last afternoon is left to do
        if rng.random() < MISSED_SLOT_RATE:
            g.counts["missed_slots"] += 1
            continue
        tpl = tpls[slot.template_id]
        if slot.frequency in ("weekly", "monthly", "quarterly"):
            last = min((slot.window_end - timedelta(seconds=1)).astimezone(LOCAL_TZ).date(), g.end)
            days = [d for d in _walk(slot.due_date, last) if g.working(d)][:8] or [slot.due_date]
            day = rng.choice(days)
            started = local_dt(day, time(rng.randint(9, 15), rng.randint(0, 59)))
            eng = rng.choice(g.engineers)
        else:
            t0 = slot.window_start
            if slot.slot:
                hh, mm = map(int, slot.slot.split(":"))
                t0 = local_dt(slot.due_date, time(hh, mm))
            started = t0 + timedelta(minutes=rng.randint(-5, 35), seconds=rng.randint(0, 59))
            eng = g.lead if rng.random() < 0.15 else rng.choice(g.workers)
        if started > g.horizon:
            continue
        iid = g.uid()
        tpl_items = items.get(tpl.id, [])
        at = started
        abnormal_count = 0
        abnormal_results = []
        for it in tpl_items:
            at += timedelta(seconds=rng.randint(20, 150))
            bad = rng.random() < ABNORMAL_RATE.get(it.kind, 0)
            number, text = None, ""
            if it.kind == "reading":
                number = _reading_value(rng, it.normal_min, it.normal_max, it.unit, bad)
                outcome = "abnormal" if is_abnormal("reading", number, None, it.normal_min, it.normal_max, None) else "normal"
            elif it.kind == "choice":
                normal = [str(x) for x in it.normal_choices] or [str(x) for x in it.choices]
                others = [str(x) for x in it.choices if str(x) not in normal]
                text = rng.choice(others) if bad and others else (normal[0] if normal else "")
                outcome = "abnormal" if is_abnormal("choice", None, text, None, None, it.normal_choices) else "normal"
            elif it.kind == "text":
                text, outcome = "已完成，无异常", "normal"
            else:
                outcome = "abnormal" if bad else "normal"
            note = ""
            if outcome == "abnormal":
                abnormal_count += 1
                note = rng.choice(["已现场复核", "已通知相关人员", "持续观察", "已报修"])
            row = g.add(InspectionResult, {
                "inspection_id": iid, "item_id": it.id, "position": it.position, "section": it.section,
                "item_text": it.text, "kind": it.kind, "unit": it.unit, "normal_min": it.normal_min,
                "normal_max": it.normal_max, "service_id": it.service_id, "asset_id": it.asset_id,
                "outcome": outcome, "value_number": number, "value_text": text, "note": note, "recorded_at": at,
            })
            if outcome == "abnormal":
                abnormal_results.append(row)
        finished = at + timedelta(minutes=rng.randint(1, 6))
        g.add(Inspection, {
            "id": iid, "number": g.number("INS", local_dt(slot.due_date, time(12))), "contract_id": c.id,
            "template_id": tpl.id, "template_name": tpl.name, "due_date": slot.due_date, "slot": slot.slot,
            "engineer_id": eng.id, "started_at": started, "finished_at": finished,
            "abnormal_count": abnormal_count, "note": "",
        })
        g.counts["inspections"] += 1
        g.counts["results"] += len(tpl_items)
        g.counts["abnormal_results"] += abnormal_count
        for r in abnormal_results:
            if rng.random() < ABNORMAL_TO_INCIDENT_RATE:
                value = (f"{r['value_number']:g}{(' ' + r['unit']) if r['unit'] else ''}"
                         if r["value_number"] is not None else (r["value_text"] or "异常"))
                rng_txt = range_text(r["normal_min"], r["normal_max"], r["unit"])
                _incident(
                    g, occurred=r["recorded_at"], source="inspection", eng=eng,
                    title=f"巡检异常：{r['item_text']}" + (f" {value}" if r["value_number"] is not None else ""),
                    description=f"巡检 {tpl.name} {slot.label}\n{r['section']} / {r['item_text']}: {value}"
                    + (f"（正常范围 {rng_txt}）" if rng_txt else ""),
                    service_id=r["service_id"], asset_id=r["asset_id"], result_id=r["id"],
                    severity=_proposed(g, tpl.code, r),
                )


def _proposed(g: _Gen, checklist: str, r: dict[str, Any]) -> Severity | None:
    """The level the profile gives a fault from this checklist item (as the app proposes it)."""
    svc = next((x.code for x in g.services if x.id == r["service_id"]), None)
    asset = next((x.code for x in g.assets if x.id == r["asset_id"]), None)
    return g.profile.severity(g.profile.default_severity(
        checklist=checklist, item=r["item_text"], service=svc, asset=asset))


def _sla(g: _Gen, inc: dict[str, Any], events: list[dict[str, Any]]) -> None:
    if g.calendars is None:
        return
    try:
        from app.services.incident.sla import incident_clocks

        clocks = incident_clocks(inc, events, g.profile, g.calendars, inc["closed_at"])
        inc["response_minutes"] = round(clocks.response_minutes, 1)
        inc["restore_minutes"] = round(clocks.restore_minutes, 1)
        inc["response_breached"] = clocks.response_breached
        inc["restore_breached"] = clocks.restore_breached
    except (ImportError, AttributeError, TypeError, KeyError, OpsLedgerError):
        return


def _incident(g: _Gen, *, occurred: datetime, source: str, eng: Engineer | None, title: str, description: str,
              service_id: uuid.UUID | None, asset_id: uuid.UUID | None, result_id: uuid.UUID | None = None,
              severity: Severity | None = None, reporter: tuple[str, str, str] = ("", "", "")) -> None:
    rng = g.rng
    sev = severity or g.severity()
    resp_target = float(sev.response_minutes)
    rest_target = float(sev.restore_minutes)
    reported = occurred + (timedelta(minutes=rng.randint(0, 2)) if source in ("inspection", "monitoring")
                           else timedelta(minutes=rng.randint(1, 20)))
    assignee = eng or rng.choice(g.workers)
    assigned_at = reported + timedelta(minutes=rng.randint(1, 6))
    late = rng.random() < 0.06
    responded = assigned_at + timedelta(minutes=rng.uniform(resp_target * 1.1, resp_target * 2.5) if late
                                        else rng.uniform(2, max(3.0, resp_target * 0.6)))
    onsite = responded + timedelta(minutes=rng.randint(3, 25))
    steps: list[tuple[str, datetime]] = [("assigned", assigned_at), ("in_progress", responded)]
    t = onsite
    if rng.random() < 0.18:
        p0 = t + timedelta(minutes=rng.randint(10, 60))
        p1 = p0 + timedelta(minutes=rng.randint(60, 60 * 30))
        steps += [("pending", p0), ("in_progress", p1)]
        t = p1
    late_fix = rng.random() < 0.08
    restored = t + timedelta(minutes=rng.uniform(rest_target * 0.8, rest_target * 2) if late_fix
                             else rng.uniform(10, max(15.0, rest_target * 0.5)))
    closed = restored + timedelta(minutes=rng.randint(10, 240))
    steps += [("restored", restored), ("closed", closed)]
    category = rng.choices(list(CAUSE_WEIGHTS), weights=list(CAUSE_WEIGHTS.values()))[0]
    cause, resolution = rng.choice(CAUSES[category])
    iid = g.uid()
    created_at = reported
    events = [{"incident_id": iid, "at": reported, "actor": assignee.name, "kind": "created",
               "from_status": "", "to_status": "new", "changes": {}, "note": ""}]
    status, prev = "new", "new"
    reached: dict[str, datetime] = {}
    for to, at in steps:
        if at > g.horizon:
            break
        note = f"派单给 {assignee.name}" if to == "assigned" else ("等待厂商/用户" if to == "pending" else "")
        events.append({"incident_id": iid, "at": at, "actor": assignee.name if to != "assigned" else g.lead.name,
                       "kind": "status", "from_status": prev, "to_status": to, "changes": {}, "note": note})
        prev = status = to
        reached.setdefault(to, at)
    is_closed = status == "closed"
    inc = {
        "id": iid, "number": g.number("INC", occurred), "contract_id": g.c.id, "title": title,
        "description": description, "severity": sev.code, "source": source, "status": status,
        "reporter_department": reporter[0], "reporter_name": reporter[1], "reporter_phone": reporter[2],
        "assignee_id": assignee.id if "assigned" in reached else None,
        "occurred_at": occurred, "reported_at": reported,
        "responded_at": responded if "in_progress" in reached else None,
        "onsite_at": onsite if "in_progress" in reached and onsite <= g.horizon else None,
        "restored_at": restored if "restored" in reached else None,
        "closed_at": closed if is_closed else None,
        "cause_category": category if "restored" in reached else "",
        "cause": cause if "restored" in reached else "",
        "resolution": resolution if "restored" in reached else "",
        "vendor_case_number": f"VC{occurred.astimezone(LOCAL_TZ):%Y%m%d}{rng.randint(100, 999)}"
        if category == "third_party" else "",
        "root_cause_analysis": (f"根因：{cause}。处置：{resolution}。改进：完善监控告警，纳入月度复盘。"
                                if sev.major and "restored" in reached else ""),
        "source_result_id": result_id, "source_request_id": None,
        "response_minutes": None, "restore_minutes": None, "response_breached": None, "restore_breached": None,
        "created_at": created_at, "updated_at": events[-1]["at"],
    }
    if is_closed:
        _sla(g, inc, events)
    g.add(Incident, inc)
    for e in events:
        g.add(IncidentEvent, e)
    if service_id:
        g.add(IncidentService, {"incident_id": iid, "service_id": service_id, "downtime_start": occurred,
                                "downtime_end": inc["restored_at"], "downtime_edited": False})
    if asset_id:
        g.add(IncidentAsset, {"incident_id": iid, "asset_id": asset_id})
    g.counts["incidents"] += 1
    g.counts["incident_events"] += len(events)


def _desk_incidents(g: _Gen) -> None:
    rng = g.rng
    channels = [ch for ch in g.profile.channels if ch in
                ("phone", "instant_message", "fax", "walk_in")] or ["phone"]
    for d in _walk(g.start, g.end):
        p = 0.10 if g.working(d) else 0.03
        if rng.random() >= p:
            continue
        if g.working(d):
            occurred = g.office_time(d) - timedelta(minutes=rng.randint(0, 30))
        else:
            occurred = local_dt(d, time(rng.randint(0, 23), rng.randint(0, 59)))
        source = rng.choices(channels + ["monitoring"], weights=[3] * len(channels) + [2])[0]
        svc = rng.choice(g.services) if g.services and rng.random() < 0.75 else None
        asset = rng.choice(g.assets) if g.assets and (svc is None or rng.random() < 0.25) else None
        if svc is not None:
            title = f"{svc.name}{rng.choice(SYMPTOMS)}"
        elif asset is not None:
            title = f"{asset.name}{rng.choice(ASSET_SYMPTOMS)}"
        else:
            title = rng.choice(["办公网络中断", "电话系统故障", "终端无法上网"])
        dept = rng.choice(g.depts)
        reporter = ("", "", "") if source == "monitoring" else (dept, g.person(), g.phone())
        desc = "监控系统告警" if source == "monitoring" else f"{dept}报告：{title}"
        _incident(g, occurred=occurred, source=source, eng=None, title=title, description=desc,
                  service_id=svc.id if svc else None, asset_id=asset.id if asset else None, reporter=reporter)


def _requests(g: _Gen) -> None:
    rng = g.rng
    cats = list(g.profile.request_category_codes)
    channels = list(g.profile.channels or ["phone"])
    for d in _walk(g.start, g.end):
        if g.working(d):
            n = rng.choices([0, 1, 2, 3, 4], weights=[15, 30, 30, 17, 8])[0]
        else:
            n = 1 if rng.random() < 0.08 else 0
        for _ in range(n):
            received = g.office_time(d) if g.working(d) else local_dt(d, time(rng.randint(9, 17), rng.randint(0, 59)))
            if received > g.horizon:
                continue
            cat = rng.choice(cats)
            title = rng.choice(REQUEST_TITLES.get(cat) or REQUEST_TITLES["other"])
            svc = rng.choice(g.services) if g.services and cat in ("account", "data_query", "software", "data_exchange") else None
            eng = rng.choice(g.workers) if rng.random() < 0.85 else g.lead
            rid = g.uid()
            assigned = received + timedelta(minutes=rng.randint(1, 5))
            responded = assigned + timedelta(minutes=rng.randint(2, 25) if rng.random() > 0.05 else rng.randint(35, 120))
            resolved = responded + timedelta(minutes=rng.randint(10, 240))
            followup = resolved + timedelta(hours=rng.randint(1, 48))
            closed = followup + timedelta(minutes=rng.randint(1, 30))
            status, last = "new", received
            assignee_id = None
            if assigned <= g.horizon:
                status, last, assignee_id = "assigned", assigned, eng.id
                g.add(RequestAssignment, {"request_id": rid, "at": assigned, "from_engineer_id": None,
                                          "to_engineer_id": eng.id, "actor": g.lead.name, "note": ""})
                if len(g.engineers) > 1 and rng.random() < 0.06:
                    other = rng.choice([e for e in g.engineers if e.id != eng.id])
                    at = assigned + timedelta(minutes=rng.randint(2, 20))
                    if at <= g.horizon:
                        g.add(RequestAssignment, {"request_id": rid, "at": at, "from_engineer_id": eng.id,
                                                  "to_engineer_id": other.id, "actor": eng.name, "note": "转派"})
                        assignee_id, last = other.id, at
            if responded <= g.horizon and status == "assigned":
                status, last = "in_progress", max(last, responded)
            if resolved <= g.horizon and status == "in_progress":
                status, last = "resolved", resolved
            rating, complaint, complaint_text, fu_at, fu_by = None, False, "", None, ""
            if followup <= g.horizon and status == "resolved":
                r = rng.random()
                rating = ("satisfied" if r < 0.86 else "mostly_satisfied" if r < 0.94
                          else "dissatisfied" if r < 0.955 else None)
                if rating is not None:
                    fu_at, fu_by = followup, g.lead.name
                if rating == "dissatisfied" and rng.random() < 0.5:
                    complaint, complaint_text = True, rng.choice(COMPLAINTS)
                if closed <= g.horizon:
                    status, last = "closed", closed
            g.add(ServiceRequest, {
                "id": rid, "number": g.number("SR", received), "contract_id": g.c.id,
                "channel": rng.choice(channels), "category": cat, "service_id": svc.id if svc else None,
                "title": title, "description": f"{title}（{rng.choice(g.depts)}）",
                "requester_department": rng.choice(g.depts), "requester_name": g.person(),
                "requester_phone": g.phone(), "status": status, "assignee_id": assignee_id,
                "received_at": received,
                "responded_at": responded if status in ("in_progress", "resolved", "closed") else None,
                "resolved_at": resolved if status in ("resolved", "closed") else None,
                "closed_at": closed if status == "closed" else None,
                "resolution": rng.choice(REQUEST_RESOLUTIONS) if status in ("resolved", "closed") else "",
                "followup_at": fu_at, "followup_by": fu_by, "satisfaction": rating,
                "complaint": complaint, "complaint_text": complaint_text, "converted_incident_id": None,
                "created_at": received, "updated_at": last,
            })
            g.counts["requests"] += 1


def _requirements(g: _Gen) -> None:
    rng = g.rng
    for d in _walk(g.start, g.end):
        if not g.working(d) or rng.random() >= 0.12:
            continue
        at = g.office_time(d)
        if at > g.horizon:
            continue
        age = (g.end - d).days
        if age > 60:
            status = rng.choices(["done", "accepted", "rejected", "reported"], weights=[55, 20, 10, 15])[0]
        elif age > 20:
            status = rng.choices(["reported", "accepted", "analysed", "done"], weights=[40, 25, 25, 10])[0]
        else:
            status = rng.choices(["collected", "analysed"], weights=[65, 35])[0]
        svc = rng.choice(g.services) if g.services else None
        updated = min(g.horizon, at + timedelta(days=min(age, rng.randint(0, 45))))
        g.add(Requirement, {
            "number": g.number("RQ", at), "contract_id": g.c.id, "service_id": svc.id if svc else None,
            "title": f"{svc.name if svc else '业务系统'}{rng.choice(REQUIREMENT_TITLES)}",
            "description": "用户提出，经驻场工程师整理", "requester_department": rng.choice(g.depts),
            "requester_name": g.person(), "status": status, "collected_at": at, "updated_at": updated,
            "note": "不具备实施条件" if status == "rejected" else "",
        })
        g.counts["requirements"] += 1


def _worklog(g: _Gen) -> None:
    rng = g.rng
    for d in _walk(g.start, g.end):
        if not g.working(d):
            continue
        for e in g.engineers:
            if rng.random() >= 0.5:
                continue
            at = local_dt(d, time(rng.randint(13, 16), rng.choice([0, 15, 30, 45])))
            if at > g.horizon:
                continue
            summary, base = rng.choice(WORKLOG)
            g.add(WorkLogEntry, {
                "contract_id": g.c.id, "engineer_id": e.id, "work_date": d, "started_at": at,
                "duration_minutes": max(15, base + rng.choice([-15, 0, 0, 15, 30])), "summary": summary,
                "source_kind": "manual", "source_id": None,
            })
            g.counts["worklog"] += 1


INSERT_ORDER = (Inspection, InspectionResult, ServiceRequest, RequestAssignment, Incident, IncidentEvent,
                IncidentService, IncidentAsset, Requirement, WorkLogEntry)


def generate_demo(
    session: Session,
    contract: Contract,
    *,
    days: int,
    end: date,
    seed: int = 0,
    actor: str = "demo",
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Fill ``days`` days ending ``end`` (local dates, inclusive) of demo history for ``contract``
    in the caller's transaction; returns counts (``inspections``, ``results``,
    ``abnormal_results``, ``missed_slots``, ``incidents``, ``incident_events``, ``requests``,
    ``requirements``, ``worklog``).  Slots already inspected are skipped; numbers continue the
    counters.  Moves ``contract.ledger_start`` back to the first demo day when it is later.
    Raises ``ValidationError`` for ``days`` outside 1..3700 or a contract without
    engineers.
    """
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError("days", N_("must be between 1 and {max_days}, not {days}"), max_days=MAX_DAYS, days=days)
    start = end - timedelta(days=days - 1)
    if contract.effective_ledger_start > start:
        # demo history is history brought in: the start of use (启用日期) moves back to its first
        # day, so its slots are due and its records counted
        contract.ledger_start = start
        session.flush()
    g = _Gen(session, contract, start, end, seed)
    say = progress or (lambda _m: None)
    say("inspections")
    _inspections(g)
    say("incidents")
    _desk_incidents(g)
    say("service requests")
    _requests(g)
    _requirements(g)
    _worklog(g)
    say("writing")
    for model in INSERT_ORDER:
        rows = g.rows.get(model, [])
        for i in range(0, len(rows), BATCH):
            session.execute(insert(model), rows[i:i + BATCH])
    existing = {(n.prefix, n.year): n for n in session.scalars(select(NumberSequence))}
    for (prefix, year), last in sorted(g.numbers.items()):
        if (prefix, year) in existing:
            existing[(prefix, year)].last = last
        else:
            session.add(NumberSequence(prefix=prefix, year=year, last=last))
    counts = {k: g.counts.get(k, 0) for k in ("inspections", "results", "abnormal_results", "missed_slots",
                                              "incidents", "incident_events", "requests", "requirements",
                                              "worklog")}
    audit.record(session, actor=actor, action="demo.generate", entity_kind="contract", entity_id=contract.id,
                 summary=f"demo data {start} – {end} (seed {seed})", details=dict(counts, seed=seed, days=days))
    session.flush()
    return counts


#: The record kinds whose presence means "this database holds real data" (checked by run_demo).
RECORD_KINDS = ((Inspection, "{n} inspections"), (Incident, "{n} incidents"),
                (ServiceRequest, "{n} service requests"), (Requirement, "{n} requirements"),
                (WorkLogEntry, "{n} work-log entries"))  # msgids (shell.po)


class DatabaseNotEmpty(OpsLedgerError):
    """``demo`` refused: the database already holds records; ``counts`` says which."""

    def __init__(self, counts: dict[str, int]) -> None:
        from app.core.i18n import _

        self.counts = counts
        listing = _(", ").join(_(kind, n=n) for kind, n in counts.items())
        super().__init__(_(
            "This database already holds records ({listing}); demo data go only into an empty "
            "database, so nothing was added. Give another file with --db.", listing=listing))


def existing_records(session: Session) -> dict[str, int]:
    """Counts of the records already in the database (any contract), only kinds with rows."""
    from sqlalchemy import func

    counts = {name: int(session.scalar(select(func.count()).select_from(model)) or 0) for model, name in RECORD_KINDS}
    return {name: n for name, n in counts.items() if n}


def run_demo(db: Any, contract_name: str, *, days: int, end: date, seed: int = 0,
             progress: Callable[[str], None] | None = None) -> tuple[dict[str, int], float]:
    """Open-or-import the shipped contract ``contract_name`` and generate demo data in ONE
    transaction of ``db``; returns ``(counts, elapsed_seconds)``.  Raises ``OpsLedgerError`` when
    neither the database nor the shipped profiles know the contract, and ``DatabaseNotEmpty``
    (a sentence, nothing written) when the database already holds records: demo numbers and
    slots would collide with them (issue #8.8: a second ``demo`` ended in an IntegrityError)."""
    from app.services.contract.profiles import find_profile, import_profile, load_profile_file
    from app.services.queries.lookup import get_contract

    t0 = _time.perf_counter()
    with db.session() as s:
        found = existing_records(s)
        if found:
            raise DatabaseNotEmpty(found)
        known = {c.name for c in s.scalars(select(Contract))}
        if contract_name in known:
            contract = get_contract(s, contract_name)
        else:
            contract = import_profile(s, load_profile_file(find_profile(contract_name)), actor="demo")
        counts = generate_demo(s, contract, days=days, end=end, seed=seed, progress=progress)
    return counts, _time.perf_counter() - t0
