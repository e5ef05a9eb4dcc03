"""A realistic monthly ``ReportDocument`` (Justice Bureau style) for the renderer tests.

Built by hand so the renderers can be tested without the composer; figures are fixed so tests
can look for them in the output.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from app.reports.compose.document import (
    Chart,
    Heading,
    KeyValues,
    PageBreak,
    Paragraph,
    ReportDocument,
    SignOff,
    Table,
)

CLIENT = "北京市司法局"
PROVIDER = "北京某某信息技术有限公司"
KPI_HEADER = ["考核指标", "目标值", "实际值", "是否达标"]
INSPECTION_HEADER = ["巡检编号", "日期", "班次", "巡检人", "检查项", "异常项", "备注"]
INCIDENT_HEADER = ["故障编号", "发生时间", "级别", "标题", "响应时长(分钟)", "恢复时长(分钟)", "是否超时"]


def sample_document(inspection_rows: int = 90, with_contents: bool = True) -> ReportDocument:
    """A monthly report for November 2026 with ``inspection_rows`` inspection rows (long enough
    to span several A4 pages at the default 90)."""
    gen = datetime(2026, 12, 1, 2, 30, tzinfo=UTC)
    inspections = []
    day0 = date(2026, 11, 1)
    for i in range(inspection_rows):
        d = day0 + timedelta(days=i % 30)
        inspections.append([
            f"INS-2026-{i + 1:04d}", d, "上午" if i % 2 == 0 else "下午",
            "张伟" if i % 3 else "李娜", 24, 1 if i % 17 == 0 else 0,
            "机房空调回风温度偏高，已通知物业调整" if i % 17 == 0 else "",
        ])
    incidents = [
        ["INC-2026-0031", datetime(2026, 11, 3, 1, 15, tzinfo=UTC), "一般",
         "社区矫正系统登录缓慢", 12, 95, "否"],
        ["INC-2026-0032", datetime(2026, 11, 12, 6, 40, tzinfo=UTC), "严重",
         "核心交换机端口故障导致办公网中断（=SUM(A1) 不是公式）", 8, 260, "是"],
        ["INC-2026-0033", datetime(2026, 11, 25, 9, 5, tzinfo=UTC), "一般",
         "打印服务器队列阻塞", 20, 45, "否"],
    ]
    blocks = [
        Heading("一、服务概况"),
        Paragraph("本月驻场运维服务按合同约定正常开展，系统整体运行平稳。"),
        KeyValues([("巡检完成率", "98.3%"), ("故障总数", 3), ("服务请求", 41), ("用户满意度", "96.5%")],
                  title="本月主要指标"),
        Table(KPI_HEADER, [
            ["系统可用率", "≥ 99.0%", "99.62%", "达标"],
            ["巡检完成率", "100%", "98.3%", "未达标"],
            ["故障响应及时率", "≥ 95%", "100%", "达标"],
            ["用户满意度", "≥ 95%", "96.5%", "达标"],
        ], title="绩效考核指标", highlight_rows=[1], col_widths=[3, 2, 2, 1.5]),
        Chart("各系统可用率", "bar", ["办公网", "社区矫正系统", "门户网站", "视频会议"],
              {"可用率": [99.2, 99.9, 100.0, 99.4], "目标": [99.0, 99.0, 99.0, 99.0]}, unit="%"),
        PageBreak(),
        Heading("二、巡检情况"),
        Paragraph(f"本月共完成巡检 {inspection_rows} 次，"
                  f"发现异常 {sum(r[5] for r in inspections)} 项，均已处理。"),
        Table(INSPECTION_HEADER, inspections, title="巡检明细",
              highlight_rows=[i for i, r in enumerate(inspections) if r[5]],
              col_widths=[2.2, 1.8, 1, 1.2, 1, 1, 4]),
        Chart("每周巡检次数", "line", ["第1周", "第2周", "第3周", "第4周", "第5周"],
              {"巡检次数": [20.0, 21.0, 19.0, 22.0, 8.0]}),
        Heading("三、故障情况"),
        Heading("3.1 故障明细", level=2),
        Table(INCIDENT_HEADER, incidents, title="故障明细", highlight_rows=[1]),
        Heading("3.2 故障分类", level=2),
        Chart("故障级别分布", "pie", ["一般", "严重"], {"数量": [2.0, 1.0]}),
        Heading("四、存在问题与下期计划"),
        Paragraph("1. 机房空调回风温度偏高，需物业配合调整。\n2. 核心交换机备件不足。", style="narrative"),
        Paragraph("下期计划：完成核心交换机固件升级；开展年度等保测评配合工作。", style="narrative"),
        Paragraph("注：可用率按合同服务时间（5×8）计算。", style="note"),
        SignOff(CLIENT, PROVIDER),
    ]
    return ReportDocument(
        title=f"{CLIENT} 运维服务月报",
        subtitle="驻场运维服务项目",
        period_label="2026年11月 (2026-11-01 至 2026-11-30)",
        client=CLIENT,
        provider=PROVIDER,
        generated_at=gen,
        cover=[("合同名称", "北京市司法局信息系统运维服务项目"), ("合同编号", "BJSFJ-2024-017")],
        blocks=blocks,
        with_contents=with_contents,
        period_start=date(2026, 11, 1),
        period_end=date(2026, 11, 30),
    )
