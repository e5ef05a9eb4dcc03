"""Desktop entry point: ``main(db=None, argv=None) -> int`` (used by ``opsledger gui``).

Paints the ``MainWindow`` first — navigation, menus and the overview's tiles laid out, with only
Qt and the window's modules loaded (``paint_window``) — then runs a restore scheduled in
恢复账本… (before anything holds the file), opens the ledger (``db`` path/URL, else
``OPSLEDGER_DB``/the default file), runs the first-start dialog on an empty ledger, fills the
window's context, and runs Qt's event loop: the overview computes its figures in workers and the
first-start-of-the-day backup starts in a worker.  The ledger, SQLAlchemy and the other pages are
imported after the first paint (issue #12 §1), the ledger in a worker (``open_in_worker``) so the
painted window keeps repainting meanwhile.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from app import settings

if TYPE_CHECKING:
    import uuid

    from app.services.ledger import Ledger
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def pick_contract(db: Ledger) -> uuid.UUID | None:
    """The contract to show: the ``contract_name`` setting if present, else the first by name."""
    from app.services.contract import actions as contract_actions

    return contract_actions.pick_contract(db, settings.get("contract_name")).value


def ask_engineer(db: Ledger, contract_id: uuid.UUID | None) -> str:
    """Ask who is using OpsLedger (the contract's engineers offered, any name accepted); the answer is stored as the ``engineer_name`` setting.  Returns ``""`` if the
    user cancels."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QInputDialog

    from app.services.contract import actions as contract_actions

    names = contract_actions.engineers(db, contract_id).value
    name, ok = QInputDialog.getItem(
        None, "OpsLedger",
        QCoreApplication.translate("main", "Who is using OpsLedger? (recorded on every change)"),
        names, 0, True)
    name = name.strip() if ok else ""
    if name:
        settings.set_value("engineer_name", name)
    return name


def build_window(db: Ledger, contract_id: uuid.UUID | None, engineer: str) -> MainWindow:
    """A ``MainWindow`` over ``db`` with a fresh ``AppContext`` (not shown)."""
    from app.ui.context import AppContext, ChangeBus
    from app.ui.main_window import MainWindow

    ctx = AppContext(db=db, contract_id=contract_id, engineer=engineer, bus=ChangeBus())
    return MainWindow(ctx)


def restore_pending_backup(db: str | None) -> bool:
    """Before the ledger opens: run the restore chosen in 恢复账本… last time (see
    ``backup_records.apply_pending_restore``) and say what happened in a message box.  Returns
    True when a message box was shown (it ran the event loop)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from app.errors import OpsLedgerError
    from app.services.backup_records import apply_pending_restore

    try:
        info = apply_pending_restore(db, actor=settings.get("engineer_name") or "")
    except OpsLedgerError as exc:
        log.error("the scheduled restore did not run: %s", exc)
        QMessageBox.warning(None, "OpsLedger", str(exc))
        return True
    if info is None:
        return False
    log.info("ledger %s restored from %s", info.target, info.restored_from)
    QMessageBox.information(None, "OpsLedger", QCoreApplication.translate(
        "main", "The ledger was restored from %1. The previous ledger is kept as %2.")
        .replace("%1", str(info.restored_from)).replace("%2", str(info.aside or "—")))
    return True


def paint_window(engineer: str = "") -> MainWindow:
    """The ``MainWindow`` shown and painted before the ledger opens (issue #12 §1): navigation,
    menus and the overview's tiles laid out ("Computing…"), over an ``AppContext`` whose ``db``
    and ``contract_id`` are still ``None`` — the overview computes nothing without a ledger;
    :func:`main` fills the context and announces it (``"contract"`` on the bus), which refreshes
    the overview.  Imports Qt and the window, not SQLAlchemy.  The window holds what the paint
    shows; the caller calls ``window.finish_start()`` next (the menus' entries and shortcuts)."""
    from PySide6.QtWidgets import QApplication

    from app.ui.context import AppContext, ChangeBus
    from app.ui.main_window import MainWindow

    ctx = AppContext(db=cast("Ledger", None), contract_id=None, engineer=engineer, bus=ChangeBus())
    window = MainWindow(ctx, first_frame=True)
    window.show()
    window.repaint()
    QApplication.processEvents()  # on X11 the window paints when its expose event is handled
    return window


def open_in_worker(db: str | None) -> tuple[Ledger, uuid.UUID | None]:
    """Open the ledger ``db`` (``open_ledger``: SQLAlchemy, the schema check, an upgrade when one
    is due) and pick its contract (:func:`pick_contract`) in a worker thread, while the GUI thread
    keeps handling its events — the painted window repaints, resizes and moves instead of
    hanging for the ~0.6 s the open takes.  User input (clicks, keys) waits until the ledger is
    open, as it did when the open ran on the GUI thread: no page is built over a missing ledger.
    The ledger's sessions are opened per action and its SQLite connections may move between
    threads (SQLAlchemy's file pool), so nothing is shared across threads at once.  Returns
    ``(ledger, contract id or None)``; raises what the open raised (``OpsLedgerError`` …)."""
    from PySide6.QtCore import QEventLoop

    from app.services.ledger import open_ledger
    from app.ui.tasks import run_task

    def work(_progress: object) -> tuple[Ledger, uuid.UUID | None]:
        ledger = open_ledger(db)
        try:
            return ledger, pick_contract(ledger)
        except BaseException:
            ledger.close()
            raise

    loop = QEventLoop()
    got: dict[str, object] = {}

    def finish(key: str, value: object) -> None:
        got[key] = value
        loop.quit()

    run_task(work, lambda value: finish("value", value), lambda exc: finish("error", exc))
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)  # the callbacks are queued
    if "error" in got:
        raise cast("BaseException", got["error"])
    return cast("tuple[Ledger, uuid.UUID | None]", got["value"])


def main(db: str | None = None, argv: list[str] | None = None) -> int:
    """Run the GUI on ledger ``db``; returns the exit code (1 if the ledger cannot open)."""
    from app.ui.app_setup import create_application

    app = create_application(argv)
    window = paint_window(settings.get("engineer_name") or "")
    window.finish_start()  # the menus' entries and shortcuts, before any input is handled

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from app.errors import OpsLedgerError
    from app.logs import setup_logging
    from app.ui.crash import install_excepthook
    from app.ui.first_start import FirstStartDialog

    log_path = setup_logging()
    restore_pending_backup(db)
    try:
        ledger, contract_id = open_in_worker(db)
    except OpsLedgerError as exc:
        window.close()
        QMessageBox.critical(None, "OpsLedger", str(exc))
        log.error("the database did not open: %s", exc)
        return 1
    crash = install_excepthook(app, log_path, on_quit=ledger.close)
    try:
        if not window.isVisible():  # closed while the ledger opened
            return 0
        ctx = window.ctx
        ctx.db = ledger
        engineer = ctx.engineer
        if contract_id is None:
            dlg = FirstStartDialog(ledger)
            if dlg.exec() != FirstStartDialog.DialogCode.Accepted:
                return 0
            contract_id, engineer = dlg.contract_id, dlg.engineer
        if not engineer:
            engineer = ask_engineer(ledger, contract_id)
            if not engineer:
                return 0
        ctx.contract_id, ctx.engineer = contract_id, engineer
        ctx.bus.changed.emit(("contract",))  # status bar and overview follow the opened ledger
        window.install_tray()
        QTimer.singleShot(0, lambda: _daily_backup(window))
        return int(app.exec())
    finally:
        window.close()
        crash.uninstall()
        ledger.close()


def _daily_backup(window: MainWindow) -> None:
    """The first-start-of-the-day backup and the move of the old attachment files out of the data
    folder (``legacy_files``), in workers, once the event loop runs; the backup's sentence keeps
    the files' one beside it."""
    from app.ui.legacy_files import sweep_at_start
    from app.ui.widgets.backup_dialog import run_daily_backup

    notes: list[str] = []

    def swept(text: str) -> None:
        notes.append(text)
        window.statusBar().showMessage(text, 30000)

    sweep_at_start(window.ctx, swept)
    run_daily_backup(window.ctx, lambda text: window.statusBar().showMessage("  ".join([text, *notes]), 30000))
