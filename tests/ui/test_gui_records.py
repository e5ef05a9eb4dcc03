"""Record pages driven from the keyboard (pytest-qt, offscreen) and their Qt models."""

from __future__ import annotations

import importlib
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.core.timeutil import UTC
from app.store.models import Engineer, Incident, IncidentEvent, ServiceRequest
from tests.ui.gui_helpers import ENGINEER

pytestmark = pytest.mark.usefixtures("qapp")

_OPEN_PAGES: list = []


@pytest.fixture(autouse=True)
def _let_sla_workers_finish(qtbot):
    """Background SLA computations finish before the test database is closed."""
    yield
    for page in _OPEN_PAGES:
        model = getattr(page, "model", None)
        if model is not None and hasattr(model, "wait_idle"):
            qtbot.waitUntil(model.wait_idle, timeout=20000)
    _OPEN_PAGES.clear()


def _seed_incidents(db, contract_id, n: int = 450) -> None:
    t0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    with db.session() as s:
        for i in range(n):
            at = t0 + timedelta(minutes=7 * i)
            s.add(Incident(number=f"INC-2026-{i + 1:04d}", contract_id=contract_id, title=f"fault {i}",
                           severity=("P1", "P2", "P3")[i % 3], status=("new", "closed")[i % 2],
                           occurred_at=at, reported_at=at, created_at=at, updated_at=at))


def _page(qtbot, ctx, cls_path: str, real_sla: bool = False):
    """Build and show a page.  Unless ``real_sla``, the incident list's SLA cells use a stub (the
    real clocks of incidents open for months walk every calendar day; not what these tests test)."""
    mod, cls = cls_path.rsplit(".", 1)
    page = getattr(importlib.import_module(mod), cls)(ctx)
    if not real_sla and hasattr(getattr(page, "model", None), "compute_now"):
        page.model._sla_fn = lambda *_: _fake_clocks(60)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitActive(page)
    _OPEN_PAGES.append(page)
    return page



def _shortcut(qtbot, page, key, mods) -> None:
    """Press a shortcut through the window (QTest on a widget bypasses the shortcut map)."""
    qtbot.keyClick(page.window().windowHandle(), key, mods)


