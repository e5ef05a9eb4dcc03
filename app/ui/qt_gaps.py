"""Texts of Qt's own dialogs that Qt's ``qtbase_zh_CN`` catalogue leaves in English.

Qt's file dialog (the non-native one, shown on Kylin/UOS desktops without a portal) labels its
fields ``&Look in:`` and ``Files of &type:``; ``qtbase_zh_CN.qm`` carries only the forms without
mnemonics, so the Chinese UI showed them in English.  Listed here under Qt's own context so that
``tools/build_translations.py`` keeps them in ``opsledger_zh_CN.ts``; Qt looks a text up in every
installed translator, so ours supplies what Qt's lacks.  Nothing imports this module.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_CATALOGUE_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
"""The ``QFileDialog`` labels missing from Qt's Chinese catalogue."""
