"""The bundled TrueType font, parsed once per installation instead of once per process.

reportlab's ``TTFont`` reads the whole 11.6 MB ``wqy-zenhei.ttf`` and builds its character map
and widths (42,000 characters) in Python on every start — about 50 ms of each report.  What it
extracts depends only on the font file and reportlab's version, so ``load_font`` keeps that
state in ``<cache dir>/fonts/<file>.<size>.<mtime>.rl<version>.marshal`` (``marshal``: plain
dicts, lists and numbers; no code is loaded from it) and builds the next face from it.  The font
bytes themselves are read again only when a PDF embeds its subset (``_ttf_data`` on demand), so
the glyph outlines embedded are the file's own: the output is byte for byte what a fresh parse
gives.  Any problem with the cache (missing, unreadable, written by another reportlab, a
read-only folder) falls back to reportlab's own parse; a cache is never required.
"""

from __future__ import annotations

import contextlib
import logging
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: Face attributes not kept: the file bytes (read again on demand) and a closure (rebuilt).
_NOT_KEPT = ("_ttf_data", "_pdfScale")
_FORMAT = 1


def cache_file(path: Path) -> Path:
    """Where the parsed state of the font at ``path`` is kept for this reportlab version."""
    import reportlab  # noqa: PLC0415

    from app.paths import cache_dir  # noqa: PLC0415

    st = path.stat()
    return cache_dir() / "fonts" / f"{path.name}.{st.st_size}.{st.st_mtime_ns}.rl{reportlab.Version}.marshal"


def load_font(name: str, path: Path) -> Any:
    """A reportlab ``TTFont`` named ``name`` for the TrueType file ``path``, its face built from
    the cache when there is a valid one (else parsed by reportlab and the cache written).
    Raises what reportlab raises for a file it cannot read."""
    from reportlab.pdfbase import ttfonts  # noqa: PLC0415

    try:
        where: Path | None = cache_file(path)
    except OSError:
        where = None
    state = _read(where) if where is not None else None
    if state is None:
        font = ttfonts.TTFont(name, str(path))
        if where is not None:
            _write(where, font.face)
        return font
    face_class = _face_class()
    original = ttfonts.TTFontFace
    ttfonts.TTFontFace = lambda filename, **_kw: face_class.restored(state, filename)  # type: ignore[assignment,misc]
    try:  # TTFont.__init__ as reportlab writes it, with the face built from the cache
        return ttfonts.TTFont(name, str(path))
    finally:
        ttfonts.TTFontFace = original  # type: ignore[misc]


def _read(where: Path) -> dict[str, Any] | None:
    try:  # read whole, then loads: marshal.load on a file object reads it in small pieces (×6 slower)
        fmt, state = marshal.loads(where.read_bytes())  # noqa: S302 - plain data we wrote, no code objects
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return state if fmt == _FORMAT and isinstance(state, dict) else None


def _write(where: Path, face: Any) -> None:
    from reportlab.pdfbase.ttfonts import TTFNameBytes  # noqa: PLC0415

    state = {k: v for k, v in face.__dict__.items() if k not in _NOT_KEPT}
    names = [k for k, v in state.items() if isinstance(v, TTFNameBytes)]
    state.update({k: bytes(state[k]) for k in names})
    state["__names__"] = names
    tmp: Path | None = None
    try:
        data = marshal.dumps((_FORMAT, state))
        where.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".font.", dir=where.parent)
        tmp = Path(name)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        tmp.replace(where)
    except (OSError, ValueError) as exc:  # a read-only cache folder: parse again next time
        log.info("font cache not written (%s): %s", where, exc)
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def _face_class() -> Any:
    from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFontFace  # noqa: PLC0415

    class CachedFace(TTFontFace):
        """A ``TTFontFace`` restored from the cached state; reads the font bytes on first use."""

        @classmethod
        def restored(cls, state: dict[str, Any], filename: str) -> CachedFace:
            face = cls.__new__(cls)
            kept = dict(state)
            for k in kept.pop("__names__"):
                kept[k] = TTFNameBytes(kept[k])
            face.__dict__.update(kept)
            face.filename = filename
            scale = 1000 / face.unitsPerEm
            unit = face.unitsPerEm == 1000
            face._pdfScale = (lambda x: x) if unit else (lambda x: x * scale)  # type: ignore[attr-defined]
            return face

        def __getattr__(self, attr: str) -> Any:
            if attr == "_ttf_data":  # the subset embedded in a PDF is cut from the file itself
                self._ttf_data = Path(self.filename).read_bytes()
                return self._ttf_data
            raise AttributeError(attr)

    return CachedFace
