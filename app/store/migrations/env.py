"""Alembic environment: migrations run on the connection ``app.store.db`` hands over, one transaction
per migration, with batch mode so SQLite can alter tables."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from app.store.models import Base
from app.store.models.base import UTCDateTime

config = context.config


def _render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    # Migrations must not import app code: render our UTC type as the column type it stores.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _run(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        transaction_per_migration=True,
        compare_type=True,
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # e.g. ``alembic -x url=sqlite:///x.db upgrade head`` from a shell
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
