"""Import of a device list that simulates first: every kind of bad input named by row, column and
value with nothing written; a clean file applied in one transaction after a backup."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.core.i18n import set_language
from app.errors import ImportRejected
from app.services.asset import actions, export
from app.services.asset.importer import propose_mapping, read_source, source_pattern
from app.store.models import Asset, AssetChange, AuditEvent, IpAddress

HEADERS = ["资产编号", "设备名称", "类别", "型号", "SN", "数量", "位置", "IP地址", "保修截止", "备注"]


def _subnets(db, contract_id) -> None:
    actions.add_subnet(db, contract_id, actor="t", cidr="10.1.1.0/24", site="中心机房", vlan="10")
    actions.add_subnet(db, contract_id, actor="t", cidr="10.2.0.0/16", site="办公区", vlan="20")


def _good_rows(n: int = 80) -> list[list[object]]:
    rows: list[list[object]] = []
    for i in range(1, n + 1):
        cls = "服务器" if i % 3 == 0 else ("交换机" if i % 3 == 1 else "终端")
        ip = f"10.1.1.{i + 1}" if i <= 60 else f"10.2.{i}.10"
        rows.append([f"DEV-{i:03d}", f"设备{i}", cls, f"Model-{i % 7}", f"SN{i:05d}", 1 if i % 10 else 30,
                     "中心机房" if i <= 60 else "办公区", ip, date(2027, 1 + i % 12, 1), ""])
    return rows


def _workbook(path: Path, rows: list[list[object]], headers: list[str] = HEADERS, merge: str | None = None,
              title: bool = True) -> Path:
    wb = Workbook()
    ws = wb.active
    if title:
        ws.append(["2026年设备清单"])  # a title row above the header
    ws.append(headers)
    for r in rows:
        ws.append(r)
    if merge:
        ws.merge_cells(merge)
    wb.save(path)
    return path


def _count(db, model) -> int:
    with db.session() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_bad_workbook_names_row_column_value_and_writes_nothing(db, pinggu, tmp_path) -> None:
    _subnets(db, pinggu.id)
    rows = _good_rows()
    rows[9][0] = "DEV-003"                 # sheet row 12: duplicate code (first on row 5)
    rows[19][7] = "192.168.9.9"            # row 22: outside every subnet
    rows[29][8] = "2024年5月1日"            # row 32: a date in text (read, noted)
    rows[30][8] = "2024年13月1日"           # row 33: not a date
    rows[39][7] = "10.1.1.255"             # row 42: broadcast address
    rows[49][5] = "几台"                    # row 52: quantity not a number
    headers = [*HEADERS, "资产价值"]          # an unknown header
    path = _workbook(tmp_path / "设备清单2026.xlsx", rows, headers, merge="G60:G61")
    before_assets, before_audit = _count(db, Asset), _count(db, AuditEvent)

    sim = actions.simulate_import(db, pinggu.id, path)
    assert sim.source.header_row == 2 and len(sim.rows) == 80
    by_row = {r.row: r for r in sim.rows}
    set_language("en")
    assert by_row[12].action == "refused"
    assert any("duplicate" in n.text() and "row 5" in n.text() and n.value == "DEV-003" for n in by_row[12].notes)
    assert [n.column for n in by_row[22].notes] == ["IP地址"]
    assert "outside every declared subnet" in by_row[22].notes[0].text()
    assert by_row[32].action == "created" and by_row[32].values["warranty_end"] == date(2024, 5, 1)
    assert by_row[32].notes[0].value == "2024年5月1日" and not by_row[32].notes[0].refused
    assert by_row[33].action == "refused" and by_row[33].notes[0].column == "保修截止"
    assert "broadcast address of 10.1.1.0/24" in by_row[42].notes[0].text()
    assert by_row[52].notes[0].value == "几台"
    assert by_row[60].action == "refused" and "G60:G61" in by_row[60].notes[0].text()
    assert by_row[61].action == "refused"
    assert [(row, n.column) for row, n in sim.notes] == [(2, "资产价值")]
    assert "unknown header" in sim.notes[0][1].text()
    problems = sim.problems()
    assert {p.row for p in problems} == {2, 12, 22, 33, 42, 52, 60, 61}
    assert str(problems[0]).startswith("Row 2, “资产价值”")
    set_language("zh_CN")
    assert "不在任何已登记的网段内" in by_row[22].notes[0].text()

    with pytest.raises(ImportRejected) as exc:
        actions.apply_import(db, pinggu.id, path, actor="t", backup_dir=tmp_path / "bk")
    assert "第 22 行“IP地址”" in str(exc.value)
    assert _count(db, Asset) == before_assets and _count(db, AuditEvent) == before_audit
    assert not (tmp_path / "bk").exists()

    report = export.write_simulation(sim, tmp_path / "report.xlsx")
    ws = load_workbook(report).worksheets[0]
    header = [c.value for c in ws[1]]
    assert header[-2:] == ["结果", "原因"]
    row22 = [c.value for c in ws[21]]  # sheet rows 3… are report rows 2…
    assert row22[0] == 22 and row22[-2] == "拒绝" and "192.168.9.9" in row22[-1]


@pytest.mark.sqlite_only
def test_clean_workbook_applies_after_a_backup_and_updates_by_serial(db, pinggu, tmp_path) -> None:
    _subnets(db, pinggu.id)
    path = _workbook(tmp_path / "设备清单2026.xlsx", _good_rows())
    sim = actions.simulate_import(db, pinggu.id, path)
    assert (sim.count("created"), sim.count("refused")) == (80, 0)
    result = actions.apply_import(db, pinggu.id, path, actor="王建国", backup_dir=tmp_path / "bk").value
    assert result.created == 80 and result.backup is not None and result.backup.exists()
    with db.session() as s:
        a = s.scalars(select(Asset).where(Asset.code == "DEV-010")).one()
        assert (a.asset_class, a.quantity, a.location, a.ip) == ("network", 30, "中心机房", "10.1.1.11")
        assert s.scalars(select(func.count()).select_from(IpAddress)).one() == 80
        backups = s.scalars(select(AuditEvent.action).where(AuditEvent.action.in_(["ledger.backup", "asset.import"]))
                            .order_by(AuditEvent.at)).all()
        assert backups == ["ledger.backup", "asset.import"]

    # second file of the same source: the saved mapping is found by pattern; key = serial
    rows = _good_rows(3)
    rows[0][3] = "Model-NEW"
    rows[1][0] = ""  # no code: found by its serial all the same
    path2 = _workbook(tmp_path / "设备清单2027.xlsx", rows)
    assert source_pattern(path2.name) == "设备清单*.xlsx"
    sim2 = actions.simulate_import(db, pinggu.id, path2, key="serial")
    assert [r.action for r in sim2.rows] == ["updated", "unchanged", "unchanged"]
    assert sim2.rows[0].changes == {"model": ("Model-1", "Model-NEW")}
    actions.apply_import(db, pinggu.id, path2, actor="王建国", key="serial", backup_dir=tmp_path / "bk")
    with db.session() as s:
        a = s.scalars(select(Asset).where(Asset.code == "DEV-001")).one()
        hist = s.scalars(select(AssetChange).where(AssetChange.asset_id == a.id, AssetChange.field == "model")).one()
        assert (hist.old, hist.new, hist.actor) == ("Model-1", "Model-NEW", "王建国")


def test_headers_map_by_chinese_and_english_aliases(tmp_path) -> None:
    path = _workbook(tmp_path / "list.xlsx", [["A1", "x", "10.1.1.2", "2"]], ["Asset Code", "Name", "IP", "qty"],
                     title=False)
    src = read_source(path)
    assert propose_mapping(src.headers) == {"Asset Code": "code", "Name": "name", "IP": "ip", "qty": "quantity"}
    assert propose_mapping(("编号", "名称", "规格"), {"规格": "model"}) == {"编号": "code", "名称": "name", "规格": "model"}


def test_an_ignored_header_is_accepted(db, pinggu, tmp_path) -> None:
    _subnets(db, pinggu.id)
    path = _workbook(tmp_path / "x.xlsx", _good_rows(2), [*HEADERS, "资产价值"])
    src = read_source(path)
    mapping = {**propose_mapping(src.headers), "资产价值": ""}
    sim = actions.simulate_import(db, pinggu.id, path, mapping)
    assert not sim.refused and sim.count("created") == 2
