"""文件 → 备份账本… / 恢复账本…: back up the ledger now, see every recorded backup, choose a
restore for the next start.

``BackupDialog(ctx)`` shows the recorded backups (time, why, file, size, verification, seconds)
and two buttons: **Back up now** takes a verified online copy through
``backup_records.backup_now`` (the ledger stays open and writable meanwhile) and shows the file
name, size, time and verification result; **Restore from a backup…** picks a file, checks it
(``backup_records.schedule_restore``) and explains that the restore runs when OpsLedger starts
next: this window holds the ledger, and a restore never replaces a ledger that is open.  A
scheduled restore can be cancelled.  ``run_daily_backup(ctx, on_done)`` runs the first-start-
of-the-day backup in a worker (GUI start, ``app.ui.main``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.timeutil import fmt_local
from app.core.vocab import BackupKind, label_of
from app.errors import OpsLedgerError
from app.services import backup_records
from app.services.backup import default_backup_dir
from app.ui.context import AppContext
from app.ui.ops import perform


def size_text(size_bytes: int) -> str:
    """``12.3 MB`` / ``456 KB`` for a size in bytes."""
    if size_bytes >= 1 << 20:
        return f"{size_bytes / (1 << 20):.1f} MB"
    return f"{max(size_bytes, 0) / 1024:.0f} KB"


class BackupDialog(QDialog):
    """The backup and restore dialog over ``ctx.db`` (see the module docstring)."""

    COLUMNS = 6

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Back up the ledger"))
        self.resize(900, 460)
        lay = QVBoxLayout(self)
        self.intro = QLabel(self.tr(
            "A backup is an online copy of the ledger, checked with SQLite's integrity check and "
            "the schema version, named by time and content hash. OpsLedger takes one on the first "
            "start of each day, before every schema upgrade and before every restore; 7 daily, "
            "4 weekly and 12 monthly copies are kept in %1.").replace("%1", str(default_backup_dir())), self)
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        buttons = QHBoxLayout()
        self.backup_btn = QPushButton(self.tr("Back up now"), self)
        self.restore_btn = QPushButton(self.tr("Restore from a backup…"), self)
        self.cancel_restore_btn = QPushButton(self.tr("Cancel the scheduled restore"), self)
        for b in (self.backup_btn, self.restore_btn, self.cancel_restore_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.status)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels([self.tr("Taken at"), self.tr("Why"), self.tr("File"), self.tr("Size"),
                                              self.tr("Verified"), self.tr("Seconds")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        lay.addWidget(close)
        self.backup_btn.clicked.connect(self.back_up_now)
        self.restore_btn.clicked.connect(lambda: self.choose_restore())  # noqa: PLW0108 - not the checked flag
        self.cancel_restore_btn.clicked.connect(self.cancel_restore)
        server = ctx.db.file is None
        for b in (self.backup_btn, self.restore_btn):
            b.setEnabled(not server)
        if server:
            self.status.setText(self.tr("This ledger is on a database server: back it up with the server's own "
                                        "tools (pg_dump), as the README's team-server section describes."))
        self.reload()

    # ---- display
    def reload(self) -> None:
        """Refill the list of recorded backups and the scheduled-restore state."""
        rows = backup_records.list_backups(self.ctx.db)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            verified = self.tr("passed") if row.verified else self.tr("failed: %1").replace("%1", row.error)
            name = row.file_name + ("" if row.exists or not row.file_name else " " + self.tr("(removed)"))
            cells = [fmt_local(row.taken_at), label_of(BackupKind, row.kind), name, size_text(row.size_bytes),
                     verified, f"{row.seconds:.2f}"]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 2:
                    item.setToolTip(str(row.path) + (f"\nsha256 {row.sha256}" if row.sha256 else ""))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        pending = backup_records.pending_restore(self.ctx.db.file) if self.ctx.db.file else None
        self.cancel_restore_btn.setVisible(pending is not None)
        if pending is not None and not self.status.text():
            self.status.setText(self._pending_text(pending.backup))

    def _pending_text(self, file: Path) -> str:
        return self.tr("The ledger will be restored from %1 when OpsLedger starts next. Quit OpsLedger and "
                       "start it again to restore; the current ledger is kept aside as a backup first. A "
                       "ledger that is open is never replaced.").replace("%1", str(file))

    # ---- actions
    def back_up_now(self) -> bool:
        """Take a verified backup now; shows its file, size, time and check; ``True`` when taken."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            row = perform(self.ctx, backup_records.backup_now, actor=self.ctx.engineer, kind="manual")
        except (OpsLedgerError, OSError) as exc:
            self.status.setText(self.tr("Backup failed: %1").replace("%1", str(exc)))
            self.reload()
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.status.setText(self.tr("Backup %1 taken at %2: %3, integrity check and schema version %4 passed "
                                    "(%5 s).").replace("%1", row.file_name).replace("%2", fmt_local(row.taken_at))
                            .replace("%3", size_text(row.size_bytes)).replace("%4", row.revision)
                            .replace("%5", f"{row.seconds:.2f}"))
        self.reload()
        return True

    def choose_restore(self, path: str | None = None) -> bool:
        """Pick a backup file (asked for when ``None``), check it and schedule the restore for the
        next start; ``True`` when scheduled."""
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self, self.tr("Restore from a backup"),
                                                        str(default_backup_dir()),
                                                        self.tr("OpsLedger backups (*.sqlite3);;All files (*)"))
            if not path:
                return False
        try:
            pending = perform(self.ctx, backup_records.schedule_restore, Path(path), actor=self.ctx.engineer)
        except (OpsLedgerError, OSError) as exc:
            self.status.setText(self.tr("This file cannot be restored: %1").replace("%1", str(exc)))
            return False
        self.status.setText(self._pending_text(pending.backup))
        self.reload()
        return True

    def cancel_restore(self) -> None:
        """Forget the scheduled restore."""
        perform(self.ctx, backup_records.cancel_restore, actor=self.ctx.engineer)
        self.status.setText(self.tr("The scheduled restore is cancelled."))
        self.reload()


def run_daily_backup(ctx: AppContext, on_done: Callable[[str], Any]) -> None:
    """Take the first-start-of-the-day backup in a worker when one is due; ``on_done(text)``
    gets a sentence for the status bar (nothing is called when none was due)."""
    from PySide6.QtCore import QCoreApplication

    from app.ui.tasks import run_task

    if not backup_records.daily_backup_due(ctx.db):
        return

    def work(_progress: Any) -> Any:
        return backup_records.ensure_daily_backup(ctx.db, actor=ctx.engineer)

    def done(row: Any) -> None:
        if row is not None:
            # the overview's "no verified backup" item and the audit page follow at once
            ctx.bus.changed.emit(("audit", "backup"))
            on_done(QCoreApplication.translate("BackupDialog", "Daily backup taken: %1 (%2).")
                    .replace("%1", row.file_name).replace("%2", size_text(row.size_bytes)))

    def failed(exc: BaseException, _tb: str = "") -> None:
        on_done(QCoreApplication.translate("BackupDialog", "Daily backup failed: %1").replace("%1", str(exc)))

    run_task(work, done, failed)
