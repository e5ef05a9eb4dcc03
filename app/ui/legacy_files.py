"""At start, after the ledger opened (and was upgraded): move the old incident/request files of
the data folder whose bytes are verified in the ledger out of it (``legacy_attachments.sweep``),
in a worker, and say so once — the status bar names the folder they went to; the log says it too.
Nothing is said when nothing moved (every later start), and a failure is only logged: the files
stay where they were."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.services import legacy_attachments
from app.ui.context import AppContext
from app.ui.tasks import run_task

log = logging.getLogger(__name__)


def message_for(result: legacy_attachments.Sweep) -> str:
    """The status-bar sentence for ``result`` ("" when nothing moved)."""
    if not result.moved or result.folder is None:
        return ""
    return (QCoreApplication.translate(
        "LegacyFiles", "%1 old attachment file(s) are now kept inside the ledger and were moved out of the data "
        "folder to %2; delete that folder when you no longer need them.")
        .replace("%1", str(result.moved)).replace("%2", str(result.folder)))


def sweep_at_start(ctx: AppContext, on_done: Callable[[str], Any]) -> None:
    """Run the sweep in a worker; ``on_done(sentence)`` on the GUI thread when files moved."""
    def work(_progress: Any) -> legacy_attachments.Sweep:
        return legacy_attachments.sweep(ctx.db)

    def done(result: legacy_attachments.Sweep) -> None:
        text = message_for(result)
        if text:
            on_done(text)

    def failed(exc: BaseException, _tb: str = "") -> None:
        log.warning("the old attachment files were not moved: %s", exc)

    run_task(work, done, failed)
