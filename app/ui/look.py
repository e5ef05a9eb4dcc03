"""Text size, weight and colour of a widget without a style sheet (issue #12 §1).

A style sheet puts every widget below it under ``QStyleSheetStyle``; on the overview, painted in
the first frame, the sheets of its labels cost ~7 ms of CPU of the start (a quarter of building
and painting the window).  ``text_look(widget, point_size=…, bold=…, colour=…)`` sets the same
through ``QFont`` and ``QPalette`` — calls that also leave PySide6's ``Qt`` namespace uncreated
(``app.ui.qt_ints``).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget


def text_look(widget: QWidget, *, point_size: float | None = None, bold: bool = False,
              colour: str | None = None) -> None:
    """Give ``widget`` a text of ``point_size`` points (``None``: unchanged), ``bold``, and the
    text colour ``colour`` (``"#rrggbb"``; ``None``: the palette's)."""
    if point_size is not None or bold:
        font = widget.font()
        if point_size is not None:
            font.setPointSizeF(point_size)
        font.setBold(bold)
        widget.setFont(font)
    if colour is not None:
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        palette.setColor(QPalette.ColorRole.Text, QColor(colour))
        widget.setPalette(palette)
