"""Qt's own file dialog speaks the UI's language: in the Chinese UI its labels are Chinese
(Qt's catalogue lacks two of them; ``app/ui/qt_gaps.py`` fills them), in the English UI English."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from app.core.i18n import language, set_language
from app.ui.app_setup import install_translator


@pytest.mark.parametrize(("lang", "labels"), [
    ("zh_CN", ["查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："]),
    ("en", ["&Look in:", "File &name:", "Files of &type:"]),
])
def test_the_file_dialog_labels_follow_the_language(qtbot: Any, tmp_path: Any, lang: str, labels: list[str]) -> None:
    before = language()
    app = QApplication.instance()
    install_translator(app, lang)
    try:
        dialog = QFileDialog(None, "", str(tmp_path))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        dialog.show()
        texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        assert texts == labels
        if lang == "zh_CN":
            assert not [t for t in texts if re.search(r"[A-Za-z]{2,}", t)]
    finally:  # back to the suite's state: no Qt translator, the service texts in ``before``
        install_translator(app, "en")
        set_language(before)
