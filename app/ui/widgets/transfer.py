"""Excel exports / imports of one record kind in a worker, with a progress dialog and cancel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from app.ui.context import AppContext
from app.ui.ops import emit_changes
from app.ui.tasks import run_task
from app.ui.widgets.errors import InlineError

ExportFn = Callable[..., Any]
"""``(ledger, contract_id, first, last, out, progress=…) -> Outcome[Path]`` (an ``actions`` export)."""
ImportFn = Callable[..., Any]
"""``(ledger, contract_id, path, actor=…) -> Outcome[list[str]]`` (an ``actions`` import)."""


def _t(text: str) -> str:
    return QCoreApplication.translate("RecordTransfer", text)


class RecordTransfer:
    """Runs an export / import action in a worker; results go to ``on_done(message)``, refusals
    (``ImportRejected`` with its row problems) to ``error.show_error``; changes are emitted."""

    def __init__(self, owner: QWidget, ctx: AppContext, error: InlineError, on_done: Callable[[str], None],
                 export_fn: ExportFn | None = None, import_fn: ImportFn | None = None) -> None:
        self.owner, self.ctx, self.error, self.on_done = owner, ctx, error, on_done
        self.export_fn, self.import_fn = export_fn, import_fn
        self.dialog: QProgressDialog | None = None
        self.progress: Any = None

    def export(self, out: Path, start: date, end: date) -> Any:
        """Export records of ``[start, end]`` local dates to ``out`` in a worker."""
        ctx, fn = self.ctx, self.export_fn
        assert fn is not None, "this page has no export"
        return self._run(lambda progress: fn(ctx.db, ctx.contract_id, start, end, out, progress=progress),
                         _t("Exporting…"))

    def import_file(self, path: Path) -> Any:
        """Import ``path`` in a worker; a refusal lists the row problems under the page."""
        ctx, fn = self.ctx, self.import_fn
        assert fn is not None, "this page has no import"
        return self._run(lambda _progress: fn(ctx.db, ctx.contract_id, path, actor=ctx.engineer),
                         _t("Importing…"))

    def _run(self, work: Callable[[Any], Any], text: str) -> Any:
        self.error.clear_error()
        dlg = QProgressDialog(text, _t("Cancel"), 0, 0, self.owner)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(300)
        self.dialog = dlg

        def ok(result: Any) -> None:
            dlg.reset()
            value = emit_changes(self.ctx, result)
            if self.progress is not None and self.progress.cancelled:
                self.on_done(_t("Cancelled"))
            elif isinstance(value, list):
                self.on_done(_t("Imported %1 records").replace("%1", str(len(value))))
            elif isinstance(value, Path):
                self.on_done(_t("Exported to %1").replace("%1", str(value)))
            else:
                self.on_done("" if value is None else str(value))

        def fail(exc: BaseException) -> None:
            dlg.reset()
            self.error.show_error(exc)

        self.progress = run_task(work, ok, fail)
        dlg.canceled.connect(self.progress.cancel)
        self.progress.progressed.connect(lambda d, t: (dlg.setMaximum(t), dlg.setValue(d)))
        return self.progress


def ask_export_path(owner: QWidget, default_name: str) -> Path | None:
    """Ask where to save an ``.xlsx`` export; ``None`` if cancelled."""
    name, _ = QFileDialog.getSaveFileName(owner, _t("Export"), default_name, "Excel (*.xlsx)")
    return Path(name) if name else None


def ask_import_path(owner: QWidget) -> Path | None:
    """Ask for an ``.xlsx`` file to import; ``None`` if cancelled."""
    name, _ = QFileDialog.getOpenFileName(owner, _t("Import"), "", "Excel (*.xlsx)")
    return Path(name) if name else None
