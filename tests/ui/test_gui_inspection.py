"""The inspection runner driven from the keyboard, the Today list and the history page."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.core.timeutil import LOCAL_TZ
from app.store.models import Incident, Inspection, InspectionResult
from tests.ui.gui_helpers import ENGINEER, accept_dialog

DAY = date(2026, 6, 1)  # a Monday inside the Pinggu term


def _open_from_today(qtbot: Any, win: Any, code: str, slot: str) -> Any:
    today = win.show_page("today")
    today.set_day(DAY)
    assert today.select_slot(code, slot) >= 0
    today.table.setFocus()
    qtbot.keyClick(today.table, Qt.Key.Key_Return)
    assert win.current_key() == "runner"
    return win.runner


def _results(db: Any, inspection_id: Any) -> list[InspectionResult]:
    with db.session() as s:
        return list(s.scalars(select(InspectionResult).where(InspectionResult.inspection_id == inspection_id)
                              .order_by(InspectionResult.position)))


def test_application_check_from_the_keyboard(qtbot: Any, main_window: Any, gui_ctx: Any, no_modals: Any) -> None:
    runner = _open_from_today(qtbot, main_window, "app-twice-daily", "09:00")
    line = runner.answer
    kinds = [r.kind for r in runner.model.rows()]
    assert kinds == ["check", "check", "check", "check", "reading", "check", "reading"]
    for key in ("1", "n", "1", "3"):  # four checks: normal, normal, normal, n.a.
        qtbot.keyClicks(line, key)
    qtbot.keyClicks(line, "1.8")  # 首页打开时间 1.8 s
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.keyClicks(line, "N")
    qtbot.keyClicks(line, "4")  # 在线坐席数
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.keyClick(line, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    rows = _results(gui_ctx.db, runner.inspection_id)
    assert [r.outcome for r in rows] == ["normal", "normal", "normal", "na", "normal", "normal", "normal"]
    assert rows[4].value_number == 1.8 and rows[6].value_number == 4
    with gui_ctx.db.session() as s:
        insp = s.get(Inspection, runner.inspection_id)
        assert insp.finished_at is not None and insp.abnormal_count == 0
        assert insp.slot == "09:00" and insp.due_date == DAY
    assert no_modals == []  # everything answered: no question asked
    assert insp.number in main_window.statusBar().currentMessage()
    assert main_window.current_key() == "today"
    today = main_window.pages["today"]
    row = today.model.row(today.select_slot("app-twice-daily", "09:00"))
    assert row.status == "done"


def test_out_of_range_reading_raises_incident_by_shortcut(
    qtbot: Any, main_window: Any, gui_ctx: Any, no_modals: Any, monkeypatch: Any
) -> None:
    from PySide6.QtCore import QDateTime

    from app.ui.pages.inspection.incident_dialog import IncidentFromResultDialog

    def fill(d: Any) -> None:
        d.severity.setCurrentIndex(d.severity.findData("P2"))
        d.occurred.setDateTime(QDateTime(datetime(2026, 6, 1, 9, 20)))  # noticed before the round

    seen = accept_dialog(monkeypatch, IncidentFromResultDialog, fill)
    runner = _open_from_today(qtbot, main_window, "machine-room-daily", "09:30")
    line = runner.answer
    assert runner.current().text == "机房温度"
    qtbot.keyClicks(line, "35")
    assert "b00020" in line.styleSheet()  # red while typing: outside 18–27 ℃
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert runner.model.row(0).outcome == "abnormal"
    assert runner.model.data(runner.model.index(0, 5)) in ("Abnormal", "异常")
    qtbot.keyClick(line, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1
    assert "机房温度" in seen[0].title.text() and "35" in seen[0].description.toPlainText()
    number = runner.model.row(0).incident_number
    assert number.startswith("INC-2026-")
    assert number in runner.message.text()
    # the rest: humidity 50, choice 1 (正常), UPS choice 1, load 40, battery 95, two checks
    qtbot.keyClicks(line, "50")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.keyClicks(line, "1")
    qtbot.keyClicks(line, "1")
    for text in ("40", "95"):
        qtbot.keyClicks(line, text)
        qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.keyClicks(line, "1")  # 消防设施无告警; the last item stays unanswered
    qtbot.keyClick(line, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(no_modals) == 1 and "1" in no_modals[0]  # asked to mark 1 unanswered n.a.
    rows = _results(gui_ctx.db, runner.inspection_id)
    assert rows[0].outcome == "abnormal" and rows[0].value_number == 35
    assert rows[2].value_text == "正常" and rows[3].value_text == "市电正常"
    assert rows[-1].outcome == "na"
    with gui_ctx.db.session() as s:
        inc = s.scalars(select(Incident)).one()
        insp = s.get(Inspection, runner.inspection_id)
        assert inc.number == number and inc.source_result_id == rows[0].id
        assert inc.severity == "P2" and inc.source == "inspection"
        assert inc.occurred_at == datetime(2026, 6, 1, 9, 20, tzinfo=LOCAL_TZ)
        assert insp.finished_at is not None and insp.abnormal_count == 1


def test_bad_reading_is_refused_and_nothing_written(qtbot: Any, main_window: Any, gui_ctx: Any) -> None:
    runner = _open_from_today(qtbot, main_window, "machine-room-daily", "09:30")
    qtbot.keyClicks(runner.answer, "abc")
    qtbot.keyClick(runner.answer, Qt.Key.Key_Return)
    assert "abc" in runner.message.text()
    assert runner.current_row() == 0
    assert _results(gui_ctx.db, runner.inspection_id)[0].outcome is None
    assert runner.has_unsaved_changes()  # the refused text is still there: leaving would ask
    runner.answer.clear()  # the user gives up on it; the window then closes without asking
    assert not runner.has_unsaved_changes()


def _finish_by_service(db: Any, code: str, day: date, slot: str, abnormal_first: bool) -> Any:
    """Record one inspection directly through the services (answers all, first item abnormal or not)."""
    from app.services.inspection import runs as inspections
    from app.services.queries.lookup import engineers_by_name, get_contract, get_template

    with db.session() as s:
        c = get_contract(s, "pinggu-court-2026")
        t = get_template(s, c, code)
        insp = inspections.start_inspection(s, c, t, day, slot, engineer=engineers_by_name(s, c)[ENGINEER], actor="t")
        for n, r in enumerate(inspections.results(s, insp.id)):
            if r.kind == "reading":
                value = (r.normal_max or 0) + 10 if abnormal_first and n == 0 else (r.normal_min or r.normal_max or 1)
                inspections.record_result(s, r.id, value=value, actor="t")
            else:
                inspections.record_result(s, r.id, outcome="abnormal" if abnormal_first and n == 0 else "na", actor="t")
        inspections.finish_inspection(s, insp.id, actor="t")
        return insp.id


def test_history_filters_and_detail(qtbot: Any, main_window: Any, gui_ctx: Any) -> None:
    ok_id = _finish_by_service(gui_ctx.db, "app-twice-daily", DAY, "09:00", abnormal_first=False)
    bad_id = _finish_by_service(gui_ctx.db, "machine-room-daily", DAY, "09:30", abnormal_first=True)
    page = main_window.show_page("inspections")
    page.set_range(date(2026, 5, 25), date(2026, 6, 7))
    assert {page.model.row(n).id for n in range(page.model.rowCount())} == {ok_id, bad_id}
    page.outcome.setCurrentIndex(page.outcome.findData("abnormal"))
    assert [page.model.row(n).id for n in range(page.model.rowCount())] == [bad_id]
    # detail pane of the selected (first) row: the full record with outcome colours
    assert page.results_model.rowCount() == 8
    first = page.results_model.row(0)
    assert first.text == "机房温度" and first.outcome == "abnormal" and first.value_number == 37
    brush = page.results_model.data(page.results_model.index(0, 2), Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == "#f8c9c9"
    assert "INS-2026-" in page.detail_title.text()
    page.outcome.setCurrentIndex(0)
    page.template.setCurrentIndex(page.template.findText("业务应用系统巡检"))
    assert [page.model.row(n).id for n in range(page.model.rowCount())] == [ok_id]
    page.set_range(date(2026, 6, 2), date(2026, 6, 7))
    assert page.model.rowCount() == 0 and page.error.text() == ""
    page.set_range(date(2026, 6, 7), date(2026, 6, 2))  # backwards: refused with the reason shown
    assert page.model.rowCount() == 0 and "2026-06-02" in page.error.text()


def test_history_resumes_unfinished_inspection_in_runner(qtbot: Any, main_window: Any, gui_ctx: Any) -> None:
    runner = _open_from_today(qtbot, main_window, "db-backup-daily", "10:00")
    qtbot.keyClicks(runner.answer, "1")
    qtbot.keyClick(runner.answer, Qt.Key.Key_Escape)
    assert main_window.current_key() == "today"
    today = main_window.pages["today"]
    assert today.table.hasFocus() or not main_window.isActiveWindow()  # offscreen: focus needs an active window
    page = main_window.show_page("inspections")
    page.set_range(DAY, DAY)
    page.outcome.setCurrentIndex(page.outcome.findData("unfinished"))
    assert page.model.rowCount() == 1 and page.resume_button.isEnabled()
    page.resume_button.click()
    assert main_window.current_key() == "runner"
    assert runner.current_row() == 1  # the first unanswered item


def test_models_pass_qtmodeltester(qtbot: Any, qtmodeltester: Any, main_window: Any, gui_ctx: Any) -> None:
    from app.ui.itemmodels.inspection_models import HistoryRow, PagedHistoryModel, ResultsModel

    _finish_by_service(gui_ctx.db, "machine-room-daily", DAY, "09:30", abnormal_first=True)
    today = main_window.show_page("today")
    today.set_day(DAY)
    assert today.model.rowCount() > 0
    qtmodeltester.check(today.model)
    history = main_window.show_page("inspections")
    history.set_range(DAY, DAY)
    assert history.results_model.rowCount() == 8
    qtmodeltester.check(history.results_model)
    qtmodeltester.check(history.model)
    empty = ResultsModel()
    qtmodeltester.check(empty)
    # paging: 5 rows in batches of 2 are fetched as the view asks for more
    rows = [HistoryRow(id=n, number=f"INS-2026-{n:04d}", due_date=DAY, slot="", template_name="t",
                       engineer="", started="", finished="", abnormal_count=n % 2) for n in range(5)]
    paged = PagedHistoryModel(batch=2)
    paged.set_fetcher(lambda offset, limit: rows[offset:offset + limit])
    assert paged.rowCount() == 2 and paged.canFetchMore()
    qtmodeltester.check(paged)
    while paged.canFetchMore():
        paged.fetchMore()
    assert paged.rowCount() == 5


def test_today_lists_the_day_first_then_open_earlier_slots(qtbot: Any, main_window: Any) -> None:
    today = main_window.show_page("today")
    today.set_day(DAY)
    rows = today.model.rows()
    dated = [r for r in rows if r.slot]  # timed daily slots
    day_rows = [r for r in dated if r.due_date == DAY]
    assert [r.slot for r in day_rows] == ["09:00", "09:30", "10:00", "14:30"]
    first_earlier = next(n for n, r in enumerate(rows) if r.slot and r.due_date < DAY)
    assert all(r.due_date == DAY for r in rows[first_earlier - 4:first_earlier])
    assert rows[first_earlier].due_date == date(2026, 5, 29)  # Friday before, most recent first
    assert [r.slot for r in rows[first_earlier:first_earlier + 4]] == ["09:00", "09:30", "10:00", "14:30"]
    # the real clock is past 2026-06-01, so everything there is overdue: red, with its text
    idx = today.model.index(first_earlier, 2)
    assert today.model.data(idx) in ("Overdue", "已逾期")
    assert today.model.data(idx, Qt.ItemDataRole.BackgroundRole).color().name() == "#f8c9c9"


def test_note_on_an_answered_item_by_tab(qtbot: Any, main_window: Any, gui_ctx: Any) -> None:
    runner = _open_from_today(qtbot, main_window, "db-backup-daily", "10:00")
    runner.answer.setFocus()
    qtbot.keyClicks(runner.note, "x")  # unanswered: refused
    qtbot.keyClick(runner.note, Qt.Key.Key_Return)
    assert _results(gui_ctx.db, runner.inspection_id)[0].note == ""
    runner.note.clear()
    qtbot.keyClicks(runner.answer, "2")  # 数据库实例运行状态 abnormal; cursor moves to row 2
    qtbot.keyClick(runner.answer, Qt.Key.Key_Up)
    qtbot.keyClick(runner.answer, Qt.Key.Key_Tab)
    assert runner.note.hasFocus() or not runner.isActiveWindow()  # offscreen focus may be inexact
    runner.note.setText("实例告警 ")  # QTest cannot type non-Latin-1 characters (it aborts)
    qtbot.keyClicks(runner.note, "ORA-00600")
    qtbot.keyClick(runner.note, Qt.Key.Key_Return)
    first = _results(gui_ctx.db, runner.inspection_id)[0]
    assert first.note == "实例告警 ORA-00600" and first.outcome == "abnormal"
    assert runner.model.data(runner.model.index(0, 7)) == "实例告警 ORA-00600"


def test_unscheduled_inspection_from_today(qtbot: Any, main_window: Any, gui_ctx: Any) -> None:
    today = main_window.show_page("today")
    today.ad_hoc_template.setCurrentIndex(today.ad_hoc_template.findText("机房基础环境巡检"))
    today.ad_hoc_button.click()
    assert main_window.current_key() == "runner"
    runner = main_window.runner
    assert runner.model.rowCount() == 8
    with gui_ctx.db.session() as s:
        insp = s.get(Inspection, runner.inspection_id)
        assert insp.slot.startswith("A") and insp.finished_at is None
        assert insp.template_name == "机房基础环境巡检"
