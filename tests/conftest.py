"""Shared fixtures: every test gets its own data/config folder and database; Qt runs offscreen."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPSLEDGER_TZ", "Asia/Shanghai")

from app import paths  # noqa: E402
from app.services.contract.profiles import import_profile, load_profile_file  # noqa: E402
from app.store.db import Database, open_database  # noqa: E402
from app.store.models import Contract  # noqa: E402

PROFILES = paths.resources_dir() / "profiles"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point data and config at a temporary folder; no test touches the user's files.  Every test
    starts in the default language (zh_CN), whatever the test before it switched to."""
    from app.core import i18n

    home = tmp_path / "home"
    paths.init_paths(home)
    monkeypatch.delenv("OPSLEDGER_DB", raising=False)
    monkeypatch.delenv("OPSLEDGER_LANG", raising=False)
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    yield home
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    paths.init_paths(None)


#: A SQLAlchemy URL of a PostgreSQL server (``postgresql+psycopg://postgres@127.0.0.1:5433/postgres``)
#: the ``db`` fixture uses instead of a SQLite file; see ``scripts/ci_postgres.sh``.
TEST_PG = os.environ.get("OPSLEDGER_TEST_PG", "")
_PG_TEMPLATE = f"opsledger_tpl_{os.getpid()}"


def _pg_admin() -> Engine:
    """An AUTOCOMMIT engine on the server's maintenance database (CREATE/DROP DATABASE)."""
    return create_engine(TEST_PG, isolation_level="AUTOCOMMIT", future=True)


def _pg_url(name: str) -> str:
    return make_url(TEST_PG).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def _pg_template() -> Iterator[str]:
    """A database migrated to head once per run; every test's database is a copy of it."""
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{_PG_TEMPLATE}"')
        conn.exec_driver_sql(f'CREATE DATABASE "{_PG_TEMPLATE}"')
    open_database(_pg_url(_PG_TEMPLATE)).close()
    yield _PG_TEMPLATE
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{_PG_TEMPLATE}"')
    admin.dispose()


@pytest.fixture
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated database: a SQLite file, or with ``OPSLEDGER_TEST_PG`` set a new
    database on that PostgreSQL server (copied from a migrated template, dropped afterwards)."""
    if not TEST_PG:
        database = open_database(tmp_path / "test.sqlite3")
        yield database
        database.close()
        return
    template = request.getfixturevalue("_pg_template")
    name = f"opsledger_t_{uuid.uuid4().hex[:16]}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    database = open_database(_pg_url(name))
    try:
        yield database
    finally:
        database.close()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def load_contract(database: Database, name: str = "pinggu-court-2026") -> Contract:
    """Import a shipped profile by contract name and return the ``Contract``."""
    data = load_profile_file(PROFILES / f"{name}.yaml")
    with database.session() as s:
        return import_profile(s, data, actor="test")


@pytest.fixture
def pinggu(db: Database) -> Contract:
    """The database with the Pinggu court profile loaded; returns the contract."""
    return load_contract(db, "pinggu-court-2026")
