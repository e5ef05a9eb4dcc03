"""文件 → 备份账本… / 恢复账本… driven through the menu and the dialog's buttons (issue #9 item 3):
the backup lands as a file and a backup_record row; a chosen restore is checked and scheduled for
the next start, the open ledger untouched."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from app.services import backup_records
from app.store.models import BackupRecord
from app.store.snapshot import sha256_of


def _open(qtbot, main_window, name: str):  # type: ignore[no-untyped-def]
    main_window.menus.actions[name].trigger()
    dlg = main_window._backup_dialog
    qtbot.waitExposed(dlg)
    return dlg


def test_backup_from_the_file_menu_writes_a_verified_recorded_copy(qtbot, main_window, gui_ctx) -> None:  # type: ignore[no-untyped-def]
    dlg = _open(qtbot, main_window, "backup")
    assert dlg.windowTitle() == dlg.tr("Back up the ledger") and dlg.table.rowCount() == 0
    qtbot.mouseClick(dlg.backup_btn, Qt.MouseButton.LeftButton)
    with gui_ctx.db.session() as s:
        rec = s.scalars(select(BackupRecord)).one()
    path = Path(rec.folder) / rec.file_name
    assert rec.kind == "manual" and rec.verified
    assert path.is_file() and sha256_of(path) == rec.sha256 and path.stat().st_size == rec.size_bytes
    text = dlg.status.text()
    assert rec.file_name in text and rec.revision in text  # file, size, time and the check passed
    assert dlg.table.rowCount() == 1 and dlg.table.item(0, 1).text() == "手工"
    assert dlg.table.item(0, 2).text() == rec.file_name and dlg.table.item(0, 4).text() == dlg.tr("passed")


def test_restore_from_the_file_menu_is_checked_and_waits_for_the_next_start(qtbot, main_window, gui_ctx,
                                                                            monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = backup_records.backup_now(gui_ctx.db, actor="王建国").value
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(good.path), ""))
    dlg = _open(qtbot, main_window, "restore")  # the file picker opens at once
    qtbot.waitUntil(lambda: backup_records.pending_restore(gui_ctx.db.file) is not None, timeout=3000)
    assert str(good.path) in dlg.status.text()  # "… will be restored from <file> when OpsLedger starts next"
    assert dlg.cancel_restore_btn.isVisible()
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("meeting notes " * 40, encoding="utf-8")
    assert not dlg.choose_restore(str(bad))
    assert "不是 OpsLedger 数据库" in dlg.status.text()
    assert backup_records.pending_restore(gui_ctx.db.file).backup == good.path  # the good one stays chosen
    qtbot.mouseClick(dlg.cancel_restore_btn, Qt.MouseButton.LeftButton)
    assert backup_records.pending_restore() is None and not dlg.cancel_restore_btn.isVisible()
