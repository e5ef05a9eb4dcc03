"""The 附件 tab of the asset detail: the asset's files (purchase contract scan, rack photo,
warranty certificate …) with name, size, who added it and when.

The flow is every record's (``app.ui.widgets.attachment_flow``, shared with the incident and
service-request files row): 添加… (several files at once) and files dropped onto the tab go through
``actions.add_attachments`` (one transaction); 打开 writes a copy into this widget's temporary
folder (removed when the widget goes away or the app ends) and hands it to the system viewer
(``QDesktopServices``); 另存为… writes a copy where the user says; 删除 asks, then
``actions.remove_attachments`` (the removal stays in the asset's history and the audit chain).
A text file that looks like it holds a password is kept, with a warning pointing to the vault.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from app.errors import OpsLedgerError
from app.services.asset import actions
from app.services.asset.attachments import MAX_MB, AttachmentRow, listing
from app.ui.context import AppContext
from app.ui.widgets.attachment_flow import FileDrops, FileFlow, secret_warning
from app.ui.widgets.backup_dialog import size_text
from app.ui.widgets.errors import InlineError
from app.ui.widgets.record_files import WARNING_STYLE, TempCopies

FLOW = FileFlow(actions.add_attachments, actions.remove_attachments, actions.write_attachment)
"""The asset's attachment actions."""


class AssetAttachments(FileDrops, QWidget):
    """The attachments of one asset (``show_owner(asset_id)``); emits ``changed(asset id)`` after
    a file was added or removed."""

    changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.asset_id: uuid.UUID | None = None
        self.code = ""
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

    def show_owner(self, asset_id: uuid.UUID | None, code: str | None = None) -> None:
        """Show the attachments of ``asset_id`` (``None``: an empty, disabled tab); ``code`` (the
        asset code) names it in the removal question (kept while the same asset is shown)."""
        if asset_id != self.asset_id:
            self.warning.hide()
            self.code = ""
        if code is not None:
            self.code = code
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

    def can_take_files(self) -> bool:
        """Whether files may be added now (an asset is shown)."""
        return self.asset_id is not None

    def add_files(self, paths: list[str] | None = None) -> bool:
        """添加…: attach ``paths`` (asked with a file dialog when ``None``); ``False`` when nothing
        was added (cancelled or refused: the sentence is shown under the list)."""
        if self.asset_id is None:
            return False
        self.error.clear_error()
        self.warning.hide()
        try:
            added = FLOW.add_files(self.ctx, self, self.asset_id, paths)
        except (OpsLedgerError, OSError) as exc:
            self.error.show_error(exc)
            return False
        if added is None:
            return False
        asset_id = self.asset_id
        self.show_owner(asset_id)
        warning = secret_warning(added)
        if warning:
            self.warning.setText(warning)
            self.warning.show()
        self.changed.emit(asset_id)
        return True

    # ------------------------------------------------------------------ using

    def open_selected(self) -> Path | None:
        """打开: write a copy into the temporary folder and open it with the system viewer."""
        rows = self.selected()
        if len(rows) != 1:
            return None
        row = rows[0]
        target = self.copies.path_for(row.id, row.filename)
        try:
            path = FLOW.write_copy(self.ctx, row.id, target, "open")
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
            path = FLOW.write_copy(self.ctx, rows[0].id, target, "save")
        except (OpsLedgerError, OSError) as exc:
            self.error.show_error(exc)
            return None
        return path

    def remove_selected(self) -> int:
        """删除: after a confirmation, remove the selected attachments; returns how many."""
        rows = self.selected()
        if not rows or self.asset_id is None:
            return 0
        code = self.code or self.tr("the asset")
        try:
            n = FLOW.remove_files(self.ctx, self, [r.id for r in rows], [r.filename for r in rows], code)
        except OpsLedgerError as exc:
            self.error.show_error(exc)
            return 0
        if not n:
            return 0
        self.warning.hide()  # its advice (delete the file) may just have been followed
        asset_id = self.asset_id
        self.show_owner(asset_id)
        self.changed.emit(asset_id)
        return len(rows)

