"""Profile format 2 incident classes (故障类别) on the 故障 form, driven through the widgets: a
security incident is logged as such, and an edit can move it back (Pinggu 第三条 安全事件 counted
apart from 运行故障)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.store.models import Incident
from tests.ui.test_gui_records import _page

PAGE = "app.ui.pages.incident.page.IncidentsPage"


def test_the_form_logs_and_edits_the_incident_class(qtbot, gui_ctx) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, gui_ctx, PAGE)
    page.new_incident()
    f = page.form
    assert not f.incident_class.isHidden()  # the profile defines classes, so the field is offered
    assert [f.incident_class.itemText(i) for i in range(f.incident_class.count())] == ["运行故障", "安全事件"]
    assert f.incident_class.currentData() == "operational"  # the profile's first class by default
    qtbot.keyClicks(f.title, "Portal defaced")
    f.incident_class.setFocus()
    qtbot.keyClick(f.incident_class, Qt.Key.Key_Down)
    assert f.incident_class.currentText() == "安全事件"
    qtbot.mouseClick(f.save_btn, Qt.MouseButton.LeftButton)
    with gui_ctx.db.session() as s:
        inc = s.scalars(select(Incident).where(Incident.title == "Portal defaced")).one()
        assert inc.incident_class == "security"
        inc_id = inc.id
    assert f.start_edit(inc_id) and f.incident_class.currentText() == "安全事件"
    f.incident_class.setFocus()
    qtbot.keyClick(f.incident_class, Qt.Key.Key_Up)
    qtbot.mouseClick(f.save_btn, Qt.MouseButton.LeftButton)
    with gui_ctx.db.session() as s:
        assert s.get(Incident, inc_id).incident_class == "operational"
