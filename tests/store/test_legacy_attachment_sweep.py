"""After migration 0013 took the incident/request files into the ledger, the old copies in the
data folder are moved out of it on the next start — only those whose bytes are verified in the
ledger (file hash = name = the ledger's bytes' hash); a missing, mismatching, foreign or stray
file stays; nothing is ever deleted; the user is told once (``app.ui.legacy_files``)."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from sqlalchemy import update

from app import paths
from app.services import legacy_attachments
from app.store.models import Attachment
from tests.store.test_attachment_migration import FILES, _ledger_with_files, _migrate, _stored

DAY = date(2026, 12, 1)


def _upgraded_with_old_files(db, pinggu, tmp_path: Path) -> Path:
    """A ledger upgraded through 0013 from the 0012 layout, its old folder as 0012 left it plus a
    mismatching copy, another ledger's file and a stray file."""
    _ledger_with_files(db, pinggu, tmp_path)
    folder = tmp_path / "data" / "attachments"
    _migrate(db, "0012", folder)
    _stored(folder, FILES["mismatch.pdf"]).write_bytes(b"something else")
    foreign = b"another ledger's scan"
    _stored(folder, foreign).parent.mkdir(parents=True, exist_ok=True)
    _stored(folder, foreign).write_bytes(foreign)
    (folder / "desktop.ini").write_text("[.ShellClassInfo]", encoding="utf-8")
    _migrate(db, "head", folder)
    return folder


def test_verified_files_move_to_a_dated_folder_and_the_rest_stays(db, pinggu, tmp_path) -> None:
    folder = _upgraded_with_old_files(db, pinggu, tmp_path)
    result = legacy_attachments.sweep(db, folder, today=DAY)
    moved_to = tmp_path / "data" / "attachments-migrated-2026-12-01"
    assert result.folder == moved_to
    # present.png and missing.log (0013 found both, as they were in the folder) are in the ledger
    assert result.moved == 2 and result.kept == 3
    for name in ("present.png", "missing.log"):
        sha = hashlib.sha256(FILES[name]).hexdigest()
        assert (moved_to / sha[:2] / sha).read_bytes() == FILES[name]
        assert not _stored(folder, FILES[name]).exists()
    assert _stored(folder, FILES["mismatch.pdf"]).read_bytes() == b"something else"  # not the ledger's bytes
    assert _stored(folder, b"another ledger's scan").exists()  # not this ledger's file
    assert (folder / "desktop.ini").exists()
    assert "0013" in (moved_to / "README.txt").read_text(encoding="utf-8")

    again = legacy_attachments.sweep(db, folder, today=date(2026, 12, 2))  # the next start: nothing to say
    assert (again.moved, again.folder) == (0, None) and again.kept == 3
    assert not (tmp_path / "data" / "attachments-migrated-2026-12-02").exists()


def test_a_ledger_whose_bytes_do_not_match_keeps_the_old_file(db, pinggu, tmp_path) -> None:
    folder = _upgraded_with_old_files(db, pinggu, tmp_path)
    with db.session() as s:  # the sha256 column says present.png, the bytes say otherwise
        s.execute(update(Attachment).where(Attachment.filename == "present.png").values(content=b"damaged"))
    result = legacy_attachments.sweep(db, folder, today=DAY)
    assert result.moved == 1  # missing.log only
    assert _stored(folder, FILES["present.png"]).read_bytes() == FILES["present.png"]


def test_without_an_old_folder_nothing_happens(db, tmp_path) -> None:
    assert legacy_attachments.sweep(db, tmp_path / "none") == legacy_attachments.Sweep(0, 0, None)
    paths.init_paths(tmp_path / "fresh")
    assert legacy_attachments.sweep(db).moved == 0 and not (tmp_path / "fresh" / "data" / "attachments").exists()


def test_the_start_tells_the_user_once(qtbot, db, pinggu, tmp_path) -> None:
    from types import SimpleNamespace

    from app.ui.legacy_files import sweep_at_start

    _upgraded_with_old_files(db, pinggu, tmp_path)
    paths.init_paths(tmp_path)  # data_dir() is tmp_path/data: the old folder is its attachments
    ctx = SimpleNamespace(db=db)
    said: list[str] = []
    sweep_at_start(ctx, said.append)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert "2" in said[0] and "attachments-migrated-" in said[0]
    sweep_at_start(ctx, said.append)  # type: ignore[arg-type]
    qtbot.wait(300)
    assert len(said) == 1
