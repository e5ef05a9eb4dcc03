"""Plain rows and choices for the record pages: options, proposed severity, detail views, periods."""

from __future__ import annotations

from datetime import date, datetime

from app.core.timeutil import UTC
from app.services.incident import actions
from app.services.queries.filters import export_days, month_days, period_bounds
from app.services.queries.incident import IncidentView, incident_view
from app.services.queries.options import proposed_severity, record_options
from app.store.models import Contract


def test_options_name_the_current_engineer_and_major_levels(db, pinggu):
    opts = record_options(db, pinggu.id, "王建国")
    assert [c for c, _ in opts.severities] == ["P1", "P2", "P3"] and opts.major_severities == {"P1"}
    assert dict((v, k) for k, v in opts.engineers)["王建国"] == opts.engineer_id
    assert record_options(db, None).engineers == [] and record_options(db, pinggu.id, "nobody").engineer_id is None


def test_proposed_severity_reads_the_service_rule(db, pinggu):
    opts = record_options(db, pinggu.id)
    lan = next(i for i, name in opts.services if "局域网" in name)
    assert proposed_severity(db, pinggu.id, [lan]) == "P3"  # no rule: least severe
    with db.session() as s:
        c = s.get(Contract, pinggu.id)
        c.profile = {**c.profile, "services": [dict(x, default_severity="P1") if x["code"] == "lan" else x
                                               for x in c.profile["services"]]}
    assert proposed_severity(db, pinggu.id, [lan]) == "P1"
    assert proposed_severity(db, pinggu.id, []) == "P3"
    assert proposed_severity(db, None, [lan]) is None


def test_incident_view_is_a_plain_row_with_history(db, pinggu):
    iid = actions.create_incident(db, pinggu.id, actor="王建国", title="OA slow",
                                  occurred_at=datetime(2026, 3, 3, 1, tzinfo=UTC), severity="P1").value
    actions.save_fields(db, iid, actor="王建国", edits={"cause": "disk full"})
    v = incident_view(db, iid)
    assert isinstance(v, IncidentView) and v.major and v.cause == "disk full"
    assert [h.kind for h in v.history] == ["created", "field"]
    assert v.history[1].changes == {"cause": ("", "disk full")}


def test_periods_are_local_days():
    start, end = period_bounds("month", date(2026, 3, 15))
    assert start == datetime(2026, 2, 28, 16, tzinfo=UTC) and end == datetime(2026, 3, 15, 16, tzinfo=UTC)
    assert export_days(start, end) == (date(2026, 3, 1), date(2026, 3, 15))
    assert period_bounds("all") == (None, None)
    assert month_days(date(2026, 2, 10)) == (date(2026, 2, 1), date(2026, 2, 28))
