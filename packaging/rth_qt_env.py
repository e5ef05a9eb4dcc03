"""Run-time hook of the bundle, in place of PyInstaller's ``pyi_rth_pyside6`` (issue #12 §6).

PyInstaller's hook imports ``PySide6.QtCore`` at every start only to register a ``qt.conf`` —
which the PySide6 wheel registers itself when QtCore is imported — so ``opsledger --version`` and
every CLI command paid for loading Qt.  This hook sets the same environment (plugin and QML paths,
the DLL search path on Windows) and imports nothing: Qt loads when the GUI first needs it.
"""

# ruff: noqa: PTH118 - os.path on purpose: pathlib would be one more import before every start

import os
import sys

_base = sys._MEIPASS  # type: ignore[attr-defined]  # noqa: SLF001 - set by the bootloader
_qt = os.path.join(_base, "PySide6") if sys.platform.startswith("win") else os.path.join(_base, "PySide6", "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
os.environ["QML2_IMPORT_PATH"] = os.path.join(_qt, "qml")
if sys.platform.startswith("win"):
    os.environ["PATH"] = _base + os.pathsep + os.environ.get("PATH", "")
