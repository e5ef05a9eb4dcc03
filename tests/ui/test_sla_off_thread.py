"""The incident list's SLA cells are computed off the GUI thread, in bulk, and the 60 s refresh
recomputes only the clocks that can still change (not closed, not paused)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from app.store.models import Incident, IncidentEvent

pytestmark = pytest.mark.usefixtures("qapp")


def _seed(db, contract_id) -> None:  # type: ignore[no-untyped-def]
    t0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    with db.session() as s:
        for i in range(40):
            at = t0 + timedelta(minutes=7 * i)
            closed = i % 2 == 1
            paused = i % 4 == 2
            inc = Incident(number=f"INC-2026-{i + 1:04d}", contract_id=contract_id, title=f"fault {i}",
                           severity="P2", status="closed" if closed else "pending" if paused else "new",
                           occurred_at=at, reported_at=at,
                           responded_at=at + timedelta(minutes=5) if closed else None,
                           restored_at=at + timedelta(minutes=50) if closed else None,
                           closed_at=at + timedelta(hours=1) if closed else None, created_at=at, updated_at=at)
            s.add(inc)
            s.flush()
            s.add(IncidentEvent(incident_id=inc.id, at=at, kind="created", to_status="new"))
            if paused:
                s.add(IncidentEvent(incident_id=inc.id, at=at + timedelta(minutes=3), kind="status",
                                    from_status="new", to_status="pending"))
            if closed:
                s.add(IncidentEvent(incident_id=inc.id, at=at + timedelta(hours=1), kind="status",
                                    from_status="new", to_status="closed"))


def test_clocks_come_from_a_worker_and_closed_rows_are_not_recomputed(qtbot, gui_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.ui.itemmodels import incident_model, record_models

    threads: list[str] = []
    asked: list[list[object]] = []
    real = incident_model.bulk_incident_clocks

    def spy(db, ids, now):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        asked.append(list(ids))
        return real(db, ids, now)

    monkeypatch.setattr(incident_model, "bulk_incident_clocks", spy)
    _seed(gui_ctx.db, gui_ctx.contract_id)
    m = record_models.IncidentTableModel(gui_ctx.db, gui_ctx.contract_id,
                                         now_fn=lambda: datetime(2026, 3, 3, 9, 0, tzinfo=UTC))
    assert m.index(0, m.RESPONSE_COL).data() == "…"  # asked for: computed later, not here
    for r in range(m.rowCount()):
        m.index(r, m.RESTORE_COL).data()
    qtbot.waitUntil(m.wait_idle, timeout=20000)
    assert threads and all(t != threading.main_thread().name for t in threads)
    assert all(len(batch) <= m.SLICE_ROWS for batch in asked)  # in bulk, batch by batch
    texts = [m.index(r, m.RESTORE_COL).data() for r in range(m.rowCount())]
    assert all(t and t != "…" for t in texts)

    asked.clear()
    m.refresh_sla()
    qtbot.waitUntil(m.wait_idle, timeout=20000)
    again = {i for batch in asked for i in batch}
    running = {m.row_at(r).id for r in range(m.rowCount()) if m.row_at(r).status == "new"}
    assert again == running and len(running) == 10  # closed and paused rows keep their cached clocks
