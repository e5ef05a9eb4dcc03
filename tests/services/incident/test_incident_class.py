"""Incidents carry a class (故障类别) of the profile's incident_classes beside their severity."""

from __future__ import annotations

from datetime import date, time

import pytest

from app.core.timeutil import local_dt
from app.errors import ValidationError
from app.services.contract.profiles import import_profile, load_profile_file
from app.services.incident import actions
from app.store.models import Incident
from tests.services.contract.test_profile_v2 import FIXTURES


def test_class_is_chosen_checked_and_edited(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        c = import_profile(s, load_profile_file(FIXTURES / "imagined-v2.yaml"), actor="t")
    at = local_dt(date(2026, 3, 9), time(9))
    sec = actions.create_incident(db, c.id, actor="t", title="异常登录", occurred_at=at, severity="P1",
                                  incident_class="security").value
    plain = actions.create_incident(db, c.id, actor="t", title="网站慢", occurred_at=at).value
    with pytest.raises(ValidationError, match="未知的故障类别“fire”"):
        actions.create_incident(db, c.id, actor="t", title="x", occurred_at=at, incident_class="fire")
    actions.edit_incident(db, plain, actor="t", fields={"incident_class": "request"}, service_ids=[], asset_ids=[])
    with db.session() as s:
        assert s.get(Incident, sec).incident_class == "security"
        assert s.get(Incident, plain).incident_class == "request"
