"""Reports page, 提交与验收: mark a report submitted and then accepted through the widgets."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from app.store.models import ReportDelivery
from tests.ui.gui_helpers import ENGINEER, accept_dialog

TODAY = date(2026, 12, 3)


def _list(main_window: Any) -> Any:
    page = main_window.show_page("reports")
    deliveries = page.deliveries
    deliveries.today = lambda: TODAY
    deliveries.refresh()
    return deliveries


def test_mark_submitted_then_accepted_through_the_widgets(qtbot: Any, main_window: Any, gui_ctx: Any,
                                                          monkeypatch: Any) -> None:
    from app.ui.pages.reports.deliveries import DeliveryDialog

    lst = _list(main_window)
    keys = [(r.kind, r.period_key) for r in lst.rows]
    assert ("monthly", "2026-11") in keys and ("requirements", "2026-05") in keys
    assert lst.table.rowCount() == len(lst.rows)
    assert lst.select("monthly", "2026-11")
    assert lst.submit_button.isEnabled() and not lst.accept_button.isEnabled()

    def fill_submit(dlg: Any) -> None:
        dlg.show()
        dlg.date_edit.setDate(QDate(2026, 12, 2))
        dlg.recipient.setFocus()
        dlg.recipient.insert("信息中心 张科长")  # Chinese arrives as an input-method commit
        qtbot.keyClicks(dlg.notes, "PDF + paper copy")

    seen = accept_dialog(monkeypatch, DeliveryDialog, fill_submit)
    qtbot.mouseClick(lst.submit_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0].person.text() == ENGINEER  # defaults to the engineer using the app
    with gui_ctx.db.session() as s:
        d = s.scalars(select(ReportDelivery)).one()
        assert (d.kind, d.period_key, d.submitted_by, d.submitted_to, d.notes, d.accepted_at) == (
            "monthly", "2026-11", ENGINEER, "信息中心 张科长", "PDF + paper copy", None)
    row = next(r for r in lst.rows if (r.kind, r.period_key) == ("monthly", "2026-11"))
    assert row.status == "submitted"
    assert lst.current() is not None and lst.current().period_key == "2026-11"  # selection kept
    assert lst.accept_button.isEnabled()

    def fill_accept(dlg: Any) -> None:
        dlg.show()
        qtbot.keyClicks(dlg.person, "Zhang")

    accept_dialog(monkeypatch, DeliveryDialog, fill_accept)
    qtbot.mouseClick(lst.accept_button, Qt.MouseButton.LeftButton)
    with gui_ctx.db.session() as s:
        d = s.scalars(select(ReportDelivery)).one()
        assert d.accepted_by == "Zhang" and d.accepted_at is not None
    assert not lst.submit_button.isEnabled() and not lst.accept_button.isEnabled()


def test_a_refused_day_is_shown_and_nothing_is_written(qtbot: Any, main_window: Any, gui_ctx: Any,
                                                       monkeypatch: Any, no_modals: list[str]) -> None:
    from app.ui.pages.reports.deliveries import DeliveryDialog

    lst = _list(main_window)
    assert lst.select("monthly", "2026-11")
    accept_dialog(monkeypatch, DeliveryDialog, lambda dlg: dlg.date_edit.setDate(QDate(2026, 11, 20)))
    qtbot.mouseClick(lst.submit_button, Qt.MouseButton.LeftButton)
    assert no_modals and "2026-11-30" in no_modals[0]
    with gui_ctx.db.session() as s:
        assert s.scalars(select(ReportDelivery)).all() == []
