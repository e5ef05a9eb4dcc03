"""Issue #9 item 7 in the 故障 page: a save from a pane or form whose incident another engineer
saved meanwhile shows "该故障已被 … 修改，请刷新后重试", reloads, and overwrites nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.incident import actions
from app.store.models import Incident
from tests.ui.incident.test_no_silent_loss import PAGE, _incident, _type_close_fields
from tests.ui.test_gui_records import _page


def test_pane_save_after_another_engineers_save_is_a_conflict(qtbot, gui_ctx):
    inc_id = _incident(gui_ctx)
    page = _page(qtbot, gui_ctx, PAGE)
    page.frame.select_id(inc_id)
    d = page.detail
    _type_close_fields(qtbot, d)
    # the other workstation saves the incident after this pane loaded it
    actions.save_fields(gui_ctx.db, inc_id, actor="李晓明", edits={"cause": "光模块老化"})
    qtbot.mouseClick(d.save_btn, Qt.MouseButton.LeftButton)
    assert d.error.isVisible() and "该故障已被 李晓明 于" in d.error.text()
    assert "请刷新后重试" in d.error.text()
    with gui_ctx.db.session() as s:
        assert s.get(Incident, inc_id).cause == "光模块老化"  # not overwritten
    assert d.view is not None and d.view.cause == "光模块老化"  # the pane reloaded
    assert d.cause.text() == "SFP module aged"  # and kept what was typed
    qtbot.mouseClick(d.save_btn, Qt.MouseButton.LeftButton)  # saving again, knowingly, works
    assert not d.error.isVisible()
    with gui_ctx.db.session() as s:
        assert s.get(Incident, inc_id).cause == "SFP module aged"


def test_edit_form_save_after_another_engineers_save_is_a_conflict(qtbot, gui_ctx):
    inc_id = _incident(gui_ctx, title="OA 无法登录")
    page = _page(qtbot, gui_ctx, PAGE)
    page.frame.select_id(inc_id)
    form = page.form
    assert form.start_edit(inc_id)
    form.title.setFocus()
    qtbot.keyClicks(form.title, " (all users)")
    actions.save_fields(gui_ctx.db, inc_id, actor="李晓明", edits={"title": "OA 部分用户无法登录"})
    assert not form.submit()
    assert "该故障已被 李晓明 于" in form.error.text()
    assert form.title.text() == "OA 部分用户无法登录"  # reloaded with what is stored
    with gui_ctx.db.session() as s:
        assert s.get(Incident, inc_id).title == "OA 部分用户无法登录"
