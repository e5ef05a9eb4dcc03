"""盘点 (stocktake) by location: start, walk the list like an inspection, finish, report.

- ``start_stocktake``: one line per asset registered at the location (not retired), unseen;
- ``mark_line``: ``found`` / ``missing`` / ``moved`` (with where it was found);
- ``add_unregistered``: an item found there that the register does not list, with a description;
- ``finish_stocktake``: lines still unseen become ``missing``; the stocktake is closed (no more
  marks), every registered asset walked gets a ``stocktake`` entry in its history, and
  ``discrepancies`` lists missing, moved and not registered items;
- ``write_report``: that report as an xlsx sheet (A4 landscape, header repeated).

Each action is one transaction with its audit event and returns ``Outcome(…, Changes.of("asset"))``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import select

from app.core.i18n import N_, _
from app.core.timeutil import utcnow
from app.core.vocab import StocktakeResult, label_of
from app.errors import NotFoundError, ValidationError
from app.services import audit
from app.services.changes import Changes, Outcome
from app.services.ledger import Ledger
from app.store.models import Asset, AssetChange, Stocktake, StocktakeLine


def _open(s: object, stocktake_id: uuid.UUID) -> Stocktake:
    st = s.get(Stocktake, stocktake_id)  # type: ignore[attr-defined]
    if st is None:
        raise NotFoundError(N_("no stocktake with id {stocktake_id}"), stocktake_id=stocktake_id)
    if st.finished_at is not None:
        raise ValidationError("stocktake", N_("the stocktake of {location} is finished; start a new one"),
                              location=st.location)
    return st


def start_stocktake(ledger: Ledger, contract_id: uuid.UUID, location: str, *, actor: str) -> Outcome[uuid.UUID]:
    """Start a stocktake of ``location`` (exact text of the register's location); value: its id.
    ``ValidationError("location")`` for an empty location."""
    location = location.strip()
    if not location:
        raise ValidationError("location", N_("{field} is required"))
    with ledger.session() as s:
        st = Stocktake(contract_id=contract_id, location=location, started_at=utcnow(), started_by=actor)
        s.add(st)
        s.flush()
        ids = s.scalars(select(Asset.id).where(Asset.contract_id == contract_id, Asset.location == location,
                                               Asset.status != "retired").order_by(Asset.code)).all()
        for aid in ids:
            s.add(StocktakeLine(stocktake_id=st.id, asset_id=aid))
        audit.record(s, actor=actor, action="asset.stocktake_start", entity_kind="stocktake", entity_id=st.id,
                     summary=_("{location}: {count} assets", location=location, count=len(ids)))
        return Outcome(st.id, Changes.of("asset"))


def mark_line(ledger: Ledger, line_id: uuid.UUID, result: str, *, actor: str, moved_to: str = "") -> Outcome[uuid.UUID]:
    """Record what was found for one line: ``found``, ``missing`` or ``moved`` (``moved_to``
    required).  ``ValidationError("result"/"moved_to")`` otherwise."""
    if result not in ("found", "missing", "moved"):
        raise ValidationError("result", N_("unknown value “{value}”"), value=result)
    if result == "moved" and not moved_to.strip():
        raise ValidationError("moved_to", N_("{field} is required"))
    with ledger.session() as s:
        line = s.get(StocktakeLine, line_id)
        if line is None:
            raise NotFoundError(N_("no stocktake line with id {line_id}"), line_id=line_id)
        st = _open(s, line.stocktake_id)
        line.result, line.moved_to = result, moved_to.strip() if result == "moved" else ""
        line.at, line.actor = utcnow(), actor
        audit.record(s, actor=actor, action="asset.stocktake_mark", entity_kind="stocktake", entity_id=st.id,
                     summary=f"{label_of(StocktakeResult, result)} {line.moved_to}".strip(), details={"line_id": str(line.id)})
        return Outcome(line.id, Changes.of("asset"))


def add_unregistered(ledger: Ledger, stocktake_id: uuid.UUID, description: str, *, actor: str) -> Outcome[uuid.UUID]:
    """Note an item found at the location that the register does not list."""
    if not description.strip():
        raise ValidationError("description", N_("{field} is required"))
    with ledger.session() as s:
        st = _open(s, stocktake_id)
        line = StocktakeLine(stocktake_id=st.id, result="unregistered", description=description.strip(),
                             at=utcnow(), actor=actor)
        s.add(line)
        s.flush()
        audit.record(s, actor=actor, action="asset.stocktake_unregistered", entity_kind="stocktake",
                     entity_id=st.id, summary=description.strip()[:200])
        return Outcome(line.id, Changes.of("asset"))


def finish_stocktake(ledger: Ledger, stocktake_id: uuid.UUID, *, actor: str) -> Outcome[uuid.UUID]:
    """Finish: unseen lines become ``missing``; no mark is accepted afterwards.  Each registered
    asset of the stocktake gets a history entry (``AssetChange`` field ``stocktake``: ``old`` the
    location walked, ``new`` the result code, for ``moved`` followed by a tab and where it was
    found), with who marked it and when — the asset's page shows when it was last seen."""
    with ledger.session() as s:
        st = _open(s, stocktake_id)
        now = utcnow()
        unseen = 0
        for line in s.scalars(select(StocktakeLine).where(StocktakeLine.stocktake_id == st.id)
                              .order_by(StocktakeLine.id)):
            if line.result is None:
                line.result, line.at, line.actor = "missing", now, actor
                unseen += 1
            if line.asset_id is not None:
                seen = line.result + (f"\t{line.moved_to}" if line.result == "moved" else "")
                s.add(AssetChange(asset_id=line.asset_id, at=line.at or now, actor=line.actor or actor,
                                  field="stocktake", old=st.location, new=seen))
        st.finished_at = now
        audit.record(s, actor=actor, action="asset.stocktake_finish", entity_kind="stocktake", entity_id=st.id,
                     summary=_("{location}: {count} not seen, marked missing", location=st.location, count=unseen))
        return Outcome(st.id, Changes.of("asset"))


class Line(NamedTuple):
    """One stocktake line as shown: ids, asset code and name (empty for unregistered), result
    code (``None`` unseen), where it was found, description."""

    id: uuid.UUID
    asset_id: uuid.UUID | None
    code: str
    name: str
    result: str | None
    moved_to: str
    description: str


@dataclass(frozen=True)
class StocktakeView:
    """A stocktake with its lines (code order, unregistered last)."""

    id: uuid.UUID
    location: str
    started_at: datetime
    started_by: str
    finished_at: datetime | None
    lines: tuple[Line, ...]

    def discrepancies(self) -> list[Line]:
        """Missing, moved and not registered lines (the report)."""
        return [ln for ln in self.lines if ln.result in ("missing", "moved", "unregistered")]

    def count(self, result: str | None) -> int:
        """Lines with ``result`` (``None``: unseen)."""
        return sum(1 for ln in self.lines if ln.result == result)


def stocktake_view(ledger: Ledger, stocktake_id: uuid.UUID) -> StocktakeView | None:
    """The stocktake ``stocktake_id`` with its lines, or ``None``."""
    with ledger.session() as s:
        st = s.get(Stocktake, stocktake_id)
        if st is None:
            return None
        rows = s.execute(
            select(StocktakeLine.id, StocktakeLine.asset_id, Asset.code, Asset.name, StocktakeLine.result,
                   StocktakeLine.moved_to, StocktakeLine.description)
            .outerjoin(Asset, Asset.id == StocktakeLine.asset_id).where(StocktakeLine.stocktake_id == st.id)).all()
        lines = sorted((Line(r[0], r[1], r[2] or "", r[3] or "", r[4], r[5], r[6]) for r in rows),
                       key=lambda ln: (ln.asset_id is None, ln.code, ln.description))
        return StocktakeView(st.id, st.location, st.started_at, st.started_by, st.finished_at, tuple(lines))


def stocktakes(ledger: Ledger, contract_id: uuid.UUID | None) -> list[tuple[uuid.UUID, str, datetime, bool]]:
    """``(id, location, started_at, finished)`` of the contract's stocktakes, newest first."""
    if contract_id is None:
        return []
    with ledger.session() as s:
        return [(i, loc, at, fin is not None) for i, loc, at, fin in s.execute(
            select(Stocktake.id, Stocktake.location, Stocktake.started_at, Stocktake.finished_at)
            .where(Stocktake.contract_id == contract_id).order_by(Stocktake.started_at.desc()))]


def write_report(view: StocktakeView, out: Path) -> Path:
    """The discrepancy report of ``view`` as an xlsx file at ``out``; returns ``out``."""
    from openpyxl import Workbook  # noqa: PLC0415 - openpyxl only when a report is written

    from app.services.transfer.xlsx_safe import write_table  # noqa: PLC0415

    wb = Workbook()
    ws: Any = wb.active
    ws.title = _("Stocktake")
    headers = [_("Asset code"), _("Name"), _("Result"), _("Moved to"), _("Description")]
    rows = [[ln.code, ln.name, label_of(StocktakeResult, ln.result), ln.moved_to, ln.description]
            for ln in view.discrepancies()]
    ws.append([_("Stocktake of {location}", location=view.location)])
    write_table(ws, headers, rows, start_row=2)
    wb.save(out)
    return out
