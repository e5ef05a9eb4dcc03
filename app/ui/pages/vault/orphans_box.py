"""The 密码库 page's offer to clean the keyring: shown only when a keyring store answered after
its timeout and could not be taken back (``late_answers.orphans()``), so the keyring may hold a
password the ledger has no entry for; 清理 emits ``cleanRequested`` (the page runs
``actions.clean_keyring_orphans`` in its worker)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.vault import late_answers


class OrphansBox(QWidget):
    """A sentence and a 清理 button; ``check()`` shows or hides it."""

    cleanRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setStyleSheet("color: #8d6e00;")
        self.clean_btn = QPushButton(self.tr("Clean up"), self)
        self.clean_btn.clicked.connect(lambda _checked=False: self.cleanRequested.emit())
        row.addWidget(self.text, 1)
        row.addWidget(self.clean_btn)
        self.hide()

    def check(self) -> int:
        """Show the offer when there are orphans; returns how many."""
        n = len(late_answers.orphans())
        self.text.setText(self.tr("%1 password(s) reached the system keyring after it had timed out and could not "
                                  "be removed again; the ledger has no entry for them.").replace("%1", str(n)))
        self.setVisible(n > 0)
        return n
