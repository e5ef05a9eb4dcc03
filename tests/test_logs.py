"""``app.logs``: one rotating log file in the data folder; what the CLI run leaves in it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import logs, paths
from app.cli import main
from tests.conftest import load_contract


@pytest.fixture(autouse=True)
def _fresh_logging() -> Iterator[None]:
    yield
    logs.shutdown_logging()


def _text(path: Path) -> str:
    for h in logging.getLogger().handlers:
        h.flush()
    return path.read_text(encoding="utf-8")


def test_log_file_rotates_in_the_data_folder() -> None:
    path = logs.setup_logging()
    assert path == paths.data_dir() / "logs" / "opsledger.log"
    ours = [h for h in logging.getLogger().handlers
            if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(ours) == 1
    assert ours[0].maxBytes == 1_000_000 and ours[0].backupCount == 5
    assert logs.setup_logging() == path  # a second call adds no second handler
    assert len([h for h in logging.getLogger().handlers
                if isinstance(h, logging.handlers.RotatingFileHandler)]) == 1
    logging.getLogger("app.test").info("一条中文记录 %s", 42)
    line = _text(path).splitlines()[-1]
    assert line.endswith("INFO app.test [MainThread] 一条中文记录 42")
    assert line[:20].endswith("Z")  # 2026-12-01T10:35:43Z: UTC


def test_env_variable_sets_the_level(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSLEDGER_LOG_LEVEL", "warning")
    path = logs.setup_logging()
    assert path is not None
    logging.getLogger("app.test").info("not written")
    logging.getLogger("app.test").warning("written")
    assert "written" in _text(path) and "not written" not in _text(path)


def test_unwritable_data_folder_falls_back_to_stderr(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    def refuse() -> Path:
        raise PermissionError("read-only")

    monkeypatch.setattr(logs, "log_path", refuse)
    assert logs.setup_logging() is None
    logging.getLogger("app.test").warning("still seen")
    assert "still seen" in capsys.readouterr().err


def test_cli_run_logs_database_open_committed_actions_and_refusals(tmp_path: Path) -> None:
    dbfile = tmp_path / "cli.sqlite3"
    assert main(["contract", "import", "pinggu-court-2026", "--db", str(dbfile)]) == 0
    rc = main(["report", "--db", str(dbfile), "--contract", "no-such-contract", "--kind", "monthly",
               "--period", "2026-10", "--format", "xlsx", "--out", str(tmp_path / "r.xlsx")])
    assert rc == 1
    text = _text(logs.log_path())
    assert f"database opened: sqlite:///{dbfile}" in text
    assert "database schema upgraded empty →" in text
    assert "INFO app.services.audit [MainThread] contract.import by " in text
    assert "INFO app.cli [MainThread] refused report:" in text


def test_committed_audit_events_are_logged_and_rolled_back_ones_not(db: object) -> None:
    from app.services import audit
    from app.store.db import Database

    assert isinstance(db, Database)
    path = logs.setup_logging()
    assert path is not None
    load_contract(db)
    with db.session() as s:
        audit.record(s, actor="王建国", action="test.kept", entity_kind="x", summary="保留")
    def undone() -> None:
        with db.session() as s:
            audit.record(s, actor="王建国", action="test.undone", entity_kind="x")
            raise RuntimeError("roll back")

    with pytest.raises(RuntimeError):
        undone()
    text = _text(path)
    assert "test.kept by 王建国:" in text and "保留" in text
    assert "test.undone" not in text
