"""密码库 page driven through its widgets: add with the generator, show/copy (clipboard cleared),
rotate with history and due date, the backend status line; the secret guard on an incident note."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.core.timeutil import local_today
from app.services.vault import entries
from app.store.models import AuditEvent, Incident
from app.ui.pages.vault.entry_dialog import CredentialDialog
from app.ui.pages.vault.rotate_dialog import RotateDialog
from tests.ui.gui_helpers import accept_dialog
from tests.ui.vault.conftest import finish

SECRET = "Gui!Canary-Pw-2026x"


def _fill_entry(qtbot: Any, secret: str = SECRET):
    def fill(d: CredentialDialog) -> None:
        d.system.setText("审判流程管理系统")  # QTest types ASCII only
        qtbot.keyClicks(d.host, "10.10.1.20")
        qtbot.keyClicks(d.account, "sa")
        d.policy.rotation_days.setValue(60)
        qtbot.keyClicks(d.secret.edit, secret)
        d.submit()
        finish(qtbot, d)
    return fill


def test_add_show_copy_rotate(qtbot: Any, main_window: Any, gui_ctx: Any, memory_keyring: Any,
                              monkeypatch: Any) -> None:
    page = main_window.show_page("vault")
    assert "密码保存在" in page.status.text() and "MemoryKeyring" in page.status.text()
    accept_dialog(monkeypatch, CredentialDialog, _fill_entry(qtbot))
    qtbot.mouseClick(page.add_btn, Qt.MouseButton.LeftButton)
    rows = entries.list_credentials(gui_ctx.db, gui_ctx.contract_id)
    assert [(r.account, r.host, r.policy.rotation_days) for r in rows] == [("sa", "10.10.1.20", 60)]
    assert rows[0].next_due_on == local_today() + timedelta(days=60)
    assert list(memory_keyring.store.values()) == [SECRET]
    page.select_account("sa")
    assert page.secret_label.text() == "••••••••"
    qtbot.mouseClick(page.show_btn, Qt.MouseButton.LeftButton)
    finish(qtbot, page)
    assert page.secret_label.text() == SECRET
    page.clipboard.timer.setInterval(50)
    qtbot.mouseClick(page.copy_btn, Qt.MouseButton.LeftButton)
    finish(qtbot, page)
    assert QGuiApplication.clipboard().text() == SECRET
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=2000)
    with gui_ctx.db.session() as s:
        actions = sorted(e.action for e in s.scalars(select(AuditEvent).where(AuditEvent.entity_kind == "credential")))
    assert actions == ["credential.add", "credential.copy", "credential.view"]

    def rotate(d: RotateDialog) -> None:
        qtbot.mouseClick(d.secret.generate_btn, Qt.MouseButton.LeftButton)
        assert d.secret.edit.text() == d.confirm.text() and len(d.confirm.text()) == 16
        d.submit()
        finish(qtbot, d)

    accept_dialog(monkeypatch, RotateDialog, rotate)
    qtbot.mouseClick(page.rotate_btn, Qt.MouseButton.LeftButton)
    assert page.history.rowCount() == 2 and page.history.item(0, 1).text() == gui_ctx.engineer
    assert memory_keyring.store[("OpsLedger", str(rows[0].id))] != SECRET


def test_clipboard_is_not_cleared_when_the_user_copied_something_else(qtbot: Any, main_window: Any,
                                                                       memory_keyring: Any) -> None:
    page = main_window.show_page("vault")
    page.clipboard.timer.setInterval(30)
    page.clipboard.copy("Our-Secret-1!")
    QGuiApplication.clipboard().setText("something the user copied")
    qtbot.wait(100)
    assert QGuiApplication.clipboard().text() == "something the user copied"


def test_the_page_says_why_the_keyring_is_refused(qtbot: Any, gui_ctx: Any) -> None:
    from keyring.backends import fail

    from app.services.vault import backend
    from app.ui.pages.vault import VaultPage

    vault = backend.Vault()
    vault.start(fail.Keyring())
    backend.reset(vault)
    try:
        page = VaultPage(gui_ctx)
        qtbot.addWidget(page)
        assert "没有可用的系统密钥环" in page.status.text()
        page.table.selectRow(0)
    finally:
        backend.reset(None)


def test_a_password_typed_into_an_incident_note_triggers_the_guard(qtbot: Any, main_window: Any, gui_ctx: Any,
                                                                  memory_keyring: Any) -> None:
    from app.ui.widgets.secret_guard import SecretWarningDialog

    page = main_window.show_page("incidents")
    page.new_incident()
    form = page.form
    form.title.setText("OA 数据库无法连接")
    form.description.setPlainText("已重置 sa 账号，")
    form.description.moveCursor(form.description.textCursor().MoveOperation.End)
    qtbot.keyClicks(form.description, "password: Abc@12345x")
    seen: list[str] = []

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SecretWarningDialog)
        seen.append(dialog.text.text())
        dialog.cancel_btn.click()

    QTimer.singleShot(0, cancel)
    assert form.submit() is False
    assert seen and "A********x" in seen[0]
    with gui_ctx.db.session() as s:
        assert s.scalars(select(Incident)).first() is None

    def move() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SecretWarningDialog)
        dialog.move_btn.click()

    def fill(d: CredentialDialog) -> None:
        assert d.secret.edit.text() == "Abc@12345x" and d.system.text() == "OA 数据库无法连接"
        qtbot.keyClicks(d.account, "sa")
        d.submit()
        finish(qtbot, d)

    import pytest

    mp = pytest.MonkeyPatch()
    try:
        accept_dialog(mp, CredentialDialog, fill)
        QTimer.singleShot(0, move)
        assert form.submit() is True
    finally:
        mp.undo()
    with gui_ctx.db.session() as s:
        inc = s.scalars(select(Incident)).one()
        assert "Abc@12345x" not in inc.description
        assert "已移入密码库" in inc.description or "moved into the vault" in inc.description
    assert list(memory_keyring.store.values()) == ["Abc@12345x"]


def _answer_guard(button: str) -> list[str]:
    from app.ui.widgets.secret_guard import SecretWarningDialog

    seen: list[str] = []

    def click() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SecretWarningDialog)
        seen.append(dialog.text.text())
        getattr(dialog, button).click()

    QTimer.singleShot(0, click)
    return seen


def test_a_request_saved_anyway_keeps_the_text(qtbot: Any, main_window: Any, gui_ctx: Any) -> None:
    from app.store.models import ServiceRequest

    page = main_window.show_page("requests")
    page.new_request()
    page.form.title.setText("重置邮箱密码")
    qtbot.keyClicks(page.form.description, "pwd=Temp#2026ab")
    seen = _answer_guard("keep_btn")
    assert page.form.submit() is True and seen
    with gui_ctx.db.session() as s:
        assert s.scalars(select(ServiceRequest)).one().description == "pwd=Temp#2026ab"


def test_an_inspection_note_with_a_password_is_held_back(qtbot: Any, main_window: Any, gui_ctx: Any,
                                                         no_modals: Any) -> None:
    from datetime import date

    from app.store.models import InspectionResult

    today = main_window.show_page("today")
    today.set_day(date(2026, 6, 1))
    assert today.select_slot("db-backup-daily", "10:00") >= 0
    today.table.setFocus()
    qtbot.keyClick(today.table, Qt.Key.Key_Return)
    runner = main_window.runner
    qtbot.keyClicks(runner.answer, "2")
    qtbot.keyClick(runner.answer, Qt.Key.Key_Up)
    qtbot.keyClicks(runner.note, "oracle system/Xk9#mQ2!vLp8")
    seen = _answer_guard("cancel_btn")
    assert runner.save_note() is False and seen
    with gui_ctx.db.session() as s:
        notes = [r.note for r in s.scalars(select(InspectionResult))]
    assert not any("Xk9#mQ2!vLp8" in n for n in notes)
    runner.note.clear()  # the engineer takes the password out of the note
