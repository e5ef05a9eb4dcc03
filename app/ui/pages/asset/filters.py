"""The asset list's filter bar: class, status, location, warranty state, free text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from app.core.vocab import AssetClass, AssetStatus, choices
from app.services.asset.queries import AssetFilter
from app.ui.widgets.pickers import combo, refill


class AssetFilterBar(QWidget):
    """Emits ``changed`` (text debounced 250 ms); ``filter()`` gives the ``AssetFilter``."""

    changed = Signal()

    def __init__(self, locations: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.asset_class = combo(self, choices(AssetClass), self.tr("All classes"))
        self.status = combo(self, choices(AssetStatus), self.tr("All statuses"))
        self.location = combo(self, [(x, x) for x in locations], self.tr("All locations"))
        self.warranty = combo(self, [("in_warranty", self.tr("In warranty")),
                                     ("expiring", self.tr("Warranty ends within 90 days")),
                                     ("expired", self.tr("Warranty ended")),
                                     ("unknown", self.tr("No warranty date"))], self.tr("Any warranty"))
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Search code, name, model, serial, IP, owner…"))
        self.text.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.changed)
        self.text.textChanged.connect(self._debounce.start)
        self.text.returnPressed.connect(self._now)
        cb: QComboBox
        for cb in (self.asset_class, self.status, self.location, self.warranty):
            cb.currentIndexChanged.connect(self.changed)
            lay.addWidget(cb)
        lay.addWidget(self.text, 1)

    def _now(self) -> None:
        self._debounce.stop()
        self.changed.emit()

    def set_locations(self, locations: list[str]) -> None:
        """Refill the location list (keeps the choice when still listed; no ``changed``)."""
        keep = self.location.currentData()
        refill(self.location, [(x, x) for x in locations])
        if keep in locations:
            self.location.blockSignals(True)
            self.location.setCurrentIndex(locations.index(keep) + 1)
            self.location.blockSignals(False)

    def filter(self) -> AssetFilter:
        """The current filter."""
        data: Any = lambda cb: cb.currentData() or None  # noqa: E731
        return AssetFilter(asset_class=data(self.asset_class), status=data(self.status),
                           location=data(self.location), warranty=data(self.warranty),
                           text=self.text.text().strip())
