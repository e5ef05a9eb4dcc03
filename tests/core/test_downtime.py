"""A reopened incident is a second outage: downtime windows come from the status history."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from app.core.downtime import downtime_windows
from app.core.periods import parse_period
from app.core.timeutil import LOCAL_TZ, as_utc
from app.reports.data.builder import build_report_data
from app.services.incident import workflow as inc_svc
from app.services.queries.lookup import get_contract
from app.store.models import Service


def L(*args: int) -> datetime:
    return as_utc(datetime(*args, tzinfo=LOCAL_TZ))


def ev(kind: str, at: datetime, frm: str = "", to: str = "") -> SimpleNamespace:
    return SimpleNamespace(kind=kind, at=at, from_status=frm, to_status=to)


def test_windows_follow_restores_and_reopens() -> None:
    link = SimpleNamespace(downtime_start=L(2026, 6, 3, 10), downtime_end=L(2026, 6, 3, 11), downtime_edited=False)
    events = [
        ev("created", L(2026, 6, 3, 10), to="new"),
        ev("status", L(2026, 6, 3, 11), "in_progress", "restored"),
        ev("status", L(2026, 6, 3, 11, 30), "restored", "closed"),
        ev("reopen", L(2026, 6, 3, 14), "closed", "in_progress"),
        ev("status", L(2026, 6, 3, 15), "in_progress", "restored"),
        ev("status", L(2026, 6, 4, 9), "restored", "in_progress"),  # the fix did not hold again
    ]
    assert downtime_windows(link, events) == [
        (L(2026, 6, 3, 10), L(2026, 6, 3, 11)),
        (L(2026, 6, 3, 14), L(2026, 6, 3, 15)),
        (L(2026, 6, 4, 9), None),
    ]


def test_edited_window_is_taken_as_set_and_no_history_uses_the_record() -> None:
    edited = SimpleNamespace(downtime_start=L(2026, 6, 3, 10), downtime_end=L(2026, 6, 3, 10, 20), downtime_edited=True)
    reopened = [ev("status", L(2026, 6, 3, 11), "in_progress", "restored"),
                ev("reopen", L(2026, 6, 3, 14), "closed", "in_progress")]
    assert downtime_windows(edited, reopened) == [(L(2026, 6, 3, 10), L(2026, 6, 3, 10, 20))]
    plain = SimpleNamespace(downtime_start=L(2026, 6, 3, 10), downtime_end=L(2026, 6, 3, 12), downtime_edited=False)
    assert downtime_windows(plain, []) == [(L(2026, 6, 3, 10), L(2026, 6, 3, 12))]
    assert downtime_windows(SimpleNamespace(downtime_start=None, downtime_end=None, downtime_edited=False), []) == []


def test_reopened_incident_counts_both_outages_in_availability(db, pinggu) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        c = get_contract(s)
        website = s.scalar(select(Service.id).where(Service.code == "website"))  # 7x24
        inc = inc_svc.create_incident(s, c, actor="t", title="门户网站无法访问", occurred_at=L(2026, 6, 3, 10),
                                      severity="P1", service_ids=[website])
        iid = inc.id
        inc_svc.transition(s, iid, "in_progress", actor="t", at=L(2026, 6, 3, 10, 5))
        inc_svc.transition(s, iid, "restored", actor="t", at=L(2026, 6, 3, 11))
        inc_svc.update_incident(s, iid, actor="t", root_cause_analysis="连接池耗尽导致进程挂死")
        inc_svc.close_incident(s, iid, actor="t", cause_category="software", cause="中间件进程挂死",
                               resolution="重启中间件", at=L(2026, 6, 3, 11, 30))
        inc_svc.reopen_incident(s, iid, actor="t", reason="下午再次无法访问", at=L(2026, 6, 3, 14))
        inc_svc.transition(s, iid, "restored", actor="t", at=L(2026, 6, 3, 15))
    with db.session() as s:
        c = get_contract(s)
        data = build_report_data(s, c, parse_period("monthly", "2026-06", c), now=L(2026, 7, 1, 12))
        row = next(a for a in data.availability if a.code == "website")
        assert row.downtime_minutes == pytest.approx(120.0)  # 10:00–11:00 and 14:00–15:00
        assert row.pct == pytest.approx(100 * (1 - 120 / (30 * 24 * 60)))


def test_fault_log_export_counts_every_outage(db, pinggu, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    import openpyxl

    from app.services.transfer.columns import SERVICES_SHEET
    from app.services.transfer.record_export import export_incidents

    with db.session() as s:
        c = get_contract(s)
        website = s.scalar(select(Service.id).where(Service.code == "website"))
        iid = inc_svc.create_incident(s, c, actor="t", title="门户网站无法访问", occurred_at=L(2026, 6, 3, 10),
                                      severity="P2", service_ids=[website]).id
        inc_svc.transition(s, iid, "in_progress", actor="t", at=L(2026, 6, 3, 10, 5))
        inc_svc.transition(s, iid, "restored", actor="t", at=L(2026, 6, 3, 11))
        inc_svc.transition(s, iid, "in_progress", actor="t", at=L(2026, 6, 3, 14))  # the fix did not hold
        inc_svc.transition(s, iid, "restored", actor="t", at=L(2026, 6, 3, 14, 30))
        out = export_incidents(s, c, date(2026, 6, 1), date(2026, 6, 30), tmp_path / "f.xlsx")
    ws = openpyxl.load_workbook(out)[SERVICES_SHEET]
    assert ws.cell(row=2, column=ws.max_column).value == 90  # 60 + 30 minutes
