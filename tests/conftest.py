"""Shared fixtures: every test gets its own data/config folder and database; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPSLEDGER_TZ", "Asia/Shanghai")

from app import paths  # noqa: E402
from app.services.contract.profiles import import_profile, load_profile_file  # noqa: E402
from app.store.db import Database, open_database  # noqa: E402
from app.store.models import Contract  # noqa: E402

PROFILES = paths.resources_dir() / "profiles"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point data and config at a temporary folder; no test touches the user's files."""
    home = tmp_path / "home"
    paths.init_paths(home)
    monkeypatch.delenv("OPSLEDGER_DB", raising=False)
    yield home
    paths.init_paths(None)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated SQLite database file."""
    database = open_database(tmp_path / "test.sqlite3")
    yield database
    database.close()


def load_contract(database: Database, name: str = "pinggu-court-2026") -> Contract:
    """Import a shipped profile by contract name and return the ``Contract``."""
    data = load_profile_file(PROFILES / f"{name}.yaml")
    with database.session() as s:
        return import_profile(s, data, actor="test")


@pytest.fixture
def pinggu(db: Database) -> Contract:
    """The database with the Pinggu court profile loaded; returns the contract."""
    return load_contract(db, "pinggu-court-2026")
