"""Create the ``QApplication``: bundled CJK font, UI language and translator.

``create_application(argv)`` returns the one ``QApplication`` (reusing an existing instance, as
pytest-qt creates one).  ``ui_language()`` decides the language: env ``OPSLEDGER_LANG``, then the
``language`` setting, then the system locale; Chinese (``zh_CN``) unless one of them asks for
English.  Chinese renders even where the system has no Chinese font: the bundled WenQuanYi Zen
Hei (``resources/fonts/wqy-zenhei.ttf``) is registered and added after the system family in the
application font's family list, so Qt takes every glyph the system font lacks (all of Chinese on a
system without a CJK font) from it.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app import paths, settings
from app.core.i18n import set_language as set_service_language

_translators: list[QTranslator] = []
_font_family: str | None = None


def ui_language() -> str:
    """``"en"`` or ``"zh_CN"``: env ``OPSLEDGER_LANG``, setting ``language``, system locale.

    Any value starting with ``en`` means English; ``zh…`` means Chinese.  With no explicit choice,
    a system whose first UI language is English gives English and everything else (including the
    ``C`` locale) gives Chinese, the default UI language (issue #2 §7).
    """
    for choice in (os.environ.get("OPSLEDGER_LANG", ""), str(settings.get("language") or "")):
        c = choice.strip().lower()
        if c.startswith("en"):
            return "en"
        if c.startswith("zh"):
            return "zh_CN"
    languages = QLocale.system().uiLanguages() or [QLocale.system().name()]
    return "en" if languages[0].lower().startswith("en") else "zh_CN"


def load_cjk_font() -> str | None:
    """Register the bundled TTC with Qt; returns its family name (``None`` if it cannot load)."""
    global _font_family
    if _font_family:
        return _font_family
    font_file = paths.fonts_dir() / "wqy-zenhei.ttf"
    fid = QFontDatabase.addApplicationFont(str(font_file))
    if fid < 0:
        print(f"opsledger: could not load font {font_file}", file=sys.stderr)
        return None
    families = QFontDatabase.applicationFontFamilies(fid)
    _font_family = families[0] if families else None
    return _font_family


def install_font(app: QApplication) -> None:
    """Make the application font render Chinese: system family first, bundled CJK font after."""
    family = load_cjk_font()
    if not family:
        return
    font = QFont(app.font())
    current = font.families() or [font.family()]
    if family not in current:
        # The system family stays first: WenQuanYi's glyph for ℃ (U+2103) is blank, so Latin,
        # symbols and units come from the system font and Chinese falls back to the bundled one.
        font.setFamilies([*current, family])
    app.setFont(font)


def install_translator(app: QApplication, language: str | None = None) -> bool:
    """Load ``opsledger_zh_CN.qm`` (and Qt's own zh_CN strings) unless the language is English.

    Returns True when the Chinese translation was installed.
    """
    for t in _translators:
        app.removeTranslator(t)
    _translators.clear()
    language = language or ui_language()
    set_service_language(language)  # service, report and error texts follow the UI language
    if language == "en":
        return False
    ok = False
    tr = QTranslator(app)
    if tr.load(str(paths.translations_dir() / "opsledger_zh_CN.qm")):
        app.installTranslator(tr)
        _translators.append(tr)
        ok = True
    else:
        print("opsledger: translations/opsledger_zh_CN.qm missing; UI stays English", file=sys.stderr)
    from PySide6.QtCore import QLibraryInfo

    qt_tr = QTranslator(app)
    if qt_tr.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_tr)
        _translators.append(qt_tr)
    return ok


def create_application(argv: list[str] | None = None) -> QApplication:
    """The ``QApplication`` with name, font and translator set up (existing instance reused)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv if argv is not None else sys.argv[:1]))
    assert isinstance(app, QApplication)
    app.setApplicationName("OpsLedger")
    app.setOrganizationName("OpsLedger")
    install_font(app)
    install_translator(app)
    return app
