"""Re-import preview: every difference between the stored profile and a file, old → new."""

from __future__ import annotations

import yaml

from app import paths
from app.core.profile import profile_of
from app.services.contract import diff
from app.store.models import Contract

PINGGU = paths.resources_dir() / "profiles" / "pinggu-court-2026.yaml"


def _modified(tmp_path):
    data = yaml.safe_load(PINGGU.read_text(encoding="utf-8"))
    data["severities"][0]["response_minutes"] = 20  # P1 响应 30 → 20
    data["services"].append({"code": "court-video", "name": "科技法庭系统", "calendar": "5x8"})
    data["services"] = [s for s in data["services"] if s["code"] != "lan"]
    for group in data.get("service_groups", []):
        group["services"] = [c for c in group["services"] if c != "lan"]
    data["kpis"][0]["target"] = 98
    items = data["checklists"][0]["sections"][0]["items"]
    items[4]["normal_max"] = 5  # 首页打开时间 ≤ 3 s → ≤ 5 s
    items.append({"text": "电子卷宗系统可正常访问", "kind": "check"})
    data["checklists"].append({"code": "ups-monthly", "name": "UPS 月度放电检查", "frequency": "monthly",
                               "sections": [{"name": "UPS", "items": [{"text": "放电测试正常"}]}]})
    path = tmp_path / "pinggu-v2.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_same_file_changes_nothing(db, pinggu) -> None:
    preview = diff.preview_reimport(db, pinggu.id, PINGGU).value
    assert preview.changes == [] and not preview.other_contract


def test_changes_list_added_removed_and_changed_with_old_and_new(db, pinggu, tmp_path) -> None:
    preview = diff.preview_reimport(db, pinggu.id, _modified(tmp_path)).value
    got = {(c.section, c.key, c.change, c.field, c.old, c.new if c.change != "added" else "") for c in preview.changes}
    assert got == {
        ("sla", "P1", "changed", "response_minutes", "30", "20"),
        ("services", "court-video", "added", "", "", ""),
        ("services", "lan", "removed", "", next(c.old for c in preview.changes if c.key == "lan"), ""),
        ("kpis", "availability", "changed", "target", "96", "98"),
        ("items", "app-twice-daily / 业务应用系统 / 首页打开时间", "changed", "normal_max", "3", "5"),
        ("items", "app-twice-daily / 业务应用系统 / 电子卷宗系统可正常访问", "added", "", "", ""),
        ("checklists", "ups-monthly", "added", "", "", ""),
        ("service_groups", "auxiliary", "changed", "services", '["website", "call-center", "lan"]',
         '["website", "call-center"]'),
    }
    sla = next(c for c in preview.changes if c.section == "sla")
    assert (sla.section_text, sla.change_text) == ("SLA 目标", "修改")
    # nothing was written by the preview
    with db.session() as s:
        assert profile_of(s.get(Contract, pinggu.id)).severity("P1").response_minutes == 30


def test_apply_imports_exactly_the_previewed_profile(db, pinggu, tmp_path) -> None:
    preview = diff.preview_reimport(db, pinggu.id, _modified(tmp_path)).value
    outcome = diff.apply_reimport(db, preview, actor="王建国")
    assert outcome.value == pinggu.id and "contract" in outcome.changes.kinds
    with db.session() as s:
        prof = profile_of(s.get(Contract, pinggu.id))
        assert prof.severity("P1").response_minutes == 20 and prof.checklist("ups-monthly") is not None
    assert diff.preview_reimport(db, pinggu.id, preview.path).value.changes == []


def test_a_file_of_another_contract_says_so(db, pinggu) -> None:
    other = paths.resources_dir() / "profiles" / "sanmenxia-court-2023.yaml"
    preview = diff.preview_reimport(db, pinggu.id, other).value
    assert preview.other_contract and preview.contract_name == "sanmenxia-court-2023"
    assert {c.change for c in preview.changes} == {"added"}