def test_log_pause_restore_close_incident_from_keyboard(qtbot, gui_ctx):  # noqa: F811
    page = _page(qtbot, gui_ctx, "app.ui.pages.incident.page.IncidentsPage")
    changes: list[tuple] = []
    gui_ctx.bus.changed.connect(changes.append)
    page.frame.table.setFocus()
    _shortcut(qtbot, page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.frame.detail.currentWidget() is page.form
    assert page.form.title.hasFocus()
    page.form.title.insert("核心交换机端口故障")  # QTest types ASCII only
    qtbot.keyClick(page.form.title, Qt.Key.Key_Return)
    assert page.frame.detail.currentWidget() is page.detail
    assert changes[-1] == ("incident",)
    with gui_ctx.db.session() as s:
        inc = s.scalars(select(Incident)).one()
        inc_id = inc.id
        assert inc.title == "核心交换机端口故障" and inc.status == "new" and inc.severity == "P3"
    assert page.model.rowCount() == 1 and page.detail.incident_id == inc_id

    # take it: start, then pause and resume with Ctrl+P
    qtbot.mouseClick(page.detail.start_btn, Qt.MouseButton.LeftButton)
    _shortcut(qtbot, page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    with gui_ctx.db.session() as s:
        assert s.get(Incident, inc_id).status == "pending"
    assert page.detail.pause_btn.text() != "Pending"  # now offers resume
    _shortcut(qtbot, page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(page.detail.restore_btn, Qt.MouseButton.LeftButton)

    # close without a cause: refused inline, nothing written
    _shortcut(qtbot, page, Qt.Key.Key_C,
              Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.detail.cause.hasFocus()
    with gui_ctx.db.session() as s:
        assert s.get(Incident, inc_id).status == "restored"
    page.detail.cause_category.setCurrentIndex(page.detail.cause_category.findData("network"))
    page.detail.cause.insert("光模块老化")  # QTest types ASCII only
    qtbot.mouseClick(page.detail.close_btn, Qt.MouseButton.LeftButton)
    assert page.detail.error.isVisible() and page.detail.error.text() == "关闭故障前请填写解决方式"
    with gui_ctx.db.session() as s:
        assert s.get(Incident, inc_id).status == "restored"
    page.detail.resolution.insert("更换光模块")  # QTest types ASCII only
    _shortcut(qtbot, page, Qt.Key.Key_C,
              Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not page.detail.error.isVisible()
    with gui_ctx.db.session() as s:
        inc = s.get(Incident, inc_id)
        assert inc.status == "closed" and inc.cause == "光模块老化" and inc.resolution == "更换光模块"
        assert inc.cause_category == "network" and inc.restored_at is not None
        moves = [(e.from_status, e.to_status) for e in s.scalars(
            select(IncidentEvent).where(IncidentEvent.incident_id == inc_id, IncidentEvent.kind == "status")
            .order_by(IncidentEvent.at))]
    assert ("in_progress", "pending") in moves and ("pending", "in_progress") in moves
    assert moves[-1] == ("restored", "closed")
    assert "光模块老化" not in page.detail.error.text()
    # the history pane lists the pending interval
    assert page.detail.history.toPlainText().count("→") >= 4


def test_new_incident_validation_is_inline(qtbot, gui_ctx):  # noqa: F811
    page = _page(qtbot, gui_ctx, "app.ui.pages.incident.page.IncidentsPage")
    page.new_incident()
    qtbot.keyClick(page.form.title, Qt.Key.Key_Return)  # empty title
    assert page.frame.detail.currentWidget() is page.form
    assert page.form.error.isVisible() and page.form.error.text() == "请填写标题"
    with gui_ctx.db.session() as s:
        assert s.scalars(select(Incident)).first() is None


def test_incident_list_fetches_in_batches_and_filters(qtbot, gui_ctx):  # noqa: F811
    _seed_incidents(gui_ctx.db, gui_ctx.contract_id, 450)
    page = _page(qtbot, gui_ctx, "app.ui.pages.incident.page.IncidentsPage")
    m = page.model
    assert m.total == 450 and m.rowCount() == 200 and m.canFetchMore()
    m.fetchMore()
    m.fetchMore()
    assert m.rowCount() == 450 and not m.canFetchMore()
    page.filters.status.setCurrentIndex(page.filters.status.findData("closed"))
    assert m.total == 225 and all(m.row_at(r).status == "closed" for r in range(m.rowCount()))
    qtbot.keyClicks(page.filters.text, "fault 44")
    # "fault" AND "44" in number or title, closed only: titles 441…449 and numbers …44 (i = 43, 143, …)
    qtbot.waitUntil(lambda: m.total == 10)
    rows = [m.row_at(r) for r in range(m.rowCount())]
    assert all("44" in r.title or "44" in r.number for r in rows) and all(r.status == "closed" for r in rows)
    assert "fault 445" in {r.title for r in rows}
    page.frame.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [m.row_at(r).number for r in range(m.rowCount())] == sorted(m.row_at(r).number for r in range(m.rowCount()))


class _FakeClock(SimpleNamespace):
    pass


def _fake_clocks(remaining: float, breached: bool = False):
    def clock(name):
        return _FakeClock(name=name, target_minutes=120.0, elapsed_minutes=120.0 - remaining,
                          remaining_minutes=remaining, deadline=None, running=True, paused=False,
                          stopped_at=None, breached=breached, calendar_code="7x24", explanation=[])
    return SimpleNamespace(response=clock("response"), restore=clock("restore"), pauses=[])


def test_sla_cells_colour_and_text(qtbot, gui_ctx):  # noqa: F811
    from app.errors import CalendarCoverageError
    from app.ui.itemmodels.record_models import AMBER, GREEN, RED, IncidentTableModel

    _seed_incidents(gui_ctx.db, gui_ctx.contract_id, 4)
    answers = {"fault 0": _fake_clocks(80), "fault 1": _fake_clocks(20), "fault 2": _fake_clocks(-35, True)}

    def fake_sla(_s, inc, _now):
        if inc.title == "fault 3":
            raise CalendarCoverageError([2026])
        return answers[inc.title]

    m = IncidentTableModel(gui_ctx.db, gui_ctx.contract_id, sla_fn=fake_sla)
    col = m.RESTORE_COL
    rows = {m.row_at(r).title: r for r in range(m.rowCount())}
    assert m.index(0, col).data() == "…"  # computed lazily on the next event-loop turn
    m.compute_now(list(range(m.rowCount())))
    cell = lambda t, role=Qt.ItemDataRole.DisplayRole: m.index(rows[t], col).data(role)  # noqa: E731
    assert "1 小时 20 分" in cell("fault 0") and cell("fault 0", Qt.ItemDataRole.ForegroundRole).color() == GREEN
    assert "20 分钟" in cell("fault 1") and cell("fault 1", Qt.ItemDataRole.ForegroundRole).color() == AMBER
    assert "35 分钟" in cell("fault 2") and cell("fault 2", Qt.ItemDataRole.ForegroundRole).color() == RED
    assert cell("fault 3") == "No calendar"
    answers["fault 0"] = _fake_clocks(10)
    m.refresh_sla()  # recomputed on later event-loop turns; the old value stays until then
    qtbot.waitUntil(lambda: "10 分钟" in cell("fault 0"))
    assert cell("fault 0", Qt.ItemDataRole.ForegroundRole).color() == AMBER


def test_sla_cells_fill_in_on_later_event_loop_turns(qtbot, gui_ctx):  # noqa: F811
    from app.ui.itemmodels.record_models import IncidentTableModel

    _seed_incidents(gui_ctx.db, gui_ctx.contract_id, 60)
    m = IncidentTableModel(gui_ctx.db, gui_ctx.contract_id, sla_fn=lambda *_: _fake_clocks(80))
    assert all(m.index(r, m.RESPONSE_COL).data() == "…" for r in range(m.rowCount()))
    qtbot.waitUntil(m.wait_idle)
    assert all("1 小时 20 分" in m.index(r, m.RESPONSE_COL).data() for r in range(m.rowCount()))


def test_models_pass_qtmodeltester(qtmodeltester, gui_ctx):  # noqa: F811
    from app.store.models import Requirement, WorkLogEntry
    from app.ui.itemmodels.record_models import (
        IncidentTableModel,
        RequestTableModel,
        RequirementTableModel,
        WorkLogLinesModel,
    )

    _seed_incidents(gui_ctx.db, gui_ctx.contract_id, 250)
    at = datetime(2026, 3, 3, 2, 0, tzinfo=UTC)
    with gui_ctx.db.session() as s:
        for i in range(3):
            s.add(ServiceRequest(number=f"SR-2026-{i:04d}", contract_id=gui_ctx.contract_id, title=f"r{i}",
                                 received_at=at, created_at=at, updated_at=at))
            s.add(Requirement(number=f"RQ-2026-{i:04d}", contract_id=gui_ctx.contract_id, title=f"q{i}",
                              collected_at=at, updated_at=at))
    inc = IncidentTableModel(gui_ctx.db, gui_ctx.contract_id, sla_fn=lambda *_: _fake_clocks(30))
    inc.compute_now(list(range(10)))
    qtmodeltester.check(inc)
    qtmodeltester.check(RequestTableModel(gui_ctx.db, gui_ctx.contract_id))
    qtmodeltester.check(RequirementTableModel(gui_ctx.db, gui_ctx.contract_id))
    lines = WorkLogLinesModel()
    lines.set_lines([SimpleNamespace(at=at, engineer="王建国", duration_minutes=45, kind="manual",
                                     summary="巡检机房"),
                     WorkLogEntry(started_at=at, duration_minutes=5, summary="x", source_kind="incident")])
    qtmodeltester.check(lines)
    assert lines.index(0, 2).data() == "45 分钟"


def test_convert_request_into_incident(qtbot, gui_ctx):  # noqa: F811
    page = _page(qtbot, gui_ctx, "app.ui.pages.servicedesk.requests_page.RequestsPage")
    changes: list[tuple] = []
    gui_ctx.bus.changed.connect(changes.append)
    _shortcut(qtbot, page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    page.form.title.insert("打印机无法打印")  # QTest types ASCII only
    page.form.requester.insert("张三")  # QTest types ASCII only
    qtbot.keyClick(page.form.requester, Qt.Key.Key_Return)
    assert not page.form.error.isVisible(), page.form.error.text()
    with gui_ctx.db.session() as s:
        req = s.scalars(select(ServiceRequest)).one()
    assert page.detail.request_id == req.id
    page.detail.convert_severity.setCurrentIndex(page.detail.convert_severity.findData("P2"))
    qtbot.mouseClick(page.detail.convert_btn, Qt.MouseButton.LeftButton)
    assert not page.detail.error.isVisible(), page.detail.error.text()
    assert set(changes[-1]) == {"service_request", "incident"}
    with gui_ctx.db.session() as s:
        req = s.get(ServiceRequest, req.id)
        inc = s.get(Incident, req.converted_incident_id)
        assert inc is not None and inc.severity == "P2" and inc.source_request_id == req.id


def test_detail_pane_explains_the_sla(qtbot, gui_ctx):  # noqa: F811
    """The detail pane shows both clocks and the sla module's explanation lines."""
    from app.services.incident import workflow as incidents
    from app.services.incident.sla import compute_incident_clocks
    from app.store.models import Contract

    at = datetime(2026, 3, 3, 1, 0, tzinfo=UTC)  # Tuesday 09:00 Beijing, a working day
    with gui_ctx.db.session() as s:
        inc = incidents.create_incident(s, s.get(Contract, gui_ctx.contract_id), actor=ENGINEER,
                                        title="OA slow", occurred_at=at, severity="P2")
        inc_id = inc.id
        expected = compute_incident_clocks(s, inc, datetime.now(UTC))
    page = _page(qtbot, gui_ctx, "app.ui.pages.incident.page.IncidentsPage", real_sla=True)
    page.frame.select_id(inc_id)
    text = page.detail.history.toPlainText()
    assert "5x8" in text
    lines = [ln.text for ln in expected.restore.explanation if ln.text]
    assert lines and lines[0] in text
    page.model.index(0, page.model.RESTORE_COL).data()  # asks for the clocks
    qtbot.waitUntil(page.model.wait_idle)
    cell = page.model.index(0, page.model.RESTORE_COL).data()
    assert cell not in ("…", "—") and "Overdue" in cell  # P2 restore is 8 service hours, long past


def test_work_log_day_and_manual_entry(qtbot, gui_ctx):  # noqa: F811
    from PySide6.QtCore import QDate

    from app.store.models import WorkLogEntry

    page = _page(qtbot, gui_ctx, "app.ui.pages.servicedesk.worklog_page.WorkLogPage")
    page.date.setDate(QDate(2026, 3, 4))
    page.form.summary.insert("更换UPS电池")  # QTest types ASCII only
    page.form.duration.setValue(45)
    qtbot.keyClick(page.form.summary, Qt.Key.Key_Return)
    assert not page.form.error.isVisible(), page.form.error.text()
    with gui_ctx.db.session() as s:
        entry = s.scalars(select(WorkLogEntry)).one()
        assert entry.duration_minutes == 45 and str(entry.work_date) == "2026-03-04"
    assert page.model.rowCount() == 1 and page.model.index(0, 2).data() == "45 分钟"
    # a summary is required: refused inline, nothing written
    qtbot.keyClick(page.form.summary, Qt.Key.Key_Return)
    assert page.form.error.isVisible() and page.form.error.text() == "请填写工作内容"
    with gui_ctx.db.session() as s:
        assert len(s.scalars(select(WorkLogEntry)).all()) == 1
    page.date.setDate(QDate(2026, 3, 5))
    assert page.model.rowCount() == 0


def test_requirement_created_and_status_set(qtbot, gui_ctx):  # noqa: F811
    from app.store.models import Requirement

    page = _page(qtbot, gui_ctx, "app.ui.pages.servicedesk.requirements_page.RequirementsPage")
    _shortcut(qtbot, page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.form.title, "Monthly report export to PDF")
    qtbot.keyClick(page.form.title, Qt.Key.Key_Return)
    assert not page.form.error.isVisible(), page.form.error.text()
    assert page.model.rowCount() == 1
    page.detail.status.setCurrentIndex(page.detail.status.findData("analysed"))
    qtbot.mouseClick(page.detail.set_btn, Qt.MouseButton.LeftButton)
    with gui_ctx.db.session() as s:
        assert s.scalars(select(Requirement)).one().status == "analysed"


def test_export_runs_in_worker_and_import_refusal_lists_rows(qtbot, gui_ctx, tmp_path):  # noqa: F811
    """Export writes the workbook off the GUI thread; a refused import lists its row problems."""
    from openpyxl import Workbook, load_workbook

    _seed_incidents(gui_ctx.db, gui_ctx.contract_id, 5)
    page = _page(qtbot, gui_ctx, "app.ui.pages.incident.page.IncidentsPage")
    out = tmp_path / "faults.xlsx"
    page.transfer.export(out, datetime(2026, 3, 1).date(), datetime(2026, 3, 31).date())
    qtbot.waitUntil(lambda: page.status_note.text() != "" or page.message.isVisible(), timeout=20000)
    assert not page.message.isVisible(), page.message.text()
    assert str(out) in page.status_note.text()
    assert load_workbook(out).worksheets[0].max_row >= 6  # header + 5 incidents

    bad = tmp_path / "bad.xlsx"
    wb = Workbook()
    wb.active.append(["故障编号", "故障标题", "故障级别", "发生时间"])
    wb.active.append(["INC-2026-9001", "", "P9", "not a time"])
    wb.active.append(["INC-2026-9002", "UPS alarm", "P2", "2026-03-02 10:00"])
    wb.save(bad)
    page.transfer.import_file(bad)
    qtbot.waitUntil(page.message.isVisible, timeout=20000)
    text = page.message.text()
    assert "bad.xlsx" in text and "第 2 行“故障级别”：" in text and "P9" in text  # source, then one line per problem
    assert len(text.splitlines()) >= 3
    with gui_ctx.db.session() as s:
        assert len(s.scalars(select(Incident)).all()) == 5


def test_f2_edits_and_enter_opens_detail(qtbot, gui_ctx):  # noqa: F811
    from app.services.incident import workflow as incidents
    from app.store.models import Contract

    with gui_ctx.db.session() as s:
        inc_id = incidents.create_incident(s, s.get(Contract, gui_ctx.contract_id), actor=ENGINEER,
                                           title="Printer jam", occurred_at=datetime(2026, 3, 3, 2, tzinfo=UTC)).id
    page = _page(qtbot, gui_ctx, "app.ui.pages.incident.page.IncidentsPage")
    page.frame.table.selectRow(0)
    page.frame.table.setFocus()
    qtbot.keyClick(page.frame.table, Qt.Key.Key_Return)
    assert page.detail.incident_id == inc_id
    assert page.detail.note.hasFocus() or page.window().focusWidget() is page.detail.note
    qtbot.keyClick(page.detail.note, Qt.Key.Key_F2)
    assert page.frame.detail.currentWidget() is page.form and page.form.editing == inc_id
    page.form.title.selectAll()
    qtbot.keyClicks(page.form.title, "Printer jam on floor 3")
    qtbot.keyClick(page.form.title, Qt.Key.Key_Return)
    assert not page.form.error.isVisible(), page.form.error.text()
    with gui_ctx.db.session() as s:
        assert s.get(Incident, inc_id).title == "Printer jam on floor 3"
        assert any(e.kind == "field" for e in s.scalars(select(IncidentEvent).where(IncidentEvent.incident_id == inc_id)))


def test_pages_pick_up_a_contract_loaded_later(qtbot, gui_ctx):  # noqa: F811
    """First start: pages are built before a contract exists; a refresh fills their lists."""
    from dataclasses import replace

    cid = gui_ctx.contract_id
    ctx = replace(gui_ctx, contract_id=None)
    page = _page(qtbot, ctx, "app.ui.pages.incident.page.IncidentsPage")
    assert page.form.severity.count() == 0 and page.model.total == 0
    ctx.contract_id = cid
    page.refresh()
    assert page.form.severity.count() == 3 and page.filters.kind.count() == 4  # "all" + P1..P3
    page.new_incident()
    qtbot.keyClicks(page.form.title, "Website down")
    qtbot.keyClick(page.form.title, Qt.Key.Key_Return)
    assert not page.form.error.isVisible(), page.form.error.text()
    assert page.model.total == 1
    for path in ("app.ui.pages.servicedesk.requests_page.RequestsPage", "app.ui.pages.servicedesk.requirements_page.RequirementsPage",
                 "app.ui.pages.servicedesk.worklog_page.WorkLogPage"):
        other_ctx = replace(gui_ctx, contract_id=None)
        other = _page(qtbot, other_ctx, path)
        other_ctx.contract_id = cid
        other.refresh()
    assert other.form.engineer.count() > 0


def test_request_assign_respond_resolve_followup_close(qtbot, gui_ctx):  # noqa: F811
    page = _page(qtbot, gui_ctx, "app.ui.pages.servicedesk.requests_page.RequestsPage")
    page.new_request()
    qtbot.keyClicks(page.form.title, "Reset OA password")
    page.form.category.setCurrentIndex(page.form.category.findData("account"))
    qtbot.keyClick(page.form.title, Qt.Key.Key_Return)
    assert not page.form.error.isVisible(), page.form.error.text()
    d = page.detail
    with gui_ctx.db.session() as s:
        req = s.scalars(select(ServiceRequest)).one()
        me = s.scalars(select(Engineer).where(Engineer.name == ENGINEER)).one()
        assert req.assignee_id == me.id and req.status == "assigned"  # the current engineer by default
        eng = s.scalars(select(Engineer).where(Engineer.contract_id == gui_ctx.contract_id,
                                               Engineer.name != ENGINEER)).first()
    from app.ui.widgets.pickers import find_data

    d.assignee.setCurrentIndex(find_data(d.assignee, eng.id))
    assert d.assignee.currentData() == eng.id
    for btn in (d.assign_btn, d.respond_btn):
        qtbot.mouseClick(btn, Qt.MouseButton.LeftButton)
        assert not d.error.isVisible(), d.error.text()
    qtbot.mouseClick(d.resolve_btn, Qt.MouseButton.LeftButton)  # no resolution typed: refused inline
    assert d.error.isVisible() and d.error.text() == "请填写解决方式"
    qtbot.keyClicks(d.resolution, "Password reset, user informed")
    qtbot.keyClick(d.resolution, Qt.Key.Key_Return)
    assert not d.error.isVisible(), d.error.text()
    d.satisfaction.setCurrentIndex(d.satisfaction.findData("mostly_satisfied"))
    qtbot.mouseClick(d.followup_btn, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(d.close_btn, Qt.MouseButton.LeftButton)
    assert not d.error.isVisible(), d.error.text()
    with gui_ctx.db.session() as s:
        req = s.scalars(select(ServiceRequest)).one()
        assert req.status == "closed" and req.assignee_id == eng.id and req.responded_at is not None
        assert req.resolution == "Password reset, user informed" and req.satisfaction == "mostly_satisfied"
        assert req.category == "account"
    assert page.model.row_at(0).status == "closed"


def test_assign_incident_to_engineer(qtbot, gui_ctx):  # noqa: F811
    from app.services.incident import workflow as incidents
    from app.store.models import Contract
    from app.ui.widgets.pickers import find_data

    with gui_ctx.db.session() as s:
        inc_id = incidents.create_incident(s, s.get(Contract, gui_ctx.contract_id), actor=ENGINEER,
                                           title="UPS alarm", occurred_at=datetime(2026, 3, 3, 2, tzinfo=UTC)).id
        engs = s.scalars(select(Engineer).where(Engineer.contract_id == gui_ctx.contract_id)
                         .order_by(Engineer.name)).all()
    page = _page(qtbot, gui_ctx, "app.ui.pages.incident.page.IncidentsPage")
    page.frame.select_id(inc_id)
    d = page.detail
    d.assignee.setCurrentIndex(find_data(d.assignee, engs[-1].id))
    qtbot.mouseClick(d.assign_btn, Qt.MouseButton.LeftButton)
    assert not d.error.isVisible(), d.error.text()
    with gui_ctx.db.session() as s:
        inc = s.get(Incident, inc_id)
        assert inc.status == "assigned" and inc.assignee_id == engs[-1].id
    assert page.model.row_at(page.model.row_of(inc_id)).assignee == engs[-1].name
    # the engineer filter now finds it
    page.filters.engineer.setCurrentIndex(find_data(page.filters.engineer, engs[-1].id))
    assert page.model.total == 1


def test_work_log_shows_derived_lines(qtbot, gui_ctx):  # noqa: F811
    """An incident logged that day appears among the day's lines next to manual entries."""
    from PySide6.QtCore import QDate

    from app.services.incident import workflow as incidents
    from app.store.models import Contract

    with gui_ctx.db.session() as s:
        incidents.create_incident(s, s.get(Contract, gui_ctx.contract_id), actor=ENGINEER, title="Switch port down",
                                  occurred_at=datetime(2026, 3, 4, 2, 0, tzinfo=UTC))
    page = _page(qtbot, gui_ctx, "app.ui.pages.servicedesk.worklog_page.WorkLogPage")
    page.date.setDate(QDate(2026, 3, 4))
    summaries = [page.model.index(r, 4).data() for r in range(page.model.rowCount())]
    assert any("Switch port down" in x for x in summaries), summaries
