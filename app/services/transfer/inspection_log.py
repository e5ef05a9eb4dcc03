"""The inspection log as an Excel workbook (巡检记录导出).

Sheets:

- ``汇总``: every count from ``app.services.inspection.schedule.completion`` — the one function
  the weekly/monthly reports and the KPI table also read, so the figures agree: 已完成巡检 (every
  finished inspection), per template 应巡检 / 已完成 / 漏检 / 未到期 / 计划外, and the total row.
- one sheet per checklist template (those with inspections in the range, plus active scheduled
  templates without any, so a template nobody inspected shows; ordered twice-daily, daily,
  weekly, monthly, quarterly, ad hoc): items as rows (section,
  item, unit, normal range), inspections as columns (header rows: date as a real Excel date,
  engineer, slot label); cells hold the reading (a number) or 正常 / 异常 / 不适用 / the chosen
  value; abnormal cells have a red fill.
- ``巡检明细``: one row per result (number, date, slot, template, section, item, value, unit,
  range, outcome, engineer, recorded at, note).

Every cell goes through ``app.services.transfer.xlsx_safe`` (formula-looking text stays text, control
characters replaced, over-long text cut with a visible marker, dates as local Excel dates).
"""

from __future__ import annotations

import logging
import re
import uuid
from collections import defaultdict
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import N_
from app.core.timeutil import utcnow
from app.core.vocab import InspectionOutcome, label, label_of
from app.errors import ValidationError
from app.services.inspection import schedule
from app.services.inspection.runs import range_text
from app.services.transfer.xlsx_safe import (
    DATE_FORMAT,
    display_width,
    set_print_setup,
    write_cell,
    write_table,
)
from app.store.models import (
    ChecklistItem,
    ChecklistTemplate,
    Contract,
    Engineer,
    Inspection,
    InspectionResult,
)

log = logging.getLogger(__name__)
ABNORMAL_FILL = PatternFill("solid", fgColor="FFC7CE")
ABNORMAL_FONT = Font(color="9C0006")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
BOLD = Font(bold=True)
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31
_FREQ_ORDER = {"twice_daily": 0, "daily": 1, "weekly": 2, "monthly": 3, "quarterly": 4, "ad_hoc": 5}
DETAIL_HEADERS = ["巡检编号", "日期", "时段", "巡检模板", "分区", "巡检项", "值", "单位", "正常范围",
                  "结果", "巡检人", "记录时间", "备注"]


def safe_sheet_name(name: str, taken: set[str]) -> str:
    """An Excel-legal, unique sheet title: no ``[]:*?/\\``, at most 31 characters, not blank."""
    base = _BAD_SHEET_CHARS.sub("_", name).strip().strip("'") or "Sheet"
    base = base[:SHEET_NAME_MAX]
    title, n = base, 2
    while title.lower() in {t.lower() for t in taken}:
        suffix = f"({n})"
        title = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        n += 1
    taken.add(title)
    return title


def _cell_value(r: InspectionResult) -> object:
    if r.outcome is None:
        return ""
    if r.outcome == "na":
        return label(InspectionOutcome.NA)
    if r.kind == "reading" and r.value_number is not None:
        return r.value_number
    if r.kind in ("choice", "text") and r.value_text:
        return r.value_text
    return label_of(InspectionOutcome, r.outcome)


def _slot_label(i: Inspection) -> str:
    return f"{i.due_date.isoformat()} {i.slot}".strip()


