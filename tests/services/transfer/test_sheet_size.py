"""Streamed sheets declare their size, so readers need not parse a sheet twice — never a wrong one;
the fault log's SLA figures, exported and imported, use the targets of the incident's scope."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app.core.timeutil import LOCAL_TZ
from app.services.incident.sla import compute_incident_clocks
from app.services.queries.clocks import bulk_incident_clocks
from app.services.queries.lookup import get_contract
from app.services.transfer import record_export
from app.services.transfer.columns import INCIDENT_COLUMNS, MAIN_SHEET
from app.services.transfer.record_export import export_incidents
from app.services.transfer.record_import import import_incidents
from app.services.transfer.xlsx_stream import SizeMismatchError, StreamedTable
from app.store.db import Database
from app.store.models import Contract, Incident
from tests.services.queries.test_sla_watch import scoped  # noqa: F401 - the scoped-targets fixture
from tests.services.transfer.test_record_export import make_closed_incident


class _Code(StrEnum):
    FORMULA = "=1+1"


def test_declared_size_is_written_and_values_bound_as_before(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    table = StreamedTable(wb, "t", ["a", "b", "c", "d"], rows=2)
    table.append(["x\x1by", datetime(2026, 5, 6, 1, 2, tzinfo=LOCAL_TZ), _Code.FORMULA, ""])
    table.append([3, date(2026, 5, 7), None, True])
    table.close()
    wb.save(tmp_path / "t.xlsx")
    with zipfile.ZipFile(tmp_path / "t.xlsx") as z:
        assert b'<dimension ref="A1:D3"/>' in z.read("xl/worksheets/sheet1.xml")
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert ws["A2"].value == "x\ufffdy"
    assert ws["B2"].value == datetime(2026, 5, 6, 1, 2) and ws["B2"].number_format == "yyyy-mm-dd hh:mm"
    assert ws["C2"].value == "=1+1" and ws["C2"].data_type == "s"  # text, never a formula
    assert ws["D2"].value is None
    assert ws["A3"].value == 3 and ws["B3"].number_format == "yyyy-mm-dd" and ws["D3"].value is True


def test_a_size_other_than_the_rows_written_is_refused() -> None:
    wb = Workbook(write_only=True)
    table = StreamedTable(wb, "t", ["a"], rows=2)
    table.append(["only one"])
    with pytest.raises(SizeMismatchError):
        table.close()
    table.discard()


def test_fault_log_declares_sizes_and_is_written_again_when_the_counts_went_stale(
        db: Database, pinggu: Contract, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with db.session() as s:
        make_closed_incident(s, get_contract(s))
    with db.session() as s:
        out = export_incidents(s, get_contract(s), date(2026, 5, 1), date(2026, 5, 31), tmp_path / "a.xlsx")
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.worksheets[0].max_row == 2
    assert wb[MAIN_SHEET["incidents"]].max_column == len(INCIDENT_COLUMNS)
    wb.close()

    real = record_export._write_incidents
    seen: list[object] = []

    def stale(*args, **kw):  # type: ignore[no-untyped-def]
        seen.append(args[-1])
        sizes = args[-1]
        if sizes is not None:  # a row was added after the counts
            args = (*args[:-1], [sizes[0] - 1, *sizes[1:]])
        return real(*args, **kw)

    monkeypatch.setattr(record_export, "_write_incidents", stale)
    with db.session() as s:
        out = export_incidents(s, get_contract(s), date(2026, 5, 1), date(2026, 5, 31), tmp_path / "b.xlsx")
    assert seen[-1] is None  # written again, without sizes
    rows = list(openpyxl.load_workbook(out, read_only=True)[MAIN_SHEET["incidents"]].iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][1] == "统一业务系统无法登录"


def test_fault_log_sla_targets_are_the_scoped_ones_the_list_counts(db: Database, scoped: dict,  # noqa: F811
                                                                    tmp_path: Path) -> None:
    """A P2 incident on a core service has the core group's 5-minute response target in the fault
    log, as in the list's bulk clocks; one on an auxiliary service the P2 default."""
    now, ids = scoped["now"], scoped["ids"]
    bulk = bulk_incident_clocks(db, list(ids.values()), now)
    with db.session() as s:
        contract = s.get(Contract, scoped["cid"])
        out = export_incidents(s, contract, date(2020, 1, 1), date(2030, 12, 31), tmp_path / "f.xlsx", now=now)
        numbers = {s.get(Incident, iid).number: key for key, iid in ids.items()}
    keys = [c.key for c in INCIDENT_COLUMNS]
    rows = list(openpyxl.load_workbook(out, read_only=True)[MAIN_SHEET["incidents"]].iter_rows(values_only=True))
    seen = {}
    for row in rows[1:]:
        key = numbers[row[keys.index("number")]]
        clocks = bulk[ids[key]]
        seen[key] = row[keys.index("response_target")]
        assert seen[key] == clocks.response.target_minutes, key
        assert row[keys.index("restore_target")] == clocks.restore.target_minutes, key
    assert seen["core"] == 5 and seen["security"] == 7 and seen["aux"] != 5


def test_imported_sla_figures_use_the_scoped_targets_as_closing_in_the_app_does(
        db: Database, scoped: dict, tmp_path: Path) -> None:  # noqa: F811
    """Closed P2 incidents imported on a core service (5-minute 7×24 response target) and on an
    auxiliary one (the P2 default) store the figures the detail pane's clocks give."""
    wb = Workbook()
    ws = wb.active
    ws.append(["故障标题", "故障级别", "发生时间", "响应时间", "恢复时间", "关闭时间", "影响业务系统"])
    for title, service in (("核心", "OA"), ("辅助", "website")):
        ws.append([title, "P2", datetime(2026, 5, 6, 9, 0), datetime(2026, 5, 6, 9, 10),
                   datetime(2026, 5, 6, 9, 30), datetime(2026, 5, 6, 10, 0), service])
    wb.save(tmp_path / "in.xlsx")
    with db.session() as s:
        assert import_incidents(s, s.get(Contract, scoped["cid"]), tmp_path / "in.xlsx").count == 2
    with db.session() as s:
        stored = {}
        for inc in s.scalars(select(Incident).where(Incident.title.in_(("核心", "辅助")))):
            clocks = compute_incident_clocks(s, inc, inc.closed_at)
            assert (inc.response_minutes, inc.response_breached, inc.restore_minutes, inc.restore_breached) == (
                clocks.response_minutes, clocks.response_breached, clocks.restore_minutes, clocks.restore_breached)
            stored[inc.title] = (clocks.response.target_minutes, inc.response_breached)
    assert stored["核心"] == (5, True) and stored["辅助"][1] is False
