"""Cross-checks of a schema-valid profile dict (format 2): what the JSON Schema cannot express.

``cross_check(d)`` returns ``[(field_path, Msg)]`` — empty when sound.  It checks the term order,
duplicate codes (and duplicate report kinds), every reference between codes (calendars,
severities, incident classes, services, assets, groups/classes used as ``scope``, work-log
categories, roles, report kinds a payment depends on), hour ranges, override dates, slots, item
ranges, report sections against the builder's catalogue (``REPORT_SECTIONS``), the parameters
each KPI metric needs (a long-outage KPI without ``threshold_minutes`` is refused, Justice Bureau
§2.9 — never defaulted) and the units that make sense for a metric.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.core.i18n import N_
from app.core.profile_parts import REPORT_SECTIONS
from app.errors import Msg

Problems = list[tuple[str, Msg]]

_RATE_METRICS = {"availability", "stable_run_rate", "request_satisfaction", "complaint_rate", "sla_compliance",
                 "inspection_completion"}
_COUNT_METRICS = {"incident_count", "long_outage_count", "records_per_period", "backup_count", "drill_count",
                  "training_count"}
_NEEDS: dict[str, tuple[str, ...]] = {"sla_compliance": ("sla",), "records_per_period": ("record",),
                                      "long_outage_count": ("threshold_minutes",)}
_ONLY_FOR = {"incident_class": {"incident_count", "sla_compliance", "long_outage_count"},
             "severity": {"incident_count", "sla_compliance"}, "sla": {"sla_compliance"},
             "record": {"records_per_period"}, "category": {"logged_hours"},
             "threshold_minutes": {"long_outage_count"}, "calendar": {"long_outage_count"}}


def _dupes(items: list[dict[str, Any]], key: str, where: str) -> Problems:
    seen: set[str] = set()
    out = []
    for i, it in enumerate(items):
        if it[key] in seen:
            out.append((f"{where}[{i}].{key}", Msg(N_("duplicate {key} “{key2}”"), key=key, key2=it[key])))
        seen.add(it[key])
    return out


_OWN_WORDING = {
    "severity": lambda code, known: Msg(N_("unknown severity “{code}”; known: {known}"), code=code, known=known),
    "calendar": lambda code, known: Msg(N_("unknown calendar “{code}”; known: {cals}"), code=code, cals=known),
    "service": lambda code, known: Msg(N_("unknown service “{service}”"), service=code),
    "asset": lambda code, known: Msg(N_("unknown asset “{asset}”"), asset=code),
}


def _ref(out: Problems, known: Any, code: Any, where: str, what: str) -> None:
    if code is not None and code not in known:
        listed = sorted(known) or ["-"]
        if what in _OWN_WORDING:
            out.append((where, _OWN_WORDING[what](code, listed)))
        else:
            out.append((where, Msg(N_("unknown {what} “{code}”; known: {known}"), what=Msg(what), code=code,
                                   known=listed)))


def cross_check(d: dict[str, Any]) -> Problems:
    """Every cross-reference problem of profile dict ``d`` (see the module doc)."""
    out: Problems = []
    term = d["contract"]["term"]
    if term["end"] < term["start"]:
        out.append(("contract.term.end", Msg(N_("term ends ({end}) before it starts ({start})"), end=term["end"],
                                             start=term["start"])))
    for key, field in (("calendars", "code"), ("severities", "code"), ("services", "code"), ("assets", "code"),
                       ("engineers", "name"), ("checklists", "code"), ("request_categories", "code"),
                       ("kpis", "code"), ("service_groups", "code"), ("asset_classes", "code"),
                       ("incident_classes", "code"), ("roles", "code"), ("work_log_categories", "code")):
        out += _dupes(d.get(key, []), field, key)
    scopes = [*d.get("service_groups", []), *d.get("asset_classes", [])]
    out += _dupes(scopes, "code", "service_groups/asset_classes")
    reports = d.get("reports", [])
    for i, r in enumerate(reports):
        if any(x["kind"] == r["kind"] for x in reports[:i]):
            out.append((f"reports[{i}].kind", Msg(N_("report kind “{kind}” is defined twice; one entry per kind"),
                                                  kind=r["kind"])))
        for j, sec in enumerate(r.get("sections", [])):
            if sec not in REPORT_SECTIONS:
                out.append((f"reports[{i}].sections[{j}]", Msg(N_("unknown report section “{code}”; the builder "
                                                                  "offers: {known}"), code=sec,
                                                               known=list(REPORT_SECTIONS))))
    out += _check_calendars(d)
    out += _check_refs(d, {s["code"] for s in scopes})
    out += _check_kpis(d, {s["code"] for s in scopes})
    for i, t in enumerate(d["checklists"]):
        _check_checklist(d, t, f"checklists[{i}]", out)
    return out


def _check_refs(d: dict[str, Any], scopes: set[str]) -> Problems:
    out: Problems = []
    sevs = {s["code"] for s in d["severities"]}
    classes = {c["code"] for c in d.get("incident_classes", [])} or {"operational"}
    services = {s["code"] for s in d["services"]}
    assets = {a["code"] for a in d.get("assets", [])}
    roles = {r["code"] for r in d.get("roles", [])}
    for key in ("services", "assets"):
        for i, x in enumerate(d.get(key, [])):
            _ref(out, sevs, x.get("default_severity"), f"{key}[{i}].default_severity", "severity")
    for i, g in enumerate(d.get("service_groups", [])):
        for j, code in enumerate(g["services"]):
            _ref(out, services, code, f"service_groups[{i}].services[{j}]", "service")
    for i, c in enumerate(d.get("asset_classes", [])):
        for j, code in enumerate(c.get("assets", [])):
            _ref(out, assets, code, f"asset_classes[{i}].assets[{j}]", "asset")
        if not c.get("assets") and not c.get("kinds"):
            out.append((f"asset_classes[{i}]", Msg(N_("an asset class needs assets and/or kinds"))))
    for i, t in enumerate(d.get("sla_targets", [])):
        _ref(out, sevs, t.get("severity"), f"sla_targets[{i}].severity", "severity")
        _ref(out, classes, t.get("incident_class"), f"sla_targets[{i}].incident_class", N_("incident class"))
        _ref(out, scopes, t.get("scope"), f"sla_targets[{i}].scope", N_("service group or asset class"))
    out += _check_targets_and_payments(d, roles)
    return out


def _check_targets_and_payments(d: dict[str, Any], roles: set[str]) -> Problems:
    """A second SLA target for the same key; engineers' roles; what payments depend on."""
    out: Problems = []
    seen: set[tuple[Any, ...]] = set()
    for i, t in enumerate(d.get("sla_targets", [])):
        key = (t["kind"], t.get("severity"), t.get("incident_class"), t.get("scope"))
        if key in seen:
            out.append((f"sla_targets[{i}]", Msg(N_("a second {kind} target for the same severity, class and "
                                                    "scope"), kind=t["kind"])))
        seen.add(key)
    for i, e in enumerate(d.get("engineers", [])):
        for j, code in enumerate(e.get("roles", [])):
            _ref(out, roles, code, f"engineers[{i}].roles[{j}]", N_("role"))
    kinds = {r["kind"] for r in d.get("reports", [])}
    for i, p in enumerate(d.get("payments", [])):
        for j, dep in enumerate(p.get("depends_on", [])):
            if not _is_dependency(str(dep), kinds):
                out.append((f"payments[{i}].depends_on[{j}]", Msg(N_("“{dep}” is neither a report kind of "
                                                                     "this profile ({kinds}), one report "
                                                                     "“kind:period” (annual:CY1), a date "
                                                                     "YYYY-MM-DD nor term_end"), dep=dep,
                                                                  kinds=sorted(kinds) or "-")))
    return out


