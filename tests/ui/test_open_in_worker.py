"""The ledger opens off the GUI thread (issue #12 §1): while ``open_in_worker`` opens it, the
painted window's thread keeps handling its events (timers tick, a widget repaints); the ledger it
returns is usable on the GUI thread, and a ledger that cannot open raises there.  (Holding back
window-system input meanwhile is Qt's ``ExcludeUserInputEvents``; events a test posts bypass it.)"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from app import settings
from app.errors import OpsLedgerError
from app.services.contract import actions as contract_actions
from app.store.db import open_database
from tests.conftest import load_contract


@pytest.fixture
def ledger_file(tmp_path: Path) -> Path:
    file = tmp_path / "ledger.sqlite3"
    db = open_database(file)
    contract = load_contract(db)
    db.close()
    settings.set_value("contract_name", contract.name)
    return file


def _slow_open(monkeypatch: pytest.MonkeyPatch, seconds: float) -> dict[str, Any]:
    """Make ``open_ledger`` take ``seconds`` longer and note the thread it ran on."""
    import app.services.ledger as ledger_module

    real = ledger_module.open_ledger
    seen: dict[str, Any] = {}

    def slow(target: str | None = None) -> Any:
        seen["thread"] = threading.get_ident()
        time.sleep(seconds)
        return real(target)

    monkeypatch.setattr(ledger_module, "open_ledger", slow)
    return seen


@pytest.mark.sqlite_only
def test_the_gui_thread_handles_events_while_the_ledger_opens(
        qtbot: Any, ledger_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui.main import open_in_worker

    seen = _slow_open(monkeypatch, 0.4)
    painted: list[int] = []

    class Canvas(QWidget):
        def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
            painted.append(1)

    canvas = Canvas()
    qtbot.addWidget(canvas)
    canvas.show()
    qtbot.waitExposed(canvas)
    painted.clear()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: (ticks.append(time.monotonic()), canvas.update()))
    timer.start()
    ledger, contract_id = open_in_worker(str(ledger_file))
    timer.stop()
    try:
        assert seen["thread"] != threading.get_ident()  # opened in a worker
        assert len(ticks) >= 5  # the GUI thread went on handling its events meanwhile …
        assert len(painted) >= 3  # … and repainting
        row = contract_actions.contract(ledger, contract_id).value  # usable on the GUI thread
        assert row is not None and row.title
    finally:
        ledger.close()


@pytest.mark.sqlite_only
def test_a_ledger_that_cannot_open_raises_on_the_gui_thread(ledger_file: Path, qapp: Any) -> None:
    from app.ui.main import open_in_worker

    holder = open_database(ledger_file)  # holds the file's lock
    try:
        with pytest.raises(OpsLedgerError):
            open_in_worker(str(ledger_file))
    finally:
        holder.close()


