"""The one structure of every log import (故障台账, 工单台账): a small generic row importer driven by
a per-kind ``RecordSpec``.  The rules are those of ``record_import``; each lives here once.

``run_import(session, contract, path, spec, actor=, dry_run=)``:

1. guard and open the workbook read-only (``import_sheet._open``), read the main sheet row by
   row into checked records (``import_sheet._read``: header, cells, names, vocab labels), then let
   the kind read its side sheets (``spec.read_sides``);
2. per row: the workflow's timeline order and the instants its status needs
   (``app.core.timeline`` through ``import_checks._order`` / ``_status_instants``); record numbers
   unique in the file and the database (``import_checks._check_numbers``); the kind's checks across
   sheets (``spec.check``);
3. any problem: ``ImportRejected`` with every problem sorted by (row, column), nothing written;
   ``dry_run``: the numbers that would be used;
4. otherwise, in the caller's transaction: number sequences advanced past the file's numbers,
   rows without a number numbered (``app.services.numbering.next_number``), and every record
   written with one executemany per table in batches of ``BATCH_ROWS`` records (the parent table
   first, then its child tables: no ORM object per row, so memory holds one batch) — on SQLite
   the driver's own, the statement compiled once and each value through its column type's bind
   processor (``_DriverInsert``), on PostgreSQL a Core ``insert`` (SQLAlchemy's
   ``insertmanyvalues`` batches) — inside ``spec.bulk`` (for incidents: the full-text index filled
   once for the new rows, ``app.store.search_index``); one audit event (``spec.audit_action``)
   names the file and the count.

Inserts fill every column the kind leaves out from the column's Python default (``id`` UUIDs,
``version`` 1, ``incident_class`` …) or ``None``, so every parameter set of a table has the same
keys and the rows equal those the ORM would write (PostgreSQL included: UUID, aware UTC instants
through ``UTCDateTime``, JSON).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from app.core import i18n, timeline
from app.core.timeutil import LOCAL_TZ, utcnow
from app.errors import ImportRejected, OpsLedgerError, RowProblem
from app.services import audit
from app.services.numbering import next_number
from app.services.transfer.columns import Column, normalise_header
from app.services.transfer.import_cells import BATCH_ROWS
from app.services.transfer.import_checks import (
    ImportResult,
    _advance_sequences,
    _check_numbers,
    _order,
    _status_instants,
)
from app.services.transfer.import_sheet import _Lookups, _open, _pick_sheet, _read, _unreadable
from app.store.models import Contract

Record = dict[str, Any]
Rows = list[tuple[int, Record]]


@dataclass
class ImportContext:
    """What a kind's hooks see: the session and contract, the name lookups, the file (``path``,
    its name ``source``), the ``actor``, the problem list to append to, the import's ``now`` (aware UTC)
    and ``state``, the kind's own findings from its side sheets."""

    session: Session
    contract: Contract
    lookups: _Lookups
    path: Path
    source: str
    actor: str
    problems: list[RowProblem]
    now: datetime
    state: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordSpec:
    """One log kind for ``run_import``.

    ``kind`` (``"incidents"``/``"requests"``: sheet choice and ``ImportResult.kind``), ``model``
    (its ORM class: text limits, number uniqueness), ``columns`` of the main sheet,
    ``order`` / ``status_instants`` / ``statuses`` (the workflow's tables in ``app.core.timeline``
    and its status vocabulary), ``implied_status``: ``(fields, status)`` pairs, the first whose
    field is filled gives the status of a row that names none; ``number_prefix`` and
    ``number_instant`` (the local year of that instant numbers a row without a number);
    ``read_sides(ctx, wb, main_ws, recs)`` reads the side sheets into ``ctx.state``;
    ``check(ctx, recs)`` appends the cross-sheet problems; ``rows(ctx, rec, number)`` yields the
    ``(table, values)`` to insert for one record, the parent first; ``audit_action`` /
    ``entity_kind`` / ``noun`` (``"incidents"``) for the one audit event; ``bulk(session, rows)``
    a context around the writing of ``rows`` records (the incidents' full-text index filled once
    for all, ``app.store.search_index``; default: nothing)."""

    kind: str
    model: Any
    columns: list[Column]
    order: tuple[timeline.OrderRule, ...]
    status_instants: dict[str, tuple[str, ...]]
    statuses: type[StrEnum]
    implied_status: tuple[tuple[tuple[str, ...], str], ...]
    number_prefix: str
    number_instant: str
    read_sides: Callable[[ImportContext, Any, Any, Rows], None]
    check: Callable[[ImportContext, Rows], None]
    rows: Callable[[ImportContext, Record, str], Iterator[tuple[Table, dict[str, Any]]]]
    audit_action: str
    entity_kind: str
    noun: str
    bulk: Callable[[Session, int], AbstractContextManager[Any]] = lambda _session, _rows: nullcontext()

    @property
    def labels(self) -> dict[str, str]:
        """Record key → Chinese header of the main sheet (the column a problem names)."""
        return {c.key: c.zh for c in self.columns}

    def status_of(self, rec: Record) -> str:
        """The row's status: the one it names, else the one its filled instants imply."""
        if rec.get("status"):
            return str(rec["status"])
        for fields, status in self.implied_status:
            if any(rec.get(f) for f in fields):
                return status
        return "new"


