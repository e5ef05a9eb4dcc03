"""The 资产 page driven through its widgets: import dialog (simulate → apply), a new asset typed
into the form, an incident linked to it and shown on the asset's detail (and back)."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from app.services.asset import actions
from app.store.models import Asset, AuditEvent, Incident, IncidentAsset

pytestmark = pytest.mark.usefixtures("qapp")


def _book(path, n=6):
    wb = Workbook()
    ws = wb.active
    ws.append(["编号", "设备名称", "类别", "型号", "SN", "位置", "IP", "保修截止", "资产价值"])
    for i in range(1, n + 1):
        ws.append([f"SW-{i:02d}", f"接入交换机{i}", "交换机", "S5735", f"SN{i}", "办公区", f"10.9.0.{i + 10}",
                   date(2027, 5, i), 1000])
    wb.save(path)
    return path


@pytest.mark.sqlite_only
def test_import_dialog_simulates_then_applies(qtbot, main_window, gui_ctx, tmp_path, monkeypatch) -> None:
    actions.add_subnet(gui_ctx.db, gui_ctx.contract_id, actor="t", cidr="10.9.0.0/24", site="办公区")
    path = _book(tmp_path / "交换机清单.xlsx")
    page = main_window.show_page("assets")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    dlg = page.register.open_import()
    qtbot.addWidget(dlg)
    qtbot.mouseClick(dlg.choose_btn, Qt.MouseButton.LeftButton)
    assert dlg.mapping.rowCount() == 9 and dlg.current_mapping()["编号"] == "code"
    qtbot.mouseClick(dlg.simulate_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.simulation is not None, timeout=10000)
    assert dlg.simulation.refused and not dlg.apply_btn.isEnabled()  # 资产价值 is an unknown header
    assert "资产价值" in dlg.results.item(0, 3).text() and dlg.results.item(0, 1).text() == "拒绝"
    row = next(r for r in range(dlg.mapping.rowCount()) if dlg.mapping.item(r, 0).text() == "资产价值")
    cb = dlg.mapping.cellWidget(row, 1)
    cb.setCurrentIndex(cb.findText("（忽略）") if cb.findText("（忽略）") >= 0 else 1)  # (ignore)
    qtbot.mouseClick(dlg.simulate_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.simulation is not None, timeout=10000)
    assert dlg.simulation.count("created") == 6 and dlg.apply_btn.isEnabled()
    assert dlg.results.rowCount() == 6 and dlg.results.item(0, 1).text() == "新增"
    report = dlg.export_report(tmp_path / "report.xlsx")
    assert report is not None and report.exists()
    monkeypatch.setattr("app.services.backup.default_backup_dir", lambda: tmp_path / "backups")
    qtbot.mouseClick(dlg.apply_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.summary is not None, timeout=20000)
    assert dlg.summary.created == 6 and dlg.summary.backup is not None
    with gui_ctx.db.session() as s:
        assert s.scalars(select(Asset).where(Asset.code == "SW-03")).one().ip == "10.9.0.13"
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "ledger.backup")).first() is not None
    qtbot.waitUntil(lambda: page.register.model.total == 12, timeout=5000)  # 6 profile + 6 imported


def test_asset_form_then_incident_then_asset_detail(qtbot, main_window, gui_ctx, no_modals) -> None:
    page = main_window.show_page("assets")
    reg = page.register
    reg.frame.table.setFocus()
    qtbot.keyClick(reg.frame.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = reg.form
    assert reg.frame.detail.currentWidget() is form
    qtbot.keyClicks(form.fields["name"], "Core switch")
    cls = form.fields["asset_class"]
    cls.setCurrentIndex(cls.findData("network"))
    qtbot.keyClicks(form.fields["model"], "S7706")
    qtbot.keyClicks(form.fields["location"], "Room 1")
    qtbot.keyClicks(form.fields["warranty_end"], "2027/3/31")
    assert not form.fields["imei"].isVisible()  # only for mobile terminals
    qtbot.mouseClick(form.save_btn, Qt.MouseButton.LeftButton)
    assert form.error.text() == "" and reg.frame.detail.currentWidget() is reg.detail
    with gui_ctx.db.session() as s:
        asset = s.scalars(select(Asset).where(Asset.name == "Core switch")).one()
        code, aid = asset.code, asset.id
        assert (asset.asset_class, asset.warranty_end) == ("network", date(2027, 3, 31))
    assert code.startswith("NET-") and reg.detail.asset_id == aid

    # an incident picks the asset in its form
    inc_page = main_window.show_page("incidents")
    inc_page.new_incident()
    f = inc_page.form
    row = next(i for i in range(f.assets.count()) if f.assets.item(i).text().startswith(code))
    f.assets.item(row).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(f.title, "Core switch port down")
    qtbot.keyClick(f.title, Qt.Key.Key_Return)
    with gui_ctx.db.session() as s:
        inc = s.scalars(select(Incident)).one()
        assert s.scalars(select(IncidentAsset.asset_id).where(IncidentAsset.incident_id == inc.id)).one() == aid
    inc_page.detail.show_incident(inc.id)
    assert code in inc_page.detail.summary.text()  # the incident shows its assets

    # and the asset's detail shows the incident
    page = main_window.show_page("assets")
    reg.frame.select_id(aid)
    reg.detail.show_asset(aid)
    texts = [reg.detail.incidents.item(i).text() for i in range(reg.detail.incidents.count())]
    assert len(texts) == 1 and inc.number in texts[0] and "Core switch port down" in texts[0]
    assert reg.detail.tabs.tabText(0).endswith("(1)")
    reg.detail.incidents.itemActivated.emit(reg.detail.incidents.item(0))  # Enter / double-click
    assert main_window.current_key() == "incidents" and inc_page.detail.incident_id == inc.id

    # and back: the incident's asset is a link that opens the asset in the register
    reg.detail.show_asset(None)
    href = f"asset:{aid}"
    assert f'href="{href}"' in inc_page.detail.summary.text()
    inc_page.detail.summary.linkActivated.emit(href)  # what a click on the link sends
    assert main_window.current_key() == "assets" and reg.detail.asset_id == aid
    assert no_modals == []


def test_asset_form_refusal_names_the_field(qtbot, main_window, gui_ctx, no_modals) -> None:
    reg = main_window.show_page("assets").register
    reg.new_asset()
    qtbot.keyClicks(reg.form.fields["name"], "Printer 3F")
    qtbot.keyClicks(reg.form.fields["ip"], "172.16.1.9")
    qtbot.mouseClick(reg.form.save_btn, Qt.MouseButton.LeftButton)
    assert "不在任何已登记的网段内" in reg.form.error.text()
    assert reg.frame.detail.currentWidget() is reg.form
    with gui_ctx.db.session() as s:
        assert s.scalars(select(Asset).where(Asset.name == "Printer 3F")).first() is None
    reg.form.discard_typed()


def test_subnet_tab_declares_and_refuses(qtbot, main_window, gui_ctx, no_modals) -> None:
    tab = main_window.show_page("assets").subnets
    qtbot.keyClicks(tab.cidr, "10.5.0.0/24")
    qtbot.keyClicks(tab.site, "room")
    qtbot.mouseClick(tab.add_btn, Qt.MouseButton.LeftButton)
    assert tab.table.rowCount() == 1 and tab.table.item(0, 4).text() == "254"
    qtbot.keyClicks(tab.cidr, "10.5.0.128/25")
    qtbot.mouseClick(tab.add_btn, Qt.MouseButton.LeftButton)
    assert "重叠" in tab.error.text() and tab.table.rowCount() == 1


def test_stocktake_tab_walks_a_location(qtbot, main_window, gui_ctx, tmp_path, monkeypatch) -> None:
    tab = main_window.show_page("assets").stocktake
    main_window.pages["assets"].tabs.setCurrentWidget(tab)
    tab.location.setCurrentIndex(tab.location.findData("中心机房"))
    qtbot.mouseClick(tab.start_btn, Qt.MouseButton.LeftButton)
    assert tab.table.rowCount() == 6
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.found_btn, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.moved_to, "spare room")
    qtbot.mouseClick(tab.moved_btn, Qt.MouseButton.LeftButton)  # the next row was selected
    qtbot.keyClicks(tab.unreg, "unlabelled switch")
    qtbot.mouseClick(tab.unreg_btn, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.finish_btn, Qt.MouseButton.LeftButton)
    results = [tab.table.item(r, 2).text() for r in range(tab.table.rowCount())]
    assert results == ["在位", "位置变动", "缺失", "缺失", "缺失", "缺失", "未登记"]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "st.xlsx"), "")))
    qtbot.mouseClick(tab.report_btn, Qt.MouseButton.LeftButton)
    assert (tmp_path / "st.xlsx").exists()


def test_register_buttons_export_and_print_labels(qtbot, main_window, tmp_path, monkeypatch) -> None:
    reg = main_window.show_page("assets").register
    for btn, name in ((reg.export_btn, "a.xlsx"), (reg.yaml_btn, "a.yaml"), (reg.labels_btn, "l.pdf")):
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *a, n=name, **k: (str(tmp_path / n), "")))
        qtbot.mouseClick(btn, Qt.MouseButton.LeftButton)
        assert (tmp_path / name).exists(), name
    assert reg.message.text() == ""
