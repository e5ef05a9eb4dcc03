"""The asset detail pane: its fields, the incidents that name it, the inspections about it, the
checklist items pointed at it and its change history.

Both directions: the incident form picks assets (``IncidentAsset``) and the incident detail lists
them; this pane lists those incidents (double-click asks the window to open one:
``incidentRequested(id)``).  A checklist item is pointed at the asset here
(``actions.link_checklist_item``), so its later inspections are about it.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.fields import label as field_label
from app.core.timeutil import fmt_local
from app.core.vocab import AssetClass, AssetStatus, IncidentStatus, label_of
from app.errors import OpsLedgerError
from app.services.asset import actions
from app.services.asset.queries import AssetView, asset_view, checklist_items
from app.services.asset.register import MOBILE_FIELDS, shown
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.pages.asset.attachments import AssetAttachments
from app.ui.pages.vault.asset_accounts import AssetAccounts
from app.ui.widgets.errors import InlineError
from app.ui.widgets.pickers import combo, refill
from app.ui.widgets.text import esc

SUMMARY_FIELDS = ("model", "serial", "quantity", "location", "rack", "owner", "ip", "purchase_date",
                  "warranty_end", "maintenance_end", "maintenance_vendor", "maintenance_contact", "notes")


class AssetDetail(QWidget):
    """The selected asset.  Emits ``editRequested(id)``, ``labelRequested(id)``,
    ``incidentRequested(incident id)`` and ``changed(id)`` after a write."""

    editRequested = Signal(object)
    labelRequested = Signal(object)
    incidentRequested = Signal(object)
    changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.asset_id: uuid.UUID | None = None
        self.view: AssetView | None = None
        lay = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.summary)
        btns = QHBoxLayout()
        self.edit_btn = QPushButton(self.tr("Edit"), self)
        self.edit_btn.setToolTip(self.tr("Edit (F2)"))
        self.label_btn = QPushButton(self.tr("Print label…"), self)
        btns.addWidget(self.edit_btn)
        btns.addWidget(self.label_btn)
        btns.addStretch(1)
        lay.addLayout(btns)
        self.tabs = QTabWidget(self)
        self.incidents = QListWidget(self)
        self.inspections = QListWidget(self)
        items_box = QWidget(self)
        il = QVBoxLayout(items_box)
        self.items = QListWidget(items_box)
        pick = QHBoxLayout()
        self.item_pick = combo(items_box, [])
        self.link_btn = QPushButton(self.tr("Point at this asset"), items_box)
        pick.addWidget(self.item_pick, 1)
        pick.addWidget(self.link_btn)
        il.addWidget(self.items)
        il.addLayout(pick)
        self.history = QTextBrowser(self)
        self.tabs.addTab(self.incidents, self.tr("Incidents"))
        self.tabs.addTab(self.inspections, self.tr("Inspections"))
        self.tabs.addTab(items_box, self.tr("Checklist items"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.files = AssetAttachments(ctx, self)
        self.tabs.addTab(self.files, self.tr("Attachments"))
        self.files.changed.connect(self.show_asset)
        self.files.changed.connect(self.changed)
        self.accounts = AssetAccounts(ctx, self)
        self.tabs.addTab(self.accounts, self.tr("Accounts"))
        lay.addWidget(self.tabs, 1)
        self.error = InlineError(self)
        lay.addWidget(self.error)
        self.edit_btn.clicked.connect(lambda: self.asset_id and self.editRequested.emit(self.asset_id))
        self.label_btn.clicked.connect(lambda: self.asset_id and self.labelRequested.emit(self.asset_id))
        self.incidents.itemActivated.connect(
            lambda it: self.incidentRequested.emit(it.data(Qt.ItemDataRole.UserRole)))
        self.link_btn.clicked.connect(self.link_item)
        self.reload_options()
        self.show_asset(None)

    def reload_options(self) -> None:
        """Refill the checklist items of the current contract."""
        refill(self.item_pick, checklist_items(self.ctx.db, self.ctx.contract_id))

    def show_asset(self, asset_id: uuid.UUID | None) -> None:
        """Load and show ``asset_id`` (``None``: the empty pane)."""
        self.error.clear_error()
        view = asset_view(self.ctx.db, asset_id) if asset_id is not None else None
        self.asset_id, self.view = (view.id, view) if view else (None, None)
        n_accounts = self.accounts.show_asset(self.asset_id)
        self.tabs.setTabText(self.tabs.indexOf(self.accounts), self.tr("Accounts") + f" ({n_accounts})")
        for w in (self.incidents, self.inspections, self.items):
            w.clear()
        for b in (self.edit_btn, self.label_btn, self.link_btn):
            b.setEnabled(view is not None)
        self.files.show_owner(view.id if view else None, str(view.values.get("code") or "") if view else None)
        self.tabs.setTabText(self.tabs.indexOf(self.files), self.files.title())
        if view is None:
            self.summary.setText(self.tr("Select an asset, or press Ctrl+N to register a new one."))
            self.history.clear()
            return
        self.summary.setText(self._summary_html(view))
        for inc in view.incidents:
            it = QListWidgetItem(f"{inc.number}  {label_of(IncidentStatus, inc.status)}  {fmt_local(inc.occurred_at)}"
                                 f"  {inc.title}", self.incidents)
            it.setData(Qt.ItemDataRole.UserRole, inc.id)
        for insp in view.inspections:
            QListWidgetItem(f"{insp.number}  {insp.due_date.isoformat()}  {insp.template_name}  "
                            + self.tr("%1 items, %2 abnormal").replace("%1", str(insp.items))
                            .replace("%2", str(insp.abnormal)), self.inspections)
        for text in view.checklist_items:
            QListWidgetItem(text, self.items)
        self.tabs.setTabText(0, self.tr("Incidents") + f" ({len(view.incidents)})")
        self.tabs.setTabText(1, self.tr("Inspections") + f" ({len(view.inspections)})")
        self.history.setHtml("<br>".join(
            f"{fmt_local(h.at)} {esc(h.actor)}: " + (self.tr("registered") if h.field == "created" else
                                                     f"{esc(field_label(h.field))} {esc(h.old or '—')} → {esc(h.new or '—')}")
            for h in view.history))

    def _summary_html(self, v: AssetView) -> str:
        vals = v.values
        head = (f"<b>{esc(vals['code'])}</b> {esc(vals['name'])} · {label_of(AssetClass, vals['asset_class'])}"
                f" · {label_of(AssetStatus, vals['status'])}")
        keys = SUMMARY_FIELDS + (MOBILE_FIELDS if vals["asset_class"] == "mobile_terminal" else ())
        lines = [f"{esc(field_label(k))}: {esc(shown(vals[k]))}" for k in keys if shown(vals[k]) not in ("", "1")
                 or (k == "quantity" and vals[k] != 1)]
        return head + "<br>" + " · ".join(lines)

    def link_item(self) -> None:
        """Point the chosen checklist item at this asset."""
        item_id = self.item_pick.currentData()
        if self.asset_id is None or item_id is None:
            return
        try:
            perform(self.ctx, actions.link_checklist_item, item_id, self.asset_id, actor=self.ctx.engineer)
        except OpsLedgerError as exc:
            self.error.show_error(exc)
            return
        self.show_asset(self.asset_id)
        self.changed.emit(self.asset_id)

    def current(self) -> Any:
        """The shown ``AssetView`` or ``None``."""
        return self.view
