"""Column specs of the Excel fault log, request, requirement and work-log workbooks.

One list per record kind, shared by ``record_export`` (writes the headers in this order, Chinese
text) and ``record_import`` (finds each column by its Chinese or English header, any order), so
the two cannot drift.

``Column.kind`` says how a cell is written and read:

- ``text`` plain text; ``int`` whole number; ``bool`` 是/否 (also yes/no, true/false, 1/0)
- ``datetime`` local (Beijing) time to the minute, a real Excel date; ``date`` a local date
- ``severity`` a profile severity code (or its name); ``category`` a request category code/name
- ``service`` / ``services`` one / several (``; ``-separated) service codes (or names)
- ``assets`` several asset codes; ``engineer`` an engineer name
- ``enum:<name>`` a member of the vocabulary ``ENUMS[name]`` (its code or any of its labels)
- ``computed`` written by export only (SLA columns); ignored by import
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.core.vocab import (
    CauseCategory,
    Channel,
    IncidentSource,
    IncidentStatus,
    RequestStatus,
    RequirementStatus,
    Satisfaction,
    WorkLogSource,
    label_of,
    parse,
)


@dataclass(frozen=True)
class Column:
    """One workbook column: model/record ``key``, Chinese and English header, kind, required."""

    key: str
    zh: str
    en: str
    kind: str = "text"
    required: bool = False

    @property
    def headers(self) -> tuple[str, str]:
        """The header texts import accepts (Chinese, English)."""
        return (self.zh, self.en)


# Enumerated columns: ``enum:<name>`` → its vocabulary.  Labels come from the one label table
# (``app.core.vocab.label``); import also accepts codes, labels in either language and labels
# earlier versions wrote (``vocab.LEGACY_LABELS``: 不明, 已拒绝, 邮件 …).
ENUMS: dict[str, type[StrEnum]] = {
    "incident_status": IncidentStatus,
    "incident_source": IncidentSource,
    "cause_category": CauseCategory,
    "request_status": RequestStatus,
    "channel": Channel,
    "satisfaction": Satisfaction,
    "requirement_status": RequirementStatus,
    "worklog_source": WorkLogSource,
}

MAIN_SHEET = {"incidents": "故障台账", "requests": "工单台账", "requirements": "需求台账", "worklog": "工作日志"}
SERVICES_SHEET = "影响业务系统"
HISTORY_SHEET = "处理记录"

INCIDENT_COLUMNS: list[Column] = [
    Column("number", "故障编号", "Number"),
    Column("title", "故障标题", "Title", "text", True),
    Column("severity", "故障级别", "Severity", "severity", True),
    Column("status", "状态", "Status", "enum:incident_status"),
    Column("source", "来源", "Source", "enum:incident_source"),
    Column("occurred_at", "发生时间", "Occurred at", "datetime", True),
    Column("reported_at", "报修时间", "Reported at", "datetime"),
    Column("responded_at", "响应时间", "Responded at", "datetime"),
    Column("onsite_at", "到场时间", "On-site at", "datetime"),
    Column("restored_at", "恢复时间", "Restored at", "datetime"),
    Column("closed_at", "关闭时间", "Closed at", "datetime"),
    Column("services", "影响业务系统", "Affected services", "services"),
    Column("assets", "影响设备", "Affected assets", "assets"),
    Column("assignee", "处理人", "Assignee", "engineer"),
    Column("reporter_department", "报修部门", "Reporter department"),
    Column("reporter_name", "报修人", "Reporter"),
    Column("reporter_phone", "报修电话", "Reporter phone"),
    Column("description", "故障描述", "Description"),
    Column("cause_category", "原因分类", "Cause category", "enum:cause_category"),
    Column("cause", "故障原因", "Cause"),
    Column("resolution", "解决方式", "Resolution"),
    Column("vendor_case_number", "厂商案例号", "Vendor case number"),
    Column("root_cause_analysis", "根因分析", "Root-cause analysis"),
    Column("response_minutes", "响应时长(分钟)", "Time to respond (min)", "computed"),
    Column("response_target", "响应目标(分钟)", "Response target (min)", "computed"),
    Column("response_result", "响应达标", "Response met", "computed"),
    Column("restore_minutes", "恢复时长(分钟)", "Time to restore (min)", "computed"),
    Column("restore_target", "恢复目标(分钟)", "Restore target (min)", "computed"),
    Column("restore_result", "恢复达标", "Restore met", "computed"),
]

INCIDENT_SERVICE_COLUMNS: list[Column] = [
    Column("number", "故障编号", "Number", "text", True),
    Column("service", "业务系统", "Service", "service", True),
    Column("service_name", "业务系统名称", "Service name", "computed"),
    Column("downtime_start", "停机开始", "Downtime start", "datetime"),
    Column("downtime_end", "停机结束", "Downtime end", "datetime"),
    Column("downtime_edited", "停机时间已修改", "Downtime edited", "bool"),
    Column("downtime_minutes", "停机时长(分钟)", "Downtime (min)", "computed"),
]

HISTORY_COLUMNS: list[Column] = [
    Column("number", "编号", "Number", "text", True),
    Column("at", "时间", "At", "datetime", True),
    Column("actor", "操作人", "Actor"),
    Column("kind", "类型", "Kind", "text", True),
    Column("from_status", "原状态", "From status"),
    Column("to_status", "新状态", "To status"),
    Column("changes", "修改内容", "Changes"),
    Column("note", "备注", "Note"),
]

REQUEST_COLUMNS: list[Column] = [
    Column("number", "工单编号", "Number"),
    Column("title", "标题", "Title", "text", True),
    Column("channel", "受理渠道", "Channel", "enum:channel"),
    Column("category", "类别", "Category", "category"),
    Column("service", "业务系统", "Service", "service"),
    Column("status", "状态", "Status", "enum:request_status"),
    Column("received_at", "受理时间", "Received at", "datetime", True),
    Column("responded_at", "响应时间", "Responded at", "datetime"),
    Column("resolved_at", "解决时间", "Resolved at", "datetime"),
    Column("closed_at", "关闭时间", "Closed at", "datetime"),
    Column("assignee", "处理人", "Assignee", "engineer"),
    Column("requester_department", "申请部门", "Requester department"),
    Column("requester_name", "申请人", "Requester"),
    Column("requester_phone", "联系电话", "Requester phone"),
    Column("description", "请求内容", "Description"),
    Column("resolution", "处理结果", "Resolution"),
    Column("followup_at", "回访时间", "Follow-up at", "datetime"),
    Column("followup_by", "回访人", "Follow-up by"),
    Column("satisfaction", "满意度", "Satisfaction", "enum:satisfaction"),
    Column("complaint", "投诉", "Complaint", "bool"),
    Column("complaint_text", "投诉内容", "Complaint text"),
    Column("response_minutes", "响应时长(分钟)", "Time to respond (min)", "computed"),
    Column("response_target", "响应目标(分钟)", "Response target (min)", "computed"),
    Column("response_result", "响应达标", "Response met", "computed"),
]

ASSIGNMENT_SHEET = "派单记录"
ASSIGNMENT_COLUMNS: list[Column] = [
    Column("number", "工单编号", "Number", "text", True),
    Column("at", "时间", "At", "datetime", True),
    Column("from_engineer", "原处理人", "From engineer", "engineer"),
    Column("to_engineer", "新处理人", "To engineer", "engineer"),
    Column("actor", "操作人", "Actor"),
    Column("note", "备注", "Note"),
]

REQUIREMENT_COLUMNS: list[Column] = [
    Column("number", "需求编号", "Number"),
    Column("title", "需求标题", "Title", "text", True),
    Column("service", "业务系统", "Service", "service"),
    Column("status", "状态", "Status", "enum:requirement_status"),
    Column("collected_at", "收集时间", "Collected at", "datetime", True),
    Column("updated_at", "更新时间", "Updated at", "datetime"),
    Column("requester_department", "提出部门", "Requester department"),
    Column("requester_name", "提出人", "Requester"),
    Column("description", "需求描述", "Description"),
    Column("note", "备注", "Note"),
]

WORKLOG_COLUMNS: list[Column] = [
    Column("work_date", "日期", "Date", "date", True),
    Column("engineer", "工程师", "Engineer", "engineer"),
    Column("started_at", "开始时间", "Started at", "datetime", True),
    Column("duration_minutes", "时长(分钟)", "Duration (min)", "int"),
    Column("summary", "工作内容", "Summary"),
    Column("source_kind", "来源", "Source", "enum:worklog_source"),
    Column("source_number", "关联编号", "Related record", "computed"),
]

MET_LABEL = "达标"
BREACHED_LABEL = "超时"
NO_CALENDAR = "无日历"


def enum_label(kind: str, code: str | None) -> str:
    """The label written for ``code`` of enumeration ``kind`` in the current language (``""`` for
    empty, the code itself when unknown); see ``app.core.vocab.label_of``."""
    return label_of(ENUMS[kind], code)


def status_label(code: str | None, kind: str = "incident_status") -> str:
    """The label of ``code`` of enumeration ``kind`` in the current language (``app.core.vocab``,
    the one label table); ``""`` for empty, the code itself when unknown (or ``kind`` is not in
    ``ENUMS``).  Service texts (history lines, refusals) turn a code into words here.
    """
    if not code:
        return ""
    enum = ENUMS.get(kind)
    return label_of(enum, code) if enum is not None else str(code)


class CodeLabel:
    """A vocabulary code used as a message argument: ``str()`` is its label in the current language."""

    __slots__ = ("code", "kind")

    def __init__(self, code: str | None, kind: str = "incident_status") -> None:
        self.code, self.kind = code, kind

    def __str__(self) -> str:
        return status_label(self.code, self.kind)


def enum_code(kind: str, text: str) -> str | None:
    """The code whose code or label (either language, or a label an earlier version wrote)
    equals ``text`` (case-insensitive), or ``None``; see ``app.core.vocab.parse``."""
    member = parse(ENUMS[kind], text)
    return None if member is None else member.value


def normalise_header(text: object) -> str:
    """Header text as compared by import: trimmed, inner whitespace collapsed, case-folded."""
    return " ".join(str(text or "").split()).casefold()
