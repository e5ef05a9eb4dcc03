"""Excel import of a device list that simulates first (iTop's "simulate the import").

1. ``read_source(path)``: the guard (``xlsx_guard.check_workbook``), then the header row (the
   first of the first ``HEADER_SEARCH_ROWS`` rows naming at least two known headers), the data
   rows as cell values and the merged ranges below the header.
2. ``propose_mapping(headers, saved)``: header → field key by ``HEADER_ALIASES`` (Chinese and
   English, case and spaces ignored), a saved mapping of the source taking precedence.  A header
   mapped to ``""`` is ignored on purpose; a header mapped to nothing is an *unknown header*.
3. ``simulate(session, contract_id, source, mapping, key)``: per row ``created`` / ``updated`` /
   ``unchanged`` / ``refused`` with per-value messages ``(column, value, message)``.  The
   reconciliation ``key`` (``code``, ``serial`` or ``ip``) finds the existing asset a row updates.
   Refusals: unknown header (every row, named once on the header row), merged cells, a formula,
   a value its field refuses (``register.normalise``), a name missing on a new asset, a code,
   serial or address repeated in the file, a code of another asset, an address outside every
   declared subnet, a network/broadcast address or one held by another asset (``ipam``).  A date
   given as text in an accepted form (``2024年5月1日``) is read and noted as a warning beside the
   value; other text is refused.
4. ``apply`` (in ``actions``) refuses the whole file when any row is refused
   (``ImportRejected``: every row, column and value), else takes a backup and writes every row in
   one transaction.
"""

from __future__ import annotations

import fnmatch
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import N_
from app.errors import FieldRef, Msg, OpsLedgerError, RowProblem, ValidationError
from app.services.asset import ipam, register
from app.services.transfer.columns import normalise_header
from app.services.transfer.xlsx_guard import check_workbook, merged_ranges
from app.store.models import Asset, IpAddress

HEADER_SEARCH_ROWS = 10
KEYS = ("code", "serial", "ip")
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("资产编号", "编号", "设备编号", "资产编码", "code", "asset code", "asset tag", "tag"),
    "name": ("名称", "设备名称", "资产名称", "name", "device name", "asset name"),
    "asset_class": ("类别", "资产类别", "设备类别", "设备类型", "类型", "class", "category", "type"),
    "model": ("型号", "规格型号", "品牌型号", "model"),
    "serial": ("序列号", "SN", "S/N", "serial", "serial number"),
    "quantity": ("数量", "qty", "quantity", "count"),
    "location": ("位置", "存放位置", "安装位置", "地点", "location"),
    "rack": ("机柜", "机架", "rack"),
    "owner": ("责任人", "使用人", "负责人", "owner"),
    "status": ("状态", "使用状态", "status"),
    "purchase_date": ("购置日期", "采购日期", "购买日期", "purchase date", "purchased"),
    "warranty_end": ("保修截止", "保修到期", "保修期至", "warranty end", "warranty", "warranty until"),
    "maintenance_end": ("维保截止", "维保到期", "maintenance end"),
    "maintenance_vendor": ("维保厂商", "维保单位", "maintenance vendor", "vendor"),
    "maintenance_contact": ("维保联系人", "维保电话", "maintenance contact"),
    "ip": ("IP", "IP地址", "管理IP", "ip address", "ip addresses"),
    "imei": ("IMEI", "IMEI号"),
    "holder": ("持有人", "领用人", "holder"),
    "phone": ("手机号码", "电话", "手机号", "phone", "phone number"),
    "notes": ("备注", "说明", "notes", "remark", "remarks"),
}
_ALIAS = {normalise_header(a): k for k, aliases in HEADER_ALIASES.items() for a in aliases}
_TEXT_DATE = N_("date given as text, read as {date}")


@dataclass(frozen=True)
class Source:
    """A read workbook: file name, sheet, header row (1-based), headers, data rows
    ``(sheet row, cell values)`` and merged ranges below the header (``"A5:A6"``)."""

    name: str
    sheet: str
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Any, ...]], ...]
    merged: tuple[str, ...] = ()
    formulas: frozenset[tuple[int, int]] = frozenset()


