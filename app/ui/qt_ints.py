"""Integer values of the few ``Qt`` enums the first frame needs (issue #12 §1).

PySide6 creates the whole ``Qt`` namespace — 93 Python enums, 1,195 members — the first time any
code reads ``PySide6.QtCore.Qt``: 12–25 ms on the 2-core machine, the largest single part of
painting the main window beyond a bare ``QMainWindow``.  The widgets painted at start (the main
window, its navigation and the overview) therefore set enum-typed Qt properties through
``QObject.setProperty(name, int)`` (Qt converts the int in C++) and item roles as ints, and read
``Qt`` only in code that runs after the first paint.  ``tests/ui/test_first_frame.py`` checks every
value against its enum and that painting the window leaves ``Qt`` uncreated.
"""

from __future__ import annotations

USER_ROLE = 0x0100
"""``Qt.ItemDataRole.UserRole``."""

ALIGN_CENTER = 0x0084
"""``Qt.AlignmentFlag.AlignCenter``."""

STRONG_FOCUS = 11
"""``Qt.FocusPolicy.StrongFocus``."""

SCROLL_BAR_ALWAYS_OFF = 1
"""``Qt.ScrollBarPolicy.ScrollBarAlwaysOff``."""

ELIDE_RIGHT = 1
"""``Qt.TextElideMode.ElideRight``."""

WIDGET_WITH_CHILDREN_SHORTCUT = 3
"""``Qt.ShortcutContext.WidgetWithChildrenShortcut``."""
