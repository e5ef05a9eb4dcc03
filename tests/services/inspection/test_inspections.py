"""Recording inspections: snapshot, readings and ranges, resume, finish, incidents, history."""

from __future__ import annotations

import copy
from datetime import date, time

import pytest
from sqlalchemy import func, select

from app.core.timeutil import local_dt
from app.errors import ValidationError
from app.services.contract.profiles import import_profile, load_profile_file
from app.services.inspection import runs as ins
from app.services.queries.lookup import engineers_by_name, get_contract, get_template
from app.store.models import AuditEvent, Incident, IncidentAsset, Inspection, InspectionResult
from tests.conftest import PROFILES

DAY = date(2026, 11, 23)  # Monday


def _start(db, code="machine-room-daily", slot="09:30", day=DAY, engineer="李晓明"):
    with db.session() as s:
        c = get_contract(s)
        tpl = get_template(s, c, code)
        eng = engineers_by_name(s, c)[engineer]
        insp = ins.start_inspection(s, c, tpl, day, slot, engineer=eng, actor=engineer,
                                    now=local_dt(day, time(9, 31)))
        return insp.id, {r.item_text: r.id for r in ins.results(s, insp.id)}


def _answer_all(db, insp_id, overrides=None):
    overrides = overrides or {}
    with db.session() as s:
        for r in ins.results(s, insp_id):
            if r.item_text in overrides:
                ins.record_result(s, r.id, actor="t", **overrides[r.item_text])
            elif r.kind == "reading":
                mid = (r.normal_min if r.normal_min is not None else 0) + 1
                ins.record_result(s, r.id, value=str(mid), actor="t")
            elif r.kind == "choice":
                ins.record_result(s, r.id, value={"精密空调运行状态": "正常"}.get(r.item_text, "市电正常"), actor="t")
            else:
                ins.record_result(s, r.id, outcome="normal", actor="t")


def test_start_snapshots_every_active_item_and_numbers(db, pinggu):
    insp_id, _items = _start(db)
    with db.session() as s:
        insp = s.get(Inspection, insp_id)
        assert insp.number == "INS-2026-0001"
        rows = ins.results(s, insp_id)
        assert [r.position for r in rows] == sorted(r.position for r in rows)
        assert len(rows) == 8 and all(r.outcome is None for r in rows)
        temp = next(r for r in rows if r.item_text == "机房温度")
        assert (temp.section, temp.kind, temp.unit, temp.normal_min, temp.normal_max) == ("环境", "reading", "℃", 18, 27)
        assert temp.asset_id is not None
        assert s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "inspection.start")) == 1


def test_out_of_range_reading_is_abnormal_at_once(db, pinggu):
    _insp_id, items = _start(db)
    with db.session() as s:
        r = ins.record_result(s, items["机房温度"], value="31.5", actor="t")
        assert r.outcome == "abnormal" and r.value_number == 31.5
        assert ins.record_result(s, items["机房相对湿度"], value=50, actor="t").outcome == "normal"
        # bounds are inclusive
        assert ins.record_result(s, items["UPS 负载率"], value="80", actor="t").outcome == "normal"
        assert ins.record_result(s, items["UPS 电池剩余容量"], value="89.9", actor="t").outcome == "abnormal"
        assert ins.record_result(s, items["精密空调运行状态"], value="告警", actor="t").outcome == "abnormal"
    with db.session() as s:
        assert s.get(InspectionResult, items["机房温度"]).outcome == "abnormal"


def test_non_number_reading_names_item_and_writes_nothing(db, pinggu):
    _insp_id, items = _start(db)
    with pytest.raises(ValidationError) as exc, db.session() as s:
        ins.record_result(s, items["机房温度"], value="abc", note="should not stay", actor="t")
    assert "机房温度" in str(exc.value) and "abc" in str(exc.value)
    with db.session() as s:
        r = s.get(InspectionResult, items["机房温度"])
        assert r.outcome is None and r.value_number is None and r.note == "" and r.recorded_at is None
    with db.session() as s, pytest.raises(ValidationError, match="UPS 运行状态"):
        ins.record_result(s, items["UPS 运行状态"], value="冒烟", actor="t")


def test_resume_returns_same_inspection_and_finished_slot_refused(db, pinggu):
    insp_id, items = _start(db)
    with db.session() as s:
        ins.record_result(s, items["机房温度"], value="22", actor="t")
    again, _ = _start(db)
    assert again == insp_id
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Inspection)) == 1
        assert s.get(InspectionResult, items["机房温度"]).value_number == 22
    _answer_all(db, insp_id)
    with db.session() as s:
        ins.finish_inspection(s, insp_id, actor="t")
    with pytest.raises(ValidationError, match="已巡检（INS-"):
        _start(db)


def test_wrong_slot_refused(db, pinggu):
    with pytest.raises(ValidationError, match="不是.*的巡检时段"):
        _start(db, slot="10:00")
    with pytest.raises(ValidationError, match="不是.*的巡检时段"):
        _start(db, code="call-center-periodic", slot="", day=date(2026, 11, 2))


