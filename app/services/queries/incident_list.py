"""The incident list's SQL, built once per filter shape and run with bound values (no Qt).

Re-filtering the incident list used to rebuild its two statements (COUNT and the page) from
scratch on every keystroke, have SQLAlchemy derive their cache keys, and run them in two
sessions — about a millisecond of Python per statement on top of what SQLite does.  Here the
statements are built with ``bindparam`` placeholders for every filter value and cached by the
filter's *shape* (which fields are set, how many words, which word goes to the FTS index), sort
key, direction and dialect; a re-filter only binds the new values.  ``page_and_count`` runs both
in one session.  The rows and counts are exactly those of ``listing.query_incidents`` /
``count_incidents`` (which call this module).

The page query returns the id and the four instants as the driver gives them (``query_raw``:
no per-value conversion in SQLAlchemy); ``incident_row`` turns one such row into an
``IncidentRow`` (``uuid.UUID``, aware UTC ``datetime``s) — the Qt model converts a row only when
it is shown or its id is needed, so a re-filter costs its SQL plus what the view paints.

Shapes: ``statuses``/``severities``/``sla_ids`` are expanding bind parameters (``sla_ids`` rendered
inline at execution, so a long id list never meets SQLite's bound-variable limit); a text word
is ``w<n>``: a LIKE pattern (``listing.like_pattern``) or, for words of ``FTS_MIN_CHARS`` or more
when the database has the FTS5 index, a trigram phrase.
"""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, bindparam, exists, func, literal_column, or_, select, type_coerce
from sqlalchemy import table as text_table
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import ColumnElement, Select
from sqlalchemy.types import NullType

from app.core.timeutil import as_utc
from app.store.models import Engineer, Incident, IncidentService

Shape = tuple[Any, ...]

_TEXT_COLUMNS = (Incident.number, Incident.title, Incident.description, Incident.reporter_name,
                 Incident.reporter_department)


def _words(flt: Any) -> list[str]:
    return [w for w in (flt.text or "").split() if w]


def shape_of(flt: Any, fts: bool) -> Shape:
    """The hashable shape of an ``IncidentFilter``: what the statement's WHERE looks like, not the
    values bound into it.  ``fts``: the database has the trigram index."""
    from app.services.queries.listing import FTS_MIN_CHARS

    words = tuple(bool(fts and len(w) >= FTS_MIN_CHARS) for w in _words(flt))
    return (bool(flt.statuses), flt.open_only, bool(flt.severities), flt.engineer_id is not None,
            flt.service_id is not None, flt.start is not None, flt.end is not None, words,
            flt.sla_ids is not None)


def params_of(contract_id: uuid.UUID, flt: Any, fts: bool) -> dict[str, Any]:
    """The values bound into the statement of ``shape_of(flt, fts)``."""
    from app.services.queries.listing import FTS_MIN_CHARS, like_pattern

    p: dict[str, Any] = {"contract_id": contract_id}
    if flt.statuses:
        p["statuses"] = list(flt.statuses)
    if flt.severities:
        p["severities"] = list(flt.severities)
    if flt.engineer_id is not None:
        p["engineer_id"] = flt.engineer_id
    if flt.service_id is not None:
        p["service_id"] = flt.service_id
    if flt.start is not None:
        p["start"] = as_utc(flt.start)
    if flt.end is not None:
        p["end"] = as_utc(flt.end)
    for n, w in enumerate(_words(flt)):
        p[f"w{n}"] = '"' + w.replace('"', '""') + '"' if fts and len(w) >= FTS_MIN_CHARS else like_pattern(w)
    if flt.sla_ids is not None:
        p["sla_ids"] = sorted(flt.sla_ids) or [uuid.UUID(int=0)]  # empty: matches nothing
    return p


def _conds(shape: Shape) -> list[ColumnElement[bool]]:
    """The WHERE of ``shape`` with bind parameters named as ``params_of`` names them."""
    from app.services.queries.listing import FTS_TABLE, LIKE_ESCAPE

    statuses, open_only, severities, engineer, service, start, end, words, ids = shape
    conds: list[ColumnElement[bool]] = [Incident.contract_id == bindparam("contract_id")]
    if statuses:
        conds.append(Incident.status.in_(bindparam("statuses", expanding=True)))
    if open_only:
        conds.append(Incident.status != "closed")
    if severities:
        conds.append(Incident.severity.in_(bindparam("severities", expanding=True)))
    if engineer:
        conds.append(Incident.assignee_id == bindparam("engineer_id"))
    if service:
        conds.append(exists().where(IncidentService.incident_id == Incident.id,
                                    IncidentService.service_id == bindparam("service_id")))
    if start:
        conds.append(Incident.occurred_at >= bindparam("start"))
    if end:
        conds.append(Incident.occurred_at < bindparam("end"))
    parts: list[ColumnElement[bool]] = []
    for n, in_fts in enumerate(words):
        word: Any = bindparam(f"w{n}")
        if in_fts:
            rowid: Any = literal_column(f"{Incident.__tablename__}.rowid")
            parts.append(rowid.in_(select(literal_column("rowid")).select_from(text_table(FTS_TABLE))
                                   .where(literal_column(FTS_TABLE).op("MATCH")(word))))
        else:
            parts.append(or_(*[c.ilike(word, escape=LIKE_ESCAPE) for c in _TEXT_COLUMNS]))
    if parts:
        conds.append(and_(*parts))
    if ids:
        conds.append(Incident.id.in_(bindparam("sla_ids", expanding=True, literal_execute=True)))
    return conds


