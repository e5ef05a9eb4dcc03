"""The SLA watch — the one rule behind the overview's SLA tiles and the incident list's SLA filter:
the bulk clocks it reads are the detail pane's clocks (scoped and per-class targets included), and
the list's ``sla`` filter selects exactly the incidents the tiles count.

A Pinggu contract whose profile adds two targets: P2 response 5 min (7×24) for the core service
group (统一业务应用系统, OA) and P2 response 7 min for security incidents.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.core.timeutil import utcnow
from app.services.contract.profiles import import_profile, load_profile_file
from app.services.incident import actions as incidents
from app.services.incident.sla import compute_incident_clocks
from app.services.queries import listing, sla_watch
from app.services.queries.clocks import bulk_incident_clocks
from app.store.db import Database
from app.store.models import Contract, Incident, Service
from tests.conftest import PROFILES

ACTOR = "王建国"


@pytest.fixture
def scoped(db: Database) -> dict:
    data = load_profile_file(PROFILES / "pinggu-court-2026.yaml")
    data["sla_targets"] = [
        {"kind": "response", "severity": "P2", "scope": "core", "minutes": 5, "calendar": "7x24", "source": "test"},
        {"kind": "response", "severity": "P2", "incident_class": "security", "minutes": 7, "calendar": "7x24",
         "source": "test"}]
    with db.session() as s:
        cid = import_profile(s, data, actor="test").id
        oa = s.scalars(select(Service.id).where(Service.contract_id == cid, Service.code == "oa")).one()
        web = s.scalars(select(Service.id).where(Service.contract_id == cid, Service.code == "website")).one()
    now = utcnow()
    ids = {}
    for key, sev, ago, extra in (
            ("core", "P2", 20, {"service_ids": [oa]}),            # 20 of 5 min: breached (scoped target)
            ("aux", "P2", 20, {"service_ids": [web]}),            # the P2 default target: fine
            ("security", "P2", 6, {"incident_class": "security"}),  # 6 of 7 min: at risk (class target)
            ("p1_risk", "P1", 25, {}),                            # 25 of 30 min: at risk
            ("p1_late", "P1", 45, {})):                           # breached
        ids[key] = incidents.create_incident(db, cid, actor=ACTOR, title=f"故障 {key}",
                                             occurred_at=now - timedelta(minutes=ago),
                                             reported_at=now - timedelta(minutes=ago), severity=sev, **extra).value
    return {"cid": cid, "ids": ids, "now": utcnow()}


def test_bulk_clocks_are_the_detail_panes_clocks_with_scoped_and_class_targets(db: Database, scoped: dict) -> None:
    now, ids = scoped["now"], scoped["ids"]
    bulk = bulk_incident_clocks(db, list(ids.values()), now)
    with db.session() as s:
        for key, iid in ids.items():
            one = compute_incident_clocks(s, s.get(Incident, iid), now)
            for a, b in ((bulk[iid].response, one.response), (bulk[iid].restore, one.restore)):
                assert (a.target_minutes, a.elapsed_minutes, a.breached, a.stopped_at) == \
                    (b.target_minutes, b.elapsed_minutes, b.breached, b.stopped_at), key
    assert bulk[ids["core"]].response.target_minutes == 5
    assert bulk[ids["security"]].response.target_minutes == 7


def test_watch_states_and_the_list_filter_select_the_same_incidents(db: Database, scoped: dict) -> None:
    cid, ids, now = scoped["cid"], scoped["ids"], scoped["now"]
    figs = sla_watch.watches(db, cid, now)
    assert figs.ids("breached") == {ids["core"], ids["p1_late"]}
    assert figs.ids("at_risk") == {ids["security"], ids["p1_risk"]}
    for state in sla_watch.SLA_STATES:
        flt = sla_watch.resolve(db, cid, listing.IncidentFilter(open_only=True, sla=state), now)
        with db.session() as s:
            rows = listing.query_incidents(s, cid, flt, limit=None)
            assert {r.id for r in rows} == figs.ids(state)
            assert listing.count_incidents(s, cid, flt) == len(figs.ids(state))
    # combined with another filter: P2 only
    flt = sla_watch.resolve(db, cid, listing.IncidentFilter(severities=("P2",), sla="breached"), now)
    with db.session() as s:
        assert {r.id for r in listing.query_incidents(s, cid, flt)} == {ids["core"]}
    with pytest.raises(ValueError, match="unknown SLA state"):
        sla_watch.resolve(db, cid, listing.IncidentFilter(sla="late"), now)


def test_an_empty_or_long_id_set_is_a_valid_filter(db: Database, scoped: dict) -> None:
    cid = scoped["cid"]
    with db.session() as s:
        none = listing.IncidentFilter(sla="breached", sla_ids=frozenset())
        assert listing.query_incidents(s, cid, none) == [] and listing.count_incidents(s, cid, none) == 0
        many = frozenset({*scoped["ids"].values(), *(uuid.uuid4() for _ in range(40_000))})  # > SQLite's 32,766
        flt = listing.IncidentFilter(sla="breached", sla_ids=many)
        assert listing.count_incidents(s, cid, flt) == 5


def test_the_overview_counts_the_watch(db: Database, scoped: dict) -> None:
    from app.services.queries import overview as ov

    with db.session() as s:
        contract = s.get(Contract, scoped["cid"])
        assert contract is not None
    sla = ov.sla_figures(db, scoped["cid"], scoped["now"])
    assert len(sla.breached) == 2 and len(sla.at_risk) == 2
    assert [w.state for w in sla.breached] == ["breached", "breached"]
