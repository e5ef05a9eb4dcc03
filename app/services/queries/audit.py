"""The audit trail as a list (审计日志): filtered, sorted and paged in SQL; exported to xlsx.

Same shape as ``app.services.queries.listing``: ``AuditFilter``, ``query_audit(session, flt,
sort_key, descending, offset, limit) -> list[AuditRow]`` and ``count_audit(session, flt)``.
Audit events belong to the ledger, not to one contract.  ``read_recorded_head(path)`` reads the
chain head written into a report (PDF/DOCX/XLSX metadata) or a backup manifest.
"""

from __future__ import annotations

import json
import re
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple, cast

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement, Select

from app.core.i18n import N_
from app.core.timeutil import as_utc, fmt_local
from app.core.vocab import AuditAction, AuditOutcome, AuditSubject, ClockJump, label, label_of
from app.errors import ValidationError
from app.services.audit import ChainHead, parse_token
from app.services.queries.listing import _order, _page, _text_clause
from app.store.models import AuditEvent


@dataclass(frozen=True)
class AuditFilter:
    """``start``/``end``: ``at`` in ``[start, end)`` (aware; naive read as local); ``actor``:
    exact name (empty = all); ``kind``: the action's first part (``incident`` matches
    ``incident.close``; empty = all); ``text``: free text over summary, action and entity id."""

    start: datetime | None = None
    end: datetime | None = None
    actor: str = ""
    kind: str = ""
    text: str = ""


class AuditRow(NamedTuple):
    """One audit event as the list shows it (``at`` aware UTC)."""

    id: uuid.UUID
    seq: int
    at: datetime
    utc_offset_minutes: int
    actor: str
    action: str
    entity_kind: str
    entity_id: str
    summary: str
    outcome: str
    clock: str
    details: dict[str, Any]
    hash: str


AUDIT_SORT_KEYS = ("seq", "at", "actor", "action", "entity_kind", "outcome")


def actions_labelled(text: str) -> list[str]:
    """The action codes whose label (current language or English) contains ``text`` (trimmed,
    case-insensitive): typing 编辑故障 finds ``incident.update``."""
    t = (text or "").strip().casefold()
    if not t:
        return []
    return [a.value for a in AuditAction if t in label(a).casefold() or t in label(a, "en").casefold()]


def _conds(flt: AuditFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if flt.start is not None:
        conds.append(AuditEvent.at >= as_utc(flt.start))
    if flt.end is not None:
        conds.append(AuditEvent.at < as_utc(flt.end))
    if flt.actor:
        conds.append(AuditEvent.actor == flt.actor)
    if flt.kind:
        conds.append((AuditEvent.action == flt.kind) | AuditEvent.action.startswith(flt.kind + ".", autoescape=True))
    text = _text_clause(flt.text, [AuditEvent.summary, AuditEvent.action, AuditEvent.entity_id])
    if text is not None:
        labelled = actions_labelled(flt.text)
        conds.append(or_(text, AuditEvent.action.in_(labelled)) if labelled else text)
    return conds


def query_audit(session: Session, flt: AuditFilter | None = None, sort_key: str = "seq", descending: bool = True,
                offset: int = 0, limit: int | None = 200) -> list[AuditRow]:
    """One page of audit events as ``AuditRow``s (``sort_key`` in ``AUDIT_SORT_KEYS``; ties by
    seq).  Raises ``ValueError`` for an unknown key."""
    flt = flt or AuditFilter()
    c = AuditEvent
    stmt = cast("Select[Any]", select(c.id, c.seq, c.at, c.utc_offset_minutes, c.actor, c.action, c.entity_kind,
                                      c.entity_id, c.summary, c.outcome, c.clock, c.details, c.hash))
    stmt = stmt.where(*_conds(flt))
    cols = {k: getattr(c, k) for k in AUDIT_SORT_KEYS}
    stmt = _page(_order(stmt, cols, sort_key, descending, c.seq), offset, limit)
    return [AuditRow(*r) for r in session.execute(stmt)]


def count_audit(session: Session, flt: AuditFilter | None = None) -> int:
    """How many audit events match ``flt`` (one ``COUNT``)."""
    return int(session.execute(select(func.count()).select_from(AuditEvent).where(*_conds(flt or AuditFilter())))
               .scalar_one())


def audit_actors(session: Session) -> list[str]:
    """Every actor name in the trail, sorted (for the filter box)."""
    return sorted(a for a in session.scalars(select(AuditEvent.actor).distinct()) if a)


def audit_kinds(session: Session) -> list[str]:
    """The action kinds (first part of ``action``) present in the trail, sorted."""
    return sorted({a.split(".", 1)[0] for a in session.scalars(select(AuditEvent.action).distinct()) if a})


def export_audit(session: Session, out: Path, flt: AuditFilter | None = None) -> int:
    """Write the matching events (oldest first) to the xlsx ``out``; returns the row count.
    Columns: seq, local time, UTC offset, actor, action (its label), entity (kind label and id),
    summary, details (JSON), outcome and clock flag (labels), hash.  Streams with openpyxl's write-only mode."""
    from openpyxl import Workbook  # noqa: PLC0415

    from app.core.i18n import _  # noqa: PLC0415

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("Audit trail"))
    ws.append([_("Seq"), _("Time"), _("UTC offset (minutes)"), _("Actor"), _("Action"), _("Entity"),
               _("Summary"), _("Details"), _("Outcome"), _("Clock"), "SHA-256"])
    n, offset = 0, 0
    while True:
        rows = query_audit(session, flt, "seq", False, offset, 2000)
        for r in rows:
            ws.append([r.seq, fmt_local(r.at, "%Y-%m-%d %H:%M:%S"), r.utc_offset_minutes, r.actor,
                       label_of(AuditAction, r.action),
                       f"{label_of(AuditSubject, r.entity_kind)} {r.entity_id}".strip(), r.summary,
                       json.dumps(r.details, ensure_ascii=False), label_of(AuditOutcome, r.outcome),
                       label_of(ClockJump, r.clock), r.hash])
        n += len(rows)
        offset += len(rows)
        if len(rows) < 2000:
            break
    wb.save(out)
    return n


def read_recorded_head(path: Path) -> ChainHead:
    """The chain head recorded in ``path``: a report (.pdf: document info; .docx/.xlsx:
    ``docProps/core.xml`` keywords) or a backup manifest (``*.manifest.json``, key
    ``audit_head``).  Raises ``ValidationError("--head-from")`` when the file cannot be read or
    holds no head."""
    path = Path(path)
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            head = data.get("audit_head") or {}
            found = ChainHead(int(head["seq"]), str(head["hash"])) if head else None
        elif path.suffix.lower() in (".docx", ".xlsx"):
            with zipfile.ZipFile(path) as z:
                found = parse_token(z.read("docProps/core.xml").decode("utf-8", "replace"))
        else:
            raw = path.read_bytes()
            m = re.search(rb"opsledger-audit:\d+:[0-9a-f]{64}", raw)
            found = parse_token(m.group(0).decode("ascii")) if m else None
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise ValidationError("--head-from", N_("cannot read {path}: {value}"), path=path, value=exc) from None
    if found is None:
        raise ValidationError("--head-from", N_("{path} records no audit chain head"), path=path)
    return found