@dataclass
class ValueNote:
    """A message about one value: ``column`` header, ``value`` as text, ``message`` (rendered
    lazily: a ``Msg`` or an error), ``refused`` False for a warning."""

    column: str
    value: str
    message: Any
    refused: bool = True

    def text(self) -> str:
        """The message in the current language."""
        return self.message.message if isinstance(self.message, ValidationError) else str(self.message)


@dataclass
class RowResult:
    """What one data row would do: ``action`` (``created``/``updated``/``unchanged``/``refused``),
    the asset ``code`` (``""`` when a new code will be issued), the normalised ``values``, the
    ``changes`` ``{field: (old, new)}`` of an update, the notes, and the raw cells."""

    row: int
    action: str
    code: str
    values: dict[str, Any]
    asset_id: uuid.UUID | None = None
    changes: dict[str, tuple[str, str]] = field(default_factory=dict)
    notes: list[ValueNote] = field(default_factory=list)
    cells: tuple[Any, ...] = ()
    placed: list[tuple[ipam.SubnetInfo, str]] | None = None


@dataclass
class Simulation:
    """The simulation of one file: ``rows`` in sheet order, file-level ``notes`` (unknown headers,
    merged ranges) as ``(row, ValueNote)``, the ``mapping`` and ``key`` used."""

    source: Source
    mapping: dict[str, str]
    key: str
    rows: list[RowResult] = field(default_factory=list)
    notes: list[tuple[int, ValueNote]] = field(default_factory=list)

    def count(self, action: str) -> int:
        """Rows with ``action``."""
        return sum(1 for r in self.rows if r.action == action)

    @property
    def refused(self) -> bool:
        """Whether anything is refused (then apply writes nothing)."""
        return bool(self.notes) or any(r.action == "refused" for r in self.rows)

    def problems(self) -> list[RowProblem]:
        """Every refusal as ``RowProblem(row, column, "“value”: message")``."""
        out = [RowProblem(row, n.column, N_("“{value}”: {message}"), {"value": n.value, "message": n.text()})
               for row, n in self.notes if n.refused]
        for r in self.rows:
            out += [RowProblem(r.row, n.column, N_("“{value}”: {message}"), {"value": n.value, "message": n.text()})
                    for n in r.notes if n.refused]
        return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def read_source(path: str | Path) -> Source:
    """Read the first sheet of ``path`` (guarded; see the module doc).  Raises the guard's
    ``ValidationError("file")``, or one for a workbook openpyxl cannot read or without headers."""
    path = Path(path)
    check_workbook(path)
    try:
        from openpyxl import load_workbook  # noqa: PLC0415 - openpyxl only when a file is read

        wb = load_workbook(path, read_only=True, data_only=False)
    except OpsLedgerError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on broken files
        raise ValidationError("file", N_("the workbook cannot be read ({error}); open it in Excel and save it "
                                         "again as .xlsx"), error=f"{type(exc).__name__}: {str(exc)[:200]}") from exc
    try:
        ws = wb.worksheets[0]
        header_row, headers = 0, tuple[str, ...]()
        rows: list[tuple[int, tuple[Any, ...]]] = []
        formulas: set[tuple[int, int]] = set()
        for n, cells in enumerate(ws.iter_rows(), start=1):
            values = tuple(c.value for c in cells)
            for i, c in enumerate(cells):
                if isinstance(c.value, str) and c.value.startswith("=") and getattr(c, "data_type", "s") == "f":
                    formulas.add((n, i))
            if not header_row:
                if sum(1 for v in values if normalise_header(v) in _ALIAS) >= 2:
                    header_row, headers = n, tuple(_text(v) for v in values)
                elif n >= HEADER_SEARCH_ROWS:
                    break
                continue
            if any(_text(v) for v in values):
                rows.append((n, values))
        if not header_row:
            raise ValidationError("file", N_("no header row found in the first {count} rows; a row naming at least "
                                             "two columns such as 资产编号 / 名称 / 型号 is needed"),
                                  count=HEADER_SEARCH_ROWS)
        member = getattr(ws, "_worksheet_path", "") or ""
        merged = [ref for ref in merged_ranges(path, member.lstrip("/"))
                  if max(int(x) for x in re.findall(r"\d+", ref)) > header_row] if member else []
        return Source(path.name, ws.title, header_row, headers, tuple(rows), tuple(merged), frozenset(formulas))
    finally:
        wb.close()


