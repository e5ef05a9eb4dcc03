"""Every xlsx export prints on A4 landscape, as wide as the page, header row(s) on every page
(issue #8 item 9: the fault ledger printed as 16 pages of two columns)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from app.reports.render.xlsx import render_xlsx
from app.services.queries.lookup import get_contract
from app.services.transfer.columns import HISTORY_SHEET, MAIN_SHEET, SERVICES_SHEET
from app.services.transfer.inspection_log import export_inspection_log
from app.services.transfer.record_export import (
    export_incidents,
    export_requests,
    export_requirements,
    export_worklog,
)
from tests.reports.sample_document import sample_document
from tests.services.transfer.test_inspection_export import DAY, _fill
from tests.services.transfer.test_record_export import make_closed_incident, make_request


def assert_prints_landscape_to_width(ws: Worksheet, title_rows: str | None) -> None:
    """A4 (paper size 9), landscape, fit to 1 page wide × as many high as needed, repeated rows."""
    setup = ws.page_setup
    assert str(setup.paperSize) == "9", ws.title
    assert setup.orientation == "landscape", ws.title
    assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
    assert int(setup.fitToWidth) == 1 and int(setup.fitToHeight) == 0, ws.title
    assert ws.print_title_rows == title_rows, ws.title


def _reopened(path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path)  # read back from the file, as Excel would


def test_fault_ledger_and_its_sheets(db, pinggu, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        make_closed_incident(s, get_contract(s))
    with db.session() as s:
        out = export_incidents(s, get_contract(s), date(2026, 5, 1), date(2026, 5, 31),
                               tmp_path / "faults.xlsx")
    wb = _reopened(out)
    for sheet in (MAIN_SHEET["incidents"], SERVICES_SHEET, HISTORY_SHEET):
        assert_prints_landscape_to_width(wb[sheet], "$1:$1")


def test_requests_requirements_and_work_log(db, pinggu, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        make_request(s, get_contract(s))
    with db.session() as s:
        c = get_contract(s)
        outs = [export_requests(s, c, date(2026, 5, 1), date(2026, 5, 31), tmp_path / "r.xlsx"),
                export_requirements(s, c, date(2026, 5, 1), date(2026, 5, 31), tmp_path / "q.xlsx"),
                export_worklog(s, c, date(2026, 5, 1), date(2026, 5, 31), tmp_path / "w.xlsx")]
    for out in outs:
        for ws in _reopened(out):
            assert_prints_landscape_to_width(ws, "$1:$1")


def test_inspection_log_every_sheet(db, pinggu, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _fill(db)
    with db.session() as s:
        out = export_inspection_log(s, get_contract(s), DAY, date(2026, 11, 30), tmp_path / "l.xlsx")
    wb = _reopened(out)
    assert_prints_landscape_to_width(wb["汇总"], "$5:$5")          # the completion table's header
    assert_prints_landscape_to_width(wb["巡检明细"], "$1:$1")
    room = wb["机房基础环境巡检"]
    assert_prints_landscape_to_width(room, "$1:$3")               # dates, engineers, slots
    assert room.print_title_cols == "$A:$D"                       # the checklist items


def test_report_workbook_every_sheet(tmp_path: Path) -> None:
    wb = _reopened(render_xlsx(sample_document(inspection_rows=5), tmp_path / "r.xlsx"))
    for ws in wb:
        rows = list(ws.iter_rows(values_only=True))
        assert_prints_landscape_to_width(ws, ws.print_title_rows)
        if ws.title == "二、巡检情况":
            head = next(i for i, r in enumerate(rows, start=1) if r[0] == "巡检编号")
            assert ws.print_title_rows == f"${head}:${head}"
