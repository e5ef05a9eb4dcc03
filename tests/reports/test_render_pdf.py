"""PDF renderer: Chinese text extractable, font embedded, long tables repeat their header,
highlighted rows, cancellation leaves no file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from app.reports.compose.document import Table
from app.reports.render.fonts import RenderCancelled
from app.reports.render.pdf import render_pdf
from tests.reports.sample_document import INSPECTION_HEADER, sample_document


def _pages_text(path: Path) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(str(path)).pages]


def test_pdf_holds_chinese_headings_figures_and_signoff(tmp_path: Path) -> None:
    out = render_pdf(sample_document(), tmp_path / "月报.pdf")
    assert out == tmp_path / "月报.pdf" and out.exists()
    text = "\n".join(_pages_text(out))
    for expected in ("北京市司法局 运维服务月报", "一、服务概况", "二、巡检情况", "三、故障情况",
                     "绩效考核指标", "99.62%", "INC-2026-0032", "甲方（盖章）", "乙方（盖章）",
                     "2026年11月", "第 3 页"):
        assert expected in text, expected
    # Aware datetimes are shown in Beijing time: 06:40 UTC -> 14:40.
    assert "2026-11-12 14:40" in text


def test_pdf_embeds_the_chinese_font(tmp_path: Path) -> None:
    out = render_pdf(sample_document(inspection_rows=5), tmp_path / "r.pdf")
    reader = PdfReader(str(out))
    embedded = []
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            if "WenQuanYi" in str(font.get("/BaseFont")):
                desc = font["/FontDescriptor"].get_object()
                embedded.append("/FontFile2" in desc)
    assert embedded and all(embedded)
    # No text is set in a font that is not embedded (reportlab lists Helvetica but must not use it).
    for page in reader.pages:
        content = page.get_contents().get_data()
        fonts = page["/Resources"].get_object().get("/Font", {})
        for name, ref in fonts.items():
            if "WenQuanYi" not in str(ref.get_object().get("/BaseFont")):
                assert f"{name} ".encode() not in content, name


def test_contents_page_lists_sections_with_page_numbers(tmp_path: Path) -> None:
    out = render_pdf(sample_document(), tmp_path / "r.pdf")
    contents = _pages_text(out)[1]
    assert "目" in contents and "三、故障情况" in contents and "3.1 故障明细" in contents
    without = render_pdf(sample_document(with_contents=False), tmp_path / "n.pdf")
    assert "目　录" not in _pages_text(without)[1]


def test_long_table_repeats_header_on_following_pages(tmp_path: Path) -> None:
    out = render_pdf(sample_document(inspection_rows=200), tmp_path / "r.pdf")
    pages = _pages_text(out)
    with_rows = [p for p in pages if "INS-2026-0" in p]
    assert len(with_rows) >= 3
    for page in with_rows:
        assert INSPECTION_HEADER[0] in page and INSPECTION_HEADER[-1] in page
    assert "INS-2026-0200" in pages[-1] or any("INS-2026-0200" in p for p in pages)


def test_long_cell_text_wraps_inside_its_column(tmp_path: Path) -> None:
    doc = sample_document(inspection_rows=1, with_contents=False)
    long_text = "机房巡检发现精密空调告警" * 12
    doc.blocks.append(Table(["编号", "说明"], [["X-1", long_text]], col_widths=[1, 4]))
    out = render_pdf(doc, tmp_path / "r.pdf")
    text = "".join(_pages_text(out)).replace("\n", "")
    assert long_text in text  # all of it is there, nothing clipped off the page


def test_cancel_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if len(calls) > 2:
            raise RenderCancelled

    with pytest.raises(RenderCancelled):
        render_pdf(sample_document(inspection_rows=300), out, progress=progress)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_progress_runs_to_completion(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    render_pdf(sample_document(), tmp_path / "r.pdf", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1]
    fractions = [d / t for d, t in seen]
    assert fractions == sorted(fractions)


def test_failed_render_keeps_the_previous_file(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")

    def boom(done: int, total: int) -> None:
        raise RenderCancelled

    with pytest.raises(RenderCancelled):
        render_pdf(sample_document(), out, progress=boom)
    assert out.read_bytes() == b"old"


def test_huge_cell_and_paragraph_do_not_break_layout(tmp_path: Path) -> None:
    from app.reports.compose.document import Paragraph

    doc = sample_document(inspection_rows=2, with_contents=False)
    doc.blocks.append(Table(["编号", "说明"], [["X-1", "很长的故障描述，" * 800]]))
    doc.blocks.append(Paragraph("段落" * 6000))
    out = render_pdf(doc, tmp_path / "r.pdf")
    text = "".join(_pages_text(out))
    assert "共 6400 字，全文见 Excel 导出" in text


def test_degree_celsius_is_kept_as_typed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """℃ reaches the PDF as typed (the bundled font draws it: see test_glyphs.py for the pixels),
    never swapped for °C or dropped."""
    from pypdf import PdfReader

    from app.core.timeutil import utcnow
    from app.reports.compose.document import Paragraph, ReportDocument
    from app.reports.render.pdf import render_pdf

    doc = ReportDocument(title="机房巡检", subtitle="", period_label="2026年11月", client="甲方",
                         provider="乙方", generated_at=utcnow(),
                         blocks=[Paragraph("机房温度 35℃，超出 18–27℃")])
    out = render_pdf(doc, tmp_path / "t.pdf")
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "35℃" in text and "18–27℃" in text
    assert "°C" not in text


def test_percentage_axis_never_passes_100() -> None:
    from app.reports.compose.document import Chart
    from app.reports.render.charts import _value_range

    assert _value_range(Chart("可用率", "bar", ["a", "b"], {"x": [100.0, 0.0]}, unit="%")) == (0.0, 100.0)
    assert _value_range(Chart("可用率", "bar", ["a", "b"], {"x": [99.0, 97.5]}, unit="%")) == (95.0, 100.0)
    assert _value_range(Chart("故障", "bar", ["a"], {"x": [3.0]}, unit="起"))[1] >= 3.0


def test_record_numbers_and_dates_never_wrap_mid_token() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.reports.compose.document import Table
    from app.reports.render.fonts import FONT_NAME
    from app.reports.render.pdf import column_widths

    t = Table(["故障单号", "发生时间", "原因", "处理结果"],
              [["INC-2026-0006", "2026-11-10 16:55", "网络：核心交换机光模块故障导致链路抖动" * 3, "更换光模块" * 5]],
              col_widths=[1, 1, 5, 5])
    widths = column_widths(t, 400, 9, 8)
    assert sum(widths) == pytest.approx(400)
    assert widths[0] >= stringWidth("INC-2026-0006", FONT_NAME, 9) + 8
    assert widths[1] >= stringWidth("2026-11-10", FONT_NAME, 9) + 8


def test_wrapped_titles_never_orphan_one_character() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.reports.render.fonts import FONT_NAME
    from app.reports.render.pdf import balanced

    title = "北京市平谷区人民法院信息化运维维护年度维护工作报告"  # 25 characters
    width = stringWidth(title[:24], FONT_NAME, 26) + 1  # greedy wrapping would leave "告" alone
    lines = balanced(title, 26, width).split("<br/>")
    assert "".join(lines) == title and len(lines) == 2
    assert min(len(x) for x in lines) >= len(title) // 2 - 1
    assert balanced("短标题", 26, 400) == "短标题"


def test_a_row_taller_than_the_rest_of_the_page_moves_on_with_one_aligned_header(tmp_path: Path) -> None:
    """A split table's rest is not split again inside its first row at the foot of the same page:
    every page shows the header once, above the rows, at the same place as on the first page."""
    doc = sample_document(inspection_rows=1, with_contents=False)
    tall = "\n".join(f"第{n}行处理记录：更换电源模块并复测" for n in range(1, 11))
    rows = [[f"ROW-{i:03d}", tall if i % 2 else "正常", "已关闭"] for i in range(1, 41)]
    doc.blocks = [Table(["HDR编号", "HDR说明", "HDR状态"], rows, col_widths=[1, 4, 1])]
    out = render_pdf(doc, tmp_path / "r.pdf")
    headers_at: list[tuple[int, float, float]] = []
    rows_at: dict[int, list[float]] = {}
    for n, page in enumerate(PdfReader(str(out)).pages):
        def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object, n: int = n) -> None:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]  # text space → page space
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if text.startswith("HDR编号"):
                headers_at.append((n, x, y))
            elif text.startswith("ROW-"):
                rows_at.setdefault(n, []).append(y)
        page.extract_text(visitor_text=visit)
    assert len(rows_at) >= 4  # the table spans several pages
    pages_with_header = [n for n, _x, _y in headers_at]
    assert sorted(pages_with_header) == sorted(set(pages_with_header)), "a header repeated within a page"
    assert set(pages_with_header) == set(rows_at), "a page of rows without its header"
    assert len({round(x, 1) for _n, x, _y in headers_at}) == 1, "a repeated header is not aligned"
    for n, _x, y in headers_at:
        assert y > max(rows_at[n]), "the header is not above the page's rows"
