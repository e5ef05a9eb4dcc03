"""Hostile workbooks are refused before openpyxl parses them, with bounded memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from app.errors import ValidationError
from app.services.transfer.xlsx_guard import check_workbook

ROOT = Path(__file__).resolve().parents[3]


def _good(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(["故障标题", "故障级别", "发生时间"])
    wb.active.append(["a", "P2", datetime(2026, 5, 6, 9, 0)])
    wb.save(path)
    return path


def _rewrite(src: Path, dst: Path, replace: dict[str, bytes] | None = None, extra: dict[str, bytes] | None = None) -> Path:
    """Copy workbook ``src`` to ``dst`` replacing / adding members."""
    replace, extra = replace or {}, extra or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info.filename)))
        for name, data in extra.items():
            zout.writestr(name, data)
    return dst


def make_bomb(path: Path, size_bytes: int = 400_000_000) -> Path:
    """A valid-looking workbook whose sheet inflates to ``size_bytes`` of spaces (~1000:1)."""
    good = _good(path.with_name("seed.xlsx"))
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with zout.open(info.filename, "w", force_zip64=True) as fh:
                    fh.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                             b'spreadsheetml/2006/main"><sheetData>')
                    block = b" " * (1 << 20)
                    for _ in range(size_bytes >> 20):
                        fh.write(block)
                    fh.write(b"</sheetData></worksheet>")
            else:
                zout.writestr(info.filename, zin.read(info.filename))
    return path


def test_good_workbook_passes(tmp_path: Path) -> None:
    assert check_workbook(_good(tmp_path / "ok.xlsx")) is None


def test_not_a_zip_refused(tmp_path: Path) -> None:
    p = tmp_path / "fake.xlsx"
    p.write_text("故障标题,故障级别\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="文件不是 .xlsx 工作簿") as exc:
        check_workbook(p)
    assert (exc.value.field, exc.value.code) == ("file", "xlsx.not_xlsx")


def test_zip_that_is_not_a_workbook_refused(tmp_path: Path) -> None:
    p = tmp_path / "other.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(ValidationError, match="文件不是 .xlsx 工作簿"):
        check_workbook(p)


def test_zip_bomb_refused_from_directory_sizes(tmp_path: Path) -> None:
    bomb = make_bomb(tmp_path / "bomb.xlsx", 60_000_000)
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(ValidationError, match="疑似压缩炸弹"):
        check_workbook(bomb)


def test_high_ratio_member_refused_even_under_total(tmp_path: Path) -> None:
    bomb = make_bomb(tmp_path / "ratio.xlsx", 20_000_000)
    with pytest.raises(ValidationError, match="压缩比为 .*:1"):
        check_workbook(bomb)


@pytest.mark.parametrize("payload", [
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><worksheet>&lol;</worksheet>',
    b'<?xml version="1.0"?>\n<!-- c -->\n<!doctype x SYSTEM "file:///etc/passwd"><worksheet/>',
])
def test_doctype_and_entities_refused(tmp_path: Path, payload: bytes) -> None:
    good = _good(tmp_path / "ok.xlsx")
    evil = _rewrite(good, tmp_path / "evil.xlsx", replace={"xl/worksheets/sheet1.xml": payload})
    with pytest.raises(ValidationError, match="DOCTYPE/ENTITY"):
        check_workbook(evil)


def test_too_many_rows_refused(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    for i in range(30):
        wb.active.append([i])
    wb.save(tmp_path / "rows.xlsx")
    with pytest.raises(ValidationError, match="超过 20 行"):
        check_workbook(tmp_path / "rows.xlsx", max_rows=20)
    check_workbook(tmp_path / "rows.xlsx", max_rows=30)


def test_lying_dimension_does_not_hide_rows(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    for i in range(30):
        wb.active.append([i])
    wb.save(tmp_path / "rows.xlsx")
    with zipfile.ZipFile(tmp_path / "rows.xlsx") as z:
        sheet = z.read("xl/worksheets/sheet1.xml").replace(b'ref="A1:A30"', b'ref="A1:A2"')
    _rewrite(tmp_path / "rows.xlsx", tmp_path / "lie.xlsx", replace={"xl/worksheets/sheet1.xml": sheet})
    with pytest.raises(ValidationError, match="超过 20 行"):
        check_workbook(tmp_path / "lie.xlsx", max_rows=20)


def test_import_of_bomb_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    """A subprocess imports a 400 MB bomb through the real import path and reports its peak RSS."""
    bomb = make_bomb(tmp_path / "bomb.xlsx", 400_000_000)
    script = textwrap.dedent(f"""
        import json, resource, sys
        from pathlib import Path
        from app import paths
        paths.init_paths(Path({str(tmp_path / 'home')!r}))
        from app.store.db import open_database
        from app.errors import OpsLedgerError
        from app.services.contract.profiles import import_profile, load_profile_file
        from app.services.transfer.record_import import import_incidents
        db = open_database({str(tmp_path / 'b.sqlite3')!r})
        with db.session() as s:
            c = import_profile(s, load_profile_file(paths.resources_dir() / "profiles/pinggu-court-2026.yaml"), actor="t")
        refused = ""
        try:
            with db.session() as s:
                import_incidents(s, c, Path({str(bomb)!r}))
        except OpsLedgerError as exc:
            refused = str(exc)
        # VmHWM is this process image's own RSS high-water mark; ru_maxrss would also carry the
        # forked pytest parent's size across exec on Linux.
        try:
            hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")][0]
            peak_kb = int(hwm.split()[1])
        except (OSError, IndexError):
            peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({{"refused": refused, "peak_mb": peak_kb / 1024}}))
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert "疑似压缩炸弹" in report["refused"]
    assert report["peak_mb"] < 300


