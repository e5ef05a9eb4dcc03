"""The start-up revision check reads the versions folder without Alembic; it must agree with it."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from app.store import db as store_db


def test_scanned_head_and_revisions_equal_alembics() -> None:
    script = ScriptDirectory.from_config(store_db._alembic_config(None))
    assert store_db.head_revision() == script.get_current_head()
    assert store_db.known_revisions() == {r.revision for r in script.walk_revisions()}


def test_current_revision_is_one_query_and_none_for_an_empty_store(tmp_path) -> None:  # type: ignore[no-untyped-def]
    empty = store_db.open_database(tmp_path / "empty.sqlite3", migrate=False)
    try:
        assert store_db.current_revision(empty.engine) is None
    finally:
        empty.close()
    full = store_db.open_database(tmp_path / "full.sqlite3")
    try:
        assert store_db.current_revision(full.engine) == store_db.head_revision()
    finally:
        full.close()
