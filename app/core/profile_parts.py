"""The parts of a contract profile, format version 2 (合同配置的组成部分): frozen pydantic models.

``app.core.profile.ContractProfile`` assembles them and holds the rules that read them.  Every
part may carry ``source`` (the contract clause it comes from, e.g. "司法局 §2.3.4.4").  The file
format is documented in ``docs/profile-format.md`` and validated on import by the JSON Schema
``resources/schemas/contract-profile.schema.json`` plus ``app.services.contract.profiles``.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

Number = int | float
"""Figures keep the type the file gave them (``30`` stays ``30``, ``99.5`` stays ``99.5``)."""

SlaKind = Literal["response", "on_site", "restore", "resolve", "request_response", "request_resolve"]
INCIDENT_SLA_KINDS = ("response", "on_site", "restore", "resolve")
"""The SLA targets an incident can carry: 响应 / 到场 / 恢复 / 解决 (all in service minutes)."""

KpiMetric = Literal[
    "availability", "stable_run_rate", "incident_count", "long_outage_count", "request_satisfaction",
    "complaint_rate", "sla_compliance", "inspection_completion", "records_per_period", "logged_hours",
    "backup_count", "drill_count", "training_count",
]
KPI_METRICS: tuple[str, ...] = KpiMetric.__args__  # type: ignore[attr-defined]
KpiUnit = Literal["%", "count", "hours"]
KpiPeriod = Literal["month", "quarter", "contract_year", "term"]
Comparison = Literal[">=", "<=", "==", ">", "<"]
ReportPeriod = Literal["day", "week", "month", "quarter", "half_year", "year", "term"]
RECORD_KINDS = ("incident", "service_request", "complaint", "inspection", "work_log", "requirement")
"""Record kinds a ``records_per_period`` KPI can count."""

REPORT_SECTIONS = (
    "overview", "kpis", "inspections", "incidents", "availability", "long_outages", "service_desk",
    "requirements", "worklog", "trends", "closing", "requirements_document",
)
"""The catalogue of sections the report builder offers (``app.reports.compose``): a profile's
report kind chooses among these codes; any other code is refused on import."""

FREQUENCIES = ("twice_daily", "daily", "weekly", "monthly", "quarterly", "half_yearly", "yearly",
               "n_per_period", "ad_hoc")
DAY_RULES = ("first_working_day", "last_working_day")
"""``checklists[*].due_on`` (not ``on``: YAML 1.1 reads a plain ``on`` as true): the period check falls due on the period's first / last working day."""


