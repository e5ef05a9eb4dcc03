"""The one timeline-order table per record kind (app.core.timeline)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from app.core import i18n
from app.core.timeline import (
    INCIDENT_FIELDS,
    INCIDENT_ORDER,
    REQUEST_FIELDS,
    REQUEST_ORDER,
    first_violation,
    violations,
)

T0 = datetime(2026, 6, 1, 1, 0, tzinfo=UTC)


def m(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


IN_ORDER = {"occurred_at": m(0), "reported_at": m(5), "responded_at": m(10), "onsite_at": m(30),
            "restored_at": m(60), "closed_at": m(90)}


def test_a_timeline_in_order_and_equal_instants_pass():
    assert violations(INCIDENT_ORDER, IN_ORDER) == []
    assert violations(INCIDENT_ORDER, dict.fromkeys(INCIDENT_FIELDS, T0)) == []
    assert violations(REQUEST_ORDER, dict.fromkeys(REQUEST_FIELDS, T0)) == []


def test_missing_instants_do_not_apply():
    assert violations(INCIDENT_ORDER, {"occurred_at": m(0), "restored_at": None, "closed_at": None}) == []
    assert violations(INCIDENT_ORDER, {}) == []


@pytest.mark.parametrize(
    ("changes", "later", "earlier"),
    [
        ({"reported_at": m(-1)}, "reported_at", "occurred_at"),
        ({"responded_at": m(4)}, "responded_at", "reported_at"),
        ({"onsite_at": m(9)}, "onsite_at", "responded_at"),
        ({"restored_at": m(-1)}, "restored_at", "occurred_at"),
        ({"restored_at": m(9)}, "restored_at", "responded_at"),  # the rule the importer used to lack
        ({"closed_at": m(59)}, "closed_at", "restored_at"),
    ],
)
def test_each_incident_rule_names_the_later_field(changes, later, earlier):
    first = first_violation(INCIDENT_ORDER, IN_ORDER | changes)
    assert (first.rule.earlier, first.rule.later, first.field) == (earlier, later, later)


def test_rules_implied_through_a_set_field_give_one_message():
    # on-site before the report, with a response in between: only "on-site before response"
    values = {"occurred_at": m(0), "reported_at": m(5), "responded_at": m(10), "onsite_at": m(3)}
    assert [v.rule.earlier for v in violations(INCIDENT_ORDER, values)] == ["responded_at"]
    # without a response the reported → on-site rule applies itself
    values = {"occurred_at": m(0), "reported_at": m(5), "onsite_at": m(3)}
    assert [(v.rule.earlier, v.rule.later) for v in violations(INCIDENT_ORDER, values)] == [
        ("reported_at", "onsite_at")]
    # no report time (an imported row): response and close are checked against the occurrence
    values = {"occurred_at": m(10), "responded_at": m(5), "closed_at": m(1)}
    assert {(v.rule.earlier, v.rule.later) for v in violations(INCIDENT_ORDER, values)} == {
        ("occurred_at", "responded_at"), ("occurred_at", "closed_at")}


def test_blame_goes_to_the_earlier_field_when_only_it_changed():
    values = IN_ORDER | {"occurred_at": m(7)}
    assert first_violation(INCIDENT_ORDER, values, {"occurred_at"}).field == "occurred_at"
    assert first_violation(INCIDENT_ORDER, values).field == "reported_at"


def test_instants_compare_across_zones():
    beijing = timezone(timedelta(hours=8))
    values = {"occurred_at": datetime(2026, 6, 1, 9, 0, tzinfo=beijing), "reported_at": m(1)}
    assert violations(INCIDENT_ORDER, values) == []  # 09:00+08:00 is T0


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"received_at": m(0), "responded_at": m(-1)}, "responded_at"),
        ({"received_at": m(0), "responded_at": m(10), "resolved_at": m(5)}, "resolved_at"),
        ({"received_at": m(0), "resolved_at": m(-5)}, "resolved_at"),
        ({"received_at": m(0), "resolved_at": m(10), "closed_at": m(9)}, "closed_at"),
        ({"received_at": m(0), "resolved_at": m(10), "followup_at": m(5)}, "followup_at"),
        ({"received_at": m(0), "followup_at": m(-5)}, "followup_at"),
    ],
)
def test_request_rules(values, field):
    found = violations(REQUEST_ORDER, values)
    assert len(found) == 1 and found[0].field == field


def test_messages_in_the_current_language():
    values = IN_ORDER | {"restored_at": m(9)}
    i18n.set_language("zh_CN")
    assert first_violation(INCIDENT_ORDER, values).message == "恢复时间早于响应时间"
    i18n.set_language("en")
    try:
        assert first_violation(INCIDENT_ORDER, values).message == "restore time is before the response time"
    finally:
        i18n.set_language("zh_CN")


def test_every_rule_message_is_translated():
    zh = i18n.catalogue("zh_CN")
    assert [r.message for r in (*INCIDENT_ORDER, *REQUEST_ORDER) if r.message not in zh] == []


def test_non_datetime_cells_are_ignored():
    assert violations(INCIDENT_ORDER, {"occurred_at": "昨天", "reported_at": m(0)}) == []


def test_status_needs_its_instants():
    from app.core.timeline import (
        INCIDENT_STATUS_INSTANTS,
        REQUEST_STATUS_INSTANTS,
        missing_instants,
    )

    assert missing_instants(INCIDENT_STATUS_INSTANTS, "closed", {"restored_at": T0}) == ["closed_at"]
    assert missing_instants(INCIDENT_STATUS_INSTANTS, "closed", {}) == ["restored_at", "closed_at"]
    assert missing_instants(INCIDENT_STATUS_INSTANTS, "in_progress", {}) == []
    assert missing_instants(REQUEST_STATUS_INSTANTS, "resolved", {"resolved_at": None}) == ["resolved_at"]
    assert missing_instants(REQUEST_STATUS_INSTANTS, None, {}) == []