_cache: dict[tuple[Any, ...], Select[Any]] = {}
_lock = threading.Lock()


def _cached(key: tuple[Any, ...], build: Any) -> Select[Any]:
    with _lock:
        stmt = _cache.get(key)
    if stmt is None:
        stmt = build()
        with _lock:
            if len(_cache) > 512:  # shapes are few; this only bounds a pathological caller
                _cache.clear()
            _cache[key] = stmt
    return stmt


def count_statement(shape: Shape) -> Select[Any]:
    """``SELECT count(*)`` of the incidents of ``shape`` (cached)."""
    return _cached(("count", shape), lambda: select(func.count()).select_from(Incident).where(*_conds(shape)))


def page_statement(shape: Shape, sort_key: str, descending: bool, paged: bool) -> Select[Any]:
    """The page query of ``shape`` ordered by ``sort_key`` (ties by id), with ``:offset``/``:limit``
    bound when ``paged`` (cached).  Raises ``ValueError`` for an unknown ``sort_key``."""
    from app.services.queries.listing import _order

    def build() -> Select[Any]:
        eng = aliased(Engineer)
        assignee = func.coalesce(eng.name, "")
        raw = NullType()
        stmt: Any = (select(type_coerce(Incident.id, raw).label("id"), Incident.number, Incident.title, Incident.severity,
                       Incident.status, Incident.source, assignee.label("assignee"), Incident.reporter_name,
                       *(type_coerce(c, raw).label(c.key) for c in (Incident.occurred_at, Incident.reported_at,
                                                                     Incident.restored_at, Incident.closed_at)))
                .outerjoin(eng, eng.id == Incident.assignee_id).where(*_conds(shape)))
        cols = {"number": Incident.number, "title": Incident.title, "severity": Incident.severity,
                "status": Incident.status, "source": Incident.source, "assignee": assignee,
                "reporter": Incident.reporter_name, "occurred_at": Incident.occurred_at,
                "reported_at": Incident.reported_at, "restored_at": Incident.restored_at,
                "closed_at": Incident.closed_at}
        stmt = _order(stmt, cols, sort_key, descending, Incident.id)
        if paged:
            stmt = stmt.limit(bindparam("limit")).offset(bindparam("offset"))
        return stmt

    return _cached(("page", shape, sort_key, descending, paged), build)


def _uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(hex=value)


def _instant(value: Any) -> datetime | None:
    """A driver's instant (SQLite: ``'YYYY-MM-DD HH:MM:SS.ffffff'`` UTC text; PostgreSQL: an
    aware ``datetime``) as an aware UTC ``datetime`` — what ``UTCDateTime`` gives back."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def incident_row(raw: Any) -> Any:
    """The ``listing.IncidentRow`` of one row of ``query_raw``."""
    from app.services.queries.listing import IncidentRow

    occurred, reported = _instant(raw[8]), _instant(raw[9])
    if occurred is None or reported is None:  # NOT NULL columns: a broken row, not a user error
        raise ValueError(f"incident row {raw[1]!r} has no occurred/reported instant")
    return IncidentRow(_uuid(raw[0]), raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7],
                       occurred, reported, _instant(raw[10]), _instant(raw[11]))


def query_raw(session: Session, contract_id: uuid.UUID, flt: Any, sort_key: str, descending: bool,
              offset: int, limit: int | None) -> list[Any]:
    """One page as the driver's rows (``incident_row`` converts one); arguments as
    ``listing.query_incidents``.  Raises ``ValueError`` for an unknown ``sort_key``."""
    from app.services.queries.listing import INCIDENT_SORT_KEYS, _incident_fts

    if sort_key not in INCIDENT_SORT_KEYS:
        raise ValueError(f"unknown sort key {sort_key!r}; known: {', '.join(INCIDENT_SORT_KEYS)}")
    fts = _incident_fts(session) is not None
    params = params_of(contract_id, flt, fts)
    paged = limit is not None
    if paged:
        params["limit"], params["offset"] = max(0, int(limit or 0)), max(0, int(offset))
    stmt = page_statement(shape_of(flt, fts), sort_key, descending, paged)
    rows = session.connection().execute(stmt, params).all()
    return list(rows[max(0, int(offset)):]) if not paged and offset else list(rows)


def query(session: Session, contract_id: uuid.UUID, flt: Any, sort_key: str, descending: bool,
          offset: int, limit: int | None) -> list[Any]:
    """One page of ``IncidentRow``s (see ``listing.query_incidents``)."""
    return [incident_row(r) for r in query_raw(session, contract_id, flt, sort_key, descending, offset, limit)]


def count(session: Session, contract_id: uuid.UUID, flt: Any) -> int:
    """How many incidents match ``flt`` (see ``listing.count_incidents``)."""
    from app.services.queries.listing import _incident_fts

    fts = _incident_fts(session) is not None
    stmt = count_statement(shape_of(flt, fts))
    return int(session.connection().execute(stmt, params_of(contract_id, flt, fts)).scalar_one())
