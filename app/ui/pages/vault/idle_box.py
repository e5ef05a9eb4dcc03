"""自动锁定: how many minutes without vault use lock the KDBX file again (setting
``vault_idle_lock_minutes``, default 5; 0 = never).  Shown beside 锁定 while the vault uses a KDBX
file; a change is saved at once and emitted as ``changed(minutes)``."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QWidget

from app import settings

MAX_MINUTES = 240


class IdleLockBox(QWidget):
    """A label and a minutes spin box over the ``vault_idle_lock_minutes`` setting."""

    changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setSpecialValueText(self.tr("never"))
        self.minutes.setToolTip(self.tr("Lock the KDBX file after this many minutes without use (0: never)"))
        self.minutes.setValue(int(settings.get("vault_idle_lock_minutes")))
        row.addWidget(QLabel(self.tr("Auto-lock after"), self))
        row.addWidget(self.minutes)
        self.minutes.valueChanged.connect(self._save)

    def _save(self, value: int) -> None:
        settings.set_value("vault_idle_lock_minutes", int(value))
        self.changed.emit(int(value))
