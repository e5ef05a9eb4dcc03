"""The shapes of report data: plain dataclasses the builder fills and the composer words.

No Qt, no ORM objects: every field is a number, a date, a code or text the user typed.  Codes
(severity, cause category, channel, status …) stay codes here; the composer labels them in the
report's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from app.core.periods import Period
from app.core.profile import ContractProfile

TraceItem = tuple[str, str, str]  # (record kind, number or id, text)
Trace = dict[str, list[TraceItem]]


@dataclass
class KpiRow:
    """One KPI: profile spec, this period's ``actual`` (unit as ``unit``), ``met`` (None = no data)
    and the previous period's value."""

    code: str
    name: str
    metric: str
    target: float
    comparison: str
    unit: str
    actual: float | None
    met: bool | None
    previous: float | None = None
    source: str = ""
    note: str = ""
    #: why ``actual`` is None: ``"no_data"`` (nothing to measure), ``"not_computable"`` (a
    #: calendar gap; ``uncovered_years`` says which), ``"before_start"`` (the period lies before
    #: the start of use), ``"no_records"`` (a figure made from absent records — no downtime, no
    #: incident — in a period nobody recorded anything in); ``""`` when measured.
    reason: str = ""
    uncovered_years: list[int] = field(default_factory=list)
    #: the name of the KPI's scope (service group / asset class), "" for the whole contract
    scope: str = ""
    #: the KPI's own period (month, quarter, contract_year, term; "" = the report's period)
    period: str = ""
    #: the profile's unit code (``%``, ``count``, ``hours``); ``unit`` is its text
    unit_code: str = ""

    @property
    def verdict(self) -> str:
        """``"met"``, ``"missed"`` or ``"not_assessable"`` (无法评定: no figure to judge) — read
        from ``actual``, the figure printed beside it."""
        if self.met is None:
            return "not_assessable"
        return "met" if self.met else "missed"


@dataclass
class ServiceAvailability:
    """Availability of one service: minutes in its calendar, ``pct`` None when no service time or
    the calendar does not cover the period (``note`` says why)."""

    code: str
    name: str
    calendar: str
    target_pct: float | None
    service_minutes: float | None
    downtime_minutes: float | None
    pct: float | None
    met: bool | None
    incidents: list[str] = field(default_factory=list)
    note: str = ""
    #: why ``pct`` is None: ``"calendar_undefined"``, ``"no_service_time"``, ``"not_computable"``
    #: (``uncovered_years``), ``"before_start"``, ``"no_records"`` (nothing recorded in the period);
    #: ``""`` when computed.
    reason: str = ""
    uncovered_years: list[int] = field(default_factory=list)


@dataclass
class ReportData:
    """Everything a report shows for one contract and period.

    Tables are lists of dict rows (keys documented at each field).  ``headline`` maps figure
    keys to numbers (``incidents.total``, ``inspections.rate_pct`` …) and ``previous_headline`` the
    same for the previous period (empty when there is none).  ``trace(key)`` lists the records
    behind a figure as ``(kind, number, text)``.  ``has_data`` is False when the period holds no
    record at all (the report then says "无数据").
    """

    contract_name: str
    contract_title: str
    client: str
    provider: str
    term_start: date
    term_end: date
    profile: ContractProfile
    period: Period
    previous_period: Period | None
    generated_at: datetime
    headline: dict[str, float | int | None] = field(default_factory=dict)
    previous_headline: dict[str, float | int | None] = field(default_factory=dict)
    inspections: dict[str, Any] = field(default_factory=dict)
    # schedule.completion's counts {"due","done","missed","open","extra","performed","unfinished"},
    # "rate_pct", "by_template":[{code,name,frequency,due,done,missed,open,extra,rate_pct}],
    # "by_engineer":[{name,done}] (name "" = not recorded), "abnormal":[{inspection,date,template,
    # item,value,note,incident,incident_status (a status code)}], "abnormal_count"
    incidents: dict[str, Any] = field(default_factory=dict)
    # {"total","by_severity":[{code,name,count}],"by_cause":[{code,count}] (cause category codes),
    #  "by_service":[{code,name,count}],"response":{met,breached,pending,not_computable,rate_pct},
    #  "restore":{…},"mttr_minutes" (service minutes),"open_at_end":[{number,title,severity,
    #  status (code),closed_later,occurred}],"open_count","major":[incident_rows entries],
    #  "major_count","uncovered_years"}
    availability: list[ServiceAvailability] = field(default_factory=list)
    long_outages: list[dict[str, Any]] = field(default_factory=list)  # {number,title,start,end,minutes}
    long_outages_computable: bool = True  # False when a calendar gap hid some outage
    requests: dict[str, Any] = field(default_factory=dict)
    # {"total","by_channel":[{code,count}],"by_category":[{code,name,count}],"response":{met,
    #  breached,pending,not_computable,rate_pct},"satisfaction":{satisfied,mostly_satisfied,dissatisfied,unrated,rate_pct},
    #  "complaints":[{number,title,text}]}
    requirements: list[dict[str, Any]] = field(default_factory=list)
    # [{number,service,title,requester,description,status (code),collected,updated,new}]
    worklog: dict[str, Any] = field(default_factory=dict)  # {"by_engineer":[{name,hours,entries}],"total_hours"}
    kpis: list[KpiRow] = field(default_factory=list)
    trend: list[dict[str, Any]] = field(default_factory=list)  # [{key,period,incidents,availability_pct}]
    backups: dict[str, Any] = field(default_factory=dict)  # ledger backups: app.reports.data.backups
    notes: list[str] = field(default_factory=list)
    has_data: bool = False
    #: 启用日期 (``Contract.effective_ledger_start``): nothing before it is due, missed or counted.
    ledger_start: date | None = None
    #: the first local day counted (``max(period.start, ledger_start)``); ``None`` when the whole
    #: period lies before the start of use.
    counted_from: date | None = None
    #: every incident of the period for 故障明细: {number,title,occurred,services,severity,
    #: severity_code,cause_category,cause,resolution,status,response_minutes,response_target,
    #: response_verdict,restore_minutes,restore_target,restore_verdict} (verdicts: met, breached,
    #: pending, not_computable, no_target)
    incident_rows: list[dict[str, Any]] = field(default_factory=list)
    #: years no official calendar covers, met while computing any figure (sorted)
    uncovered_years: list[int] = field(default_factory=list)
    #: password rotations in the span and entries overdue at its end (``app.reports.data.credentials``)
    credential_rotations: list[dict[str, Any]] = field(default_factory=list)
    credentials_overdue: list[dict[str, Any]] = field(default_factory=list)
    _trace: dict[str, list[TraceItem]] = field(default_factory=dict, repr=False)

    def trace(self, figure_key: str) -> list[TraceItem]:
        """The records behind ``figure_key`` as ``(kind, number_or_label, text)`` tuples, e.g.
        ``trace("incidents.major")`` → ``[("incident", "INC-2026-0003", "核心交换机宕机")]``.
        Unknown keys → ``[]``."""
        return list(self._trace.get(figure_key, []))

    def figure_keys(self) -> list[str]:
        """Every figure key with a trace."""
        return sorted(self._trace)
