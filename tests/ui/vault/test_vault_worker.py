"""A keyring that hangs (a locked Secret Service collection) or breaks never freezes the window:
the click returns at once, the page or dialog shows its busy state while the event loop keeps
running, then the sentence appears with the KDBX fallback offer — and nothing is written."""

from __future__ import annotations

import time
from typing import Any

import keyring
import pytest
from PySide6.QtCore import Qt, QTimer
from sqlalchemy import func, select

from app.services.vault import actions, backend, entries
from app.services.vault.actions import CredentialInput
from app.services.vault.backend import KeyringStore, Vault
from app.services.vault.policy import Policy
from app.store.models import AuditEvent, Credential, CredentialRotation
from app.ui.pages.vault import VaultPage
from app.ui.pages.vault.entry_dialog import CredentialDialog
from app.ui.pages.vault.kdbx_dialog import KdbxDialog
from app.ui.pages.vault.rotate_dialog import RotateDialog
from tests.services.vault.memory_keyring import HangingKeyring, MemoryKeyring
from tests.ui.gui_helpers import accept_dialog
from tests.ui.vault.conftest import finish

TIMEOUT_S = 0.6
SECRET = "Hang-Test-Pw!2026x"


class SlowKeyring(HangingKeyring):
    delay = 3.0  # past the test's timeout; the stuck daemon thread ends soon after the test


class BrokenKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise ValueError("unexpected inside the backend")


class Ticks:
    """Counts timer ticks on the GUI thread: proof that the event loop kept running."""

    def __init__(self) -> None:
        self.n = 0
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.n += 1


def _use(ring: Any) -> Vault:
    vault = Vault()
    vault.started, vault.kind = True, "keyring"
    vault.store = KeyringStore(ring, timeout=TIMEOUT_S)
    backend.reset(vault)
    return vault


@pytest.fixture
def entry_id(gui_ctx: Any, memory_keyring: MemoryKeyring) -> Any:
    store = backend.current().require()
    entry = CredentialInput("OA", "admin", host="10.0.0.8", policy=Policy(12, ("lower", "upper", "digits"), 60))
    return actions.add_credential(gui_ctx.db, gui_ctx.contract_id, store, actor="王建国", entry=entry,
                                  secret=SECRET).value


def _counts(db: Any) -> tuple[int, int, int]:
    with db.session() as s:
        return (s.scalar(select(func.count()).select_from(Credential)) or 0,
                s.scalar(select(func.count()).select_from(CredentialRotation)) or 0,
                s.scalar(select(func.count()).select_from(AuditEvent).where(
                    AuditEvent.entity_kind == "credential")) or 0)


def test_add_against_a_hanging_keyring_returns_at_once_and_writes_nothing(qtbot: Any, gui_ctx: Any) -> None:
    ring = SlowKeyring()
    _use(ring)
    dialog = CredentialDialog(gui_ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.system.setText("审判流程管理数据库")
    qtbot.keyClicks(dialog.account, "sa")
    qtbot.keyClicks(dialog.secret.edit, SECRET)
    ticks = Ticks()
    started = time.monotonic()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert time.monotonic() - started < 0.3  # the click returned at once
    assert dialog.call.busy and dialog.busy_label.isVisible() and not dialog.buttons.isEnabled()
    dialog.reject()  # cannot be closed while the password is being stored
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.error.message() != "", timeout=5000)
    assert ticks.n >= int(TIMEOUT_S / 0.02) // 2  # the loop ran the whole time
    text = dialog.error.message()
    assert "0.6" in text and ("KDBX" in text) and "Traceback" not in text
    assert dialog.error.fallback_btn.isVisible() and dialog.buttons.isEnabled()
    assert _counts(gui_ctx.db) == (0, 0, 0) and ring.store == {}
    assert dialog.secret.edit.text() == SECRET  # kept for another try
    ticks.timer.stop()


