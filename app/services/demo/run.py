"""``run_demo``: open-or-import a contract and generate its demo in one transaction of a database."""

from __future__ import annotations

import time as _time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import OpsLedgerError
from app.services.demo.data import MAX_DAYS
from app.services.demo.generate import generate_demo
from app.store.models import (
    Contract,
    Incident,
    Inspection,
    Requirement,
    ServiceRequest,
    WorkLogEntry,
)

RECORD_KINDS = ((Inspection, "{n} inspections"), (Incident, "{n} incidents"),
                (ServiceRequest, "{n} service requests"), (Requirement, "{n} requirements"),
                (WorkLogEntry, "{n} work-log entries"))  # msgids (shell.po)


class DatabaseNotEmpty(OpsLedgerError):
    """``demo`` refused: the database already holds records; ``counts`` says which."""

    def __init__(self, counts: dict[str, int]) -> None:
        from app.core.i18n import _

        self.counts = counts
        listing = _(", ").join(_(kind, n=n) for kind, n in counts.items())
        super().__init__(_(
            "This database already holds records ({listing}); demo data go only into an empty "
            "database, so nothing was added. Give another file with --db.", listing=listing))


def existing_records(session: Session) -> dict[str, int]:
    """Counts of the records already in the database (any contract), only kinds with rows."""
    from sqlalchemy import func

    counts = {name: int(session.scalar(select(func.count()).select_from(model)) or 0) for model, name in RECORD_KINDS}
    return {name: n for name, n in counts.items() if n}


@dataclass(frozen=True)
class DemoRun:
    """What ``run_demo`` did: ``counts`` per record kind, ``seconds`` elapsed, the contract's
    ``contract_name`` and the span filled (``start``–``end`` local, ``days``).  Unpacks as
    ``(counts, seconds)``."""

    counts: dict[str, int]
    seconds: float
    contract_name: str
    start: date
    end: date
    days: int

    def __iter__(self) -> Iterator[Any]:
        return iter((self.counts, self.seconds))


def demo_span(term_start: date, term_end: date, *, days: int | None, end: date | None,
              today: date) -> tuple[date, int]:
    """``(end, days)`` of a demo: ``end`` defaults to the contract's last day or ``today``,
    whichever is first (a finished contract's history stays inside its term, so its reports
    count what was done); ``days`` defaults to the whole term up to ``end`` (at least 1, at most
    ``MAX_DAYS``).  E.g. 三门峡 2023-12-20 – 2024-12-19 run on 2026-12-01 → ends 2024-12-19, 366 days."""
    end = end or min(term_end, today)
    if days is None:
        days = min(max((end - term_start).days + 1, 1), MAX_DAYS)
    return end, days


def run_demo(db: Any, contract_name: str, *, days: int | None = None, end: date | None = None, seed: int = 0,
             progress: Callable[[str], None] | None = None, today: date | None = None) -> DemoRun:
    """Open-or-import the contract ``contract_name`` (one in the database, a shipped profile's
    name or a profile file) and generate demo data in ONE transaction of ``db``, over
    ``demo_span`` (``today`` defaults to the local date).  Returns a ``DemoRun`` (unpacks as
    ``(counts, elapsed_seconds)``).  Raises ``OpsLedgerError`` when neither the database nor
    the profiles know the contract, ``ProfileError`` for a refused file, and
    ``DatabaseNotEmpty`` (a sentence, nothing written) when the database already holds records:
    demo numbers and slots would collide with them (issue #8.8)."""
    from app.core.timeutil import local_today
    from app.services.contract.profiles import find_profile, import_profile, load_profile_file
    from app.services.queries.lookup import get_contract

    t0 = _time.perf_counter()
    with db.session() as s:
        found = existing_records(s)
        if found:
            raise DatabaseNotEmpty(found)
        known = {c.name for c in s.scalars(select(Contract))}
        if contract_name in known:
            contract = get_contract(s, contract_name)
        else:
            contract = import_profile(s, load_profile_file(find_profile(contract_name)), actor="demo")
        end, days = demo_span(contract.term_start, contract.term_end, days=days, end=end,
                              today=today or local_today())
        counts = generate_demo(s, contract, days=days, end=end, seed=seed, progress=progress)
        name = contract.name
    return DemoRun(counts, _time.perf_counter() - t0, name, end - timedelta(days=days - 1), end, days)