def export_inspection_log(session: Session, contract: Contract, start: date, end: date, out: Path) -> Path:
    """Write the inspection log of inspections with ``due_date`` in ``[start, end]`` (local dates,
    inclusive) to ``out`` (.xlsx) and return the path.

    Raises ``ValidationError("end", ...)`` when the range ends before it starts.
    """
    if end < start:
        raise ValidationError("end", N_("the range ends ({end}) before it starts ({start})"), end=end, start=start)
    out = Path(out)
    names = {e.id: e.name for e in session.scalars(select(Engineer).where(Engineer.contract_id == contract.id))}
    insps = list(session.scalars(
        select(Inspection)
        .where(Inspection.contract_id == contract.id, Inspection.due_date >= start, Inspection.due_date <= end)
        .order_by(Inspection.due_date, Inspection.slot, Inspection.number)
    ))
    by_insp: dict[uuid.UUID, list[InspectionResult]] = defaultdict(list)
    ids = [i.id for i in insps]
    for chunk in range(0, len(ids), 500):
        for r in session.scalars(
            select(InspectionResult).where(InspectionResult.inspection_id.in_(ids[chunk:chunk + 500]))
        ):
            by_insp[r.inspection_id].append(r)
    for rows in by_insp.values():
        rows.sort(key=lambda r: (r.position, r.item_text))

    wb = Workbook()
    taken: set[str] = set()
    summary = wb.active
    summary.title = safe_sheet_name("汇总", taken)
    _write_summary(session, contract, start, end, summary)

    by_template: dict[uuid.UUID, list[Inspection]] = defaultdict(list)
    for i in insps:
        by_template[i.template_id].append(i)
    freq = {t.id: t.frequency for t in session.scalars(
        select(ChecklistTemplate).where(ChecklistTemplate.contract_id == contract.id))}
    sheets: list[tuple[int, str, list[Inspection], list[ChecklistItem]]] = [
        (_FREQ_ORDER.get(freq.get(tid, ""), 9), xs[-1].template_name, xs, []) for tid, xs in by_template.items()
    ]
    # active scheduled templates without any inspection in the range still get their sheet
    # (items listed, no columns), so a template nobody inspected is visible
    idle = list(session.scalars(
        select(ChecklistTemplate).where(
            ChecklistTemplate.contract_id == contract.id, ChecklistTemplate.active,
            ChecklistTemplate.frequency != "ad_hoc", ChecklistTemplate.id.not_in(list(by_template)),
        )
    ))
    for tpl in idle:
        items = list(session.scalars(
            select(ChecklistItem).where(ChecklistItem.template_id == tpl.id, ChecklistItem.active)
            .order_by(ChecklistItem.position)
        ))
        sheets.append((_FREQ_ORDER.get(tpl.frequency, 9), tpl.name, [], items))
    for _rank, title, tpl_insps, items in sorted(sheets, key=lambda x: (x[0], x[1])):
        ws = wb.create_sheet(safe_sheet_name(title, taken))
        _write_template_sheet(ws, tpl_insps, by_insp, names, items)

    detail = wb.create_sheet(safe_sheet_name("巡检明细", taken))
    rows = []
    abnormal_rows = []
    for i in insps:
        for r in by_insp.get(i.id, []):
            rows.append([
                i.number, i.due_date, i.slot, i.template_name, r.section, r.item_text,
                r.value_number if r.kind == "reading" and r.value_number is not None else r.value_text,
                r.unit, range_text(r.normal_min, r.normal_max), label_of(InspectionOutcome, r.outcome) or "未填",
                names.get(i.engineer_id, "") if i.engineer_id else "", r.recorded_at, r.note,
            ])
            if r.outcome == "abnormal":
                abnormal_rows.append(len(rows) + 1)
    write_table(detail, DETAIL_HEADERS, rows)
    detail.column_dimensions["B"].width = 12
    detail.column_dimensions["L"].width = 17
    for row in abnormal_rows:
        for col in (7, 10):
            cell = detail.cell(row=row, column=col)
            cell.fill, cell.font = ABNORMAL_FILL, ABNORMAL_FONT

    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    log.info("exported the inspection log %s – %s to %s", start, end, out)
    return out


