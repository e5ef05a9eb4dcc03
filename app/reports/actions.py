"""The reports page's user actions: kinds and periods offered, preview, narrative, export.

One function per user action, taking the ledger plus ids and plain values, opening its own
transaction, returning an ``Outcome`` of plain rows.  Audit events are written by the service
(``report.narrative``, ``report.export``) in the same transaction.

Periods offered (:func:`offered_periods`) are exactly those the CLI accepts
(``periods.parse_period``): every period of the kind that overlaps the contract term and has
started by today, by calendar **and** by contract year for quarterly/half-year/annual reports
(``2026-Q4`` and ``CY1-Q2``; the profile's convention first), newest first.  So in the first
contract year ``CY1`` (in progress) is offered; a contract whose term has not begun offers
nothing and :func:`no_period_reason` says why.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.core import periods
from app.core.i18n import _
from app.core.profile import profile_of
from app.core.timeutil import fmt_local, local_today
from app.errors import NotFoundError, ValidationError
from app.reports import service
from app.reports.compose.document import ReportDocument
from app.services.changes import Changes, Outcome
from app.services.ledger import Ledger
from app.store.models import Contract

#: How many periods of one scheme are offered at most (a three-year term has 157 weeks).
MAX_PERIODS = 60
FORMATS = service.FORMATS
KINDS = periods.KINDS


@dataclass(frozen=True)
class PeriodChoice:
    """One period offered: its CLI ``key``, ``label`` with dates in the current language, local ``start``/``end``
    (inclusive), ``in_progress`` (ends today or later), ``contract_year`` (a ``CY…`` key)."""

    key: str
    label: str
    start: date
    end: date
    in_progress: bool
    contract_year: bool


@dataclass(frozen=True)
class PeriodOffer:
    """The periods offered for a kind, newest first per scheme, and the key selected by default
    (the last complete period by the profile's convention, else the newest offered); ``reason``
    explains an empty list."""

    periods: list[PeriodChoice]
    default_key: str | None
    reason: str = ""


@dataclass(frozen=True)
class Narrative:
    """The editable narrative of one report: summary, problems, next period's plan."""

    summary: str = ""
    problems: str = ""
    plan: str = ""


@dataclass(frozen=True)
class Exported:
    """One exported report: when (local text), who, kind, period key, format, SHA-256, path."""

    id: uuid.UUID
    exported_at: str
    exported_by: str
    kind: str
    period_key: str
    format: str
    sha256: str
    path: str


def _contract(s: Any, contract_id: uuid.UUID | None) -> Contract:
    c = s.get(Contract, contract_id) if contract_id is not None else None
    if c is None:
        raise NotFoundError(_("No contract is loaded."))
    return c


def _scheme(kind: str, contract: Contract, today: date, contract_year: bool) -> list[periods.Period]:
    """Periods of one scheme overlapping the term and started by ``today``, newest first."""
    anchor = min(today, contract.term_end)
    if anchor < contract.term_start:
        return []
    out: list[periods.Period] = []
    p: periods.Period | None = periods.period_containing(kind, anchor, contract, contract_year=contract_year)
    while p is not None and len(out) < MAX_PERIODS and p.end >= contract.term_start:
        if p.start <= today:
            out.append(p)
        try:
            p = periods.previous(p, contract)
        except ValidationError:
            p = None
    return out


def _profile_offer(kind: str, contract: Contract, today: date) -> PeriodOffer:
    """The periods of a kind the profile defines: those of its ``period``'s built-in kind (week …
    year), or its days / the term (``app.services.delivery.schedule``), newest first."""
    spec = profile_of(contract).report(kind)
    if spec is None:
        raise ValidationError(_("Report"), _("unknown report kind {kind}", kind=kind))
    if spec.period in service.PERIOD_KIND:
        return offer_for(service.PERIOD_KIND[spec.period], contract, today)
    from app.services.delivery import schedule  # noqa: PLC0415 - day/term periods are cut there

    owed = schedule.owed_report(contract, kind)
    found = list(schedule.report_periods(contract, owed, until=today))[::-1][:MAX_PERIODS] if owed else []
    choices = [PeriodChoice(p.key, p.label_span, p.start, p.end, p.end >= today, False) for p in found]
    done = [c.key for c in choices if not c.in_progress]
    reason = "" if choices else _(
        "The contract term begins on {start}: no {kind} period has started yet.",
        start=contract.term_start.isoformat(), kind=spec.title or kind)
    return PeriodOffer(choices, done[0] if done else (choices[0].key if choices else None), reason)


def kinds_for(ledger: Ledger, contract_id: uuid.UUID | None) -> Outcome[list[tuple[str, str]]]:
    """The report kinds the page can offer for the contract, ``(code, title)``: the built-in kinds
    (titled as the profile calls them, else their generic name), then the kinds the profile
    defines (安全周报, 漏洞扫描报告 …).  Reads only."""
    with ledger.session() as s:
        c = _contract(s, contract_id)
        prof = profile_of(c)
        return Outcome([(k, prof.report_title(k)) for k in service.known_kinds(c)])


def offer_for(kind: str, contract: Contract, today: date) -> PeriodOffer:
    """The periods of ``kind`` offered for ``contract`` on ``today`` (see the module doc); a kind
    the profile defines is offered the periods of its ``period``."""
    if kind not in KINDS:
        return _profile_offer(kind, contract, today)
    schemes = [False]
    if kind in ("quarterly", "half-year", "annual"):
        cy_first = periods.convention(contract) == "contract_year"
        schemes = [cy_first, not cy_first]
    found = [p for cy in schemes for p in _scheme(kind, contract, today, cy)]
    choices = [PeriodChoice(p.key, p.label_span, p.start, p.end, p.end >= today, p.contract_year) for p in found]
    keys = {c.key for c in choices}
    try:
        default = periods.default_period(kind, contract, today).key
    except ValidationError:  # e.g. the first contract year has no complete one before it
        default = None
    if default not in keys:
        default = choices[0].key if choices else None
    reason = "" if choices else _(
        "The contract term begins on {start}: no {kind} period has started yet.",
        start=contract.term_start.isoformat(), kind=periods.KIND_NAMES_ZH.get(kind, kind))
    return PeriodOffer(choices, default, reason)


def offered_periods(ledger: Ledger, contract_id: uuid.UUID | None, kind: str,
                    today: date | None = None) -> Outcome[PeriodOffer]:
    """The periods of ``kind`` the page offers (same as the CLI accepts).  Reads only."""
    with ledger.session() as s:
        return Outcome(offer_for(kind, _contract(s, contract_id), today or local_today()))


def load_narrative(ledger: Ledger, contract_id: uuid.UUID | None, kind: str, period_key: str) -> Outcome[Narrative]:
    """The saved narrative of (kind, period) — empty texts when none.  Reads only."""
    with ledger.session() as s:
        n = service.load_narrative(s, _contract(s, contract_id), kind, period_key)
        return Outcome(Narrative(n["summary"], n["problems"], n["plan"]))


def save_narrative(ledger: Ledger, contract_id: uuid.UUID | None, kind: str, period_key: str,
                   narrative: Narrative, *, actor: str) -> Outcome[Narrative]:
    """Create or replace the narrative in one transaction (audit ``report.narrative``)."""
    with ledger.session() as s:
        service.save_narrative(s, _contract(s, contract_id), kind, period_key, narrative.summary,
                               narrative.problems, narrative.plan, actor=actor)
    return Outcome(narrative, Changes.of("report"))


def build_document(ledger: Ledger, contract_id: uuid.UUID | None, kind: str, period_key: str,
                   narrative: Narrative | None = None, today: date | None = None) -> Outcome[ReportDocument]:
    """Build and compose the report for the preview (nothing written); ``narrative`` as typed
    (default: the saved one).  Raises ``ValidationError`` for a period the CLI would refuse."""
    from app.reports.compose.composer import compose
    from app.reports.data.builder import build_report_data

    with ledger.session() as s:
        contract = _contract(s, contract_id)
        period = service.report_period(contract, kind, period_key, today)
        texts = narrative or Narrative(**service.load_narrative(s, contract, kind, period.key))
        data = build_report_data(s, contract, period)
        doc = compose(data, narrative={"summary": texts.summary, "problems": texts.problems, "plan": texts.plan},
                      kind=kind)
    return Outcome(doc)


def output_path(ledger: Ledger, contract_id: uuid.UUID | None, kind: str, period_key: str, fmt: str,
                folder: Path) -> Path:
    """``<folder>/<contract>-<kind>-<period>.<fmt>``, with ``-2``, ``-3`` … added rather than
    overwriting an earlier export (whose record keeps that file's SHA-256)."""
    with ledger.session() as s:
        name = _contract(s, contract_id).name
    stem = f"{name}-{kind}-{period_key}"
    path, n = folder / f"{stem}.{fmt}", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.{fmt}"
    return path


def export_report(ledger: Ledger, contract_id: uuid.UUID | None, kind: str, period_key: str, fmt: str, out: Path,
                  *, actor: str, progress: Callable[[int, int], None] | None = None) -> Outcome[Exported]:
    """Render the report to ``out`` and record it (``service.generate_report``: SHA-256, audit
    ``report.export``) in one transaction.  ``progress(done, total)`` may raise
    ``RenderCancelled`` to stop (no file, no record).  Raises ``ValidationError`` for a bad
    period, format or an unwritable ``out`` before any work."""
    with ledger.session() as s:
        rec = service.generate_report(s, _contract(s, contract_id), kind, period_key, fmt, Path(out),
                                      actor=actor, progress=progress)
        s.flush()
        row = _exported(rec)
    return Outcome(row, Changes.of("report", ids=(row.id,)))


def _exported(rec: Any) -> Exported:
    return Exported(rec.id, fmt_local(rec.exported_at), rec.exported_by or "", rec.kind, rec.period_key,
                    rec.format, rec.sha256, rec.path)


def exported_reports(ledger: Ledger, contract_id: uuid.UUID | None) -> Outcome[list[Exported]]:
    """The contract's exported reports, newest first.  Reads only."""
    with ledger.session() as s:
        return Outcome([_exported(r) for r in service.list_exported(s, _contract(s, contract_id))])
