"""The UI draws ℃ and the other signs with the bundled font (issue #8 item 6): on a machine
without a Chinese font Qt takes them from it, so its glyphs must be inked, not blank."""

from __future__ import annotations

from typing import Any

import pytest

SIGNS = "℃≥≤–—×÷±①…“”、−\ufffd"


def _ink(text: str, family: str) -> int:
    """Dark pixels of ``text`` drawn at 40 px in ``family`` alone (no fallback to other fonts)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    font = QFont(family)
    font.setPixelSize(40)
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    img = QImage(60 * max(1, len(text)), 60, QImage.Format.Format_Grayscale8)
    img.fill(QColor("white"))
    painter = QPainter(img)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(img.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return sum(1 for y in range(img.height()) for x in range(img.width())
               if img.pixelColor(x, y).lightness() < 128)


@pytest.mark.parametrize("sign", list(SIGNS))
def test_bundled_font_inks_the_sign(qapp: Any, sign: str) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from app.ui.app_setup import install_font, load_cjk_font

    install_font(qapp)
    family = load_cjk_font()
    assert family == "WenQuanYi Zen Hei"
    assert QFontMetrics(QFont(family)).inFontUcs4(ord(sign)), f"U+{ord(sign):04X} not in {family}"
    assert _ink(sign, family) > 15, f"U+{ord(sign):04X} draws blank in {family}"
    assert _ink("\u3000", family) == 0  # the measure itself: a space has no ink
