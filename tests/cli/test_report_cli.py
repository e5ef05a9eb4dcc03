"""``opsledger report``: generate (xlsx), record, list, verify; refused input."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app.cli import main
from app.store.db import open_database
from app.store.models import AuditEvent, ReportRecord
from tests.conftest import load_contract


@pytest.fixture
def dbfile(tmp_path: Path) -> str:
    path = tmp_path / "cli.sqlite3"
    db = open_database(path)
    load_contract(db, "pinggu-court-2026")
    db.close()
    return str(path)


def test_generate_xlsx_records_hash_and_verifies(dbfile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "reports" / "月报-2026-10.xlsx"
    rc = main(["report", "--db", dbfile, "--contract", "pinggu-court-2026", "--kind", "monthly",
               "--period", "2026-10", "--format", "xlsx", "--out", str(out)])
    assert rc == 0
    printed = capsys.readouterr().out.splitlines()
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert printed[0] == str(out) and printed[1] == f"sha256 {digest}"
    wb = openpyxl.load_workbook(out)
    cells = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None}
    assert any("考核指标" in v for v in cells) and any("巡检完成率" in v for v in cells)
    db = open_database(dbfile)
    with db.session() as s:
        [rec] = s.scalars(select(ReportRecord)).all()
        assert (rec.kind, rec.period_key, rec.format, rec.sha256) == ("monthly", "2026-10", "xlsx", digest)
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "report.export")).first() is not None
    db.close()

    assert main(["report", "--db", dbfile, "--list"]) == 0
    assert "monthly\t2026-10\txlsx" in capsys.readouterr().out
    copy = tmp_path / "client-copy.xlsx"
    copy.write_bytes(out.read_bytes())
    assert main(["report", "--db", dbfile, "--verify", str(copy)]) == 0
    assert "相符：monthly 2026-10 xlsx，" in capsys.readouterr().out
    copy.write_bytes(out.read_bytes() + b"x")
    assert main(["report", "--db", dbfile, "--verify", str(copy)]) == 1
    assert "与任何已导出的报告都不符" in capsys.readouterr().err


def test_contract_year_key_accepted(dbfile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "q.xlsx"
    assert main(["report", "--db", dbfile, "--kind", "quarterly", "--period", "CY1-Q1", "--format", "xlsx",
                 "--out", str(out)]) == 0
    assert "quarterly CY1-Q1 (2026-05-01 – 2026-07-31)" in capsys.readouterr().out


def test_future_period_refused_naming_period(dbfile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "f.xlsx"
    assert main(["report", "--db", dbfile, "--kind", "monthly", "--period", "2030-01", "--format", "xlsx",
                 "--out", str(out)]) == 1
    assert "--period" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="permissions are not enforced")
def test_unwritable_out_refused_before_any_work(dbfile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert main(["report", "--db", dbfile, "--kind", "monthly", "--period", "2026-10", "--format", "xlsx",
                     "--out", str(locked / "r.xlsx")]) == 1
        assert "--out" in capsys.readouterr().err
    finally:
        locked.chmod(0o700)
    db = open_database(dbfile)
    with db.session() as s:
        assert s.scalars(select(ReportRecord)).first() is None
    db.close()


def test_out_is_a_folder_refused(dbfile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--db", dbfile, "--kind", "monthly", "--period", "2026-10", "--format", "xlsx",
                 "--out", str(tmp_path)]) == 1
    assert "--out" in capsys.readouterr().err


def test_unknown_format_is_a_usage_error(dbfile: str, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as e:
        main(["report", "--db", dbfile, "--kind", "monthly", "--format", "odt", "--out", str(tmp_path / "x.pdf")])
    assert e.value.code == 2


def test_unknown_kind_is_refused_naming_the_kinds_the_contract_has(
        dbfile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The kinds depend on the contract's profile, so an unknown kind is refused once the contract
    is read, with a sentence listing its kinds, and nothing is written."""
    assert main(["report", "--db", dbfile, "--kind", "daily", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "未知的报告类型“daily”" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()


def test_out_under_a_file_refused_before_any_work(dbfile: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert main(["report", "--db", dbfile, "--kind", "monthly", "--period", "2026-10", "--format", "xlsx",
                 "--out", str(blocker / "r.xlsx")]) == 1
    assert "--out" in capsys.readouterr().err
    db = open_database(dbfile)
    with db.session() as s:
        assert s.scalars(select(ReportRecord)).first() is None
    db.close()


def test_generate_report_with_a_database_records_and_matches(tmp_path: Path) -> None:
    from app.reports.service import generate_report, list_exported, match_file

    db = open_database(tmp_path / "svc.sqlite3")
    c = load_contract(db, "pinggu-court-2026")
    out = tmp_path / "r.docx"
    rec = generate_report(db, c, "requirements", "2026-10", "docx", out, actor="王建国")
    assert out.exists() and rec.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    with db.session() as s:
        [listed] = list_exported(s, c)
        assert (listed.kind, listed.period_key, listed.exported_by) == ("requirements", "2026-10", "王建国")
        assert match_file(s, out).id == rec.id  # type: ignore[union-attr]
    db.close()


def test_a_kind_the_profile_defines_is_generated_and_an_unknown_kind_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--kind weekly-security`` (a kind of the imagined profile, not a built-in one) prints its
    own sections; a kind neither built in nor in the profile is refused with the kinds listed."""
    import docx

    from app.services.contract.profiles import import_profile, load_profile_file

    path = tmp_path / "imagined.sqlite3"
    db = open_database(path)
    with db.session() as s:
        import_profile(s, load_profile_file(Path(__file__).resolve().parents[1] / "fixtures" / "profiles"
                                            / "imagined-v2.yaml"), actor="t")
    db.close()
    out = tmp_path / "sec.docx"
    assert main(["report", "--db", str(path), "--kind", "weekly-security", "--period", "2026-W11",
                 "--format", "docx", "--out", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[2].startswith("weekly-security 2026-W11")
    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name.startswith("Heading 1")]
    assert headings[:2] == ["一、故障", "二、考核指标"]
    assert main(["report", "--db", str(path), "--kind", "weekly-secrity", "--period", "2026-W11",
                 "--out", str(tmp_path / "x.pdf")]) != 0
    err = capsys.readouterr().err
    assert "weekly-secrity" in err and "weekly-security" in err
