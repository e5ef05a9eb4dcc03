"""The incident and request files row does what the asset 附件 tab does, through the same flow
(``attachment_flow``): several files dropped at once are attached in one action, a text file
holding a password is kept with the vault warning, 删除 asks and removes (the row stays in the
history and the audit trail, its bytes leave the ledger); a closed incident takes no drop and
offers no 删除."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from app.core.timeutil import UTC
from app.services.incident import workflow as incidents
from app.services.servicedesk import requests as sr
from app.store.models import Attachment, AuditEvent, Contract, IncidentEvent
from tests.services.incident.test_record_attachment_removal import (
    _close as close_through_the_workflow,
)
from tests.ui.asset.test_gui_asset_attachments import _drop
from tests.ui.gui_helpers import ENGINEER
from tests.ui.test_gui_records import _page


def _two_files(tmp_path: Path) -> tuple[Path, Path]:
    log = tmp_path / "ups-alarm.log"
    log.write_bytes("UPS 旁路告警 03:12\n".encode())
    cfg = tmp_path / "交换机配置.txt"
    cfg.write_text("sysname core\n管理员密码：Xk9#mQ2!vL\n", encoding="utf-8")
    return log, cfg


def test_drop_warn_and_delete_on_an_incident(qtbot, gui_ctx, tmp_path: Path, no_modals) -> None:
    with gui_ctx.db.session() as s:
        inc = incidents.create_incident(s, s.get(Contract, gui_ctx.contract_id), actor=ENGINEER, title="UPS 告警",
                                        occurred_at=datetime(2026, 3, 3, 1, 0, tzinfo=UTC), severity="P2")
        inc_id, number = inc.id, inc.number
    page = _page(qtbot, gui_ctx, "app.ui.pages.incident.page.IncidentsPage")
    page.frame.select_id(inc_id)
    detail, files = page.detail, page.detail.files
    detail.resolution.setText("更换电池")  # typed, not stored: attaching keeps it
    log, cfg = _two_files(tmp_path)
    assert _drop(files, [log, cfg]) is True
    assert not detail.error.isVisible(), detail.error.text()
    assert files.list.count() == 2 and detail.resolution.text() == "更换电池"
    assert files.warning.isVisible() and "交换机配置.txt" in files.warning.text()
    detail.show_incident(inc_id)  # the same incident shown again (a refresh): the warning stays
    assert files.warning.isVisible()
    assert "交换机配置.txt" not in files.warning.text().replace("交换机配置.txt", "", 1)  # named once
    with gui_ctx.db.session() as s:
        assert s.scalars(select(Attachment.filename).where(Attachment.owner_id == inc_id)
                         .order_by(Attachment.added_at)).all() == ["ups-alarm.log", "交换机配置.txt"]

    assert not files.remove_btn.isEnabled()  # nothing selected
    files.list.setCurrentRow(1)
    assert files.remove_btn.isEnabled()
    qtbot.mouseClick(files.remove_btn, Qt.MouseButton.LeftButton)
    assert no_modals and number in no_modals[-1] and "交换机配置.txt" in no_modals[-1]
    assert files.list.count() == 1 and files.list.item(0).text().startswith("ups-alarm.log")
    assert not files.warning.isVisible()  # the file it warned about is gone
    with gui_ctx.db.session() as s:
        att = s.scalars(select(Attachment).where(Attachment.filename == "交换机配置.txt")).one()
        assert att.removed_by == ENGINEER and att.removed_at is not None and att.content is None
        assert s.scalars(select(AuditEvent.action).where(AuditEvent.action == "incident.attachment_remove")).all()
        lines = s.scalars(select(IncidentEvent.changes).where(IncidentEvent.incident_id == inc_id)).all()
        assert {"attachments": ["交换机配置.txt", ""]} in lines
    assert "交换机配置.txt" in detail.history.toPlainText()

    close_through_the_workflow(gui_ctx.db, inc_id)
    detail.show_incident(inc_id, keep_typed=False)
    files.list.setCurrentRow(0)
    assert not files.remove_btn.isEnabled() and not files.attach_btn.isEnabled()
    assert _drop(files, [cfg]) is False
    assert files.remove_selected() == 0
    with gui_ctx.db.session() as s:
        assert s.scalars(select(Attachment.removed_at).where(Attachment.filename == "ups-alarm.log")).one() is None


def test_a_request_file_is_removed_after_the_question_and_no_keeps_it(qtbot, gui_ctx, tmp_path: Path,
                                                                       monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    with gui_ctx.db.session() as s:
        req_id = sr.create_request(s, s.get(Contract, gui_ctx.contract_id), actor=ENGINEER, title="打印机报错").id
    page = _page(qtbot, gui_ctx, "app.ui.pages.servicedesk.requests_page.RequestsPage")
    page.frame.select_id(req_id)
    files = page.detail.files
    log, cfg = _two_files(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([str(log), str(cfg)], "")))
    qtbot.mouseClick(files.attach_btn, Qt.MouseButton.LeftButton)
    assert files.list.count() == 2 and files.warning.isVisible()
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a, **_k: answers.pop(0)))
    files.list.setCurrentRow(0)
    qtbot.mouseClick(files.remove_btn, Qt.MouseButton.LeftButton)  # No: kept
    assert files.list.count() == 2
    qtbot.mouseClick(files.remove_btn, Qt.MouseButton.LeftButton)  # Yes
    assert files.list.count() == 1
    with gui_ctx.db.session() as s:
        gone = s.scalars(select(Attachment).where(Attachment.removed_at.is_not(None))).one()
        assert (gone.owner_id, gone.filename, gone.content) == (req_id, "ups-alarm.log", None)
        assert s.scalars(select(AuditEvent.actor).where(
            AuditEvent.action == "service_request.attachment_remove")).all() == [ENGINEER]


def test_a_switch_configuration_attached_through_the_button_is_warned_about(
        qtbot, gui_ctx, tmp_path: Path, monkeypatch) -> None:
    """Tried by hand: a Cisco configuration (``enable password …``) attached to a fault was kept
    without the vault warning — the device's own password syntax is now recognised."""
    with gui_ctx.db.session() as s:
        inc_id = incidents.create_incident(s, s.get(Contract, gui_ctx.contract_id), actor=ENGINEER, title="核心交换机告警",
                                           occurred_at=datetime(2026, 3, 3, 1, 0, tzinfo=UTC), severity="P2").id
    cfg = tmp_path / "switch-config.txt"
    cfg.write_text("hostname core-sw\nenable password Zx81!kq\ninterface Vlan10\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([str(cfg)], "")))
    page = _page(qtbot, gui_ctx, "app.ui.pages.incident.page.IncidentsPage")
    page.frame.select_id(inc_id)
    files = page.detail.files
    qtbot.mouseClick(files.attach_btn, Qt.MouseButton.LeftButton)
    assert not page.detail.error.isVisible(), page.detail.error.text()
    assert files.list.count() == 1
    assert files.warning.isVisible() and "switch-config.txt" in files.warning.text()
    with gui_ctx.db.session() as s:
        assert s.scalars(select(Attachment.filename).where(Attachment.owner_id == inc_id)).all() == ["switch-config.txt"]
