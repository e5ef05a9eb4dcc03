"""The small "create incident" form the runner opens on ``Ctrl+I`` for an abnormal result.

Prefilled from ``inspection.actions.incident_proposal``: title, description, occurred time and the
severity the contract profile gives the item, checklist or service (e.g. Pinggu's machine-room
checks → P1 重大故障); with no rule, the least severe level.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.core.timeutil import LOCAL_TZ, to_local
from app.services.inspection.actions import IncidentProposal


class IncidentFromResultDialog(QDialog):
    """Small form prefilled from an abnormal result: title, severity, description, occurred time."""

    def __init__(self, proposal: IncidentProposal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create incident from inspection result"))
        self.setMinimumWidth(520)
        self.title = QLineEdit(proposal.title)
        self.severity = QComboBox()
        self.severity.setObjectName("severity")
        for code, name in proposal.severities:
            self.severity.addItem(f"{code} {name}".strip(), code)
        i = self.severity.findData(proposal.severity) if proposal.severity else -1
        self.severity.setCurrentIndex(i if i >= 0 else self.severity.count() - 1)
        self.description = QPlainTextEdit(proposal.description)
        self.occurred = QDateTimeEdit(QDateTime(to_local(proposal.occurred_at).replace(tzinfo=None, microsecond=0)))
        self.occurred.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.occurred.setCalendarPopup(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Severity"), self.severity)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Occurred"), self.occurred)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create incident"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        """``title``, ``severity`` (code), ``description`` as entered and ``occurred_at`` (aware,
        the edited local time in ``LOCAL_TZ``)."""
        return {
            "title": self.title.text().strip(),
            "severity": str(self.severity.currentData() or ""),
            "description": self.description.toPlainText(),
            "occurred_at": self.occurred.dateTime().toPython().replace(tzinfo=LOCAL_TZ),
        }
