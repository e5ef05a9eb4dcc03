"""The overview's tiles: a big number, a caption and a state in words *and* colour.

A tile's frame is its style sheet (:func:`style_sheet`); the texts are ``app.ui.look``.

A ``Tile`` is a focusable frame; a click, Enter or Space emits ``activated``.  Its state is a
``Tone`` (``ok`` green, ``warn`` amber, ``bad`` red, ``neutral`` grey-blue, ``pending`` while the
figure is computed) shown as the frame's colour and always also as a text line (colour is never
the only sign).  ``TileRow`` lays tiles out left to right under a section title.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QEnterEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.ui.look import text_look
from app.ui.qt_ints import STRONG_FOCUS


class Tone(StrEnum):
    """A tile's state colour; the text beside it says the same in words."""

    OK = "ok"
    WARN = "warn"
    BAD = "bad"
    NEUTRAL = "neutral"
    PENDING = "pending"


#: tone → (background, border, text colour of the state line)
TONE_COLOURS: dict[Tone, tuple[str, str, str]] = {
    Tone.OK: ("#e8f5e9", "#7cb987", "#1b6e32"),
    Tone.WARN: ("#fff4d6", "#e0b84c", "#7a5200"),
    Tone.BAD: ("#fde8e8", "#e08a8a", "#a31515"),
    Tone.NEUTRAL: ("#f1f4f9", "#b8c4d6", "#34495e"),
    Tone.PENDING: ("#f6f6f6", "#d0d0d0", "#777777"),
}


def style_sheet() -> str:
    """The style sheet of a tile: its frame by ``tone`` (a dynamic property) — background, border,
    rounded corners, the focus ring.  Its labels take size, weight and colour from ``text_look``
    (no sheet of their own: app.ui.look)."""
    rules = ["QFrame#tile { border-radius: 6px; }"]
    rules += [f'QFrame#tile[tone="{tone.value}"] {{ background: {bg}; border: 1px solid {border}; }}'
              for tone, (bg, border, _fg) in TONE_COLOURS.items()]
    rules.append("QFrame#tile:focus { border: 2px solid #2f6fd0; }")  # last: wins over the tone
    return "\n".join(rules)


STYLE_SHEET = style_sheet()