def _is_dependency(dep: str, kinds: set[str]) -> bool:
    """What a payment may wait for (see ``app.services.delivery.payments``): a report kind, one
    report ``kind:PERIOD``, an ISO date or ``term_end``."""
    kind, _sep, period = dep.partition(":")
    return dep == "term_end" or _is_date(dep) or (kind in kinds and (not _sep or bool(period)))


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except (TypeError, ValueError):
        return False
    return len(text) == 10


def _check_kpis(d: dict[str, Any], scopes: set[str]) -> Problems:
    out: Problems = []
    sevs = {s["code"] for s in d["severities"]} | {"major"}
    classes = {c["code"] for c in d.get("incident_classes", [])} or {"operational"}
    cats = {c["code"] for c in d.get("work_log_categories", [])}
    for i, k in enumerate(d.get("kpis", [])):
        where, metric = f"kpis[{i}]", k["metric"]
        for field in _NEEDS.get(metric, ()):
            if k.get(field) is None:
                out.append((f"{where}.{field}", Msg(N_("a {metric} KPI needs {field} (no default is assumed)"),
                                                    metric=metric, field=field)))
        for field, metrics in _ONLY_FOR.items():
            if k.get(field) is not None and metric not in metrics:
                out.append((f"{where}.{field}", Msg(N_("{field} does not apply to a {metric} KPI"), field=field,
                                                    metric=metric)))
        want = "%" if metric in _RATE_METRICS else "count" if metric in _COUNT_METRICS else "hours"
        if k["unit"] != want:
            out.append((f"{where}.unit", Msg(N_("a {metric} KPI is measured in “{want}”, not “{unit}”"),
                                             metric=metric, want=want, unit=k["unit"])))
        _ref(out, scopes, k.get("scope"), f"{where}.scope", N_("service group or asset class"))
        _ref(out, sevs, k.get("severity"), f"{where}.severity", "severity")
        _ref(out, classes, k.get("incident_class"), f"{where}.incident_class", N_("incident class"))
        _ref(out, cats, k.get("category"), f"{where}.category", N_("work-log category"))
        if metric == "sla_compliance" and k.get("sla", "").startswith("request") and k.get("scope"):
            out.append((f"{where}.scope", Msg(N_("service-desk targets cannot be scoped"))))
    return out


