"""The GUI does what the CLI does (issue #8.7, #8.8): inspection-log export from the 巡检 page,
contract-year reports, the menu bar (Quit, About, shortcuts), severity from the profile, leaving a
page with unsaved edits, and the first start's 启用日期."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from app import __version__, settings
from app.store.models import AuditEvent, Contract, Incident, ReportRecord
from tests.ui.gui_helpers import ENGINEER, accept_dialog

DAY = date(2026, 6, 1)  # a Monday inside the Pinggu term
SANMENXIA_START = date(2023, 12, 20)


def _inspect_machine_room(qtbot: Any, win: Any, temperature: str) -> Any:
    today = win.show_page("today")
    today.set_day(DAY)
    assert today.select_slot("machine-room-daily", "09:30") >= 0
    today.table.setFocus()
    qtbot.keyClick(today.table, Qt.Key.Key_Return)
    runner = win.runner
    assert runner.current().text == "机房温度"
    qtbot.keyClicks(runner.answer, temperature)
    qtbot.keyClick(runner.answer, Qt.Key.Key_Return)
    return runner


# -- Ctrl+I: the severity the profile gives ------------------------------------------------------
def test_ctrl_i_on_machine_room_reading_proposes_p1_from_the_profile(
    qtbot: Any, main_window: Any, gui_ctx: Any, monkeypatch: Any
) -> None:
    from app.ui.pages.inspection.incident_dialog import IncidentFromResultDialog

    seen = accept_dialog(monkeypatch, IncidentFromResultDialog)  # the engineer accepts the proposal
    runner = _inspect_machine_room(qtbot, main_window, "35")
    assert runner.model.row(0).outcome == "abnormal"
    qtbot.keyClick(runner.answer, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1 and seen[0].severity.currentData() == "P1"
    with gui_ctx.db.session() as s:
        inc = s.scalars(select(Incident)).one()
        assert inc.severity == "P1" and inc.source == "inspection"


def test_ctrl_i_without_a_profile_rule_proposes_the_least_severe_level(
    qtbot: Any, main_window: Any, gui_ctx: Any, monkeypatch: Any
) -> None:
    from app.ui.pages.inspection.incident_dialog import IncidentFromResultDialog

    seen = accept_dialog(monkeypatch, IncidentFromResultDialog)
    today = main_window.show_page("today")
    today.set_day(DAY)
    assert today.select_slot("app-twice-daily", "09:00") >= 0
    today.table.setFocus()
    qtbot.keyClick(today.table, Qt.Key.Key_Return)
    runner = main_window.runner
    qtbot.keyClicks(runner.answer, "2")  # the first check: abnormal
    runner.select_row(0)
    qtbot.keyClick(runner.answer, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert seen and seen[0].severity.currentData() == "P3"
    with gui_ctx.db.session() as s:
        assert s.scalars(select(Incident.severity)).one() == "P3"


# -- 巡检 page: export the week's inspection log ---------------------------------------------------
def test_export_the_weeks_inspection_log_from_the_inspections_page(
    qtbot: Any, main_window: Any, gui_ctx: Any, tmp_path: Path, no_modals: Any
) -> None:
    import openpyxl

    runner = _inspect_machine_room(qtbot, main_window, "22")
    qtbot.keyClick(runner.answer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # finish
    page = main_window.show_page("inspections")
    box = page.log_export
    box.set_range(DAY, date(2026, 6, 7))
    box.folder.clear()
    qtbot.keyClicks(box.folder, str(tmp_path / "exports"))
    qtbot.mouseClick(box.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.busy, timeout=30000)
    path = box.last_path
    assert path is not None and path.exists() and path.parent == tmp_path / "exports"
    assert path.name.startswith("pinggu-court-2026-inspections-2026-06-01_2026-06-07")
    wb = openpyxl.load_workbook(path)
    assert "巡检明细" in wb.sheetnames
    detail = wb["巡检明细"]
    numbers = {row[0].value for row in detail.iter_rows(min_row=2) if row[0].value}
    assert len(numbers) == 1 and next(iter(numbers)).startswith("INS-2026-")
    assert str(path) in box.message.text()
    with gui_ctx.db.session() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "export.inspection_log")).one()
        assert ev.actor == ENGINEER


def test_inspection_log_export_explains_a_backwards_range(qtbot: Any, main_window: Any, tmp_path: Path) -> None:
    box = main_window.show_page("inspections").log_export
    box.folder.setText(str(tmp_path / "out"))
    box.start.setDate(QDate(2026, 6, 7))
    box.end.setDate(QDate(2026, 6, 1))
    qtbot.mouseClick(box.export_button, Qt.MouseButton.LeftButton)
    assert "2026-06-01" in box.message.text() and "2026-06-07" in box.message.text()
    assert not (tmp_path / "out").exists()


def test_file_menu_opens_the_log_export(qtbot: Any, main_window: Any) -> None:
    main_window.menus.actions["export_log"].trigger()
    assert main_window.current_key() == "inspections"


# -- reports: contract years ---------------------------------------------------------------------
@pytest.fixture
def reports_page(qtbot: Any, main_window: Any, monkeypatch: Any, tmp_path: Path) -> Any:
    import app.ui.pages.reports.page as page_mod

    monkeypatch.setattr(page_mod, "local_today", lambda: date(2026, 12, 1))  # first contract year
    page = main_window.show_page("reports")
    page.folder.setText(str(tmp_path / "reports"))
    return page


def test_first_contract_year_offers_cy1_and_exports_the_annual_pdf(qtbot: Any, reports_page: Any, gui_ctx: Any) -> None:
    page = reports_page
    page.kind.setCurrentIndex(page.kind.findData("annual"))
    keys = [page.period.itemData(i).key for i in range(page.period.count())]
    assert keys == ["CY1", "2026"]  # the profile's convention (contract year) first, then the calendar year
    assert page.current_period().key == "CY1"  # nothing complete yet: the year in progress
    assert not page.period_note.isVisible() or not page.period_note.text()
    qtbot.mouseClick(page.export_buttons["pdf"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.export_task is None, timeout=60000)
    out = page.last_export
    assert out is not None and out.exists() and out.read_bytes().startswith(b"%PDF")
    with gui_ctx.db.session() as s:
        rec = s.scalars(select(ReportRecord)).one()
        assert (rec.kind, rec.period_key, rec.format) == ("annual", "CY1", "pdf")
        assert rec.period_start == date(2026, 5, 1) and rec.period_end == date(2027, 4, 30)
    page.kind.setCurrentIndex(page.kind.findData("quarterly"))
    keys = [page.period.itemData(i).key for i in range(page.period.count())]
    assert keys[:3] == ["CY1-Q3", "CY1-Q2", "CY1-Q1"] and "2026-Q4" in keys and "2026-Q2" in keys


def test_no_period_yet_is_explained_not_a_dead_button(qtbot: Any, reports_page: Any, monkeypatch: Any,
                                                      tmp_path: Path) -> None:
    import app.ui.pages.reports.page as page_mod

    monkeypatch.setattr(page_mod, "local_today", lambda: date(2026, 4, 1))  # before the term begins
    page = reports_page
    page.kind.setCurrentIndex(page.kind.findData("annual"))
    assert page.period.count() == 0
    assert "2026-05-01" in page.period_note.text()
    qtbot.mouseClick(page.export_buttons["pdf"], Qt.MouseButton.LeftButton)
    assert page.export_task is None and "2026-05-01" in page.export_message.text()
    assert not (tmp_path / "reports").exists() or list((tmp_path / "reports").iterdir()) == []


# -- menu bar ------------------------------------------------------------------------------------
def test_menu_bar_has_file_view_help(main_window: Any) -> None:
    titles = [a.text().replace("&", "") for a in main_window.menuBar().actions()]
    assert titles in (["File", "View", "Help"], ["文件(F)", "视图(V)", "帮助(H)"])  # Chinese menus show the mnemonic in brackets
    view = main_window.menus.actions
    assert view["page_overview"].shortcut().toString() == "Ctrl+1"  # 总览 first, the rest one further
    assert view["page_reports"].shortcut().toString() == "Ctrl+8"
    assert main_window.nav.item(7).data(Qt.ItemDataRole.UserRole + 1) == "Ctrl+8"


def test_ctrl_q_quits(qtbot: Any, main_window: Any) -> None:
    assert main_window.isVisible()
    main_window.activateWindow()
    qtbot.keyClick(main_window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not main_window.isVisible())


def test_quit_menu_asks_when_the_narrative_is_unsaved(qtbot: Any, main_window: Any, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or answer[0])
    page = main_window.show_page("reports")
    qtbot.keyClicks(page.summary, "typed but not saved")
    main_window.menus.actions["quit"].trigger()
    assert len(asked) == 1 and main_window.isVisible()  # Cancel: stays open, text kept
    assert page.summary.toPlainText() == "typed but not saved"
    main_window.nav.setCurrentRow(0)  # leaving the page asks too; Cancel stays
    assert len(asked) == 2 and main_window.current_key() == "reports"
    assert main_window.nav.currentRow() == 7
    answer[0] = QMessageBox.StandardButton.Discard
    main_window.menus.actions["quit"].trigger()
    qtbot.waitUntil(lambda: not main_window.isVisible())


def test_about_shows_version_and_database_path(qtbot: Any, main_window: Any, gui_ctx: Any, monkeypatch: Any) -> None:
    from app.ui.help_dialogs import AboutDialog

    seen = accept_dialog(monkeypatch, AboutDialog)
    main_window.menus.actions["about"].trigger()
    assert len(seen) == 1
    assert __version__ in seen[0].text() and str(gui_ctx.db.file) in seen[0].text()


def test_f1_lists_the_shortcuts(qtbot: Any, main_window: Any, monkeypatch: Any) -> None:
    from app.ui.help_dialogs import ShortcutsDialog

    seen = accept_dialog(monkeypatch, ShortcutsDialog)
    main_window.activateWindow()
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    assert len(seen) == 1
    text = seen[0].text()
    for key in ("Ctrl+1", "Ctrl+9", "Ctrl+Q", "Ctrl+I", "Ctrl+Enter", "Esc"):
        assert key in text


# -- first start ---------------------------------------------------------------------------------
def test_first_start_records_the_start_of_use_and_prefills_no_engineer(qtbot: Any, db: Any) -> None:
    from app.ui.first_start import FirstStartDialog

    dlg = FirstStartDialog(db)
    qtbot.addWidget(dlg)
    for name in ("beijing-justice-bureau-2024", "sanmenxia-court-2023", "pinggu-court-2026"):
        dlg.select_profile(name)
        assert dlg.engineer_box.currentText() == ""  # never another contract's (or anyone's) name
    from PySide6.QtWidgets import QDialogButtonBox

    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dlg.result() != FirstStartDialog.DialogCode.Accepted and dlg.error_label.text()
    with db.session() as s:
        assert s.scalars(select(Contract)).first() is None
    dlg.engineer_box.setCurrentIndex(dlg.engineer_box.findText("李晓明"))
    dlg.ledger_start.setFocus()
    dlg.ledger_start.setDate(QDate(2026, 11, 16))
    dlg.load()
    assert dlg.result() == FirstStartDialog.DialogCode.Accepted
    with db.session() as s:
        c = s.scalars(select(Contract)).one()
        assert c.ledger_start == date(2026, 11, 16) and c.effective_ledger_start == date(2026, 11, 16)
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "contract.ledger_start")).one()
        assert ev.actor == "李晓明"
    assert settings.get("engineer_name") == "李晓明"


def test_first_start_refuses_a_start_of_use_after_the_term(qtbot: Any, db: Any) -> None:
    from app.ui.first_start import FirstStartDialog

    dlg = FirstStartDialog(db)
    qtbot.addWidget(dlg)
    dlg.select_profile("pinggu-court-2026")
    dlg.engineer_box.setCurrentIndex(0)
    dlg.ledger_start.setDate(QDate(2027, 5, 2))
    dlg.load()
    assert dlg.result() != FirstStartDialog.DialogCode.Accepted
    assert "2027-05-02" in dlg.error_label.text() and "2027-04-30" in dlg.error_label.text()
    with db.session() as s:
        assert s.scalars(select(Contract)).first() is None


def test_first_start_default_start_of_use_is_today_within_the_term(qtbot: Any, db: Any) -> None:
    from app.core.timeutil import local_today
    from app.ui.first_start import FirstStartDialog

    dlg = FirstStartDialog(db)
    qtbot.addWidget(dlg)
    dlg.select_profile("pinggu-court-2026")
    today = local_today()
    expected = today if date(2026, 5, 1) <= today <= date(2027, 4, 30) else date(2026, 5, 1)
    assert dlg.start_of_use() == expected
    dlg.select_profile("sanmenxia-court-2023")  # a finished term: its start (history is entered)
    assert dlg.start_of_use() == SANMENXIA_START


# -- leaving the runner with something typed -----------------------------------------------------
def test_leaving_the_runner_with_a_typed_reading_asks_and_saves(qtbot: Any, main_window: Any, gui_ctx: Any,
                                                                monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.store.models import InspectionResult

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or answers.pop(0))
    runner = _inspect_machine_room(qtbot, main_window, "22")  # 机房温度 saved; now on 湿度
    qtbot.keyClicks(runner.answer, "48")  # typed, Enter not pressed
    qtbot.keyClick(runner.answer, Qt.Key.Key_Escape)  # back to Today: asked, Cancel stays
    assert len(asked) == 1 and main_window.current_key() == "runner" and runner.answer.text() == "48"
    qtbot.keyClick(runner.answer, Qt.Key.Key_Escape)  # asked again: Save, then leaves
    assert len(asked) == 2 and main_window.current_key() == "today"
    with gui_ctx.db.session() as s:
        res = s.scalars(select(InspectionResult).where(InspectionResult.item_text == "机房相对湿度")).one()
        assert res.value_number == 48 and res.outcome == "normal"
