"""Errors the domain raises for the UI and CLI to show as they are.

Every error names what is wrong in words a user can act on; ``field`` (or ``row``/``column`` for
imports) says where.  No layer catches these only to log them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class OpsLedgerError(Exception):
    """Base of every error OpsLedger raises on purpose (bad input, refused operation)."""


class ValidationError(OpsLedgerError):
    """Input that breaks a rule; nothing was written.

    ``field`` is the attribute or profile path at fault (e.g. ``"restored_at"`` or
    ``"checklists[2].items[0].normal_max"``); ``message`` is the human text.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


class NotFoundError(OpsLedgerError):
    """A named record (contract, template, incident number …) does not exist."""


class DatabaseLockedError(OpsLedgerError):
    """Another OpsLedger process already has this database file open for writing."""


class CalendarCoverageError(OpsLedgerError):
    """An SLA clock ran into a year that no service-calendar source covers.

    ``years`` lists the uncovered years; the message tells the user to enter the year's
    official arrangement (holidays and make-up working days) in Settings.
    """

    def __init__(self, years: list[int]) -> None:
        self.years = sorted(set(years))
        ys = ", ".join(str(y) for y in self.years)
        super().__init__(
            f"no official holiday calendar covers {ys}; enter the year's arrangement "
            "(holidays and make-up working days) in Settings or import it"
        )


@dataclass
class RowProblem:
    """One problem in an imported file: 1-based sheet row, column header, message."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.message}"


@dataclass
class ImportRejected(OpsLedgerError):
    """An import that was refused whole; ``problems`` lists every bad row and column."""

    source: str
    problems: list[RowProblem] = field(default_factory=list)

    def __str__(self) -> str:
        head = f"{self.source}: import refused, {len(self.problems)} problem(s), nothing written"
        return "\n".join([head, *(f"  {p}" for p in self.problems[:200])])