def _check_calendars(d: dict[str, Any]) -> Problems:
    out: Problems = []
    cals = {c["code"] for c in d["calendars"]}

    def cal_ref(code: str | None, where: str) -> None:
        _ref(out, cals, code, where, "calendar")

    cal_ref(d.get("default_calendar"), "default_calendar")
    if "default_calendar" not in d and len(cals) > 1:
        out.append(("default_calendar", Msg(N_("required when more than one calendar is defined"))))
    for i, c in enumerate(d["calendars"]):
        if c["kind"] == "working_days" and not c.get("hours"):
            out.append((f"calendars[{i}].hours", Msg(N_("working_days calendars need working hours"))))
        out += _hour_ranges(c.get("hours", []), f"calendars[{i}].hours")
        for j, o in enumerate(c.get("overrides", [])):
            where = f"calendars[{i}].overrides[{j}]"
            if o["end"] < o["start"]:
                out.append((f"{where}.end", Msg(N_("term ends ({end}) before it starts ({start})"), end=o["end"],
                                                start=o["start"])))
            if o["kind"] != "always" and not o.get("hours"):
                out.append((f"{where}.hours", Msg(N_("working_days calendars need working hours"))))
            out += _hour_ranges(o.get("hours", []), f"{where}.hours")
            for prev in c.get("overrides", [])[:j]:
                if prev["start"] <= o["end"] and o["start"] <= prev["end"]:
                    out.append((where, Msg(N_("overlaps the override “{name}”"), name=prev["name"])))
    for key in ("severities", "services", "kpis", "sla_targets"):
        for i, s in enumerate(d.get(key, [])):
            cal_ref(s.get("calendar"), f"{key}[{i}].calendar")
    for i, r in enumerate(d.get("roles", [])):
        for j, st in enumerate(r.get("staffing", [])):
            cal_ref(st["calendar"], f"roles[{i}].staffing[{j}].calendar")
    cal_ref(d.get("service_desk", {}).get("calendar"), "service_desk.calendar")
    return out


