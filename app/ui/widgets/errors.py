"""Inline errors under a form: the error's own sentence, and its field's widget outlined.

An error is shown as ``str(exc)``: the coded errors of ``app.errors`` render a sentence in the
user's language that already names the field by its form label (``app.core.fields.label``, e.g.
``关闭故障前请填写解决方式``), so the UI adds no label of its own.  The field's widget is outlined
and focused; nothing crashes and nothing is half-saved (the actions roll back).
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

    def show_error(self, exc: BaseException) -> None:
        """Show ``exc`` as ``str(exc)``; an ``ImportRejected`` as its source, then one line per
        row problem (``第 2 行“故障级别”：…``, at most 50, then how many more)."""
        if isinstance(exc, ImportRejected):
            lines = [str(p) for p in exc.problems[:50]]
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
    """A form with an inline error label and a field → widget map.

    Subclasses call ``_init_errors()`` and fill ``self.fields`` (service field code → widget, the
    one outlined when an error names that field) and may keep ``self.labels`` (field code → the
    row label the form shows, translated).
    """

    def _init_errors(self) -> None:
        self.error = InlineError(self)
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}

    def _fail(self, exc: BaseException) -> None:
        for w in self.fields.values():
            w.setStyleSheet("")
        if isinstance(exc, ValidationError) and exc.field in self.fields:
            self.fields[exc.field].setStyleSheet(FIELD_ERROR_STYLE)
            self.fields[exc.field].setFocus()
        self.error.show_error(exc)

    def _ok(self) -> None:
        for w in self.fields.values():
            w.setStyleSheet("")
        self.error.clear_error()
