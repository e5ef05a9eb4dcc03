"""Reports page: export a monthly report through the GUI (worker + progress dialog), cancel an
export, save the narrative, preview."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from app.store.models import AuditEvent, ReportNarrative, ReportRecord
from app.ui.context import AppContext, ChangeBus


@pytest.fixture
def page(qtbot, db, pinggu, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.ui.pages.reports import ReportsPage

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(str(a[2:])))
    ctx = AppContext(db=db, contract_id=pinggu.id, engineer="张工", bus=ChangeBus())
    p = ReportsPage(ctx)
    qtbot.addWidget(p)
    p.folder.setText(str(tmp_path / "out"))
    p.kind.setCurrentIndex(p.kind.findData("monthly"))
    assert p.current_period() is not None  # the default: last complete month
    p.warnings = warnings
    yield p
    qtbot.waitUntil(lambda: p.export_task is None, timeout=30000)


def test_default_period_is_last_complete_one(qtbot, db, pinggu, monkeypatch) -> None:
    from datetime import date

    import app.ui.pages.reports.page as reports_page

    monkeypatch.setattr(reports_page, "local_today", lambda: date(2026, 11, 21))
    page = reports_page.ReportsPage(AppContext(db=db, contract_id=pinggu.id, engineer="x",
                                               bus=ChangeBus()))
    qtbot.addWidget(page)
    page.kind.setCurrentIndex(page.kind.findData("monthly"))
    assert page.current_period().key == "2026-10"
    keys = [page.period.itemData(i).key for i in range(page.period.count())]
    # The month in progress first, then earlier months within the term (from May 2026).
    assert keys == ["2026-11", "2026-10", "2026-09", "2026-08", "2026-07", "2026-06", "2026-05"]
    page.kind.setCurrentIndex(page.kind.findData("weekly"))
    assert page.current_period().key == "2026-W46"


def test_export_monthly_pdf_writes_file_and_record(qtbot, page, db) -> None:
    emitted: list[tuple] = []
    page.ctx.bus.changed.connect(emitted.append)
    period = page.current_period()
    page.export_buttons["pdf"].click()
    assert page.progress_dialog is not None
    qtbot.waitUntil(lambda: page.export_task is None, timeout=30000)
    assert page.warnings == []
    out = page.last_export
    assert out is not None and out.exists() and out.read_bytes().startswith(b"%PDF")
    assert out.parent == Path(page.folder.text())
    with db.session() as s:
        recs = list(s.scalars(select(ReportRecord)))
        assert len(recs) == 1
        assert (recs[0].kind, recs[0].period_key, recs[0].format) == ("monthly", period.key, "pdf")
        assert recs[0].exported_by == "张工" and Path(recs[0].path) == out
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "report.export")).first()
    assert ("report",) in emitted
    # The exported list shows it.
    assert page.history.rowCount() == 1
    assert page.history.item(0, 4).text() == "PDF"
    assert page.history.item(0, 5).text() == recs[0].sha256[:12]
    assert page.open_file_button.isEnabled()
    # A second export does not overwrite the first (its record keeps that file's hash).
    page.export_buttons["pdf"].click()
    qtbot.waitUntil(lambda: page.export_task is None, timeout=30000)
    assert page.last_export != out and out.exists() and page.last_export.exists()
    assert page.history.rowCount() == 2


def test_cancel_export_leaves_no_file_and_no_record(qtbot, page, db, monkeypatch) -> None:
    from app.reports import service

    release = threading.Event()
    real_build = service.build_report_data

    def slow_build(*args, **kwargs):
        release.wait(10)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(service, "build_report_data", slow_build)
    out = page.output_path("xlsx")
    page.export_buttons["xlsx"].click()
    from PySide6.QtWidgets import QPushButton

    # The user presses Cancel while the report is being built.
    page.progress_dialog.findChild(QPushButton).click()
    release.set()
    qtbot.waitUntil(lambda: page.export_task is None, timeout=30000)
    assert not out.exists()
    assert not out.parent.exists() or list(out.parent.iterdir()) == []
    with db.session() as s:
        assert s.scalars(select(ReportRecord)).first() is None
    assert page.warnings == []
    assert page.export_buttons["xlsx"].isEnabled()


def test_narrative_saved_and_exported(qtbot, page, db) -> None:
    page.summary.setPlainText("本月系统运行平稳，完成机房巡检。")
    page.plan.setPlainText("下月完成交换机固件升级。")
    page.export_buttons["docx"].click()  # unsaved edits are saved before the export
    qtbot.waitUntil(lambda: page.export_task is None, timeout=30000)
    with db.session() as s:
        n = s.scalars(select(ReportNarrative)).one()
        assert n.summary == "本月系统运行平稳，完成机房巡检。" and n.plan == "下月完成交换机固件升级。"
    import docx

    text = "\n".join(p.text for p in docx.Document(str(page.last_export)).paragraphs)
    assert "本月系统运行平稳，完成机房巡检。" in text
    # Switching away and back reloads the saved text.
    page.period.setCurrentIndex((page.period.currentIndex() + 1) % page.period.count())
    page.period.setCurrentIndex(page.period.findText(page.period.itemText(
        page.period.currentIndex())))
    assert not page.narrative_dirty()


def test_preview_shows_the_composed_report(qtbot, page) -> None:
    page.preview()
    qtbot.waitUntil(lambda: "月" in page.preview_status.text() and "…" not in
                    page.preview_status.text(), timeout=30000)
    if page.preview_stack.currentWidget() is page.browser:  # no QtPdf: rich-text preview
        text = page.browser.toPlainText()
    else:  # QtPdf: the rendered PDF's own pages are shown
        from pypdf import PdfReader

        assert page.pdf_doc.pageCount() >= 2
        text = "".join(p.extract_text() for p in PdfReader(str(page._preview_file)).pages)
    assert page.current_period().start.isoformat() in text
    assert "甲方（盖章）" in text


def test_a_kind_the_profile_defines_is_offered_and_exported(qtbot, db, tmp_path, monkeypatch) -> None:
    """The imagined profile defines 安全周报 (``weekly-security``): the page offers it under its
    title, its weeks, and exports it with its own two sections."""
    from datetime import date

    import docx

    import app.ui.pages.reports.page as reports_page
    from app.services.contract.profiles import import_profile, load_profile_file

    with db.session() as s:
        c = import_profile(s, load_profile_file(Path(__file__).resolve().parents[1] / "fixtures" / "profiles"
                                                / "imagined-v2.yaml"), actor="t")
        cid = c.id
    monkeypatch.setattr(reports_page, "local_today", lambda: date(2026, 7, 20))
    page = reports_page.ReportsPage(AppContext(db=db, contract_id=cid, engineer="张工", bus=ChangeBus()))
    qtbot.addWidget(page)
    page.folder.setText(str(tmp_path / "out"))
    i = page.kind.findData("weekly-security")
    assert i >= 0 and page.kind.itemText(i) == "安全周报"
    page.kind.setCurrentIndex(i)
    assert page.current_period().key == "2026-W29"
    page.export_buttons["docx"].click()
    qtbot.waitUntil(lambda: page.export_task is None, timeout=30000)
    out = page.last_export
    assert out is not None and out.suffix == ".docx"
    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name.startswith("Heading 1")]
    assert headings[:2] == ["一、故障", "二、考核指标"]
    with db.session() as s:
        [rec] = s.scalars(select(ReportRecord)).all()
        assert (rec.kind, rec.period_key, rec.format) == ("weekly-security", "2026-W29", "docx")
    assert page.history.item(0, 2).text() == "安全周报"  # the exported list names it by its title
