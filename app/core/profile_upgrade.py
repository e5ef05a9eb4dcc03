"""Upgrade a contract profile dict from format version 1 to version 2 (pure, no I/O).

``upgrade_v1(d)`` returns ``(v2_dict, sentences)``: the sentences say, in the current language,
what was converted — ``opsledger contract import`` prints them and the import action returns
them.  What changes (docs/profile-format.md, "Upgrading from version 1"):

* ``version: 1`` → ``2``;
* KPI metrics get their version-2 names and parameters (``satisfaction_rate`` →
  ``request_satisfaction``; ``response_compliance_rate`` → ``sla_compliance`` with ``sla:
  response`` …; ``complaint_count`` → ``records_per_period`` of ``complaint``;
  ``major_incident_count`` → ``incident_count`` of ``severity: major``), and a ``unit`` from
  the closed list ``%``/``count``/``hours``;
* a ``long_outage_count`` KPI without ``threshold_minutes`` gets the 120 minutes version 1 used
  silently (Justice Bureau §2.9 "超过 2 小时"), now written out;
* report ``name`` → ``title``, and a ``period`` from the kind (weekly → week …).

Figures and meaning are unchanged: the KPI results of an upgraded profile equal those of the
version-1 file (tests/services/contract/test_upgrade.py).
"""

from __future__ import annotations

import copy
from typing import Any

from app.core.i18n import _

_METRICS: dict[str, tuple[str, dict[str, Any]]] = {
    "availability": ("availability", {}),
    "satisfaction_rate": ("request_satisfaction", {}),
    "inspection_completion_rate": ("inspection_completion", {}),
    "response_compliance_rate": ("sla_compliance", {"sla": "response"}),
    "restore_compliance_rate": ("sla_compliance", {"sla": "restore"}),
    "request_response_compliance_rate": ("sla_compliance", {"sla": "request_response"}),
    "long_outage_count": ("long_outage_count", {}),
    "complaint_count": ("records_per_period", {"record": "complaint"}),
    "major_incident_count": ("incident_count", {"severity": "major"}),
}
_COUNTS = {"long_outage_count", "complaint_count", "major_incident_count"}
_REPORT_PERIODS = {"weekly": "week", "monthly": "month", "quarterly": "quarter", "half-year": "half_year",
                   "annual": "year", "requirements": "month"}
V1_LONG_OUTAGE_DEFAULT_MINUTES = 120
"""The threshold version 1 assumed when a long-outage KPI named none."""


def upgrade_v1(d: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The version-2 form of version-1 profile dict ``d`` (not changed) and the sentences saying
    what was converted.  A dict of another version is returned unchanged with no sentence."""
    if d.get("version") != 1:
        return d, []
    out = copy.deepcopy(d)
    said = [_("format version 1 upgraded to version 2")]
    out["version"] = 2
    for i, k in enumerate(out.get("kpis", [])):
        old = k.get("metric")
        if old not in _METRICS:
            continue
        new, params = _METRICS[old]
        k["metric"] = new
        k.update(params)
        unit = "count" if old in _COUNTS else "%"
        if k.get("unit") != unit:
            said.append(_("kpis[{i}] “{code}”: unit “{old}” written as “{new}”", i=i, code=k.get("code", ""),
                          old=k.get("unit", ""), new=unit))
        k["unit"] = unit
        if new != old:
            extra = ", ".join(f"{key}: {value}" for key, value in params.items())
            said.append(_("kpis[{i}] “{code}”: metric {old} is now {new}{extra}", i=i, code=k.get("code", ""),
                          old=old, new=new, extra=f" ({extra})" if extra else ""))
        if old == "long_outage_count" and k.get("threshold_minutes") is None:
            k["threshold_minutes"] = V1_LONG_OUTAGE_DEFAULT_MINUTES
            said.append(_("kpis[{i}] “{code}”: threshold_minutes {minutes} (version 1 assumed it) is now "
                          "written out", i=i, code=k.get("code", ""), minutes=V1_LONG_OUTAGE_DEFAULT_MINUTES))
    for i, r in enumerate(out.get("reports", [])):
        if "name" in r:
            r["title"] = r.pop("name")
        r.setdefault("period", _REPORT_PERIODS.get(r.get("kind", ""), "month"))
        if r.get("kind") == "requirements":
            r.setdefault("sections", ["requirements_document"])
        said.append(_("reports[{i}] “{kind}”: name is now title, period {period}", i=i, kind=r.get("kind", ""),
                      period=r["period"]))
    return out, said
