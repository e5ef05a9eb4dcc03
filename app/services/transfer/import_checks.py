"""Checks across an imported file and the store: timeline order and status instants per row, record
numbers unique in the file and the database, the number sequence advanced past them; and the
``ImportResult`` an import returns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import timeline
from app.core.i18n import N_
from app.core.vocab import label_of
from app.errors import RowProblem
from app.store.models import (
    NumberSequence,
)


@dataclass
class ImportResult:
    """What an import wrote (or, with ``dry_run``, would write): record numbers in file order."""

    kind: str
    numbers: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def count(self) -> int:
        """Number of records."""
        return len(self.numbers)


# -- parsing cells ------------------------------------------------------------------------------


def _order(row: int, problems: list[RowProblem], rec: dict[str, Any], rules: tuple[timeline.OrderRule, ...],
           labels: dict[str, str]) -> None:
    """Record a problem for each rule of ``rules`` (``app.core.timeline``, the workflow's table)
    the row's instants break, under the column of the field to correct."""
    for broken in timeline.violations(rules, rec):
        problems.append(RowProblem(row, labels[broken.field], broken.rule.message))


def _status_instants(row: int, problems: list[RowProblem], rec: dict[str, Any], needs: dict[str, tuple[str, ...]],
                     statuses: type[StrEnum], labels: dict[str, str]) -> None:
    """Record a problem for each instant the row's status requires but leaves empty
    (``app.core.timeline.*_STATUS_INSTANTS``)."""
    status = rec.get("status")
    for f in timeline.missing_instants(needs, status, rec):
        problems.append(RowProblem(row, labels[f], N_("status {status} needs the {column}"),
                                   {"status": label_of(statuses, status), "column": labels[f]}))


def _existing_numbers(session: Session, model: Any, numbers: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(numbers), 500):
        found.update(session.scalars(select(model.number).where(model.number.in_(numbers[i:i + 500]))))
    return found


def _check_numbers(session: Session, model: Any, recs: list[tuple[int, dict[str, Any]]], column: str,
                   problems: list[RowProblem]) -> None:
    seen: dict[str, int] = {}
    for row, rec in recs:
        num = rec.get("number")
        if not isinstance(num, str) or not num:
            continue
        if num in seen:
            problems.append(RowProblem(row, column, N_("number {number} repeats row {first}"),
                                       {"number": num, "first": seen[num]}))
        else:
            seen[num] = row
    taken = _existing_numbers(session, model, list(seen))
    for num in sorted(taken, key=lambda n: seen[n]):
        problems.append(RowProblem(seen[num], column, N_("number {number} is already in the database"), {"number": num}))


_NUMBER = re.compile(r"^([A-Z]+)-(\d{4})-(\d+)$")


def _advance_sequences(session: Session, numbers: list[str]) -> None:
    """Move each ``<PREFIX>-<year>`` counter past the highest imported sequence number."""
    best: dict[tuple[str, int], int] = {}
    for n in numbers:
        m = _NUMBER.match(n)
        if m:
            key = (m.group(1), int(m.group(2)))
            best[key] = max(best.get(key, 0), int(m.group(3)))
    for (prefix, year), last in best.items():
        seq = session.execute(
            select(NumberSequence).where(NumberSequence.prefix == prefix, NumberSequence.year == year)
        ).scalar_one_or_none()
        if seq is None:
            session.add(NumberSequence(prefix=prefix, year=year, last=last))
        elif seq.last < last:
            seq.last = last
    session.flush()


# -- incidents ----------------------------------------------------------------------------------
