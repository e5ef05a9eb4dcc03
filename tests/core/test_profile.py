"""The typed contract profile: the shipped profiles load with their figures, round-trip, and the
rules that read the profile answer as the contracts say (figures hand-checked against the YAML)."""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pydantic
import pytest
import yaml

from app.core.i18n import set_language
from app.core.profile import ContractProfile, profile_of
from app.services.contract.profiles import ProfileError, load_profile_file
from tests.conftest import PROFILES


def _load(name: str) -> ContractProfile:
    return ContractProfile.of(load_profile_file(PROFILES / f"{name}.yaml"))


def test_justice_bureau_sla_targets_and_kpis() -> None:
    p = _load("beijing-justice-bureau-2024")
    assert p.contract.term.start == date(2024, 5, 9) and p.contract.term.end == date(2025, 5, 8)
    assert p.contract.number == "BJJQ-2024-353" and p.period_convention == "contract_year"
    assert p.severity_codes == ("S1", "S2", "S3")
    # §2.5.1.4: emergency recovery 1 h, blocking bugs 2 h, others 48 h — all in the 7×24 calendar
    assert [p.sla_target(c, "restore") for c in p.severity_codes] == [60.0, 120.0, 2880.0]
    assert [p.sla_target(c, "response") for c in p.severity_codes] == [30.0, 30.0, 480.0]
    assert {p.calendar_for(severity=c) for c in p.severity_codes} == {"7x24"}
    assert p.is_major("S1") and not p.is_major("S2") and not p.is_major("nope")
    assert p.sla_target("S9", "restore") is None
    # §2.9: no more than 2 outages over 2 h in working time
    long = p.kpi("long-outages")
    assert long is not None and (long.target, long.comparison, long.threshold_minutes, long.calendar) == (
        2, "<=", 120, "5x8")
    assert p.kpis_of("long_outage_count") == (long, p.kpi("long-outages-platform"))  # format 2: the platform
    assert p.sla_target(None, "request_response") == 30.0 and p.sla_target(None, "request_resolve") == 480.0
    assert p.desk_calendar_code == "5x8" and p.channels == ("phone", "fax", "instant_message")
    assert p.report_name("weekly") == "运维周报" and p.report_name("quarterly") is None
    assert p.calendar_for(service="legal-service-net") == "7x24" and p.calendar_for(service="mediation") == "5x8"


def test_pinggu_and_sanmenxia_figures() -> None:
    pg = _load("pinggu-court-2026")
    assert pg.default_calendar_code == "5x8"
    assert pg.calendar("5x8").hours == (("08:30", "12:00"), ("13:30", "17:30"))
    assert [pg.sla_target(c, "restore") for c in ("P1", "P2", "P3")] == [120.0, 480.0, 1440.0]
    assert pg.calendar_for(severity="P1") == "7x24" and pg.calendar_for(severity="P2") == "5x8"
    assert pg.checklist("app-twice-daily").slots == ("09:00", "14:30")
    assert pg.checklist("machine-room-daily").item("机房温度").normal_max == 27
    assert "recording" in pg.request_category_codes and pg.least_severe == "P3"
    assert pg.severity_name("P1") == "重大故障" and pg.severity_name("P7") == "P7"
    assert [e.role for e in pg.engineers] == ["lead", "engineer"]
    sm = _load("sanmenxia-court-2023")
    assert sm.contract.term.start == date(2023, 12, 20)
    assert [sm.sla_target(c, "restore") for c in ("P1", "P2", "P3")] == [240.0, 480.0, 1440.0]


def test_default_severity_follows_the_profile_most_specific_first() -> None:
    pg = _load("pinggu-court-2026")
    # Pinggu P1 重大故障 = "核心业务系统中断或机房基础环境故障": the machine-room checklist says P1
    assert pg.default_severity(checklist="machine-room-daily", item="机房温度", asset="AC-01") == "P1"
    assert pg.default_severity(checklist="db-backup-daily", item="表空间使用率", asset="DB-01") == "P3"
    assert pg.default_severity() == "P3"
    sm = _load("sanmenxia-court-2023")  # 机房供电或空调故障 → P1 on the UPS and the air conditioner
    assert sm.default_severity(checklist="machine-room-daily", asset="UPS-A") == "P1"
    assert sm.default_severity(checklist="machine-room-daily", asset="CORE-SW") == "P3"
    data = load_profile_file(PROFILES / "pinggu-court-2026.yaml")
    data["checklists"][1]["sections"][0]["items"][0]["default_severity"] = "P2"  # item beats checklist
    data["services"][0]["default_severity"] = "P2"
    p = ContractProfile.of(data)
    assert p.default_severity(checklist="machine-room-daily", item="机房温度") == "P2"
    assert p.default_severity(checklist="machine-room-daily", item="机房相对湿度") == "P1"
    assert p.default_severity(service="uni-biz") == "P2" and p.default_severity(service="oa") == "P3"
    data["services"][1]["default_severity"] = "P1"
    p = ContractProfile.of(data)
    assert p.default_severity(service=["uni-biz", "oa", "website"]) == "P1"  # the most severe of them
    assert p.default_severity(service=("website",), asset=["DB-01"]) == "P3"
    assert sm.default_severity(asset=["CORE-SW", "AC-A"]) == "P1"


@pytest.mark.parametrize("name", ["pinggu-court-2026", "sanmenxia-court-2023", "beijing-justice-bureau-2024"])
def test_round_trip_keeps_the_file(name: str) -> None:
    data = load_profile_file(PROFILES / f"{name}.yaml")
    original = copy.deepcopy(data)
    prof = ContractProfile.of(data)
    assert prof.to_dict() == original  # no default written in, nothing lost
    assert ContractProfile.of(prof.to_dict()) == prof


