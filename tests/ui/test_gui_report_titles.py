"""The reports page names each kind as the contract's profile titles it (Pinggu: ``monthly`` is
运维月报, ``annual`` 年度维护工作报告), the same title the exported document carries; a kind the
profile does not title keeps its generic name (周报)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pypdf import PdfReader

from app.ui.context import AppContext, ChangeBus


def test_the_combo_the_preview_and_the_pdf_use_the_profiles_title(qtbot: Any, db: Any, pinggu: Any, tmp_path: Any,
                                                                   monkeypatch: Any) -> None:
    import app.ui.pages.reports.page as reports_page

    monkeypatch.setattr(reports_page, "local_today", lambda: date(2026, 7, 20))
    page = reports_page.ReportsPage(AppContext(db=db, contract_id=pinggu.id, engineer="张工", bus=ChangeBus()))
    qtbot.addWidget(page)
    names = {page.kind.itemData(i): page.kind.itemText(i) for i in range(page.kind.count())}
    assert names["monthly"] == "运维月报" and names["annual"] == "年度维护工作报告"
    assert names["requirements"] == "月度需求文档" and names["weekly"] == "周报"
    page.kind.setCurrentIndex(page.kind.findData("monthly"))
    page.kind.setFocus()
    assert page.kind.currentText() == "运维月报"
    page.preview()
    qtbot.waitUntil(lambda: "月" in page.preview_status.text() and "…" not in page.preview_status.text(),
                    timeout=30000)
    assert page.preview_status.text().startswith("北京市平谷区人民法院 运维月报")
    page.folder.setText(str(tmp_path / "out"))
    page.export_buttons["pdf"].click()
    qtbot.waitUntil(lambda: page.export_task is None, timeout=30000)
    first = PdfReader(str(page.last_export)).pages[0].extract_text()
    assert "北京市平谷区人民法院 运维月报" in first.replace("\n", " ")
    assert page.history.item(0, 2).text() == "运维月报"
