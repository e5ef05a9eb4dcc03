"""The one import structure (``row_import``): Core-written rows behave like rows the app made, the
audit chain stays whole, a refusal writes nothing, both kinds share the same rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.errors import ImportRejected
from app.services.audit_verify import verify_chain
from app.services.incident.workflow import create_incident, reopen_incident, update_incident
from app.services.queries.lookup import get_contract
from app.services.transfer.columns import INCIDENT_COLUMNS, MAIN_SHEET, REQUEST_COLUMNS
from app.services.transfer.incident_import import INCIDENTS
from app.services.transfer.record_export import export_incidents, export_requests
from app.services.transfer.record_import import import_incidents, import_requests
from app.services.transfer.request_import import REQUESTS
from app.store.db import Database, open_database
from app.store.models import (
    AuditEvent,
    Contract,
    Incident,
    IncidentEvent,
    RequestAssignment,
    Service,
    ServiceRequest,
)
from tests.conftest import load_contract
from tests.services.transfer.test_record_export import L, make_closed_incident, make_request


@pytest.fixture
def fresh(tmp_path: Path):
    """A second, fresh database with the same profile loaded."""
    database = open_database(tmp_path / "fresh.sqlite3")
    load_contract(database, "pinggu-court-2026")
    yield database
    database.close()


def _fault_log(db: Database, out: Path) -> Path:
    with db.session() as s:
        c = get_contract(s)
        make_closed_incident(s, c)
        create_incident(s, c, actor="t", title="网站打不开", occurred_at=L(2026, 5, 10, 22, 5),
                        reported_at=L(2026, 5, 10, 22, 7), severity="P1", source="monitoring",
                        service_ids=[s.scalar(select(Service.id).where(Service.code == "website"))])
    with db.session() as s:
        export_incidents(s, get_contract(s), date(2026, 5, 1), date(2026, 5, 31), out)
    return out


def test_imported_incidents_keep_the_audit_chain_whole_and_edit_like_app_records(
    db: Database, pinggu: Contract, fresh: Database, tmp_path: Path
) -> None:
    out = _fault_log(db, tmp_path / "faults.xlsx")
    with fresh.session() as s:
        before = s.scalar(select(func.count()).select_from(AuditEvent))
        import_incidents(s, get_contract(s), out, actor="王建国")
    with fresh.session() as s:
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        assert len(events) == before + 1  # one summary event per import
        assert (events[-1].action, events[-1].actor, events[-1].details) == (
            "incident.import", "王建国", {"file": "faults.xlsx", "count": 2})
        assert verify_chain(s).ok
        # Rows written by Core carry the ORM's defaults: version 1, incident class, event ids.
        open_inc = s.scalar(select(Incident).where(Incident.title == "网站打不开"))
        assert (open_inc.version, open_inc.incident_class) == (1, "operational")
        assert all(e.id is not None and e.clock == "" for e in s.scalars(select(IncidentEvent)))
        update_incident(s, open_inc.id, actor="t", title="网站打不开（已排查）")
        closed = s.scalar(select(Incident).where(Incident.status == "closed"))
        reopen_incident(s, closed.id, actor="t", reason="复发", at=L(2026, 5, 20, 9, 0))
    with fresh.session() as s:
        assert s.get(Incident, open_inc.id).version > 1  # the optimistic lock counts on from 1
        assert s.get(Incident, closed.id).status == "in_progress"
        assert verify_chain(s).ok


def test_refused_import_writes_nothing_and_names_row_and_column(
    db: Database, pinggu: Contract, fresh: Database, tmp_path: Path
) -> None:
    out = _fault_log(db, tmp_path / "faults.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb[MAIN_SHEET["incidents"]]
    head = {c.value: i + 1 for i, c in enumerate(ws[1])}
    sev = {c.key: c.zh for c in INCIDENT_COLUMNS}["severity"]
    ws.cell(row=3, column=head[sev], value="P9")
    wb.save(out)
    with fresh.session() as s:
        counts = (s.scalar(select(func.count()).select_from(Incident)),
                  s.scalar(select(func.count()).select_from(AuditEvent)))
        with pytest.raises(ImportRejected) as err:
            import_incidents(s, get_contract(s), out)
    assert [(p.row, str(p.column)) for p in err.value.problems] == [(3, sev)]
    assert "P9" in str(err.value)
    with fresh.session() as s:
        assert (s.scalar(select(func.count()).select_from(Incident)),
                s.scalar(select(func.count()).select_from(AuditEvent))) == counts


def test_request_import_writes_assignments_through_the_same_structure(
    db: Database, pinggu: Contract, fresh: Database, tmp_path: Path
) -> None:
    with db.session() as s:
        make_request(s, get_contract(s))
    out = tmp_path / "requests.xlsx"
    with db.session() as s:
        export_requests(s, get_contract(s), date(2026, 5, 1), date(2026, 5, 31), out)
    with fresh.session() as s:
        result = import_requests(s, get_contract(s), out, actor="t")
    with fresh.session() as s:
        req = s.scalar(select(ServiceRequest))
        assert result.numbers == [req.number] and req.version == 1
        assert s.scalars(select(RequestAssignment.request_id)).all()
        assert s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq.desc())).first() == "service_request.import"
        assert verify_chain(s).ok


def test_both_kinds_derive_a_missing_status_by_the_same_rule() -> None:
    assert INCIDENTS.status_of({"restored_at": 1}) == "restored"
    assert INCIDENTS.status_of({"onsite_at": 1}) == "in_progress"
    assert INCIDENTS.status_of({"assignee": 1}) == "assigned"
    assert REQUESTS.status_of({"resolved_at": 1, "assignee": 1}) == "resolved"
    assert REQUESTS.status_of({"status": "closed"}) == "closed"
    assert REQUESTS.status_of({}) == INCIDENTS.status_of({}) == "new"
    assert set(REQUESTS.labels) == {c.key for c in REQUEST_COLUMNS}
