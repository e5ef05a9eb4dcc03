"""What every page is given: the open database, the current contract and the current engineer.

Pages receive an ``AppContext`` in their constructor (no global service locator) and emit
``…Requested`` signals that the main window wires; they never call their parents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the window paints before SQLAlchemy loads (issue #12 §1)
    import uuid

    from app.services.ledger import Ledger


class ChangeBus(QObject):
    """Announces what an operation changed so views refresh only that.

    ``changed`` carries a set-like tuple of record kinds: ``"inspection"``, ``"incident"``,
    ``"service_request"``, ``"requirement"``, ``"worklog"``, ``"contract"``, ``"calendar"``,
    ``"report"``.
    """

    changed = Signal(tuple)


@dataclass
class AppContext:
    """The dependencies a page needs; ``contract_id`` is ``None`` until a contract is loaded."""

    db: Ledger
    contract_id: uuid.UUID | None
    engineer: str
    bus: ChangeBus
