"""The crash handler of the GUI: an unexpected error is logged and shown, never lost.

The windowed bundle has no console, so this dialog and the log file are all an engineer sees.
``install_excepthook(app, log_path, on_quit=...)`` routes to one ``CrashHandler``:

- ``sys.excepthook``: uncaught exceptions, including those PySide6 reports from a slot or a
  virtual method (``QRunnable.run`` in a worker thread included);
- ``threading.excepthook``: exceptions that end a ``threading.Thread``;
- Qt's message handler: every Qt message goes to the log at its level (and on to the handler
  that was installed before, e.g. pytest-qt's); a *fatal* one is logged at CRITICAL with the
  Python stack before Qt aborts.

Each exception is logged at ERROR with its traceback, then a ``QMessageBox`` in the user's
language (``app.core.i18n.language()``) names the log file and offers *Continue* or *Quit*.
The dialog is always shown on the GUI thread (a queued signal carries it from other threads).

Why nothing is half-written: every user action runs in one transaction
(``with ledger.session()`` commits on success and rolls back on any exception), and by the time
an exception reaches a hook the ``with`` blocks it crossed have rolled back.  Continuing is
therefore safe.  Quitting calls ``on_quit`` (``Database.close``: dispose the engine, release the
lock file) and then ``app.exit(1)``; SQLite discards any transaction a connection left open.

The dialog's two sentences are kept here in both languages, not in a ``.po`` catalogue: the crash
handler must work when the catalogue machinery itself is what failed.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core import i18n

log = logging.getLogger(__name__)

_TEXTS = {
    "zh_CN": {
        "title": "OpsLedger 运维台账 — 意外错误",
        "body": "程序遇到意外错误：{error}\n\n已保存的记录不受影响，未完成的操作已撤销。"
                "错误详情已写入日志文件：\n{log}\n\n请将该文件发给维护人员。",
        "no_log": "（日志文件无法写入，详情见标准错误输出）",
        "continue": "继续使用",
        "quit": "退出程序",
    },
    "en": {
        "title": "OpsLedger — unexpected error",
        "body": "OpsLedger hit an unexpected error: {error}\n\nSaved records are unaffected; the "
                "unfinished action was undone. The details are in the log file:\n{log}\n\n"
                "Please send this file to your support contact.",
        "no_log": "(the log file could not be written; see the standard error output)",
        "continue": "Continue",
        "quit": "Quit OpsLedger",
    },
}

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def crash_texts(language: str | None = None) -> dict[str, str]:
    """The dialog's texts in ``language`` (default: the current one; unknown → Chinese)."""
    return _TEXTS.get(language or i18n.language(), _TEXTS["zh_CN"])


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted from any thread is delivered there."""

    crashed = Signal(str)


class CrashHandler:
    """The installed hooks and what they do; ``uninstall()`` puts the previous ones back.

    ``log_path`` is the file named in the dialog (``None``: the log went to stderr).
    ``on_quit`` is called once before ``app.exit(1)`` when the user chooses to quit.
    """

    def __init__(self, app: QApplication, log_path: Path | None,
                 on_quit: Callable[[], None] | None = None) -> None:
        self.app = app
        self.log_path = log_path
        self.on_quit = on_quit
        self.quitting = False
        self._showing = False
        self._relay = _Relay()
        self._relay.moveToThread(app.thread())
        self._relay.crashed.connect(self._show)
        self._previous_sys = sys.excepthook
        self._previous_threading = threading.excepthook
        self._previous_qt: Any = None

    def install(self) -> CrashHandler:
        """Install the three hooks; returns ``self``."""
        sys.excepthook = self.handle_exception
        threading.excepthook = self._thread_hook
        self._previous_qt = qInstallMessageHandler(self.handle_qt_message)
        return self

    def uninstall(self) -> None:
        """Put back the hooks that were there before ``install``."""
        sys.excepthook = self._previous_sys
        threading.excepthook = self._previous_threading
        qInstallMessageHandler(self._previous_qt)

    def handle_exception(self, exc_type: type[BaseException], exc: BaseException,
                         tb: TracebackType | None) -> None:
        """``sys.excepthook``: log the traceback, then show the dialog on the GUI thread.

        ``KeyboardInterrupt`` (Ctrl+C in a terminal) goes to the previous hook unchanged.
        """
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_sys(exc_type, exc, tb)
            return
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        for handler in logging.getLogger().handlers:
            handler.flush()
        summary = "".join(traceback.format_exception_only(exc_type, exc)).strip()
        self._relay.crashed.emit(summary)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        # A thread ended by SystemExit is not an error (the default hook is silent too).
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.handle_exception(args.exc_type, args.exc_value, args.exc_traceback)

    def handle_qt_message(self, mode: QtMsgType, context: Any, message: str) -> None:
        """Qt's message handler: log at the message's level, then pass it on."""
        level = _QT_LEVELS.get(mode, logging.WARNING)
        if level >= logging.CRITICAL:
            log.critical("Qt fatal error: %s\n%s", message, "".join(traceback.format_stack()))
        else:
            logging.getLogger("qt").log(level, "%s", message)
        if self._previous_qt is not None:
            self._previous_qt(mode, context, message)

    def message(self, summary: str) -> str:
        """The dialog's text for an error ``summary`` (one line), naming the log file."""
        texts = crash_texts()
        where = str(self.log_path) if self.log_path is not None else texts["no_log"]
        return texts["body"].format(error=summary, log=where)

    def _show(self, summary: str) -> None:
        # One dialog at a time: an error raised while it is open (a timer, a repaint) is logged
        # above and not stacked into a second box.
        if self.quitting or self._showing:
            return
        texts = crash_texts()
        box = QMessageBox(QMessageBox.Icon.Critical, texts["title"], self.message(summary))
        box.addButton(texts["continue"], QMessageBox.ButtonRole.AcceptRole)
        quit_button = box.addButton(texts["quit"], QMessageBox.ButtonRole.DestructiveRole)
        self._showing = True
        try:
            box.exec()
        finally:
            self._showing = False
        if box.clickedButton() is quit_button:
            self.quit()

    def quit(self) -> None:
        """Close the database (``on_quit``) and leave the event loop with exit code 1."""
        self.quitting = True
        log.info("quitting after an unexpected error")
        if self.on_quit is not None:
            try:
                self.on_quit()
            except Exception:
                log.exception("closing the database after an unexpected error failed")
        self.app.exit(1)


def report_fatal(exc: BaseException) -> None:
    """Log ``exc`` with its traceback at CRITICAL and, when a ``QApplication`` exists, show the
    crash dialog with a single *Quit* button (the start of the GUI failed: nothing to continue).

    Used by the windowed entry point (``app.cli.gui_main``) for an exception that escaped
    ``app.ui.main.main`` (a page that cannot be built, a broken resource …): without it the
    windowed bundle, which has no console, would close without a word.
    """
    from app.logs import current_log_path

    log.critical("OpsLedger stopped: unexpected error", exc_info=exc)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    texts = crash_texts()
    where = current_log_path()
    summary = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    text = texts["body"].format(error=summary, log=where if where is not None else texts["no_log"])
    box = QMessageBox(QMessageBox.Icon.Critical, texts["title"], text)
    box.addButton(texts["quit"], QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def install_excepthook(app: QApplication, log_path: Path | None,
                       on_quit: Callable[[], None] | None = None) -> CrashHandler:
    """Install the crash handler for ``app`` (see the module docstring); returns it.

    ``log_path``: the log file the dialog names (``app.logs.setup_logging()``'s result).
    ``on_quit``: what closes the database when the user quits (``Database.close``).
    """
    return CrashHandler(app, log_path, on_quit).install()
