"""Settings-page calendar actions: the official years entered, importing a year file.

One function per user action, opening its own transaction and returning an ``Outcome`` of plain
rows; ``admin.enter_year`` writes the audit event ``calendar.enter_year``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.services.calendar import admin
from app.services.changes import Changes, Outcome
from app.services.ledger import Ledger


@dataclass(frozen=True)
class EnteredYear:
    """An official holiday arrangement entered by a user: the year and where it comes from."""

    year: int
    source: str


def entered_years(ledger: Ledger) -> Outcome[list[EnteredYear]]:
    """The years entered (overriding the built-in table), oldest first.  Reads only."""
    with ledger.session() as s:
        return Outcome([EnteredYear(y.year, y.source) for y in admin.entered_years(s)])


def import_year(ledger: Ledger, path: str | Path, *, actor: str) -> Outcome[int]:
    """Read the holiday-arrangement file at ``path`` (``admin.load_year_file``; a
    ``ValidationError`` names the line) and enter its year in one transaction; returns the year."""
    year, holidays, makeup, source, names = admin.load_year_file(path)
    with ledger.session() as s:
        admin.enter_year(s, year, holidays, makeup, source=source, actor=actor or "?", names=names)
    return Outcome(year, Changes.of("calendar"))
