"""Import an existing Excel fault log (故障台账) or service-request log (工单台账).

The layout is the one ``record_export`` writes (``record_columns``): a header row (row 1) with
Chinese or English header texts, any column order, unknown columns ignored.  The whole file is
checked first; if any row is bad, ``ImportRejected(source, [RowProblem(row, column, message)…])``
lists every bad row and column and nothing is written.  Otherwise every row is inserted in the
caller's transaction (one ``with db.session()`` = one transaction).

Rules (each a ``RowProblem``):

- the file must pass ``xlsx_guard.check_workbook`` first (zip bomb, XML entities, row count);
- formulas are refused ("formula not accepted"): a non-text cell whose value starts with ``=``
  in a workbook loaded with ``data_only=False``;
- merged cells in the sheet are refused, naming the range;
- dates: real Excel dates/datetimes; Excel serial numbers; text ``2024/03/05 14:30``,
  ``2024-03-05 14:30``, ``2024-03-05``, ``2024.3.5``, ``2024年3月5日``, ``2024年3月5日 14:30``
  (seconds optional) — all local (Beijing) time, stored as UTC; any other text is refused;
- names must exist in the contract: severity (code or name), services and assets (code or name),
  engineers (name), request categories (code or name); enumerations by code or label
  (``columns.ENUMS``, labels from ``app.core.vocab``);
- required columns must be filled; texts must fit their database column (a title ≤ 300
  characters; descriptions are unbounded);
- the timeline must be in order by the workflow's own tables (``app.core.timeline``:
  ``INCIDENT_ORDER``, ``REQUEST_ORDER``), so a row is refused exactly when the app would refuse
  the same instants typed by hand; a restored/closed status needs its instant;
- numbers are kept when given, and refused when repeated in the file or already in the database;
  rows without a number get the next one.  The number sequence is advanced past imported numbers.

Incidents take their ``IncidentEvent`` history from the ``处理记录`` sheet when it lists them
(checked: ``created`` first, a status chain ending in the record's status), so pauses and field
changes survive a round trip; otherwise the history is rebuilt from the timeline (``created`` at
the reported instant, then status events along new → assigned → in_progress → [pending] →
restored → closed at the recorded instants) so the SLA clocks read them like records made in the
app.  Closed incidents get their SLA figures stored as ``close_incident`` would.  Downtime
windows come from the ``影响业务系统`` sheet (else occurred → restored).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import i18n, timeline
from app.core.i18n import N_
from app.core.profile import profile_of
from app.core.timeutil import LOCAL_TZ, as_utc, utcnow
from app.core.vocab import IncidentEventKind, IncidentStatus, RequestStatus, codes, label_of
from app.errors import Header, ImportRejected, OpsLedgerError, RowProblem, ValidationError
from app.services import audit
from app.services.numbering import next_number
from app.services.transfer.columns import (
    ASSIGNMENT_COLUMNS,
    ASSIGNMENT_SHEET,
    HISTORY_COLUMNS,
    HISTORY_SHEET,
    INCIDENT_COLUMNS,
    INCIDENT_SERVICE_COLUMNS,
    MAIN_SHEET,
    REQUEST_COLUMNS,
    SERVICES_SHEET,
    CodeLabel,
    Column,
    enum_code,
    normalise_header,
)
from app.services.transfer.xlsx_guard import check_workbook, merged_ranges
from app.store.models import (
    Asset,
    Contract,
    Engineer,
    Incident,
    IncidentAsset,
    IncidentEvent,
    IncidentService,
    NumberSequence,
    RequestAssignment,
    Service,
    ServiceRequest,
)

FORMULA_REFUSED = N_("formula not accepted")
BATCH_ROWS = 1000
DATE_FORMS = "2024-03-05 14:30, 2024/03/05 14:30, 2024-03-05, 2024.3.5, 2024年3月5日 14:30 or a date cell"
_DATE_NUMERIC = re.compile(
    r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)
_DATE_CJK = re.compile(
    r"^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2})?\s*秒?)?\s*分?)?$"
)
_SPLIT = re.compile(r"[;；,，、\n]+")
_TRUE = {"是", "yes", "y", "true", "1", "有"}
_FALSE = {"否", "no", "n", "false", "0", "无", ""}


@dataclass
class ImportResult:
    """What an import wrote (or, with ``dry_run``, would write): record numbers in file order."""

    kind: str
    numbers: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def count(self) -> int:
        """Number of records."""
        return len(self.numbers)


# -- parsing cells ------------------------------------------------------------------------------


def parse_datetime_text(text: str) -> datetime | None:
    """Local naive datetime from one of the accepted text forms, or ``None`` when ``text`` is none
    of them (or names an impossible date)."""
    t = text.strip()
    m = _DATE_NUMERIC.match(t)
    if m:
        y, mo, d, hh, mm, ss = m.group(1), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7)
    else:
        m = _DATE_CJK.match(t)
        if not m:
            return None
        y, mo, d, hh, mm, ss = m.groups()
    try:
        return datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
    except ValueError:
        return None


def _to_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


class _Lookups:
    """Contract names → ids, for the name-checked columns."""

    def __init__(self, session: Session, contract: Contract) -> None:
        prof = profile_of(contract)
        self.severities: dict[str, str] = {}
        for sev in prof.severities:
            self.severities[sev.code.casefold()] = sev.code
            if sev.name:
                self.severities[sev.name.casefold()] = sev.code
        self.categories: dict[str, str] = {}
        for cat in prof.request_categories:
            self.categories[cat.code.casefold()] = cat.code
            if cat.name:
                self.categories[cat.name.casefold()] = cat.code
        self.services: dict[str, uuid.UUID] = {}
        self.service_code: dict[uuid.UUID, str] = {}
        for sid, code, name in session.execute(
            select(Service.id, Service.code, Service.name).where(Service.contract_id == contract.id)
        ):
            self.services.setdefault(name.casefold(), sid)
            self.services[code.casefold()] = sid
            self.service_code[sid] = code
        self.assets: dict[str, uuid.UUID] = {}
        for aid, code, name in session.execute(
            select(Asset.id, Asset.code, Asset.name).where(Asset.contract_id == contract.id)
        ):
            self.assets.setdefault(name.casefold(), aid)
            self.assets[code.casefold()] = aid
        self.engineers = {
            name.casefold(): eid
            for eid, name in session.execute(select(Engineer.id, Engineer.name).where(Engineer.contract_id == contract.id))
        }


class _Sheet:
    """One worksheet read row by row: header mapping, cell parsing, problems collected."""

    def __init__(self, ws: Any, columns: list[Column], model: Any, lookups: _Lookups,
                 problems: list[RowProblem], sheet_label: str) -> None:
        self.ws = ws
        self.columns = columns
        self.model = model
        self.lk = lookups
        self.problems = problems
        self.label = sheet_label
        self.index: dict[str, int] = {}

    def problem(self, row: int, column: str, message: str, **params: Any) -> None:
        """Record a problem; ``message`` is an msgid, ``params`` its arguments (``sheet`` is added).
        A column of this sheet's spec is named by its header in the UI language (:class:`Header`)."""
        spec = next((c for c in self.columns if c.zh == column), None)
        where = Header(spec.zh, spec.en) if spec is not None else column
        self.problems.append(RowProblem(row, where, message, {"sheet": self.label, **params}))

    def _wanted(self) -> dict[str, Column]:
        wanted: dict[str, Column] = {}
        for col in self.columns:
            for h in (col.zh, col.en, f"{col.zh} {col.en}", f"{col.zh}({col.en})", f"{col.zh}（{col.en}）",
                      f"{col.zh} ({col.en})"):
                wanted[normalise_header(h)] = col
        return wanted

    def header_score(self, cells: tuple[Any, ...]) -> tuple[int, int]:
        """(required columns found, columns found) in a candidate header row."""
        wanted = self._wanted()
        found = {wanted[h].key for h in (normalise_header(getattr(c, "value", None)) for c in cells) if h in wanted}
        return (sum(1 for c in self.columns if c.required and c.key in found), len(found))

    def read_header(self, header: tuple[Any, ...], rownum: int = 1) -> bool:
        """Map columns from the header row ``rownum``; records a problem per missing required
        column or repeated header.  Returns True when every required column is there."""
        wanted = self._wanted()
        for i, cell in enumerate(header):
            value = getattr(cell, "value", None)
            col = wanted.get(normalise_header(value)) if value is not None else None
            if col is None:
                continue
            if col.key in self.index:
                self.problem(rownum, str(value), N_("{sheet}: column appears twice in the header row"))
                continue
            self.index[col.key] = i
        missing = [c for c in self.columns if c.required and c.key not in self.index]
        for c in missing:
            self.problem(rownum, c.zh, N_("{sheet}: the header row (row {header_row}) has no column {zh} / {en}"),
                         header_row=rownum, zh=c.zh, en=c.en)
        return not missing

    def parse_row(self, rownum: int, cells: tuple[Any, ...]) -> dict[str, Any] | None:
        """Parsed values by key (``None`` for an empty row); problems are recorded."""
        raw: dict[str, Any] = {}
        empty = True
        for col in self.columns:
            i = self.index.get(col.key)
            if i is None or i >= len(cells) or col.kind == "computed":
                continue
            cell = cells[i]
            value = getattr(cell, "value", None)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            empty = False
            if isinstance(value, str) and value.startswith("=") and getattr(cell, "data_type", "s") != "s":
                self.problem(rownum, col.zh, FORMULA_REFUSED)
                raw[col.key] = _BAD
                continue
            raw[col.key] = self.parse_value(rownum, col, value)
        if empty:
            return None
        for col in self.columns:
            if col.required and col.kind != "computed" and raw.get(col.key) in (None, "", []):
                self.problem(rownum, col.zh, N_("required; the cell is empty"))
                raw[col.key] = _BAD
        return raw

    def parse_value(self, rownum: int, col: Column, value: Any) -> Any:
        kind = col.kind
        bad = lambda msg, **kw: (self.problem(rownum, col.zh, msg, **kw), _BAD)[1]  # noqa: E731
        if kind == "datetime":
            if isinstance(value, datetime):
                local = value
            elif isinstance(value, date):
                local = datetime.combine(value, time(0))
            elif isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
                local = from_excel(value)
            elif isinstance(value, str):
                parsed = parse_datetime_text(value)
                if parsed is None:
                    return bad(N_("“{value}” is not a date/time; use {forms}"), value=value.strip()[:40], forms=DATE_FORMS)
                local = parsed
            else:
                return bad(N_("“{value}” is not a date/time; use {forms}"), value=_to_text(value)[:40], forms=DATE_FORMS)
            if local.tzinfo is None:
                local = local.replace(tzinfo=LOCAL_TZ)
            return as_utc(local)
        if kind == "date":
            if isinstance(value, datetime):
                return value.date()
            if isinstance(value, date):
                return value
            parsed = parse_datetime_text(str(value))
            return parsed.date() if parsed else bad(N_("“{value}” is not a date; use {forms}"),
                                                    value=_to_text(value)[:40], forms=DATE_FORMS)
        text = _to_text(value).strip() if kind != "text" else _to_text(value)
        if kind == "text":
            limit = self._limit(col.key)
            if col.key == "title":
                text = text.strip()
            if limit and len(text) > limit:
                return bad(N_("too long: {count} characters (at most {limit})"), count=len(text), limit=limit)
            return text
        if kind == "int":
            try:
                return int(float(text))
            except ValueError:
                return bad(N_("“{value}” is not a whole number"), value=text[:40])
        if kind == "bool":
            t = text.casefold()
            if t in _TRUE:
                return True
            if t in _FALSE:
                return False
            return bad(N_("“{value}” is not yes/no"), value=text[:40])
        if kind.startswith("enum:"):
            code = enum_code(kind[5:], text)
            return code or bad(N_("unknown value “{value}”"), value=text[:40])
        if kind == "severity":
            code = self.lk.severities.get(text.casefold())
            return code or bad(N_("unknown severity “{value}”; the contract defines {codes}"),
                                         value=text[:40], codes=sorted(set(self.lk.severities.values())))
        if kind == "category":
            code = self.lk.categories.get(text.casefold())
            return code or bad(N_("unknown request category “{value}”"), value=text[:40])
        if kind == "engineer":
            eid = self.lk.engineers.get(text.casefold())
            return eid or bad(N_("unknown engineer “{value}”"), value=text[:40])
        if kind in ("service", "services", "assets"):
            table = self.lk.assets if kind == "assets" else self.lk.services
            ids, unknown = [], []
            for part in _SPLIT.split(text):
                part = part.strip()
                if not part:
                    continue
                rid = table.get(part.casefold())
                (ids.append(rid) if rid else unknown.append(part))
            if unknown:
                return bad(N_("unknown asset(s) {values}") if kind == "assets" else N_("unknown service(s) {values}"),
                           values=[f"“{u[:40]}”" for u in unknown])
            if kind == "service":
                if len(ids) != 1:
                    return bad(N_("exactly one service expected"))
                return ids[0]
            return list(dict.fromkeys(ids))
        return text

    def _limit(self, key: str) -> int | None:
        col = self.model.__table__.c.get(key) if self.model is not None else None
        return getattr(col.type, "length", None) if col is not None else None