def source_pattern(file_name: str) -> str:
    """The pattern a mapping is saved under: the file name with digit runs as ``*``
    (``设备清单2024-05.xlsx`` → ``设备清单*-*.xlsx``)."""
    return re.sub(r"\d+", "*", file_name)


def saved_mapping(session: Session, contract_id: uuid.UUID, file_name: str) -> dict[str, Any] | None:
    """The saved ``{"pattern", "mapping", "key"}`` whose pattern matches ``file_name``, else ``None``."""
    from app.store.models import AssetSetting  # noqa: PLC0415

    for row in session.scalars(select(AssetSetting).where(AssetSetting.contract_id == contract_id,
                                                          AssetSetting.key.like("mapping:%"))):
        if fnmatch.fnmatchcase(file_name, row.key[len("mapping:"):]):
            return dict(row.value)
    return None


def propose_mapping(headers: tuple[str, ...], saved: Mapping[str, str] | None = None) -> dict[str, str | None]:
    """Header → field key (``""`` ignore, ``None`` unknown) for every non-empty header."""
    out: dict[str, str | None] = {}
    for h in headers:
        if not h:
            continue
        if saved and h in saved:
            out[h] = saved[h]
        else:
            out[h] = _ALIAS.get(normalise_header(h))
    return out


def _existing(session: Session, contract_id: uuid.UUID, key: str) -> dict[str, uuid.UUID]:
    if key == "ip":
        rows = session.execute(select(IpAddress.address, Asset.id).join(Asset, Asset.id == IpAddress.asset_id)
                               .where(Asset.contract_id == contract_id))
        return dict(tuple(r) for r in rows)  # type: ignore[misc]
    col = Asset.code if key == "code" else Asset.serial
    return {str(v).casefold(): i for v, i in session.execute(select(col, Asset.id).where(
        Asset.contract_id == contract_id, col != ""))}


def simulate(session: Session, contract_id: uuid.UUID, source: Source, mapping: Mapping[str, str | None],
             key: str = "code") -> Simulation:
    """Simulate the import of ``source`` (see the module doc); reads only."""
    if key not in KEYS:
        raise ValidationError("key", N_("the reconciliation key must be one of {keys}"), keys=list(KEYS))
    sim = Simulation(source, {h: v for h, v in mapping.items() if v is not None}, key)
    used = [v for v in mapping.values() if v]
    for dup in sorted({v for v in used if used.count(v) > 1}):
        heads = [h for h, v in mapping.items() if v == dup]
        sim.notes.append((source.header_row, ValueNote(heads[-1], heads[-1], Msg(
            N_("two columns map to the same field {field}"), field=FieldRef(dup)))))
    for h, v in mapping.items():
        if v is None:
            sim.notes.append((source.header_row, ValueNote(h, h, Msg(
                N_("unknown header; map it to a field or choose to ignore it")))))
        elif v and v not in register.FIELD_KEYS:
            sim.notes.append((source.header_row, ValueNote(h, h, Msg(N_("unknown field {field}"), field=v))))
    merged_rows: dict[int, str] = {}
    for ref in source.merged:
        nums = [int(x) for x in re.findall(r"\d+", ref)]
        for r in range(min(nums), max(nums) + 1):
            merged_rows.setdefault(r, ref)
    index = {h: i for i, h in enumerate(source.headers) if h}
    fields = {v: h for h, v in sim.mapping.items() if v and v in register.FIELD_KEYS}
    existing = _existing(session, contract_id, key)
    subnets = register.subnets(session, contract_id)
    taken = register.taken_addresses(session, contract_id)
    seen: dict[tuple[str, str], int] = {}
    claimed: dict[tuple[uuid.UUID, str], int] = {}
    for rownum, cells in source.rows:
        sim.rows.append(_row(session, contract_id, sim, rownum, cells, index, fields, existing, subnets, taken,
                             seen, claimed, merged_rows))
    return sim


