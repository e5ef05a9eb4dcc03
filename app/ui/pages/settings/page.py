"""Settings (设置): engineer name, UI language, tray notifications, current contract, database path, service calendar.

"Import contract profile…" loads a profile file (new contract or update, refusals shown).
Signals (wired by the main window): ``contractChanged(contract_id)`` when another contract is
chosen, ``engineerChanged(name)`` when the engineer name is saved.  The language takes effect on
restart.  The service calendar section is ``CalendarYearsBox``.  Data come from
``contract.actions`` and ``calendar.actions``.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.errors import OpsLedgerError
from app.services.contract import actions as contract_actions
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.pages.settings.calendar import CalendarYearsBox


class SettingsPage(QWidget):
    """User settings and the service calendar."""

    contractChanged = Signal(object)
    engineerChanged = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:  # noqa: PLR0915 - one form
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(self.tr("Settings"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        # -- user
        self.engineer = QLineEdit(ctx.engineer)
        self.engineer.setObjectName("engineerName")
        self.save_engineer = QPushButton(self.tr("Save"))
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system (Chinese by default)"), "")
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        i = self.language.findData(settings.get("language"))
        self.language.setCurrentIndex(max(i, 0))
        self.language_note = QLabel(self.tr("Takes effect when OpsLedger is restarted."))
        self.language_note.setStyleSheet("color: #555;")
        self.contract = QComboBox()
        self.contract.setObjectName("contract")
        self.import_profile = QPushButton(self.tr("Import contract profile…"))
        self.db_path = QLabel(str(ctx.db.file or ctx.db.url))
        self.db_path.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        eng_row = QHBoxLayout()
        eng_row.addWidget(self.engineer, 1)
        eng_row.addWidget(self.save_engineer)
        user = QGroupBox(self.tr("General"))
        form = QFormLayout(user)
        form.addRow(self.tr("Engineer (recorded on every change)"), eng_row)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        self.tray = self._tray_row(form)
        contract_row = QHBoxLayout()
        contract_row.addWidget(self.contract, 1)
        contract_row.addWidget(self.import_profile)
        form.addRow(self.tr("Contract"), contract_row)
        form.addRow(self.tr("Database"), self.db_path)
        self.calendar = CalendarYearsBox(ctx)
        self.years, self.import_year = self.calendar.years, self.calendar.import_year
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(user)
        lay.addWidget(self.calendar)
        lay.addWidget(self.message)
        lay.addStretch(1)
        self.save_engineer.clicked.connect(self.apply_engineer)
        self.engineer.returnPressed.connect(self.apply_engineer)
        self.language.currentIndexChanged.connect(self._on_language)
        self.contract.activated.connect(self._on_contract)
        self.calendar.said.connect(self._say)
        self.import_profile.clicked.connect(self.choose_profile_file)
        self.refresh()

    @Slot(str, bool)
    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #006000;")
        self.message.setText(text)

    def refresh(self) -> None:
        """Reload the contract list and the entered calendar years."""
        contracts = [(c.id, f"{c.title} ({c.name})") for c in perform(self.ctx, contract_actions.list_contracts)]
        self.contract.blockSignals(True)
        self.contract.clear()
        for cid, text in contracts:
            self.contract.addItem(text, str(cid))  # str: QVariant compares Python objects by identity
        i = self.contract.findData(str(self.ctx.contract_id))
        self.contract.setCurrentIndex(max(i, 0))
        self.contract.blockSignals(False)
        self.engineer.setText(self.ctx.engineer)
        self.calendar.load_years()

    @Slot()
    def apply_engineer(self) -> None:
        """Store the engineer name and announce it."""
        name = self.engineer.text().strip()
        if not name:
            self._say(self.tr("Enter your name: it is recorded on every change."), error=True)
            return
        settings.set_value("engineer_name", name)
        self.engineerChanged.emit(name)
        self._say(self.tr("Engineer saved."))

    @Slot(int)
    def _on_language(self, _index: int) -> None:
        settings.set_value("language", str(self.language.currentData() or ""))
        self._say(self.tr("Language saved; it takes effect when OpsLedger is restarted."))

    def _tray_row(self, form: QFormLayout) -> QCheckBox:
        """The tray-notification setting (``app.ui.tray``) as a row of ``form``."""
        box = QCheckBox(self.tr("Notify from the tray when an inspection falls due or an SLA reaches 75 %"))
        box.setObjectName("trayNotifications")
        box.setChecked(bool(settings.get("tray_notifications")))
        box.toggled.connect(self._on_tray)
        form.addRow(self.tr("Notifications"), box)
        return box

    @Slot(bool)
    def _on_tray(self, on: bool) -> None:
        settings.set_value("tray_notifications", bool(on))
        self._say(self.tr("Tray notifications on.") if on else self.tr("Tray notifications off."))

    @Slot(int)
    def _on_contract(self, index: int) -> None:
        data = self.contract.itemData(index)
        if not data or data == str(self.ctx.contract_id):
            return
        cid = uuid.UUID(data)
        row = perform(self.ctx, contract_actions.contract, cid)
        name = row.name if row else ""
        settings.set_value("contract_name", name)
        self.contractChanged.emit(cid)

    @Slot()
    def choose_profile_file(self) -> None:
        """Ask for a contract profile file and import it (a new contract or an update)."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import contract profile"), "",
                                              self.tr("Contract profiles (*.yaml *.yml *.json)"))
        if path:
            self.import_profile_file(path)

    def import_profile_file(self, path: str | Path) -> bool:
        """Validate and import the profile at ``path`` in one transaction; the refusal text
        (``ProfileError``, naming file and field) is shown and nothing is written.  The imported
        contract is added to the switcher (not switched to).  Returns True on success."""
        try:
            row = perform(self.ctx, contract_actions.import_profile_file, path, actor=self.ctx.engineer or "?")
        except OpsLedgerError as exc:
            self._say(str(exc), error=True)
            return False
        self.refresh()
        self._say(self.tr("Contract profile imported: %1").replace("%1", row.title))
        return True

    def import_year_file(self, path: str | Path, *, background: bool = True) -> None:
        """Import a holiday-arrangement file (see ``CalendarYearsBox.import_year_file``)."""
        self.calendar.import_year_file(path, background=background)
