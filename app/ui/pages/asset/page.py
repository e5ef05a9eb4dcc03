"""资产 page: the asset register (list with filters, SQL-paged; detail; form), the subnets
(IPAM) and the stocktakes, as tabs.

Keys: Ctrl+N new asset, F2 edit the selected one, Ctrl+I import.  Writes are
``app.services.asset.actions``; their change (``("asset",)``) reaches ``ctx.bus`` through
``app.ui.ops``.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.errors import OpsLedgerError
from app.services.asset.label_sheets import sheet_choices
from app.services.asset.queries import locations
from app.ui.context import AppContext
from app.ui.pages.asset.detail import AssetDetail
from app.ui.pages.asset.filters import AssetFilterBar
from app.ui.pages.asset.form import AssetForm
from app.ui.pages.asset.model import AssetTableModel
from app.ui.pages.asset.stocktake import StocktakeTab
from app.ui.pages.asset.subnets import SubnetsTab
from app.ui.widgets.errors import InlineError
from app.ui.widgets.list_frame import ListFrame
from app.ui.widgets.pickers import combo
from app.ui.widgets.record_page import RecordListPage

if TYPE_CHECKING:  # the import dialog and exporters load openpyxl/reportlab: only when used
    from app.ui.pages.asset.import_dialog import AssetImportDialog

class RegisterTab(RecordListPage):
    """The register list, the asset form and the detail pane."""

    incidentRequested = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._options_for = ctx.contract_id
        self.filters = AssetFilterBar(locations(ctx.db, ctx.contract_id), self)
        self.new_btn = QPushButton(self.tr("New asset"), self)
        self.new_btn.setToolTip(self.tr("Register a new asset (Ctrl+N)"))
        self.import_btn = QPushButton(self.tr("Import…"), self)
        self.import_btn.setToolTip(self.tr("Import a device list from Excel, simulated first (Ctrl+I)"))
        self.export_btn = QPushButton(self.tr("Export…"), self)
        self.export_btn.setToolTip(self.tr("Export the listed assets to Excel, ready to print"))
        self.yaml_btn = QPushButton(self.tr("Export to profile…"), self)
        self.yaml_btn.setToolTip(self.tr("Write the contract profile's asset section (YAML)"))
        self.labels_btn = QPushButton(self.tr("Labels…"), self)
        self.labels_btn.setToolTip(self.tr("Print QR labels of the listed assets on the label sheet chosen beside"))
        self.sheet = combo(self, sheet_choices())
        self.sheet.setToolTip(self.tr("Label sheet"))
        self.frame = ListFrame(self.filters, [self.new_btn, self.import_btn, self.export_btn, self.yaml_btn,
                                              self.labels_btn, self.sheet], self)
        self.message = InlineError(self)
        self.note = QLabel(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.frame, 1)
        lay.addWidget(self.message)
        lay.addWidget(self.note)
        self.model = AssetTableModel(ctx.db, ctx.contract_id, self.filters.filter(), self)
        self.frame.table.setModel(self.model)
        self.frame.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.frame.fit_columns({0: 120, 1: 170, 2: 80, 3: 100, 4: 50, 5: 100, 6: 70, 7: 110})
        self.form = AssetForm(ctx, self)
        self.detail = AssetDetail(ctx, self)
        self.frame.detail.addWidget(self.detail)
        self.frame.detail.addWidget(self.form)
        self.frame.detail.setCurrentWidget(self.detail)
        self.filters.changed.connect(lambda: self.model.set_filter(self.filters.filter()))
        self.frame.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.new_btn.clicked.connect(self.new_asset)
        self.import_btn.clicked.connect(self.open_import)
        self.export_btn.clicked.connect(lambda: self.export_xlsx())  # noqa: PLW0108 - not clicked(bool)
        self.yaml_btn.clicked.connect(lambda: self.export_yaml())  # noqa: PLW0108 - not clicked(bool)
        self.labels_btn.clicked.connect(lambda: self.print_labels())  # noqa: PLW0108 - not clicked(bool)
        self.form.saved.connect(self._saved)
        self.form.cancelled.connect(lambda: self.frame.detail.setCurrentWidget(self.detail))
        self.detail.editRequested.connect(self.edit_asset)
        self.detail.labelRequested.connect(lambda aid: self.print_labels(ids=[aid]))
        self.detail.incidentRequested.connect(self.incidentRequested)
        self.add_shortcuts([("Ctrl+N", self.new_asset), ("F2", lambda: self.edit_asset(self._detail_id())),
                            ("Ctrl+I", self.open_import)])
        self._update_count()

    def editors(self) -> list[Any]:
        """The asset form while it is shown."""
        return [self.form] if self.frame.detail.currentWidget() is self.form else []

    def _detail_id(self) -> uuid.UUID | None:
        return self.detail.asset_id

    def _show_detail(self, record_id: uuid.UUID | None) -> None:
        self.detail.show_asset(record_id)

    def _reload_options(self) -> None:
        self._options_for = self.ctx.contract_id
        self.filters.set_locations(locations(self.ctx.db, self.ctx.contract_id))
        self.detail.reload_options()
        self.model.flt = self.filters.filter()

    def refresh(self) -> None:
        """Reload the list (new locations appear in the filter) and the detail pane."""
        self.filters.set_locations(locations(self.ctx.db, self.ctx.contract_id))
        super().refresh()

    def _row_changed(self, current: Any, _previous: Any) -> None:
        if self._quiet or not current.isValid():
            return
        if self.frame.detail.currentWidget() is self.form and not self.settle(self.form):
            return
        self.frame.detail.setCurrentWidget(self.detail)
        self.detail.show_asset(current.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole))

    def new_asset(self) -> None:
        """Ctrl+N: the empty form in the detail pane."""
        if self.frame.detail.currentWidget() is self.form and not self.settle(self.form):
            return
        self.frame.detail.setCurrentWidget(self.form)
        self.form.start_new()

    def edit_asset(self, asset_id: uuid.UUID | None) -> None:
        """F2: the form filled from the selected asset."""
        if asset_id is not None and self.form.start_edit(asset_id):
            self.frame.detail.setCurrentWidget(self.form)

    def _saved(self, asset_id: uuid.UUID) -> None:
        self.frame.detail.setCurrentWidget(self.detail)
        self.model.reload()
        self.frame.select_id(asset_id)
        self.detail.show_asset(asset_id)

    def open_import(self) -> AssetImportDialog:
        """Ctrl+I: the import dialog (modal)."""
        from app.ui.pages.asset.import_dialog import AssetImportDialog  # noqa: PLC0415 - openpyxl when used

        dlg = AssetImportDialog(self.ctx, self)
        dlg.open()
        return dlg

    def _ask(self, title: str, name: str, pattern: str) -> Path | None:
        path, _f = QFileDialog.getSaveFileName(self, title, name, pattern)
        return Path(path) if path else None

    def _done(self, work: Any, out: Path | None) -> Path | None:
        if out is None or self.ctx.contract_id is None:
            return None
        try:
            work(out)
        except (OpsLedgerError, OSError) as exc:
            self.message.show_error(exc)
            return None
        self.message.clear_error()
        self.note.setText(self.tr("Written to %1").replace("%1", str(out)))
        return out

    def _cid(self) -> uuid.UUID:
        """The current contract (``_done`` runs nothing without one)."""
        assert self.ctx.contract_id is not None  # noqa: S101 - checked by _done
        return self.ctx.contract_id

    def export_xlsx(self, out: Path | None = None) -> Path | None:
        """Export the listed assets (the filter applies) to an xlsx file."""
        out = out or self._ask(self.tr("Export assets"), "assets.xlsx", "Excel (*.xlsx)")
        from app.services.asset import export  # noqa: PLC0415 - openpyxl only when used

        return self._done(lambda p: export.export_register(self.ctx.db, self._cid(), p,
                                                           self.filters.filter()), out)

    def export_yaml(self, out: Path | None = None) -> Path | None:
        """Write the profile's asset section (YAML)."""
        out = out or self._ask(self.tr("Export to profile"), "assets.yaml", "YAML (*.yaml)")
        from app.services.asset import export  # noqa: PLC0415 - openpyxl only when used

        return self._done(lambda p: export.export_profile_yaml(self.ctx.db, self._cid(), p), out)

    def print_labels(self, out: Path | None = None, ids: list[uuid.UUID] | None = None) -> Path | None:
        """Labels (QR code, code, name, client) of ``ids`` or the listed assets, on the chosen sheet."""
        out = out or self._ask(self.tr("Print labels"), "labels.pdf", "PDF (*.pdf)")
        if ids is None:
            ids = [self.model.row_at(r).id for r in range(self.model.rowCount())]
        from app.services.asset import labels  # noqa: PLC0415 - reportlab only when used

        return self._done(lambda p: labels.write_labels(labels.label_data(self.ctx.db, self._cid(), ids),
                                                        p, self.sheet.currentData()), out)


