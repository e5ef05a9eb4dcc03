"""Every vocabulary column carries a CHECK of exactly its vocabulary's codes (app.core.vocab)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import CheckConstraint
from sqlalchemy.exc import IntegrityError

from app.core import vocab as V
from app.store.models import Base, ServiceRequest

# table -> column -> (vocabulary, "" allowed)
EXPECTED = {
    "incident": {"status": (V.IncidentStatus, False), "source": (V.IncidentSource, False),
                 "cause_category": (V.CauseCategory, True)},
    "incident_event": {"kind": (V.IncidentEventKind, False), "from_status": (V.IncidentStatus, True),
                       "to_status": (V.IncidentStatus, True)},
    "attachment": {"owner_kind": (V.AttachmentOwner, False)},
    "service_request": {"channel": (V.Channel, False), "status": (V.RequestStatus, False),
                        "satisfaction": (V.Satisfaction, False)},
    "requirement": {"status": (V.RequirementStatus, False)},
    "work_log_entry": {"source_kind": (V.WorkLogSource, False)},
    "inspection_result": {"kind": (V.ItemKind, False), "outcome": (V.InspectionOutcome, False)},
    "checklist_item": {"kind": (V.ItemKind, False)},
    "checklist_template": {"frequency": (V.Frequency, False)},
    "asset": {"status": (V.AssetStatus, False), "asset_class": (V.AssetClass, False)},
    "stocktake_line": {"result": (V.StocktakeResult, False)},
    "engineer": {"role": (V.EngineerRole, False)},
    "credential": {"secret_store": (V.SecretStoreKind, False)},
    "credential_rotation": {"how": (V.RotationHow, False)},
    "backup_record": {"kind": (V.BackupKind, False)},
}


def _declared() -> dict[str, dict[str, set[str]]]:
    out: dict[str, dict[str, set[str]]] = {}
    for table in Base.metadata.sorted_tables:
        for c in table.constraints:
            if isinstance(c, CheckConstraint):
                m = re.fullmatch(r"(\w+) IN \((.*)\)", str(c.sqltext))
                assert m, c.sqltext
                assert c.name == f"ck_{table.name}_{m.group(1)}"
                out.setdefault(table.name, {})[m.group(1)] = set(re.findall(r"'([^']*)'", m.group(2)))
    return out


def test_each_vocabulary_column_checks_exactly_its_codes():
    want = {t: {col: set(V.codes(enum)) | ({""} if empty else set()) for col, (enum, empty) in cols.items()}
            for t, cols in EXPECTED.items()}
    assert _declared() == want


def test_every_vocabulary_is_enforced_somewhere():
    used = {enum for cols in EXPECTED.values() for enum, _ in cols.values()}
    assert used == set(V.VOCABULARIES)


def test_orm_write_of_an_unknown_code_is_refused(pinggu, db):
    now = datetime(2026, 6, 1, tzinfo=UTC)
    with pytest.raises(IntegrityError, match="ck_service_request_channel"), db.session() as s:
        s.add(ServiceRequest(number="SR-2026-9999", contract_id=pinggu.id, channel="carrier_pigeon",
                             title="x", received_at=now, created_at=now, updated_at=now))
