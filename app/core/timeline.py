"""Timeline-order rules, one table per record kind, pure (no Session, no Qt).

An incident's instants (发生 → 报修 → 响应 → 到场 → 恢复 → 关闭) and a service request's (受理 →
响应 → 解决 → 关闭, 回访 after 解决) must not run backwards.  The incident workflow, the request
workflow and both Excel importers check through :func:`violations` against these tables, so an
imported row is refused exactly when the app would refuse the same timeline typed by hand.

Values are aware datetimes (any zone; compared as instants) or ``None`` for "not yet"; a rule
whose either side is ``None`` does not apply.  Equal instants are in order.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.core.i18n import N_, _


@dataclass(frozen=True)
class OrderRule:
    """``later`` must not be before ``earlier``.

    ``unless`` names a field through which the rule is already implied when that field is set
    (e.g. reported ≤ on-site follows from reported ≤ responded ≤ on-site); the rule is then skipped
    so one mistake gives one message.  ``message`` is an English msgid (Chinese in vocab.po).
    """

    earlier: str
    later: str
    message: str
    unless: str | None = None


@dataclass(frozen=True)
class OrderViolation:
    """One broken rule: ``field`` is the one to correct, ``message`` in the current language."""

    rule: OrderRule
    field: str
    message: str


INCIDENT_ORDER: tuple[OrderRule, ...] = (
    OrderRule("occurred_at", "reported_at", N_("reported time is before the time the fault occurred")),
    OrderRule("reported_at", "responded_at", N_("response time is before the time the fault was reported")),
    OrderRule("occurred_at", "responded_at", N_("response time is before the time the fault occurred"),
              unless="reported_at"),
    OrderRule("responded_at", "onsite_at", N_("on-site time is before the response time")),
    OrderRule("reported_at", "onsite_at", N_("on-site time is before the time the fault was reported"),
              unless="responded_at"),
    OrderRule("occurred_at", "onsite_at", N_("on-site time is before the time the fault occurred"),
              unless="reported_at"),
    OrderRule("occurred_at", "restored_at", N_("restore time is before the time the fault occurred")),
    OrderRule("responded_at", "restored_at", N_("restore time is before the response time")),
    OrderRule("restored_at", "closed_at", N_("close time is before the restore time")),
    OrderRule("occurred_at", "closed_at", N_("close time is before the time the fault occurred"),
              unless="restored_at"),
)
"""Incident timeline (``Incident.occurred_at`` … ``closed_at``), checked in this order."""

REQUEST_ORDER: tuple[OrderRule, ...] = (
    OrderRule("received_at", "responded_at", N_("the response is before the request was received")),
    OrderRule("responded_at", "resolved_at", N_("the resolution is before the response")),
    OrderRule("received_at", "resolved_at", N_("the resolution is before the request was received"),
              unless="responded_at"),
    OrderRule("resolved_at", "closed_at", N_("the close is before the resolution")),
    OrderRule("received_at", "closed_at", N_("the close is before the request was received"),
              unless="resolved_at"),
    OrderRule("resolved_at", "followup_at", N_("the follow-up is before the resolution")),
    OrderRule("received_at", "followup_at", N_("the follow-up is before the request was received"),
              unless="resolved_at"),
)
"""Service-request timeline (``ServiceRequest.received_at`` … ``followup_at``), checked in order."""

INCIDENT_STATUS_INSTANTS: dict[str, tuple[str, ...]] = {
    "restored": ("restored_at",),
    "closed": ("restored_at", "closed_at"),
}
"""Instants an incident in that status must have (the workflow sets them on the move)."""

REQUEST_STATUS_INSTANTS: dict[str, tuple[str, ...]] = {
    "resolved": ("resolved_at",),
    "closed": ("resolved_at", "closed_at"),
}
"""Instants a service request in that status must have (the workflow sets them on the move)."""

INCIDENT_FIELDS = ("occurred_at", "reported_at", "responded_at", "onsite_at", "restored_at", "closed_at")
REQUEST_FIELDS = ("received_at", "responded_at", "resolved_at", "closed_at", "followup_at")


def violations(
    rules: tuple[OrderRule, ...],
    values: Mapping[str, datetime | None],
    changed: Collection[str] = (),
) -> list[OrderViolation]:
    """Every rule of ``rules`` that ``values`` (field → instant or ``None``) break, in table order.

    ``changed``: the fields the user is changing now.  The field blamed is the rule's ``later``,
    unless only its ``earlier`` side is being changed — then the earlier one (moving the occurred
    time after the response names the occurred time).  Values of other types are ignored, so an
    importer can pass a row whose unparsable cells are already reported elsewhere.
    """
    found: list[OrderViolation] = []
    for rule in rules:
        a, b = values.get(rule.earlier), values.get(rule.later)
        if not isinstance(a, datetime) or not isinstance(b, datetime):
            continue
        if rule.unless is not None and isinstance(values.get(rule.unless), datetime):
            continue
        if b < a:
            blame = rule.earlier if (rule.earlier in changed and rule.later not in changed) else rule.later
            found.append(OrderViolation(rule, blame, _(rule.message)))
    return found


def first_violation(
    rules: tuple[OrderRule, ...],
    values: Mapping[str, datetime | None],
    changed: Collection[str] = (),
) -> OrderViolation | None:
    """The first of :func:`violations`, or ``None`` when the timeline is in order."""
    found = violations(rules, values, changed)
    return found[0] if found else None


def missing_instants(
    needs: Mapping[str, tuple[str, ...]], status: str | None, values: Mapping[str, object]
) -> list[str]:
    """The fields ``status`` requires (``needs``: ``INCIDENT_STATUS_INSTANTS`` or
    ``REQUEST_STATUS_INSTANTS``) that ``values`` leaves empty (``None``), in table order."""
    return [f for f in needs.get(status or "", ()) if values.get(f) is None]


# --------------------------------------------------------------------------- system clock jumps
# Business instants (occurred/reported/responded/restored … typed by the user) obey the order
# tables above.  System-recorded instants (when the app wrote an event) come from the
# workstation clock, which can be set back or far ahead and corrected; events are ordered by
# their sequence (insertion), and a jump is flagged, never refused.

CLOCK_AHEAD_LIMIT = timedelta(days=1)
"""A system instant more than this after the previous event's counts as a jump ahead."""

CLOCK_BACK, CLOCK_AHEAD = "back", "ahead"


def clock_jump(now: datetime, previous_at: datetime | None) -> str:
    """``"back"`` when the system clock ``now`` reads earlier than ``previous_at`` (the previous
    recorded event), ``"ahead"`` when more than ``CLOCK_AHEAD_LIMIT`` later, else ``""``
    (``previous_at`` ``None``: nothing recorded yet)."""
    if previous_at is None:
        return ""
    if now < previous_at:
        return CLOCK_BACK
    if now - previous_at > CLOCK_AHEAD_LIMIT:
        return CLOCK_AHEAD
    return ""


def effective_system_instant(now: datetime, last_at: datetime | None) -> tuple[datetime, bool]:
    """The instant a move timed by the system clock (no time given by the user) takes effect:
    ``now``, or — when the clock reads earlier than the record's last status change ``last_at``
    (set back, or corrected after running ahead) — ``last_at``, so the record's order holds.
    Returns ``(instant, clamped)``."""
    if last_at is not None and now < last_at:
        return last_at, True
    return now, False
