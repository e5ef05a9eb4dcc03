"""The crash handler (``app.ui.crash``): an error raised in a slot is logged with its traceback, the
dialog in the user's language names the log file, nothing half-written reaches the database, and
quitting closes the database."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, qInfo
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from sqlalchemy import select

from app.core import i18n
from app.logs import setup_logging, shutdown_logging
from app.store.db import Database, open_database
from app.store.models import Contract, Engineer
from app.ui.crash import CrashHandler, install_excepthook


@pytest.fixture
def log_file() -> Iterator[Path]:
    """Logging set up into the test's data folder; the file's path."""
    path = setup_logging()
    assert path is not None
    yield path
    shutdown_logging()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Stub ``QMessageBox.exec`` (no button clicked → *Continue*); returns the texts shown."""
    texts: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        texts.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return texts


@pytest.fixture
def handler(qapp: QApplication, log_file: Path, db: Database) -> Iterator[CrashHandler]:
    """The crash handler installed over ``db`` (uninstalled afterwards)."""
    installed = install_excepthook(qapp, log_file, on_quit=db.close)
    yield installed
    installed.uninstall()


def _log_text(path: Path) -> str:
    for h in logging.getLogger().handlers:
        h.flush()
    return path.read_text(encoding="utf-8")


def _button_that_fails_half_way(qtbot: Any, db: Database, contract: Contract) -> QPushButton:
    """A button whose slot adds an engineer inside a transaction and then raises."""

    def half_written_action() -> None:
        with db.session() as s:
            s.add(Engineer(contract_id=contract.id, name="半途工程师"))
            s.flush()
            raise RuntimeError("boom in the slot 42")

    button = QPushButton("go")
    button.clicked.connect(half_written_action)
    qtbot.addWidget(button)
    return button


def test_exception_in_slot_is_logged_and_shown_with_the_log_path(
        qtbot: Any, db: Database, pinggu: Contract, handler: CrashHandler, shown: list[str],
        log_file: Path) -> None:
    i18n.set_language("zh_CN")
    button = _button_that_fails_half_way(qtbot, db, pinggu)

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert len(shown) == 1
    assert str(log_file) in shown[0]
    assert "日志文件" in shown[0] and "boom in the slot 42" in shown[0]
    text = _log_text(log_file)
    assert "Traceback (most recent call last)" in text
    assert "in half_written_action" in text and "RuntimeError: boom in the slot 42" in text
    assert not handler.quitting
    with db.session() as s:  # the transaction the slot opened was rolled back, the db still open
        assert s.scalars(select(Engineer).where(Engineer.name == "半途工程师")).first() is None


def test_dialog_follows_the_language(qtbot: Any, db: Database, pinggu: Contract,
                                     handler: CrashHandler, shown: list[str],
                                     log_file: Path) -> None:
    i18n.set_language("en")
    try:
        qtbot.mouseClick(_button_that_fails_half_way(qtbot, db, pinggu), Qt.MouseButton.LeftButton)
    finally:
        i18n.set_language("zh_CN")
    assert "The details are in the log file" in shown[0] and str(log_file) in shown[0]
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in shown[0].replace(str(log_file), ""))


def test_quit_closes_the_database_and_leaves_the_event_loop(
        qtbot: Any, db: Database, pinggu: Contract, handler: CrashHandler, shown: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def click_quit(box: QMessageBox) -> QPushButton | None:
        return next(b for b in box.buttons()
                    if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)

    exits: list[int] = []
    monkeypatch.setattr(QMessageBox, "clickedButton", click_quit)
    monkeypatch.setattr(handler.app, "exit", exits.append)

    qtbot.mouseClick(_button_that_fails_half_way(qtbot, db, pinggu), Qt.MouseButton.LeftButton)

    assert exits == [1] and handler.quitting
    assert db.file is not None
    again = open_database(db.file)  # the lock was released: a new process could open the file
    try:
        with again.session() as s:
            assert s.scalars(select(Engineer).where(Engineer.name == "半途工程师")).first() is None
    finally:
        again.close()


def test_exception_in_a_thread_is_shown_on_the_gui_thread(
        qtbot: Any, handler: CrashHandler, shown: list[str], log_file: Path) -> None:
    def work() -> None:
        raise ValueError("thread went wrong")

    worker = threading.Thread(target=work, name="export-worker")
    worker.start()
    worker.join()

    qtbot.waitUntil(lambda: len(shown) == 1)
    assert str(log_file) in shown[0]
    text = _log_text(log_file)
    assert "[export-worker]" in text and "ValueError: thread went wrong" in text


def test_qt_messages_go_to_the_log_and_on_to_the_previous_handler(
        qtlog: Any, handler: CrashHandler, log_file: Path) -> None:
    qInfo("a message from Qt 7")
    assert "a message from Qt 7" in _log_text(log_file)
    assert any("a message from Qt 7" in r.message for r in qtlog.records)


def test_uninstall_restores_the_previous_hooks(qapp: QApplication, log_file: Path) -> None:
    import sys

    before_sys, before_threading = sys.excepthook, threading.excepthook
    installed = install_excepthook(qapp, log_file)
    assert sys.excepthook == installed.handle_exception
    installed.uninstall()
    assert sys.excepthook is before_sys and threading.excepthook is before_threading


def test_windowed_start_failure_is_logged_and_shown(
        qapp: QApplication, log_file: Path, shown: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from app import cli

    def broken_start(argv: list[str]) -> int:
        raise ImportError("page module app.ui.pages.today failed to import")

    monkeypatch.setattr(cli, "main", broken_start)
    monkeypatch.setattr("sys.argv", ["opsledger-gui"])

    assert cli.gui_main() == 1

    assert len(shown) == 1 and str(log_file) in shown[0] and "app.ui.pages.today" in shown[0]
    text = _log_text(log_file)
    assert "CRITICAL app.ui.crash" in text and "in broken_start" in text


def test_an_error_while_the_dialog_is_open_is_logged_not_stacked(
        qtbot: Any, handler: CrashHandler, log_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts: list[str] = []

    def exec_raising_again(box: QMessageBox) -> int:
        texts.append(box.text())
        if len(texts) == 1:  # a second error arrives while the first dialog is open
            try:
                raise KeyError("second error")
            except KeyError as exc:
                handler.handle_exception(KeyError, exc, exc.__traceback__)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_raising_again)
    try:
        raise LookupError("first error")
    except LookupError as exc:
        handler.handle_exception(LookupError, exc, exc.__traceback__)

    assert len(texts) == 1 and "first error" in texts[0]
    assert "KeyError: 'second error'" in _log_text(log_file)
