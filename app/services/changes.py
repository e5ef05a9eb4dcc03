"""What an action changed, so views refresh only that (Anki's ``OpChanges`` idea).

Every user-action function of the application layer (``app/services/*/actions.py``) opens its own
transaction, writes its audit event and returns an :class:`Outcome`: the plain value the caller
shows (a dataclass row, an id, a list of rows — never an ORM object) and the :class:`Changes`.
The UI's ``app.ui.ops`` emits ``changes.kinds`` on the change bus; a page cannot forget to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:  # annotations only: the main window imports KINDS before its first paint
    import uuid

T = TypeVar("T")

#: The record kinds a change can touch (the change bus carries a tuple of these).
KINDS = frozenset({
    "inspection", "incident", "service_request", "requirement", "worklog", "contract",
    "calendar", "report", "asset", "credential", "audit", "settings", "backup",
})


@dataclass(frozen=True)
class Changes:
    """Record kinds (see :data:`KINDS`) and, where known, the ids an action changed."""

    kinds: frozenset[str] = frozenset()
    ids: tuple[uuid.UUID, ...] = ()

    def __post_init__(self) -> None:
        unknown = set(self.kinds) - KINDS
        if unknown:
            raise ValueError(f"unknown change kinds: {sorted(unknown)}")

    @classmethod
    def of(cls, *kinds: str, ids: tuple[uuid.UUID, ...] = ()) -> Changes:
        """``Changes.of("incident", "worklog", ids=(incident_id,))``."""
        return cls(frozenset(kinds), ids)

    def __bool__(self) -> bool:
        return bool(self.kinds)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """An action's plain result ``value`` and what it ``changes``."""

    value: T
    changes: Changes = field(default_factory=Changes)
