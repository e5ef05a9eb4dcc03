"""The add dialog against a keyring that answers after the timeout: the user reads that nothing
was stored — and when the keyring answers later after all, the secret is removed from it again,
so the keyring never holds a password the ledger does not know."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.services.vault import backend, late_answers
from app.services.vault.backend import KeyringStore, Vault
from app.store.models import AuditEvent, Credential
from app.ui.pages.vault.entry_dialog import CredentialDialog
from tests.services.vault.memory_keyring import LateKeyring, RefusingLateKeyring

SECRET = "Late-Answer-Pw!2026x"


def test_a_store_that_answers_after_the_timeout_is_taken_back(qtbot: Any, gui_ctx: Any) -> None:
    ring = LateKeyring()
    vault = Vault()
    vault.started, vault.kind = True, "keyring"
    vault.store = KeyringStore(ring, timeout=0.4)
    backend.reset(vault)
    dialog = CredentialDialog(gui_ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.system.setText("审判流程管理数据库")  # an editable choice of the known systems
    qtbot.keyClicks(dialog.account, "sa")
    qtbot.keyClicks(dialog.secret.edit, SECRET)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.message() != "", timeout=5000)
    assert "0.4" in dialog.error.message() and dialog.buttons.isEnabled()
    ring.answer.set()  # the keyring answers now: the store completes in the abandoned thread
    assert late_answers.wait_idle(ring, 5)
    assert ring.store == {}
    with gui_ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Credential)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.entity_kind == "credential")) == 0
    ring.hold = False  # a second try, answered in time, is stored with its ledger row
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.call.busy, timeout=5000)
    with gui_ctx.db.session() as s:
        key = s.scalars(select(Credential.secret_key)).one()
    assert ring.store == {(backend.SERVICE, key): SECRET}


def test_the_page_offers_to_clean_a_secret_that_could_not_be_taken_back(qtbot: Any, main_window: Any,
                                                                        gui_ctx: Any) -> None:
    from app.services.vault import actions
    from app.services.vault.actions import CredentialInput
    from app.services.vault.backend import VaultUnavailable

    ring = RefusingLateKeyring()
    vault = Vault()
    vault.started, vault.kind = True, "keyring"
    vault.store = KeyringStore(ring, timeout=0.3)
    backend.reset(vault)
    with pytest.raises(VaultUnavailable):  # timed out; the late answer cannot be taken back
        actions.add_credential(gui_ctx.db, gui_ctx.contract_id, vault.store, actor="王建国",
                               entry=CredentialInput("OA", "admin"), secret=SECRET)
    ring.answer.set()
    assert late_answers.wait_idle(ring, 5) and len(late_answers.orphans()) == 1 and len(ring.store) == 1
    page = main_window.show_page("vault")
    page.vault = vault
    page.refresh()
    box = page.orphans_box
    assert box.isVisibleTo(page) and "1" in box.text.text()
    ring.refuse = False
    qtbot.mouseClick(box.clean_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.call.busy, timeout=5000)
    assert ring.store == {} and late_answers.orphans() == {} and not box.isVisibleTo(page)
    with gui_ctx.db.session() as s:
        assert s.scalars(select(AuditEvent.action).where(AuditEvent.action == "credential.orphans_clean")).all()