class _Part(BaseModel):
    """Base of every profile part: frozen, no key the models do not declare, ``source`` allowed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str = ""


class Term(_Part):
    """服务期: first and last local date of the contract, both inclusive."""

    start: date
    end: date


class ContractInfo(_Part):
    """合同: parties, number and term; ``periods`` cuts quarters/half-years/years by the calendar
    or from the term start (``contract_year``)."""

    name: str
    title: str
    client: str
    provider: str
    term: Term
    number: str = ""
    periods: Literal["calendar", "contract_year"] = "calendar"
    client_contact: str = ""
    provider_contact: str = ""


class CalendarOverride(_Part):
    """A dated override of a calendar (重点保障期): from ``start`` to ``end`` (local dates, both
    inclusive) the hours are ``kind`` ``always`` (7×24), ``every_day`` (``hours`` on every day,
    holidays included) or ``working_days`` (``hours`` on official working days only)."""

    name: str
    start: date
    end: date
    kind: Literal["always", "every_day", "working_days"]
    hours: tuple[tuple[str, str], ...] | None = None


class CalendarSpec(_Part):
    """服务时间: ``always`` (7×24) or ``working_days`` within local ``hours`` ``[("08:30", "12:00"), …]``,
    with dated ``overrides``.  The arithmetic lives in ``app.services.calendar.service_time``."""

    code: str
    name: str
    kind: Literal["always", "working_days"]
    hours: tuple[tuple[str, str], ...] | None = None
    overrides: tuple[CalendarOverride, ...] = ()


class Severity(_Part):
    """故障级别; ``response_minutes``/``restore_minutes`` are its default targets (all classes) in
    service minutes of ``calendar``; ``sla_targets`` refine them per class and add on-site/resolve.
    ``major`` severities need a root-cause analysis before closing and are listed in reports."""

    code: str
    name: str
    response_minutes: Number | None = None
    restore_minutes: Number | None = None
    description: str = ""
    calendar: str | None = None
    major: bool = False


class IncidentClass(_Part):
    """故障类别 (operational 运行, security 安全 …) beside severity."""

    code: str
    name: str
    description: str = ""


class SlaTarget(_Part):
    """One SLA target: ``kind`` (response 响应, on_site 到场, restore 恢复, resolve 解决) in
    ``minutes`` of service time of ``calendar`` (None: the severity's), for incidents of
    ``severity`` and ``incident_class`` (None: any) within ``scope`` (a service group / asset class)."""

    kind: Literal["response", "on_site", "restore", "resolve"]
    minutes: Number
    severity: str | None = None
    incident_class: str | None = None
    calendar: str | None = None
    scope: str | None = None


class ServiceDesk(_Part):
    """服务台 targets (minutes of service time of ``calendar``) and the channels requests come by."""

    response_minutes: Number | None = None
    resolve_minutes: Number | None = None
    calendar: str | None = None
    channels: tuple[str, ...] = ()


class RequestCategory(_Part):
    """工单类别 (code, Chinese name)."""

    code: str
    name: str


class WorkLogCategory(_Part):
    """工作日志类别 (e.g. code-maintenance 代码级维护), counted by ``logged_hours`` KPIs."""

    code: str
    name: str


class ServiceSpec(_Part):
    """业务系统: ``calendar`` its availability is measured in; ``default_severity`` the level a fault
    of it is proposed at."""

    code: str
    name: str
    calendar: str | None = None
    availability_target_pct: Number | None = None
    default_severity: str | None = None


class ServiceGroup(_Part):
    """业务系统组: a named set of service codes (主要业务系统, 辅助系统 …)."""

    code: str
    name: str
    services: tuple[str, ...]


class AssetSpec(_Part):
    """资产 / 配置项 as the profile lists it; ``default_severity`` as for services."""

    code: str
    name: str
    kind: str = ""
    model: str = ""
    location: str = ""
    ip: str = ""
    default_severity: str | None = None


class AssetClass(_Part):
    """资产类别: a named set of assets — the listed ``assets`` codes plus every asset whose
    ``kind`` is among ``kinds`` (e.g. 终端)."""

    code: str
    name: str
    assets: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


class EngineerSpec(_Part):
    """驻场工程师; a ``lead`` also exports and signs off; ``roles`` codes of ``roles``."""

    name: str
    role: Literal["engineer", "lead"] = "engineer"
    phone: str = ""
    roles: tuple[str, ...] = ()


class Staffing(_Part):
    """A staffing rule: at least ``min_on_duty`` people of the role on duty during ``calendar``."""

    calendar: str
    min_on_duty: int


class RoleSpec(_Part):
    """岗位 (resident engineer, network, security, project manager) with staffing rules; stored
    only — the duty roster checks them."""

    code: str
    name: str
    staffing: tuple[Staffing, ...] = ()


class Kpi(_Part):
    """考核指标: ``metric`` over ``scope`` in ``unit``, compared with ``target`` by ``comparison``
    over ``period`` (None: the report's period).  Parameters by metric: ``incident_class`` and
    ``severity`` (a code or ``"major"``) for ``incident_count``; ``sla`` for ``sla_compliance``;
    ``record`` for ``records_per_period``; ``category`` for ``logged_hours``;
    ``threshold_minutes`` (required) and ``calendar`` for ``long_outage_count``."""

    code: str
    name: str
    metric: KpiMetric
    target: Number
    comparison: Comparison
    unit: KpiUnit
    period: KpiPeriod | None = None
    scope: str | None = None
    incident_class: str | None = None
    severity: str | None = None
    sla: SlaKind | None = None
    record: str | None = None
    category: str | None = None
    threshold_minutes: Number | None = None
    calendar: str | None = None


class ReportSpec(_Part):
    """A report kind owed: ``kind`` code, ``title``, ``period``, ``sections`` from
    ``REPORT_SECTIONS`` (empty: the builder's default for the period), due ``due_days_after``
    days after the period ends, ``acceptance`` (the client accepts it: submitted/accepted dates)."""

    kind: str
    period: ReportPeriod
    title: str = ""
    sections: tuple[str, ...] = ()
    due_days_after: int | None = None
    acceptance: bool = False

    @property
    def name(self) -> str:
        """The title (format 1 called it ``name``)."""
        return self.title


class Payment(_Part):
    """付款节点: ``milestone``, ``amount`` (yuan, optional), ``due`` date, and what it
    ``depends_on``: report kinds (accepted reports) or ISO dates."""

    milestone: str
    amount: Number | None = None
    due: date | None = None
    depends_on: tuple[str, ...] = ()


class ChecklistItemSpec(_Part):
    """巡检项: ``check`` / ``reading`` (unit, normal range) / ``choice`` / ``text``."""

    text: str
    kind: Literal["check", "reading", "choice", "text"] = "check"
    unit: str = ""
    normal_min: Number | None = None
    normal_max: Number | None = None
    choices: tuple[str, ...] = ()
    normal_choices: tuple[str, ...] = ()
    service: str | None = None
    asset: str | None = None
    default_severity: str | None = None


class ChecklistSection(_Part):
    """A named group of checklist items."""

    name: str
    items: tuple[ChecklistItemSpec, ...]


class ChecklistSpec(_Part):
    """巡检模板: ``frequency`` (``FREQUENCIES``), local slot times ``"HH:MM"``, ``days`` (working
    days or every day, daily kinds); ``times`` per ``per`` (``n_per_period``); ``due_on`` a
    ``DAY_RULES`` rule for period kinds (e.g. first working day of the month)."""

    code: str
    name: str
    frequency: Literal["twice_daily", "daily", "weekly", "monthly", "quarterly", "half_yearly", "yearly",
                       "n_per_period", "ad_hoc"]
    sections: tuple[ChecklistSection, ...]
    description: str = ""
    slots: tuple[str, ...] = ()
    days: Literal["working_days", "every_day"] = "working_days"
    times: int | None = None
    per: Literal["month", "quarter", "year"] | None = None
    due_on: Literal["first_working_day", "last_working_day"] | None = None
    default_severity: str | None = None

    def item(self, text: str) -> ChecklistItemSpec | None:
        """The item with this text (items have no code), or None."""
        return next((it for sec in self.sections for it in sec.items if it.text == text), None)
