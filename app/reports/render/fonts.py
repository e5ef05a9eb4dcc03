"""Shared renderer plumbing: the embedded Chinese font, cancellation and all-or-nothing writes.

- ``register_fonts()`` registers the bundled WenQuanYi Zen Hei (``resources/fonts/
  wqy-zenhei.ttf``, TrueType glyf outlines) with reportlab once, as ``FONT_NAME`` (its parsed
  character map and widths come from ``font_cache``).  reportlab subsets and embeds TrueType
  fonts, so a PDF reads right on a machine without any Chinese font.
  The font has a drawn glyph for every character the app writes (℃, ≥, –, ①, ÷, U+FFFD …):
  ``tests/reports/test_glyphs.py`` checks it glyph by glyph.
- ``RenderCancelled`` is what a renderer raises when its ``progress`` callback asked to stop
  (the callback may raise it itself, or any other exception, which is passed on unchanged).
- ``atomic_output(out)`` yields a temporary path beside ``out`` and renames it onto ``out`` only
  when the block finished; on any error the temporary file is removed (no half-written report).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from app.core.i18n import _
from app.core.text import clean_text
from app.paths import fonts_dir

FONT_NAME = "WQYZenHei"
FONT_FILE = "wqy-zenhei.ttf"
#: East-Asian font named in DOCX styles: present on clients' Windows/Office machines.
DOCX_EAST_ASIA_FONT = "Microsoft YaHei"

Progress = Callable[[int, int], None]

_lock = threading.Lock()
_registered = False


class RenderCancelled(Exception):
    """Raised (by a ``progress`` callback or a renderer) to stop rendering; no file is left."""


def font_path() -> Path:
    """Path of the bundled TrueType font (``resources/fonts/wqy-zenhei.ttf``)."""
    return fonts_dir() / FONT_FILE


def register_fonts() -> str:
    """Register the Chinese font with reportlab (idempotent, thread-safe); returns its name.

    Raises ``FileNotFoundError`` when the font file is missing from the resources.
    """
    global _registered
    with _lock:
        if not _registered:
            from reportlab.lib.fonts import addMapping
            from reportlab.pdfbase import pdfmetrics

            from app.reports.render.font_cache import load_font

            path = font_path()
            if not path.exists():
                raise FileNotFoundError(path)
            pdfmetrics.registerFont(load_font(FONT_NAME, path))  # parsed once per installation
            # One face for all styles: bold/italic fall back to the same glyphs (no fake fonts).
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)
            _registered = True
    return FONT_NAME


def report_progress(progress: Progress | None, done: int, total: int) -> None:
    """Call ``progress(done, total)`` if given; whatever it raises stops the renderer."""
    if progress is not None:
        progress(done, total)


@contextlib.contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """Yield a temporary file path in ``out``'s folder; rename it onto ``out`` on success.

    The folder is created if missing.  On any exception the temporary file is deleted and the
    exception propagates; an existing ``out`` is left untouched.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=out.suffix + ".part",
                                    dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file
    try:
        yield tmp
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def cell_text(value: object) -> str:
    """Display text of a table cell in PDF/DOCX: aware datetimes in local (Beijing) time
    ``YYYY-MM-DD HH:MM``, dates ``YYYY-MM-DD``, floats without trailing zeros, ``None`` → ""."""
    from datetime import date, datetime

    from app.core.timeutil import fmt_local

    if value is None:
        return ""
    if isinstance(value, datetime):
        return fmt_local(value) if value.tzinfo else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value == value else ""
    return str(value)


def cover_facts(doc: Any) -> list[tuple[str, str]]:
    """The cover facts of ``doc`` plus the parties, the period and the generated date when the
    cover does not already show that value (labels in the current language)."""
    from app.core.timeutil import fmt_local

    facts = [(str(k), str(v)) for k, v in doc.cover]
    values = {v for _k, v in facts}
    generated = (fmt_local(doc.generated_at, "%Y-%m-%d") if doc.generated_at.tzinfo
                 else doc.generated_at.strftime("%Y-%m-%d"))
    for k, v in ((_("Client"), doc.client), (_("Provider"), doc.provider), (_("Report period"), doc.period_label),
                 (_("Generated on"), generated)):
        if v and v not in values:
            facts.append((k, v))
    return facts


def font_safe(text: str) -> str:
    """``text`` ready to draw with the bundled font: ``app.core.text.clean_text`` (control
    characters and lone surrogates → U+FFFD).  Every other character is drawn as it is (℃ stays
    ℃: the font has it).  For code drawing single strings (charts, the PDF's markup escape); the
    renderers also clean their whole document with ``clean_strings`` on the way in."""
    return clean_text(text)
