"""The asset import dialog: choose file → mapping table → key → 模拟 → per-row results → 应用.

The mapping proposed is the saved mapping of the source (file-name pattern), else the header
aliases; every header can be mapped to a field or ignored.  Simulation and apply run in a worker
(``app.ui.tasks.run_task``); the result table shows per row created / updated / unchanged /
refused with the column, value and reason; the report exports to xlsx.  应用 is enabled only when
nothing is refused, and applies in one transaction after a backup (``actions.apply_import``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.fields import label as field_label
from app.core.i18n import _
from app.services.asset import actions, export, importer
from app.services.asset.register import FIELD_KEYS
from app.ui.context import AppContext
from app.ui.ops import emit_changes
from app.ui.tasks import run_task
from app.ui.widgets.errors import InlineError
from app.ui.widgets.pickers import combo, set_combo

COLORS = {"refused": "#c62828", "created": "#2e7d32", "updated": "#e65100", "unchanged": "#616161"}


class AssetImportDialog(QDialog):
    """Import a device list; ``simulation`` holds the last simulation, ``summary`` the applied
    ``ImportSummary``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:  # noqa: PLR0915 - the layout
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.source: importer.Source | None = None
        self.simulation: importer.Simulation | None = None
        self.summary: actions.ImportSummary | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Import assets from Excel"))
        self.resize(1100, 700)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.choose_btn = QPushButton(self.tr("Choose file…"), self)
        self.file_label = QLabel(self.tr("No file chosen"), self)
        top.addWidget(self.choose_btn)
        top.addWidget(self.file_label, 1)
        top.addWidget(QLabel(self.tr("Match existing assets by"), self))
        self.key = combo(self, [("code", self.tr("Asset code")), ("serial", self.tr("Serial number")),
                                ("ip", self.tr("IP address"))])
        top.addWidget(self.key)
        lay.addLayout(top)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.mapping = QTableWidget(0, 2, split)
        self.mapping.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Field")])
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.verticalHeader().setVisible(False)
        self.results = QTableWidget(0, 4, split)
        self.results.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Result"), self.tr("Asset code"),
                                                self.tr("Column, value and reason")])
        self.results.horizontalHeader().setStretchLastSection(True)
        self.results.verticalHeader().setVisible(False)
        self.results.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        split.setSizes([330, 770])
        lay.addWidget(split, 1)
        self.counts = QLabel(self)
        lay.addWidget(self.counts)
        self.error = InlineError(self)
        lay.addWidget(self.error)
        bottom = QHBoxLayout()
        self.simulate_btn = QPushButton(self.tr("Simulate"), self)
        self.report_btn = QPushButton(self.tr("Export report…"), self)
        self.apply_btn = QPushButton(self.tr("Apply"), self)
        self.close_btn = QPushButton(self.tr("Close"), self)
        bottom.addWidget(self.simulate_btn)
        bottom.addWidget(self.report_btn)
        bottom.addStretch(1)
        bottom.addWidget(self.apply_btn)
        bottom.addWidget(self.close_btn)
        lay.addLayout(bottom)
        for b in (self.simulate_btn, self.report_btn, self.apply_btn):
            b.setEnabled(False)
        self.choose_btn.clicked.connect(self.choose)
        self.simulate_btn.clicked.connect(self.simulate)
        self.report_btn.clicked.connect(self.export_report)
        self.apply_btn.clicked.connect(self.apply)
        self.close_btn.clicked.connect(self.reject)
        self.key.currentIndexChanged.connect(self._stale)

    # ---- file and mapping
    def choose(self) -> None:
        """Ask for the workbook."""
        name, _f = QFileDialog.getOpenFileName(self, self.tr("Import assets"), "", "Excel (*.xlsx)")
        if name:
            self.set_path(Path(name))

    def set_path(self, path: Path) -> bool:
        """Read ``path`` and fill the mapping table; a refused file is shown inline."""
        self.error.clear_error()
        try:
            source = importer.read_source(path)
        except Exception as exc:  # noqa: BLE001 - shown to the user: the guard's sentence
            self.error.show_error(exc)
            return False
        self.path, self.source = path, source
        self.file_label.setText(f"{path.name} · {source.sheet} · " + self.tr("%1 rows").replace(
            "%1", str(len(source.rows))))
        saved = self._saved(path.name)
        mapping = importer.propose_mapping(source.headers, (saved or {}).get("mapping"))
        if saved and saved.get("key"):
            set_combo(self.key, saved["key"])
        items = [(None, self.tr("(unknown)")), ("", self.tr("(ignore)"))] + [(k, field_label(k)) for k in FIELD_KEYS]
        self.mapping.setRowCount(0)
        for header, fkey in mapping.items():
            r = self.mapping.rowCount()
            self.mapping.insertRow(r)
            self.mapping.setItem(r, 0, QTableWidgetItem(header))
            cb = combo(self.mapping, items)
            set_combo(cb, fkey)
            cb.currentIndexChanged.connect(self._stale)
            self.mapping.setCellWidget(r, 1, cb)
        self._stale()
        return True

    def _saved(self, name: str) -> dict[str, Any] | None:
        if self.ctx.contract_id is None:
            return None
        return actions.saved_mapping(self.ctx.db, self.ctx.contract_id, name)

    def current_mapping(self) -> dict[str, str | None]:
        """Header → field key (``""`` ignored, ``None`` unknown) as chosen in the table."""
        out: dict[str, str | None] = {}
        for r in range(self.mapping.rowCount()):
            cell = self.mapping.item(r, 0)
            if cell is not None:
                out[cell.text()] = self.mapping.cellWidget(r, 1).currentData()  # type: ignore[attr-defined]
        return out

    def set_field(self, header: str, field: str | None) -> None:
        """Choose the field of ``header`` (as the user does in the table)."""
        for r in range(self.mapping.rowCount()):
            cell = self.mapping.item(r, 0)
            if cell is not None and cell.text() == header:
                set_combo(self.mapping.cellWidget(r, 1), field)  # type: ignore[arg-type]

    def _stale(self, *_: Any) -> None:
        self.simulation = None
        self.simulate_btn.setEnabled(self.source is not None and not self.busy)
        self.apply_btn.setEnabled(False)
        self.report_btn.setEnabled(False)

    # ---- simulate and apply (in a worker)
    def simulate(self) -> None:
        """Simulate with the chosen mapping and key; the results fill the table."""
        if self.path is None or self.ctx.contract_id is None:
            return
        path, cid, mapping, key = self.path, self.ctx.contract_id, self.current_mapping(), self.key.currentData()
        self._busy(True)
        run_task(lambda _p: actions.simulate_import(self.ctx.db, cid, path, mapping, key), self._simulated, self._failed)

    def _simulated(self, sim: importer.Simulation) -> None:
        self._busy(False)
        self.simulation = sim
        rows: list[tuple[int, str, str, str]] = [(row, "refused", "", f"{n.column} “{n.value}”: {n.text()}")
                                                 for row, n in sim.notes]
        for r in sim.rows:
            parts = [f"{n.column} “{n.value}”: {n.text()}" for n in r.notes]
            parts += [f"{field_label(k)}: {o or '—'} → {n or '—'}" for k, (o, n) in r.changes.items()]
            rows.append((r.row, r.action, r.code, "; ".join(parts)))
        self.results.setRowCount(len(rows))
        labels = {a: _(m) for a, m in export.ACTIONS.items()}  # the one label per result
        for i, (row, action, code, text) in enumerate(rows):
            cells = [str(row), labels[action], code, text]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c == 1:
                    item.setForeground(QBrush(QColor(COLORS[action])))
                item.setToolTip(value)
                self.results.setItem(i, c, item)
        self.results.resizeColumnsToContents()
        self.counts.setText(self.tr("%1 created, %2 updated, %3 unchanged, %4 refused")
                            .replace("%1", str(sim.count("created"))).replace("%2", str(sim.count("updated")))
                            .replace("%3", str(sim.count("unchanged"))).replace("%4", str(sim.count("refused"))))
        self.report_btn.setEnabled(True)
        self.apply_btn.setEnabled(not sim.refused and (sim.count("created") + sim.count("updated")) > 0)
        if sim.refused:
            self.error.setText(self.tr("Nothing can be applied while a row is refused: correct the file or the "
                                       "mapping and simulate again."))
            self.error.show()

    def apply(self) -> None:
        """Apply the simulated import (backup first, one transaction)."""
        if self.path is None or self.simulation is None or self.simulation.refused:
            return
        path, cid, mapping, key = self.path, self.ctx.contract_id, self.current_mapping(), self.key.currentData()
        self._busy(True)
        run_task(lambda _p: actions.apply_import(self.ctx.db, cid, path, actor=self.ctx.engineer, mapping=mapping,
                                                 key=key), self._applied, self._failed)

    def _applied(self, outcome: Any) -> None:
        self._busy(False)
        self.summary = emit_changes(self.ctx, outcome)
        s = self.summary
        if s is None:
            return
        self.counts.setText(self.tr("Applied: %1 created, %2 updated. Backup: %3")
                            .replace("%1", str(s.created)).replace("%2", str(s.updated))
                            .replace("%3", str(s.backup or "—")))
        self.apply_btn.setEnabled(False)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.error.show_error(exc)

    def _busy(self, busy: bool) -> None:
        self.busy = busy
        self.error.clear_error()
        for b in (self.simulate_btn, self.apply_btn, self.choose_btn):
            b.setEnabled(not busy)
        if busy:
            self.apply_btn.setEnabled(False)

    def export_report(self, out: Path | None = None) -> Path | None:
        """Write the simulation report (xlsx, the reason beside each row)."""
        if self.simulation is None:
            return None
        if out is None:
            name, _f = QFileDialog.getSaveFileName(self, self.tr("Export report"), "import-report.xlsx",
                                                   "Excel (*.xlsx)")
            if not name:
                return None
            out = Path(name)
        try:
            export.write_simulation(self.simulation, out)
        except OSError as exc:
            self.error.show_error(exc)
            return None
        self.counts.setText(self.tr("Report written to %1").replace("%1", str(out)))
        return out
