"""The files row of a record's detail pane (incident, service request): the attachments listed
by name, size, when and who, with the same flow as an asset's 附件 tab (``attachment_flow``):
添加附件… (several files) and files dropped onto the row are attached in one action; a text file
that looks like it holds a password is kept with a warning pointing to the vault; double-click or
打开 writes a copy from the ledger into a temporary folder of this widget (removed with the
widget, at exit at the latest) and hands it to the system viewer; 另存为… writes a copy where the
user says; 删除 asks, then removes (the removal stays in the history and the audit trail).  A
file whose bytes are not in the ledger (文件缺失) is listed greyed with that word; opening it
shows the service's sentence.

The bytes come from the ledger through the owner's actions (``attachment_flow.FileFlow``), so a
colleague on the team server opens the same file.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.timeutil import fmt_local
from app.errors import OpsLedgerError
from app.services.attachments import AttachmentRow
from app.ui.context import AppContext
from app.ui.widgets.attachment_flow import FileDrops, FileFlow, secret_warning
from app.ui.widgets.backup_dialog import size_text

ID_ROLE = Qt.ItemDataRole.UserRole
"""Item data: ``(attachment id text, file name, sha256, missing)``."""
WARNING_STYLE = "color: #8d6e00;"


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


class RecordFiles(FileDrops, QWidget):
    """The list over a 添加附件… / 打开 / 另存为… / 删除 row, and its password warning.  ``flow`` holds
    the owner's actions (see the module doc); ``on_error(exc)`` shows a refusal in the host's
    inline error; ``changed`` is emitted after files were added or removed (the host reloads)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, flow: FileFlow, on_error: Callable[[Exception], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.flow = flow
        self._on_error = on_error
        self.owner_id: uuid.UUID | None = None
        self.record = ""
        self._can_change = False
        self.copies = TempCopies(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(64)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setToolTip(self.tr("Attachments, kept in the ledger: double-click opens a copy; drop files here "
                                     "to attach them"))
        self.attach_btn = QPushButton(self.tr("Attach file…"), self)
        self.attach_btn.setToolTip(self.tr("Keep a file (screenshot, log, vendor report) in the ledger; "
                                           "backups and the team server carry it"))
        self.open_btn = QPushButton(self.tr("Open"), self)
        self.save_btn = QPushButton(self.tr("Save as…"), self)
        self.remove_btn = QPushButton(self.tr("Delete"), self)
        outer.addWidget(self.list)  # the whole width of the pane: file names are long
        row = QHBoxLayout()
        for b in (self.attach_btn, self.open_btn, self.save_btn, self.remove_btn):
            row.addWidget(b)
        row.addStretch(1)
        outer.addLayout(row)
        self.warning = QLabel(self)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        self.warning.hide()
        outer.addWidget(self.warning)
        self.setAcceptDrops(True)
        self.list.itemDoubleClicked.connect(self.open_item)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.open_btn.clicked.connect(lambda: self.list.currentItem() and self.open_item(self.list.currentItem()))
        self.save_btn.clicked.connect(lambda: self.list.currentItem() and self.save_item(self.list.currentItem()))
        self.remove_btn.clicked.connect(lambda _checked=False: self.remove_selected())
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        usable = item is not None and not item.data(ID_ROLE)[3] and len(self.list.selectedItems()) <= 1
        self.open_btn.setEnabled(usable)
        self.save_btn.setEnabled(usable)
        self.remove_btn.setEnabled(self._can_change and bool(self.list.selectedItems()))

    def show_rows(self, rows: Iterable[AttachmentRow], *, can_attach: bool, owner_id: uuid.UUID | None = None,
                  record: str = "") -> None:
        """List ``rows`` (present attachments, oldest first) of the record ``owner_id`` (named
        ``record`` in the removal question); 添加附件…, 删除 and dropping enabled when
        ``can_attach`` (a closed incident is read-only).  The password warning stays while the
        same record is shown."""
        if owner_id != self.owner_id:
            self.warning.hide()
        self.owner_id, self.record = owner_id, record
        self._can_change = can_attach and owner_id is not None
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
        self.attach_btn.setEnabled(self._can_change)
        self._update_buttons()

    def can_take_files(self) -> bool:
        """Whether files may be added now (a record is shown and not read-only)."""
        return self._can_change

    def add_files(self, paths: list[str] | None = None) -> bool:
        """添加附件…: attach ``paths`` (asked with a file dialog when ``None``) in one action;
        ``False`` when nothing was added (cancelled, or refused — a closed incident too: the host
        shows the sentence).  Warns below the list when a text file looks like it holds a password."""
        if self.owner_id is None:
            return False
        self.warning.hide()
        try:
            added = self.flow.add_files(self.ctx, self, self.owner_id, paths)
        except (OpsLedgerError, OSError) as exc:
            self._on_error(exc)
            return False
        if added is None:
            return False
        self.changed.emit()
        warning = secret_warning(added)
        if warning:
            self.warning.setText(warning)
            self.warning.show()
        return True

    def remove_selected(self) -> int:
        """删除: after a confirmation, remove the selected files; returns how many."""
        items = self.list.selectedItems()
        if not items or not self._can_change:
            return 0
        ids = [uuid.UUID(i.data(ID_ROLE)[0]) for i in items]
        try:
            n = self.flow.remove_files(self.ctx, self, ids, [i.data(ID_ROLE)[1] for i in items], self.record)
        except OpsLedgerError as exc:
            self._on_error(exc)
            return 0
        if n:
            self.warning.hide()  # its advice (delete the file) may just have been followed
            self.changed.emit()
        return n

    def _write(self, item: QListWidgetItem, target: str | Path, purpose: str) -> Path | None:
        att_id, _name, _sha, _missing = item.data(ID_ROLE)
        try:
            return self.flow.write_copy(self.ctx, uuid.UUID(att_id), target, purpose)
        except (OpsLedgerError, OSError) as exc:
            self._on_error(exc)
            return None
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
