"""Every overview tile opens its list showing exactly the rows its number counts: the SLA tiles
(at risk ≥ 75 %, breached) through the incident list's SLA filter, which the user sees in the
filter bar and can clear; the open, severity and age tiles; the inspection tiles (Today's rows of
the counted statuses); a KPI tile (the month report's figure).

Pinggu, P1 response target 30 min (7×24), P2 target in working hours: faults recorded with the
ordinary actions before the window opens — P1 reported 25 min ago (83 %: at risk), P1 10 min ago
(33 %: fine), P1 50 min ago (breached), P1 45 min ago, answered after 3 min and paused (neither), P2 two days ago (breached on response), one closed P1.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.core.timeutil import utcnow
from app.services.incident import actions as incidents
from app.services.queries import sla_watch
from app.store.models import Incident
from tests.ui.gui_helpers import ENGINEER


@pytest.fixture
def day(gui_ctx: Any) -> dict[str, Any]:
    now = utcnow()
    ids: dict[str, Any] = {}
    for key, sev, ago in (("risk", "P1", 25), ("fresh", "P1", 10), ("late", "P1", 50), ("paused", "P1", 45),
                          ("p2", "P2", 60 * 48), ("closed", "P1", 60 * 24 * 5)):
        ids[key] = incidents.create_incident(gui_ctx.db, gui_ctx.contract_id, actor=ENGINEER, title=f"故障 {key}",
                                             occurred_at=now - timedelta(minutes=ago),
                                             reported_at=now - timedelta(minutes=ago), severity=sev).value
    incidents.move_incident(gui_ctx.db, ids["paused"], "in_progress", actor=ENGINEER, at=now - timedelta(minutes=42))
    incidents.move_incident(gui_ctx.db, ids["paused"], "pending", actor=ENGINEER, at=now - timedelta(minutes=40))
    incidents.move_incident(gui_ctx.db, ids["closed"], "in_progress", actor=ENGINEER, at=now - timedelta(days=4))
    incidents.close_incident(gui_ctx.db, ids["closed"], actor=ENGINEER, cause_category="hardware", cause="硬盘",
                             resolution="更换", root_cause_analysis="老化",
                             restored_at=now - timedelta(days=3), at=now - timedelta(days=3))
    return ids


def _filled(qtbot: Any, win: Any) -> Any:
    page = win.pages["overview"]
    qtbot.waitUntil(page.is_filled, timeout=20_000)
    return page


def _click(qtbot: Any, win: Any, page: Any, key: str) -> int:
    """Go back to the overview, click tile ``key``; returns the number the tile showed."""
    win.show_page("overview")
    tile = page.tile(key)
    assert tile is not None, key
    number = int(tile.number.text())
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    inc = win.pages["incidents"]
    qtbot.waitUntil(lambda: not inc.model.resolving, timeout=10_000)  # SLA states: found in a worker
    return number


def _shown(inc: Any) -> set[Any]:
    return {inc.model.row_at(r).id for r in range(inc.model.rowCount())}


def test_sla_tiles_open_the_list_filtered_by_sla_state_and_the_user_can_clear_it(
        qtbot: Any, gui_ctx: Any, day: dict, main_window: Any) -> None:
    page = _filled(qtbot, main_window)
    number = _click(qtbot, main_window, page, "sla_risk")
    assert main_window.current_key() == "incidents"
    inc = main_window.pages["incidents"]
    assert number == 1 and inc.model.rowCount() == inc.model.total == number
    assert _shown(inc) == {day["risk"]}
    assert inc.sla.currentData() == "at_risk" and inc.sla.isVisibleTo(inc)
    assert "75" in inc.sla.currentText()  # the bar says which filter is on
    # the cell is amber by the same rule (sla_watch.clock_state) that counted it
    from app.ui.itemmodels.record_models import AMBER

    cell = inc.model.index(0, inc.model.RESPONSE_COL)
    cell.data()
    qtbot.waitUntil(inc.model.wait_idle, timeout=10_000)
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color() == AMBER

    number = _click(qtbot, main_window, page, "sla_breached")
    assert main_window.current_key() == "incidents"
    assert number == 2 and inc.model.rowCount() == inc.model.total == number
    assert _shown(inc) == {day["late"], day["p2"]}
    assert inc.sla.currentData() == "breached"

    # the same rows the one rule finds, counted in the database's open incidents
    figs = sla_watch.watches(gui_ctx.db, gui_ctx.contract_id, utcnow())
    assert figs.ids("breached") == _shown(inc)

    # clearing the SLA combo (keyboard, as a user) shows every open incident again
    inc.sla.setFocus()
    qtbot.keyClick(inc.sla, Qt.Key.Key_Home)
    assert inc.sla.currentData() is None
    with gui_ctx.db.session() as s:
        open_ids = set(s.scalars(select(Incident.id).where(Incident.status != "closed")))
    assert _shown(inc) == open_ids and len(open_ids) == 5


def test_user_picks_the_sla_filter_in_the_bar(qtbot: Any, day: dict, main_window: Any) -> None:
    main_window.show_page("incidents")
    inc = main_window.pages["incidents"]
    inc.sla.setFocus()
    qtbot.keyClick(inc.sla, Qt.Key.Key_End)  # "SLA breached"
    assert inc.sla.currentData() == "breached"
    assert inc.model.resolving and inc.frame.count_label.text() == inc.tr("Computing SLA clocks…")
    qtbot.waitUntil(lambda: not inc.model.resolving, timeout=10_000)
    assert inc.frame.count_label.text() == inc.tr("%1 of %2 shown").replace("%1", "2").replace("%2", "2")
    assert _shown(inc) == {day["late"], day["p2"]}
    qtbot.keyClick(inc.sla, Qt.Key.Key_Up)  # "SLA at risk"
    qtbot.waitUntil(lambda: not inc.model.resolving, timeout=10_000)
    assert _shown(inc) == {day["risk"]}


def test_open_severity_and_age_tiles_open_exactly_their_rows(qtbot: Any, day: dict, main_window: Any) -> None:
    page = _filled(qtbot, main_window)
    inc = main_window.pages["incidents"]
    keys = [t.key for t in page.incidents.tiles] + [t.key for t in page.ages.tiles]
    assert "inc_open" in keys and "sev_P1" in keys and "age_1_3d" in keys
    for key in keys:
        number = _click(qtbot, main_window, page, key)
        assert main_window.current_key() == "incidents", key
        assert inc.model.rowCount() == inc.model.total == number, key
        assert inc.sla.currentData() is None, key  # an SLA filter from an earlier tile is cleared
    assert int(page.tile("sev_P1").number.text()) == 4 and int(page.tile("age_1_3d").number.text()) == 1


def test_inspection_tiles_open_today_with_the_rows_they_count(qtbot: Any, day: dict, main_window: Any) -> None:
    page = _filled(qtbot, main_window)
    statuses = {"insp_todo": ("due", "in_progress"), "insp_overdue": ("overdue",), "insp_done": ("done",)}
    numbers = {}
    for key, wanted in statuses.items():
        number = numbers[key] = _click(qtbot, main_window, page, key)
        assert main_window.current_key() == "today", key
        today = main_window.pages["today"]
        rows = today.model.rows()
        assert len(rows) == number and all(r.status in wanted for r in rows), key  # only the rows it counts
        assert tuple(today.status_filter.currentData()) == wanted, key  # the filter box says so
    assert sum(numbers.values()) > 0  # the day has slots the tiles count
    # the user clears the filter in the box: every slot of the day again
    today.status_filter.setFocus()
    qtbot.keyClick(today.status_filter, Qt.Key.Key_Home)
    assert today.status_filter.currentData() == () and len(today.model.rows()) >= sum(numbers.values()) > number


def test_kpi_tile_opens_the_month_report_its_figure_comes_from(qtbot: Any, gui_ctx: Any, day: dict,
                                                                main_window: Any) -> None:
    from app.reports.data.builder import build_report_data
    from app.store.models import Contract

    page = _filled(qtbot, main_window)
    kpi = page.month_figures.kpis[0]
    main_window.show_page("overview")
    qtbot.mouseClick(page.tile(f"kpi_{kpi.code}"), Qt.MouseButton.LeftButton)
    reports = main_window.pages["reports"]
    assert main_window.current_key() == "reports" and reports.current_kind() == "monthly"
    period = reports.current_period()
    assert period.key == page.month_figures.period.key
    with gui_ctx.db.session() as s:
        contract = s.get(Contract, gui_ctx.contract_id)
        data = build_report_data(s, contract, page.month_figures.period, now=page.now_figures.now)
    row = next(k for k in data.kpis if k.code == kpi.code)
    assert (row.actual, row.verdict) == (kpi.actual, kpi.verdict)
