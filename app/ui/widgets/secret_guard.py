"""Before a note is saved: does it hold a password?  (口令泄露检查, 司法局 §2.3.1.4)

``guard_secrets(parent, ctx, edits)`` scans the text of the given line/plain-text edits with
``app.core.secrets_scan.scan``; when something looks like a credential it asks, in a dialog,

* 移入密码库 — open the vault's add dialog with the value filled in; once saved, the value in the
  note is replaced by “［密码已移入密码库］” and the save goes on;
* 仍然保存 — save the note as typed;
* 取消 — go back to the form, nothing saved.

Returns True when the caller may save.  One call per form's save, before its action.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.secrets_scan import Finding, redact, scan
from app.ui.context import AppContext

Edit = QLineEdit | QPlainTextEdit

MOVE, KEEP, CANCEL = "move", "keep", "cancel"


def _text(edit: Edit) -> str:
    return edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()


def _set_text(edit: Edit, text: str) -> None:
    if isinstance(edit, QLineEdit):
        edit.setText(text)
    else:
        edit.setPlainText(text)


class SecretWarningDialog(QDialog):
    """“This note looks like it holds a password” with the masked values and three buttons;
    ``choice`` is ``move``, ``keep`` or ``cancel`` after ``exec()``."""

    def __init__(self, findings: Sequence[Finding], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = CANCEL
        self.setWindowTitle(self.tr("Password in the note?"))
        lay = QVBoxLayout(self)
        shown = "、".join(f.masked for f in findings[:5])
        self.text = QLabel(self.tr("The text looks like it holds a password (%1). A password saved in a note lands "
                                   "in the database, its backups and every export. Move it into the vault?")
                           .replace("%1", shown), self)
        self.text.setWordWrap(True)
        lay.addWidget(self.text)
        row = QHBoxLayout()
        self.move_btn = QPushButton(self.tr("Move into the vault"), self)
        self.keep_btn = QPushButton(self.tr("Save anyway"), self)
        self.cancel_btn = QPushButton(self.tr("Cancel"), self)
        self.move_btn.setDefault(True)
        row.addStretch(1)
        for b, choice in ((self.move_btn, MOVE), (self.keep_btn, KEEP), (self.cancel_btn, CANCEL)):
            row.addWidget(b)
            b.clicked.connect(lambda _=False, c=choice: self._choose(c))
        lay.addLayout(row)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept() if choice != CANCEL else self.reject()


def guard_secrets(parent: QWidget, ctx: AppContext, edits: Sequence[Edit], *, system: str = "") -> bool:
    """Scan ``edits``; True when the caller may save (nothing found, moved, or saved anyway).

    ``system`` pre-fills the vault entry's 系统 field when moving (e.g. the incident's title).
    """
    found = {id(e): scan(_text(e)) for e in edits}
    findings = [f for e in edits for f in found[id(e)]]
    if not findings:
        return True
    dialog = SecretWarningDialog(findings, parent)
    dialog.exec()
    if dialog.choice == KEEP:
        return True
    if dialog.choice != MOVE:
        return False
    from app.services.vault import backend  # noqa: PLC0415
    from app.ui.pages.vault.entry_dialog import CredentialDialog  # noqa: PLC0415

    status = backend.current().status()
    if not status.ready:
        QMessageBox.warning(parent, QCoreApplication.translate("SecretGuard", "Vault"), status.text)
        return False
    add = CredentialDialog(ctx, None, parent, secret=findings[0].value, system=system)
    if not add.exec() or add.saved_id is None:
        return False
    placeholder = QCoreApplication.translate("SecretGuard", "[password moved into the vault]")
    for e in edits:
        if found[id(e)]:
            _set_text(e, redact(_text(e), found[id(e)], placeholder))
    return True
