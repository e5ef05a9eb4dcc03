"""Labels from the 资产 page on the label sheet picked beside the 标签… button."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.services.asset import actions
from tests.ui.test_gui_records import _page

pytestmark = pytest.mark.usefixtures("qapp")


def test_labels_are_printed_on_the_chosen_sheet(qtbot, gui_ctx, tmp_path, monkeypatch) -> None:
    for i in range(15):
        actions.create_asset(gui_ctx.db, gui_ctx.contract_id, actor="t", values={"code": f"PC-{i:02d}", "name": "终端"})
    page = _page(qtbot, gui_ctx, "app.ui.pages.asset.page.AssetsPage")
    reg = page.register
    reg.model.reload()
    codes = [reg.sheet.itemData(i) for i in range(reg.sheet.count())]
    assert codes[0] == "a4-3x8" and {"a4-3x7", "a4-2x7", "a4-2x5"} <= set(codes)
    reg.sheet.setCurrentIndex(codes.index("a4-2x7"))
    out = tmp_path / "labels.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    qtbot.mouseClick(reg.labels_btn, Qt.MouseButton.LeftButton)
    assert len(PdfReader(out).pages) == 2  # 14 labels a sheet: 15 assets → 2 sheets
    reg.sheet.setCurrentIndex(codes.index("a4-3x8"))
    qtbot.mouseClick(reg.labels_btn, Qt.MouseButton.LeftButton)
    assert len(PdfReader(out).pages) == 1
