"""The contract page's read (合同): the active profile as plain rows of text, with their clauses.

``contract_view(ledger, contract_id, today)`` → ``ContractView``: one ``Section`` per part of
the profile (parties and term, services and groups, calendars, the SLA matrix, KPIs, checklists,
reports owed with their delivery status, the payment schedule, engineers and roles), each a
header plus rows of strings in the current language, the last column the ``source`` clause.
Keys the profile format adds later (service groups, incident classes, roles …) are read with
``getattr`` so the page shows them once they exist and nothing breaks before.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, get_args

from app.core import profile as core_profile
from app.core.clauses import source_text
from app.core.i18n import N_, _
from app.core.kpi import target_text
from app.core.profile import ContractProfile, profile_of
from app.core.vocab import EngineerRole, Frequency, label_of
from app.services.changes import Outcome
from app.services.delivery import payments, schedule
from app.services.delivery.queries import DeliveryStatus, status_rows
from app.services.ledger import Ledger
from app.store.models import Contract

#: SLA target kinds in matrix order; a kind no severity/class sets is left out.
TARGET_KINDS = (("response", N_("Response")), ("onsite", N_("On-site arrival")), ("restore", N_("Restore")),
                ("resolve", N_("Resolve")))
_METRICS = {  # format 2's ``metric`` codes (app.core.profile_parts.KpiMetric)
    "availability": N_("Availability"), "stable_run_rate": N_("Stable-run rate"),
    "incident_count": N_("Incidents"), "long_outage_count": N_("Long outages"),
    "request_satisfaction": N_("Satisfaction rate"), "complaint_rate": N_("Complaint rate"),
    "sla_compliance": N_("SLA compliance"), "inspection_completion": N_("Inspection completion rate"),
    "records_per_period": N_("Records per period"), "logged_hours": N_("Logged hours"),
    "backup_count": N_("Ledger backups"), "drill_count": N_("Emergency drills"), "training_count": N_("Trainings"),
}
_SPANS = {"day": N_("Day"), "week": N_("Week"), "month": N_("Month"), "quarter": N_("Quarter"),
          "half-year": N_("Half-year"), "year": N_("One year"), "term": N_("Contract term")}


@dataclass(frozen=True)
class Section:
    """One block of the page: ``key`` (``parties``, ``services``, ``sla`` …), ``title``,
    ``header`` (column names), ``rows`` (strings, same length as ``header``); ``met`` per row for
    sections with a met / not-met verdict (payments), else empty."""

    key: str
    title: str
    header: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    met: list[bool] = field(default_factory=list)


@dataclass(frozen=True)
class ContractView:
    """The contract ``contract_id`` (``name``, ``title``) as the page shows it; ``sections`` in
    page order."""

    contract_id: uuid.UUID
    name: str
    title: str
    sections: list[Section]

    def section(self, key: str) -> Section:
        """The section ``key``; ``KeyError`` if absent."""
        return next(s for s in self.sections if s.key == key)


def _num(value: Any) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _src(part: Any) -> str:
    return source_text(str(getattr(part, "source", "") or ""))


def _parties(c: Contract, prof: ContractProfile) -> Section:
    info = prof.contract
    rows = [
        (_("Title"), info.title, info.source), (_("Client"), info.client, ""), (_("Provider"), info.provider, ""),
        (_("Contract number"), info.number, ""),
        (_("Contract term"), f"{info.term.start.isoformat()} – {info.term.end.isoformat()}", ""),
        (_("Periods"), _("by contract year") if info.periods == "contract_year" else _("by calendar"), ""),
        (_("Start of use"), c.effective_ledger_start.isoformat(), ""),
    ]
    return Section("parties", _("Parties and term"), (_("Contract detail"), _("Value"), _("Source")),
                   [r for r in rows if r[1]])


def _services(prof: ContractProfile) -> Section:
    rows = [(s.code, s.name, s.calendar or prof.calendar_for(service=s.code), _num(s.availability_target_pct),
             s.default_severity or "", _src(s)) for s in prof.services]
    for g in getattr(prof, "service_groups", ()) or ():
        members = getattr(g, "services", ()) or getattr(g, "members", ())
        rows.append((str(getattr(g, "code", "")), _("Group: {name}", name=getattr(g, "name", "")),
                     "", "", ", ".join(map(str, members)), _src(g)))
    return Section("services", _("Services and groups"),
                   (_("Code"), _("Name"), _("Calendar"), _("Availability target %"), _("Default severity / members"),
                    _("Source")), rows)


def _calendars(prof: ContractProfile) -> Section:
    rows = []
    for cal in prof.calendars:
        hours = "7×24" if cal.kind == "always" else ", ".join(f"{a}–{b}" for a, b in cal.hours or ())
        kind = _("Always") if cal.kind == "always" else _("Working days")
        rows.append((cal.code, cal.name, kind, hours, _src(cal)))
    return Section("calendars", _("Service calendars"), (_("Code"), _("Name"), _("Service days"), _("Hours"), _("Source")),
                   rows)


def _target(prof: ContractProfile, severity: str, kind: str, klass: str | None) -> float | None:
    if kind not in get_args(core_profile.SlaKind):
        return None  # a target kind this profile format does not know
    try:
        if klass is not None:
            return prof.sla_target(severity, kind, incident_class=klass)  # type: ignore[arg-type]
        return prof.sla_target(severity, kind)  # type: ignore[arg-type]
    except (TypeError, ValueError, KeyError):
        return None


def _sla(prof: ContractProfile) -> Section:
    class_names = {getattr(k, "code", str(k)): getattr(k, "name", str(k))
                   for k in getattr(prof, "incident_classes", ()) or ()}
    classes: list[str | None] = [*class_names] or [None]
    grid = []
    for klass in classes:
        for sev in prof.severities:
            values = {kind: _target(prof, sev.code, kind, klass) for kind, _n in TARGET_KINDS}
            grid.append((klass, sev, values))
    kinds = [(k, n) for k, n in TARGET_KINDS if any(v[k] is not None for _c, _s, v in grid)]
    rows = []
    for klass, sev, values in grid:
        cal = prof.calendar_for(severity=sev.code)
        cells = [_("{minutes} min", minutes=_num(values[k])) if values[k] is not None else "—" for k, _n in kinds]
        rows.append((class_names.get(klass or "", "") or _("All classes"), f"{sev.code} {sev.name}", *cells, cal, _src(sev)))
    desk = prof.service_desk
    if desk.response_minutes is not None or desk.resolve_minutes is not None:
        cells = ["—"] * len(kinds)
        for i, (k, _n) in enumerate(kinds):
            v = desk.response_minutes if k == "response" else desk.resolve_minutes if k in ("resolve", "restore") else None
            if v is not None:
                cells[i] = _("{minutes} min", minutes=_num(v))
        rows.append((_("Service requests"), _("Service desk"), *cells, prof.desk_calendar_code, _src(desk)))
    header = (_("Class"), _("Severity"), *(_(n) for _k, n in kinds), _("Calendar"), _("Source"))
    return Section("sla", _("SLA matrix (minutes of service time)"), header, rows)


def _kpis(prof: ContractProfile) -> Section:
    rows = []
    for k in prof.kpis:
        scope = getattr(k, "scope", None)
        scope_text = str(getattr(scope, "name", "") or getattr(scope, "code", "") or scope or _("Whole contract"))
        metric = _(_METRICS[k.metric]) if k.metric in _METRICS else str(k.metric)
        target = target_text(k.comparison, k.target, k.unit or "")
        rows.append((k.code, k.name, metric, scope_text, target, _src(k)))
    return Section("kpis", _("KPIs"), (_("Code"), _("Name"), _("Metric"), _("Scope"), _("Target"), _("Source")), rows)


def _checklists(prof: ContractProfile) -> Section:
    rows = []
    for t in prof.checklists:
        items = sum(len(s.items) for s in t.sections)
        days = _("Working days") if t.days == "working_days" else _("Every day")
        rows.append((t.code, t.name, label_of(Frequency, str(t.frequency)), ", ".join(t.slots), days, str(items),
                     _src(t)))
    return Section("checklists", _("Checklists"),
                   (_("Code"), _("Name"), _("Frequency"), _("Slots"), _("Service days"), _("Items"), _("Source")), rows)


def _reports(session: Any, c: Contract, today: date) -> Section:
    rows = status_rows(session, c, today)
    out = []
    for rep in schedule.owed_reports(c):
        mine = [r for r in rows if r.kind == rep.kind]
        counts = {s: sum(1 for r in mine if r.status == s) for s in DeliveryStatus}
        late = sum(1 for r in mine if r.overdue)
        status = _("{accepted} accepted, {submitted} submitted, {owed} not submitted ({late} overdue)",
                   accepted=counts[DeliveryStatus.ACCEPTED], submitted=counts[DeliveryStatus.SUBMITTED],
                   owed=counts[DeliveryStatus.OWED], late=late) if mine else _("none owed yet")
        span = _(_SPANS[rep.span]) if rep.span in _SPANS else rep.span
        out.append((rep.title, span, _("{days} days after the period ends", days=rep.due_days_after),
                    _("Yes") if rep.acceptance else _("No"), status, rep.source))
    return Section("reports", _("Reports owed"),
                   (_("Report"), _("Period"), _("Due day"), _("Client acceptance"), _("Status"), _("Source")), out)


def _payments(session: Any, c: Contract, today: date) -> Section:
    rows, met = [], []
    for p in payments.payment_rows_of(session, c, today):
        conds = "; ".join(("✓ " if x.met else "✗ ") + x.text for x in p.conditions) or "—"
        rows.append((p.milestone, _num(p.amount), p.due.isoformat() if p.due else "", conds, p.met_text, p.source))
        met.append(p.met)
    return Section("payments", _("Payment schedule"),
                   (_("Milestone"), _("Amount (yuan)"), _("Pay by"), _("Depends on"), _("Conditions"), _("Source")),
                   rows, met)


def _engineers(prof: ContractProfile) -> Section:
    rows = [(e.name, label_of(EngineerRole, str(e.role)), e.phone, _src(e)) for e in prof.engineers]
    rows.extend((str(getattr(r, "name", "") or getattr(r, "code", "")), _("Role"),
                 _num(getattr(r, "min_on_duty", None)), _src(r)) for r in getattr(prof, "roles", ()) or ())
    return Section("engineers", _("Engineers and roles"), (_("Name"), _("Role"), _("Phone"), _("Source")), rows)


def contract_view(ledger: Ledger, contract_id: uuid.UUID | None, today: date) -> Outcome[ContractView | None]:
    """The page's sections for the contract ``contract_id`` on the local date ``today`` (None
    without a contract).  Reads only."""
    if contract_id is None:
        return Outcome(None)
    with ledger.session() as s:
        c = s.get(Contract, contract_id)
        if c is None:
            return Outcome(None)
        prof = profile_of(c)
        sections = [_parties(c, prof), _services(prof), _calendars(prof), _sla(prof), _kpis(prof),
                    _checklists(prof), _reports(s, c, today), _payments(s, c, today), _engineers(prof)]
        return Outcome(ContractView(c.id, c.name, c.title, sections))
