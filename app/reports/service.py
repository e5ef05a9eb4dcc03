"""Generate, record and match exported contract reports; keep their editable narrative.

One user action = one transaction: ``generate_report`` builds the data, composes the document,
renders the file, hashes it (SHA-256) and records a ``ReportRecord`` plus an audit event in the
same session.  A client's copy of a report can later be matched to its record by hash
(``match_file``).
"""

from __future__ import annotations

import hashlib
import importlib
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import N_, _
from app.core.periods import KINDS, Period, parse_period
from app.core.profile import profile_of
from app.core.timeutil import utcnow
from app.errors import ValidationError
from app.reports.compose.composer import CoverNames, compose
from app.reports.data.builder import build_report_data
from app.services import audit
from app.store.models import Contract, ReportNarrative, ReportRecord

FORMATS = ("pdf", "xlsx", "docx")
RENDERERS = {
    "pdf": "app.reports.render.pdf:render_pdf",
    "xlsx": "app.reports.render.xlsx:render_xlsx",
    "docx": "app.reports.render.docx:render_docx",
}
Progress = Callable[[int, int], None]


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of the file's bytes (read in 1 MiB chunks)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def check_output(out: Path, fmt: str) -> Path:
    """Refuse an output path that cannot be written, before any work.

    Raises ``ValidationError("--format")`` for an unknown format and ``ValidationError("--out")``
    when ``out`` is a directory, its folder does not exist and cannot be created, or the folder
    or an existing file is not writable.  Returns the absolute path.
    """
    if fmt not in FORMATS:
        raise ValidationError("--format", N_("unknown format “{fmt}”; one of {formats}"), fmt=fmt, formats=FORMATS)
    out = Path(out).expanduser().absolute()
    if out.is_dir():
        raise ValidationError("--out", N_("{out} is a folder; give a file name"), out=out)
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError("--out", N_("cannot create the folder {parent}: {value}"), parent=parent, value=exc.strerror or exc) from None
    if not os.access(parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise ValidationError("--out", N_("{out} is not writable"), out=out)
    return out


def _renderer(fmt: str) -> Callable[..., Path]:
    mod, fn = RENDERERS[fmt].split(":")
    try:
        return getattr(importlib.import_module(mod), fn)  # type: ignore[no-any-return]
    except (ImportError, AttributeError):
        raise ValidationError("--format", N_("the {fmt} renderer is not available in this build"), fmt=fmt) from None


def cover_names(contract: Contract, period: Period) -> CoverNames:
    """The cover's document number and 编制/审核/批准 names from the settings
    (``report_number_format`` with ``{contract}``, ``{kind}``, ``{period}``; ``report_prepared_by``,
    ``report_reviewed_by``, ``report_approved_by``).  A format naming an unknown field falls back
    to the default ``{contract}-{period}``."""
    from app import settings  # noqa: PLC0415 - settings touch the config folder only when asked

    values = settings.load()
    fields = {"contract": contract.name, "kind": period.kind, "period": period.key}
    try:
        number = str(values["report_number_format"]).format(**fields)
    except (KeyError, IndexError, ValueError):
        number = "{contract}-{period}".format(**fields)
    return CoverNames(number, values["report_prepared_by"], values["report_reviewed_by"],
                      values["report_approved_by"])


def load_narrative(session: Session, contract: Contract, kind: str, period_key: str) -> dict[str, str]:
    """The saved narrative ``{"summary", "problems", "plan"}`` (empty strings when none saved)."""
    n = session.scalars(select(ReportNarrative).where(
        ReportNarrative.contract_id == contract.id, ReportNarrative.kind == kind,
        ReportNarrative.period_key == period_key)).first()
    if n is None:
        return {"summary": "", "problems": "", "plan": ""}
    return {"summary": n.summary, "problems": n.problems, "plan": n.plan}


def save_narrative(session: Session, contract: Contract, kind: str, period_key: str, summary: str,
                   problems: str, plan: str, *, actor: str) -> ReportNarrative:
    """Create or replace the narrative of (contract, kind, period) and audit it; caller commits.

    Raises ``ValidationError("kind")`` for a kind neither built in nor defined by the profile.
    """
    if kind not in known_kinds(contract):
        raise ValidationError("kind", N_("unknown report kind “{kind}”"), kind=kind)
    n = session.scalars(select(ReportNarrative).where(
        ReportNarrative.contract_id == contract.id, ReportNarrative.kind == kind,
        ReportNarrative.period_key == period_key)).first()
    if n is None:
        n = ReportNarrative(contract_id=contract.id, kind=kind, period_key=period_key, updated_at=utcnow())
        session.add(n)
    n.summary, n.problems, n.plan, n.updated_at = summary or "", problems or "", plan or "", utcnow()
    session.flush()
    audit.record(session, actor=actor, action="report.narrative", entity_kind="report_narrative",
                 entity_id=n.id, summary=_("{report} {period}: narrative saved",
                                                         report=profile_of(contract).report_title(kind),
                                                         period=period_key))
    return n


def generate_report(db_or_session: Any, contract: Contract, kind: str, period: Period | str, fmt: str,
                    out: Path, *, actor: str, progress: Progress | None = None,
                    now: datetime | None = None, today: date | None = None) -> ReportRecord:
    """Build, compose and render one report to ``out`` and record it.

    ``db_or_session``: a ``Database`` (one transaction is opened and committed here) or an open
    ``Session`` (the caller commits).  ``period`` is a ``Period`` or a key parsed with
    ``parse_period`` (``today`` for the future check).  ``fmt``: ``pdf`` | ``xlsx`` | ``docx``;
    the renderer is imported lazily.  Returns the ``ReportRecord`` (who, when, kind, period,
    format, path, SHA-256 of the file).  Raises ``ValidationError`` for a bad format, period or
    an unwritable ``out`` (checked before any work).
    """
    out = check_output(Path(out), fmt)
    known_kinds(contract, kind)
    render = _renderer(fmt)
    if isinstance(db_or_session, Session):
        return _generate(db_or_session, contract, kind, period, fmt, out, actor, progress, render, now, today)
    with db_or_session.session() as s:
        c = s.get(Contract, contract.id)
        rec = _generate(s, c, kind, period, fmt, out, actor, progress, render, now, today)
        s.flush()
        s.expunge(rec)
        return rec


def known_kinds(contract: Contract, kind: str | None = None) -> tuple[str, ...]:
    """The report kinds ``contract`` can print: the built-in ``KINDS`` and the kinds its profile
    defines (``reports[*].kind``, e.g. ``weekly-security``).  Raises ``ValidationError("--kind")``
    when ``kind`` is given and is neither."""
    kinds = tuple(dict.fromkeys([*KINDS, *(r.kind for r in profile_of(contract).reports)]))
    if kind is not None and kind not in kinds:
        raise _unknown_kind(kind, kinds)
    return kinds


def _unknown_kind(kind: str, kinds: tuple[str, ...]) -> ValidationError:
    return ValidationError("--kind", N_("unknown report kind “{kind}”; one of {kinds}"), kind=kind, kinds=kinds)


#: ``app.core.periods`` kind of a profile report kind's ``period`` (day and term are cut by
#: ``app.services.delivery.schedule``).
PERIOD_KIND = {"week": "weekly", "month": "monthly", "quarter": "quarterly", "half_year": "half-year",
                "year": "annual"}


def report_period(contract: Contract, kind: str, key: str, today: date | None = None) -> Period:
    """The period ``key`` of report ``kind``: a built-in kind's key (``parse_period``); for a kind
    the profile defines, a key of its ``period`` (``2026-W12`` for a week, ``2026-03`` for a month …,
    an ISO date for a day, anything for the term).  Raises ``ValidationError("--period")`` for a
    malformed key, ``ValidationError("--kind")`` for an unknown kind."""
    if kind in KINDS:
        return parse_period(kind, key, contract, today)
    spec = profile_of(contract).report(kind)
    if spec is None:
        raise _unknown_kind(kind, known_kinds(contract))
    if spec.period in PERIOD_KIND:
        return parse_period(PERIOD_KIND[spec.period], key, contract, today)
    from app.services.delivery import schedule  # noqa: PLC0415 - day/term periods are cut there

    owed = schedule.owed_report(contract, kind)
    if owed is None:
        raise _unknown_kind(kind, known_kinds(contract))
    day = contract.term_start
    if spec.period == "day":
        try:
            day = date.fromisoformat(key)
        except ValueError:
            raise ValidationError("--period", N_("“{key}” is not a {kind} period key (expected {examples})"),
                                  key=key, kind=kind, examples="2026-03-09") from None
    return schedule.period_of(contract, owed, day)


def _generate(s: Session, contract: Contract, kind: str, period: Period | str, fmt: str, out: Path, actor: str,
              progress: Progress | None, render: Callable[..., Path], now: datetime | None,
              today: date | None) -> ReportRecord:
    p = period if isinstance(period, Period) else report_period(contract, kind, period, today)
    if kind in KINDS and p.kind != kind:
        raise ValidationError("--period", N_("{key} is a {kind} period, not {kind2}"), key=p.key, kind=p.kind, kind2=kind)
    data = build_report_data(s, contract, p, now=now)
    doc = compose(data, narrative=load_narrative(s, contract, kind, p.key), names=cover_names(contract, p),
                  kind=kind)
    attach_chain_head(doc, audit.chain_head(s))
    path = Path(render(doc, out, progress) or out)
    digest = sha256_file(path)
    rec = ReportRecord(contract_id=contract.id, kind=kind, period_key=p.key, period_start=p.start,
                       period_end=p.end, format=fmt, path=str(path), sha256=digest, exported_at=utcnow(),
                       exported_by=actor)
    s.add(rec)
    s.flush()
    audit.record(s, actor=actor, action="report.export", entity_kind="report_record", entity_id=rec.id,
                 summary=f"{profile_of(contract).report_title(kind)} {p.key} {fmt.upper()} → {path.name}",
                 details={"path": str(path), "sha256": digest, "period": p.key, "kind": kind, "format": fmt})
    return rec


def record_is_audited(session: Session, rec: ReportRecord) -> bool:
    """Whether the ``report.export`` audit event of ``rec`` names the same file hash and path.

    The audit event is hash-chained (``app.services.audit``): a record whose ``sha256`` was
    re-written to match a forged file no longer matches its event, and changing the event breaks
    the chain."""
    from app.store.models import AuditEvent  # noqa: PLC0415

    events = session.scalars(select(AuditEvent).where(AuditEvent.action == "report.export",
                                                      AuditEvent.entity_id == str(rec.id)))
    return any((ev.details or {}).get("sha256") == rec.sha256 and (ev.details or {}).get("path") == rec.path
               for ev in events)


def attach_chain_head(doc: Any, head: audit.ChainHead) -> None:
    """Write the audit chain ``head`` into ``doc``: a line under every sign-off block and the
    metadata token, so a client's copy proves what the chain was (``opsledger audit verify
    --head-from``)."""
    from app.reports.compose.document import SignOff  # noqa: PLC0415

    doc.audit_token = head.token()
    for block in doc.blocks:
        if isinstance(block, SignOff):
            block.audit_line = head.line()


def list_exported(session: Session, contract: Contract | None = None) -> list[ReportRecord]:
    """Exported reports, newest first (all contracts when ``contract`` is None)."""
    q = select(ReportRecord).order_by(ReportRecord.exported_at.desc())
    if contract is not None:
        q = q.where(ReportRecord.contract_id == contract.id)
    return list(session.scalars(q))


def record_title(session: Session, rec: ReportRecord) -> str:
    """What the contract of exported report ``rec`` calls its kind (``ContractProfile.report_title``:
    运维月报 where the profile titles ``monthly``, else 月报); the kind code for a contract gone."""
    contract = session.get(Contract, rec.contract_id)
    return profile_of(contract).report_title(rec.kind) if contract is not None else rec.kind


def match_file(session: Session, path: Path) -> ReportRecord | None:
    """The ``ReportRecord`` whose SHA-256 equals the file's, or ``None`` (e.g. an edited copy).

    Raises ``ValidationError("--verify")`` when the file cannot be read."""
    try:
        digest = sha256_file(Path(path))
    except OSError as exc:
        raise ValidationError("--verify", N_("cannot read {path}: {value}"), path=path, value=exc.strerror or exc) from None
    return session.scalars(select(ReportRecord).where(ReportRecord.sha256 == digest)
                           .order_by(ReportRecord.exported_at.desc())).first()