def _read_values(sim: Simulation, res: RowResult, rownum: int, cells: tuple[Any, ...], index: dict[str, int],
                 fields: dict[str, str], merged_rows: dict[int, str]) -> dict[str, Any]:
    """Normalise the row's mapped cells into ``res.values``; notes for refused values, merged
    cells, formulas and dates read from text.  Returns the raw cell values by field."""
    bad = res.notes.append
    if rownum in merged_rows:
        ref = merged_rows[rownum]
        bad(ValueNote(ref, ref, Msg(N_("merged cells {ref} are not accepted; unmerge them"), ref=ref)))
    raw: dict[str, Any] = {}
    for fkey, head in fields.items():
        i = index.get(head)
        value = cells[i] if i is not None and i < len(cells) else None
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if (rownum, i) in sim.source.formulas:
            bad(ValueNote(head, _text(value), Msg(N_("formula not accepted"))))
            continue
        raw[fkey] = value
        try:
            res.values.update(register.normalise({fkey: value}))
        except ValidationError as exc:
            bad(ValueNote(head, _text(value), exc))
            continue
        if register.KIND[fkey] == "date" and isinstance(value, str):
            res.notes.append(ValueNote(head, value, Msg(_TEXT_DATE, date=res.values[fkey]), refused=False))
    return raw


def _row(  # noqa: PLR0912 - one decision per rule of the module doc, in order
         session: Session, contract_id: uuid.UUID, sim: Simulation, rownum: int, cells: tuple[Any, ...],
         index: dict[str, int], fields: dict[str, str], existing: dict[str, uuid.UUID],
         subnets: list[ipam.SubnetInfo], taken: dict[tuple[uuid.UUID, str], tuple[uuid.UUID, str]],
         seen: dict[tuple[str, str], int], claimed: dict[tuple[uuid.UUID, str], int],
         merged_rows: dict[int, str]) -> RowResult:
    res = RowResult(rownum, "refused", "", {}, cells=cells)
    bad = res.notes.append
    raw = _read_values(sim, res, rownum, cells, index, fields, merged_rows)
    keyval = _text(raw.get(sim.key)) if sim.key != "ip" else (ipam.split_addresses(_text(raw.get("ip"))) or [""])[0]
    match = existing.get(keyval if sim.key == "ip" else keyval.casefold()) if keyval else None
    for fkey in ("code", "serial"):
        v = _text(raw.get(fkey)).casefold()
        if v:
            first = seen.setdefault((fkey, v), rownum)
            if first != rownum:
                bad(ValueNote(fields[fkey], _text(raw[fkey]), Msg(N_("duplicate {field}: also on row {row}"),
                                                                    field=FieldRef(fkey), row=first)))
    code = res.values.get("code", "")
    if code:
        other = existing.get(code.casefold()) if sim.key == "code" else None
        if sim.key != "code" and register.code_taken(session, contract_id, code, but=match):
            bad(ValueNote(fields["code"], code, Msg(N_("asset code {code} is already in the register"), code=code)))
        elif other is not None:
            match = other
    if res.values.get("ip"):
        try:
            res.placed = ipam.place_addresses(res.values["ip"], subnets, taken, match)
        except ValidationError as exc:
            bad(ValueNote(fields["ip"], res.values["ip"], exc))
        else:
            for sub, addr in res.placed:
                first = claimed.setdefault((sub.id, addr), rownum)
                if first != rownum:
                    bad(ValueNote(fields["ip"], addr, Msg(N_("duplicate {field}: also on row {row}"),
                                                          field=FieldRef("ip"), row=first)))
    if match is None and not res.values.get("name"):
        head = fields.get("name", "name")
        bad(ValueNote(head, "", Msg(N_("a new asset needs a name"))))
    res.asset_id = match
    if any(n.refused for n in res.notes):
        res.code = code or keyval
        return res
    if match is None:
        res.action, res.code = "created", code
        return res
    asset = session.get(Asset, match)
    if asset is None:  # gone since the key was read: a new asset after all
        res.action, res.code = "created", code
        return res
    res.code = asset.code
    res.changes = {k: (register.shown(getattr(asset, k)), register.shown(v)) for k, v in res.values.items()
                   if register.shown(getattr(asset, k)) != register.shown(v)}
    res.action = "updated" if res.changes else "unchanged"
    return res

