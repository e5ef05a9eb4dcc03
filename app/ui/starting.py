"""The window painted first: the main window's frame with a "opening the ledger…" line, shown
before the database, SQLAlchemy and the pages load, so a start looks as quick as a bare Qt window.
``app.ui.main`` replaces it with the real ``MainWindow`` at the same place and size.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

TITLE = "运维台账 OpsLedger"
SIZE = (1200, 780)


class StartingWindow(QMainWindow):
    """A placeholder with the main window's title and size; ``hand_over(window)`` shows ``window``
    where this one is and closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.resize(*SIZE)
        label = QLabel(self.tr("Opening the ledger…"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(label)

    def paint_now(self) -> None:
        """Show and paint at once (before the event loop runs)."""
        self.show()
        self.repaint()

    def hand_over(self, window: QWidget) -> None:
        """Show ``window`` at this window's geometry and close this one."""
        if self.isVisible():
            window.setGeometry(self.geometry())
        window.show()
        self.close()
