"""XLSX and DOCX renderers read back with their own libraries; cancellation leaves no file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from app.reports.compose.document import Heading, Table
from app.reports.render.docx import render_docx
from app.reports.render.fonts import RenderCancelled
from app.reports.render.xlsx import render_xlsx, sheet_name
from tests.reports.sample_document import (
    INCIDENT_HEADER,
    INSPECTION_HEADER,
    KPI_HEADER,
    sample_document,
)


def _rows(ws) -> list[tuple]:
    return list(ws.iter_rows(values_only=True))


def test_xlsx_has_summary_and_one_sheet_per_section(tmp_path: Path) -> None:
    out = render_xlsx(sample_document(), tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["概览", "一、服务概况", "二、巡检情况", "三、故障情况",
                             "四、存在问题与下期计划"]
    summary = _rows(wb["概览"])
    assert summary[0][0] == "北京市司法局 运维服务月报"
    assert ("合同编号", "BJSFJ-2024-017", None, None) in summary
    assert tuple(KPI_HEADER) in summary
    assert ("巡检完成率", "100%", "98.3%", "未达标") in summary
    assert ("故障总数", 3, None, None) in summary  # headline figures stay numbers


def test_xlsx_tables_are_typed_safe_frozen_and_highlighted(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(render_xlsx(sample_document(), tmp_path / "r.xlsx"))
    ws = wb["二、巡检情况"]
    rows = _rows(ws)
    header_at = rows.index(tuple(INSPECTION_HEADER)) + 1
    assert ws.freeze_panes == f"A{header_at + 1}"
    assert ws.auto_filter.ref.startswith(f"A{header_at}:G")
    assert ws.print_title_rows == f"${header_at}:${header_at}"  # header repeats when printed
    first = ws.cell(row=header_at + 1, column=2)
    assert isinstance(first.value, datetime) and first.number_format == "yyyy-mm-dd"
    assert ws.cell(row=header_at + 1, column=1).fill.fgColor.rgb.endswith("FDE2E2")  # 1 fault
    assert not ws.cell(row=header_at + 2, column=1).fill.fgColor.rgb.endswith("FDE2E2")
    faults = wb["三、故障情况"]
    frows = _rows(faults)
    i = frows.index(tuple(INCIDENT_HEADER))
    # Aware UTC instant written as the local (Beijing) wall-clock time.
    assert frows[i + 2][1] == datetime(2026, 11, 12, 14, 40)
    assert len(faults._charts) == 1


def test_xlsx_formula_text_stays_text(tmp_path: Path) -> None:
    doc = sample_document(inspection_rows=2)
    doc.blocks.append(Table(["备注"], [["=HYPERLINK(\"http://x\")"], ["bad\x1bchar"]]))
    wb = openpyxl.load_workbook(render_xlsx(doc, tmp_path / "r.xlsx"))
    values = [c.value for row in wb["四、存在问题与下期计划"].iter_rows() for c in row]
    cell = next(c for row in wb["四、存在问题与下期计划"].iter_rows() for c in row
                if c.value == "=HYPERLINK(\"http://x\")")
    assert cell.data_type == "s"
    assert "bad\ufffdchar" in values


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    a = sheet_name("一、服务[概况]: 2026/11 *?\\", taken)
    assert not set("[]:*?/\\") & set(a)
    long = sheet_name("很长的章节标题" * 10, taken)
    again = sheet_name("很长的章节标题" * 10, taken)
    assert len(long) <= 31 and len(again) <= 31 and long != again and again.endswith("(2)")


def test_xlsx_duplicate_section_titles_get_distinct_sheets(tmp_path: Path) -> None:
    doc = sample_document(inspection_rows=2)
    doc.blocks += [Heading("一、服务概况"), Table(["a"], [[1]])]
    wb = openpyxl.load_workbook(render_xlsx(doc, tmp_path / "r.xlsx"))
    assert "一、服务概况(2)" in wb.sheetnames


def test_docx_headings_tables_and_signoff(tmp_path: Path) -> None:
    out = render_docx(sample_document(), tmp_path / "r.docx")
    d = docx.Document(str(out))
    headings = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "二、巡检情况") in headings
    assert ("Heading 2", "3.1 故障明细") in headings
    texts = [p.text for p in d.paragraphs]
    assert "北京市司法局 运维服务月报" in texts
    tables = {tuple(c.text for c in t.rows[0].cells): t for t in d.tables}
    inspections = tables[tuple(INSPECTION_HEADER)]
    assert len(inspections.rows) == 91
    header_tr = inspections._tbl.tr_lst[0]
    assert header_tr.trPr is not None and header_tr.trPr.find(qn("w:tblHeader")) is not None
    kpi = tables[tuple(KPI_HEADER)]
    shd = kpi._tbl.tr_lst[2].tc_lst[0].tcPr.find(qn("w:shd"))
    assert shd.get(qn("w:fill")) == "FDE2E2"  # the unmet KPI row
    assert tables[tuple(INCIDENT_HEADER)].rows[2].cells[1].text == "2026-11-12 14:40"
    signoff = next(t for t in d.tables if t.rows[0].cells[0].text.startswith("甲方（盖章）"))
    assert "北京某某信息技术有限公司" in signoff.rows[0].cells[1].text
    # Three charts became pictures.
    assert len(d.inline_shapes) == 3


def test_docx_contents_field_and_east_asian_font(tmp_path: Path) -> None:
    d = docx.Document(str(render_docx(sample_document(), tmp_path / "r.docx")))
    body = d.element.body.xml
    assert 'TOC \\o "1-2"' in body
    rfonts = d.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsia")) == "Microsoft YaHei"
    plain = docx.Document(str(render_docx(sample_document(with_contents=False),
                                          tmp_path / "n.docx")))
    assert "TOC \\o" not in plain.element.body.xml


@pytest.mark.parametrize("render", [render_xlsx, render_docx])
def test_cancel_leaves_no_file(tmp_path: Path, render) -> None:
    out = tmp_path / "r.out"

    def cancel(done: int, total: int) -> None:
        if done > 0:
            raise RenderCancelled

    with pytest.raises(RenderCancelled):
        render(sample_document(), out, progress=cancel)
    assert list(tmp_path.iterdir()) == []


def test_cover_facts_do_not_repeat_what_the_cover_names() -> None:
    from app.reports.render.fonts import cover_facts

    doc = sample_document(inspection_rows=1)
    keys = [k for k, _ in cover_facts(doc)]
    assert keys == ["合同名称", "合同编号", "甲方", "乙方", "报告期", "生成日期"]
    doc.cover = [("甲方", doc.client), ("乙方", doc.provider), ("报告期", doc.period_label),
                 ("编制日期", "2026-12-01")]
    assert cover_facts(doc) == [(k, str(v)) for k, v in doc.cover]


def test_all_renderers_accept_empty_tables_and_charts(tmp_path: Path) -> None:
    """A quiet period (no incidents, no data for a chart) still renders in every format."""

    from app.reports.compose.document import Chart, KeyValues, ReportDocument, SignOff
    from app.reports.render.pdf import render_pdf

    doc = ReportDocument("空报告", "", "2026年11月", "甲", "乙", datetime(2026, 12, 1, tzinfo=UTC),
                         blocks=[Heading("一、概况"), Table(["故障单号", "标题"], []), Table([], []),
                                 Table([], [[1, 2]]), Chart("空", "bar", [], {}),
                                 Chart("缺值", "line", ["a", "b"], {"x": [None, 1.0]}),
                                 Chart("饼", "pie", ["a"], {"x": [0.0]}), KeyValues([]),
                                 Heading("二、签字"), SignOff("甲", "乙")], with_contents=True)
    for render, ext in ((render_pdf, "pdf"), (render_xlsx, "xlsx"), (render_docx, "docx")):
        out = render(doc, tmp_path / f"r.{ext}")
        assert out.stat().st_size > 0
    assert openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames == ["概览", "一、概况", "二、签字"]


def test_docx_record_numbers_and_dates_do_not_break_at_their_hyphens(tmp_path: Path) -> None:

    import docx

    from app.reports.compose.document import ReportDocument
    from app.reports.render.docx import render_docx

    doc = ReportDocument("报告", "", "2026年11月", "甲", "乙", datetime(2026, 12, 1, tzinfo=UTC),
                         blocks=[Table(["故障单号", "发生时间"], [["INC-2026-0006", "2026-11-10 16:55"]])])
    d = docx.Document(str(render_docx(doc, tmp_path / "r.docx")))
    cell = d.tables[-1].rows[1].cells[0]
    xml = cell._tc.xml
    assert xml.count("noBreakHyphen") == 2 and "INC" in xml and "0006" in xml
    assert d.tables[-1].rows[1].cells[1]._tc.xml.count("noBreakHyphen") == 2
