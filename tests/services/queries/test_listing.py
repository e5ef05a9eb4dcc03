"""Record lists filter, sort and page in SQL (app/services/queries/listing.py)."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.core.timeutil import UTC
from app.services.queries import listing
from app.services.queries.listing import (
    IncidentFilter,
    RequestFilter,
    RequirementFilter,
    WorkLogFilter,
)
from app.store.models import (
    Contract,
    Engineer,
    Incident,
    IncidentService,
    Requirement,
    Service,
    ServiceRequest,
    WorkLogEntry,
)

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def _incident(contract: Contract, n: int, **kw: object) -> Incident:
    at = kw.pop("occurred_at", T0 + timedelta(hours=n))
    fields = {"number": f"INC-2026-{n:04d}", "contract_id": contract.id, "title": f"fault {n}",
                  "severity": "P3", "status": "new", "occurred_at": at, "reported_at": at, "created_at": at,
                  "updated_at": at}
    fields.update(kw)
    return Incident(**fields)


@pytest.fixture
def seeded(db, pinggu):
    """Pinggu with 30 incidents (some special ones), requests, requirements and work-log entries."""
    with db.session() as s:
        c = s.get(Contract, pinggu.id)
        engs = s.scalars(select(Engineer).where(Engineer.contract_id == c.id).order_by(Engineer.name)).all()
        svcs = {x.code: x for x in s.scalars(select(Service).where(Service.contract_id == c.id))}
        for n in range(1, 31):
            inc = _incident(c, n, status="closed" if n % 3 == 0 else "new",
                            severity=("P1", "P2", "P3")[n % 3],
                            assignee_id=engs[0].id if n % 2 == 0 else None)
            s.add(inc)
        s.add(_incident(c, 31, title="100% disk full", reporter_name="王芳"))
        s.add(_incident(c, 32, title="1000 disk full"))
        s.add(_incident(c, 33, title="a_b switch"))
        s.add(_incident(c, 34, title="axb switch", description="port down"))
        s.flush()
        oa = s.scalars(select(Incident).where(Incident.number == "INC-2026-0005")).one()
        s.add(IncidentService(incident_id=oa.id, service_id=svcs["oa"].id))
        for n in range(1, 6):
            at = T0 + timedelta(days=n)
            s.add(ServiceRequest(number=f"SR-2026-{n:04d}", contract_id=c.id, title=f"printer {n}",
                                 category="terminal" if n % 2 else "account", status="new",
                                 service_id=svcs["oa"].id if n == 1 else None,
                                 assignee_id=engs[0].id if n == 2 else None,
                                 requester_name="李雷" if n == 3 else "", received_at=at,
                                 created_at=at, updated_at=at))
            s.add(Requirement(number=f"RQ-2026-{n:04d}", contract_id=c.id, title=f"report tweak {n}",
                              status="done" if n == 4 else "collected", collected_at=at, updated_at=at,
                              service_id=svcs["website"].id if n == 2 else None))
            s.add(WorkLogEntry(contract_id=c.id, engineer_id=engs[n % len(engs)].id,
                               work_date=date(2026, 3, 2 + n % 2), started_at=at, duration_minutes=10 * n,
                               summary=f"patched host {n}", source_kind="manual" if n != 5 else "incident"))
        ids = {"eng": engs[0].id, "oa": svcs["oa"].id, "website": svcs["website"].id}
    return c.id, ids


def _numbers(rows) -> list[str]:
    return [r.number for r in rows]


def test_status_severity_engineer_filters(db, seeded):
    cid, ids = seeded
    with db.session() as s:
        closed = listing.query_incidents(s, cid, IncidentFilter(statuses=("closed",)), limit=None)
        assert closed and all(r.status == "closed" for r in closed)
        assert listing.count_incidents(s, cid, IncidentFilter(statuses=("closed",))) == len(closed) == 10
        assert listing.count_incidents(s, cid, IncidentFilter(open_only=True)) == 24
        p1 = listing.query_incidents(s, cid, IncidentFilter(severities=("P1",)), limit=None)
        assert {r.severity for r in p1} == {"P1"} and len(p1) == 10
        mine = listing.query_incidents(s, cid, IncidentFilter(engineer_id=ids["eng"]), limit=None)
        assert len(mine) == 15 and all(r.assignee for r in mine)


def test_service_and_period_filters(db, seeded):
    cid, ids = seeded
    with db.session() as s:
        assert _numbers(listing.query_incidents(s, cid, IncidentFilter(service_id=ids["oa"]))) == ["INC-2026-0005"]
        flt = IncidentFilter(start=T0 + timedelta(hours=3), end=T0 + timedelta(hours=6))
        assert _numbers(listing.query_incidents(s, cid, flt, "occurred_at", False)) == [
            "INC-2026-0003", "INC-2026-0004", "INC-2026-0005"]
        assert listing.count_incidents(s, cid, flt) == 3
        reqs = listing.query_requests(s, cid, RequestFilter(start=T0 + timedelta(days=2), end=T0 + timedelta(days=4)))
        assert sorted(_numbers(reqs)) == ["SR-2026-0002", "SR-2026-0003"]


def test_free_text_escapes_like_wildcards(db, seeded):
    cid, _ = seeded
    with db.session() as s:
        assert _numbers(listing.query_incidents(s, cid, IncidentFilter(text="100%"))) == ["INC-2026-0031"]
        assert _numbers(listing.query_incidents(s, cid, IncidentFilter(text="a_b"))) == ["INC-2026-0033"]
        # text matches description and reporter too, words are ANDed
        assert _numbers(listing.query_incidents(s, cid, IncidentFilter(text="port"))) == ["INC-2026-0034"]
        assert _numbers(listing.query_incidents(s, cid, IncidentFilter(text="王芳 disk"))) == ["INC-2026-0031"]
        assert _numbers(listing.query_incidents(s, cid, IncidentFilter(text="INC-2026-0012"))) == ["INC-2026-0012"]
        assert listing.count_incidents(s, cid, IncidentFilter(text="disk")) == 2


def test_sorting_and_paging_are_stable(db, seeded):
    cid, _ = seeded
    with db.session() as s:
        desc = listing.query_incidents(s, cid, sort_key="occurred_at", descending=True, limit=None)
        assert _numbers(desc)[:2] == ["INC-2026-0034", "INC-2026-0033"]
        assert [r.occurred_at for r in desc] == sorted((r.occurred_at for r in desc), reverse=True)
        pages = []
        for off in range(0, 34, 7):
            pages += listing.query_incidents(s, cid, sort_key="severity", descending=False, offset=off, limit=7)
        whole = listing.query_incidents(s, cid, sort_key="severity", descending=False, limit=None)
        assert [r.id for r in pages] == [r.id for r in whole] and len({r.id for r in pages}) == 34
        assert [r.severity for r in whole] == sorted(r.severity for r in whole)
        by_title = listing.query_incidents(s, cid, sort_key="title", descending=False, limit=3)
        assert [r.title for r in by_title] == ["100% disk full", "1000 disk full", "a_b switch"]
        with pytest.raises(ValueError, match="unknown sort key"):
            listing.query_incidents(s, cid, sort_key="bogus; drop table incident")


def test_requests_requirements_worklog_lists(db, seeded):
    cid, ids = seeded
    with db.session() as s:
        assert listing.count_requests(s, cid) == 5
        assert _numbers(listing.query_requests(s, cid, RequestFilter(categories=("account",)), "number", False)) == [
            "SR-2026-0002", "SR-2026-0004"]
        assert _numbers(listing.query_requests(s, cid, RequestFilter(engineer_id=ids["eng"]))) == ["SR-2026-0002"]
        assert _numbers(listing.query_requests(s, cid, RequestFilter(text="李雷"))) == ["SR-2026-0003"]
        row = listing.query_requests(s, cid, RequestFilter(service_id=ids["oa"]))[0]
        assert row.number == "SR-2026-0001" and row.service == "办公OA系统"
        assert _numbers(listing.query_requirements(s, cid, RequirementFilter(statuses=("done",)))) == ["RQ-2026-0004"]
        assert _numbers(listing.query_requirements(s, cid, RequirementFilter(service_id=ids["website"]))) == [
            "RQ-2026-0002"]
        assert listing.count_requirements(s, cid, RequirementFilter(text="tweak")) == 5
        day = listing.query_worklog(s, cid, WorkLogFilter(first_day=date(2026, 3, 3), last_day=date(2026, 3, 3)))
        assert [r.summary for r in day] == ["patched host 1", "patched host 3", "patched host 5"]
        assert listing.count_worklog(s, cid, WorkLogFilter(source_kinds=("incident",))) == 1
        longest = listing.query_worklog(s, cid, sort_key="duration_minutes", descending=True, limit=1)
        assert longest[0].duration_minutes == 50


def test_other_contract_is_not_listed(db, seeded):
    _, _ = seeded
    with db.session() as s:
        assert listing.count_incidents(s, uuid.uuid4()) == 0
        assert listing.query_incidents(s, uuid.uuid4()) == []
        assert listing.query_requests(s, uuid.uuid4()) == []
