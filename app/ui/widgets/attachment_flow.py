"""What every record's files do, one place for the asset 附件 tab and the incident / service
request files row (``record_files.RecordFiles``): add several files (添加… or dropped onto the
widget) in one action, warn when a text file looks like it holds a password (the one scan,
``app.services.attachments.secret_findings``; 司法局 §2.3.1.4: passwords belong in the vault), and
删除 after a confirmation (the removal stays in the record's history and the audit trail).

:class:`FileFlow` is given the owner's three actions, all shaped like the asset's
(``add(ledger, owner_id, paths, *, actor) → Outcome[tuple[Attached, …]]``,
``remove(ledger, attachment_ids, *, actor) → Outcome[names]``,
``write(ledger, attachment_id, target, *, actor, purpose) → Outcome[Path]``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.services.attachments import Attached
from app.ui.context import AppContext
from app.ui.ops import perform


@dataclass(frozen=True)
class FileFlow:
    """The owner's attachment actions (see the module doc)."""

    add: Callable[..., Any]
    remove: Callable[..., Any]
    write: Callable[..., Any]

    def add_files(self, ctx: AppContext, parent: QWidget, owner_id: uuid.UUID,
                  paths: Sequence[str] | None = None) -> tuple[Attached, ...] | None:
        """Attach ``paths`` (asked with a file dialog when ``None``) in one action; ``None`` when
        cancelled.  Raises the action's refusal (``OpsLedgerError``, ``OSError``)."""
        if paths is None:
            paths, _filter = QFileDialog.getOpenFileNames(
                parent, QCoreApplication.translate("AttachmentFlow", "Attach files"))
        if not paths:
            return None
        added: tuple[Attached, ...] = perform(ctx, self.add, owner_id, list(paths), actor=ctx.engineer)
        return added

    def remove_files(self, ctx: AppContext, parent: QWidget, ids: Sequence[uuid.UUID], names: Sequence[str],
                     record: str) -> int:
        """删除: ask (naming ``record`` and the files), then remove them in one action; returns
        how many (0 when the user said no).  Raises the action's refusal."""
        if not ids:
            return 0
        question = QCoreApplication.translate(
            "AttachmentFlow", "Delete these files from %1? The history keeps who deleted which file and when.\n\n%2")
        answer = QMessageBox.question(parent, QCoreApplication.translate("AttachmentFlow", "Delete attachment"),
                                      question.replace("%1", record).replace("%2", "\n".join(names)))
        if answer != QMessageBox.StandardButton.Yes:
            return 0
        perform(ctx, self.remove, list(ids), actor=ctx.engineer)
        return len(ids)

    def write_copy(self, ctx: AppContext, attachment_id: uuid.UUID, target: str | Path, purpose: str) -> Path:
        """Write a copy from the ledger to ``target`` (``purpose`` ``open``/``save``); raises the
        action's refusal."""
        path: Path = perform(ctx, self.write, attachment_id, target, actor=ctx.engineer, purpose=purpose)
        return path


def secret_warning(added: Sequence[Attached]) -> str:
    """The warning for files just attached that look like they hold a password ("" when none)."""
    risky = [a.filename for a in added if a.secret_findings]
    if not risky:
        return ""
    text = QCoreApplication.translate(
        "AttachmentFlow", "%1 looks like it holds a password. Keep passwords in the vault: delete this file "
        "and add the account to the vault instead.")
    return text.replace("%1", QCoreApplication.translate("AttachmentFlow", ", ").join(risky))


def local_files(mime: Any) -> list[str]:
    """The local file paths of a drag's mime data (folders and remote URLs left out)."""
    if mime is None or not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and Path(u.toLocalFile()).is_file()]


class FileDrops:
    """Mixin for a QWidget that takes dropped files: the subclass says ``can_take_files()`` and
    ``add_files(paths)``; a drag of local files is accepted only while it can."""

    def can_take_files(self) -> bool:
        """Whether a drop would be attached now."""
        raise NotImplementedError

    def add_files(self, paths: list[str] | None = None) -> bool:
        """Attach ``paths``."""
        raise NotImplementedError

    def _drag(self, event: Any) -> None:
        if self.can_take_files() and local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Accept a drag of local files while files can be taken."""
        self._drag(event)

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Keep accepting the drag over the widget."""
        self._drag(event)

    def dropEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Attach the dropped local files (one action)."""
        files = local_files(event.mimeData())
        if not self.can_take_files() or not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(files)
