"""The contract profile as one typed, immutable object (合同配置).

A profile file is validated ONCE, on import, by ``app.services.contract.profiles`` (the JSON Schema
``resources/schemas/contract-profile.schema.json`` plus the cross-reference checks); the validated
dict is stored in ``Contract.profile`` (JSON).  Everything that reads the profile afterwards reads
it through ``profile_of(contract)`` -> ``ContractProfile``: frozen pydantic v2 models, no session,
no Qt.  The rules that read the profile live here, once, as methods:

* ``severity(code)``, ``severity_name(code)``, ``severity_codes``, ``is_major(code)``, ``least_severe``;
* ``default_severity(service=…, asset=…, checklist=…, item=…)`` — the level the profile gives a
  fault raised from a checklist item, checklist, asset or service (``default_severity`` keys);
* ``sla_target(severity, kind)`` — target minutes of service time for ``response``/``restore``
  (per severity) and ``request_response``/``request_resolve`` (service desk);
* ``calendar_for(service=…, severity=…)``, ``default_calendar_code``, ``desk_calendar_code``;
* ``kpi(code)``, ``kpis_of(metric)``, ``report_name(kind)``, ``checklist(code)``,
  ``request_category_codes``, ``channels``, ``period_convention``.

``to_dict()`` gives the profile back as the file had it (keys never written stay absent), so
export → import keeps the file's meaning.

Designed to grow into profile v2 (issue #10: service groups, asset classes, KPIs with
metric/scope/unit, incident classes, calendar overrides, report kinds): add a model and a field on
``ContractProfile`` (``extra="forbid"`` keeps the schema and the models in step: a key the schema
accepts but no model declares fails the shipped-profile tests), and its rule as a method here.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

Number = int | float
"""Figures keep the type the file gave them (``30`` stays ``30``, ``99.5`` stays ``99.5``)."""

SlaKind = Literal["response", "restore", "request_response", "request_resolve"]


class _Part(BaseModel):
    """Base of every profile part: frozen, no key the models do not declare."""

    model_config = ConfigDict(frozen=True, extra="forbid")


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
    source: str = ""
    periods: Literal["calendar", "contract_year"] = "calendar"
    client_contact: str = ""
    provider_contact: str = ""


class CalendarSpec(_Part):
    """服务时间: ``always`` (7×24) or ``working_days`` within local ``hours`` ``[("08:30", "12:00"), …]``.

    The arithmetic lives in ``app.services.calendar.service_time.ServiceCalendar``.
    """

    code: str
    name: str
    kind: Literal["always", "working_days"]
    hours: tuple[tuple[str, str], ...] | None = None


class Severity(_Part):
    """故障级别 with its SLA targets in minutes of service time of ``calendar`` (None: the default).

    ``major`` severities need a root-cause analysis before closing and are listed in reports.
    """

    code: str
    name: str
    response_minutes: Number
    restore_minutes: Number
    description: str = ""
    calendar: str | None = None
    major: bool = False
    source: str = ""


class ServiceDesk(_Part):
    """服务台 targets (minutes of service time of ``calendar``) and the channels requests come by."""

    response_minutes: Number | None = None
    resolve_minutes: Number | None = None
    calendar: str | None = None
    channels: tuple[str, ...] = ()
    source: str = ""


class RequestCategory(_Part):
    """工单类别 (code, Chinese name)."""

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


class AssetSpec(_Part):
    """资产 / 配置项 as the profile lists it; ``default_severity`` as for services."""

    code: str
    name: str
    kind: str = ""
    model: str = ""
    location: str = ""
    ip: str = ""
    default_severity: str | None = None


class EngineerSpec(_Part):
    """驻场工程师; a ``lead`` also exports and signs off."""

    name: str
    role: Literal["engineer", "lead"] = "engineer"
    phone: str = ""


KpiMetric = Literal[
    "availability", "satisfaction_rate", "inspection_completion_rate", "response_compliance_rate",
    "restore_compliance_rate", "request_response_compliance_rate", "long_outage_count",
    "complaint_count", "major_incident_count",
]


class Kpi(_Part):
    """考核指标: ``metric`` compared with ``target`` by ``comparison``; ``source`` the clause.

    ``threshold_minutes`` (long_outage_count): outages longer than this many service minutes of
    ``calendar`` count.
    """

    code: str
    name: str
    metric: KpiMetric
    target: Number
    comparison: Literal[">=", "<=", ">", "<"]
    unit: str = ""
    threshold_minutes: Number | None = None
    calendar: str | None = None
    source: str = ""


class ReportSpec(_Part):
    """A report owed: ``kind``, its title, due ``due_days_after`` days after the period ends."""

    kind: Literal["weekly", "monthly", "quarterly", "half-year", "annual", "requirements"]
    name: str = ""
    due_days_after: int | None = None
    source: str = ""
    # -- delivery fields (issue #10 item 3; see the block at the end of this module) --
    period: ReportPeriod | None = None
    title: str = ""
    acceptance: bool = False


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
    source: str = ""


class ChecklistSection(_Part):
    """A named group of checklist items."""

    name: str
    items: tuple[ChecklistItemSpec, ...]


class ChecklistSpec(_Part):
    """巡检模板: frequency, local slot times ``"HH:MM"``, ``days`` (working days or every day)."""

    code: str
    name: str
    frequency: Literal["twice_daily", "daily", "weekly", "monthly", "quarterly", "ad_hoc"]
    sections: tuple[ChecklistSection, ...]
    description: str = ""
    slots: tuple[str, ...] = ()
    days: Literal["working_days", "every_day"] = "working_days"
    default_severity: str | None = None
    source: str = ""

    def item(self, text: str) -> ChecklistItemSpec | None:
        """The item with this text (items have no code in format 1), or None."""
        return next((it for sec in self.sections for it in sec.items if it.text == text), None)


class ContractProfile(_Part):
    """One contract as data (format ``opsledger-contract-profile`` version 1), validated.

    Build with ``ContractProfile.of(dict_or_profile)`` or read a stored one with
    ``profile_of(contract)``; pydantic ``ValidationError`` for a dict the schema would refuse
    (import validates with the schema first and reports in the file's terms).
    """

    format: Literal["opsledger-contract-profile"]
    version: Literal[1]
    contract: ContractInfo
    calendars: tuple[CalendarSpec, ...]
    severities: tuple[Severity, ...]
    services: tuple[ServiceSpec, ...]
    checklists: tuple[ChecklistSpec, ...]
    default_calendar: str | None = None
    service_desk: ServiceDesk = ServiceDesk()
    request_categories: tuple[RequestCategory, ...] = ()
    assets: tuple[AssetSpec, ...] = ()
    engineers: tuple[EngineerSpec, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    reports: tuple[ReportSpec, ...] = ()
    payments: tuple[PaymentSpec, ...] = ()  # issue #10 item 3 (block at the end of this module)

    # -- building and export -------------------------------------------------------------------
    @classmethod
    def of(cls, value: ContractProfile | Mapping[str, Any]) -> ContractProfile:
        """``value`` itself when already typed, else the validated object of a profile dict."""
        return value if isinstance(value, ContractProfile) else cls.model_validate(value)

    def to_dict(self) -> dict[str, Any]:
        """The profile as a JSON-ready dict (ISO dates, lists), with only the keys the file set."""
        return self.model_dump(mode="json", exclude_unset=True)

    # -- severities and SLA targets --------------------------------------------------------------
    @property
    def severity_codes(self) -> tuple[str, ...]:
        """Severity codes, most severe first (the profile's order)."""
        return tuple(s.code for s in self.severities)

    @property
    def least_severe(self) -> str:
        """The last (least severe) level: what an incident gets when nothing else says."""
        return self.severities[-1].code

    def severity(self, code: str | None) -> Severity | None:
        """The severity ``code``, or None for an unknown/empty code."""
        return next((s for s in self.severities if s.code == code), None)

    def severity_name(self, code: str) -> str:
        """The severity's name as the contract calls it (e.g. 重大故障), else the code itself."""
        sev = self.severity(code)
        return sev.name if sev is not None and sev.name else code

    def is_major(self, code: str | None) -> bool:
        """True for a severity marked ``major: true`` (root-cause analysis required to close)."""
        sev = self.severity(code)
        return bool(sev and sev.major)

    def default_severity(
        self,
        *,
        service: str | Iterable[str] | None = None,
        asset: str | Iterable[str] | None = None,
        checklist: str | None = None,
        item: str | None = None,
    ) -> str:
        """The severity proposed for a fault raised from these (codes; ``item`` is the item text
        within ``checklist``; ``service``/``asset`` one code or several).

        The most specific ``default_severity`` the profile sets wins: item, then checklist, then
        asset, then service; among several assets (or services) the most severe of theirs; none
        set gives ``least_severe``.  E.g. Pinggu's machine-room checklist says P1 (its P1 is
        "核心业务系统中断或机房基础环境故障").
        """
        tpl = self.checklist(checklist) if checklist else None
        it = tpl.item(item) if tpl and item else None
        for part in (it, tpl):
            if part is not None and part.default_severity:
                return part.default_severity
        for parts, codes in ((self.assets, asset), (self.services, service)):
            wanted = {codes} if isinstance(codes, str) else set(codes or ())
            levels = [p.default_severity for p in parts if p.code in wanted and p.default_severity]
            if levels:
                return min(levels, key=self._rank)
        return self.least_severe

    def _rank(self, code: str) -> int:
        return self.severity_codes.index(code) if code in self.severity_codes else len(self.severities)

    def sla_target(self, severity: str | None, kind: SlaKind) -> float | None:
        """Target minutes (service time) of an SLA clock, or None when the profile sets none.

        ``response``/``restore``: the severity's ``response_minutes``/``restore_minutes``
        (Justice Bureau §2.5.1.1/§2.5.1.4, Pinggu §7.1); ``request_response``/``request_resolve``:
        ``service_desk.response_minutes``/``resolve_minutes`` (``severity`` is ignored).
        """
        if kind == "request_response":
            value = self.service_desk.response_minutes
        elif kind == "request_resolve":
            value = self.service_desk.resolve_minutes
        else:
            sev = self.severity(severity)
            value = None if sev is None else (sev.response_minutes if kind == "response" else sev.restore_minutes)
        return None if value is None else float(value)

    # -- calendars -------------------------------------------------------------------------------
    @property
    def default_calendar_code(self) -> str:
        """``default_calendar``, else the first calendar's code."""
        return self.default_calendar or self.calendars[0].code

    def calendar(self, code: str) -> CalendarSpec | None:
        """The calendar ``code``, or None."""
        return next((c for c in self.calendars if c.code == code), None)

    def calendar_for(self, *, service: str | None = None, severity: str | None = None) -> str:
        """Code of the calendar a clock or availability runs in: the service's ``calendar``
        (availability), else the severity's (SLA clocks), else ``default_calendar_code``."""
        svc = next((s for s in self.services if s.code == service), None) if service else None
        if svc is not None and svc.calendar:
            return svc.calendar
        sev = self.severity(severity)
        if sev is not None and sev.calendar:
            return sev.calendar
        return self.default_calendar_code

    @property
    def desk_calendar_code(self) -> str:
        """The calendar the service-desk clocks run in: ``service_desk.calendar`` or the default."""
        return self.service_desk.calendar or self.default_calendar_code

    # -- the rest ------------------------------------------------------------------------------
    def checklist(self, code: str | None) -> ChecklistSpec | None:
        """The checklist template ``code``, or None."""
        return next((t for t in self.checklists if t.code == code), None)

    def kpi(self, code: str) -> Kpi | None:
        """The KPI ``code``, or None."""
        return next((k for k in self.kpis if k.code == code), None)

    def kpis_of(self, metric: str) -> tuple[Kpi, ...]:
        """The KPIs measuring ``metric``, in profile order."""
        return tuple(k for k in self.kpis if k.metric == metric)

    def report_name(self, kind: str) -> str | None:
        """The title the profile gives a report ``kind`` (None when not owed or untitled)."""
        spec = next((r for r in self.reports if r.kind == kind), None)
        return spec.name or None if spec else None

    @property
    def request_category_codes(self) -> tuple[str, ...]:
        """Request category codes; ``("other",)`` when the profile lists none."""
        return tuple(c.code for c in self.request_categories) or ("other",)

    @property
    def channels(self) -> tuple[str, ...]:
        """Channels the service desk receives requests by (profile order; may be empty)."""
        return self.service_desk.channels

    @property
    def period_convention(self) -> str:
        """``"calendar"`` or ``"contract_year"`` (how quarters, half-years and years are cut)."""
        return self.contract.periods


_cache: dict[Any, tuple[Any, ContractProfile]] = {}


def profile_of(contract: Any) -> ContractProfile:
    """The typed profile of ``contract`` (anything with ``id``, ``imported_at`` and ``profile``).

    The one accessor for a stored profile.  Cached per ``(contract.id, imported_at)``; a cached
    object is reused only while the stored dict still equals the one it was built from, so a
    profile replaced or changed in place without a new import is read afresh.  Raises pydantic
    ``ValidationError`` for a stored dict that no import could have written.
    """
    raw = contract.profile
    key = (getattr(contract, "id", None), getattr(contract, "imported_at", None))
    hit = _cache.get(key) if key[0] is not None else None
    if hit is not None and hit[0] == raw:
        return hit[1]
    prof = ContractProfile.model_validate(raw)
    if key[0] is not None:
        if len(_cache) > 64:
            _cache.clear()
        _cache[key] = (copy.deepcopy(raw), prof)
    return prof



# -- Report delivery and payment schedule (issue #10 item 3) -----------------------------------
# A small block kept apart so the profile v2 rewrite can fold it in: ``ReportSpec`` gained
# ``period`` (the span one report covers; default: the one its ``kind`` implies), ``title`` (the
# client's name for it, else ``name``) and ``acceptance`` (the client signs it off: 验收), and the
# profile gained ``payments``.

ReportPeriod = Literal["day", "week", "month", "quarter", "half-year", "year", "term"]
"""The span one report covers (日 … 服务期)."""


class PaymentSpec(_Part):
    """付款节点: a share of the fee and what it waits for.

    ``milestone`` its name (第一期); ``amount`` in yuan (None: not stated); ``due`` the local date
    the client pays by (None: when the conditions are met); ``depends_on`` what must be met
    first, each entry one of: a report kind (``"annual"``: every report of that kind whose
    period ended by ``due`` is delivered — accepted when the report needs acceptance, else
    submitted), ``"<kind>:<period key>"`` (one report, e.g. ``"annual:CY1"``), an ISO date
    (``"2026-11-30"``: reached on that day) or ``"term_end"`` (the contract term is over).
    E.g. 平谷法院 第二条第2款 四期结算; 司法局 §5.2 验收合格后支付剩余 2 个月.
    """

    milestone: str
    amount: Number | None = None
    due: date | None = None
    depends_on: tuple[str, ...] = ()
    source: str = ""


ContractProfile.model_rebuild()
ReportSpec.model_rebuild()
