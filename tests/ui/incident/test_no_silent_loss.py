"""Issue #8.1 and #8.8 on the 故障 page, driven as a user does (type, click, press) and checked in
the database: typed close fields survive 派单 and 编辑 → 保存; a P1 closes with its root-cause
analysis; unsaved text asks before it is dropped; the current engineer is the default assignee."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.core.timeutil import UTC
from app.services.incident import workflow
from app.store.models import Contract, Engineer, Incident, IncidentEvent
from tests.ui.gui_helpers import ENGINEER
from tests.ui.test_gui_records import _page, _shortcut

PAGE = "app.ui.pages.incident.page.IncidentsPage"
AT = datetime(2026, 3, 3, 1, 0, tzinfo=UTC)  # Tuesday 09:00 Beijing


def _incident(ctx, title: str = "核心交换机端口故障", severity: str = "P2", at: datetime = AT):
    with ctx.db.session() as s:
        return workflow.create_incident(s, s.get(Contract, ctx.contract_id), actor=ENGINEER, title=title,
                                        occurred_at=at, severity=severity).id


def _answer(monkeypatch, button) -> list[str]:
    """Make the unsaved-changes question answer ``button``; returns the questions asked."""
    asked: list[str] = []

    def fake(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", fake)
    return asked


def _type_close_fields(qtbot, d) -> None:
    d.cause_category.setCurrentIndex(d.cause_category.findData("network"))
    qtbot.keyClicks(d.cause, "SFP module aged")
    qtbot.keyClicks(d.resolution, "Replaced the SFP module")


def test_typed_cause_and_resolution_survive_assign(qtbot, gui_ctx, monkeypatch):
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    inc_id = _incident(gui_ctx)
    page = _page(qtbot, gui_ctx, PAGE)
    page.frame.select_id(inc_id)
    d = page.detail
    _type_close_fields(qtbot, d)
    qtbot.mouseClick(d.assign_btn, Qt.MouseButton.LeftButton)  # 派单
    assert not d.error.isVisible(), d.error.text()
    with gui_ctx.db.session() as s:
        inc = s.get(Incident, inc_id)
        me = s.scalars(select(Engineer).where(Engineer.name == ENGINEER)).one()
        assert inc.status == "assigned" and inc.assignee_id == me.id  # the current engineer by default
        assert (inc.cause_category, inc.cause, inc.resolution) == ("network", "SFP module aged",
                                                                    "Replaced the SFP module")
    assert d.cause.text() == "SFP module aged" and d.resolution.text() == "Replaced the SFP module"
    assert d.cause_category.currentData() == "network" and not d.is_dirty()
    assert asked == []  # stored with the move: nothing to ask


def test_refused_move_keeps_typed_text_and_writes_nothing(qtbot, gui_ctx, monkeypatch):
    inc_id = _incident(gui_ctx)
    page = _page(qtbot, gui_ctx, PAGE)
    page.frame.select_id(inc_id)
    d = page.detail
    qtbot.keyClicks(d.cause, "UPS battery")
    qtbot.mouseClick(d.restore_btn, Qt.MouseButton.LeftButton)  # new → restored is not allowed
    assert d.error.isVisible()
    with gui_ctx.db.session() as s:
        inc = s.get(Incident, inc_id)
        assert inc.status == "new" and inc.cause == ""  # nothing half-written
    assert d.cause.text() == "UPS battery" and d.is_dirty()


def test_typed_cause_survives_edit_and_save(qtbot, gui_ctx):
    inc_id = _incident(gui_ctx, title="Printer jam")
    page = _page(qtbot, gui_ctx, PAGE)
    page.frame.select_id(inc_id)
    d = page.detail
    _type_close_fields(qtbot, d)
    qtbot.mouseClick(d.edit_btn, Qt.MouseButton.LeftButton)  # 编辑
    assert page.frame.detail.currentWidget() is page.form
    qtbot.keyClicks(page.form.title, " on floor 3")
    qtbot.mouseClick(page.form.save_btn, Qt.MouseButton.LeftButton)  # 保存
    assert not page.form.error.isVisible(), page.form.error.text()
    with gui_ctx.db.session() as s:
        inc = s.get(Incident, inc_id)
        assert inc.title == "Printer jam on floor 3"
        assert (inc.cause_category, inc.cause, inc.resolution) == ("network", "SFP module aged",
                                                                    "Replaced the SFP module")
    assert page.frame.detail.currentWidget() is d and d.cause.text() == "SFP module aged"


def test_p1_closes_with_cause_resolution_and_root_cause_analysis(qtbot, gui_ctx):
    page = _page(qtbot, gui_ctx, PAGE)
    page.frame.table.setFocus()
    _shortcut(qtbot, page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.form.title, "Machine room temperature 31.5")
    page.form.severity.setCurrentIndex(page.form.severity.findData("P1"))
    qtbot.keyClick(page.form.title, Qt.Key.Key_Return)
    assert not page.form.error.isVisible(), page.form.error.text()
    with gui_ctx.db.session() as s:
        inc = s.scalars(select(Incident)).one()
        inc_id = inc.id
        assert inc.severity == "P1"
    d = page.detail
    assert d.incident_id == inc_id and d.rca.isVisibleTo(d) and d.rca_label.text().endswith("*")
    qtbot.mouseClick(d.start_btn, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(d.restore_btn, Qt.MouseButton.LeftButton)
    _type_close_fields(qtbot, d)
    qtbot.mouseClick(d.close_btn, Qt.MouseButton.LeftButton)
    # refused, in words naming the pane's field, and the field is focused; nothing closed
    assert d.error.isVisible() and d.error.text() == "P1 级为重大故障：关闭前请填写根因分析"  # str(exc), field by its label
    assert "root_cause_analysis" not in d.error.text()
    assert d.rca.hasFocus() or page.window().focusWidget() is d.rca
    with gui_ctx.db.session() as s:
        assert s.get(Incident, inc_id).status == "restored"
    qtbot.keyClicks(d.rca, "Air conditioner 1 compressor failed; no alarm to the duty phone")
    _shortcut(qtbot, page, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not d.error.isVisible(), d.error.text()
    with gui_ctx.db.session() as s:
        inc = s.get(Incident, inc_id)
        assert inc.status == "closed" and inc.severity == "P1"
        assert inc.root_cause_analysis == "Air conditioner 1 compressor failed; no alarm to the duty phone"
        assert (inc.cause, inc.resolution) == ("SFP module aged", "Replaced the SFP module")


@pytest.mark.parametrize("answer", ["discard", "save", "cancel"])
def test_leaving_with_unsaved_text_asks(qtbot, gui_ctx, monkeypatch, answer):
    button = {"discard": QMessageBox.StandardButton.Discard, "save": QMessageBox.StandardButton.Save,
              "cancel": QMessageBox.StandardButton.Cancel}[answer]
    asked = _answer(monkeypatch, button)
    inc_id = _incident(gui_ctx)
    page = _page(qtbot, gui_ctx, PAGE)
    page.frame.select_id(inc_id)
    assert not page.has_unsaved_changes() and page.confirm_leave() and asked == []
    qtbot.keyClicks(page.detail.cause, "Fibre cut")
    assert page.has_unsaved_changes()
    left = page.confirm_leave()
    assert len(asked) == 1 and "INC-" in asked[0]
    with gui_ctx.db.session() as s:
        stored = s.get(Incident, inc_id).cause
        fields = s.scalars(select(IncidentEvent).where(IncidentEvent.incident_id == inc_id,
                                                       IncidentEvent.kind == "field")).all()
    if answer == "discard":
        assert left and stored == "" and fields == [] and page.detail.cause.text() == ""
    elif answer == "save":
        assert left and stored == "Fibre cut" and len(fields) == 1 and not page.has_unsaved_changes()
    else:
        assert not left and stored == "" and page.detail.cause.text() == "Fibre cut"


def test_picking_another_row_asks_and_cancel_stays(qtbot, gui_ctx, monkeypatch):
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    first = _incident(gui_ctx, "first")
    _incident(gui_ctx, "second", at=datetime(2026, 3, 3, 2, 0, tzinfo=UTC))
    page = _page(qtbot, gui_ctx, PAGE)
    page.frame.select_id(first)
    qtbot.keyClicks(page.detail.resolution, "Rebooted")
    other = 1 - page.model.row_of(first)
    qtbot.mouseClick(page.frame.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.frame.table.visualRect(page.model.index(other, 0)).center())
    assert len(asked) == 1
    assert page.detail.incident_id == first and page.detail.resolution.text() == "Rebooted"
    assert page.frame.selected_id() == first


def test_new_incident_form_left_unsaved_asks(qtbot, gui_ctx, monkeypatch):
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Discard)
    page = _page(qtbot, gui_ctx, PAGE)
    page.new_incident()
    assert not page.has_unsaved_changes()
    qtbot.keyClicks(page.form.title, "Website down")
    assert page.has_unsaved_changes()
    assert page.confirm_leave() and len(asked) == 1
    assert page.frame.detail.currentWidget() is page.detail
    with gui_ctx.db.session() as s:
        assert s.scalars(select(Incident)).first() is None


def test_severity_follows_the_profile_rule_for_the_service(qtbot, gui_ctx):
    with gui_ctx.db.session() as s:
        c = s.get(Contract, gui_ctx.contract_id)
        profile = dict(c.profile)
        profile["services"] = [dict(x, default_severity="P1") if x["code"] == "lan" else x
                               for x in profile["services"]]
        c.profile = profile
    page = _page(qtbot, gui_ctx, PAGE)
    page.new_incident()
    f = page.form
    assert f.severity.currentData() == "P3"  # no service ticked: the least severe level
    lan = next(i for i in range(f.services.count()) if "局域网" in f.services.item(i).text())
    f.services.item(lan).setCheckState(Qt.CheckState.Checked)
    assert f.severity.currentData() == "P1"
    qtbot.keyClicks(f.title, "LAN core switch down")
    qtbot.keyClick(f.title, Qt.Key.Key_Return)
    with gui_ctx.db.session() as s:
        assert s.scalars(select(Incident)).one().severity == "P1"


def test_saving_in_the_main_window_asks_nothing(qtbot, main_window, gui_ctx, no_modals):
    """The change bus refreshes the page while the form saves: no unsaved-text question then."""
    main_window.show_page("incidents")
    page = main_window.pages["incidents"]
    page.new_incident()
    qtbot.keyClicks(page.form.title, "AC alarm")
    qtbot.keyClick(page.form.title, Qt.Key.Key_Return)
    assert no_modals == [] and page.frame.detail.currentWidget() is page.detail
    d = page.detail
    qtbot.keyClicks(d.cause, "compressor")
    qtbot.mouseClick(d.assign_btn, Qt.MouseButton.LeftButton)
    assert no_modals == [] and d.cause.text() == "compressor" and not d.error.isVisible(), d.error.text()
    with gui_ctx.db.session() as s:
        inc = s.scalars(select(Incident)).one()
        assert inc.title == "AC alarm" and inc.cause == "compressor" and inc.status == "assigned"


def test_close_straight_from_in_progress_with_the_restore_time_field(qtbot, gui_ctx):
    from PySide6.QtCore import QDate, QDateTime, QTime

    inc_id = _incident(gui_ctx)
    page = _page(qtbot, gui_ctx, PAGE)
    page.frame.select_id(inc_id)
    d = page.detail
    qtbot.mouseClick(d.start_btn, Qt.MouseButton.LeftButton)
    _type_close_fields(qtbot, d)
    shown = d.restored.dateTime()
    d.restored.setDateTime(QDateTime(QDate(2026, 3, 3), QTime(8, 30)))  # before it occurred: refused
    qtbot.mouseClick(d.close_btn, Qt.MouseButton.LeftButton)
    assert d.error.isVisible()
    with gui_ctx.db.session() as s:
        assert s.get(Incident, inc_id).status == "in_progress"
    d.restored.setDateTime(shown)  # the default: now
    qtbot.mouseClick(d.close_btn, Qt.MouseButton.LeftButton)
    assert not d.error.isVisible(), d.error.text()
    with gui_ctx.db.session() as s:
        inc = s.get(Incident, inc_id)
        assert inc.status == "closed" and inc.restored_at is not None and inc.cause == "SFP module aged"


def test_closed_incident_is_not_opened_for_editing(qtbot, gui_ctx):
    inc_id = _incident(gui_ctx)
    page = _page(qtbot, gui_ctx, PAGE)
    page.frame.select_id(inc_id)
    d = page.detail
    qtbot.mouseClick(d.start_btn, Qt.MouseButton.LeftButton)
    _type_close_fields(qtbot, d)
    qtbot.mouseClick(d.close_btn, Qt.MouseButton.LeftButton)
    assert d.status == "closed" and not d.edit_btn.isEnabled()
    page.frame.table.setFocus()
    qtbot.keyClick(page.frame.table, Qt.Key.Key_F2)
    assert page.frame.detail.currentWidget() is d and d.error.isVisible() and "reopen" in d.error.text()
