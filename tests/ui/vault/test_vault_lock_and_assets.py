"""Through the widgets: the KDBX file locks after the idle period and at once on 锁定 (the master
password is asked again); the entry form picks the asset from the register by typing; the asset's
detail lists its accounts — account, host, next due — and never the password."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app import settings
from app.services.vault import backend, entries
from app.services.vault.backend import Vault
from app.ui.pages.vault.entry_dialog import CredentialDialog
from app.ui.pages.vault.kdbx_dialog import KdbxDialog
from tests.ui.gui_helpers import accept_dialog
from tests.ui.vault.conftest import finish

SECRET = "Lock-Test-Pw!2026"
MASTER = "Master-Lock-9!"


@pytest.fixture
def kdbx_vault(tmp_path: Path) -> Any:
    vault = Vault(idle_lock_minutes=0.04)  # 2.4 s
    vault.use_kdbx(tmp_path / "vault.kdbx", MASTER, create=True)
    backend.reset(vault)
    yield vault
    backend.reset(None)


def _add(qtbot: Any, page: Any, monkeypatch: pytest.MonkeyPatch, account: str, asset_text: str = "") -> None:
    def fill(d: CredentialDialog) -> None:
        d.system.setText("机房UPS")
        qtbot.keyClicks(d.account, account)
        if asset_text:
            d.asset.setFocus()
            d.asset.lineEdit().clear()
            qtbot.keyClicks(d.asset.lineEdit(), asset_text)
            popup = d.asset.completer().popup()
            qtbot.waitUntil(popup.isVisible, timeout=2000)
            qtbot.keyClick(popup, Qt.Key.Key_Down)
            qtbot.keyClick(popup, Qt.Key.Key_Return)
        qtbot.keyClicks(d.secret.edit, SECRET)
        d.submit()
        finish(qtbot, d)
        assert d.saved_id is not None, d.error.message()

    accept_dialog(monkeypatch, CredentialDialog, fill)
    qtbot.mouseClick(page.add_btn, Qt.MouseButton.LeftButton)
    monkeypatch.undo()


def test_idle_lock_and_the_lock_button(qtbot: Any, main_window: Any, gui_ctx: Any, kdbx_vault: Vault,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    page = main_window.show_page("vault")
    page.vault = kdbx_vault
    page.refresh()
    assert page.lock_btn.isVisible() and page.lock_btn.isEnabled()
    _add(qtbot, page, monkeypatch, "admin")
    page.select_account("admin")
    qtbot.mouseClick(page.show_btn, Qt.MouseButton.LeftButton)
    finish(qtbot, page)
    assert page.secret_label.text() == SECRET, page.message.message()
    qtbot.waitUntil(lambda: kdbx_vault.store is None, timeout=6000)  # idle: locked by the page's timer
    assert page.secret_label.text() == "••••••••" and not page.lock_btn.isEnabled()
    assert "已锁定" in page.status.text() or "locked" in page.status.text()
    page.select_account("admin")
    qtbot.mouseClick(page.show_btn, Qt.MouseButton.LeftButton)
    assert not page.call.busy and page.message.fallback_btn.isVisible()
    assert page.message.fallback_btn.text() in ("解锁 KDBX 文件…", "Unlock KDBX file…")

    def unlock(d: KdbxDialog) -> None:
        assert d.path.text().endswith("vault.kdbx")
        qtbot.keyClicks(d.master, MASTER)
        d.submit()
        finish(qtbot, d)

    accept_dialog(monkeypatch, KdbxDialog, unlock)
    qtbot.mouseClick(page.message.fallback_btn, Qt.MouseButton.LeftButton)
    assert kdbx_vault.store is not None and page.lock_btn.isEnabled() and page.idle_box.isVisible()
    page.idle_box.minutes.selectAll()
    qtbot.keyClicks(page.idle_box.minutes, "7")
    assert settings.get("vault_idle_lock_minutes") == 7  # the setting the next session uses
    page.select_account("admin")
    qtbot.mouseClick(page.copy_btn, Qt.MouseButton.LeftButton)
    finish(qtbot, page)
    assert QGuiApplication.clipboard().text() == SECRET
    held = kdbx_vault.store
    qtbot.mouseClick(page.lock_btn, Qt.MouseButton.LeftButton)  # 锁定: at once
    assert kdbx_vault.store is None and held.db is None  # type: ignore[attr-defined]
    assert not page.lock_btn.isEnabled() and QGuiApplication.clipboard().text() == ""


@pytest.mark.qt_log_ignore("^This plugin does not support (raise|grabbing the keyboard)")  # the completer popup
def test_the_form_picks_the_asset_and_the_asset_lists_its_accounts(qtbot: Any, main_window: Any, gui_ctx: Any,
                                                                   memory_keyring: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    page = main_window.show_page("vault")
    _add(qtbot, page, monkeypatch, "upsadmin", asset_text="UPS")
    rows = entries.list_credentials(gui_ctx.db, gui_ctx.contract_id)
    assert [(r.account, r.asset_code, r.asset_name) for r in rows] == [("upsadmin", "UPS-01", "机房UPS主机")]
    assert rows[0].asset_id is not None
    detail = main_window.show_page("assets").register.detail
    detail.show_asset(rows[0].asset_id)
    tab = detail.tabs.indexOf(detail.accounts)
    assert detail.tabs.tabText(tab) in ("账号 (1)", "Accounts (1)")
    table = detail.accounts
    shown = [table.item(0, c).text() for c in range(table.columnCount())]
    assert shown[:4] == ["机房UPS", "upsadmin", "", rows[0].next_due_on.isoformat()]
    assert SECRET not in " ".join(shown)
    table.setFocus()
    table.setCurrentCell(0, 1)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # opens the entry on the 密码库 page
    assert main_window.current_key() == "vault" and page.current_id() == rows[0].id