def test_import_refuses_hostile_file_before_parsing(tmp_path: Path, db, pinggu) -> None:
    from app.services.queries.lookup import get_contract
    from app.services.transfer.record_import import import_incidents

    good = _good(tmp_path / "ok.xlsx")
    evil = _rewrite(good, tmp_path / "evil.xlsx",
                    extra={"xl/evil.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'})
    with db.session() as s, pytest.raises(ValidationError, match="DOCTYPE"):
        import_incidents(s, get_contract(s), evil)


def test_doctype_in_a_part_not_named_xml_refused(tmp_path: Path) -> None:
    good = _good(tmp_path / "ok.xlsx")
    evil = _rewrite(good, tmp_path / "evil.xlsx", extra={"xl/worksheets/sheet9.bin": b'<!DOCTYPE x [<!ENTITY a "b">]><x/>'})
    with pytest.raises(ValidationError, match="DOCTYPE/ENTITY"):
        check_workbook(evil)


_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _sheet_elsewhere(path: Path, sheet_xml: bytes, *, compression: int = zipfile.ZIP_DEFLATED,
                     declare: str = "both") -> Path:
    """A workbook whose only sheet part is stored at ``xl/elsewhere/sheet1.xml``, declared in
    ``[Content_Types].xml`` (``declare`` "types"/"both") and/or through the workbook's
    relationships ("rels"/"both")."""
    override = (b'<Override PartName="/xl/elsewhere/sheet1.xml" ContentType="application/'
                b'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>') if declare in ("types", "both") else b""
    types = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
             b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
             b'"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
             b'main+xml"/>' + override + b"</Types>")
    rel_type = (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
                if declare in ("rels", "both") else b"http://example.invalid/other")
    with zipfile.ZipFile(path, "w", compression) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   b'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", b'<?xml version="1.0"?><workbook ' + _NS + b' xmlns:r="http://schemas.'
                   b'openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" '
                   b'r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="' + rel_type
                   + b'" Target="elsewhere/sheet1.xml"/></Relationships>')
        z.writestr("xl/elsewhere/sheet1.xml", sheet_xml)
    return path


def _declared_rows(n: int) -> bytes:
    return (b'<?xml version="1.0"?><worksheet ' + _NS + b'><dimension ref="A1:C' + str(n).encode()
            + b'"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>')


@pytest.mark.parametrize("declare", ["types", "rels", "both"])
def test_sheet_stored_outside_worksheets_is_counted(tmp_path: Path, declare: str) -> None:
    """issue #9 item 6: a sheet at xl/elsewhere/sheet1.xml declaring 250,000 rows is refused."""
    path = _sheet_elsewhere(tmp_path / "elsewhere.xlsx", _declared_rows(250_000), declare=declare)
    with pytest.raises(ValidationError, match="xl/elsewhere/sheet1.xml 超过 200,000 行") as exc:
        check_workbook(path)
    assert exc.value.code == "xlsx.rows"


def test_250k_real_rows_outside_worksheets_are_counted(tmp_path: Path) -> None:
    rows = b"".join(b'<row r="%d"/>' % i for i in range(1, 250_001))  # ~4 MB, stored (ratio 1:1)
    sheet = b'<?xml version="1.0"?><worksheet ' + _NS + b"><sheetData>" + rows + b"</sheetData></worksheet>"
    path = _sheet_elsewhere(tmp_path / "real.xlsx", sheet, compression=zipfile.ZIP_STORED, declare="rels")
    with pytest.raises(ValidationError, match="超过 200,000 行"):
        check_workbook(path)


def test_undeclared_part_with_a_worksheet_root_is_counted(tmp_path: Path) -> None:
    path = _sheet_elsewhere(tmp_path / "undeclared.xlsx", _declared_rows(250_000), declare="none")
    with pytest.raises(ValidationError, match="超过 200,000 行"):
        check_workbook(path)


def test_small_sheet_stored_elsewhere_passes_and_imports_see_nothing_written(tmp_path: Path, db, pinggu) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from app.errors import ImportRejected, OpsLedgerError
    from app.services.incident import actions
    from app.store.models import Incident

    check_workbook(_sheet_elsewhere(tmp_path / "small.xlsx", _declared_rows(10)))
    big = _sheet_elsewhere(tmp_path / "big.xlsx", _declared_rows(250_000))
    with pytest.raises((ValidationError, ImportRejected, OpsLedgerError)) as exc:
        actions.import_incidents(db, pinggu.id, big, actor="王建国")
    assert "超过 200,000 行" in str(exc.value)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Incident)) == 0
