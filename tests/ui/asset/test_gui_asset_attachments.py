"""The 附件 tab of the asset detail driven through its widgets: 添加… with the file dialog,
files dropped onto the tab, 打开 (a temporary copy for the system viewer, cleaned up), 另存为…,
删除 (kept in history and in the audit chain)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import select

from app.services import audit_actions
from app.services.asset import actions
from app.store.models import AssetChange, Attachment, AuditEvent
from tests.ui.gui_helpers import ENGINEER
from tests.ui.test_gui_records import _page

pytestmark = pytest.mark.usefixtures("qapp")

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8


def _asset_page(qtbot, gui_ctx):
    aid = actions.create_asset(gui_ctx.db, gui_ctx.contract_id, actor="t",
                               values={"name": "核心交换机", "asset_class": "network", "location": "中心机房"}).value
    page = _page(qtbot, gui_ctx, "app.ui.pages.asset.page.AssetsPage")
    page.register.model.reload()
    page.register.frame.select_id(aid)
    detail = page.register.detail
    assert detail.asset_id == aid
    detail.tabs.setCurrentWidget(detail.files)
    return aid, detail


def _drop(widget, paths: list[Path]) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def test_add_drop_open_save_and_delete(qtbot, gui_ctx, tmp_path, monkeypatch, no_modals) -> None:
    aid, detail = _asset_page(qtbot, gui_ctx)
    files = detail.files
    contract = tmp_path / "采购合同.pdf"
    contract.write_bytes(PDF)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(contract)], "")))
    qtbot.mouseClick(files.add_btn, Qt.MouseButton.LeftButton)
    assert files.table.rowCount() == 1 and files.table.item(0, 0).text() == "采购合同.pdf"
    assert files.table.item(0, 1).text() == "2 KB" and files.table.item(0, 2).text() == ENGINEER
    assert detail.tabs.tabText(detail.tabs.indexOf(files)) == files.tr("Attachments") + " (1)"
    assert "附件" in detail.history.toPlainText() and "采购合同.pdf" in detail.history.toPlainText()

    photo, cert = tmp_path / "机柜.jpg", tmp_path / "保修证书.pdf"
    photo.write_bytes(b"\xff\xd8\xff\xe0 rack photo")
    cert.write_bytes(PDF + b"cert")
    assert _drop(files, [photo, cert]) is True
    assert [files.table.item(r, 0).text() for r in range(files.table.rowCount())] == [
        "采购合同.pdf", "机柜.jpg", "保修证书.pdf"]
    assert _drop(files, [tmp_path / "机柜.jpg"]) is True  # same content again: refused, shown
    assert files.error.isVisible() and "内容相同" in files.error.text() and files.table.rowCount() == 3

    opened: list[str] = []
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile()))
    files.table.selectRow(1)
    qtbot.mouseClick(files.open_btn, Qt.MouseButton.LeftButton)
    copy = Path(opened[0])
    assert copy.name == "机柜.jpg" and copy.read_bytes() == photo.read_bytes()
    assert files._tmp is not None and copy.is_relative_to(files._tmp)

    target = tmp_path / "out" / "合同副本.pdf"
    files.table.selectRow(0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    qtbot.mouseClick(files.save_btn, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == PDF

    files.table.selectRow(1)
    qtbot.mouseClick(files.remove_btn, Qt.MouseButton.LeftButton)
    assert no_modals and "机柜.jpg" in no_modals[-1] and files.code and files.code in no_modals[-1]  # names the asset
    assert [files.table.item(r, 0).text() for r in range(files.table.rowCount())] == ["采购合同.pdf", "保修证书.pdf"]
    assert "机柜.jpg" in detail.history.toPlainText()  # the removal is in the history
    with gui_ctx.db.session() as s:
        rows = {a.filename: a for a in s.scalars(select(Attachment).where(Attachment.owner_id == aid))}
        assert rows["机柜.jpg"].removed_by == ENGINEER and rows["机柜.jpg"].content is None
        assert bytes(rows["保修证书.pdf"].content or b"") == PDF + b"cert"
        assert {c.new for c in s.scalars(select(AssetChange).where(AssetChange.field == "attachments"))} == {
            "采购合同.pdf", "机柜.jpg", "保修证书.pdf", ""}
        acts = [e.action for e in s.scalars(select(AuditEvent).where(AuditEvent.action.like("asset.attach%"))
                                            .order_by(AuditEvent.seq))]
        assert acts == ["asset.attach"] * 3 + ["asset.attachment_open", "asset.attachment_save",
                                                "asset.attachment_remove"]
    assert audit_actions.verify(gui_ctx.db).value.ok

    tmp = files._tmp
    assert tmp.exists()
    files.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not tmp.exists()  # the temporary copies go with the widget


def test_refusals_are_shown_and_a_password_file_warns(qtbot, gui_ctx, tmp_path, monkeypatch) -> None:
    aid, detail = _asset_page(qtbot, gui_ctx)
    files = detail.files
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    assert files.add_files([str(empty)]) is False
    assert "空文件" in files.error.text() and files.table.rowCount() == 0
    cfg = tmp_path / "交换机配置.txt"
    cfg.write_text("sysname core\n管理员密码：Xk9#mQ2!vL\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(cfg)], "")))
    qtbot.mouseClick(files.add_btn, Qt.MouseButton.LeftButton)
    assert files.table.rowCount() == 1 and files.warning.isVisible() and "交换机配置.txt" in files.warning.text()
    with gui_ctx.db.session() as s:
        assert s.scalars(select(Attachment.filename).where(Attachment.owner_id == aid)).all() == ["交换机配置.txt"]
    detail.show_asset(None)
    assert not files.add_btn.isEnabled() and _drop(files, [cfg]) is False
