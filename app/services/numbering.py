"""Human-readable record numbers: ``<PREFIX>-<year>-<seq:04d>``, e.g. ``INC-2026-0042``.

Prefixes: ``INS`` inspection, ``INC`` incident, ``SR`` service request, ``RQ`` requirement.
The counter lives in ``number_sequence`` and is advanced inside the caller's transaction, so a
rolled-back insert does not burn a number.

Unique under concurrent creation (the team server): the counter is advanced by ONE atomic upsert,
``INSERT … ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1 RETURNING last``.  The row
lock it takes is held to the end of the caller's transaction, so a second workstation creating a
record of the same kind and year waits for the first to commit and then reads its number + 1 —
also for the very first number of a year, where a ``SELECT … FOR UPDATE`` has no row to lock and
two creators would both insert.  SQLite has one writer at a time anyway; the same statement runs
there (SQLite ≥ 3.35).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import NumberSequence

PREFIXES = {"inspection": "INS", "incident": "INC", "service_request": "SR", "requirement": "RQ"}


def _insert(dialect: str) -> Any:
    """The dialect's ``insert`` with ``on_conflict_do_update`` (PostgreSQL, SQLite), else None."""
    from sqlalchemy.dialects import postgresql, sqlite  # noqa: PLC0415

    return {"postgresql": postgresql.insert, "sqlite": sqlite.insert}.get(dialect)


def next_number(session: Session, prefix: str, year: int) -> str:
    """Issue the next number for ``prefix`` in ``year`` (local calendar year of the record)."""
    insert = _insert(session.get_bind().dialect.name)
    if insert is None:  # another backend: lock the row (a first number of a year may collide)
        seq = session.execute(select(NumberSequence).where(
            NumberSequence.prefix == prefix, NumberSequence.year == year).with_for_update()).scalar_one_or_none()
        if seq is None:
            seq = NumberSequence(prefix=prefix, year=year, last=0)
            session.add(seq)
        seq.last += 1
        session.flush()
        return f"{prefix}-{year}-{seq.last:04d}"
    stmt = insert(NumberSequence).values(prefix=prefix, year=year, last=1)
    stmt = stmt.on_conflict_do_update(index_elements=["prefix", "year"],
                                      set_={"last": NumberSequence.last + 1}).returning(NumberSequence.last)
    last = session.execute(stmt).scalar_one()
    return f"{prefix}-{year}-{last:04d}"
