"""Every character the app writes has a drawn glyph in the bundled font (issue #8 item 6).

The font is the only one a PDF embeds and the one the UI falls back to on a machine without a
Chinese font; a missing glyph prints as a box, an empty one (WenQuanYi Micro Hei's ℃) as blank
space — "31.5␣␣（正常范围 18–27␣␣）".  Checked glyph by glyph over every text source: the UI
translations (.ts), the message catalogues (.po msgstr), the contract profiles, and the string
literals of the report code; then the PDF is rasterised to see that ℃ is really inked.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import pytest

from app.core.text import REPLACEMENT
from app.reports.render.fonts import font_path

ROOT = Path(__file__).resolve().parents[2]
#: Signs the app writes or engineers type in readings and notes, checked even if no source has them.
SIGNS = "℃≥≤–—×÷±①②③…·“”‘’、。，；：（）《》【】％−" + REPLACEMENT
#: Not drawn: spaces, line breaks, controls and format characters (zero-width joiners …).
_UNDRAWN = {"Zs", "Zl", "Zp", "Cc", "Cf", "Cs"}


def _add(found: dict[str, str], text: str, source: str) -> None:
    for ch in text:
        if unicodedata.category(ch) not in _UNDRAWN and not ch.isspace():
            found.setdefault(ch, source)


@lru_cache(maxsize=1)
def written_characters() -> dict[str, str]:
    """Every drawn character of the app's texts → the first file it was found in."""
    from babel.messages.pofile import read_po

    found: dict[str, str] = {}
    for ts in sorted((ROOT / "resources/translations").glob("*.ts")):
        for node in ET.parse(ts).iter("translation"):
            _add(found, "".join(node.itertext()), ts.name)
    for po in sorted((ROOT / "resources/locale").rglob("*.po")):
        with po.open("rb") as f:
            for msg in read_po(f):
                strings = msg.string if isinstance(msg.string, (list, tuple)) else [msg.string]
                _add(found, "".join(s or "" for s in strings), str(po.relative_to(ROOT)))
    for yaml in sorted((ROOT / "resources/profiles").glob("*.yaml")):
        _add(found, yaml.read_text("utf-8"), yaml.name)
    for py in sorted((ROOT / "app/reports").rglob("*.py")):
        for node in ast.walk(ast.parse(py.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                _add(found, node.value, str(py.relative_to(ROOT)))
    _add(found, SIGNS, "SIGNS")
    return found


def test_sources_were_read() -> None:
    """The collection itself works: Chinese from every kind of source is in it."""
    found = written_characters()
    sources = set(found.values())
    assert any(s.endswith(".ts") for s in sources) and any(s.endswith(".yaml") for s in sources)
    assert any(s.startswith("app/reports") for s in sources)
    assert len([ch for ch in found if "\u4e00" <= ch <= "\u9fff"]) > 300


def test_every_written_character_has_a_drawn_glyph() -> None:
    from fontTools.ttLib import TTFont

    font = TTFont(font_path(), fontNumber=0)  # a collection would be read at its first face
    assert "glyf" in font, "reportlab embeds TrueType outlines only (no CFF)"
    cmap, glyf = font.getBestCmap(), font["glyf"]
    missing, empty = [], []
    for ch, source in sorted(written_characters().items()):
        name = cmap.get(ord(ch))
        if name is None:
            missing.append(f"{ch} U+{ord(ch):04X} ({source})")
        elif glyf[name].numberOfContours == 0:
            empty.append(f"{ch} U+{ord(ch):04X} ({source})")
    assert not missing, f"not in {font_path().name}: " + ", ".join(missing)
    assert not empty, f"blank glyph in {font_path().name}: " + ", ".join(empty)


def test_font_is_a_plain_truetype_small_enough_to_bundle() -> None:
    path = font_path()
    assert path.suffix == ".ttf" and path.stat().st_size < 20 * 1024 * 1024
    licence = path.with_name(path.stem + ".LICENSE.txt")
    assert "GNU GENERAL PUBLIC LICENSE" in licence.read_text("utf-8")


def _pdf(tmp_path: Path, name: str, text: str) -> Path:
    from app.core.timeutil import utcnow
    from app.reports.compose.document import Paragraph, ReportDocument
    from app.reports.render.pdf import render_pdf

    doc = ReportDocument(title="机房巡检", subtitle="", period_label="2026年11月", client="甲方",
                         provider="乙方", generated_at=utcnow(), blocks=[Paragraph(text)])
    return render_pdf(doc, tmp_path / f"{name}.pdf")


def _ink(pdf: Path, page: int = 2, dpi: int = 200) -> int:
    """Dark pixels on ``page`` rasterised at ``dpi`` (greyscale, value < 128)."""
    from PIL import Image

    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(prefix)], check=True, timeout=60)
    with Image.open(f"{prefix}.png") as img:
        return sum(img.convert("L").histogram()[:128])


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
@pytest.mark.parametrize("sign", list("℃≥≤–—×÷±①…“”、−") + [REPLACEMENT])
def test_sign_is_inked_in_the_pdf(tmp_path: Path, sign: str) -> None:
    """Forty of ``sign`` print more ink than forty ideographic spaces (the same page otherwise):
    at least 2 dark pixels per sign at 200 dpi (the smallest, 、, has about 10)."""
    blank = _ink(_pdf(tmp_path, "blank", "温度" + "\u3000" * 40 + "正常"))
    inked = _ink(_pdf(tmp_path, "sign", "温度" + sign * 40 + "正常"))
    assert inked - blank > 40 * 2, f"{sign!r} U+{ord(sign):04X} prints blank"


def test_reading_with_degree_sign_prints_visibly(tmp_path: Path) -> None:
    """The case of the issue: a reading with its range; the ℃ signs add ink over °-less text."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("needs poppler's pdftoppm")
    without = _ink(_pdf(tmp_path, "without", "31.5 \u3000（正常范围 18–27 \u3000）"))
    with_sign = _ink(_pdf(tmp_path, "with", "31.5 ℃（正常范围 18–27 ℃）"))
    assert with_sign - without > 2 * 10


def test_pdf_embeds_the_font(tmp_path: Path) -> None:
    """The font travels inside the PDF (a client's machine may have no Chinese font)."""
    from pypdf import PdfReader

    reader = PdfReader(_pdf(tmp_path, "embed", "31.5 ℃（正常范围 18–27 ℃）"))
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for desc in font.get("/DescendantFonts", [font]):
                descriptor = desc.get_object().get("/FontDescriptor")
                fonts[str(font["/BaseFont"])] = (descriptor is not None
                                                 and "/FontFile2" in descriptor.get_object())
    assert fonts and all(fonts.values()), fonts  # pdffonts: "emb yes" for every font
    assert all(name.endswith("+WenQuanYiZenHei") for name in fonts), fonts
