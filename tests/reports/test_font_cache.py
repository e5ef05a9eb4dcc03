"""The report font parsed once per installation: a face built from the cache measures, maps and
embeds every character exactly as reportlab's own parse of the file; a broken cache is ignored."""

from __future__ import annotations

from reportlab.pdfbase.ttfonts import TTFont

from app.reports.render.font_cache import cache_file, load_font
from app.reports.render.fonts import font_path

TEXT = "北京市司法局 运维服务年报 ℃ ≥ – ① ÷ 故障明细 INC-2026-0032 99.62%"


def test_a_face_from_the_cache_equals_a_parsed_one() -> None:
    path = font_path()
    parsed = TTFont("Parsed", str(path))
    first = load_font("First", path)  # parses and writes the cache
    assert cache_file(path).exists()
    cached = load_font("Cached", path)
    assert type(cached.face).__name__ == "CachedFace"
    for attr in ("charToGlyph", "charWidths", "hmetrics", "glyphPos", "ascent", "descent", "bbox",
                 "defaultWidth", "flags", "name", "unitsPerEm"):
        assert getattr(cached.face, attr) == getattr(parsed.face, attr), attr
    assert cached.face.name.ustr == parsed.face.name.ustr
    assert cached.face._pdfScale(512) == parsed.face._pdfScale(512)  # font units → 1/1000 em (shaping)
    assert cached.stringWidth(TEXT, 9) == parsed.stringWidth(TEXT, 9) == first.stringWidth(TEXT, 9)
    # the glyphs embedded in a PDF are cut from the font file itself, byte for byte
    codes = sorted({ord(c) for c in TEXT})
    assert cached.face.makeSubset(codes) == parsed.face.makeSubset(codes)


def test_a_broken_cache_is_parsed_again_and_rewritten() -> None:
    path = font_path()
    load_font("Warm", path)
    where = cache_file(path)
    where.write_bytes(b"not a marshal stream")
    font = load_font("AfterDamage", path)
    assert type(font.face).__name__ == "TTFontFace"
    assert font.stringWidth(TEXT, 9) == TTFont("Fresh", str(path)).stringWidth(TEXT, 9)
    assert type(load_font("Again", path).face).__name__ == "CachedFace"
