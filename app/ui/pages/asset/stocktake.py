"""The 盘点 tab of the 资产 page: start a stocktake of a location, walk its list (found /
missing / moved to …), note items not registered, finish and export the discrepancy report."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.timeutil import fmt_local
from app.core.vocab import StocktakeResult, label_of
from app.errors import OpsLedgerError
from app.services.asset import stocktake as st
from app.services.asset.queries import locations
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.widgets.errors import InlineError
from app.ui.widgets.pickers import combo, refill


class StocktakeTab(QWidget):
    """One stocktake at a time: the open one of the chosen location, or a new one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: uuid.UUID | None = None
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.location = combo(self, [])
        self.start_btn = QPushButton(self.tr("Start stocktake"), self)
        self.past = combo(self, [], self.tr("(earlier stocktakes)"))
        top.addWidget(QLabel(self.tr("Location"), self))
        top.addWidget(self.location, 1)
        top.addWidget(self.start_btn)
        top.addWidget(self.past, 1)
        lay.addLayout(top)
        self.heading = QLabel(self)
        lay.addWidget(self.heading)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Asset code"), self.tr("Name"), self.tr("Result"),
                                              self.tr("Moved to / description")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        lay.addWidget(self.table, 1)
        marks = QHBoxLayout()
        self.found_btn = QPushButton(self.tr("Found"), self)
        self.missing_btn = QPushButton(self.tr("Missing"), self)
        self.moved_to = QLineEdit(self)
        self.moved_to.setPlaceholderText(self.tr("Found at (location)"))
        self.moved_btn = QPushButton(self.tr("Moved"), self)
        self.unreg = QLineEdit(self)
        self.unreg.setPlaceholderText(self.tr("Item found but not registered: description"))
        self.unreg_btn = QPushButton(self.tr("Add"), self)
        for w in (self.found_btn, self.missing_btn, self.moved_to, self.moved_btn, self.unreg, self.unreg_btn):
            marks.addWidget(w)
        lay.addLayout(marks)
        end = QHBoxLayout()
        self.finish_btn = QPushButton(self.tr("Finish stocktake"), self)
        self.report_btn = QPushButton(self.tr("Export discrepancy report…"), self)
        end.addStretch(1)
        end.addWidget(self.finish_btn)
        end.addWidget(self.report_btn)
        lay.addLayout(end)
        self.error = InlineError(self)
        lay.addWidget(self.error)
        self.start_btn.clicked.connect(self.start)
        self.past.activated.connect(lambda _i: self.show_stocktake(self.past.currentData()))
        self.found_btn.clicked.connect(lambda: self.mark("found"))
        self.missing_btn.clicked.connect(lambda: self.mark("missing"))
        self.moved_btn.clicked.connect(lambda: self.mark("moved"))
        self.unreg_btn.clicked.connect(self.add_unregistered)
        self.finish_btn.clicked.connect(self.finish)
        self.report_btn.clicked.connect(lambda: self.export_report())  # noqa: PLW0108 - not clicked(bool)
        self.refresh()

    def refresh(self) -> None:
        """Refill locations and earlier stocktakes; reload the shown one."""
        refill(self.location, [(x, x) for x in locations(self.ctx.db, self.ctx.contract_id)])
        refill(self.past, [(i, f"{fmt_local(at)} {loc}" + (" ✓" if done else ""))
                           for i, loc, at, done in st.stocktakes(self.ctx.db, self.ctx.contract_id)])
        self.show_stocktake(self.current)

    def _do(self, action: object, *args: object, **kwargs: object) -> object:
        try:
            value: object = perform(self.ctx, action, *args, actor=self.ctx.engineer, **kwargs)  # type: ignore[arg-type]
        except OpsLedgerError as exc:
            self.error.show_error(exc)
            return None
        self.error.clear_error()
        return value

    def start(self) -> None:
        """Start a stocktake of the chosen location."""
        sid = self._do(st.start_stocktake, self.ctx.contract_id, self.location.currentData() or "")
        if sid is not None:
            self.current = sid  # type: ignore[assignment]
            self.refresh()

    def show_stocktake(self, stocktake_id: uuid.UUID | None) -> None:
        """Show the lines of ``stocktake_id`` (``None``: nothing)."""
        view = st.stocktake_view(self.ctx.db, stocktake_id) if stocktake_id else None
        self.current = view.id if view else None
        open_ = view is not None and view.finished_at is None
        for b in (self.found_btn, self.missing_btn, self.moved_btn, self.unreg_btn, self.finish_btn):
            b.setEnabled(open_)
        self.report_btn.setEnabled(view is not None and view.finished_at is not None)
        self.table.setRowCount(0)
        if view is None:
            self.heading.setText(self.tr("Choose a location and start a stocktake."))
            return
        self.heading.setText(self.tr("%1: %2 lines, %3 not yet seen, %4 missing, %5 moved, %6 not registered")
                             .replace("%1", view.location).replace("%2", str(len(view.lines)))
                             .replace("%3", str(view.count(None))).replace("%4", str(view.count("missing")))
                             .replace("%5", str(view.count("moved"))).replace("%6", str(view.count("unregistered"))))
        self.table.setRowCount(len(view.lines))
        for r, ln in enumerate(view.lines):
            for c, v in enumerate((ln.code, ln.name, label_of(StocktakeResult, ln.result), ln.moved_to or ln.description)):
                item = QTableWidgetItem(v)
                item.setData(Qt.ItemDataRole.UserRole, ln.id)
                self.table.setItem(r, c, item)

    def mark(self, result: str) -> None:
        """Mark the selected line."""
        row = self.table.currentRow()
        cell = self.table.item(row, 0) if row >= 0 else None
        if cell is None:
            return
        line_id = cell.data(Qt.ItemDataRole.UserRole)
        if self._do(st.mark_line, line_id, result, moved_to=self.moved_to.text()) is not None:
            self.moved_to.clear()
            self.show_stocktake(self.current)
            self.table.selectRow(min(row + 1, self.table.rowCount() - 1))

    def add_unregistered(self) -> None:
        """Note the described item as found but not registered."""
        if self.current and self._do(st.add_unregistered, self.current, self.unreg.text()) is not None:
            self.unreg.clear()
            self.show_stocktake(self.current)

    def finish(self) -> None:
        """Finish: unseen lines become missing."""
        if self.current and self._do(st.finish_stocktake, self.current) is not None:
            self.refresh()

    def export_report(self, out: Path | None = None) -> Path | None:
        """Write the discrepancy report (xlsx)."""
        view = st.stocktake_view(self.ctx.db, self.current) if self.current else None
        if view is None:
            return None
        if out is None:
            name, _f = QFileDialog.getSaveFileName(self, self.tr("Export discrepancy report"),
                                                   f"stocktake-{view.location}.xlsx", "Excel (*.xlsx)")
            if not name:
                return None
            out = Path(name)
        try:
            return st.write_report(view, out)
        except OSError as exc:
            self.error.show_error(exc)
            return None
