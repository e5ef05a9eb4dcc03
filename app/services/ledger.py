"""The open ledger as the UI and CLI hold it: a handle they pass to actions, never a session.

``Ledger`` is the storage's ``Database`` (engine + session factory); code above the services
layer names it through this module so that ``app/ui/`` imports nothing of ``app.store``.
"""

from __future__ import annotations

from app.errors import DatabaseLockedError as LedgerLockedError
from app.store.db import Database as Ledger
from app.store.db import open_database

__all__ = ["Ledger", "LedgerLockedError", "open_ledger"]


def open_ledger(target: str | None = None) -> Ledger:
    """Open (and migrate) the ledger at ``target`` (a path or SQLAlchemy URL; None → default)."""
    return open_database(target)
