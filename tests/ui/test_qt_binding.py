"""The installed Qt binding must not leak or drain references on ordinary calls.

PySide6 6.12.0 returned ``None`` from every void method without taking a reference; on Python
3.11 (``None`` not immortal) the app aborted with "Fatal Python error: none_dealloc" after a few
thousand UI calls.  pyproject pins ``<6.12``; this test catches any binding with the same fault.
"""

from __future__ import annotations

import sys

import pytest


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_void_calls_keep_none_refcount(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("巡检")
        label.update()
        QCoreApplication.processEvents()
    assert sys.getrefcount(None) - before > -50
