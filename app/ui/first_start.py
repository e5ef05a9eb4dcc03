"""First start on an empty ledger: load a contract profile, say who you are and since when.

``FirstStartDialog(db)`` lists the shipped profiles (``profiles.shipped_profiles()``) and offers
"Import from file…".  The engineer box offers the chosen profile's engineers but pre-fills
nothing — Enter must never record the user under another person's name — and a name typed for
one profile is kept when another is chosen.  The 启用日期 (start of use, ``Contract.ledger_start``)
defaults to today (the term start for a contract whose term does not include today): nothing
before it is due, missed or counted.  "Load" calls ``contract.actions.first_start`` (one
transaction), stores the ``engineer_name`` and ``contract_name`` settings and accepts; a refusal
is shown in the dialog and nothing is written.  After ``accept``: ``contract_id`` and
``engineer`` hold the result.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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
from app.core.timeutil import local_today
from app.errors import OpsLedgerError
from app.services.contract import actions
from app.services.contract.actions import ProfileChoice
from app.services.contract.profiles import shipped_profiles
from app.services.ledger import Ledger


class FirstStartDialog(QDialog):
    """Choose a contract profile (shipped or from a file), the engineer and the start of use."""

    def __init__(self, db: Ledger, parent: QWidget | None = None) -> None:
        """Build, lay out and connect the widgets (long by layout, not by logic: one widget per line)."""
        super().__init__(parent)
        self.db = db
        self.contract_id: uuid.UUID | None = None
        self.engineer = ""
        self._file_choice: ProfileChoice | None = None
        self._offered: list[str] = []
        self._start_touched = False
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
        self.engineer_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.engineer_box.lineEdit().setPlaceholderText(self.tr("Your name"))
        self.ledger_start = QDateEdit(QDate(local_today()))
        self.ledger_start.setObjectName("ledgerStart")
        self.ledger_start.setCalendarPopup(True)
        self.ledger_start.setDisplayFormat("yyyy-MM-dd")
        start_note = QLabel(self.tr("Nothing before this day is due, missed or counted in reports."))
        start_note.setWordWrap(True)
        start_note.setStyleSheet("color: #555;")
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Load"))
        form = QFormLayout()
        form.addRow(self.tr("Who is using OpsLedger:"), self.engineer_box)
        form.addRow(self.tr("Start of use (启用日期):"), self.ledger_start)
        form.addRow("", start_note)
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
        self.ledger_start.dateChanged.connect(self._start_edited)
        if self.profiles.count():
            self.profiles.setCurrentRow(0)

    @Slot()
    def _start_edited(self) -> None:
        self._start_touched = True

    def _selected(self) -> ProfileChoice:
        """The chosen profile, validated; raises ``ProfileError``/``OpsLedgerError``."""
        if self._file_choice is not None:
            return self._file_choice
        item = self.profiles.currentItem()
        if item is None:
            raise OpsLedgerError(self.tr("Choose a contract profile first."))
        return actions.read_profile(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _use(self, choice: ProfileChoice) -> None:
        """Offer ``choice``'s engineers (none pre-selected) and propose its start of use."""
        typed = self.engineer_box.currentText().strip()
        own_typing = typed and typed not in self._offered
        self.engineer_box.clear()
        self._offered = list(choice.engineers)
        self.engineer_box.addItems(self._offered)
        self.engineer_box.setCurrentIndex(-1)
        self.engineer_box.setEditText(typed if own_typing else "")  # a name the user typed survives
        if not self._start_touched:
            self.ledger_start.blockSignals(True)
            self.ledger_start.setDate(QDate(actions.default_ledger_start(choice)))
            self.ledger_start.blockSignals(False)

    @Slot(int)
    def _on_profile(self, row: int) -> None:
        if row < 0:
            return
        self._file_choice = None
        self.file_label.clear()
        self.error_label.clear()
        try:
            self._use(self._selected())
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
            self, self.tr("Import contract profile"), "", self.tr("Contract profiles (*.yaml *.yml *.json)"))
        if path:
            self.use_file(path)

    def use_file(self, path: str | Path) -> bool:
        """Validate the profile at ``path`` and make it the choice; False (error shown) if refused."""
        self.error_label.clear()
        try:
            choice = actions.read_profile(Path(path))
        except OpsLedgerError as exc:
            # Nothing stays chosen: "Load" must not quietly import a shipped profile instead.
            self._file_choice = None
            self.profiles.setCurrentRow(-1)
            self.file_label.clear()
            self.error_label.setText(str(exc))
            return False
        self._file_choice = choice
        self.profiles.clearSelection()
        self.file_label.setText(self.tr("From file: %1").replace("%1", str(path)))
        self._use(choice)
        return True

    def start_of_use(self) -> date:
        """The 启用日期 as entered (local date)."""
        return self.ledger_start.date().toPython()

    @Slot()
    def load(self) -> None:
        """Import the chosen profile with the engineer and start of use; stays open showing any
        refusal (nothing written then)."""
        engineer = self.engineer_box.currentText().strip()
        if not engineer:
            self.error_label.setText(self.tr("Enter your name: it is recorded on every change."))
            self.engineer_box.setFocus()
            return
        try:
            choice = self._selected()
            row = perform_first_start(self.db, choice, engineer, self.start_of_use())
        except OpsLedgerError as exc:
            self.error_label.setText(str(exc))
            return
        settings.set_value("engineer_name", engineer)
        settings.set_value("contract_name", row.name)
        self.contract_id = row.id
        self.engineer = engineer
        self.accept()


def perform_first_start(db: Ledger, choice: ProfileChoice, engineer: str, ledger_start: date) -> actions.ContractRow:
    """Run ``contract.actions.first_start`` (no window exists yet, so no change bus to tell)."""
    return actions.first_start(db, choice, engineer=engineer, ledger_start=ledger_start).value
