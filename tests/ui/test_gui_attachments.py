"""Attachments on an incident from its detail pane: copied by content hash, listed, opened."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.core.timeutil import UTC
from app.services.incident import workflow as incidents
from app.store.models import Attachment, Contract
from tests.ui.gui_helpers import ENGINEER
from tests.ui.test_gui_records import _page


def test_attach_list_open_and_refuse_when_closed(qtbot, gui_ctx, tmp_path: Path, monkeypatch) -> None:  # noqa: F811
    opened: list[str] = []
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile()))
    with gui_ctx.db.session() as s:
        inc = incidents.create_incident(s, s.get(Contract, gui_ctx.contract_id), actor=ENGINEER, title="UPS 告警",
                                        occurred_at=datetime(2026, 3, 3, 1, 0, tzinfo=UTC), severity="P2")
        inc_id = inc.id
    page = _page(qtbot, gui_ctx, "app.ui.pages.incident.page.IncidentsPage")
    page.frame.select_id(inc_id)
    log = tmp_path / "ups-alarm.log"
    log.write_text("UPS 旁路告警 03:12\n", encoding="utf-8")

    assert page.detail.attach_file(str(log)) is True
    assert page.detail.attachments.count() == 1
    assert page.detail.attachments.item(0).text().startswith("ups-alarm.log")
    log.unlink()  # the stored copy does not depend on the original
    with gui_ctx.db.session() as s:
        att = s.scalars(select(Attachment)).one()
        assert (att.owner_id, att.filename, att.added_by) == (inc_id, "ups-alarm.log", ENGINEER)

    copy = page.detail.open_attachment(page.detail.attachments.item(0))
    assert copy.name == "ups-alarm.log" and opened == [str(copy)]
    assert copy.read_text(encoding="utf-8") == "UPS 旁路告警 03:12\n"

    with gui_ctx.db.session() as s:
        incidents.transition(s, inc_id, "in_progress", actor=ENGINEER)
        incidents.transition(s, inc_id, "restored", actor=ENGINEER)
        incidents.update_incident(s, inc_id, actor=ENGINEER, cause_category="power_environment",
                                  cause="市电波动", resolution="UPS 自检恢复")
        incidents.close_incident(s, inc_id, actor=ENGINEER)
    page.detail.show_incident(inc_id)
    assert not page.detail.attach_btn.isEnabled()
    other = tmp_path / "late.txt"
    other.write_text("x", encoding="utf-8")
    assert page.detail.attach_file(str(other)) is False
    assert page.detail.error.isVisible() or page.detail.error.text()
    with gui_ctx.db.session() as s:
        assert len(s.scalars(select(Attachment)).all()) == 1
    assert page.detail.attachments.item(0).data(Qt.ItemDataRole.UserRole)[1] == "ups-alarm.log"
