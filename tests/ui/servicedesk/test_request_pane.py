"""工单 / 需求 / 工作日志 panes: typed text survives other buttons, defaults are the current engineer,
unsaved forms ask before they are dropped."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.store.models import Engineer, Requirement, ServiceRequest
from tests.ui.gui_helpers import ENGINEER
from tests.ui.test_gui_records import _page

REQUESTS = "app.ui.pages.servicedesk.requests_page.RequestsPage"


def _answer(monkeypatch, button) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_a, **_k: asked.append(text) or button)
    return asked


def test_typed_resolution_survives_reassign_and_start(qtbot, gui_ctx):
    page = _page(qtbot, gui_ctx, REQUESTS)
    page.new_request()
    assert page.form.assignee.currentText() == ENGINEER  # the current engineer takes the call
    qtbot.keyClicks(page.form.title, "Reset OA password")
    qtbot.keyClick(page.form.title, Qt.Key.Key_Return)
    d = page.detail
    qtbot.keyClicks(d.resolution, "Password reset")
    other = next(i for i in range(d.assignee.count()) if d.assignee.itemText(i) != ENGINEER)
    d.assignee.setCurrentIndex(other)
    qtbot.mouseClick(d.assign_btn, Qt.MouseButton.LeftButton)  # 转派
    qtbot.mouseClick(d.respond_btn, Qt.MouseButton.LeftButton)
    assert not d.error.isVisible(), d.error.text()
    assert d.resolution.text() == "Password reset"  # still there, not yet stored
    qtbot.keyClick(d.resolution, Qt.Key.Key_Return)  # resolve
    assert page.model.index(0, 2).data() == "账号与权限"  # the profile's category name, not its code
    with gui_ctx.db.session() as s:
        req = s.scalars(select(ServiceRequest)).one()
        other_id = s.scalars(select(Engineer).where(Engineer.name == d.assignee.itemText(other))).one().id
        assert req.status == "resolved" and req.resolution == "Password reset" and req.assignee_id == other_id


def test_new_request_form_left_unsaved_asks_and_save_writes(qtbot, gui_ctx, monkeypatch):
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Save)
    page = _page(qtbot, gui_ctx, REQUESTS)
    page.new_request()
    qtbot.keyClicks(page.form.title, "Projector in court 2")
    assert page.has_unsaved_changes() and page.confirm_leave() and len(asked) == 1
    with gui_ctx.db.session() as s:
        assert s.scalars(select(ServiceRequest)).one().title == "Projector in court 2"


def test_requirement_form_discard_writes_nothing(qtbot, gui_ctx, monkeypatch):
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Discard)
    page = _page(qtbot, gui_ctx, "app.ui.pages.servicedesk.requirements_page.RequirementsPage")
    page.new_requirement()
    qtbot.keyClicks(page.form.title, "Monthly report to PDF")
    assert page.confirm_leave() and len(asked) == 1
    assert page.frame.detail.currentWidget() is page.detail
    with gui_ctx.db.session() as s:
        assert s.scalars(select(Requirement)).first() is None


def test_work_log_typed_summary_asks_and_defaults_to_me(qtbot, gui_ctx, monkeypatch):
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    page = _page(qtbot, gui_ctx, "app.ui.pages.servicedesk.worklog_page.WorkLogPage")
    assert page.form.engineer.currentText() == ENGINEER
    qtbot.keyClicks(page.form.summary, "Replaced UPS battery")
    assert page.has_unsaved_changes() and not page.confirm_leave() and len(asked) == 1
    assert page.form.summary.text() == "Replaced UPS battery"


def test_work_log_manual_entry_is_corrected_in_place(qtbot, gui_ctx):
    from PySide6.QtCore import QDate

    from app.store.models import WorkLogEntry

    page = _page(qtbot, gui_ctx, "app.ui.pages.servicedesk.worklog_page.WorkLogPage")
    page.date.setDate(QDate(2026, 3, 4))
    qtbot.keyClicks(page.form.summary, "UPS battery")
    qtbot.keyClick(page.form.summary, Qt.Key.Key_Return)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.form.editing is not None and page.form.summary.text() == "UPS battery"
    assert not page.form.is_dirty()
    page.form.summary.selectAll()
    qtbot.keyClicks(page.form.summary, "UPS battery replaced")
    page.form.duration.setValue(50)
    qtbot.mouseClick(page.form.add_btn, Qt.MouseButton.LeftButton)
    assert not page.form.error.isVisible(), page.form.error.text()
    with gui_ctx.db.session() as s:
        entry = s.scalars(select(WorkLogEntry)).one()  # corrected, not added twice
        assert (entry.summary, entry.duration_minutes) == ("UPS battery replaced", 50)
    assert page.form.editing is None and page.model.rowCount() == 1


def test_typed_resolution_asks_before_another_request_is_shown(qtbot, gui_ctx, monkeypatch):
    from app.services.servicedesk import actions

    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    for title in ("first", "second"):
        actions.create_request(gui_ctx.db, gui_ctx.contract_id, actor=ENGINEER, title=title)
    page = _page(qtbot, gui_ctx, REQUESTS)
    page.frame.table.selectRow(0)
    shown = page.detail.request_id
    qtbot.keyClicks(page.detail.resolution, "Toner replaced")
    assert page.has_unsaved_changes()
    page.frame.table.selectRow(1)
    assert len(asked) == 1 and "Discard" in asked[0]  # only a workflow step stores it: discard or stay
    assert page.detail.request_id == shown and page.detail.resolution.text() == "Toner replaced"
    assert page.frame.selected_id() == shown
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    page.frame.table.selectRow(1)
    assert page.detail.request_id != shown and page.detail.resolution.text() == ""
