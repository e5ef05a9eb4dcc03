"""A warranty or maintenance reminder on the overview opens its asset on the 资产 page, and the
maintenance group has a title of its own."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication

from app.core.timeutil import local_today
from app.services.asset import actions
from app.ui.pages.overview.due import kind_label

pytestmark = pytest.mark.usefixtures("qapp")


def test_a_reminder_opens_its_asset(qtbot, main_window, gui_ctx) -> None:
    db, cid = gui_ctx.db, gui_ctx.contract_id
    actions.create_asset(db, cid, actor="t", values={"code": "SW-01", "name": "接入交换机"})
    ups = actions.create_asset(db, cid, actor="t", values={
        "code": "UPS-09", "name": "机房UPS", "maintenance_end": local_today() + timedelta(days=5)}).value
    main_window.open_due("maintenance", "asset", ups)
    page = main_window.pages["assets"]
    assert page.tabs.currentWidget() is page.register
    assert page.register.detail.asset_id == ups and page.register.frame.selected_id() == ups
    assert kind_label("maintenance") == QCoreApplication.translate("OverviewDue", "Maintenance contracts ending")
