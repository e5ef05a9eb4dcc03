"""Contract profiles: shipped ones load, bad ones are refused whole with the file and field named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from app.cli import main
from app.services.contract.profiles import (
    ProfileError,
    export_profile,
    import_profile,
    load_profile_file,
    shipped_profiles,
)
from app.store.models import ChecklistItem, ChecklistTemplate, Contract, Inspection, Service
from tests.conftest import PROFILES, load_contract


def _write(tmp_path: Path, data: dict, name: str = "bad.yaml") -> Path:
    p = tmp_path / name
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return p


def _pinggu() -> dict:
    return yaml.safe_load((PROFILES / "pinggu-court-2026.yaml").read_text(encoding="utf-8"))


def test_all_three_contracts_ship_and_load(db) -> None:  # type: ignore[no-untyped-def]
    names = {p.name for p in shipped_profiles()}
    assert names == {"pinggu-court-2026", "sanmenxia-court-2023", "beijing-justice-bureau-2024"}
    for n in names:
        load_contract(db, n)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Contract)) == 3
        twice = s.scalars(select(ChecklistTemplate).where(ChecklistTemplate.frequency == "twice_daily")).one()
        assert twice.slots == ["09:00", "14:30"]  # Pinggu: 每天两次业务应用系统巡检


def test_missing_field_names_file_and_path(tmp_path: Path, db) -> None:  # type: ignore[no-untyped-def]
    data = _pinggu()
    del data["contract"]["client"]
    path = _write(tmp_path, data)
    with pytest.raises(ProfileError) as err:
        load_profile_file(path)
    text = str(err.value)
    assert re.search(rf"{re.escape(str(path))}:\d+:\d+: contract\.client: 缺少必填字段“client”", text)


def test_every_problem_is_listed_and_references_checked(tmp_path: Path) -> None:
    data = _pinggu()
    items = data["checklists"][1]["sections"][0]["items"]
    items[0]["normal_min"], items[0]["normal_max"] = 30, 10
    items[1]["asset"] = "NO-SUCH"
    data["severities"][0]["calendar"] = "24x7"
    with pytest.raises(ProfileError) as err:
        load_profile_file(_write(tmp_path, data))
    paths = [p for p, _ in err.value.problems]
    assert "checklists[1].sections[0].items[0].normal_max" in paths
    assert "checklists[1].sections[0].items[1].asset" in paths
    assert "severities[0].calendar" in paths


def test_bad_yaml_and_wrong_type(tmp_path: Path) -> None:
    p = tmp_path / "broken.yaml"
    p.write_text("contract: [unclosed\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="不是有效的 YAML"):
        load_profile_file(p)
    data = _pinggu()
    data["checklists"][0]["frequency"] = "hourly"
    with pytest.raises(ProfileError, match=r"checklists\[0\]\.frequency"):
        load_profile_file(_write(tmp_path, data))


def test_refused_profile_writes_nothing(tmp_path: Path, db, capsys) -> None:  # type: ignore[no-untyped-def]
    data = _pinggu()
    data["services"].append(dict(data["services"][0]))  # duplicate code
    path = _write(tmp_path, data)
    db.close()  # the CLI opens the file itself
    assert main(["contract", "import", str(path), "--db", db.url]) == 1
    assert "services[5].code: 重复的 code：“uni-biz”" in capsys.readouterr().err
    from app.store.db import open_database

    again = open_database(db.url)
    try:
        with again.session() as s:
            assert s.scalar(select(func.count()).select_from(Contract)) == 0
    finally:
        again.close()


def _without_sources(checklists: list) -> list:
    out = []
    for original in checklists:
        t = {k: v for k, v in original.items() if k not in ("source", "days", "description")}
        t["sections"] = [
            {"name": sec["name"], "items": [{k: v for k, v in it.items() if k != "source"} for it in sec["items"]]}
            for sec in t["sections"]
        ]
        out.append(t)
    return sorted(out, key=lambda t: t["code"])


def test_export_then_import_round_trip(tmp_path: Path, db) -> None:  # type: ignore[no-untyped-def]
    contract = load_contract(db)
    with db.session() as s:
        data = export_profile(s, s.get(Contract, contract.id))
    out = tmp_path / "out.yaml"
    out.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    again = load_profile_file(out)
    original = load_profile_file(PROFILES / "pinggu-court-2026.yaml")
    assert _without_sources(again["checklists"]) == _without_sources(original["checklists"])
    assert again["severities"] == original["severities"] and again["kpis"] == original["kpis"]
    with db.session() as s:
        import_profile(s, again, actor="t")
        assert s.scalar(select(func.count()).select_from(Service)) == len(again["services"])


def test_reimport_keeps_recorded_items_and_deactivates_removed(db) -> None:  # type: ignore[no-untyped-def]
    load_contract(db)
    data = _pinggu()
    removed = data["checklists"][0]["sections"][0]["items"].pop(0)["text"]
    from app.services.contract.profiles import validate_profile

    validate_profile(data)
    with db.session() as s:
        import_profile(s, data, actor="t")
        row = s.scalars(select(ChecklistItem).where(ChecklistItem.text == removed)).one()
        assert row.active is False
        assert s.scalar(select(func.count()).select_from(Inspection)) == 0


def test_cli_import_list_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dbfile = tmp_path / "cli.sqlite3"
    assert main(["contract", "import", "sanmenxia-court-2023", "--db", str(dbfile)]) == 0
    assert main(["contract", "list", "--db", str(dbfile)]) == 0
    assert "sanmenxia-court-2023\t三门峡市中级人民法院信息化运维服务" in capsys.readouterr().out
    out = tmp_path / "s.json"
    assert main(["contract", "export", "sanmenxia-court-2023", "--out", str(out), "--db", str(dbfile)]) == 0
    assert load_profile_file(out)["contract"]["term"] == {"start": "2023-12-20", "end": "2024-12-19"}
    assert main(["contract", "export", "nope", "--out", str(out), "--db", str(dbfile)]) == 1
    assert "未知的合同“nope”" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["pinggu-court-2026", "sanmenxia-court-2023", "beijing-justice-bureau-2024"])
def test_export_keeps_the_whole_file_meaning(db, name: str) -> None:  # type: ignore[no-untyped-def]
    from app.core.profile import ContractProfile

    contract = load_contract(db, name)
    with db.session() as s:
        exported = ContractProfile.of(export_profile(s, s.get(Contract, contract.id)))
    original = ContractProfile.of(load_profile_file(PROFILES / f"{name}.yaml"))
    # checklists come back in code order, with every item's source and default_severity kept
    assert exported.checklists == tuple(sorted(original.checklists, key=lambda t: t.code))
    assert exported.model_copy(update={"checklists": original.checklists}) == original


def test_default_severity_must_name_a_severity(tmp_path: Path) -> None:
    data = _pinggu()
    data["assets"][0]["default_severity"] = "P0"
    data["checklists"][0]["sections"][0]["items"][0]["default_severity"] = "urgent"
    with pytest.raises(ProfileError) as err:
        load_profile_file(_write(tmp_path, data))
    assert [(p, str(m)) for p, m in err.value.problems] == [
        ("assets[0].default_severity", "未知的故障级别“P0”；可选：P1、P2、P3"),
        ("checklists[0].sections[0].items[0].default_severity", "未知的故障级别“urgent”；可选：P1、P2、P3"),
    ]


def test_a_dict_the_models_refuse_is_reported_in_the_file_terms() -> None:
    from app.services.contract.profiles import typed_profile

    data = _pinggu()
    data["severities"][1]["restore_minutes"] = "soon"
    with pytest.raises(ProfileError) as err:
        typed_profile(data, "x.yaml")
    assert [p for p, _ in err.value.problems] == ["severities[1].restore_minutes"]
    assert str(err.value).startswith("合同配置被拒绝，未导入任何内容：\nx.yaml: severities[1].restore_minutes: ")
    from app.core.i18n import set_language

    set_language("en")
    try:
        assert str(err.value).startswith("contract profile refused, nothing imported:\nx.yaml: severities[1].restore_minutes: ")
    finally:
        set_language("zh_CN")


def test_reading_a_stored_profile_never_runs_the_schema(db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from app.services.contract import profiles
    from app.services.incident.sla import compute_incident_clocks
    from app.services.incident.workflow import create_incident

    contract = load_contract(db)

    def no_schema() -> None:
        raise AssertionError("the schema ran on a read")

    monkeypatch.setattr(profiles, "_validator", no_schema)
    with db.session() as s:
        c = s.get(Contract, contract.id)
        inc = create_incident(s, c, actor="t", title="机房空调告警",
                              occurred_at=datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
        assert inc.severity == "P3"  # the least severe level when nothing else is said
        clocks = compute_incident_clocks(s, inc, now=datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
        assert clocks.restore.target_minutes == 1440.0 and clocks.restore.calendar_code == "5x8"
