"""Human-readable record numbers: ``<PREFIX>-<year>-<seq:04d>``, e.g. ``INC-2026-0042``.

Prefixes: ``INS`` inspection, ``INC`` incident, ``SR`` service request, ``RQ`` requirement.
The counter lives in ``number_sequence`` and is advanced inside the caller's transaction, so a
rolled-back insert does not burn a number.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import NumberSequence

PREFIXES = {"inspection": "INS", "incident": "INC", "service_request": "SR", "requirement": "RQ"}


def next_number(session: Session, prefix: str, year: int) -> str:
    """Issue the next number for ``prefix`` in ``year`` (local calendar year of the record)."""
    seq = session.execute(
        select(NumberSequence).where(NumberSequence.prefix == prefix, NumberSequence.year == year)
        .with_for_update()
    ).scalar_one_or_none()
    if seq is None:
        seq = NumberSequence(prefix=prefix, year=year, last=0)
        session.add(seq)
    seq.last += 1
    session.flush()
    return f"{prefix}-{year}-{seq.last:04d}"
