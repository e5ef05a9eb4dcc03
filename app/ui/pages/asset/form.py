"""New / edit asset form (资产登记 / 编辑) in the detail stack of the 资产 page.

One field per ``app.services.asset.register.FIELDS``; dates are typed (``2026-05-01``,
``2026/5/1``, ``2026年5月1日``) and read by the register's own rule.  The mobile-terminal fields
(IMEI, holder, phone number) show only for that class.  Saving is one action
(``actions.create_asset`` / ``actions.edit_asset``); a refusal is shown inline, its field outlined.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.vocab import AssetClass, AssetStatus, choices
from app.errors import OpsLedgerError
from app.services.asset import actions
from app.services.asset.queries import asset_view
from app.services.asset.register import FIELD_KEYS, KIND, MOBILE_FIELDS, shown
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.widgets.errors import FormBase
from app.ui.widgets.pickers import combo, set_combo


class AssetForm(FormBase):
    """Emits ``saved(id)`` after the commit and ``cancelled`` on Escape/Cancel."""

    saved = Signal(object)
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editing: uuid.UUID | None = None
        self._snapshot: dict[str, Any] = {}
        self._init_errors()
        outer = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        outer.addWidget(self.heading)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        self.form = QFormLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.labels = self._labels()
        for key in FIELD_KEYS:
            w = self._widget(key, body)
            self.fields[key] = w
            self.form.addRow(self.labels[key], w)
        self.fields["code"].setPlaceholderText(self.tr("Empty: the next code of the scheme"))  # type: ignore[attr-defined]
        self.fields["ip"].setPlaceholderText(self.tr("10.1.1.21, 10.1.2.21"))  # type: ignore[attr-defined]
        outer.addWidget(self.error)
        row = QHBoxLayout()
        self.save_btn = QPushButton(self.tr("Save"), self)
        self.save_btn.setDefault(True)
        self.cancel_btn = QPushButton(self.tr("Cancel"), self)
        row.addStretch(1)
        row.addWidget(self.cancel_btn)
        row.addWidget(self.save_btn)
        outer.addLayout(row)
        self.save_btn.clicked.connect(self.submit)
        self.cancel_btn.clicked.connect(self.cancelled)
        self.fields["asset_class"].currentIndexChanged.connect(self._class_changed)  # type: ignore[attr-defined]
        self._class_changed()

    def _labels(self) -> dict[str, str]:
        return {
            "code": self.tr("Asset code"), "name": self.tr("Name"), "asset_class": self.tr("Class"),
            "model": self.tr("Model"), "serial": self.tr("Serial number"), "quantity": self.tr("Quantity"),
            "location": self.tr("Location"), "rack": self.tr("Rack"), "owner": self.tr("Owner"),
            "status": self.tr("Status"), "purchase_date": self.tr("Purchase date"),
            "warranty_end": self.tr("Warranty end"), "maintenance_end": self.tr("Maintenance end"),
            "maintenance_vendor": self.tr("Maintenance vendor"), "maintenance_contact": self.tr("Maintenance contact"),
            "ip": self.tr("IP addresses"), "imei": self.tr("IMEI"), "holder": self.tr("Holder"),
            "phone": self.tr("Phone number"), "notes": self.tr("Notes"),
        }

    def _widget(self, key: str, parent: QWidget) -> QWidget:
        if key == "asset_class":
            return combo(parent, choices(AssetClass))
        if key == "status":
            return combo(parent, choices(AssetStatus))
        if key == "notes":
            w = QPlainTextEdit(parent)
            w.setMaximumHeight(70)
            return w
        le = QLineEdit(parent)
        if KIND[key] == "date":
            le.setPlaceholderText("2026-05-01")
        le.returnPressed.connect(self.submit)
        return le

    def _class_changed(self, *_: Any) -> None:
        mobile = self.fields["asset_class"].currentData() == "mobile_terminal"  # type: ignore[attr-defined]
        for key in MOBILE_FIELDS:
            self.fields[key].setVisible(mobile)
            self.form.labelForField(self.fields[key]).setVisible(mobile)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    # ---- filling
    def _put(self, values: dict[str, Any]) -> None:
        for key in FIELD_KEYS:
            w, v = self.fields[key], values.get(key)
            if key in ("asset_class", "status"):
                set_combo(w, v or ("other" if key == "asset_class" else "in_service"))  # type: ignore[arg-type]
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(shown(v))
            else:
                w.setText(shown(v) if key != "quantity" else shown(v or 1))  # type: ignore[attr-defined]

    def values(self) -> dict[str, Any]:
        """The typed values by field key (texts; the register reads them)."""
        out: dict[str, Any] = {}
        for key in FIELD_KEYS:
            w = self.fields[key]
            if key in ("asset_class", "status"):
                out[key] = w.currentData()  # type: ignore[attr-defined]
            elif isinstance(w, QPlainTextEdit):
                out[key] = w.toPlainText()
            else:
                out[key] = w.text()  # type: ignore[attr-defined]
        return out

    def start_new(self) -> None:
        """Empty form for a new asset, focus on the name."""
        self.editing = None
        self.heading.setText(self.tr("New asset"))
        self._put({})
        self._ok()
        self._snapshot = self.values()
        self.fields["name"].setFocus()

    def start_edit(self, asset_id: uuid.UUID) -> bool:
        """Fill from a stored asset; ``False`` if it is gone."""
        view = asset_view(self.ctx.db, asset_id)
        if view is None:
            return False
        self.editing = view.id
        self.heading.setText(self.tr("Edit %1").replace("%1", view.values["code"]))
        self._put(view.values)
        self._ok()
        self._snapshot = self.values()
        self.fields["name"].setFocus()
        return True

    def is_dirty(self) -> bool:
        """Whether anything was typed since the form was filled."""
        return bool(self._snapshot) and self.values() != self._snapshot

    def dirty_what(self) -> str:
        """What the unsaved-changes question names."""
        return self.tr("The asset")

    def save_typed(self) -> bool:
        """Save as the Save button does."""
        return self.submit()

    def discard_typed(self) -> None:
        """Forget the typed text."""
        self._snapshot = {}
        self.cancelled.emit()

    def submit(self) -> bool:
        """Create or update in one action; a refusal is shown inline naming the field."""
        values = self.values()
        try:
            if self.editing is None:
                new_id = perform(self.ctx, actions.create_asset, self.ctx.contract_id, actor=self.ctx.engineer,
                                 values=values)
            else:
                changed = {k: v for k, v in values.items() if v != self._snapshot.get(k)}
                perform(self.ctx, actions.edit_asset, self.editing, actor=self.ctx.engineer, values=changed)
                new_id = self.editing
        except (OpsLedgerError, ValueError) as exc:
            self._fail(exc)
            return False
        self._ok()
        self._snapshot = {}
        self.saved.emit(new_id)
        return True
