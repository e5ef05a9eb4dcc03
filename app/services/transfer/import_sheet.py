"""Reading an imported sheet: open the workbook (guarded, read-only), find the header row, refuse
merged cells, and turn each row into a record dict of checked values (names looked up in the
contract)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import N_
from app.core.profile import profile_of
from app.core.timeutil import LOCAL_TZ, as_utc
from app.errors import Header, OpsLedgerError, RowProblem, ValidationError
from app.services.transfer.columns import (
    MAIN_SHEET,
    Column,
    enum_code,
    normalise_header,
)
from app.services.transfer.import_cells import (
    _BAD,
    _FALSE,
    _SPLIT,
    _TRUE,
    DATE_FORMS,
    FORMULA_REFUSED,
    _to_text,
    parse_datetime_text,
)
from app.services.transfer.xlsx_guard import check_workbook, sheet_markup
from app.store.models import (
    Asset,
    Contract,
    Engineer,
    Service,
)


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
        self.values_only = False  # rows are plain values (the sheet holds no formula), not cells
        self._read_cols: list[tuple[Column, int]] = []
        self._required: list[Column] = [c for c in columns if c.required and c.kind != "computed"]
        self._enum_codes: dict[tuple[str, str], str | None] = {}
        self._limits: dict[str, int | None] = {}

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
        found = {wanted[h].key for h in (normalise_header(_value(c)) for c in cells) if h in wanted}
        return (sum(1 for c in self.columns if c.required and c.key in found), len(found))

    def read_header(self, header: tuple[Any, ...], rownum: int = 1) -> bool:
        """Map columns from the header row ``rownum``; records a problem per missing required
        column or repeated header.  Returns True when every required column is there."""
        wanted = self._wanted()
        for i, cell in enumerate(header):
            value = _value(cell)
            col = wanted.get(normalise_header(value)) if value is not None else None
            if col is None:
                continue
            if col.key in self.index:
                self.problem(rownum, str(value), N_("{sheet}: column appears twice in the header row"))
                continue
            self.index[col.key] = i
        self._read_cols = [(c, self.index[c.key]) for c in self.columns
                           if c.key in self.index and c.kind != "computed"]
        missing = [c for c in self.columns if c.required and c.key not in self.index]
        for c in missing:
            self.problem(rownum, c.zh, N_("{sheet}: the header row (row {header_row}) has no column {zh} / {en}"),
                         header_row=rownum, zh=c.zh, en=c.en)
        return not missing

    def parse_row(self, rownum: int, cells: tuple[Any, ...]) -> dict[str, Any] | None:
        """Parsed values by key (``None`` for an empty row); problems are recorded.  ``cells``
        are openpyxl cells, or plain values when ``values_only``."""
        raw: dict[str, Any] = {}
        empty = True
        width = len(cells)
        values_only = self.values_only
        for col, i in self._read_cols:
            if i >= width:
                continue
            cell = cells[i]
            value = cell if values_only else getattr(cell, "value", None)
            if value is None or (value.__class__ is str and not value.strip()):
                continue
            empty = False
            if (not values_only and isinstance(value, str) and value.startswith("=")
                    and getattr(cell, "data_type", "s") != "s"):
                self.problem(rownum, col.zh, FORMULA_REFUSED)
                raw[col.key] = _BAD
                continue
            raw[col.key] = self.parse_value(rownum, col, value)
        if empty:
            return None
        for col in self._required:
            if raw.get(col.key) in (None, "", []):
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
        text = value if value.__class__ is str else _to_text(value)
        if kind != "text":
            text = text.strip()
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
            key = (kind, text)
            if key not in self._enum_codes:  # the vocabulary's parse, once per distinct text
                self._enum_codes[key] = enum_code(kind[5:], text)
            code = self._enum_codes[key]
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
        """The length limit of the model's column ``key`` (``None``: unbounded), looked up once."""
        if key in self._limits:
            return self._limits[key]
        col = self.model.__table__.c.get(key) if self.model is not None else None
        limit = self._limits[key] = getattr(col.type, "length", None) if col is not None else None
        return limit



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


def _value(cell: Any) -> Any:
    """A cell's value (an openpyxl cell, or already a plain value)."""
    return getattr(cell, "value", None) if hasattr(cell, "data_type") else cell


def _merged_problems(merged: list[str], label: str, problems: list[RowProblem], header_row: int) -> None:
    """A problem per merged range reaching below the header row (a merged title above is fine)."""
    for ref in merged:
        rows = [int(n) for n in re.findall(r"\d+", ref)] or [0]
        if max(rows) <= header_row:
            continue
        problems.append(RowProblem(min(rows), ref, N_("{sheet}: merged cells {ref} are not accepted; unmerge them"),
                                   {"sheet": label, "ref": ref}))


def _read(path: Path, ws: Any, columns: list[Column], model: Any, lk: _Lookups,
          problems: list[RowProblem], label: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Parsed data rows ``(sheet row, values)``.  The header row is the first of the first
    ``HEADER_SEARCH_ROWS`` rows holding every required column (a title row above it is allowed);
    without one, row 1 is taken and the missing columns are reported.

    One streamed pass over the sheet's XML first finds its merged cells and whether it holds any
    formula (``xlsx_guard.sheet_markup``); a sheet without formulas is read as plain values
    (openpyxl's ``values_only``, no cell object per cell), one with formulas as cells so each
    formula is refused by name."""
    sheet = _Sheet(ws, columns, model, lk, problems, label)
    member = getattr(ws, "_worksheet_path", None)
    merged, formulas = sheet_markup(path, member.lstrip("/")) if member else ([], True)
    sheet.values_only = not formulas
    rows = ws.iter_rows(min_row=1, values_only=sheet.values_only)
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
    _merged_problems(merged, label, problems, header_at)
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
