"""The contract profile as one typed, immutable object (合同配置).

A profile file is validated ONCE, on import, by ``app.services.contract.profiles`` (the JSON Schema
``resources/schemas/contract-profile.schema.json`` plus the cross-reference checks); the validated
dict is stored in ``Contract.profile`` (JSON).  Everything that reads the profile afterwards reads
it through ``profile_of(contract)`` -> ``ContractProfile``: frozen pydantic v2 models, no session,
no Qt.  The rules that read the profile live here, once, as methods:

* ``severity(code)``, ``severity_name(code)``, ``severity_codes``, ``is_major(code)``, ``least_severe``;
* ``default_severity(service=…, asset=…, checklist=…, item=…)`` — the level the profile gives a
  fault raised from a checklist item, checklist, asset or service (``default_severity`` keys);
* ``sla_target(severity, kind, incident_class, scope)`` / ``sla_rule`` / ``sla_calendar`` — target
  minutes of service time for ``response``/``on_site``/``restore``/``resolve`` (per class ×
  severity × scope, ``sla_targets``) and ``request_response``/``request_resolve`` (service desk);
* ``incident_class_codes``, ``scope_name``, ``group_services``, ``class_assets``, ``scopes_of``;
* ``calendar_for(service=…, severity=…)``, ``default_calendar_code``, ``desk_calendar_code``;
* ``kpi(code)``, ``kpis_of(metric)``, ``report(kind)``, ``report_name(kind)``, ``checklist(code)``,
  ``request_category_codes``, ``channels``, ``period_convention``.

``to_dict()`` gives the profile back as the file had it (keys never written stay absent), so
export → import keeps the file's meaning.

Format version 2 (issue #10): the parts live in ``app.core.profile_parts``; a version-1 dict is
upgraded on the way in (``app.core.profile_upgrade.upgrade_v1``).  ``extra="forbid"`` keeps the
schema and the models in step.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from pydantic import model_validator

from app.core.profile_parts import (  # noqa: F401 - the parts are part of this module's API
    INCIDENT_SLA_KINDS,
    AssetClass,
    AssetSpec,
    CalendarOverride,
    CalendarSpec,
    ChecklistItemSpec,
    ChecklistSection,
    ChecklistSpec,
    ContractInfo,
    EngineerSpec,
    IncidentClass,
    Kpi,
    Number,
    Payment,
    ReportSpec,
    RequestCategory,
    RoleSpec,
    ServiceDesk,
    ServiceGroup,
    ServiceSpec,
    Severity,
    SlaKind,
    SlaTarget,
    Staffing,
    Term,
    WorkLogCategory,
    _Part,
)
from app.core.profile_upgrade import upgrade_v1

DEFAULT_INCIDENT_CLASS = "operational"


class ContractProfile(_Part):
    """One contract as data (format ``opsledger-contract-profile`` version 2), validated.

    Build with ``ContractProfile.of(dict_or_profile)`` or read a stored one with
    ``profile_of(contract)``; a version-1 dict is upgraded first (``app.core.profile_upgrade``).
    pydantic ``ValidationError`` for a dict the schema would refuse (import validates with the
    schema first and reports in the file's terms).
    """

    format: Literal["opsledger-contract-profile"]
    version: Literal[2]
    contract: ContractInfo
    calendars: tuple[CalendarSpec, ...]
    severities: tuple[Severity, ...]
    services: tuple[ServiceSpec, ...]
    checklists: tuple[ChecklistSpec, ...]
    default_calendar: str | None = None
    service_desk: ServiceDesk = ServiceDesk()
    request_categories: tuple[RequestCategory, ...] = ()
    work_log_categories: tuple[WorkLogCategory, ...] = ()
    service_groups: tuple[ServiceGroup, ...] = ()
    assets: tuple[AssetSpec, ...] = ()
    asset_classes: tuple[AssetClass, ...] = ()
    incident_classes: tuple[IncidentClass, ...] = ()
    sla_targets: tuple[SlaTarget, ...] = ()
    engineers: tuple[EngineerSpec, ...] = ()
    roles: tuple[RoleSpec, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    reports: tuple[ReportSpec, ...] = ()
    payments: tuple[Payment, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, value: Any) -> Any:
        """A version-1 dict is read as its version-2 upgrade (the sentences are dropped here;
        ``app.services.contract.profiles`` shows them on import)."""
        if isinstance(value, Mapping) and value.get("version") == 1:
            return upgrade_v1(dict(value))[0]
        return value

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

    def sla_rule(self, severity: str | None, kind: str, incident_class: str | None = None,
                 scope: Iterable[str] = ()) -> SlaTarget | None:
        """The ``sla_targets`` entry that applies to an incident (``kind`` one of
        ``INCIDENT_SLA_KINDS``), or None.  The most specific wins: an entry naming the class
        beats one for any class, one naming the severity beats one for any severity, and one whose
        ``scope`` is among ``scope`` (the incident's group/class codes) beats an unscoped one; an
        entry scoped elsewhere never applies."""
        cls_code = incident_class or DEFAULT_INCIDENT_CLASS
        wanted = set(scope)
        best: tuple[int, SlaTarget] | None = None
        for t in self.sla_targets:
            if t.kind != kind or (t.severity is not None and t.severity != severity):
                continue
            if (t.incident_class is not None and t.incident_class != cls_code) or (
                    t.scope is not None and t.scope not in wanted):
                continue
            rank = 4 * (t.incident_class is not None) + 2 * (t.severity is not None) + (t.scope is not None)
            if best is None or rank > best[0]:
                best = (rank, t)
        return best[1] if best else None

    def sla_target(self, severity: str | None, kind: SlaKind, incident_class: str | None = None,
                   scope: Iterable[str] = ()) -> float | None:
        """Target minutes (service time) of an SLA clock, or None when the profile sets none.

        ``response``/``on_site``/``restore``/``resolve``: the ``sla_rule`` for the incident's
        severity, class and scope, else (response/restore) the severity's ``response_minutes``/
        ``restore_minutes`` (Justice Bureau §2.5.1.1/§2.5.1.4, Pinggu §7.1);
        ``request_response``/``request_resolve``: ``service_desk.response_minutes``/
        ``resolve_minutes`` (``severity`` is ignored).
        """
        value: Number | None
        if kind == "request_response":
            value = self.service_desk.response_minutes
        elif kind == "request_resolve":
            value = self.service_desk.resolve_minutes
        else:
            rule = self.sla_rule(severity, kind, incident_class, scope)
            sev = self.severity(severity)
            if rule is not None:
                value = rule.minutes
            elif sev is None:
                value = None
            else:
                value = {"response": sev.response_minutes, "restore": sev.restore_minutes}.get(kind)
        return None if value is None else float(value)

    def sla_calendar(self, severity: str | None, kind: str, incident_class: str | None = None,
                     scope: Iterable[str] = ()) -> str:
        """Code of the calendar an incident clock ``kind`` runs in: its ``sla_rule``'s calendar,
        else ``calendar_for(severity=…)``."""
        rule = self.sla_rule(severity, kind, incident_class, scope)
        return rule.calendar if rule is not None and rule.calendar else self.calendar_for(severity=severity)

    # -- classes and scopes ----------------------------------------------------------------------
    @property
    def incident_class_codes(self) -> tuple[str, ...]:
        """Incident class codes in profile order; ``("operational",)`` when the profile lists none."""
        return tuple(c.code for c in self.incident_classes) or (DEFAULT_INCIDENT_CLASS,)

    def incident_class_name(self, code: str | None) -> str:
        """The class's name as the contract calls it (运行故障 …), else the code."""
        c = next((x for x in self.incident_classes if x.code == code), None)
        return c.name if c is not None else (code or "")

    def scope_name(self, code: str | None) -> str:
        """The name of a service group or asset class ``code`` ("" for no scope)."""
        if not code:
            return ""
        names = {g.code: g.name for g in self.service_groups} | {c.code: c.name for c in self.asset_classes}
        return names.get(code, code)

    def group_services(self, code: str) -> tuple[str, ...] | None:
        """Service codes of service group ``code``; None when ``code`` is no service group."""
        g = next((x for x in self.service_groups if x.code == code), None)
        return None if g is None else g.services

    def class_assets(self, code: str, assets: Iterable[tuple[str, str]] = ()) -> tuple[str, ...] | None:
        """Asset codes of asset class ``code`` — its listed ``assets`` plus, among ``assets``
        (``(code, kind)`` pairs, e.g. the register), those whose kind it names; None when ``code``
        is no asset class."""
        c = next((x for x in self.asset_classes if x.code == code), None)
        if c is None:
            return None
        pool = list(assets) or [(a.code, a.kind) for a in self.assets]
        return tuple(dict.fromkeys([*c.assets, *(ac for ac, kind in pool if kind and kind in c.kinds)]))

    def scopes_of(self, *, services: Iterable[str] = (), assets: Iterable[str] = ()) -> tuple[str, ...]:
        """The group/class codes a record touching these service and asset codes falls in."""
        svc, ast = set(services), set(assets)
        out = [g.code for g in self.service_groups if svc & set(g.services)]
        out += [c.code for c in self.asset_classes if ast & set(self.class_assets(c.code) or ())]
        return tuple(out)

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

    def report(self, kind: str) -> ReportSpec | None:
        """The report kind ``kind`` the profile defines, or None."""
        return next((r for r in self.reports if r.kind == kind), None)

    def report_name(self, kind: str) -> str | None:
        """The title the profile gives a report ``kind`` (None when not owed or untitled)."""
        spec = self.report(kind)
        return spec.title or None if spec else None

    def report_title(self, kind: str) -> str:
        """What this contract calls report ``kind`` wherever a kind is named (the reports page, the
        CLI, the exported list): the profile's title (运维月报), else the kind's generic name in the
        current language (月报 / Monthly report, ``app.core.periods.kind_name``)."""
        from app.core.periods import kind_name  # noqa: PLC0415 - periods imports nothing of this module

        return self.report_name(kind) or kind_name(kind)

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

