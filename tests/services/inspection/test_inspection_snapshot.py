"""An inspection in progress answers choice items against the choices it started with."""

from __future__ import annotations

import copy

import yaml
from sqlalchemy import select

from app.services.contract.profiles import import_profile, validate_profile
from app.services.inspection import runs as ins
from app.store.models import InspectionResult
from tests.conftest import PROFILES
from tests.services.inspection.test_inspections import _start


def test_choice_edit_after_start_does_not_change_open_inspection(db, pinggu) -> None:  # type: ignore[no-untyped-def]
    insp_id, _ = _start(db)
    data = yaml.safe_load((PROFILES / "pinggu-court-2026.yaml").read_text(encoding="utf-8"))
    edited = copy.deepcopy(data)
    ups = edited["checklists"][1]["sections"][1]["items"][0]
    assert ups["text"] == "UPS 运行状态"
    ups["choices"] = ["正常", "故障"]
    ups["normal_choices"] = ["正常"]
    validate_profile(edited)
    with db.session() as s:
        import_profile(s, edited, actor="t")
    with db.session() as s:
        res = s.scalars(
            select(InspectionResult).where(
                InspectionResult.inspection_id == insp_id, InspectionResult.item_text == "UPS 运行状态"
            )
        ).one()
        assert res.choices == ["市电正常", "电池供电", "旁路", "告警"]
        rec = ins.record_result(s, res.id, value="电池供电", actor="t")
        assert rec.outcome == "abnormal" and rec.value_text == "电池供电"
