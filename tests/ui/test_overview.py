"""总览: the window opens on the overview; its tiles open their lists filtered; what is due is
shown and opens its page; the tray tells each thing once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app import settings
from app.core.timeutil import to_local, utcnow
from app.services import agenda
from app.services.agenda import DueItem, DueState, state_of
from app.services.incident import actions as incidents
from app.services.queries.listing import IncidentFilter
from app.store.models import Incident
from tests.ui.gui_helpers import ENGINEER


def _wait_filled(qtbot: Any, win: Any) -> Any:
    page = win.pages["overview"]
    qtbot.waitUntil(page.is_filled, timeout=20_000)
    return page


@pytest.fixture
def faults(gui_ctx: Any) -> dict[str, Any]:
    """Two open P1 faults, one open P2, one closed P1 — recorded before the window opens."""
    now = utcnow()
    ids = {}
    for key, sev, ago in (("a", "P1", 20), ("b", "P1", 50), ("c", "P2", 60 * 30), ("d", "P1", 60 * 24 * 4)):
        ids[key] = incidents.create_incident(gui_ctx.db, gui_ctx.contract_id, actor=ENGINEER, title=f"故障{key}",
                                             occurred_at=now - timedelta(minutes=ago), severity=sev).value
    incidents.move_incident(gui_ctx.db, ids["d"], "in_progress", actor=ENGINEER, at=now - timedelta(days=3))
    incidents.close_incident(gui_ctx.db, ids["d"], actor=ENGINEER, cause_category="hardware", cause="硬盘",
                             resolution="更换", root_cause_analysis="硬盘老化",
                             restored_at=now - timedelta(days=2), at=now - timedelta(days=2))
    return ids


def test_window_opens_on_the_overview(qtbot: Any, faults: dict, main_window: Any) -> None:
    assert main_window.page_keys()[0] == "overview"
    assert main_window.current_key() == "overview"
    assert main_window.menus.actions["page_overview"].shortcut().toString() == "Ctrl+1"
    assert main_window.menus.actions["page_today"].shortcut().toString() == "Ctrl+2"
    page = _wait_filled(qtbot, main_window)
    assert page.tile("inc_open").number.text() == "3"
    assert page.tile("sev_P1").number.text() == "2"
    assert page.tile("sev_P1").state.text()  # the state in words, not only the colour
    # b: 50 min against a 30 min response target; c: a day unanswered; a (20 of 30 min) not yet at risk
    assert page.tile("sla_breached").number.text() == "2"
    assert page.tile("sla_risk").number.text() == "0"
    assert page.tile("kpi_availability") is not None
    assert page.trend.points  # the 12-month chart is drawn


def test_open_p1_tile_opens_the_incident_list_filtered(qtbot: Any, gui_ctx: Any, faults: dict,
                                                       main_window: Any) -> None:
    page = _wait_filled(qtbot, main_window)
    qtbot.mouseClick(page.tile("sev_P1"), Qt.MouseButton.LeftButton)
    assert main_window.current_key() == "incidents"
    inc = main_window.pages["incidents"]
    assert inc.filters.status.currentData() == "__open__" and inc.filters.kind.currentData() == "P1"
    assert inc.model.flt == IncidentFilter(open_only=True, severities=("P1",))
    with gui_ctx.db.session() as s:
        expected = set(s.scalars(select(Incident.id).where(Incident.severity == "P1", Incident.status != "closed")))
    shown = {inc.model.row_at(r).id for r in range(inc.model.rowCount())}
    assert shown == expected == {faults["a"], faults["b"]}


def test_age_tile_filters_by_occurred_and_a_period_clears_it(qtbot: Any, faults: dict, main_window: Any) -> None:
    page = _wait_filled(qtbot, main_window)
    page.tile("age_1_3d").setFocus()
    qtbot.keyClick(page.tile("age_1_3d"), Qt.Key.Key_Return)
    inc = main_window.pages["incidents"]
    assert main_window.current_key() == "incidents"
    assert {inc.model.row_at(r).id for r in range(inc.model.rowCount())} == {faults["c"]}
    assert inc.occurred_note.isVisibleTo(inc)
    inc.filters.period.setCurrentIndex(inc.filters.period.findData("30d"))
    assert not inc.occurred_note.isVisibleTo(inc) and inc.model.rowCount() == 3


def test_agenda_item_from_a_provider_is_shown_and_opens_its_page(qtbot: Any, gui_ctx: Any,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication

    from app.ui.app_setup import install_font
    from app.ui.main_window import MainWindow

    today = to_local(utcnow()).date()

    def provider(_session: Any, _contract: Any, d: Any) -> Any:
        due_on = d + timedelta(days=4)
        yield DueItem("report", "月报 2026-11 应于 12-05 前提交", due_on, state_of(due_on, d), 4, "report")
        yield DueItem("vault_rotation", "OA 管理员密码应轮换", d - timedelta(days=1), DueState.OVERDUE, -1)

    monkeypatch.setattr(agenda, "PROVIDERS", ("fake:provider",))
    monkeypatch.setattr(agenda, "_load", lambda _path: provider)
    install_font(QApplication.instance())  # type: ignore[arg-type]
    win = MainWindow(gui_ctx)
    qtbot.addWidget(win)
    win.show()
    page = _wait_filled(qtbot, win)
    tree = page.due
    assert [i.title for i in tree.items()] == ["OA 管理员密码应轮换", "月报 2026-11 应于 12-05 前提交"]
    groups = [tree.topLevelItem(n).text(0) for n in range(tree.topLevelItemCount())]
    assert groups[0].startswith("Due: vault_rotation") or "vault_rotation" in groups[0]  # generic label
    assert "(1)" in groups[1] and "vault_rotation" not in groups[1]
    report_row = tree.topLevelItem(1).child(0)
    assert report_row.text(1) == (today + timedelta(days=4)).isoformat()
    tree.setFocus()
    tree.setCurrentItem(report_row)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert win.current_key() == "reports"


def test_tray_notifies_each_slot_and_sla_once(gui_ctx: Any, faults: dict) -> None:
    from app.services.queries import overview as ov
    from app.ui.tray import TrayNotifier

    shown: list[str] = []
    notifier = TrayNotifier(lambda _t, text: shown.append(text))
    figs = ov.now_figures(gui_ctx.db, gui_ctx.contract_id, to_local(utcnow()).date(), utcnow())
    first = notifier.watch(figs)
    assert len(shown) == 1 and first
    keys = {n.key for n in first}
    assert ("sla", str(faults["b"]), "100") in keys  # first seen breached: the breach only
    assert ("sla", str(faults["b"]), "75") not in keys and ("sla", str(faults["b"]), "75") in notifier.seen
    assert notifier.watch(figs) == [] and len(shown) == 1  # nothing new: no second message
    settings.set_value("tray_notifications", False)
    off = TrayNotifier(lambda _t, text: shown.append(text))
    assert off.watch(figs) == [] and len(shown) == 1


def test_ctrl_1_returns_to_the_overview_and_a_kpi_tile_opens_the_month_report(qtbot: Any, faults: dict,
                                                                            main_window: Any) -> None:
    page = _wait_filled(qtbot, main_window)
    kpi = next(t for t in page.kpis.tiles if t.key == "kpi_availability")
    assert "%" in kpi.number.text() and kpi.state.text()
    qtbot.mouseClick(kpi, Qt.MouseButton.LeftButton)
    assert main_window.current_key() == "reports"
    reports = main_window.pages["reports"]
    assert reports.current_kind() == "monthly"
    assert reports.current_period().key == page.month_figures.period.key
    main_window.activateWindow()
    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_key() == "overview"


def test_tray_setting_is_a_checkbox_on_the_settings_page(qtbot: Any, main_window: Any) -> None:
    box = main_window.pages["settings"].tray
    assert box.isChecked() and settings.get("tray_notifications") is True
    main_window.show_page("settings")
    qtbot.waitUntil(box.isVisible)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not box.isChecked() and settings.get("tray_notifications") is False
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() and settings.get("tray_notifications") is True


def test_a_dozen_kpis_wrap_so_the_overview_stays_as_wide_as_the_window(qtbot: Any, db: Any) -> None:
    """The imagined contract has more KPIs than one row holds: their tiles wrap onto a second row
    and the overview needs no horizontal scrolling at the default window size."""
    from pathlib import Path

    from PySide6.QtWidgets import QApplication, QScrollArea

    from app.services.contract.profiles import import_profile, load_profile_file
    from app.ui.app_setup import install_font
    from app.ui.context import AppContext, ChangeBus
    from app.ui.main_window import MainWindow
    from app.ui.pages.overview.page import KPI_COLUMNS

    with db.session() as s:
        c = import_profile(s, load_profile_file(Path(__file__).resolve().parents[1] / "fixtures" / "profiles"
                                                / "imagined-v2.yaml"), actor="t")
        cid = c.id
    install_font(QApplication.instance())  # type: ignore[arg-type]
    win = MainWindow(AppContext(db=db, contract_id=cid, engineer=ENGINEER, bus=ChangeBus()))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    page = _wait_filled(qtbot, win)
    tiles = page.kpis.tiles
    assert len(tiles) > KPI_COLUMNS
    qtbot.waitUntil(lambda: tiles[KPI_COLUMNS].y() > tiles[0].y())  # the 8th tile begins a second row
    scroll = page.findChild(QScrollArea)
    assert scroll is not None and not scroll.horizontalScrollBar().isVisible()
    assert tiles[KPI_COLUMNS - 1].geometry().right() <= page.kpis.width()
