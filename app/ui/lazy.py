"""``lazy_module(name)``: a stand-in for a module that imports it on first attribute access.

For a widget module whose data layer is needed only once it computes (e.g. the overview page:
its figures come from ``app.services.queries.overview``, which loads SQLAlchemy) — the widget can
be built and painted first.  ``importlib.import_module`` is thread-safe, so the first access may
come from a worker thread.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for module ``name``; ``proxy.attr`` imports it (once) and returns ``module.attr``."""

    def __init__(self, name: str) -> None:
        self._name = name

    @property
    def module(self) -> ModuleType:
        """The module itself (imported now if it was not yet)."""
        return importlib.import_module(self._name)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.module, attr)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


def lazy_module(name: str) -> Any:
    """A ``LazyModule`` for ``name`` (typed ``Any``: declare the real module under
    ``TYPE_CHECKING`` for the type checker)."""
    return LazyModule(name)
