"""The canary: a known secret put in through the GUI and the CLI is found nowhere on disk under
the data folder or the temp folder — database, -wal, backups, logs, an xlsx export of incidents,
a report — except the KDBX file (the test keyring keeps its values in memory)."""

from __future__ import annotations

import logging
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from app import paths
from app.cli import main
from app.core.timeutil import local_today
from app.logs import setup_logging
from app.services.backup import take_backup
from app.services.transfer.record_export import export_incidents
from app.services.vault import entries
from app.store.db import open_database
from app.store.models import Contract
from app.ui.pages.vault.entry_dialog import CredentialDialog
from tests.conftest import load_contract
from tests.ui.gui_helpers import ENGINEER, accept_dialog
from tests.ui.vault.conftest import finish

GUI_SECRET = "GuiCanary-7f3Qz!x9"
CLI_SECRET = "CliCanary-K2p#w8Lm"
NOTE_SECRET = "NoteCanary-5rT$e1"


def _needles() -> list[bytes]:
    out = []
    for s in (GUI_SECRET, CLI_SECRET, NOTE_SECRET):
        out += [s.encode("utf-8"), s.encode("utf-16-le")]
    return out


def _files(root: Path, since: float) -> list[Path]:
    found = []
    for p in root.rglob("*"):
        try:
            if p.is_file() and p.stat().st_mtime >= since - 1 and p.stat().st_size < 50_000_000:
                found.append(p)
        except OSError:
            continue
    return found


@pytest.mark.sqlite_only
def test_no_secret_anywhere_on_disk(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    memory_keyring: Any) -> None:
    started = time.time()
    setup_logging()
    logging.getLogger("app").info("canary test starts")
    dbfile = paths.data_dir() / "ledger.sqlite3"
    db = open_database(dbfile)
    load_contract(db, "pinggu-court-2026")
    db.close()

    # --- the CLI: the password from a (monkeypatched) hidden prompt, never an argument
    answers = iter([CLI_SECRET, CLI_SECRET])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["vault", "add", "--db", str(dbfile), "--system", "OA", "--account", "root",
                 "--host", "10.0.0.9", "--length", "12"]) == 0

    # --- the GUI: the add dialog, the secret typed key by key; a secret typed into an incident note
    from app import settings
    from app.ui.context import AppContext, ChangeBus
    from app.ui.main_window import MainWindow

    db = open_database(dbfile)
    with db.session() as s:
        contract = s.query(Contract).one()
        cid = contract.id
    settings.set_value("engineer_name", ENGINEER)
    ctx = AppContext(db=db, contract_id=cid, engineer=ENGINEER, bus=ChangeBus())
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    page = win.show_page("vault")

    def fill(d: CredentialDialog) -> None:
        d.system.setText("审判流程管理数据库")
        qtbot.keyClicks(d.account, "sa")
        qtbot.keyClicks(d.secret.edit, GUI_SECRET)
        qtbot.mouseClick(d.buttons.button(d.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
        finish(qtbot, d)

    accept_dialog(monkeypatch, CredentialDialog, fill)
    qtbot.mouseClick(page.add_btn, Qt.MouseButton.LeftButton)
    assert sorted(r.account for r in entries.list_credentials(db, cid)) == ["root", "sa"]

    incidents = win.show_page("incidents")
    incidents.new_incident()
    incidents.form.title.setText("数据库账号")
    qtbot.keyClicks(incidents.form.description, f"db admin password: {NOTE_SECRET}")

    def move() -> None:
        QApplication.activeModalWidget().move_btn.click()  # type: ignore[union-attr]

    def fill_note(d: CredentialDialog) -> None:
        qtbot.keyClicks(d.account, "dbadmin")
        d.submit()
        finish(qtbot, d)

    accept_dialog(monkeypatch, CredentialDialog, fill_note)
    QTimer.singleShot(0, move)
    assert incidents.form.submit() is True
    assert sorted(memory_keyring.store.values()) == sorted([CLI_SECRET, GUI_SECRET, NOTE_SECRET])

    # --- everything that writes files: a backup, an xlsx export, a report, the log; the KDBX export
    take_backup(db, actor=ENGINEER)
    today = local_today()
    with db.session() as s:
        export_incidents(s, s.get(Contract, cid), today - timedelta(days=1), today, tmp_path / "exports" / "故障.xlsx")
    from app.core.periods import period_containing
    from app.reports import actions as report_actions

    with db.session() as s:
        key = period_containing("monthly", today, s.get(Contract, cid)).key
    report_actions.export_report(db, cid, "monthly", key, "xlsx", paths.data_dir() / "reports" / "月报.xlsx",
                                 actor=ENGINEER)
    kdbx = tmp_path / "export" / "vault.kdbx"
    answers2 = iter(["Export-Master-9", "Export-Master-9"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers2))
    db_wal = Path(str(dbfile) + "-wal")
    assert db_wal.exists()  # the WAL of the open ledger, read before the close checkpoints it
    wal_leaks = [n for n in _needles() if n in db_wal.read_bytes()]
    win.close()
    db.close()
    assert main(["vault", "export", "--db", str(dbfile), str(kdbx)]) == 0
    assert kdbx.exists()
    for h in logging.getLogger().handlers:
        h.flush()

    roots = {paths.data_dir(), tmp_path, Path(tempfile.gettempdir())}
    checked: list[Path] = []
    leaks: list[str] = []
    for root in roots:
        for f in _files(root, started):
            if f.suffix == ".kdbx":
                continue
            try:
                data = f.read_bytes()
            except OSError:
                continue
            checked.append(f)
            leaks += [f"{f}: {n!r}" for n in _needles() if n in data]
    names = {p.name for p in checked}
    assert "ledger.sqlite3" in names and "opsledger.log" in names and "故障.xlsx" in names and "月报.xlsx" in names
    assert any(p.name.startswith("opsledger-") and p.suffix == ".sqlite3" for p in checked)  # the backup
    assert wal_leaks == []
    assert leaks == []
