"""reportlab flowables of the PDF renderer that behave better than the stock ones.

- ``Para``: a platypus ``Paragraph`` that remembers its last line breaking.  reportlab wraps a
  table cell's paragraph up to four times at the same width (measuring the row, again for each
  page split, and when drawing the cell); Chinese text is broken character by character each
  time.  ``Para.wrap`` at the width it was last wrapped at returns the size it found then
  (``blPara``, ``width`` and ``height`` are still those of that wrap; when ``split`` dropped
  ``blPara`` it wraps again), so the layout is the same, line for line, at a third of the cost.

- ``SplitTable`` / ``LongSplitTable``: platypus tables whose pieces left over by a split are not
  split again in the same frame.  reportlab splits a table between rows first; the rest (header
  + the rows that did not fit) is then offered the space left on the page, and when its first row
  is taller than that space reportlab splits *inside* that row there — the header was repeated in
  the middle of the page above half a row, and (the pieces being centred) a few points off the
  table above it.  The rest now goes to the next frame, where it splits as usual (a row taller
  than a whole page still splits in the row); every piece keeps the table's ``hAlign``.

Imported by ``app.reports.render.pdf`` when it renders (this module imports reportlab).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import LongTable, Paragraph, Table


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


class _SplitOnce:
    """Mixin of ``SplitTable``/``LongSplitTable``: see the module doc."""

    _continued = False  # a piece left over by a split in the current frame

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803 - reportlab API
        if self._continued:  # offered the rest of the frame that just split it: next frame
            self._continued = False
            return []
        parts = super().split(availWidth, availHeight)  # type: ignore[misc]
        for piece in parts:
            if piece is not self:
                piece.hAlign = self.hAlign  # type: ignore[attr-defined]
        for piece in parts[1:]:
            piece._continued = True
        return parts


class SplitTable(_SplitOnce, Table):
    """``Table`` whose split rest is laid out in the next frame (module doc)."""


class LongSplitTable(_SplitOnce, LongTable):
    """``LongTable`` whose split rest is laid out in the next frame (module doc)."""
