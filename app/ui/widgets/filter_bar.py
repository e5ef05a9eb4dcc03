"""The filter bar above a record list: status, kind, service, engineer, period, free text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from app.services.queries.filters import period_bounds
from app.ui.widgets.pickers import refill


class FilterBar(QWidget):
    """Status / severity-or-category / service / engineer / period / free-text filters.

    Emits ``changed`` (text edits debounced 250 ms).  ``values()`` returns a dict with keys
    ``status`` (a code, ``"__open__"`` or ``None``), ``kind`` (severity or category code),
    ``service_id``, ``engineer_id``, ``start``, ``end`` (aware UTC, ``[start, end)``), ``text``
    (``None``/``""`` = no filter).
    """

    changed = Signal()

    def __init__(self, statuses: list[tuple[str, str]], kinds: list[tuple[str, str]] | None,
                 kind_label: str, services: list[tuple[Any, str]] | None,
                 engineers: list[tuple[Any, str]] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.status = self._combo(self.tr("All statuses"), statuses)
        self.status.insertItem(1, self.tr("Open"), "__open__")
        lay.addWidget(self.status)
        self.kind = self._combo(kind_label, kinds or []) if kinds is not None else None
        self.service = self._combo(self.tr("All services"), services or []) if services is not None else None
        self.engineer = self._combo(self.tr("All engineers"), engineers or []) if engineers is not None else None
        for cb in (self.kind, self.service, self.engineer):
            if cb is not None:
                lay.addWidget(cb)
        self.period = QComboBox(self)
        for code, label in (("all", self.tr("All time")), ("today", self.tr("Today")),
                            ("7d", self.tr("Last 7 days")), ("30d", self.tr("Last 30 days")),
                            ("month", self.tr("This month")), ("year", self.tr("This year"))):
            self.period.addItem(label, code)
        self.period.currentIndexChanged.connect(self.changed)
        lay.addWidget(self.period)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Search number, title, description, person…"))
        self.text.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.changed)
        self.text.textChanged.connect(self._debounce.start)
        self.text.returnPressed.connect(self._fire_now)
        lay.addWidget(self.text, 1)

    def _fire_now(self) -> None:
        self._debounce.stop()
        self.changed.emit()

    def _combo(self, all_label: str, items: list[tuple[Any, str]]) -> QComboBox:
        cb = QComboBox(self)
        cb.addItem(all_label, None)
        for code, label in items:
            cb.addItem(label, code)
        cb.currentIndexChanged.connect(self.changed)
        return cb

    def set_options(self, kinds: list[tuple[str, str]] | None, services: list[tuple[Any, str]] | None,
                    engineers: list[tuple[Any, str]] | None) -> None:
        """Refill the contract-dependent combos (after the contract changed); no ``changed``."""
        refill(self.kind, kinds or [])
        refill(self.service, services or [])
        refill(self.engineer, engineers or [])

    def values(self) -> dict[str, Any]:
        """The current filter values (see class doc)."""
        start, end = period_bounds(self.period.currentData() or "all")
        return {
            "status": self.status.currentData(),
            "kind": self.kind.currentData() if self.kind is not None else None,
            "service_id": self.service.currentData() if self.service is not None else None,
            "engineer_id": self.engineer.currentData() if self.engineer is not None else None,
            "start": start, "end": end, "text": self.text.text().strip(),
        }