def test_finish_refuses_unanswered_unless_allowed(db, pinggu):
    insp_id, items = _start(db)
    with db.session() as s:
        ins.record_result(s, items["机房温度"], value="35", actor="t")
    with pytest.raises(ValidationError) as exc, db.session() as s:
        ins.finish_inspection(s, insp_id, actor="t")
    assert exc.value.field == "results" and "机房相对湿度" in exc.value.message and "机房温度" not in exc.value.message
    with db.session() as s:
        assert s.get(Inspection, insp_id).finished_at is None
        insp = ins.finish_inspection(s, insp_id, actor="李晓明", allow_unanswered=True, now=local_dt(DAY, time(9, 50)))
        assert insp.finished_at == local_dt(DAY, time(9, 50)) and insp.abnormal_count == 1
    with db.session() as s:
        outs = [r.outcome for r in ins.results(s, insp_id)]
        assert outs.count("na") == 7 and outs.count("abnormal") == 1
        assert s.scalar(select(AuditEvent.actor).where(AuditEvent.action == "inspection.finish")) == "李晓明"
        with pytest.raises(ValidationError):
            ins.record_result(s, items["机房温度"], value="20", actor="t")


def test_template_edit_leaves_past_results_unchanged(db, pinggu):
    insp_id, _items = _start(db)
    _answer_all(db, insp_id, {"机房温度": {"value": "26"}})
    with db.session() as s:
        ins.finish_inspection(s, insp_id, actor="t")
    data = load_profile_file(PROFILES / "pinggu-court-2026.yaml")
    edited = copy.deepcopy(data)
    env = edited["checklists"][1]["sections"][0]["items"]
    env[0]["normal_max"] = 25  # 机房温度 range tightened
    env[1]["text"] = "机房湿度(相对)"  # item renamed
    with db.session() as s:
        import_profile(s, edited, actor="t")
    with db.session() as s:
        rows = {r.item_text: r for r in ins.results(s, insp_id)}
        assert rows["机房温度"].normal_max == 27 and rows["机房温度"].outcome == "normal"
        assert "机房相对湿度" in rows and "机房湿度(相对)" not in rows
        assert s.get(Inspection, insp_id).abnormal_count == 0
    # the next inspection uses the edited template
    _new_id, new_items = _start(db, day=date(2026, 11, 24))
    with db.session() as s:
        assert "机房湿度(相对)" in new_items
        assert s.get(InspectionResult, new_items["机房温度"]).normal_max == 25


def test_incident_from_abnormal_result_links_back(db, pinggu):
    _insp_id, items = _start(db)
    with db.session() as s:
        ins.record_result(s, items["机房温度"], value="33", note="空调1号告警", actor="t",
                          now=local_dt(DAY, time(9, 35)))
        ins.record_result(s, items["机房相对湿度"], value="50", actor="t")
    with db.session() as s:
        pre = ins.incident_prefill(s, items["机房温度"])
        assert "机房温度" in pre["title"] and "33" in pre["description"] and "18–27" in pre["description"]
        assert pre["occurred_at"] == local_dt(DAY, time(9, 35))
        assert len(pre["asset_ids"]) == 1 and pre["source"] == "inspection"
        c = get_contract(s)
        inc = ins.create_incident_from_result(s, c, items["机房温度"], actor="李晓明", severity="P2")
        inc_id = inc.id
        with pytest.raises(ValidationError, match="并非异常"):
            ins.create_incident_from_result(s, c, items["机房相对湿度"], actor="t")
    with db.session() as s:
        inc = s.get(Incident, inc_id)
        assert inc.source == "inspection" and inc.source_result_id == items["机房温度"]
        assert inc.occurred_at == local_dt(DAY, time(9, 35)) and inc.severity == "P2"
        assert s.scalar(select(IncidentAsset.asset_id).where(IncidentAsset.incident_id == inc_id)) == pre["asset_ids"][0]
        assert s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "inspection.incident")) == 1
        with pytest.raises(ValidationError, match="已登记故障 INC-"):
            ins.create_incident_from_result(s, get_contract(s), items["机房温度"], actor="t")


def test_history_filters(db, pinggu):
    a, _ = _start(db, day=date(2026, 11, 23), engineer="李晓明")
    _answer_all(db, a, {"机房温度": {"value": "40"}})
    b, _ = _start(db, day=date(2026, 11, 24), engineer="王建国")
    _answer_all(db, b)
    c_id, _ = _start(db, day=date(2026, 11, 25), engineer="王建国")
    with db.session() as s:
        ins.finish_inspection(s, a, actor="t")
        ins.finish_inspection(s, b, actor="t")
    with db.session() as s:
        c = get_contract(s)
        engs = engineers_by_name(s, c)
        assert [i.id for i in ins.history(s, c)] == [c_id, b, a]
        assert [i.id for i in ins.history(s, c, outcome="abnormal")] == [a]
        assert [i.id for i in ins.history(s, c, outcome="normal")] == [b]
        assert [i.id for i in ins.history(s, c, outcome="unfinished")] == [c_id]
        assert [i.id for i in ins.history(s, c, engineer_id=engs["王建国"].id)] == [c_id, b]
        assert [i.id for i in ins.history(s, c, start=date(2026, 11, 24), end=date(2026, 11, 24))] == [b]
        tpl = get_template(s, c, "app-twice-daily")
        assert ins.history(s, c, template_id=tpl.id) == []
        with pytest.raises(ValidationError):
            ins.history(s, c, outcome="bad")


def test_ad_hoc_inspections_get_distinct_slots(db, pinggu):
    with db.session() as s:
        c = get_contract(s)
        tpl = get_template(s, c, "restore-test-quarterly")
        now = local_dt(DAY, time(16, 0))
        a = ins.start_ad_hoc(s, c, tpl, engineer=None, actor="t", now=now)
        b = ins.start_ad_hoc(s, c, tpl, engineer=None, actor="t", now=now)
        assert a.id != b.id and a.due_date == b.due_date == DAY and a.slot != b.slot
        assert len(ins.results(s, a.id)) == 3
