"""Settings (设置): engineer name, UI language, current contract, database path, service calendar.

"Import contract profile…" loads a profile file (new contract or update, refusals shown).
Signals (wired by the main window): ``contractChanged(contract_id)`` when another contract is
chosen, ``engineerChanged(name)`` when the engineer name is saved.  The language takes effect on
restart.  The service calendar section lists the entered official years
(``app.services.calendar.admin.entered_years``) and imports a year file (``load_year_file`` in a
worker, then ``enter_year`` in one transaction); it degrades to a notice if that module is missing.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from app import settings
from app.errors import OpsLedgerError
from app.store.models import Contract
from app.ui.context import AppContext


class SettingsPage(QWidget):
    """User settings and the service calendar."""

    contractChanged = Signal(object)
    engineerChanged = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
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
        contract_row = QHBoxLayout()
        contract_row.addWidget(self.contract, 1)
        contract_row.addWidget(self.import_profile)
        form.addRow(self.tr("Contract"), contract_row)
        form.addRow(self.tr("Database"), self.db_path)
        # -- calendar
        cal = QGroupBox(self.tr("Service calendar: official holiday arrangements"))
        self.years = QListWidget()
        self.years.setObjectName("calendarYears")
        self.years.setMaximumHeight(160)
        self.import_year = QPushButton(self.tr("Import year file…"))
        self.calendar_note = QLabel(self.tr(
            "Entered years override the built-in holiday table; SLA clocks and the inspection "
            "schedule need every year they touch to be covered."))
        self.calendar_note.setWordWrap(True)
        self.calendar_note.setStyleSheet("color: #555;")
        cl = QVBoxLayout(cal)
        cl.addWidget(self.calendar_note)
        cl.addWidget(self.years, 1)
        cl.addWidget(self.import_year)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(user)
        lay.addWidget(cal)
        lay.addWidget(self.message)
        lay.addStretch(1)
        self.save_engineer.clicked.connect(self.apply_engineer)
        self.engineer.returnPressed.connect(self.apply_engineer)
        self.language.currentIndexChanged.connect(self._on_language)
        self.contract.activated.connect(self._on_contract)
        self.import_year.clicked.connect(self.choose_year_file)
        self.import_profile.clicked.connect(self.choose_profile_file)
        self.refresh()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #006000;")
        self.message.setText(text)

    def refresh(self) -> None:
        """Reload the contract list and the entered calendar years."""
        with self.ctx.db.session() as s:
            contracts = [(c.id, f"{c.title} ({c.name})") for c in s.scalars(select(Contract).order_by(Contract.name))]
        self.contract.blockSignals(True)
        self.contract.clear()
        for cid, text in contracts:
            self.contract.addItem(text, str(cid))  # str: QVariant compares Python objects by identity
        i = self.contract.findData(str(self.ctx.contract_id))
        self.contract.setCurrentIndex(max(i, 0))
        self.contract.blockSignals(False)
        self.engineer.setText(self.ctx.engineer)
        self._load_years()

    def _load_years(self) -> None:
        self.years.clear()
        from app.services.calendar import admin as calendar_admin

        with self.ctx.db.session() as s:
            rows = [(y.year, y.source) for y in calendar_admin.entered_years(s)]
        for year, source in rows:
            self.years.addItem(f"{year} — {source}")
        if not rows:
            self.years.addItem(self.tr("No year entered: the built-in holiday table is used."))

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

    @Slot(int)
    def _on_contract(self, index: int) -> None:
        data = self.contract.itemData(index)
        if not data or data == str(self.ctx.contract_id):
            return
        cid = uuid.UUID(data)
        with self.ctx.db.session() as s:
            c = s.get(Contract, cid)
            name = c.name if c else ""
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
        from app.services.contract.profiles import import_profile, load_profile_file

        try:
            data = load_profile_file(Path(path))
            with self.ctx.db.session() as s:
                c = import_profile(s, data, actor=self.ctx.engineer or "?")
                title = c.title
        except OpsLedgerError as exc:
            self._say(str(exc), error=True)
            return False
        self.refresh()
        self._say(self.tr("Contract profile imported: %1").replace("%1", title))
        self.ctx.bus.changed.emit(("contract",))
        return True

    @Slot()
    def choose_year_file(self) -> None:
        """Ask for a holiday-arrangement file and import it."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import calendar year"), "",
                                              self.tr("Calendar files (*.yaml *.yml *.json)"))
        if path:
            self.import_year_file(path)

    def import_year_file(self, path: str | Path, *, background: bool = True) -> None:
        """Read the year file (in a worker unless ``background`` is False) and enter the year."""
        from app.services.calendar import admin as calendar_admin
        from app.ui.tasks import run_task

        actor = self.ctx.engineer or "?"

        def work(_progress: Any) -> int:
            year, holidays, makeup, source, names = calendar_admin.load_year_file(path)
            with self.ctx.db.session() as s:
                calendar_admin.enter_year(s, year, holidays, makeup, source=source, actor=actor, names=names)
            return year

        self.import_year.setEnabled(False)
        if background:
            run_task(work, self._imported, self._import_failed)
            return
        try:
            year = work(None)
        except OpsLedgerError as exc:
            self._import_failed(exc)
        else:
            self._imported(year)

    def _imported(self, year: int) -> None:
        self.import_year.setEnabled(True)
        self._load_years()
        self._say(self.tr("Calendar year %1 entered.").replace("%1", str(year)))
        self.ctx.bus.changed.emit(("calendar",))

    def _import_failed(self, exc: BaseException) -> None:
        self.import_year.setEnabled(True)
        if not isinstance(exc, OpsLedgerError):
            print(f"opsledger: calendar import failed: {exc!r}", file=sys.stderr)
        self._say(self.tr("Import refused: %1").replace("%1", str(exc)), error=True)
