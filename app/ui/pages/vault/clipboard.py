"""Copy a secret to the clipboard and clear it again after :data:`CLEAR_AFTER_MS` (30 s).

The clipboard is cleared only if it still holds our value — a text the user copied since is left
alone (KeePassXC does the same).  Quitting the application before the interval clears it too.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000


class SecretClipboard(QObject):
    """``copy(value)`` puts ``value`` on the clipboard and starts the clear timer."""

    def __init__(self, parent: QObject | None = None, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(clear_after_ms)
        self.timer.timeout.connect(self.clear)
        self._value = ""
        app = QGuiApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.clear)

    def copy(self, value: str) -> None:
        """Put ``value`` on the clipboard; it is cleared after the interval."""
        self._value = value
        QGuiApplication.clipboard().setText(value)
        self.timer.start()

    def clear(self) -> None:
        """Clear the clipboard if it still holds our value; forget the value either way."""
        board = QGuiApplication.clipboard()
        if self._value and board.text() == self._value:
            board.clear()
        self._value = ""
        self.timer.stop()