class _Bad:
    """Marker of a cell that already has a problem recorded."""

    def __repr__(self) -> str:
        return "<bad>"


_BAD = _Bad()


def _ok(*values: Any) -> bool:
    return all(v is not _BAD for v in values)


def _open(path: Path, problems: list[RowProblem]) -> Any:
    """Guard, then open read-only with formulas kept (``data_only=False``) so they can be refused."""
    check_workbook(path)
    try:
        return load_workbook(path, read_only=True, data_only=False)
    except OpsLedgerError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl/defusedxml raise many kinds on broken files
        raise _unreadable(exc) from exc


def _unreadable(exc: BaseException) -> ValidationError:
    return ValidationError("file", N_("the workbook cannot be read ({error}); open it in Excel and save it again as .xlsx"),
                           code="import.unreadable", error=f"{type(exc).__name__}: {str(exc)[:200]}")


def _pick_sheet(wb: Any, kind: str) -> Any:
    wanted = {normalise_header(MAIN_SHEET[kind]), normalise_header(kind)}
    for ws in wb.worksheets:
        if normalise_header(ws.title) in wanted:
            return ws
    return wb.worksheets[0]


HEADER_SEARCH_ROWS = 10


def _merged_problems(path: Path, ws: Any, label: str, problems: list[RowProblem], header_row: int) -> None:
    """A problem per merged range reaching below the header row (a merged title above is fine)."""
    member = getattr(ws, "_worksheet_path", None)
    if not member:
        return
    for ref in merged_ranges(path, member.lstrip("/")):
        rows = [int(n) for n in re.findall(r"\d+", ref)] or [0]
        if max(rows) <= header_row:
            continue
        problems.append(RowProblem(min(rows), ref, N_("{sheet}: merged cells {ref} are not accepted; unmerge them"),
                                   {"sheet": label, "ref": ref}))


