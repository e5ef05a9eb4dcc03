"""The narrative editor of a report (summary, problems, next period's plan).

Knows what is saved (``loaded``) so the page can tell unsaved edits (``dirty``) and save them
before an export or ask before leaving.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QPlainTextEdit, QPushButton, QWidget

from app.reports.actions import Narrative


class NarrativeEditor(QGroupBox):
    """Three text fields and "Save narrative" (the page connects the button)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Narrative"), parent)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("narrativeSummary")
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("narrativeProblems")
        self.plan = QPlainTextEdit()
        self.plan.setObjectName("narrativePlan")
        for edit in (self.summary, self.problems, self.plan):
            edit.setPlaceholderText(self.tr("Empty: a neutral default sentence is used"))
        self.save_button = QPushButton(self.tr("Save narrative"))
        form = QFormLayout(self)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Problems"), self.problems)
        form.addRow(self.tr("Next period's plan"), self.plan)
        form.addRow("", self.save_button)
        self.loaded = Narrative()

    def current(self) -> Narrative:
        """The texts as typed."""
        return Narrative(self.summary.toPlainText(), self.problems.toPlainText(), self.plan.toPlainText())

    def load(self, narrative: Narrative) -> None:
        """Show ``narrative`` as the saved state."""
        self.summary.setPlainText(narrative.summary)
        self.problems.setPlainText(narrative.problems)
        self.plan.setPlainText(narrative.plan)
        self.loaded = narrative

    def dirty(self) -> bool:
        """True when the fields differ from what is saved."""
        return self.current() != self.loaded
