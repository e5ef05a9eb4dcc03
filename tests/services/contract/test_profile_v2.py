"""Contract profile format 2: the imagined contract imports, format 1 upgrades with its sentences and
the same KPI figures, and every refusal names file, line, column, field and what would be valid."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.core.i18n import set_language
from app.core.profile import ContractProfile
from app.services.contract.profiles import (
    ProfileError,
    import_profile,
    load_profile_file,
    read_profile_file,
)
from app.store.models import ChecklistTemplate, Contract

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "profiles"
BROKEN = FIXTURES / "broken"
EXPECTED = json.loads((BROKEN / "expected.json").read_text(encoding="utf-8"))


def test_imagined_contract_with_every_construct_imports(db) -> None:  # type: ignore[no-untyped-def]
    data = load_profile_file(FIXTURES / "imagined-v2.yaml")
    prof = ContractProfile.of(data)
    assert {k.metric for k in prof.kpis} == {
        "availability", "stable_run_rate", "incident_count", "long_outage_count", "request_satisfaction",
        "complaint_rate", "sla_compliance", "inspection_completion", "records_per_period", "logged_hours",
        "backup_count", "drill_count", "training_count"}
    assert {k.unit for k in prof.kpis} == {"%", "count", "hours"}
    assert {k.comparison for k in prof.kpis} == {">=", "<=", "==", "<", ">"}
    assert {k.period for k in prof.kpis} >= {"month", "quarter", "contract_year", "term"}
    assert {r.period for r in prof.reports} == {"day", "week", "month", "quarter", "half_year", "year", "term"}
    assert {t.kind for t in prof.sla_targets} == {"response", "on_site", "restore", "resolve"}
    assert {t.frequency for t in prof.checklists} == {"twice_daily", "daily", "weekly", "monthly", "quarterly",
                                                      "half_yearly", "yearly", "n_per_period", "ad_hoc"}
    assert {o.kind for c in prof.calendars for o in c.overrides} == {"always", "every_day", "working_days"}
    # the typed profile the contract page reads
    monthly = prof.report("monthly")
    assert monthly is not None and monthly.acceptance and monthly.due_days_after == 5 and monthly.title == "运维月报"
    assert prof.payments[1].depends_on == ("half-year", "quarterly") and prof.payments[0].amount == 300000
    assert prof.roles[0].staffing[0].min_on_duty == 2
    assert prof.group_services("core") == ("gov-portal", "approval")
    assert prof.class_assets("terminals") == ("PC-001", "PC-002")
    # SLA targets per class × severity × scope: the most specific wins, else the severity's own
    assert prof.sla_target("P1", "response", "security") == 10.0
    assert prof.sla_target("P1", "response", "operational") == 15.0
    assert prof.sla_target("P1", "restore", None, scope=("core",)) == 60.0
    assert prof.sla_target("P1", "restore", None, scope=("aux",)) == 120.0
    assert prof.sla_target("P2", "on_site") == 120.0 and prof.sla_target("P3", "on_site") is None
    assert prof.sla_target("P2", "resolve") == 7200.0 and prof.sla_target("P1", "resolve") == 2880.0
    with db.session() as s:
        c = import_profile(s, data, actor="t")
        assert c.profile_version == 2
        freq = dict(s.execute(select(ChecklistTemplate.code, ChecklistTemplate.frequency)).all())
        assert freq["twice-monthly-terminals"] == "n_per_period" and freq["yearly-pentest"] == "yearly"


def test_every_part_may_carry_its_source() -> None:
    prof = ContractProfile.of(load_profile_file(FIXTURES / "imagined-v2.yaml"))
    parts = [*prof.calendars, *prof.calendars[0].overrides, *prof.services, *prof.assets, *prof.engineers,
             *prof.request_categories, *prof.service_groups, *prof.asset_classes, *prof.incident_classes,
             *prof.sla_targets, *prof.roles, *prof.kpis, *prof.reports, *prof.payments, *prof.work_log_categories]
    assert all(p.source for p in parts)


@pytest.mark.parametrize("name", ["pinggu-court-2026", "beijing-justice-bureau-2024", "sanmenxia-court-2023"])
def test_format_1_upgrades_on_import_and_says_what_it_converted(name: str) -> None:
    loaded = read_profile_file(FIXTURES / "v1" / f"{name}.yaml")
    assert loaded.data["version"] == 2
    assert loaded.upgrade[0] == "格式版本 1 已升级为版本 2"
    assert any("改为 sla_compliance" in line for line in loaded.upgrade)
    assert read_profile_file(Path("resources/profiles") / f"{name}.yaml").upgrade == []


def test_the_v1_long_outage_default_is_written_out_not_assumed() -> None:
    import yaml

    from app.core.profile_upgrade import upgrade_v1

    v1 = yaml.safe_load((FIXTURES / "v1" / "beijing-justice-bureau-2024.yaml").read_text(encoding="utf-8"))
    del v1["kpis"][2]["threshold_minutes"]
    v2, said = upgrade_v1(v1)
    assert v2["kpis"][2]["threshold_minutes"] == 120
    assert any("threshold_minutes 120" in line for line in said)


def test_cli_import_prints_the_upgrade(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["contract", "import", str(FIXTURES / "v1" / "sanmenxia-court-2023.yaml"),
                 "--db", str(tmp_path / "x.sqlite3")]) == 0
    out = capsys.readouterr().out
    assert "格式版本 1 已升级为版本 2" in out and "reports[1]“quarterly”：name 改为 title，周期 quarter" in out


def test_import_action_returns_the_upgrade(db) -> None:  # type: ignore[no-untyped-def]
    from app.services.contract.actions import import_profile_file

    row = import_profile_file(db, FIXTURES / "v1" / "pinggu-court-2026.yaml", actor="t").value
    assert row.upgrade and row.upgrade[0] == "格式版本 1 已升级为版本 2"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_profiles_are_refused_with_line_and_sentence(name: str) -> None:
    want = EXPECTED[name]
    path = BROKEN / f"{name}.yaml"
    with pytest.raises(ProfileError) as err:
        load_profile_file(path)
    first = err.value.lines()[0]
    assert first.startswith(f"{path}:{want['line']}:"), first
    assert want["sentence"] in first and (not want["path"] or f": {want['path']}: " in first)
    assert "is not of type" not in str(err.value) and "Input should be" not in str(err.value)


def test_refusals_in_english_too() -> None:
    set_language("en")
    try:
        with pytest.raises(ProfileError) as err:
            load_profile_file(BROKEN / "unquoted-time.yaml")
        text = str(err.value)
    finally:
        set_language("zh_CN")
    assert "12:00 unquoted is read by YAML as the number 720; write the time quoted: '12:00'" in text
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in text.replace("示例合同", ""))


def test_alias_bomb_refused_fast_with_a_sentence(tmp_path: Path) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    t0 = time.perf_counter()
    with pytest.raises(ProfileError) as err:
        load_profile_file(bomb)
    assert time.perf_counter() - t0 < 1.0
    assert f"{bomb}:1:4:" in str(err.value) and "不允许使用锚点和别名" in str(err.value)


def test_oversized_file_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * 1_100_000 + "\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="合同配置最大 1000000 字节"):
        load_profile_file(big)


def test_stored_v1_profile_reads_as_v2(db) -> None:  # type: ignore[no-untyped-def]
    """A contract imported before format 2 (its stored dict says version 1) still reads."""
    import yaml

    from app.core.profile import profile_of

    v1 = yaml.safe_load((FIXTURES / "v1" / "pinggu-court-2026.yaml").read_text(encoding="utf-8"))
    with db.session() as s:
        c = import_profile(s, load_profile_file(FIXTURES / "v1" / "pinggu-court-2026.yaml"), actor="t")
        c.profile = json.loads(json.dumps(v1, default=str))
        s.flush()
        c2 = s.scalars(select(Contract)).one()
        assert profile_of(c2).kpi("response").sla == "response"
