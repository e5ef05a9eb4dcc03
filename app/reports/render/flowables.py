"""reportlab flowables of the PDF renderer that behave better than the stock ones.

- ``Para``: a platypus ``Paragraph`` that remembers its last line breaking.  reportlab wraps a
  table cell's paragraph up to four times at the same width (measuring the row, again for each
  page split, and when drawing the cell); Chinese text is broken character by character each
  time.  ``Para.wrap`` at the width it was last wrapped at returns the size it found then
  (``blPara``, ``width`` and ``height`` are still those of that wrap; when ``split`` dropped
  ``blPara`` it wraps again), so the layout is the same, line for line, at a third of the cost.

Imported by ``app.reports.render.pdf`` when it renders (this module imports reportlab).
"""

from __future__ import annotations

from reportlab.platypus import Paragraph


class Para(Paragraph):
    """``Paragraph`` whose ``wrap`` at an unchanged ``availWidth`` reuses the last line breaking
    (line breaking depends on the width only; ``availHeight`` is not read by ``Paragraph.wrap``)."""

    _wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        if availWidth == self._wrapped_width and "blPara" in self.__dict__:  # split() may drop it
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        # Paragraph.wrap answers a too narrow width without breaking lines: remember real wraps only.
        self._wrapped_width = availWidth if width == availWidth else None
        return width, height
