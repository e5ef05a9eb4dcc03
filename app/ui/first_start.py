"""First start on an empty database: load a contract profile and say who is using OpsLedger.

``FirstStartDialog(db)`` lists the shipped profiles (``app.services.contract.profiles.shipped_profiles()``)
and offers "Import from file…"; the engineer combo box is filled from the chosen profile's
engineers (editable).  "Load" imports the profile in one transaction (``import_profile``), stores
``engineer_name`` and ``contract_name`` settings and accepts; a refused profile shows the
``ProfileError`` text in the dialog and writes nothing.  After ``accept``: ``contract_id`` and
``engineer`` hold the result.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.store.db import Database
from app.errors import OpsLedgerError
from app.services.contract.profiles import import_profile, load_profile_file, shipped_profiles


class FirstStartDialog(QDialog):
    """Choose a contract profile (shipped or from a file) and the engineer using this computer."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.contract_id: uuid.UUID | None = None
        self.engineer = ""
        self._file_data: dict[str, Any] | None = None
        self._offered: list[str] = []
        self.setWindowTitle(self.tr("Welcome to OpsLedger"))
        self.setMinimumWidth(560)
        intro = QLabel(self.tr("The database is empty. Load the contract you work under, "
                               "then say who you are: your name is recorded on every change."))
        intro.setWordWrap(True)
        self.profiles = QListWidget()
        self.profiles.setObjectName("profiles")
        self.profiles.setStyleSheet("QListWidget::item { padding: 6px; }")
        for sp in shipped_profiles():
            item = QListWidgetItem(f"{sp.title}\n{sp.client} · {sp.name}")
            item.setData(Qt.ItemDataRole.UserRole, str(sp.path))
            self.profiles.addItem(item)
        self.import_button = QPushButton(self.tr("Import from file…"))
        self.file_label = QLabel()
        self.engineer_box = QComboBox()
        self.engineer_box.setEditable(True)
        self.engineer_box.setObjectName("engineer")
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Load"))
        form = QFormLayout()
        form.addRow(self.tr("Who is using OpsLedger:"), self.engineer_box)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(QLabel(self.tr("Shipped contract profiles:")))
        lay.addWidget(self.profiles, 1)
        lay.addWidget(self.import_button)
        lay.addWidget(self.file_label)
        lay.addLayout(form)
        lay.addWidget(self.error_label)
        lay.addWidget(self.buttons)
        self.profiles.currentRowChanged.connect(self._on_profile)
        self.import_button.clicked.connect(self.choose_file)
        self.buttons.accepted.connect(self.load)
        self.buttons.rejected.connect(self.reject)
        if self.profiles.count():
            self.profiles.setCurrentRow(0)

    def _selected_data(self) -> dict[str, Any]:
        """The chosen profile's validated data; raises ``ProfileError``/``OpsLedgerError``."""
        if self._file_data is not None:
            return self._file_data
        item = self.profiles.currentItem()
        if item is None:
            raise OpsLedgerError(self.tr("Choose a contract profile first."))
        return load_profile_file(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _fill_engineers(self, data: dict[str, Any]) -> None:
        typed = self.engineer_box.currentText().strip()
        own_typing = typed and typed not in self._offered
        self.engineer_box.clear()
        names = [e["name"] for e in data.get("engineers", [])]
        self._offered = names
        self.engineer_box.addItems(names)
        if own_typing:  # a name the user typed survives switching profiles; offered ones do not
            self.engineer_box.setEditText(typed)

    @Slot(int)
    def _on_profile(self, row: int) -> None:
        if row < 0:
            return
        self._file_data = None
        self.file_label.clear()
        self.error_label.clear()
        try:
            self._fill_engineers(self._selected_data())
        except OpsLedgerError as exc:
            self.error_label.setText(str(exc))

    def select_profile(self, name: str) -> None:
        """Select the shipped profile whose contract name is ``name`` (used by tests and scripts)."""
        for row in range(self.profiles.count()):
            if self.profiles.item(row).text().endswith(f"· {name}"):
                self.profiles.setCurrentRow(row)
                return
        raise KeyError(name)

    @Slot()
    def choose_file(self) -> None:
        """Ask for a profile file (YAML/JSON) and validate it at once; problems are shown."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import contract profile"), "", self.tr("Contract profiles (*.yaml *.yml *.json)")
        )
        if path:
            self.use_file(path)

    def use_file(self, path: str | Path) -> bool:
        """Validate the profile at ``path`` and make it the choice; False (error shown) if refused."""
        self.error_label.clear()
        try:
            data = load_profile_file(Path(path))
        except OpsLedgerError as exc:
            # Nothing stays chosen: "Load" must not quietly import a shipped profile instead.
            self._file_data = None
            self.profiles.setCurrentRow(-1)
            self.file_label.clear()
            self.error_label.setText(str(exc))
            return False
        self._file_data = data
        self.profiles.clearSelection()
        self.file_label.setText(self.tr("From file: %1").replace("%1", str(path)))
        self._fill_engineers(data)
        return True

    @Slot()
    def load(self) -> None:
        """Import the chosen profile and store the engineer; stays open showing any refusal."""
        engineer = self.engineer_box.currentText().strip()
        if not engineer:
            self.error_label.setText(self.tr("Enter your name: it is recorded on every change."))
            return
        try:
            data = self._selected_data()
            with self.db.session() as s:
                contract = import_profile(s, data, actor=engineer)
                self.contract_id = contract.id
                name = contract.name
        except OpsLedgerError as exc:
            self.error_label.setText(str(exc))
            return
        settings.set_value("engineer_name", engineer)
        settings.set_value("contract_name", name)
        self.engineer = engineer
        self.accept()
