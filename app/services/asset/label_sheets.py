"""The label sheets asset labels are printed on (sizes in millimetres), without reportlab:
the 资产 page lists them in its sheet picker at start, ``labels.write_labels`` lays them out.

Common A4 sheets: 3 × 8 labels of 70 × 37 mm (Avery 3474 / Herma 4453), 3 × 7 of 63.5 × 38.1 mm
(Avery L7160), 2 × 7 of 99.1 × 38.1 mm (Avery L7163), 2 × 5 of 100 × 55 mm.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.i18n import N_, _


@dataclass(frozen=True)
class Layout:
    """A label sheet: columns, rows, label width/height, left/top margin, gaps (mm)."""

    cols: int
    rows: int
    width_mm: float
    height_mm: float
    left_mm: float
    top_mm: float
    gap_x_mm: float = 0.0
    gap_y_mm: float = 0.0

    @property
    def per_page(self) -> int:
        """Labels per sheet."""
        return self.cols * self.rows


LAYOUTS = {
    "a4-3x8": Layout(3, 8, 70, 37, 0, 0.5),
    "a4-3x7": Layout(3, 7, 63.5, 38.1, 7.2, 15.15, 2.5, 0),
    "a4-2x7": Layout(2, 7, 99.1, 38.1, 4.65, 15.15, 2.5, 0),
    "a4-2x5": Layout(2, 5, 100, 55, 5, 11),
}
_SHEET_TITLES = {
    "a4-3x8": N_("A4, 3 × 8 labels of 70 × 37 mm"),
    "a4-3x7": N_("A4, 3 × 7 labels of 63.5 × 38.1 mm (L7160)"),
    "a4-2x7": N_("A4, 2 × 7 labels of 99.1 × 38.1 mm (L7163)"),
    "a4-2x5": N_("A4, 2 × 5 labels of 100 × 55 mm"),
}


def sheet_choices() -> list[tuple[str, str]]:
    """``(layout code, title in the current language)`` of every label sheet, the default first."""
    return [(code, _(_SHEET_TITLES[code])) for code in LAYOUTS]
