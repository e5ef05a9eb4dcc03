"""``opsledger audit verify|list|export``, ``check`` and ``report --verify`` catch tampering,
including a full rewrite of the chain through a report's or a backup's recorded head."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app.cli import main
from app.services import audit
from app.store.db import open_database
from app.store.models import AuditEvent
from tests.conftest import load_contract

pytestmark = pytest.mark.sqlite_only  # raw sqlite3 edits of the file


@pytest.fixture
def dbfile(tmp_path: Path) -> str:
    path = tmp_path / "cli.sqlite3"
    db = open_database(path)
    load_contract(db, "pinggu-court-2026")
    db.close()
    return str(path)


def _report(dbfile: str, out: Path, fmt: str) -> None:
    assert main(["report", "--db", dbfile, "--contract", "pinggu-court-2026", "--kind", "monthly",
                 "--period", "2026-10", "--format", fmt, "--out", str(out)]) == 0


def _rewrite_chain(dbfile: str) -> None:
    """Edit seq 1 and re-hash every row: the chain alone verifies again."""
    db = open_database(dbfile)
    with db.session() as s:
        prev = ""
        for ev in s.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
            if ev.seq == 1:
                ev.actor = "王五"
            ev.prev_hash, ev.hash = prev, ""
            ev.hash = audit.hash_of(ev)
            prev = ev.hash
    db.close()


def test_verify_list_export(dbfile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify", "--db", dbfile]) == 0
    assert "审计链完整" in capsys.readouterr().out
    assert main(["audit", "list", "--db", dbfile, "--kind", "contract"]) == 0
    out = capsys.readouterr().out
    assert "contract.import" in out and "条审计日志符合条件" in out
    xlsx = tmp_path / "audit.xlsx"
    assert main(["audit", "export", "--db", dbfile, "--out", str(xlsx)]) == 0
    ws = openpyxl.load_workbook(xlsx).worksheets[0]
    assert ws.cell(1, 1).value == "序号" and ws.cell(2, 1).value == 1


def test_check_reports_a_broken_chain(dbfile: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", dbfile]) == 0
    con = sqlite3.connect(dbfile)
    with con:
        con.execute("UPDATE audit_event SET summary = 'nothing happened' WHERE seq = 1")
    con.close()
    capsys.readouterr()
    assert main(["check", "--db", dbfile]) == 1
    assert "审计链在第 1 条断开：被修改" in capsys.readouterr().out
    assert main(["audit", "verify", "--db", dbfile]) == 1


def test_forged_report_record_is_caught(dbfile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "m.xlsx"
    _report(dbfile, out, "xlsx")
    forged = tmp_path / "forged.xlsx"
    wb = openpyxl.load_workbook(out)
    wb.worksheets[0]["A1"] = "改过的报告"
    wb.save(forged)
    digest = hashlib.sha256(forged.read_bytes()).hexdigest()
    con = sqlite3.connect(dbfile)
    with con:
        con.execute("UPDATE report_record SET sha256 = ?, path = ?", (digest, str(forged)))
    con.close()
    capsys.readouterr()
    assert main(["report", "--db", dbfile, "--verify", str(forged)]) == 1
    assert "与其审计日志不符" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "docx"])
def test_a_full_rewrite_is_caught_through_a_report(dbfile: str, tmp_path: Path, fmt: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"m.{fmt}"
    _report(dbfile, out, fmt)
    assert main(["audit", "verify", "--db", dbfile, "--head-from", str(out)]) == 0
    _rewrite_chain(dbfile)
    assert main(["audit", "verify", "--db", dbfile]) == 0  # the chain alone cannot tell
    capsys.readouterr()
    assert main(["audit", "verify", "--db", dbfile, "--head-from", str(out)]) == 1
    assert "整链被重写" in capsys.readouterr().out


def test_the_sign_off_page_carries_the_head_line(dbfile: str, tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    _report(dbfile, out, "xlsx")
    wb = openpyxl.load_workbook(out)
    cells = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value]
    line = next(v for v in cells if v.startswith("审计链 第 "))
    assert wb.properties.keywords.startswith("opsledger-audit:")
    seq, h = wb.properties.keywords.split(":")[1:]
    assert line == f"审计链 第 {seq} 条 · {h[:16]}"


def test_a_full_rewrite_is_caught_through_a_backup_manifest(dbfile: str, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup", "--db", dbfile, "--to", str(tmp_path / "b")]) == 0
    [manifest] = (tmp_path / "b").glob("*.manifest.json")
    data = json.loads(manifest.read_text(encoding="utf-8"))
    copy = tmp_path / "b" / data["file"]
    assert data["sha256"] == hashlib.sha256(copy.read_bytes()).hexdigest() and data["audit_head"]["seq"] >= 1
    assert data["revision"] and data["taken_at"]
    assert main(["audit", "verify", "--db", dbfile, "--head-from", str(manifest)]) == 0
    _rewrite_chain(dbfile)
    capsys.readouterr()
    assert main(["audit", "verify", "--db", dbfile, "--head-from", str(manifest)]) == 1
    assert "整链被重写" in capsys.readouterr().out


def test_restore_refuses_a_copy_that_differs_from_its_manifest(dbfile: str, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup", "--db", dbfile, "--to", str(tmp_path / "b")]) == 0
    [manifest] = (tmp_path / "b").glob("*.manifest.json")
    copy = tmp_path / "b" / json.loads(manifest.read_text(encoding="utf-8"))["file"]
    con = sqlite3.connect(copy)
    with con:
        con.execute("UPDATE audit_event SET actor = 'x' WHERE seq = 1")
    con.close()
    capsys.readouterr()
    assert main(["restore", "--db", dbfile, str(copy)]) == 1
    assert "与其清单不符" in capsys.readouterr().err


def test_report_verify_checks_the_head_the_file_records(dbfile: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "m.docx"
    _report(dbfile, out, "docx")
    assert main(["report", "--db", dbfile, "--verify", str(out)]) == 0
    assert "审计链完整" in capsys.readouterr().out
    _rewrite_chain(dbfile)  # the record and its event untouched, the chain before it rewritten
    assert main(["report", "--db", dbfile, "--verify", str(out)]) == 1
    assert "整链被重写" in capsys.readouterr().out
