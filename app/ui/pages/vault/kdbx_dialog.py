"""Choose and unlock the KDBX fallback file (使用 KDBX 文件): path, master password (twice for a
new file).  The user picks it explicitly; the vault never falls back to it silently.  Opening
derives the file's Argon2 key (about a second), so it runs in a worker (``worker.VaultCall``)
while the dialog shows its busy state.  After a lock (锁定, or the idle lock) this dialog asks the
master password again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.core.i18n import N_
from app.errors import ValidationError
from app.services.vault import backend
from app.ui.pages.vault.worker import VaultCall
from app.ui.widgets.errors import InlineError


class KdbxDialog(QDialog):
    """Open (or create) the KDBX file and make it the vault's store; Accepted when unlocked."""

    def __init__(self, path: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Use a KDBX file"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Passwords are kept in an encrypted KeePass (KDBX 4) file protected by a "
                                     "master password. KeePassXC opens the same file."), self))
        form = QFormLayout()
        self.path = QLineEdit(path or str(paths.data_dir() / "vault.kdbx"), self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.master = QLineEdit(self)
        self.master.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setPlaceholderText(self.tr("Only for a new file"))
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Master password"), self.master)
        form.addRow(self.tr("Repeat (new file)"), self.repeat)
        lay.addLayout(form)
        self.error = InlineError(self)
        lay.addWidget(self.error)
        self.busy_label = QLabel(self.tr("Opening the KDBX file…"), self)
        self.busy_label.hide()
        lay.addWidget(self.busy_label)
        self.call = VaultCall(None, self)
        self.call.busyChanged.connect(self._busy)
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Unlock"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _browse(self) -> None:
        name, _f = QFileDialog.getSaveFileName(self, self.tr("KDBX file"), self.path.text(),
                                               self.tr("KeePass files (*.kdbx)"),
                                               options=QFileDialog.Option.DontConfirmOverwrite)
        if name:
            self.path.setText(name)

    def submit(self) -> None:
        """Unlock (or create) the file in a worker (returns at once); stay open with the sentence
        on a refusal."""
        self.error.clear_error()
        path = Path(self.path.text().strip()).expanduser()
        create = not path.exists()
        if create and self.master.text() != self.repeat.text():
            self.error.show_error(ValidationError("vault.master_password",
                                                  N_("the two entries differ; nothing was stored")))
            return
        vault, master = backend.current(start=False), self.master.text()
        self.call.run(lambda: vault.use_kdbx(path, master, create=create), lambda _s: self.accept(),
                      self.error.show_error)

    def _busy(self, on: bool) -> None:
        self.busy_label.setVisible(on)
        self.buttons.setEnabled(not on)

    def reject(self) -> None:
        """Cancel — not while the file is being opened."""
        if not self.call.busy:
            super().reject()

    def done(self, result: int) -> None:
        """Close and forget the typed master password."""
        self.master.clear()
        self.repeat.clear()
        super().done(result)