def _write_summary(session: Session, contract: Contract, start: date, end: date, ws) -> None:
    """The 汇总 sheet: title, range, and the counts of ``schedule.completion`` (see module doc)."""
    write_cell(ws, 1, 1, f"{contract.title} 巡检记录").font = Font(bold=True, size=14)
    write_cell(ws, 2, 1, "期间")
    write_cell(ws, 2, 2, start)
    write_cell(ws, 2, 3, end)
    comp = schedule.completion(session, contract, start, end, utcnow())
    write_cell(ws, 3, 1, "已完成巡检")
    write_cell(ws, 3, 2, comp["performed"])
    write_cell(ws, 3, 3, f"其中按计划 {comp['done']} 次，计划外 {comp['extra']} 次；未完成（进行中）{comp['unfinished']} 次")
    headers = ["巡检模板", "代码", "频次", "应巡检", "已完成", "漏检", "未到期", "计划外", "完成率(%)"]
    rows = [[t["name"], code, t["frequency"], t["due"], t["done"], t["missed"], t["open"], t["extra"], t["rate_pct"]]
            for code, t in sorted(comp["by_template"].items())]
    rows.append(["合计", "", "", comp["due"], comp["done"], comp["missed"], comp["open"], comp["extra"],
                 comp["rate_pct"]])
    write_table(ws, headers, rows, start_row=5)
    ws.column_dimensions["B"].width = max(ws.column_dimensions["B"].width or 0, 12)
    ws.column_dimensions["C"].width = max(ws.column_dimensions["C"].width or 0, 12)


def _write_template_sheet(ws, insps: list[Inspection], by_insp: dict[uuid.UUID, list[InspectionResult]],
                          names: dict[uuid.UUID, str], items: list[ChecklistItem]) -> None:
    # rows: every (section, item text, unit, range) seen, in position order of first appearance
    keys: list[tuple[str, str, str, str]] = []
    seen: dict[tuple[str, str, str, str], int] = {}
    order: dict[tuple[str, str, str, str], tuple[int, int]] = {}
    for it in items:
        k = (it.section, it.text, it.unit, range_text(it.normal_min, it.normal_max))
        if k not in seen:
            seen[k] = len(keys)
            keys.append(k)
            order[k] = (it.position, 0)
    for n, i in enumerate(insps):
        for r in by_insp.get(i.id, []):
            k = (r.section, r.item_text, r.unit, range_text(r.normal_min, r.normal_max))
            if k not in seen:
                seen[k] = len(keys)
                keys.append(k)
                order[k] = (r.position, n)
    keys.sort(key=lambda k: order[k])
    row_of = {k: idx + 4 for idx, k in enumerate(keys)}
    fixed = ["分区", "巡检项", "单位", "正常范围"]
    write_cell(ws, 1, 4, "日期").font = BOLD
    write_cell(ws, 2, 4, "巡检人").font = BOLD
    for c, h in enumerate(fixed, start=1):
        cell = write_cell(ws, 3, c, h)
        cell.font, cell.fill = BOLD, HEADER_FILL
    for idx, k in enumerate(keys):
        for c, v in enumerate(k, start=1):
            write_cell(ws, idx + 4, c, v)
    for n, i in enumerate(insps):
        col = 5 + n
        write_cell(ws, 1, col, i.due_date).number_format = DATE_FORMAT
        write_cell(ws, 2, col, names.get(i.engineer_id, "") if i.engineer_id else "")
        head = write_cell(ws, 3, col, _slot_label(i) + ("" if i.finished_at else " 未完成"))
        head.font, head.fill = BOLD, HEADER_FILL
        for r in by_insp.get(i.id, []):
            k = (r.section, r.item_text, r.unit, range_text(r.normal_min, r.normal_max))
            cell = write_cell(ws, row_of[k], col, _cell_value(r))
            if r.outcome == "abnormal":
                cell.fill, cell.font = ABNORMAL_FILL, ABNORMAL_FONT
        ws.column_dimensions[get_column_letter(col)].width = 17
    ws.freeze_panes = ws.cell(row=4, column=5)
    last = get_column_letter(4 + max(1, len(insps)))
    ws.auto_filter.ref = f"A3:{last}{3 + max(1, len(keys))}"
    set_print_setup(ws, title_rows=(1, 3), title_cols="A:D")  # dates, engineers, slots; items
    for c in range(1, 5):
        w = max([display_width(fixed[c - 1])] + [display_width(k[c - 1]) for k in keys]) + 2
        ws.column_dimensions[get_column_letter(c)].width = min(60, w)
