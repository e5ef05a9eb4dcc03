"""Which severity an incident raised from an inspection result starts with — the profile's rule.

A contract profile may name the severity of an abnormal result, most specific first:

1. the checklist item's ``severity`` (``{text: 机房温度, kind: reading, severity: P1}``);
2. the checklist's ``severity`` (``machine-room-daily`` → ``P1``: a machine-room fault is
   "机房基础环境故障", which the Pinggu contract's P1 level describes);
3. the ``severity`` of the service the item checks (``services[].severity``).

With none of them (or a code the profile's ``severities`` does not define) there is no proposal
and ``incident.workflow.create_incident`` applies its own default (the least severe level).
The engineer can always choose another level in the form; this is only what it proposes.
"""

from __future__ import annotations

from typing import Any


def profile_severity(profile: dict[str, Any], template_code: str, section: str, item_text: str,
                     service_code: str | None) -> str | None:
    """The severity code the ``profile`` (the contract's validated profile dict) gives an abnormal
    result of item ``item_text`` in ``section`` of checklist ``template_code`` checking service
    ``service_code`` (or ``None``); ``None`` when the profile names none (see the module doc)."""
    levels = {str(s.get("code")) for s in profile.get("severities", [])}
    found: list[Any] = []
    for checklist in profile.get("checklists", []):
        if checklist.get("code") != template_code:
            continue
        for sec in checklist.get("sections", []):
            for item in sec.get("items", []):
                if item.get("text") == item_text and sec.get("name") == section:
                    found.append(item.get("severity"))
        found.append(checklist.get("severity"))
    for service in profile.get("services", []):
        if service_code and service.get("code") == service_code:
            found.append(service.get("severity"))
    return next((str(code) for code in found if code and str(code) in levels), None)
