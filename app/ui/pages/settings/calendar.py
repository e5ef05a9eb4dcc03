"""The service-calendar box of Settings: the official years entered and "Import year file…".

Years come from ``calendar.actions.entered_years``; a file is read and entered by
``calendar.actions.import_year`` in a worker (``background=False`` runs it at once, for tests);
the result or the refusal (naming the file's line) is reported through ``said(text, error)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import OpsLedgerError
from app.services.calendar import actions
from app.ui.context import AppContext
from app.ui.ops import emit_changes, perform
from app.ui.tasks import run_task


class CalendarYearsBox(QGroupBox):
    """Entered official holiday arrangements and their import."""

    said = Signal(str, bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Service calendar: official holiday arrangements"), parent)
        self.ctx = ctx
        self.years = QListWidget()
        self.years.setObjectName("calendarYears")
        self.years.setMaximumHeight(160)
        self.import_year = QPushButton(self.tr("Import year file…"))
        note = QLabel(self.tr(
            "Entered years override the built-in holiday table; SLA clocks and the inspection "
            "schedule need every year they touch to be covered."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(self.years, 1)
        lay.addWidget(self.import_year)
        self.import_year.clicked.connect(self.choose_year_file)

    def load_years(self) -> None:
        """Reload the list of entered years."""
        self.years.clear()
        rows = perform(self.ctx, actions.entered_years)
        for y in rows:
            self.years.addItem(f"{y.year} — {y.source}")
        if not rows:
            self.years.addItem(self.tr("No year entered: the built-in holiday table is used."))

    @Slot()
    def choose_year_file(self) -> None:
        """Ask for a holiday-arrangement file and import it."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import calendar year"), "",
                                              self.tr("Calendar files (*.yaml *.yml *.json)"))
        if path:
            self.import_year_file(path)

    def import_year_file(self, path: str | Path, *, background: bool = True) -> None:
        """Read the year file (in a worker unless ``background`` is False) and enter the year."""
        db, actor = self.ctx.db, self.ctx.engineer or "?"

        def work(_progress: Any) -> Any:
            return actions.import_year(db, path, actor=actor)

        self.import_year.setEnabled(False)
        if background:
            run_task(work, self._imported, self._import_failed)
            return
        try:
            outcome = work(None)
        except OpsLedgerError as exc:
            self._import_failed(exc)
        else:
            self._imported(outcome)

    def _imported(self, outcome: Any) -> None:
        self.import_year.setEnabled(True)
        year = emit_changes(self.ctx, outcome)
        self.load_years()
        self.said.emit(self.tr("Calendar year %1 entered.").replace("%1", str(year)), False)

    def _import_failed(self, exc: BaseException) -> None:
        self.import_year.setEnabled(True)
        text = str(exc) if isinstance(exc, OpsLedgerError | OSError) else repr(exc)
        self.said.emit(self.tr("Import refused: %1").replace("%1", text), True)
