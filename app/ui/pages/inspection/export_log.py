"""Export the inspection log (巡检记录 .xlsx) from the 巡检 page — what ``opsledger export
inspections`` does, which the CLI refuses while the app holds the database.

The range defaults to the current week (Monday–Sunday); "This week", "Last week" and "This month"
set it in one click.  The file goes to ``<folder>/<contract>-inspections-<start>_<end>.xlsx``
(``-2``… rather than overwriting); the export runs in a worker (``inspection.actions.export_log``)
and the result — the path, or the refusal in words — is shown beside the button.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.core.timeutil import local_today
from app.errors import OpsLedgerError
from app.paths import data_dir
from app.services.contract import actions as contract_actions
from app.services.inspection import actions
from app.ui.context import AppContext
from app.ui.ops import emit_changes
from app.ui.tasks import run_task


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week containing ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


class InspectionLogExport(QGroupBox):
    """Date range, folder and "Export inspection log" button; emits ``exported(path)``."""

    exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Export inspection log (Excel)"), parent)
        self.ctx = ctx
        self.busy = False
        self.last_path: Path | None = None
        monday, sunday = week_of(local_today())
        self.start = QDateEdit(QDate(monday))
        self.end = QDateEdit(QDate(sunday))
        for w in (self.start, self.end):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        self.start.setObjectName("logStart")
        self.end.setObjectName("logEnd")
        self.this_week = QPushButton(self.tr("This week"))
        self.last_week = QPushButton(self.tr("Last week"))
        self.this_month = QPushButton(self.tr("This month"))
        self.folder = QLineEdit(settings.get("last_export_dir") or str(data_dir() / "exports"))
        self.folder.setObjectName("logFolder")
        self.choose_folder = QPushButton(self.tr("Choose folder…"))
        self.export_button = QPushButton(self.tr("Export inspection log"))
        self.export_button.setObjectName("exportLog")
        self.open_button = QPushButton(self.tr("Open file"))
        self.open_button.setEnabled(False)
        self.message = QLabel()
        self.message.setObjectName("logMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row1 = QHBoxLayout()
        for w in (QLabel(self.tr("From")), self.start, QLabel(self.tr("to")), self.end,
                  self.this_week, self.last_week, self.this_month):
            row1.addWidget(w)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        row2.addWidget(QLabel(self.tr("Folder")))
        row2.addWidget(self.folder, 1)
        row2.addWidget(self.choose_folder)
        row2.addWidget(self.export_button)
        row2.addWidget(self.open_button)
        lay = QVBoxLayout(self)
        lay.addLayout(row1)
        lay.addLayout(row2)
        lay.addWidget(self.message)
        self.this_week.clicked.connect(lambda: self.set_range(*week_of(local_today())))
        self.last_week.clicked.connect(lambda: self.set_range(*week_of(local_today() - timedelta(days=7))))
        self.this_month.clicked.connect(self._this_month)
        self.choose_folder.clicked.connect(self._choose_folder)
        self.export_button.clicked.connect(self.export)
        self.open_button.clicked.connect(self._open)

    def set_range(self, start: date, end: date) -> None:
        """Set the export range (local dates, inclusive)."""
        self.start.setDate(QDate(start))
        self.end.setDate(QDate(end))

    @Slot()
    def _this_month(self) -> None:
        today = local_today()
        first = today.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        self.set_range(first, nxt - timedelta(days=1))

    @Slot()
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def output_path(self, start: date, end: date) -> Path:
        """Where the export of ``start``–``end`` goes (never over an earlier file)."""
        folder = Path(self.folder.text().strip() or str(data_dir() / "exports")).expanduser()
        row = contract_actions.contract(self.ctx.db, self.ctx.contract_id).value
        stem = f"{row.name if row else 'inspections'}-inspections-{start.isoformat()}_{end.isoformat()}"
        path, n = folder / f"{stem}.xlsx", 1
        while path.exists():
            n += 1
            path = folder / f"{stem}-{n}.xlsx"
        return path

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #006000;")
        self.message.setText(text)

    @Slot()
    def export(self) -> None:
        """Export the chosen range in a worker; a refusal (no contract, range backwards) is
        explained beside the button, never a silent no-op."""
        if self.busy:
            self._say(self.tr("An export is already running."), error=True)
            return
        if self.ctx.contract_id is None:
            self._say(self.tr("No contract loaded."), error=True)
            return
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if end < start:
            self._say(self.tr("The range ends (%1) before it starts (%2).")
                      .replace("%1", end.isoformat()).replace("%2", start.isoformat()), error=True)
            return
        out = self.output_path(start, end)
        db, cid, actor = self.ctx.db, self.ctx.contract_id, self.ctx.engineer
        self.busy = True
        self.export_button.setEnabled(False)
        self._say(self.tr("Exporting %1…").replace("%1", out.name))
        run_task(lambda _p: actions.export_log(db, cid, start, end, out, actor=actor), self._done, self._failed)

    def _done(self, outcome: object) -> None:
        self.busy = False
        self.export_button.setEnabled(True)
        path = Path(emit_changes(self.ctx, outcome))
        self.last_path = path
        settings.set_value("last_export_dir", str(path.parent))
        self.open_button.setEnabled(True)
        self._say(self.tr("Inspection log exported: %1").replace("%1", str(path)))
        self.exported.emit(str(path))

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.export_button.setEnabled(True)
        text = str(exc) if isinstance(exc, OpsLedgerError | OSError) else repr(exc)
        self._say(self.tr("Export failed: %1").replace("%1", text), error=True)

    @Slot()
    def _open(self) -> None:
        if self.last_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path)))