class Tile(QFrame):
    """One figure: ``caption`` above, the number big, the state line below (see module doc)."""

    activated = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None, *, key: str = "") -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("tile")
        self.setProperty("focusPolicy", STRONG_FOCUS)  # painted at start: no ``Qt`` (app.ui.qt_ints)
        self._pointing = False  # the pointing-hand cursor is set on the first hover
        self.setMinimumWidth(96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(STYLE_SHEET)
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("tileCaption")
        self.caption.setWordWrap(True)
        text_look(self.caption, point_size=10, colour="#333333")
        self.number = QLabel("…", self)
        self.number.setObjectName("tileNumber")
        text_look(self.number, point_size=20, bold=True, colour="#1d2733")
        self.state = QLabel("", self)
        self.state.setObjectName("tileState")
        self.state.setWordWrap(True)
        text_look(self.state, point_size=9, colour=TONE_COLOURS[Tone.PENDING][2])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 5, 8, 5)
        lay.setSpacing(0)
        lay.addWidget(self.caption)
        lay.addWidget(self.number)
        lay.addWidget(self.state)
        self.tone = Tone.PENDING
        self.setProperty("tone", Tone.PENDING.value)  # before the first polish: nothing to re-polish
        self.set_value("…", self.tr("Computing…"), Tone.PENDING)

    def set_value(self, number: str, state: str, tone: Tone, tooltip: str = "") -> None:
        """Show ``number`` (already formatted), the ``state`` words and the ``tone`` colour (the
        tile's :func:`style_sheet` by the ``tone`` property, the state line's colour)."""
        if tone != self.tone:
            self.tone = tone
            self.setProperty("tone", tone.value)
            self.style().unpolish(self)
            self.style().polish(self)
            text_look(self.state, colour=TONE_COLOURS[tone][2])
        self.number.setText(number)
        self.state.setText(state)
        self.setToolTip(tooltip)
        self.setAccessibleName(f"{self.caption.text()}: {number} {state}")

    def enterEvent(self, event: QEnterEvent) -> None:  # noqa: N802 - Qt API
        """The pointer shows a pointing hand over a tile (set on the first hover, after the paint)."""
        if not self._pointing:
            from PySide6.QtCore import Qt  # noqa: PLC0415 - see app.ui.qt_ints

            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self._pointing = True
        super().enterEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        """A left click activates the tile."""
        from PySide6.QtCore import Qt  # noqa: PLC0415 - see app.ui.qt_ints

        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Enter / Space activate the focused tile."""
        from PySide6.QtCore import Qt  # noqa: PLC0415 - see app.ui.qt_ints

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)


class TileRow(QWidget):
    """A section: a bold title and its tiles in one row (``add`` returns the tile); with
    ``columns`` the tiles wrap onto further rows of that many (a contract with a dozen KPIs keeps
    the overview as wide as the window)."""

    def __init__(self, title: str, parent: QWidget | None = None, *, columns: int = 0) -> None:
        super().__init__(parent)
        self.title = QLabel(title, self)
        text_look(self.title, point_size=12, bold=True, colour="#1d2733")
        self.note = QLabel("", self)
        text_look(self.note, colour="#555555")
        self.note.setWordWrap(True)
        self.columns = columns
        self.row: QHBoxLayout | QGridLayout = QGridLayout() if columns else QHBoxLayout()
        self.row.setSpacing(8)
        if isinstance(self.row, QGridLayout):
            for c in range(columns):
                self.row.setColumnStretch(c, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 2, 0, 2)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.note, 1)
        lay.addLayout(head)
        lay.addLayout(self.row)
        self.tiles: list[Tile] = []

    def add(self, caption: str, key: str = "") -> Tile:
        """Append a tile with ``caption``; ``key`` names it for routing and tests.  Tiles read
        "Computing…" alike until :meth:`align_top` (called when the figures arrive) aligns them."""
        tile = Tile(caption, self, key=key)
        if isinstance(self.row, QGridLayout):
            n = len(self.tiles)
            self.row.addWidget(tile, n // self.columns, n % self.columns)
        else:
            self.row.addWidget(tile, 1)
        self.tiles.append(tile)
        return tile

    def align_top(self) -> None:
        """Align every tile to the top of its row (tiles whose texts wrap differ in height).  Not
        done by :meth:`add`: the tiles painted at start are built without ``Qt`` (app.ui.qt_ints)
        and are all of one height until their figures arrive."""
        from PySide6.QtCore import Qt  # noqa: PLC0415 - see app.ui.qt_ints

        for tile in self.tiles:
            self.row.setAlignment(tile, Qt.AlignmentFlag.AlignTop)

    def clear(self) -> None:
        """Remove every tile (before rebuilding a row whose tiles depend on the contract)."""
        for tile in self.tiles:
            self.row.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []

    def tile(self, key: str) -> Tile | None:
        """The tile named ``key``, or ``None``."""
        return next((t for t in self.tiles if t.key == key), None)


def count_tone(count: int, bad: bool = False, zero_ok: bool = True) -> Tone:
    """``ok`` for nothing, else ``bad`` (when ``bad``) or ``warn``; ``neutral`` for a count that is
    neither good nor bad (``zero_ok`` False)."""
    if not zero_ok:
        return Tone.NEUTRAL
    if count == 0:
        return Tone.OK
    return Tone.BAD if bad else Tone.WARN


def fmt_number(value: Any, digits: int = 1) -> str:
    """A figure for a tile: ints as is, floats to ``digits`` places, ``None`` as "—"."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return str(value)
