"""Declarative base, column types and mixins shared by every aggregate.

- Primary keys are UUIDs (``uuid.UUID``; stored as CHAR(32) on SQLite, native on PostgreSQL) so
  databases from several sites can be merged later.
- ``UTCDateTime`` stores timezone-aware instants in UTC and gives them back aware; a naive value is
  refused with ``ValueError`` rather than guessed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, DateTime, MetaData, String, TypeDecorator, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware instant stored as UTC.

    SQLite has no time zone type, so values are normalised to UTC on the way in and tagged UTC on
    the way out.  Raises ``ValueError`` for a naive ``datetime``.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} refused: OpsLedger stores aware UTC instants")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    """Base of all ORM classes; constraint names follow ``NAMING_CONVENTION``."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        datetime: UTCDateTime(),
        uuid.UUID: Uuid(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
        str: String(),
    }


def vocab_check(column: str, allowed: Iterable[str], *, empty: bool = False) -> CheckConstraint:
    """CHECK that ``column`` holds one of the ``allowed`` codes (a vocabulary of ``app.core.vocab``).

    Named ``ck_<table>_<column>`` by ``NAMING_CONVENTION``.  ``empty=True`` also allows ``""``
    (a not-yet-filled text code such as ``cause_category``); ``NULL`` always passes a CHECK, so a
    nullable column needs nothing more.  Migration 0003 declares the same constraints literally.
    """
    values = [*allowed, *([""] if empty else [])]
    quoted = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    return CheckConstraint(f"{column} IN ({quoted})", name=column)


class UUIDPk:
    """Mixin: a UUID primary key generated client-side."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