class AssetsPage(QWidget):
    """The 资产 page: register, subnets and stocktake tabs.  ``incidentRequested(id)`` asks the
    window to open an incident listed on an asset."""

    incidentRequested = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget(self)
        self.register = RegisterTab(ctx, self)
        self.subnets = SubnetsTab(ctx, self)
        self.stocktake = StocktakeTab(ctx, self)
        self.tabs.addTab(self.register, self.tr("Register"))
        self.tabs.addTab(self.subnets, self.tr("Subnets"))
        self.tabs.addTab(self.stocktake, self.tr("Stocktake"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)
        self.register.incidentRequested.connect(self.incidentRequested)

    def show_record(self, asset_id: uuid.UUID) -> None:
        """Show ``asset_id`` in the register (a warranty reminder on the overview opens its asset):
        the register tab, the row selected when it is on a fetched page, the detail either way."""
        self.tabs.setCurrentWidget(self.register)
        if self.register.editors() and not self.register.settle(self.register.form):
            return
        self.register.frame.detail.setCurrentWidget(self.register.detail)
        if self.register.model.row_of(asset_id) < 0:
            self.register.model.reload()
        self.register.frame.select_id(asset_id)
        self.register.detail.show_asset(asset_id)

    def refresh(self) -> None:
        """Refresh every tab."""
        self.register.refresh()
        self.subnets.refresh()
        self.stocktake.refresh()

    def has_unsaved_changes(self) -> bool:
        """Whether the asset form holds typed text."""
        return self.register.has_unsaved_changes()

    def confirm_leave(self) -> bool:
        """Ask before leaving with typed text in the form."""
        return self.register.confirm_leave()