def side_sheet(wb: Any, main_ws: Any, *titles: str) -> Any:
    """The worksheet of ``wb`` titled one of ``titles`` (compared by ``normalise_header``), other
    than the main sheet; ``None`` when there is none."""
    wanted = {normalise_header(t) for t in titles}
    return next((w for w in wb.worksheets if normalise_header(w.title) in wanted and w is not main_ws), None)


def run_import(session: Session, contract: Contract, path: str | Path, spec: RecordSpec, *,
               actor: str = "import", dry_run: bool = False) -> ImportResult:
    """Import the ``spec.kind`` log in ``path`` into ``contract`` (see the module text).

    Raises ``ImportRejected`` (every problem, nothing written) or ``ValidationError`` for a file
    that is not a safe, readable .xlsx workbook.  Returns the ``ImportResult`` (numbers in file
    order).  The caller commits (one ``with db.session()`` = one transaction)."""
    path = Path(path)
    ctx = ImportContext(session, contract, _Lookups(session, contract), path, path.name, actor, [], utcnow())
    wb = _open(path, ctx.problems)
    try:
        ws = _pick_sheet(wb, spec.kind)
        recs = list(_read(path, ws, spec.columns, spec.model, ctx.lookups, ctx.problems, ws.title))
        spec.read_sides(ctx, wb, ws, recs)
    except OpsLedgerError:
        raise
    except Exception as exc:  # noqa: BLE001 - a part openpyxl cannot parse while streaming rows
        raise _unreadable(exc) from exc
    finally:
        wb.close()
    labels = spec.labels
    for row, rec in recs:
        _order(row, ctx.problems, rec, spec.order, labels)
        _status_instants(row, ctx.problems, rec, spec.status_instants, spec.statuses, labels)
    _check_numbers(session, spec.model, recs, labels["number"], ctx.problems)
    spec.check(ctx, recs)
    if ctx.problems:
        ctx.problems.sort(key=lambda p: (p.row, p.column))
        raise ImportRejected(ctx.source, ctx.problems)
    result = ImportResult(spec.kind, dry_run=dry_run)
    if dry_run:
        result.numbers = [rec.get("number") or "(new)" for _, rec in recs]
        return result

    _advance_sequences(session, [rec["number"] for _, rec in recs if rec.get("number")])
    writer = CoreWriter(session)
    recs.reverse()
    done = 0
    with spec.bulk(session, len(recs)):
        while recs:  # popped, so a written record is let go
            _, rec = recs.pop()
            number = rec.get("number") or next_number(
                session, spec.number_prefix, rec[spec.number_instant].astimezone(LOCAL_TZ).year)
            for table, values in spec.rows(ctx, rec, number):
                writer.add(table, values)
            result.numbers.append(number)
            done += 1
            if done % BATCH_ROWS == 0:
                writer.flush()
        writer.flush()
    audit.record(session, actor=actor, action=spec.audit_action, entity_kind=spec.entity_kind,
                 summary=i18n._("{count} {records} imported from {file}", count=result.count, records=i18n._(spec.noun),
                           file=ctx.source),
                 details={"file": ctx.source, "count": result.count})
    session.flush()
    return result


