"""One helper for background work: run a plain function off the GUI thread and always call back
on it (the pattern of Anki's ``QueryOp`` and Picard's ``run_task``).

``run_task(fn, on_success, on_failure)`` runs ``fn(progress)`` in ``QThreadPool``; ``progress`` is a
``TaskProgress`` whose ``report(done, total)`` may be called from the worker and whose
``cancelled`` flag the worker should check.  Callbacks run on the GUI thread.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskProgress(QObject):
    """Progress and cancellation shared between a worker and the GUI."""

    progressed = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        """Called from the worker: ``done`` of ``total`` steps."""
        self.progressed.emit(done, total)

    def cancel(self) -> None:
        """Called from the GUI: ask the worker to stop at its next check."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """True once ``cancel()`` was called."""
        return self._cancel.is_set()


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object, str)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskProgress], Any], progress: TaskProgress, relay: _Relay) -> None:
        super().__init__()
        self.fn, self.progress, self.relay = fn, progress, relay

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, never swallowed
            self.relay.failed.emit(exc, traceback.format_exc())
        else:
            self.relay.succeeded.emit(result)


_live: set[_Relay] = set()


def run_task(
    fn: Callable[[TaskProgress], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    progress: TaskProgress | None = None,
    pool: QThreadPool | None = None,
) -> TaskProgress:
    """Run ``fn`` in ``pool`` (default: the global thread pool); returns the ``TaskProgress`` (for a
    cancel button)."""
    progress = progress or TaskProgress()
    relay = _Relay()
    _live.add(relay)

    def _ok(result: Any) -> None:
        _live.discard(relay)
        on_success(result)

    def _fail(exc: BaseException, _tb: str) -> None:
        _live.discard(relay)
        on_failure(exc)

    relay.succeeded.connect(_ok)
    relay.failed.connect(_fail)
    (pool or QThreadPool.globalInstance()).start(_Runnable(fn, progress, relay))
    return progress
