"""Every report format survives any text (issue #8 item 9): a pasted terminal colour code, a NUL,
a vertical tab or a lone surrogate is written as a visible U+FFFD, never a crash or a silent gap."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from pypdf import PdfReader

from app.core.text import REPLACEMENT
from app.reports.compose.document import Chart, Heading, KeyValues, Paragraph, Table
from app.reports.render.docx import render_docx
from app.reports.render.pdf import render_pdf
from app.reports.render.xlsx import render_xlsx
from tests.reports.sample_document import sample_document

R = REPLACEMENT
PASTED = "机房告警\x1b[31m红色\x1b[0m 空\x00字 竖\x0b表 坏\ud800码"
SHOWN = f"机房告警{R}[31m红色{R}[0m 空{R}字 竖{R}表 坏{R}码"


def _hostile_document():  # type: ignore[no-untyped-def]
    doc = sample_document(inspection_rows=2, with_contents=True)
    doc.title = "月报\x1b[0m"
    doc.provider = "乙方\x00公司"
    doc.cover.append(("备注\x0b", PASTED))
    doc.blocks += [
        Heading("五、附录\x1b[1m", level=1),
        Paragraph(PASTED),
        Table(["说明\x00"], [[PASTED], ["\ud83d"]], title="粘贴\x1b"),
        KeyValues([("来源\x0b", PASTED)], title="键值\x00"),
        Chart(title="图\x1b", kind="bar", categories=["甲\x00", "乙"], series={"系\x0b": [1.0, 2.0]}),
    ]
    return doc


def _docx_text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
    parts += [p.text for s in d.sections for p in s.header.paragraphs]
    return "\n".join(parts)


def test_docx_writes_replacements(tmp_path: Path) -> None:
    doc = _hostile_document()
    text = _docx_text(render_docx(doc, tmp_path / "r.docx"))
    assert SHOWN in text and f"说明{R}" in text and f"月报{R}[0m" in text
    assert f"五、附录{R}[1m" in text
    assert "\x1b" not in text and "\x00" not in text
    assert doc.blocks[-4].text == PASTED  # the caller's document is not changed


def test_pdf_writes_replacements(tmp_path: Path) -> None:
    out = render_pdf(_hostile_document(), tmp_path / "r.pdf")
    text = "".join(p.extract_text() or "" for p in PdfReader(str(out)).pages).replace("\n", "")
    assert f"红色{R}[0m" in text and f"五、附录{R}[1m" in text
    assert "\x1b" not in text and "\x00" not in text
    assert PdfReader(str(out)).metadata.title == f"月报{R}[0m"


def test_xlsx_writes_replacements(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(render_xlsx(_hostile_document(), tmp_path / "r.xlsx"))
    values = [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value]
    assert SHOWN in values and f"说明{R}" in values and R in values
    assert any(name.startswith("五、附录") for name in wb.sheetnames)
    assert not any(ch in "".join(values + wb.sheetnames) for ch in "\x1b\x00\x0b")


@pytest.mark.parametrize("render", [render_pdf, render_docx, render_xlsx])
def test_nothing_half_written_on_hostile_text(tmp_path: Path, render) -> None:  # type: ignore[no-untyped-def]
    out = render(_hostile_document(), tmp_path / "r.out")
    assert out.exists() and [p.name for p in tmp_path.iterdir()] == ["r.out"]
