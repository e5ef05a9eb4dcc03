"""Logging for the GUI and the CLI: one rotating file in the data folder.

``setup_logging()`` is called once at start (``app.cli.main`` and ``app.ui.main.main``); modules
log through ``log = logging.getLogger(__name__)``.  The file is
``<data_dir>/logs/opsledger.log`` (``app.paths.data_dir()``), rotated at ``MAX_BYTES`` with
``BACKUP_COUNT`` old files kept (``opsledger.log.1`` … ``.5``), UTF-8, one line per record with a
UTC timestamp::

    2026-12-01T10:35:43Z INFO app.store.db [MainThread] database opened: sqlite:////…/opsledger.sqlite3

What is logged at INFO: the database opened / migrated, imports and exports done, reports
exported, refused input (the sentence the user read).  Tracebacks of unexpected errors are
logged by the crash handler (``app.ui.crash``) at ERROR/CRITICAL.  Nothing personal beyond what
the ledger itself stores; database URLs are logged with the password hidden.

The level is ``level`` unless ``OPSLEDGER_LOG_LEVEL`` (``DEBUG``, ``INFO`` …) says otherwise.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import time
from pathlib import Path

from app import paths

LOG_FILE_NAME = "opsledger.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
DATE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
ENV_LEVEL = "OPSLEDGER_LOG_LEVEL"


class _UtcFormatter(logging.Formatter):
    """Timestamps in UTC (``…Z``), as every instant the ledger stores."""

    def converter(self, timestamp: float | None) -> time.struct_time:
        """``time.gmtime``: the record's creation time (seconds since the epoch) in UTC."""
        return time.gmtime(timestamp)


class _OpsLedgerFileHandler(logging.handlers.RotatingFileHandler):
    """Our rotating file handler; its class marks it so ``setup_logging`` can find and replace it."""


class _OpsLedgerStderrHandler(logging.StreamHandler):
    """The stand-in when the log file cannot be opened (marked like the file handler)."""


_OURS = (_OpsLedgerFileHandler, _OpsLedgerStderrHandler)


def log_dir() -> Path:
    """The folder of the log files, ``<data_dir>/logs`` (created)."""
    folder = paths.data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_path() -> Path:
    """The current log file, ``<data_dir>/logs/opsledger.log`` (the folder is created)."""
    return log_dir() / LOG_FILE_NAME


def _level(level: int | str) -> int:
    raw = os.environ.get(ENV_LEVEL) or level
    if isinstance(raw, int):
        return raw
    value = logging.getLevelName(raw.strip().upper())
    return value if isinstance(value, int) else logging.INFO


def setup_logging(level: int | str = logging.INFO) -> Path | None:
    """Send the root logger's records at ``level`` and above to the rotating log file.

    Idempotent: calling it again (the CLI starting the GUI, tests with another data folder)
    replaces the handler only when the file changed, and otherwise just sets the level.
    Returns the log file's path, or ``None`` when the file cannot be opened (a read-only data
    folder): records then go to stderr so that nothing is lost silently.
    """
    root = logging.getLogger()
    root.setLevel(_level(level))
    try:
        target: Path | None = log_path()
    except OSError:
        target = None
    for handler in list(root.handlers):
        if isinstance(handler, _OpsLedgerFileHandler) and target is not None \
                and Path(handler.baseFilename) == target:
            return target
        if isinstance(handler, _OURS):
            root.removeHandler(handler)
            handler.close()
    new: logging.Handler
    try:
        if target is None:
            raise OSError("no data folder")
        new = _OpsLedgerFileHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                    encoding="utf-8")
    except OSError:
        new, target = _OpsLedgerStderrHandler(sys.stderr), None
    new.setFormatter(_UtcFormatter(FORMAT, DATE_FORMAT))
    root.addHandler(new)
    logging.captureWarnings(True)
    return target


def current_log_path() -> Path | None:
    """The file the root logger writes to now (set by ``setup_logging``), or ``None``."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _OpsLedgerFileHandler):
            return Path(handler.baseFilename)
    return None


def shutdown_logging() -> None:
    """Flush and remove the handler ``setup_logging`` added (tests; the end of a process)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _OURS):
            root.removeHandler(handler)
            handler.close()
