"""Regenerate ``app/store/migrations/versions/0001_initial.py`` from the models (development only,
before the first release; after that every schema change is a new revision)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from app.store.db import MIGRATIONS_DIR, _alembic_config

target = MIGRATIONS_DIR / "versions" / "0001_initial.py"
target.unlink(missing_ok=True)
with tempfile.TemporaryDirectory() as tmp:
    engine = create_engine(f"sqlite:///{Path(tmp) / 'empty.db'}")
    with engine.begin() as conn:
        cfg = _alembic_config(conn)
        command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001")
produced = next((MIGRATIONS_DIR / "versions").glob("0001_*.py"))
produced.rename(target)
print(f"wrote {target}")