def _hour_ranges(hours: list[list[str]], base: str) -> Problems:
    out: Problems = []
    prev = ""
    for j, (a, b) in enumerate(hours):
        if not a < b:
            out.append((f"{base}[{j}]", Msg(N_("{a}–{b} does not end after it starts"), a=a, b=b)))
        if a < prev:
            out.append((f"{base}[{j}]", Msg(N_("hour ranges must be in order and not overlap"))))
        prev = b
    return out


def _check_checklist(d: dict[str, Any], t: dict[str, Any], base: str, out: Problems) -> None:
    services = {s["code"] for s in d["services"]}
    assets = {a["code"] for a in d.get("assets", [])}
    sevs = {s["code"] for s in d["severities"]}
    _ref(out, sevs, t.get("default_severity"), f"{base}.default_severity", "severity")
    slots, freq = t.get("slots", []), t["frequency"]
    if freq == "twice_daily" and len(slots) != 2:
        out.append((f"{base}.slots", Msg(N_("twice_daily needs exactly two slots, e.g. [\"09:00\", \"14:30\"]"))))
    if freq == "daily" and len(slots) > 1:
        out.append((f"{base}.slots", Msg(N_("daily takes at most one slot"))))
    if slots != sorted(slots) or len(set(slots)) != len(slots):
        out.append((f"{base}.slots", Msg(N_("slots must be distinct and in time order"))))
    if freq == "n_per_period":
        per, times = t.get("per"), t.get("times")
        parts = {"month": (1, 2, 4), "quarter": (1, 3), "year": (1, 2, 3, 4, 6, 12)}
        if per is None or times is None or times not in parts[per]:
            out.append((f"{base}.times", Msg(N_("n_per_period needs per (month, quarter, year) and times "
                                                "dividing it evenly: month 1/2/4, quarter 1/3, year "
                                                "1/2/3/4/6/12"))))
    elif t.get("times") is not None or t.get("per") is not None:
        out.append((f"{base}.times", Msg(N_("times/per only apply to n_per_period"))))
    if t.get("due_on") and freq in ("twice_daily", "daily", "ad_hoc"):
        out.append((f"{base}.due_on", Msg(N_("due_on applies to period checklists (weekly … yearly, n_per_period)"))))
    for si, sec in enumerate(t["sections"]):
        for ii, it in enumerate(sec["items"]):
            where = f"{base}.sections[{si}].items[{ii}]"
            _ref(out, sevs, it.get("default_severity"), f"{where}.default_severity", "severity")
            _ref(out, services, it.get("service"), f"{where}.service", "service")
            _ref(out, assets, it.get("asset"), f"{where}.asset", "asset")
            out.extend(_check_item(it, where))


def _check_item(it: dict[str, Any], where: str) -> Problems:
    out: Problems = []
    kind = it.get("kind", "check")
    lo, hi = it.get("normal_min"), it.get("normal_max")
    if kind == "reading":
        if lo is None and hi is None:
            out.append((where, Msg(N_("a reading needs normal_min and/or normal_max"))))
        if lo is not None and hi is not None and lo > hi:
            out.append((f"{where}.normal_max", Msg(N_("normal_max {hi} is below normal_min {lo}"), hi=hi, lo=lo)))
    elif lo is not None or hi is not None:
        out.append((where, Msg(N_("normal_min/normal_max only apply to readings, not {kind}"), kind=kind)))
    if kind == "choice":
        if not it.get("choices"):
            out.append((f"{where}.choices", Msg(N_("a choice item needs choices"))))
        bad = set(it.get("normal_choices", [])) - set(it.get("choices", []))
        if bad:
            out.append((f"{where}.normal_choices", Msg(N_("not among choices: {bad}"), bad=sorted(bad))))
    return out
