"""The 网段 tab of the 资产 page: declared subnets with used/free counts, the addresses of the
selected subnet and its free ranges, and a row to declare a new subnet (refused when it is not a
network or overlaps one of the same site: ``actions.add_subnet``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import OpsLedgerError
from app.services.asset import actions
from app.services.asset.ipam import Usage
from app.services.asset.queries import subnet_usage
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.widgets.errors import InlineError
from app.ui.widgets.text import esc


class SubnetsTab(QWidget):
    """Subnets of the current contract (``refresh()`` re-reads them)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.usages: list[Usage] = []
        lay = QVBoxLayout(self)
        add = QHBoxLayout()
        self.cidr, self.site, self.vlan, self.name = (QLineEdit(self) for _ in range(4))
        self.cidr.setPlaceholderText(self.tr("Subnet, e.g. 10.1.1.0/24"))
        self.site.setPlaceholderText(self.tr("Site"))
        self.vlan.setPlaceholderText(self.tr("VLAN"))
        self.name.setPlaceholderText(self.tr("Name"))
        self.add_btn = QPushButton(self.tr("Declare subnet"), self)
        for w in (self.cidr, self.site, self.vlan, self.name, self.add_btn):
            add.addWidget(w)
        lay.addLayout(add)
        self.error = InlineError(self)
        lay.addWidget(self.error)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = QTableWidget(0, 6, split)
        self.table.setHorizontalHeaderLabels([self.tr("Subnet"), self.tr("Site"), self.tr("VLAN"), self.tr("Used"),
                                              self.tr("Free"), self.tr("Used %")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.detail = QTextBrowser(split)
        lay.addWidget(split, 1)
        self.add_btn.clicked.connect(self.add)
        self.cidr.returnPressed.connect(self.add)
        self.table.currentCellChanged.connect(lambda r, *_: self._show(r))
        self.refresh()

    def refresh(self) -> None:
        """Re-read the subnets and their use."""
        self.usages = subnet_usage(self.ctx.db, self.ctx.contract_id)
        self.table.setRowCount(len(self.usages))
        for r, u in enumerate(self.usages):
            for c, v in enumerate((u.subnet.cidr, u.subnet.site, u.subnet.vlan, str(len(u.used)), str(u.free),
                                   f"{u.used_pct:.1f}")):
                self.table.setItem(r, c, QTableWidgetItem(v))
        self._show(self.table.currentRow())

    def _show(self, row: int) -> None:
        if not (0 <= row < len(self.usages)):
            self.detail.setHtml(self.tr("Select a subnet to see its used and free addresses."))
            return
        u = self.usages[row]
        used = "<br>".join(f"{esc(a)} — {esc(code)} {esc(name)}" for a, code, name in u.used) or "—"
        free = "<br>".join(f"{esc(a)} – {esc(b)} ({n})" if a != b else esc(a) for a, b, n in u.free_ranges[:200]) or "—"
        self.detail.setHtml(f"<b>{esc(u.subnet.cidr)}</b> {esc(u.subnet.name)}<h4>" + self.tr("Used") + f"</h4>{used}"
                            + "<h4>" + self.tr("Free") + f"</h4>{free}")

    def add(self) -> None:
        """Declare the typed subnet."""
        try:
            perform(self.ctx, actions.add_subnet, self.ctx.contract_id, actor=self.ctx.engineer,
                    cidr=self.cidr.text(), site=self.site.text(), vlan=self.vlan.text(), name=self.name.text())
        except OpsLedgerError as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        for w in (self.cidr, self.vlan, self.name):
            w.clear()
        self.refresh()