def _read(path: Path, ws: Any, columns: list[Column], model: Any, lk: _Lookups,
          problems: list[RowProblem], label: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Parsed data rows ``(sheet row, values)``.  The header row is the first of the first
    ``HEADER_SEARCH_ROWS`` rows holding every required column (a title row above it is allowed);
    without one, row 1 is taken and the missing columns are reported."""
    sheet = _Sheet(ws, columns, model, lk, problems, label)
    rows = ws.iter_rows(min_row=1)
    head: list[tuple[Any, ...]] = []
    header_at = 0
    need = sum(1 for c in columns if c.required)
    for cells in rows:
        head.append(cells)
        if sheet.header_score(cells)[0] == need and need:
            header_at = len(head)
            break
        if len(head) >= HEADER_SEARCH_ROWS:
            break
    if not head:
        problems.append(RowProblem(1, "", N_("{sheet}: the sheet is empty; a header row is required"), {"sheet": label}))
        return
    if not header_at:
        best = max(range(len(head)), key=lambda i: (sheet.header_score(head[i]), -i))
        header_at = best + 1
    _merged_problems(path, ws, label, problems, header_at)
    if not sheet.read_header(head[header_at - 1], header_at):
        return
    pending = head[header_at:]

    def data() -> Iterator[tuple[Any, ...]]:
        yield from pending
        yield from rows

    for rownum, cells in enumerate(data(), start=header_at + 1):
        parsed = sheet.parse_row(rownum, cells)
        if parsed is not None:
            yield rownum, parsed


def _order(row: int, problems: list[RowProblem], rec: dict[str, Any], rules: tuple[timeline.OrderRule, ...],
           labels: dict[str, str]) -> None:
    """Record a problem for each rule of ``rules`` (``app.core.timeline``, the workflow's table)
    the row's instants break, under the column of the field to correct."""
    for broken in timeline.violations(rules, rec):
        problems.append(RowProblem(row, labels[broken.field], broken.rule.message))


def _status_instants(row: int, problems: list[RowProblem], rec: dict[str, Any], needs: dict[str, tuple[str, ...]],
                     statuses: type[StrEnum], labels: dict[str, str]) -> None:
    """Record a problem for each instant the row's status requires but leaves empty
    (``app.core.timeline.*_STATUS_INSTANTS``)."""
    status = rec.get("status")
    for f in timeline.missing_instants(needs, status, rec):
        problems.append(RowProblem(row, labels[f], N_("status {status} needs the {column}"),
                                   {"status": label_of(statuses, status), "column": labels[f]}))


def _existing_numbers(session: Session, model: Any, numbers: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(numbers), 500):
        found.update(session.scalars(select(model.number).where(model.number.in_(numbers[i:i + 500]))))
    return found


def _check_numbers(session: Session, model: Any, recs: list[tuple[int, dict[str, Any]]], column: str,
                   problems: list[RowProblem]) -> None:
    seen: dict[str, int] = {}
    for row, rec in recs:
        num = rec.get("number")
        if not isinstance(num, str) or not num:
            continue
        if num in seen:
            problems.append(RowProblem(row, column, N_("number {number} repeats row {first}"),
                                       {"number": num, "first": seen[num]}))
        else:
            seen[num] = row
    taken = _existing_numbers(session, model, list(seen))
    for num in sorted(taken, key=lambda n: seen[n]):
        problems.append(RowProblem(seen[num], column, N_("number {number} is already in the database"), {"number": num}))


_NUMBER = re.compile(r"^([A-Z]+)-(\d{4})-(\d+)$")


def _advance_sequences(session: Session, numbers: list[str]) -> None:
    """Move each ``<PREFIX>-<year>`` counter past the highest imported sequence number."""
    best: dict[tuple[str, int], int] = {}
    for n in numbers:
        m = _NUMBER.match(n)
        if m:
            key = (m.group(1), int(m.group(2)))
            best[key] = max(best.get(key, 0), int(m.group(3)))
    for (prefix, year), last in best.items():
        seq = session.execute(
            select(NumberSequence).where(NumberSequence.prefix == prefix, NumberSequence.year == year)
        ).scalar_one_or_none()
        if seq is None:
            session.add(NumberSequence(prefix=prefix, year=year, last=last))
        elif seq.last < last:
            seq.last = last
    session.flush()


# -- incidents ----------------------------------------------------------------------------------

_INC_LABELS = {c.key: c.zh for c in INCIDENT_COLUMNS}
_INC_ORDER = timeline.INCIDENT_ORDER


def _incident_status(rec: dict[str, Any]) -> str:
    if rec.get("closed_at"):
        return "closed"
    if rec.get("restored_at"):
        return "restored"
    if rec.get("responded_at") or rec.get("onsite_at"):
        return "in_progress"
    if rec.get("assignee"):
        return "assigned"
    return "new"


def import_incidents(
    session: Session,
    contract: Contract,
    path: str | Path,
    *,
    actor: str = "import",
    dry_run: bool = False,
) -> ImportResult:
    """Import the fault log in ``path`` (layout of ``export_incidents``) into ``contract``.

    Checks the whole file first; raises ``ImportRejected`` listing every problem (nothing added to
    ``session``) or ``ValidationError`` for a file that is not a safe .xlsx workbook.  With
    ``dry_run`` only checks.  Otherwise adds incidents, affected services (downtime windows from
    the ``影响业务系统`` sheet when present, else occurred → restored), affected assets, history
    events and one audit event to ``session``; the caller commits.
    """
    path = Path(path)
    source = path.name
    problems: list[RowProblem] = []
    lk = _Lookups(session, contract)
    wb = _open(path, problems)
    try:
        ws = _pick_sheet(wb, "incidents")
        label = ws.title
        recs = list(_read(path, ws, INCIDENT_COLUMNS, Incident, lk, problems, label))
        windows: dict[str, dict[uuid.UUID, dict[str, Any]]] = {}
        svc_ws = next((w for w in wb.worksheets if normalise_header(w.title) in
                       (normalise_header(SERVICES_SHEET), "affected services")), None)
        if svc_ws is not None and svc_ws is not ws:
            for row, w in _read(path, svc_ws, INCIDENT_SERVICE_COLUMNS, None, lk, problems, svc_ws.title):
                if not _ok(w.get("number"), w.get("service"), w.get("downtime_start"), w.get("downtime_end")):
                    continue
                a, b = w.get("downtime_start"), w.get("downtime_end")
                if a and b and b < a:
                    problems.append(RowProblem(row, "停机结束", N_("{sheet}: downtime ends before it starts"),
                                               {"sheet": svc_ws.title}))
                    continue
                w["_row"] = row
                windows.setdefault(w["number"], {})[w["service"]] = w
        hist_ws = next((w for w in wb.worksheets if normalise_header(w.title) in
                        (normalise_header(HISTORY_SHEET), "history")), None)
        history: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        if hist_ws is not None and hist_ws is not ws:
            for row, h in _read(path, hist_ws, HISTORY_COLUMNS, IncidentEvent, lk, problems, hist_ws.title):
                if _ok(*h.values()):
                    history.setdefault(h["number"], []).append((row, h))
    except OpsLedgerError:
        raise
    except Exception as exc:  # noqa: BLE001 - a part openpyxl cannot parse while streaming rows
        raise _unreadable(exc) from exc
    finally:
        wb.close()

    for row, rec in recs:
        _order(row, problems, rec, _INC_ORDER, _INC_LABELS)
        _status_instants(row, problems, rec, timeline.INCIDENT_STATUS_INSTANTS, IncidentStatus, _INC_LABELS)
    _check_numbers(session, Incident, recs, _INC_LABELS["number"], problems)
    file_numbers = {rec.get("number") for _, rec in recs}
    for num, by_service in windows.items():
        rec = next((r for _, r in recs if r.get("number") == num), None)
        for sid, w in by_service.items():
            if num not in file_numbers:
                problems.append(RowProblem(w["_row"], "故障编号", N_("{sheet}: incident {number} is not in the fault log sheet"),
                                           {"sheet": SERVICES_SHEET, "number": num}))
            elif rec is not None and isinstance(rec.get("services"), list) and sid not in rec["services"]:
                problems.append(RowProblem(w["_row"], "业务系统",
                                           N_("{sheet}: service {service} is not listed for incident {number}"),
                                           {"sheet": SERVICES_SHEET, "service": lk.service_code.get(sid), "number": num}))
    by_number = {rec["number"]: rec for _, rec in recs if isinstance(rec.get("number"), str)}
    for num, entries in history.items():
        _check_history(num, entries, by_number.get(num), hist_ws.title if hist_ws else HISTORY_SHEET, problems)
    if problems:
        problems.sort(key=lambda p: (p.row, p.column))
        raise ImportRejected(source, problems)
    result = ImportResult("incidents", dry_run=dry_run)
    if dry_run:
        result.numbers = [rec.get("number") or "(new)" for _, rec in recs]
        return result

    _advance_sequences(session, [rec["number"] for _, rec in recs if rec.get("number")])
    now = utcnow()
    note = i18n._("imported from {source}", source=source)
    clocks = _ClosedClocks(session, contract)
    added: list[tuple[Incident, list[IncidentEvent]]] = []
    children: list[Any] = []  # added after the parents are flushed (no ORM relationships order them)

    def flush_batch() -> None:
        # Parents first, then children; afterwards nothing holds the flushed objects, so the
        # session's weak identity map lets them go and memory stays bounded on large files.
        session.flush()
        session.add_all(children)
        clocks.store(added)
        session.flush()
        added.clear()
        children.clear()

    recs.reverse()
    while recs:
        _, rec = recs.pop()
        occurred = rec["occurred_at"]
        reported = rec.get("reported_at") or occurred
        number = rec.get("number") or next_number(session, "INC", occurred.astimezone(LOCAL_TZ).year)
        status = rec.get("status") or _incident_status(rec)
        inc = Incident(
            id=uuid.uuid4(), number=number, contract_id=contract.id, title=rec["title"],
            description=rec.get("description", ""), severity=rec["severity"], source=rec.get("source") or "phone",
            status=status, reporter_department=rec.get("reporter_department", ""),
            reporter_name=rec.get("reporter_name", ""), reporter_phone=rec.get("reporter_phone", ""),
            assignee_id=rec.get("assignee"), occurred_at=occurred, reported_at=reported,
            responded_at=rec.get("responded_at"), onsite_at=rec.get("onsite_at"),
            restored_at=rec.get("restored_at"), closed_at=rec.get("closed_at"),
            cause_category=rec.get("cause_category", ""), cause=rec.get("cause", ""),
            resolution=rec.get("resolution", ""), vendor_case_number=rec.get("vendor_case_number", ""),
            root_cause_analysis=rec.get("root_cause_analysis", ""), created_at=now, updated_at=now,
        )
        session.add(inc)
        own = windows.get(number, {})
        for sid in rec.get("services") or []:
            w = own.get(sid)
            if w is not None:
                start, end, edited = w.get("downtime_start"), w.get("downtime_end"), bool(w.get("downtime_edited"))
            else:
                start, end, edited = occurred, rec.get("restored_at"), False
            children.append(IncidentService(incident_id=inc.id, service_id=sid, downtime_start=start,
                                             downtime_end=end, downtime_edited=edited))
        for aid in rec.get("assets") or []:
            children.append(IncidentAsset(incident_id=inc.id, asset_id=aid))
        if number in history:
            events = [IncidentEvent(incident_id=inc.id, at=h["at"], actor=h.get("actor", ""), kind=h["kind"],
                                    from_status=h.get("from_status", ""), to_status=h.get("to_status", ""),
                                    changes=h.get("changes") or {}, note=h.get("note", ""))
                      for _, h in history[number]]
        else:
            events = _incident_events(inc, actor, note)
        children.extend(events)
        added.append((inc, events))
        result.numbers.append(number)
        if len(added) >= BATCH_ROWS:
            flush_batch()
    flush_batch()
    audit.record(session, actor=actor, action="incident.import", entity_kind="incident",
                 summary=f"{result.count} incidents imported from {source}",
                 details={"file": source, "count": result.count})
    session.flush()
    return result


EVENT_KINDS = codes(IncidentEventKind)


def _check_history(number: str, entries: list[tuple[int, dict[str, Any]]], rec: dict[str, Any] | None,
                   label: str, problems: list[RowProblem]) -> None:
    """Check the history rows of one incident: a known incident, known kinds and statuses,
    ``changes`` as JSON, a ``created`` first and a status chain ending in the record's status.
    Parsed ``changes`` replace the text in place."""
    import json

    first_row = entries[0][0]
    if rec is None:
        problems.append(RowProblem(first_row, "编号", N_("{sheet}: incident {number} is not in the fault log sheet"),
                                   {"sheet": label, "number": number}))
        return
    entries.sort(key=lambda e: (e[1]["at"], e[0]))
    prev: str | None = None
    for row, h in entries:
        if h["kind"] not in EVENT_KINDS:
            problems.append(RowProblem(row, "类型", N_("{sheet}: unknown kind “{kind}”"), {"sheet": label, "kind": h["kind"]}))
            return
        for key, zh in (("from_status", "原状态"), ("to_status", "新状态")):
            if h.get(key) and h[key] not in codes(IncidentStatus):
                problems.append(RowProblem(row, zh, N_("{sheet}: unknown status “{status}”"), {"sheet": label, "status": h[key]}))
                return
        text = h.get("changes") or ""
        try:
            h["changes"] = json.loads(text) if text.strip() else {}
        except ValueError:
            problems.append(RowProblem(row, "修改内容", N_("{sheet}: not valid JSON"), {"sheet": label}))
            return
        if prev is None:
            if h["kind"] != "created":
                problems.append(RowProblem(row, "类型", N_(
                    "{sheet}: the first event of {number} must be “created” "
                    "(delete the history rows to have them rebuilt from the timeline)"), {"sheet": label, "number": number}))
                return
            prev = h.get("to_status") or "new"
        elif h["kind"] in ("status", "reopen"):
            if h.get("from_status") and h["from_status"] != prev:
                problems.append(RowProblem(row, "原状态", N_("{sheet}: {number} was {status} at this point, not {given}"),
                                           {"sheet": label, "number": number, "status": CodeLabel(prev),
                                            "given": CodeLabel(h["from_status"])}))
                return
            prev = h.get("to_status") or prev
    final = rec.get("status") or _incident_status(rec)
    if prev != final:
        problems.append(RowProblem(entries[-1][0], "新状态",
                                   N_("{sheet}: the history of {number} ends in {status} but the record's status is {final}"),
                                   {"sheet": label, "number": number, "status": CodeLabel(prev), "final": CodeLabel(final)}))


def _incident_events(inc: Incident, actor: str, note: str) -> list[IncidentEvent]:
    """``created`` plus status events along the workflow up to ``inc.status`` at the recorded
    instants (a step without its own instant takes the latest earlier one)."""
    events = [IncidentEvent(incident_id=inc.id, at=inc.reported_at, actor=actor, kind="created",
                            to_status="new", note=note)]
    target = inc.status
    steps: list[tuple[str, datetime | None]] = []
    if target == "assigned" or (inc.assignee_id and target != "new"):
        steps.append(("assigned", inc.responded_at or inc.reported_at))
    if target in ("in_progress", "pending", "restored", "closed"):
        steps.append(("in_progress", inc.onsite_at or inc.responded_at))
    if target == "pending":
        latest = max(t for t in (inc.reported_at, inc.responded_at, inc.onsite_at) if t)
        steps.append(("pending", latest))
    if target in ("restored", "closed"):
        steps.append(("restored", inc.restored_at))
    if target == "closed":
        steps.append(("closed", inc.closed_at))
    prev, at_prev = "new", inc.reported_at
    for status, at in steps:
        at = max(at or at_prev, at_prev) if status != "restored" else (at or at_prev)
        events.append(IncidentEvent(incident_id=inc.id, at=at, actor=actor, kind="status",
                                    from_status=prev, to_status=status, note=note))
        prev, at_prev = status, at
    return events


class _ClosedClocks:
    """Stores the SLA figures of closed incidents, as closing in the app does; calendars are
    loaded once.  A year without a holiday calendar leaves the figures empty."""

    def __init__(self, session: Session, contract: Contract) -> None:
        self.contract = contract
        self.session = session
        self._calendars: Any = None
        self._failed = False

    def store(self, added: list[tuple[Incident, list[IncidentEvent]]]) -> None:
        closed = [(i, e) for i, e in added if i.status == "closed" and i.closed_at]
        if not closed or self._failed:
            return
        try:
            from app.services.calendar.service_time import load_calendars
            from app.services.incident.sla import incident_clocks

            if self._calendars is None:
                self._calendars = load_calendars(self.session, self.contract)
        except (ImportError, OpsLedgerError):
            self._failed = True
            return
        prof = profile_of(self.contract)
        for inc, events in closed:
            try:
                clocks = incident_clocks(inc, events, prof, self._calendars, inc.closed_at)
            except OpsLedgerError:
                continue
            inc.response_minutes = clocks.response_minutes
            inc.restore_minutes = clocks.restore_minutes
            inc.response_breached = clocks.response_breached
            inc.restore_breached = clocks.restore_breached


# -- service requests ---------------------------------------------------------------------------

_REQ_LABELS = {c.key: c.zh for c in REQUEST_COLUMNS}
_REQ_ORDER = timeline.REQUEST_ORDER


def _request_status(rec: dict[str, Any]) -> str:
    if rec.get("closed_at"):
        return "closed"
    if rec.get("resolved_at"):
        return "resolved"
    if rec.get("responded_at"):
        return "in_progress"
    if rec.get("assignee"):
        return "assigned"
    return "new"


def import_requests(
    session: Session,
    contract: Contract,
    path: str | Path,
    *,
    actor: str = "import",
    dry_run: bool = False,
) -> ImportResult:
    """Import the service-request log in ``path`` (layout of ``export_requests``) into ``contract``.

    Same checking and refusal as ``import_incidents``.  Assignments (派单) come from the
    ``派单记录`` sheet when it lists the request; otherwise a request with an assignee gets one
    assignment at its response instant (or its received instant).  The caller commits.
    """
    path = Path(path)
    source = path.name
    problems: list[RowProblem] = []
    lk = _Lookups(session, contract)
    wb = _open(path, problems)
    try:
        ws = _pick_sheet(wb, "requests")
        recs = list(_read(path, ws, REQUEST_COLUMNS, ServiceRequest, lk, problems, ws.title))
        assignments: dict[str, list[dict[str, Any]]] = {}
        asg_ws = next((w for w in wb.worksheets if normalise_header(w.title) in
                       (normalise_header(ASSIGNMENT_SHEET), "assignments")), None)
        if asg_ws is not None and asg_ws is not ws:
            numbers = {rec.get("number") for _, rec in recs}
            for row, a in _read(path, asg_ws, ASSIGNMENT_COLUMNS, RequestAssignment, lk, problems, asg_ws.title):
                if not _ok(*a.values()):
                    continue
                if a["number"] not in numbers:
                    problems.append(RowProblem(row, "工单编号", N_("{sheet}: request {number} is not in the request sheet"),
                                               {"sheet": asg_ws.title, "number": a["number"]}))
                    continue
                assignments.setdefault(a["number"], []).append(a)
    except OpsLedgerError:
        raise
    except Exception as exc:  # noqa: BLE001 - a part openpyxl cannot parse while streaming rows
        raise _unreadable(exc) from exc
    finally:
        wb.close()
    for row, rec in recs:
        _order(row, problems, rec, _REQ_ORDER, _REQ_LABELS)
        _status_instants(row, problems, rec, timeline.REQUEST_STATUS_INSTANTS, RequestStatus, _REQ_LABELS)
    _check_numbers(session, ServiceRequest, recs, _REQ_LABELS["number"], problems)
    if problems:
        problems.sort(key=lambda p: (p.row, p.column))
        raise ImportRejected(source, problems)
    result = ImportResult("requests", dry_run=dry_run)
    if dry_run:
        result.numbers = [rec.get("number") or "(new)" for _, rec in recs]
        return result
    _advance_sequences(session, [rec["number"] for _, rec in recs if rec.get("number")])
    now = utcnow()
    default_category = "other" if "other" in lk.categories.values() else ""
    children: list[Any] = []
    recs.reverse()
    while recs:
        _, rec = recs.pop()
        received = rec["received_at"]
        number = rec.get("number") or next_number(session, "SR", received.astimezone(LOCAL_TZ).year)
        req = ServiceRequest(
            id=uuid.uuid4(), number=number, contract_id=contract.id, channel=rec.get("channel") or "phone",
            category=rec.get("category") or default_category, service_id=rec.get("service"),
            title=rec["title"], description=rec.get("description", ""),
            requester_department=rec.get("requester_department", ""),
            requester_name=rec.get("requester_name", ""), requester_phone=rec.get("requester_phone", ""),
            status=rec.get("status") or _request_status(rec), assignee_id=rec.get("assignee"),
            received_at=received, responded_at=rec.get("responded_at"), resolved_at=rec.get("resolved_at"),
            closed_at=rec.get("closed_at"), resolution=rec.get("resolution", ""),
            followup_at=rec.get("followup_at"), followup_by=rec.get("followup_by", ""),
            satisfaction=rec.get("satisfaction"), complaint=bool(rec.get("complaint", False)),
            complaint_text=rec.get("complaint_text", ""), created_at=now, updated_at=now,
        )
        session.add(req)
        if number in assignments:
            children.extend(
                RequestAssignment(request_id=req.id, at=a["at"], from_engineer_id=a.get("from_engineer"),
                                  to_engineer_id=a.get("to_engineer"), actor=a.get("actor", ""), note=a.get("note", ""))
                for a in assignments[number])
        elif req.assignee_id:
            children.append(RequestAssignment(request_id=req.id, at=req.responded_at or received,
                                              to_engineer_id=req.assignee_id, actor=actor,
                                              note=f"imported from {source}"))
        result.numbers.append(number)
        if len(children) >= BATCH_ROWS:
            session.flush()
            session.add_all(children)
            children.clear()
    session.flush()
    session.add_all(children)
    audit.record(session, actor=actor, action="service_request.import", entity_kind="service_request",
                 summary=f"{result.count} service requests imported from {source}",
                 details={"file": source, "count": result.count})
    session.flush()
    return result


IMPORTERS: dict[str, Callable[..., ImportResult]] = {"incidents": import_incidents, "requests": import_requests}