def test_profile_is_immutable_and_refuses_unknown_keys() -> None:
    prof = _load("pinggu-court-2026")
    with pytest.raises(pydantic.ValidationError):
        prof.severities[0].restore_minutes = 1  # type: ignore[misc]
    data = prof.to_dict()
    data["severities"][0]["restore_minuts"] = 5
    with pytest.raises(pydantic.ValidationError):
        ContractProfile.of(data)


def test_profile_of_caches_per_contract_and_import_and_sees_replacements() -> None:
    data = load_profile_file(PROFILES / "pinggu-court-2026.yaml")
    c = SimpleNamespace(id="c1", imported_at=1, profile=data)
    first = profile_of(c)
    assert profile_of(c) is first  # read once per contract + import
    c.profile = copy.deepcopy(data)
    assert profile_of(c) is first  # an equal dict (a new session's load) is the same profile
    changed = copy.deepcopy(data)
    changed["checklists"][2]["days"] = "every_day"
    c.profile = changed
    assert profile_of(c).checklist("db-backup-daily").days == "every_day"
    data["severities"][0]["restore_minutes"] = 90  # changed in place, no new import
    c.profile = data
    assert profile_of(c).sla_target("P1", "restore") == 90.0


def test_malformed_profile_still_refused_whole_with_the_same_messages(tmp_path: Path) -> None:
    data = yaml.safe_load((PROFILES / "pinggu-court-2026.yaml").read_text(encoding="utf-8"))
    data["checklists"][1]["default_severity"] = "P9"
    data["services"][0]["calendar"] = "24x7"
    data["severities"][0]["restore_minutes"] = "two hours"
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile_file(bad)
    # every problem names file, line and column; the sentence is ours, never the validator's English
    assert re.search(rf"{re.escape(str(bad))}:\d+:\d+: severities\[0\]\.restore_minutes: 应为数字，实际为“two hours”",
                     str(err.value))
    del data["severities"][0]["restore_minutes"]
    data["severities"][0]["restore_minutes"] = 120
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile_file(bad)
    text = re.sub(r":\d+:\d+: ", ": ", str(err.value))  # in the user's language: Chinese by default
    assert text.startswith("合同配置被拒绝，未导入任何内容：")
    assert f"{bad}: checklists[1].default_severity: 未知的故障级别“P9”；可选：P1、P2、P3" in text
    assert f"{bad}: services[0].calendar: 未知的服务时间“24x7”；已定义：5x8、7x24" in text
    set_language("en")
    try:
        text = re.sub(r":\d+:\d+: ", ": ", str(err.value))
    finally:
        set_language("zh_CN")
    assert text.startswith("contract profile refused, nothing imported:")
    assert f"{bad}: checklists[1].default_severity: unknown severity “P9”; known: P1, P2, P3" in text
    assert f"{bad}: services[0].calendar: unknown calendar “24x7”; known: 5x8, 7x24" in text


def _abnormal(db, code: str, slot: str, item: str, value: str):  # type: ignore[no-untyped-def]
    from datetime import time

    from app.core.timeutil import local_dt
    from app.services.inspection import runs
    from app.services.queries.lookup import engineers_by_name, get_contract, get_template

    day = date(2026, 11, 23)
    with db.session() as s:
        c = get_contract(s)
        insp = runs.start_inspection(s, c, get_template(s, c, code), day, slot,
                                     engineer=engineers_by_name(s, c)["李晓明"], actor="李晓明",
                                     now=local_dt(day, time(9, 31)))
        rid = next(r.id for r in runs.results(s, insp.id) if r.item_text == item)
        runs.record_result(s, rid, value=value, actor="李晓明", now=local_dt(day, time(9, 35)))
        return rid


def test_incident_from_machine_room_reading_is_proposed_at_the_profile_level(db, pinggu) -> None:  # type: ignore[no-untyped-def]
    from app.services.inspection import runs
    from app.services.queries.lookup import get_contract

    hot = _abnormal(db, "machine-room-daily", "09:30", "机房温度", "31.5")
    full = _abnormal(db, "db-backup-daily", "10:00", "表空间使用率", "97")
    with db.session() as s:
        assert runs.incident_prefill(s, hot)["severity"] == "P1"  # Pinggu: 机房基础环境故障 is P1
        assert runs.incident_prefill(s, full)["severity"] == "P3"  # nothing set: the least severe
        inc = runs.create_incident_from_result(s, get_contract(s), hot, actor="李晓明")
        assert inc.severity == "P1"
        other = runs.create_incident_from_result(s, get_contract(s), full, actor="李晓明", severity="P2")
        assert other.severity == "P2"  # the engineer's choice wins


def test_new_incident_on_a_p1_asset_defaults_to_p1(db) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from sqlalchemy import select

    from app.services.incident.workflow import create_incident
    from app.store.models import Asset, Contract
    from tests.conftest import load_contract

    contract = load_contract(db, "sanmenxia-court-2023")
    when = datetime(2024, 3, 4, 1, 0, tzinfo=UTC)
    with db.session() as s:
        c = s.get(Contract, contract.id)
        ids = {a.code: a.id for a in s.scalars(select(Asset).where(Asset.contract_id == c.id))}
        ups = create_incident(s, c, actor="t", title="UPS 告警", occurred_at=when, asset_ids=[ids["UPS-A"]])
        switch = create_incident(s, c, actor="t", title="交换机端口", occurred_at=when, asset_ids=[ids["CORE-SW"]])
        chosen = create_incident(s, c, actor="t", title="UPS 巡检", occurred_at=when, asset_ids=[ids["UPS-A"]],
                                 severity="P2")
        assert (ups.severity, switch.severity, chosen.severity) == ("P1", "P3", "P2")
