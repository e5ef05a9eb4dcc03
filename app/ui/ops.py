"""How a page performs a user action: call it, announce what changed, return the plain value.

``perform(ctx, action, *args)`` runs a quick application-layer action (``app/services/*/actions``)
on the GUI thread, emits its ``Outcome.changes`` on ``ctx.bus`` and returns ``Outcome.value``.
Long work (exports, reports, imports) goes through ``app.ui.tasks.run_task`` instead, whose
success callback is handed the ``Outcome`` and emits its changes the same way (``emit_changes``).
Refusals (``OpsLedgerError``) propagate to the caller, which shows ``str(exc)`` — already a
sentence in the user's language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from app.errors import OpsLedgerError
from app.services.changes import Outcome
from app.ui.context import AppContext

T = TypeVar("T")
log = logging.getLogger(__name__)


def emit_changes(ctx: AppContext, result: Any) -> Any:
    """If ``result`` is an ``Outcome``, emit its change kinds on ``ctx.bus``; return its value."""
    if isinstance(result, Outcome):
        if result.changes:
            ctx.bus.changed.emit(tuple(sorted(result.changes.kinds)))
        return result.value
    return result


def perform(ctx: AppContext, action: Callable[..., Outcome[T]], *args: Any, **kwargs: Any) -> T:
    """Run ``action(ctx.db, *args, **kwargs)``; emit its changes; return its value.

    A refusal (``OpsLedgerError``) is logged at INFO and re-raised for the page to show."""
    try:
        outcome = action(ctx.db, *args, **kwargs)
    except OpsLedgerError as exc:
        log.info("refused %s: %s", getattr(action, "__name__", action), exc)
        raise
    return emit_changes(ctx, outcome)
