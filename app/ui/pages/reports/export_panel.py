"""The export box of the reports page: folder, one button per format, result line, open buttons.

The page connects ``exportRequested(fmt)``; ``message`` shows the result or why an export cannot
run (no period offered, an export already running …) — a button never does nothing silently.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.reports.actions import FORMATS


class ExportPanel(QGroupBox):
    """Folder line, "Export PDF/Excel/Word" buttons and the last export's result."""

    exportRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Export"), parent)
        self.last_export: Path | None = None
        self.folder = QLineEdit()
        self.folder.setObjectName("exportFolder")
        self.choose_folder = QPushButton(self.tr("Choose folder…"))
        labels = {"pdf": self.tr("Export PDF"), "xlsx": self.tr("Export Excel"), "docx": self.tr("Export Word")}
        self.buttons: dict[str, QPushButton] = {}
        lay = QVBoxLayout(self)
        frow = QHBoxLayout()
        frow.addWidget(QLabel(self.tr("Folder")))
        frow.addWidget(self.folder, 1)
        frow.addWidget(self.choose_folder)
        lay.addLayout(frow)
        brow = QHBoxLayout()
        for fmt in FORMATS:
            b = QPushButton(labels[fmt])
            b.setObjectName(f"export_{fmt}")
            b.clicked.connect(lambda _=False, f=fmt: self.exportRequested.emit(f))
            self.buttons[fmt] = b
            brow.addWidget(b)
        lay.addLayout(brow)
        self.message = QLabel()
        self.message.setObjectName("exportMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_file_button = QPushButton(self.tr("Open file"))
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_file_button.setEnabled(False)
        self.open_folder_button.setEnabled(False)
        orow = QHBoxLayout()
        orow.addWidget(self.message, 1)
        orow.addWidget(self.open_file_button)
        orow.addWidget(self.open_folder_button)
        lay.addLayout(orow)
        self.choose_folder.clicked.connect(self._choose_folder)
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button.clicked.connect(self.open_folder)

    def say(self, text: str, error: bool = False) -> None:
        """Show ``text`` as the export result (red for a refusal)."""
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    def exported(self, path: Path) -> None:
        """Remember the exported file and enable the open buttons."""
        self.last_export = path
        self.open_file_button.setEnabled(True)
        self.open_folder_button.setEnabled(True)

    @Slot()
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    @Slot()
    def open_file(self) -> None:
        """Open the last exported file with the system's application."""
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export)))

    @Slot()
    def open_folder(self) -> None:
        """Open the folder of the last exported file."""
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export.parent)))
