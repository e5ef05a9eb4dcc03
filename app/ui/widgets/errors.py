"""Inline errors under a form, naming the field by the label the form shows it under.

A ``ValidationError`` is shown as ``"<form label>: <message>"`` (e.g. ``根因分析: …``) and its
widget is outlined and focused; nothing crashes and nothing is half-saved (the actions roll back).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.errors import ImportRejected, ValidationError

ERROR_STYLE = "color: #c62828;"
FIELD_ERROR_STYLE = "border: 1px solid #c62828;"


class InlineError(QLabel):
    """Red text under a form; hidden while empty.  ``show_error(exc, label)`` names the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_error(self, exc: BaseException, label: str | None = None) -> None:
        """Show ``exc``: a ``ValidationError`` as “label: message” (``label`` defaults to the field
        code); ``ImportRejected`` as its source then one line per row problem (at most 50)."""
        if isinstance(exc, ValidationError):
            text = f"{label or exc.field}: {exc.message}" if (label or exc.field) else exc.message
        elif isinstance(exc, ImportRejected):
            lines = [self.tr("Row %1").replace("%1", str(p.row)) + f" · {p.column}: {p.message}"
                     for p in exc.problems[:50]]
            if len(exc.problems) > 50:
                lines.append(self.tr("… and %1 more").replace("%1", str(len(exc.problems) - 50)))
            text = "\n".join([str(exc.source), *lines])
        else:
            text = str(exc) or type(exc).__name__
        self.setText(text)
        self.show()

    def clear_error(self) -> None:
        """Hide the label."""
        self.setText("")
        self.hide()


class FormBase(QWidget):
    """A form with an inline error label and a field → (widget, label) map.

    Subclasses call ``_init_errors()`` and fill ``self.fields`` (service field code → widget) and
    ``self.labels`` (field code → the label text the form shows, translated).
    """

    def _init_errors(self) -> None:
        self.error = InlineError(self)
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}

    def _fail(self, exc: BaseException) -> None:
        for w in self.fields.values():
            w.setStyleSheet("")
        label = None
        if isinstance(exc, ValidationError):
            label = self.labels.get(exc.field)
            if exc.field in self.fields:
                self.fields[exc.field].setStyleSheet(FIELD_ERROR_STYLE)
                self.fields[exc.field].setFocus()
        self.error.show_error(exc, label)

    def _ok(self) -> None:
        for w in self.fields.values():
            w.setStyleSheet("")
        self.error.clear_error()
