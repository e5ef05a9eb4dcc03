"""Everything due (待办): one seam through which each domain lists what falls due.

The overview page (总览) and Today show ``due_items(ledger, contract_id, today)``: the items of
every provider named in ``PROVIDERS``, sorted overdue first, then by due date.  A domain that
owes something by a date (a report to the client, a password rotation, a warranty end, a backup,
a drill) adds one provider: a function ``(session, contract, today) -> Iterable[DueItem]`` in
its own service module, and one line here.  Providers are imported lazily (by dotted path) so
that listing what is due does not import a domain the first page does not need.
"""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the overview paints before SQLAlchemy loads (issue #12 §1)
    from app.services.ledger import Ledger


class DueState(StrEnum):
    """Where an item stands against its date: ``upcoming`` (inside its lead time), ``due``
    (today) or ``overdue`` (past its date)."""

    UPCOMING = "upcoming"
    DUE = "due"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class DueItem:
    """One thing owed by a date.

    ``kind``: the domain's code (``"report"``, ``"credential_rotation"``, ``"warranty"``,
    ``"backup"`` …) — the overview groups by it and opens the page of that kind;
    ``title``: a sentence in the current language ("月报 2026-11 应于 12-05 前提交");
    ``due_on``: local calendar date; ``state``: see ``DueState``; ``days_left``: calendar days
    from ``today`` to ``due_on`` (negative when overdue); ``entity_kind``/``entity_id``: the
    record to open (``entity_id`` may be None for a kind-level item); ``source``: the contract
    clause that makes it owed ("司法局 §2.3.1.4"), or "".
    """

    kind: str
    title: str
    due_on: date
    state: DueState
    days_left: int
    entity_kind: str = ""
    entity_id: uuid.UUID | None = None
    source: str = ""


def state_of(due_on: date, today: date) -> DueState:
    """``overdue`` before ``today``, ``due`` on it, ``upcoming`` after it."""
    if due_on < today:
        return DueState.OVERDUE
    if due_on == today:
        return DueState.DUE
    return DueState.UPCOMING


#: Dotted ``module:function`` paths of the providers, one per domain.
PROVIDERS: tuple[str, ...] = (
    "app.services.vault.due:due_items",
    "app.services.backup_due:due_items",
    "app.services.asset.due:due_items",
    "app.services.delivery.due:due_items",
)

Provider = Callable[[Any, Any, date], Iterable[DueItem]]


def _load(path: str) -> Provider:
    module, _sep, name = path.partition(":")
    fn: Provider = getattr(importlib.import_module(module), name)
    return fn


def due_items(ledger: Ledger, contract_id: uuid.UUID, today: date) -> list[DueItem]:
    """Every provider's items for the contract ``contract_id`` on the local date ``today``,
    overdue first, then by ``due_on``; reads only (one session, no commit)."""
    from app.store.models import Contract

    items: list[DueItem] = []
    with ledger.session() as session:
        contract = session.get(Contract, contract_id)
        if contract is None:
            return []
        for path in PROVIDERS:
            items.extend(_load(path)(session, contract, today))
    order = {DueState.OVERDUE: 0, DueState.DUE: 1, DueState.UPCOMING: 2}
    return sorted(items, key=lambda i: (order[i.state], i.due_on, i.kind, i.title))