def test_show_copy_and_rotate_against_a_hanging_keyring(qtbot: Any, main_window: Any, gui_ctx: Any,
                                                        entry_id: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    page = main_window.show_page("vault")
    page.refresh()
    before = _counts(gui_ctx.db)
    page.vault = _use(SlowKeyring())
    page.select_account("admin")
    for button in (page.show_btn, page.copy_btn):
        started = time.monotonic()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert time.monotonic() - started < 0.3
        assert page.busy_bar.isVisible() and not page.show_btn.isEnabled() and not page.add_btn.isEnabled()
        qtbot.waitUntil(lambda: page.message.message() != "", timeout=5000)
        assert not page.busy_bar.isVisible() and page.show_btn.isEnabled()
        assert page.secret_label.text() == "••••••••" and page.message.fallback_btn.isVisible()
        page.message.clear_error()
    seen: list[str] = []

    def rotate(d: RotateDialog) -> None:
        qtbot.mouseClick(d.secret.generate_btn, Qt.MouseButton.LeftButton)
        t0 = time.monotonic()
        d.submit()
        assert time.monotonic() - t0 < 0.3 and d.call.busy and d.busy_label.isVisibleTo(d)
        qtbot.waitUntil(lambda: d.error.message() != "", timeout=5000)
        seen.append(d.error.message())

    monkeypatch.setattr(RotateDialog, "exec", lambda d: (rotate(d), 0)[1])
    qtbot.mouseClick(page.rotate_btn, Qt.MouseButton.LeftButton)
    assert seen and "KDBX" in seen[0]
    assert _counts(gui_ctx.db) == before  # no rotation, no view/copy event
    row = entries.list_credentials(gui_ctx.db, gui_ctx.contract_id)[0]
    assert len(entries.rotation_history(gui_ctx.db, row.id)) == 1


def test_an_unexpected_backend_error_is_a_sentence_not_a_traceback(qtbot: Any, main_window: Any, gui_ctx: Any,
                                                                   entry_id: Any) -> None:
    page = main_window.show_page("vault")
    page.refresh()
    page.vault = _use(BrokenKeyring())
    page.select_account("admin")
    qtbot.mouseClick(page.show_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.message() != "", timeout=5000)
    text = page.message.message()
    assert "ValueError" in text and "Traceback" not in text and "unexpected inside" not in text
    assert page.message.fallback_btn.isVisible()


def test_the_probe_at_start_runs_in_a_worker(qtbot: Any, gui_ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(SlowKeyring())
    monkeypatch.setattr(backend, "TIMEOUT_SECONDS", TIMEOUT_S)
    backend.reset(None)
    try:
        started = time.monotonic()
        page = VaultPage(gui_ctx)
        qtbot.addWidget(page)
        assert time.monotonic() - started < 1.0
        assert page.busy_bar.isVisibleTo(page) and ("正在检查" in page.status.text() or "Checking" in page.status.text())
        finish(qtbot, page)
        assert page.vault.started and not page.vault.status().ready
        assert "0.6" in page.status.text() and "KDBX" in page.status.text()
        assert page.kdbx_btn.isEnabled() and page.keyring_btn.isEnabled()
        opened: list[Any] = []
        accept_dialog(monkeypatch, KdbxDialog, opened.append)
        qtbot.mouseClick(page.kdbx_btn, Qt.MouseButton.LeftButton)
        assert opened  # the fallback offer opens the KDBX dialog
    finally:
        backend.reset(None)
        keyring.set_keyring(before)


def test_a_hanging_keyring_leaves_the_other_workers_alone(qtbot: Any, gui_ctx: Any) -> None:
    from app.ui.tasks import run_task

    _use(SlowKeyring())
    dialogs = [CredentialDialog(gui_ctx, None) for _ in range(2)]
    for n, d in enumerate(dialogs):
        qtbot.addWidget(d)
        d.system.setText("OA")
        d.account.setText(f"user{n}")
        d.secret.edit.setText(SECRET)
        d.submit()
    assert all(d.call.busy for d in dialogs)  # both vault threads wait for the keyring
    done: list[int] = []
    started = time.monotonic()
    run_task(lambda _p: 42, done.append, lambda _e: None)  # e.g. the overview's figures
    qtbot.waitUntil(lambda: done == [42], timeout=2000)
    assert time.monotonic() - started < TIMEOUT_S and all(d.call.busy for d in dialogs)
    for d in dialogs:
        finish(qtbot, d)
