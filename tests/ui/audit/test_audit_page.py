"""The 审计日志 page, driven through its widgets: filter, verify the chain, export."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.services import audit
from app.store.models import AuditEvent


def _audit_page(qtbot: Any, main_window: Any) -> Any:
    with main_window.ctx.db.session() as s:
        audit.record(s, actor="王建国", action="incident.close", entity_kind="incident", entity_id="INC-1",
                     summary="INC-2026-0001 closed", details={"status": ["restored", "closed"]})
        audit.record(s, actor="李晓明", action="inspection.answer", entity_kind="inspection_result",
                     summary="INS-2026-0001 机房温度", details={"value": [23.5, 31.0]})
    page = main_window.show_page("audit")
    page.refresh()
    return page


def test_filters_narrow_the_list_in_sql(qtbot: Any, main_window: Any) -> None:
    page = _audit_page(qtbot, main_window)
    total = page.model.total
    assert total >= 3 and page.model.rowCount() == total
    assert page.model.row_at(0).action == "inspection.answer"  # newest first (by seq)
    page.kind.setCurrentIndex(page.kind.findData("incident"))
    assert [page.model.row_at(r).action for r in range(page.model.rowCount())] == ["incident.close"]
    page.kind.setCurrentIndex(0)
    page.actor.setCurrentIndex(page.actor.findData("李晓明"))
    assert {page.model.row_at(r).actor for r in range(page.model.rowCount())} == {"李晓明"}
    page.actor.setCurrentIndex(0)
    qtbot.keyClicks(page.text, "INS-2026")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.frame.table.selectRow(0)
    assert "31.0" in page.details.toPlainText() and "SHA-256" in page.details.toPlainText()
    page.text.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == total)
    page.use_period.setChecked(True)  # last 30 days: today's events stay
    assert page.model.rowCount() == total
    page.start.setDate(page.end.date().addDays(1))
    page.end.setDate(page.end.date().addDays(2))
    assert page.model.rowCount() == 0


@pytest.mark.sqlite_only  # tampers with the file through sqlite3
def test_verify_button_shows_the_result_sentence(qtbot: Any, main_window: Any) -> None:
    page = _audit_page(qtbot, main_window)
    qtbot.mouseClick(page.verify_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "审计链完整" in page.result.text())
    con = sqlite3.connect(main_window.ctx.db.file)
    with con:
        con.execute("UPDATE audit_event SET actor = '王五' WHERE seq = 2")
    con.close()
    qtbot.mouseClick(page.verify_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result.text() == "审计链在第 2 条断开：被修改")
    assert page.verify_btn.isEnabled()


def test_export_writes_the_filtered_events_and_is_audited(qtbot: Any, main_window: Any, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    page = _audit_page(qtbot, main_window)
    page.kind.setCurrentIndex(page.kind.findData("inspection"))
    out = tmp_path / "audit.xlsx"
    monkeypatch.setattr("app.ui.pages.audit.audit_page.ask_export_path", lambda *_a: out)
    qtbot.mouseClick(page.export_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.export_btn.isEnabled() and bool(page.result.text()))
    rows = list(openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "序号" and [r[4] for r in rows[1:]] == ["填写巡检项"]  # labels, not codes
    assert rows[1][5].startswith("巡检结果") and rows[1][8] == "已完成"
    assert "1" in page.result.text()
    with main_window.ctx.db.session() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "export.audit_trail")).one()
        assert ev.details["rows"] == 1


def test_the_chinese_page_shows_labels_never_action_codes(qtbot: Any, main_window: Any) -> None:
    page = _audit_page(qtbot, main_window)
    model = page.model
    shown = {model.data(model.index(r, c)) for r in range(model.rowCount()) for c in (3, 4)}
    assert {"关闭故障", "填写巡检项", "已完成"} <= shown
    assert not [t for t in shown if t and any("a" <= ch.lower() <= "z" for ch in t)]
    kinds = {page.kind.itemText(i): page.kind.itemData(i) for i in range(1, page.kind.count())}  # 0: 全部 (Qt tr)
    assert kinds["故障"] == "incident" and kinds["巡检"] == "inspection"
    assert not [t for t in kinds if any("a" <= ch.lower() <= "z" for ch in t)]
    page.text.insert("填写巡检")  # a label finds its action (QTest cannot type CJK; an IME inserts it)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).action == "inspection.answer"
    page.frame.table.selectRow(0)
    text = page.details.toPlainText()
    assert "李晓明 · 填写巡检项 · 已完成" in text and "巡检结果" in text and "inspection.answer" not in text
