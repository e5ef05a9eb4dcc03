"""Compose :class:`~app.reports.data.builder.ReportData` into a Chinese :class:`ReportDocument`.

The composer only words and arranges figures the builder computed; it never queries.  Sections
(periodic reports): 一、总体情况 二、考核指标 三、巡检 四、故障 五、系统可用率 六、服务台 七、需求
八、工作量 九、存在问题 十、下期计划, then 签字确认.  The ``requirements`` kind (Pinggu 第三条
"每月整理一份需求文档") is a document of its own: requirements collected or updated in the month,
by service and status, each with requester, description and status.  Figures with no data say
"无数据"; sections for records that do not exist (backups, drills, duty shifts) are not shown.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from typing import Any

from app.core import kpi as K
from app.reports.data.builder import ReportData
from app.reports.compose.document import (
    Block,
    Chart,
    Heading,
    KeyValues,
    PageBreak,
    Paragraph,
    ReportDocument,
    SignOff,
    Table,
)
from app.core.periods import KIND_NAMES_ZH
from app.core.timeutil import fmt_local, to_local

LONG_KINDS = ("quarterly", "half-year", "annual")
NARRATIVE_KEYS = ("summary", "problems", "plan")

#: How a KPI comparison reads in a Chinese report.
COMPARISON_ZH = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}


def source_zh(source: str) -> str:
    """A profile ``source`` as the client reads it: the marker ``practice`` (no figure in the
    contract, a common value chosen) becomes ``行业惯例``; contract clauses are kept as written."""
    return source.replace("practice", "行业惯例") if source else "—"


def _v(value: float | int | None, unit: str = "") -> str:
    return K.fmt_value(value, unit)


def _with_prev(cur: float | int | None, prev: float | int | None, unit: str, has_prev: bool) -> str:
    text = _v(cur, unit)
    if has_prev:
        text += f"（上期 {_v(prev, unit)}）"
    return text


def _minutes(m: float | None) -> str:
    if m is None:
        return K.NO_DATA
    return f"{m:.0f} 分钟" if m < 120 else f"{m:.0f} 分钟（{m / 60:.1f} 小时）"


def _title(data: ReportData) -> str:
    name = data.profile.report_name(data.period.kind) or ("运维服务" + KIND_NAMES_ZH.get(data.period.kind, "报告"))
    return f"{data.client} {name}"


def compose(data: ReportData, *, narrative: dict[str, str] | None = None,
            prepared_on: date | None = None) -> ReportDocument:
    """Build the Chinese report document for ``data``.

    ``narrative`` holds the editable texts ``{"summary", "problems", "plan"}`` (missing or empty
    ones get a neutral default sentence).  ``prepared_on`` (default: the local date of
    ``data.generated_at``) is the 编制日期 on the cover.  Returns a ``ReportDocument`` with
    ``with_contents`` for quarterly and longer reports.
    """
    narrative = {k: (narrative or {}).get(k) or "" for k in NARRATIVE_KEYS}
    p = data.period
    prepared_on = prepared_on or to_local(data.generated_at).date()
    cover = [
        ("合同", data.contract_title),
        ("甲方", data.client),
        ("乙方", data.provider),
        ("服务期", f"{data.term_start.isoformat()} 至 {data.term_end.isoformat()}"),
        ("报告期", p.label_full),
        ("编制单位", data.provider),
        ("编制日期", prepared_on.isoformat()),
    ]
    doc = ReportDocument(
        title=_title(data), subtitle=data.contract_title, period_label=p.label_full,
        client=data.client, provider=data.provider, generated_at=data.generated_at, cover=cover,
        with_contents=p.kind in LONG_KINDS, period_start=p.start, period_end=p.end,
    )
    if p.kind == "requirements":
        doc.blocks = _requirements_document(data)
    else:
        doc.blocks = _periodic(data, narrative)
    doc.blocks.append(SignOff(client=data.client, provider=data.provider))
    return doc


# --------------------------------------------------------------------------- periodic reports
def _periodic(data: ReportData, narrative: dict[str, str]) -> list[Block]:
    b: list[Block] = []
    h, ph = data.headline, data.previous_headline
    has_prev = bool(ph)
    prev_label = f"上期为 {data.previous_period.label_zh}。" if data.previous_period and has_prev else ""

    # 一、总体情况
    b.append(Heading("一、总体情况"))
    if not data.has_data:
        b.append(Paragraph(f"报告期内无数据：{data.period.label_zh} 没有巡检、故障、工单、需求或工作日志记录。",
                           "note"))
    b.append(Paragraph(narrative["summary"] or _auto_summary(data), "narrative"))
    b.append(KeyValues(title="主要数据", items=[
        ("巡检应完成 / 已完成 / 漏检", f"{h['inspections.due']} / {h['inspections.done']} / {h['inspections.missed']}"),
        ("巡检完成率", _with_prev(h["inspections.rate_pct"], ph.get("inspections.rate_pct"), "%", has_prev)),
        ("巡检异常项", _with_prev(h["inspections.abnormal"], ph.get("inspections.abnormal"), "项", has_prev)),
        ("故障数", _with_prev(h["incidents.total"], ph.get("incidents.total"), "起", has_prev)),
        ("重大故障", _with_prev(h["incidents.major"], ph.get("incidents.major"), "起", has_prev)),
        ("期末未关闭故障", _v(h["incidents.open_at_end"], "起")),
        ("平均修复时间 (服务时间)", _minutes(h["incidents.mttr_minutes"])),
        ("系统可用率 (综合)", _with_prev(h["availability.overall_pct"], ph.get("availability.overall_pct"), "%",
                                     has_prev)),
        ("服务请求 (工单)", _with_prev(h["requests.total"], ph.get("requests.total"), "件", has_prev)),
        ("用户满意度", _with_prev(h["requests.satisfaction_pct"], ph.get("requests.satisfaction_pct"), "%",
                               has_prev)),
        ("投诉", _v(h["requests.complaints"], "件")),
        ("新收集需求", _v(h["requirements.total"], "项")),
        ("工作量", _v(h["worklog.hours"], "小时")),
    ]))
    if prev_label:
        b.append(Paragraph(prev_label, "note"))

    # 二、考核指标
    b.append(Heading("二、考核指标"))
    rows, hl = [], []
    for i, k in enumerate(data.kpis):
        met = "无数据" if k.met is None else ("达标" if k.met else "未达标")
        rows.append([k.name, f"{COMPARISON_ZH.get(k.comparison, k.comparison)} {_v(k.target, k.unit)}",
                     _v(k.actual, k.unit), _v(k.previous, k.unit) if has_prev else "—", met,
                     source_zh(k.source)])
        if k.met is False:
            hl.append(i)
    if rows:
        b.append(Table(["指标", "目标", "本期", "上期", "结论", "依据"], rows, title="考核指标",
                       highlight_rows=hl, col_widths=[3, 2, 2, 2, 1.5, 3]))
        unmet = [k.name for k in data.kpis if k.met is False]
        if unmet:
            b.append(Paragraph("未达标指标：" + "、".join(unmet) + "。", "note"))
    else:
        b.append(Paragraph("合同未约定考核指标。", "note"))

    # 三、巡检
    ins = data.inspections
    b.append(Heading("三、巡检"))
    if ins["due"] == 0 and ins["done"] == 0:
        b.append(Paragraph("报告期内无应完成巡检（无数据）。", "note"))
    else:
        b.append(Table(["巡检模板", "频次", "应完成", "已完成", "漏检", "完成率"],
                       [[t["name"], _FREQ.get(t["frequency"], t["frequency"]), t["due"], t["done"], t["missed"],
                         _v(t["rate_pct"], "%")] for t in ins["by_template"]],
                       title="按巡检模板", highlight_rows=[i for i, t in enumerate(ins["by_template"]) if t["missed"]]))
        if ins["by_engineer"]:
            b.append(Table(["工程师", "完成巡检次数"], [[e["name"], e["done"]] for e in ins["by_engineer"]],
                           title="按工程师"))
    if ins["abnormal"]:
        b.append(Table(["巡检单号", "日期", "模板", "检查项", "结果", "说明", "关联故障", "故障状态"],
                       [[a["inspection"], a["date"], a["template"], a["item"], a["value"], a["note"],
                         a["incident"] or "无", a["incident_status"]] for a in ins["abnormal"]],
                       title="巡检异常及处理", col_widths=[2.2, 2.2, 2, 3, 1.2, 2, 2.2, 1.2]))
    elif ins["done"]:
        b.append(Paragraph("报告期内巡检未发现异常。"))

    # 四、故障
    inc = data.incidents
    b.append(Heading("四、故障"))
    if inc["total"] == 0:
        b.append(Paragraph("报告期内未发生故障（无数据）。"))
    else:
        b.append(Table(["故障级别", "数量"], [[r["name"], r["count"]] for r in inc["by_severity"]], title="按级别"))
        b.append(Table(["原因分类", "数量"], [[r["name"], r["count"]] for r in inc["by_cause"]], title="按原因"))
        if inc["by_service"]:
            b.append(Table(["业务系统", "数量"], [[r["name"], r["count"]] for r in inc["by_service"]],
                           title="按业务系统"))
        b.append(Chart("故障原因分布", "bar", [r["name"] for r in inc["by_cause"]],
                       {"故障数": [float(r["count"]) for r in inc["by_cause"]]}, unit="起"))
    b.append(Table(["SLA", "达标", "超时", "未到期", "无法计算", "达标率"],
                   [[name, s["met"], s["breached"], s["pending"], s["not_computable"], _v(s["rate_pct"], "%")]
                    for name, s in (("响应", inc["response"]), ("修复", inc["restore"]))],
                   title="SLA 达标情况",
                   highlight_rows=[i for i, s in enumerate((inc["response"], inc["restore"])) if s["breached"]]))
    if inc["response"]["not_computable"] or inc["restore"]["not_computable"]:
        b.append(Paragraph("部分故障的 SLA 时钟无法计算，未计入达标率"
                           + (f"：{inc['not_computable_reason']}" if inc["not_computable_reason"] else "。"), "note"))
    b.append(Paragraph(f"平均修复时间（服务时间）：{_minutes(inc['mttr_minutes'])}。"))
    if inc["major"]:
        b.append(Table(["故障单号", "标题", "级别", "发生时间", "恢复时间", "原因分类", "原因", "处理结果"],
                       [[m["number"], m["title"], m["severity"], fmt_local(m["occurred"]), fmt_local(m["restored"]),
                         m["cause_category"], m["cause"], m["resolution"]] for m in inc["major"]],
                       title="重大故障", col_widths=[2, 3, 1.2, 2, 2, 1.2, 3, 3]))
    if inc["open_at_end"]:
        b.append(Table(["故障单号", "标题", "级别", "状态", "发生时间"],
                       [[o["number"], o["title"], o["severity"], o["status"], fmt_local(o["occurred"])]
                        for o in inc["open_at_end"]], title="期末未关闭故障"))
    else:
        b.append(Paragraph("期末无未关闭故障。"))

    # 五、系统可用率
    b.append(Heading("五、系统可用率"))
    av = data.availability
    if av:
        b.append(Table(["业务系统", "服务日历", "服务时间(分钟)", "停机(分钟)", "可用率", "目标", "结论", "说明"],
                       [[a.name, a.calendar, _num(a.service_minutes), _num(a.downtime_minutes), _v(a.pct, "%"),
                         _v(a.target_pct, "%"), "无数据" if a.met is None else ("达标" if a.met else "未达标"),
                         a.note or "、".join(a.incidents)] for a in av],
                       title="各系统可用率（服务时间内）", highlight_rows=[i for i, a in enumerate(av) if a.met is False]))
        b.append(Chart("各系统可用率", "bar", [a.name for a in av],
                       {"可用率": [a.pct if a.pct is not None else 0.0 for a in av]}, unit="%"))
        b.append(Paragraph("可用率 = 1 − 停机时长 ÷ 服务时间，均按各系统服务日历的服务时间计算。", "note"))
    else:
        b.append(Paragraph("合同未列业务系统（无数据）。", "note"))
    long_kpi = next(iter(data.profile.kpis_of("long_outage_count")), None)
    if long_kpi:
        thr = float(long_kpi.threshold_minutes or 120)
        if data.long_outages:
            b.append(Table(["故障单号", "标题", "工作时间内中断(分钟)"],
                           [[o["number"], o["title"], round(o["minutes"])] for o in data.long_outages],
                           title=f"工作时间内超过 {thr:.0f} 分钟的中断"))
        else:
            b.append(Paragraph(f"报告期内无工作时间内超过 {thr:.0f} 分钟的中断。"))
    if len(data.trend) > 1:
        cats = [t["label"] for t in data.trend]
        b.append(Chart("近期故障数趋势", "line", cats, {"故障数": [float(t["incidents"]) for t in data.trend]},
                       unit="起"))
        b.append(Chart("近期系统可用率趋势", "line", cats,
                       {"综合可用率": [t["availability_pct"] if t["availability_pct"] is not None else 0.0
                                  for t in data.trend]}, unit="%"))

    # 六、服务台
    rq = data.requests
    b.append(Heading("六、服务台"))
    if rq["total"] == 0:
        b.append(Paragraph("报告期内无服务请求（无数据）。"))
    else:
        b.append(Table(["受理渠道", "数量"], [[r["name"], r["count"]] for r in rq["by_channel"]], title="按渠道"))
        b.append(Table(["服务类别", "数量"], [[r["name"], r["count"]] for r in rq["by_category"]], title="按类别"))
    r = rq["response"]
    s = rq["satisfaction"]
    b.append(KeyValues(title="响应及满意度", items=[
        ("响应及时", f"{r['met']} 件；超时 {r['breached']} 件；未到期 {r['pending']} 件"),
        ("响应及时率", _v(r["rate_pct"], "%")),
        ("满意 / 基本满意 / 不满意 / 未评价", f"{s['satisfied']} / {s['mostly_satisfied']} / {s['dissatisfied']} / "
                                        f"{s['unrated']}"),
        ("满意度（不含未评价）", _v(s["rate_pct"], "%")),
        ("投诉", f"{len(rq['complaints'])} 件"),
    ]))
    if rq["complaints"]:
        b.append(Table(["工单号", "标题", "投诉内容"], [[c["number"], c["title"], c["text"]] for c in rq["complaints"]],
                       title="投诉"))

    # 七、需求
    b.append(Heading("七、需求"))
    if data.requirements:
        b.append(Table(["需求编号", "业务系统", "需求", "提出人", "状态"],
                       [[q["number"], q["service"], q["title"], q["requester"], q["status"]] for q in data.requirements],
                       title="报告期内收集的需求"))
    else:
        b.append(Paragraph("报告期内未收集需求（无数据）。"))

    # 八、工作量
    b.append(Heading("八、工作量"))
    wl = data.worklog
    if wl["by_engineer"]:
        b.append(Table(["工程师", "工时(小时，含巡检用时)", "手工日志条数"],
                       [[w["name"], w["hours"], w["entries"]] for w in wl["by_engineer"]]
                       + [["合计", wl["total_hours"], sum(w["entries"] for w in wl["by_engineer"])]],
                       title="工作日志工时"))
    else:
        b.append(Paragraph("报告期内无工作日志（无数据）。"))

    # 九、十
    b.append(Heading("九、存在问题"))
    b.append(Paragraph(narrative["problems"] or _auto_problems(data), "narrative"))
    b.append(Heading("十、下期计划"))
    b.append(Paragraph(narrative["plan"] or "按合同约定继续做好日常巡检、故障处理和服务台工作。", "narrative"))
    b.append(PageBreak())
    b.append(Heading("签字确认"))
    return b


_FREQ = {"twice_daily": "每日两次", "daily": "每日", "weekly": "每周", "monthly": "每月", "quarterly": "每季度",
         "ad_hoc": "不定期"}


def _num(v: float | None) -> str:
    return K.NO_DATA if v is None else f"{v:.0f}"


def _auto_summary(data: ReportData) -> str:
    h = data.headline
    return (f"{data.period.label_zh}，乙方驻场工程师按合同完成巡检 {h['inspections.done']} 次"
            f"（完成率 {_v(h['inspections.rate_pct'], '%')}），处理故障 {h['incidents.total']} 起"
            f"（其中重大故障 {h['incidents.major']} 起），受理服务请求 {h['requests.total']} 件，"
            f"系统综合可用率 {_v(h['availability.overall_pct'], '%')}。")


def _auto_problems(data: ReportData) -> str:
    unmet = [k.name for k in data.kpis if k.met is False]
    items = []
    if unmet:
        items.append("未达标指标：" + "、".join(unmet))
    if data.headline.get("incidents.open_at_end"):
        items.append(f"期末仍有 {data.headline['incidents.open_at_end']} 起故障未关闭")
    if data.headline.get("inspections.missed"):
        items.append(f"漏检 {data.headline['inspections.missed']} 次")
    return "；".join(items) + "。" if items else "报告期内无突出问题。"


# --------------------------------------------------------------------------- requirements document
def _requirements_document(data: ReportData) -> list[Block]:
    b: list[Block] = []
    reqs = data.requirements
    b.append(Heading("一、需求概况"))
    if not reqs:
        b.append(Paragraph(f"{data.period.label_zh} 未收集或更新需求（无数据）。"))
        return b
    new = sum(1 for r in reqs if r["new"])
    b.append(KeyValues(items=[("本月新收集", f"{new} 项"), ("本月更新（以前收集）", f"{len(reqs) - new} 项"),
                              ("合计", f"{len(reqs)} 项")]))
    by_svc = Counter(r["service"] or "未指定" for r in reqs)
    by_status = Counter(r["status"] for r in reqs)
    b.append(Table(["业务系统", "需求数"], [[k, v] for k, v in sorted(by_svc.items())], title="按业务系统"))
    b.append(Table(["状态", "需求数"], [[k, v] for k, v in sorted(by_status.items())], title="按状态"))
    b.append(Heading("二、需求明细"))
    b.append(Table(["需求编号", "业务系统", "需求", "提出人", "需求描述", "状态", "收集日期"],
                   [[r["number"], r["service"], r["title"], r["requester"], r["description"], r["status"],
                     _local_date(r["collected"])] for r in reqs],
                   title="需求明细", col_widths=[2, 2, 3, 2, 5, 1.2, 1.8]))
    return b


def _local_date(v: Any) -> Any:
    return to_local(v).date() if isinstance(v, datetime) else v
