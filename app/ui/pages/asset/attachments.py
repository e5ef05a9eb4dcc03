"""The 附件 tab of the asset detail: the asset's files (purchase contract scan, rack photo,
warranty certificate …) with name, size, who added it and when.

添加… (several files at once) and files dropped onto the tab go through
``actions.add_attachments`` (one transaction); 打开 writes a copy into this widget's temporary
folder (removed when the widget goes away or the app ends) and hands it to the system viewer
(``QDesktopServices``); 另存为… writes a copy where the user says; 删除 asks, then
``actions.remove_attachments`` (the removal stays in the asset's history and the audit chain).
A text file that looks like it holds a password is kept, with a warning pointing to the vault.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.timeutil import fmt_local
from app.errors import OpsLedgerError
from app.services.asset import actions
from app.services.asset.attachments import MAX_MB, AttachmentRow, listing
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.widgets.backup_dialog import size_text
from app.ui.widgets.errors import InlineError
from app.ui.widgets.record_files import TempCopies

WARNING_STYLE = "color: #8d6e00;"


class AssetAttachments(QWidget):
    """The attachments of one asset (``show_owner(asset_id)``); emits ``changed(asset id)`` after
    a file was added or removed."""

    changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.asset_id: uuid.UUID | None = None
        self.rows: list[AttachmentRow] = []
        self.copies = TempCopies(self)  # the temporary folder of opened copies, made on first use
        self.setAcceptDrops(True)
        lay = QVBoxLayout(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Size"), self.tr("Added by"),
                                              self.tr("Added at")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(self.tr("Drop files here to attach them; double-click opens a copy"))
        lay.addWidget(self.table, 1)
        btns = QHBoxLayout()
        self.add_btn = QPushButton(self.tr("Add…"), self)
        self.open_btn = QPushButton(self.tr("Open"), self)
        self.save_btn = QPushButton(self.tr("Save as…"), self)
        self.remove_btn = QPushButton(self.tr("Delete"), self)
        for b in (self.add_btn, self.open_btn, self.save_btn, self.remove_btn):
            btns.addWidget(b)
        btns.addStretch(1)
        self.hint = QLabel(self.tr("Drop files here · at most %1 MB each").replace("%1", str(MAX_MB)), self)
        self.hint.setEnabled(False)
        btns.addWidget(self.hint)
        lay.addLayout(btns)
        self.warning = QLabel(self)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        self.warning.hide()
        lay.addWidget(self.warning)
        self.error = InlineError(self)
        lay.addWidget(self.error)
        # clicked(bool) must not reach the optional arguments
        self.add_btn.clicked.connect(lambda _checked=False: self.add_files())
        self.open_btn.clicked.connect(lambda _checked=False: self.open_selected())
        self.save_btn.clicked.connect(lambda _checked=False: self.save_selected())
        self.remove_btn.clicked.connect(lambda _checked=False: self.remove_selected())
        self.table.itemDoubleClicked.connect(lambda _it: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.show_owner(None)

    # ------------------------------------------------------------------ showing

    def show_owner(self, asset_id: uuid.UUID | None) -> None:
        """Show the attachments of ``asset_id`` (``None``: an empty, disabled tab)."""
        if asset_id != self.asset_id:
            self.warning.hide()
        self.asset_id = asset_id
        self.error.clear_error()
        self.rows = listing(self.ctx.db, asset_id) if asset_id is not None else []
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = (row.filename, size_text(row.size_bytes), row.added_by, fmt_local(row.added_at))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, row.id)
                    item.setToolTip(f"{row.media_type or '?'} · SHA-256 {row.sha256}")
                if c == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.add_btn.setEnabled(asset_id is not None)
        self.setAcceptDrops(asset_id is not None)
        self._update_buttons()

    def count(self) -> int:
        """How many attachments are listed."""
        return len(self.rows)

    def title(self) -> str:
        """The tab title: 附件 with the count."""
        return self.tr("Attachments") + (f" ({len(self.rows)})" if self.rows else "")

    def selected(self) -> list[AttachmentRow]:
        """The selected attachments, in list order."""
        picked = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.rows[r] for r in picked if r < len(self.rows)]

    def _update_buttons(self) -> None:
        one = len(self.selected()) == 1
        self.open_btn.setEnabled(one)
        self.save_btn.setEnabled(one)
        self.remove_btn.setEnabled(bool(self.selected()))

    # ------------------------------------------------------------------ adding

    def add_files(self, paths: list[str] | None = None) -> bool:
        """添加…: attach ``paths`` (asked with a file dialog when ``None``); ``False`` when nothing
        was added (cancelled or refused: the sentence is shown under the list)."""
        if self.asset_id is None:
            return False
        if paths is None:
            paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        if not paths:
            return False
        self.error.clear_error()
        self.warning.hide()
        try:
            added = perform(self.ctx, actions.add_attachments, self.asset_id, list(paths), actor=self.ctx.engineer)
        except (OpsLedgerError, OSError) as exc:
            self.error.show_error(exc)
            return False
        risky = [a for a in added if a.secret_findings]
        asset_id = self.asset_id
        self.show_owner(asset_id)
        if risky:
            self.warning.setText(self.tr(
                "%1 looks like it holds a password. Keep passwords in the vault: delete this file "
                "and add the account to the vault instead.").replace("%1", self.tr(", ").join(a.filename for a in risky)))
            self.warning.show()
        self.changed.emit(asset_id)
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        """Accept a drag of local files while an asset is shown."""
        if self.asset_id is not None and _local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Keep accepting the drag over the list."""
        if self.asset_id is not None and _local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        """Attach the dropped local files (one transaction)."""
        files = _local_files(event.mimeData())
        if self.asset_id is None or not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(files)

    # ------------------------------------------------------------------ using

    def open_selected(self) -> Path | None:
        """打开: write a copy into the temporary folder and open it with the system viewer."""
        rows = self.selected()
        if len(rows) != 1:
            return None
        row = rows[0]
        target = self.copies.path_for(row.id, row.filename)
        try:
            path = perform(self.ctx, actions.write_attachment, row.id, target, actor=self.ctx.engineer,
                           purpose="open")
        except (OpsLedgerError, OSError) as exc:
            self.error.show_error(exc)
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    @property
    def _tmp(self) -> Path | None:
        """The temporary folder of opened copies (``None`` before the first)."""
        return self.copies.folder

    def save_selected(self, target: str | None = None) -> Path | None:
        """另存为…: write a copy to ``target`` (asked with a save dialog when ``None``)."""
        rows = self.selected()
        if len(rows) != 1:
            return None
        if target is None:
            target, _filter = QFileDialog.getSaveFileName(self, self.tr("Save attachment as"),
                                                          str(Path.home() / rows[0].filename))
        if not target:
            return None
        try:
            path: Path = perform(self.ctx, actions.write_attachment, rows[0].id, target, actor=self.ctx.engineer)
        except (OpsLedgerError, OSError) as exc:
            self.error.show_error(exc)
            return None
        return path

    def remove_selected(self) -> int:
        """删除: after a confirmation, remove the selected attachments; returns how many."""
        rows = self.selected()
        if not rows or self.asset_id is None:
            return 0
        names = "\n".join(r.filename for r in rows)
        answer = QMessageBox.question(self, self.tr("Delete attachment"), self.tr(
            "Delete these files from the asset? The history keeps who deleted which file and when.\n\n%1")
            .replace("%1", names))
        if answer != QMessageBox.StandardButton.Yes:
            return 0
        try:
            perform(self.ctx, actions.remove_attachments, [r.id for r in rows], actor=self.ctx.engineer)
        except OpsLedgerError as exc:
            self.error.show_error(exc)
            return 0
        asset_id = self.asset_id
        self.show_owner(asset_id)
        self.changed.emit(asset_id)
        return len(rows)


def _local_files(mime: Any) -> list[str]:
    """The local file paths of a drag's mime data (folders and remote URLs left out)."""
    if mime is None or not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and Path(u.toLocalFile()).is_file()]
