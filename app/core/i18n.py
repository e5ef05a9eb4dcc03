"""The message catalogue for every text that services, reports and the CLI produce.

One catalogue per language, as gettext ``.po`` files read with Babel
(``resources/locale/<lang>/<area>.po``, one file per area, msgid in English, msgstr in that language). English is the
source language: a msgid is its own English text. The Qt UI keeps its own ``.ts``/``.qm``
(Qt Linguist); text that crosses from a service into a widget comes from here.

Use::

    from app.core.i18n import _, N_
    _("{field} is required", field=_("Title"))   # → "请填写标题" in zh_CN

``N_`` marks a msgid for extraction without translating it (label tables built at import).
``set_language("en" | "zh_CN")`` is called once at start (UI and CLI) and by tests; the default
is ``zh_CN`` (Chinese first). Missing translations fall back to the English msgid, and the
translation-completeness test fails on any msgid without a ``zh_CN`` msgstr.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
_current = os.environ.get("OPSLEDGER_LANG") or DEFAULT_LANGUAGE


def locale_dir() -> Path:
    """Folder of the ``.po`` catalogues (inside the bundle when frozen)."""
    from app import paths  # noqa: PLC0415 - keep this module importable without side effects

    return paths.resources_dir() / "locale"


def normalise(lang: str | None) -> str:
    """``"zh"``, ``"zh_CN"``, ``"zh-CN"`` → ``"zh_CN"``; ``"en…"`` → ``"en"``; else the default."""
    if not lang:
        return DEFAULT_LANGUAGE
    low = lang.replace("-", "_").lower()
    if low.startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def set_language(lang: str | None) -> None:
    """Make ``lang`` (``"zh_CN"`` or ``"en"``, see :func:`normalise`) the language of ``_()``."""
    global _current  # noqa: PLW0603 - one process-wide language, set at start
    _current = normalise(lang)


def language() -> str:
    """The current language code: ``"zh_CN"`` or ``"en"``."""
    return normalise(_current)


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """msgid → msgstr of ``lang`` (empty for English, the source language)."""
    if lang == "en":
        return {}
    from babel.messages.pofile import read_po  # noqa: PLC0415 - only when a catalogue is needed

    table: dict[str, str] = {}
    for path in sorted((locale_dir() / lang).glob("*.po")):
        with path.open("rb") as fh:
            cat = read_po(fh, locale=lang)
        table.update({str(m.id): str(m.string) for m in cat if m.id and m.string and not m.fuzzy})
    return table


def _(msgid: str, /, **args: object) -> str:
    """``msgid`` in the current language, formatted with ``args`` (``str.format`` names)."""
    text = catalogue(language()).get(msgid, msgid)
    return text.format(**args) if args else text


def N_(msgid: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``msgid`` for the catalogue without translating it now."""
    return msgid
