"""The policy fields (length, character classes, rotation period) shared by the vault dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QSpinBox, QWidget

from app.services.vault.policy import MAX_LENGTH, MAX_ROTATION_DAYS, MIN_LENGTH, Policy


class PolicyBox(QWidget):
    """Length (spin), four class check boxes, rotation period in days (spin)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.length = QSpinBox(self)
        self.length.setRange(MIN_LENGTH, MAX_LENGTH)
        self.rotation_days = QSpinBox(self)
        self.rotation_days.setRange(1, MAX_ROTATION_DAYS)
        self.rotation_days.setSuffix(self.tr(" days"))
        self.classes = {
            "lower": QCheckBox(self.tr("a–z"), self), "upper": QCheckBox(self.tr("A–Z"), self),
            "digits": QCheckBox(self.tr("0–9"), self), "symbols": QCheckBox(self.tr("Symbols"), self),
        }
        row = QHBoxLayout()
        for box in self.classes.values():
            row.addWidget(box)
        row.addStretch(1)
        form.addRow(self.tr("Password length"), self.length)
        form.addRow(self.tr("Character classes"), row)
        form.addRow(self.tr("Rotation period"), self.rotation_days)
        self.set_policy(Policy())

    def set_policy(self, policy: Policy) -> None:
        """Show ``policy``."""
        self.length.setValue(policy.length)
        self.rotation_days.setValue(policy.rotation_days)
        for code, box in self.classes.items():
            box.setChecked(code in policy.classes)

    def policy(self) -> Policy:
        """The policy as ticked (not validated)."""
        return Policy(self.length.value(), tuple(c for c, b in self.classes.items() if b.isChecked()),
                      self.rotation_days.value())
