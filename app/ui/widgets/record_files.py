"""The files row of a record's detail pane (incident, service request): the attachments listed
by name, size, when and who; 添加附件… (the host attaches: its own action and refusals), double-click
or 打开 writes a copy from the ledger into a temporary folder of this widget (removed with the
widget, at exit at the latest) and hands it to the system viewer; 另存为… writes a copy where the
user says.  A file whose bytes are not in the ledger (文件缺失) is listed greyed with that word;
opening it shows the service's sentence.

The bytes come from the ledger through the host's write action
(``actions.write_attachment``-shaped: ``(ledger, attachment_id, target, *, actor, purpose)``),
so a colleague on the team server opens the same file.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from app.core.timeutil import fmt_local
from app.errors import OpsLedgerError
from app.services.attachments import AttachmentRow
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.widgets.backup_dialog import size_text

ID_ROLE = Qt.ItemDataRole.UserRole
"""Item data: ``(attachment id text, file name, sha256, missing)``."""


class TempCopies:
    """A temporary folder made on first use, removed when ``owner`` (a QWidget) goes away and at
    exit at the latest; ``path_for(id, name)`` is where an opened copy goes."""

    def __init__(self, owner: QWidget) -> None:
        self._owner = weakref.ref(owner)
        self._dir: Path | None = None

    @property
    def folder(self) -> Path | None:
        """The folder, ``None`` until a copy was asked for."""
        return self._dir

    def path_for(self, attachment_id: uuid.UUID, filename: str) -> Path:
        """``<folder>/<id prefix>/<filename>`` (the original name, so the viewer shows it)."""
        if self._dir is None:
            self._dir = Path(tempfile.mkdtemp(prefix="opsledger-attachments-"))
            owner = self._owner()
            weakref.finalize(self, shutil.rmtree, str(self._dir), True)
            if owner is not None:
                owner.destroyed.connect(lambda *_a, tmp=str(self._dir): shutil.rmtree(tmp, True))
        return self._dir / attachment_id.hex[:12] / filename


class RecordFiles(QWidget):
    """The list + 添加附件… / 打开 / 另存为… row.  ``write_action`` writes a copy (see the module
    doc); ``on_error(exc)`` shows a refusal in the host's inline error."""

    def __init__(self, ctx: AppContext, write_action: Callable[..., Any], on_error: Callable[[Exception], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._write_action = write_action
        self._on_error = on_error
        self.copies = TempCopies(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(64)
        self.list.setToolTip(self.tr("Attachments, kept in the ledger: double-click opens a copy"))
        self.attach_btn = QPushButton(self.tr("Attach file…"), self)
        self.attach_btn.setToolTip(self.tr("Keep a file (screenshot, log, vendor report) in the ledger; "
                                           "backups and the team server carry it"))
        self.open_btn = QPushButton(self.tr("Open"), self)
        self.save_btn = QPushButton(self.tr("Save as…"), self)
        row.addWidget(self.list, 1)
        for b in (self.attach_btn, self.open_btn, self.save_btn):
            row.addWidget(b)
        self.list.itemDoubleClicked.connect(self.open_item)
        self.list.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.open_btn.clicked.connect(lambda: self.list.currentItem() and self.open_item(self.list.currentItem()))
        self.save_btn.clicked.connect(lambda: self.list.currentItem() and self.save_item(self.list.currentItem()))
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        usable = item is not None and not item.data(ID_ROLE)[3]
        self.open_btn.setEnabled(usable)
        self.save_btn.setEnabled(usable)

    def show_rows(self, rows: Iterable[AttachmentRow], *, can_attach: bool) -> None:
        """List ``rows`` (present attachments, oldest first); 添加附件… enabled when ``can_attach``."""
        self.list.clear()
        for att in rows:
            name = att.filename + (" — " + self.tr("file missing") if att.missing else "")  # seen in a narrow pane
            text = f"{name}  ({size_text(att.size_bytes)} · {att.added_by} {fmt_local(att.added_at)})"
            item = QListWidgetItem(text, self.list)
            item.setData(ID_ROLE, (str(att.id), att.filename, att.sha256, att.missing))
            item.setToolTip(text)
            if att.missing:
                item.setForeground(QBrush(QColor("#9e9e9e")))
                item.setToolTip(text + "\n" + self.tr("The file was not found when the ledger took the attachments "
                                                      "in; attach it again if you still have it"))
        self.attach_btn.setEnabled(can_attach)
        self._update_buttons()

    def _write(self, item: QListWidgetItem, target: str | Path, purpose: str) -> Path | None:
        att_id, _name, _sha, _missing = item.data(ID_ROLE)
        try:
            path: Path = perform(self.ctx, self._write_action, uuid.UUID(att_id), target, actor=self.ctx.engineer,
                                 purpose=purpose)
        except (OpsLedgerError, OSError) as exc:
            self._on_error(exc)
            return None
        return path

    def open_item(self, item: QListWidgetItem) -> Path | None:
        """打开: a copy from the ledger into the temporary folder, shown by the system viewer."""
        att_id, filename, _sha, _missing = item.data(ID_ROLE)
        path = self._write(item, self.copies.path_for(uuid.UUID(att_id), filename), "open")
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def save_item(self, item: QListWidgetItem, target: str | None = None) -> Path | None:
        """另存为…: a copy to ``target`` (asked with a save dialog when ``None``)."""
        if target is None:
            target, _filter = QFileDialog.getSaveFileName(self, self.tr("Save attachment as"),
                                                          str(Path.home() / item.data(ID_ROLE)[1]))
        if not target:
            return None
        return self._write(item, target, "save")
