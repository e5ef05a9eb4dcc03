"""The main window builds only the overview at start; every other page is built when first
needed — navigation click, Ctrl+N, a route from another page — and then works; a change on the
bus while a page is unbuilt leaves it unbuilt (it builds fresh, showing the change)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from app.core.timeutil import utcnow
from app.services.incident import actions as incident_actions
from app.ui.ops import perform
from app.ui.page_table import PAGES
from tests.ui.gui_helpers import ENGINEER


def _log_incident(ctx: Any, title: str) -> Any:
    return perform(ctx, incident_actions.create_incident, ctx.contract_id, actor=ENGINEER, title=title,
                   occurred_at=utcnow() - timedelta(hours=1))


def _titles(page: Any) -> list[str]:
    model = page.model
    return [str(model.index(r, c).data()) for r in range(model.rowCount(QModelIndex()))
            for c in range(model.columnCount(QModelIndex()))]


def test_only_the_overview_is_built_at_start_and_the_nav_lists_every_page(main_window: Any) -> None:
    win = main_window
    assert [win.nav.item(n).data(Qt.ItemDataRole.UserRole) for n in range(win.nav.count())] == [s.key for s in PAGES]
    assert list(win.pages) == ["overview"] and len(win.pages) == 1
    assert win.current_key() == "overview"
    assert all(key in win.pages for key in win.page_keys())  # every key is known, built or not
    assert win._runner is None and win.stack.count() == 1


def test_nav_click_builds_the_page_and_it_works(qtbot: Any, main_window: Any) -> None:
    win = main_window
    _log_incident(win.ctx, "Court hall projector down")
    row = win.page_keys().index("incidents")
    rect = win.nav.visualItemRect(win.nav.item(row))
    qtbot.mouseClick(win.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.pages.is_built("incidents") and win.current_key() == "incidents"
    page = win.pages["incidents"]
    assert win.stack.currentWidget() is page
    assert any("Court hall projector down" in t for t in _titles(page))
    qtbot.mouseClick(win.nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=win.nav.visualItemRect(win.nav.item(0)).center())
    assert win.current_key() == "overview"
    qtbot.mouseClick(win.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.pages["incidents"] is page  # built once


def test_every_page_opens_by_its_ctrl_n_shortcut(qtbot: Any, main_window: Any) -> None:
    win = main_window
    _log_incident(win.ctx, "Shortcut opened me")
    win.activateWindow()
    for n, key in enumerate(win.page_keys()[:9], 1):
        qtbot.keyClick(win, getattr(Qt.Key, f"Key_{n}"), Qt.KeyboardModifier.ControlModifier)
        assert win.current_key() == key, key
        assert win.pages.is_built(key)
        assert win.stack.currentWidget() is win.pages[key]
    qtbot.keyClick(win, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert win.current_key() == "incidents"
    assert any("Shortcut opened me" in t for t in _titles(win.pages["incidents"]))
    for key in win.page_keys()[9:]:  # no shortcut beyond Ctrl+9: the View menu opens them
        win.menus.actions[f"page_{key}"].trigger()
        assert win.current_key() == key and win.pages.is_built(key)


def test_a_change_while_a_page_is_unbuilt_does_not_build_it(qtbot: Any, main_window: Any) -> None:
    win = main_window
    _log_incident(win.ctx, "Logged before the page was built")  # emits ("incident", …) on the bus
    win.ctx.bus.changed.emit(("contract",))
    assert not win.pages.is_built("incidents") and not win.pages.is_built("worklog")
    assert list(win.pages) == ["overview"]
    win.show_page("incidents")  # built fresh: the change is there
    assert any("Logged before the page was built" in t for t in _titles(win.pages["incidents"]))


def test_overview_tile_and_agenda_routes_build_their_pages(qtbot: Any, main_window: Any) -> None:
    win = main_window
    win.open_filtered("incidents", {"status": "__open__"})
    assert win.current_key() == "incidents"
    win.open_due("inspection", "inspection", None)
    assert win.current_key() == "today" and win.pages.is_built("today")
    assert win._runner is None  # the runner waits until an inspection is opened


def test_assets_incident_request_builds_the_incidents_page(qtbot: Any, main_window: Any) -> None:
    win = main_window
    iid = _log_incident(win.ctx, "Asked for from the asset register")
    assets = win.show_page("assets")
    assert not win.pages.is_built("incidents")
    assets.incidentRequested.emit(iid)
    assert win.current_key() == "incidents"
    assert win.pages["incidents"].detail.incident_id == iid


def test_settings_signals_are_wired_when_the_page_is_built(qtbot: Any, main_window: Any) -> None:
    win = main_window
    settings_page = win.show_page("settings")
    settings_page.engineerChanged.emit("赵六")
    assert win.ctx.engineer == "赵六"
    assert "赵六" in win._engineer_label.text()


def test_window_painted_before_the_ledger_fills_when_the_ledger_is_announced(qtbot: Any, gui_ctx: Any) -> None:
    from app.ui.main import paint_window

    win = paint_window(ENGINEER)
    qtbot.addWidget(win)
    overview = win.pages["overview"]
    assert win.isVisible() and win.current_key() == "overview"
    qtbot.wait(50)  # the overview's first refresh has run: without a ledger it computes nothing
    assert overview.now_figures is None and not overview.message.isVisible()
    opening = win.tr("Opening the ledger…")  # in whichever language an earlier test left installed
    assert win._contract_label.text() == opening
    win.ctx.db, win.ctx.contract_id = gui_ctx.db, gui_ctx.contract_id  # what app.ui.main does next
    with qtbot.waitSignal(overview.filled, timeout=60_000):
        win.ctx.bus.changed.emit(("contract",))
    assert overview.now_figures is not None and overview.tile("insp_todo").number.text() != "…"
    assert win._contract_label.text() != opening
