"""``opsledger asset list|import|export|label``: simulation by default, --apply writes."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from app.cli import main


@pytest.mark.sqlite_only
def test_asset_cli_simulates_applies_exports_and_labels(db, pinggu, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("app.services.backup.default_backup_dir", lambda: tmp_path / "bk")
    target = str(db.engine.url.database)
    db.close()  # the CLI opens the ledger itself (one writer per file)
    wb = Workbook()
    ws = wb.active
    ws.append(["资产编号", "名称", "类别", "IP"])
    ws.append(["PC-01", "办公电脑", "终端", ""])
    ws.append(["PC-01", "办公电脑2", "终端", ""])
    wb.save(tmp_path / "pcs.xlsx")
    assert main(["asset", "import", str(tmp_path / "pcs.xlsx"), "--db", target]) == 1
    out = capsys.readouterr().out
    assert "3\t拒绝\tPC-01" in out and "第 2 行也有" in out
    ws.delete_rows(3)
    wb.save(tmp_path / "pcs.xlsx")
    assert main(["asset", "import", str(tmp_path / "pcs.xlsx"), "--db", target]) == 0
    assert "2\t新增\tPC-01" in capsys.readouterr().out
    assert main(["asset", "list", "--db", target, "--class", "终端"]) == 0
    assert "共 0 项资产" in capsys.readouterr().out  # the simulation wrote nothing
    assert main(["asset", "import", str(tmp_path / "pcs.xlsx"), "--apply", "--db", target, "--actor", "王建国"]) == 0
    assert "新增 1 条" in capsys.readouterr().out
    assert main(["asset", "list", "--db", target, "--class", "终端"]) == 0
    assert "PC-01\t办公电脑\t终端" in capsys.readouterr().out
    assert main(["asset", "export", "--out", str(tmp_path / "a.xlsx"), "--db", target]) == 0
    assert main(["asset", "export", "--out", str(tmp_path / "a.yaml"), "--db", target]) == 0
    assert main(["asset", "label", "--out", str(tmp_path / "l.pdf"), "--code", "PC-01", "--db", target]) == 0
    assert "1 张标签（1 页）" in capsys.readouterr().out and (tmp_path / "l.pdf").exists()


@pytest.mark.sqlite_only
def test_asset_cli_sheets_unknown_codes_and_attachments(db, pinggu, tmp_path, capsys) -> None:
    from app.services.asset import actions

    actions.create_asset(db, pinggu.id, actor="t", values={"code": "SW-01", "name": "核心交换机"})
    target = str(db.engine.url.database)
    db.close()
    assert main(["asset", "label", "--out", str(tmp_path / "l.pdf"), "--sheet", "a4-2x7", "--db", target]) == 0
    assert (tmp_path / "l.pdf").exists()
    capsys.readouterr()
    assert main(["asset", "label", "--out", str(tmp_path / "x.pdf"), "--code", "SW-01", "--code", "NOPE-9",
                 "--db", target]) != 0
    assert "NOPE-9" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()
    scan = tmp_path / "采购合同.pdf"
    scan.write_bytes(b"%PDF-1.4 contract")
    assert main(["asset", "attach", "sw-01", str(scan), "--actor", "王建国", "--db", target]) == 0
    assert "采购合同.pdf\t17\t" in capsys.readouterr().out
    assert main(["asset", "attach", "SW-01", str(scan), "--db", target]) != 0
    assert "内容相同" in capsys.readouterr().err
    assert main(["asset", "attachments", "SW-01", "--db", target]) == 0
    out = capsys.readouterr().out
    assert "采购合同.pdf\t17\t王建国" in out and "共 1 个附件" in out
