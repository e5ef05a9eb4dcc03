"""添加附件… on the incident detail (and the request detail) keeps the file in the ledger: clicked
through the button with the file dialog patched, listed, opened as a temporary copy read from the
ledger (the original gone, another data folder), saved as; a file missing from the ledger is
listed as 文件缺失 and opening it shows the sentence inline."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select, update

from app import paths
from app.core.timeutil import UTC
from app.services.incident import workflow as incidents
from app.services.servicedesk import requests as sr
from app.store.models import Attachment, AuditEvent, Contract
from tests.ui.gui_helpers import ENGINEER
from tests.ui.test_gui_records import _page

LOG = "UPS 旁路告警 03:12\n电池组 2 电压低\n".encode()


def test_attach_through_the_button_open_save_and_missing(qtbot, gui_ctx, tmp_path: Path, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile()))
    with gui_ctx.db.session() as s:
        inc_id = incidents.create_incident(s, s.get(Contract, gui_ctx.contract_id), actor=ENGINEER, title="UPS 告警",
                                           occurred_at=datetime(2026, 3, 3, 1, 0, tzinfo=UTC), severity="P2").id
    page = _page(qtbot, gui_ctx, "app.ui.pages.incident.page.IncidentsPage")
    page.frame.select_id(inc_id)
    src = tmp_path / "ups-alarm.log"
    src.write_bytes(LOG)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([str(src)], "")))
    files = page.detail.files
    assert files.attach_btn.isEnabled()
    qtbot.mouseClick(files.attach_btn, Qt.MouseButton.LeftButton)
    assert not page.detail.error.isVisible(), page.detail.error.text()
    with gui_ctx.db.session() as s:
        att = s.scalars(select(Attachment)).one()
        assert (att.owner_kind, att.owner_id, att.filename, att.added_by) == ("incident", inc_id, "ups-alarm.log",
                                                                              ENGINEER)
        assert bytes(att.content or b"") == LOG
    assert files.list.count() == 1 and files.list.item(0).text().startswith("ups-alarm.log")

    src.unlink()
    paths.init_paths(tmp_path / "colleague")  # another workstation's data folder: the ledger is enough
    files.list.setCurrentRow(0)
    assert files.open_btn.isEnabled()
    qtbot.mouseClick(files.open_btn, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and Path(opened[0]).name == "ups-alarm.log" and Path(opened[0]).read_bytes() == LOG
    tmp_folder = files.copies.folder
    assert tmp_folder is not None and Path(opened[0]).is_relative_to(tmp_folder)
    target = tmp_path / "saved.log"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), "")))
    qtbot.mouseClick(files.save_btn, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == LOG
    with gui_ctx.db.session() as s:
        acts = s.scalars(select(AuditEvent.action).where(AuditEvent.action.like("incident.attach%"))
                         .order_by(AuditEvent.seq)).all()
    assert acts == ["incident.attach", "incident.attachment_open", "incident.attachment_save"]

    with gui_ctx.db.session() as s:  # what migration 0013 leaves when the file was not found
        s.execute(update(Attachment).values(content=None))
    page.detail.show_incident(inc_id)
    item = files.list.item(0)
    assert item.text().startswith("ups-alarm.log — " + files.tr("file missing"))
    files.list.setCurrentRow(0)
    assert not files.open_btn.isEnabled() and not files.save_btn.isEnabled()
    assert page.detail.open_attachment(item) is None
    assert page.detail.error.text() and "ups-alarm.log" in page.detail.error.text()
    assert len(opened) == 1
    assert tmp_folder.exists()
    files.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not tmp_folder.exists()  # the temporary copies go with the pane


def test_a_request_takes_a_file_through_its_detail(qtbot, gui_ctx, tmp_path: Path, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile()))
    with gui_ctx.db.session() as s:
        req_id = sr.create_request(s, s.get(Contract, gui_ctx.contract_id), actor=ENGINEER, title="打印机报错").id
    page = _page(qtbot, gui_ctx, "app.ui.pages.servicedesk.requests_page.RequestsPage")
    page.frame.select_id(req_id)
    assert page.detail.request_id == req_id
    src = tmp_path / "错误代码.txt"
    src.write_bytes("E05 卡纸".encode())
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([str(src)], "")))
    qtbot.mouseClick(page.detail.files.attach_btn, Qt.MouseButton.LeftButton)
    assert not page.detail.error.isVisible(), page.detail.error.text()
    with gui_ctx.db.session() as s:
        att = s.scalars(select(Attachment)).one()
        assert (att.owner_kind, att.owner_id, bytes(att.content or b"")) == ("service_request", req_id,
                                                                             "E05 卡纸".encode())
    qtbot.mouseClick(page.detail.files.attach_btn, Qt.MouseButton.LeftButton)  # the same file again: refused
    assert page.detail.error.text() and "错误代码.txt" in page.detail.error.text()
    assert page.detail.files.list.count() == 1
    page.detail.files.open_item(page.detail.files.list.item(0))
    assert Path(opened[0]).read_text(encoding="utf-8") == "E05 卡纸"