class CoreWriter:
    """Rows gathered per table and written with one executemany per table and batch, tables in
    the order they were first given (parents before children): on SQLite the driver's own
    (``_DriverInsert``), elsewhere a Core ``insert``."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._pending: dict[Table, list[dict[str, Any]]] = {}
        self._fill: dict[Table, list[tuple[str, Any]]] = {}
        self._plans: dict[Table, _DriverInsert] = {}

    def add(self, table: Table, values: dict[str, Any]) -> None:
        """Queue one row of ``table``; columns left out take their default (see the module text)."""
        fill = self._fill.get(table)
        if fill is None:
            fill = self._fill[table] = _fillers(table)
        for key, make in fill:
            if key not in values:
                values[key] = make()
        self._pending.setdefault(table, []).append(values)

    def flush(self) -> None:
        """Write every queued row (the session's connection, so in its transaction)."""
        self.session.flush()  # anything the ORM holds (sequences) goes first
        conn = self.session.connection()
        for table, rows in self._pending.items():
            if not rows:
                continue
            if conn.dialect.name == "sqlite":
                plan = self._plans.get(table)
                if plan is None:
                    plan = self._plans[table] = _DriverInsert(table, list(rows[0]), conn.dialect)
                plan.run(conn, rows)
            else:  # PostgreSQL: SQLAlchemy's insertmanyvalues batches do better than executemany
                conn.execute(table.insert(), rows)
            rows.clear()


class _DriverInsert:
    """One table's ``INSERT`` compiled once for the keys of its rows, run through the driver's own
    ``executemany`` (``Connection.exec_driver_sql``) with each value converted by its column
    type's bind processor — what ``Connection.execute(insert, rows)`` does, without building
    SQLAlchemy's parameter dict per row.  Every row must have the first row's keys (as for Core
    executemany; a missing key raises ``KeyError``)."""

    def __init__(self, table: Table, keys: list[str], dialect: Any) -> None:
        compiled = table.insert().compile(dialect=dialect, column_keys=keys)
        order = list(compiled.positiontup or ())
        if not compiled.positional or sorted(order) != sorted(keys):  # pragma: no cover - not qmark
            raise RuntimeError(f"cannot run {table.name} inserts positionally")
        self.sql = compiled.string
        self.plan = [(k, table.c[k].type.dialect_impl(dialect).bind_processor(dialect)) for k in order]

    def run(self, conn: Any, rows: list[dict[str, Any]]) -> None:
        """Insert ``rows`` (dicts keyed as the first) on ``conn``."""
        plan = self.plan
        conn.exec_driver_sql(self.sql, [tuple([v if (v := r[k]) is None or p is None else p(v)
                                               for k, p in plan]) for r in rows])


def _fillers(table: Table) -> list[tuple[str, Any]]:
    """(column, value maker) for every column of ``table``: its scalar or callable Python default,
    else ``None`` (nullable) — columns with only a server default are left to the server."""
    out: list[tuple[str, Any]] = []
    for col in table.columns:
        default: Any = col.default
        if default is not None and getattr(default, "is_scalar", False):
            out.append((col.key, lambda v=default.arg: v))
        elif default is not None and getattr(default, "is_callable", False):
            out.append((col.key, lambda fn=default.arg: fn(None)))  # SQLAlchemy's wrapper takes a context
        elif col.server_default is None and col.nullable:
            out.append((col.key, lambda: None))
    return out
