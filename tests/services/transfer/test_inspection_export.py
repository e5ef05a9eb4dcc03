"""Inspection log export read back with openpyxl."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from openpyxl import load_workbook

from app.cli import main as cli_main
from app.core.timeutil import local_dt
from app.errors import ValidationError
from app.services.inspection import runs as ins
from app.services.queries.lookup import engineers_by_name, get_contract, get_template
from app.services.transfer.inspection_log import export_inspection_log, safe_sheet_name
from app.services.transfer.xlsx_safe import EXCEL_CELL_MAX_CHARS

DAY = date(2026, 11, 23)


def _fill(db):
    with db.session() as s:
        c = get_contract(s)
        eng = engineers_by_name(s, c)["李晓明"]
        tpl = get_template(s, c, "machine-room-daily")
        for n, day in enumerate((DAY, date(2026, 11, 24))):
            insp = ins.start_inspection(s, c, tpl, day, "09:30", engineer=eng, actor="t", now=local_dt(day, time(9, 31)))
            for r in ins.results(s, insp.id):
                if r.item_text == "机房温度":
                    ins.record_result(s, r.id, value="31" if n == 0 else "22", actor="t",
                                      note="=HYPERLINK(\"http://x\")" if n == 0 else "bad\x1bcolour",
                                      now=local_dt(day, time(9, 35)))
                elif r.item_text == "机房相对湿度":
                    ins.record_result(s, r.id, value="50", note="x" * 40000, actor="t")
                elif r.kind == "reading":
                    ins.record_result(s, r.id, value="91", actor="t")
                elif r.kind == "choice":
                    ins.record_result(s, r.id, value="正常" if "空调" in r.item_text else "市电正常", actor="t")
                else:
                    ins.record_result(s, r.id, outcome="normal", actor="t")
            ins.finish_inspection(s, insp.id, actor="t", now=local_dt(day, time(9, 50)))
        tpl2 = get_template(s, c, "app-twice-daily")
        ins.start_inspection(s, c, tpl2, DAY, "09:00", engineer=eng, actor="t", now=local_dt(DAY, time(9, 1)))


def test_export_workbook_shape_and_hygiene(db, pinggu, tmp_path):
    _fill(db)
    out = tmp_path / "log.xlsx"
    with db.session() as s:
        export_inspection_log(s, get_contract(s), DAY, date(2026, 11, 30), out)
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "汇总" and wb.sheetnames[1] == "业务应用系统巡检" and wb.sheetnames[-1] == "巡检明细"
    assert set(wb.sheetnames[2:4]) == {"数据库与备份日检", "机房基础环境巡检"}
    assert wb.sheetnames[4:6] == ["呼叫中心定期维护", "备份数据可用性测试"]
    idle = wb["数据库与备份日检"]
    assert [idle.cell(r, 2).value for r in range(4, idle.max_row + 1)] == ["数据库实例运行状态", "表空间使用率", "昨日数据库备份成功"]
    ws = wb["机房基础环境巡检"]
    assert ws.freeze_panes == "E4" and ws.auto_filter.ref
    assert isinstance(ws.cell(1, 5).value, datetime) and ws.cell(1, 5).value.date() == DAY
    assert ws.cell(3, 5).value == "2026-11-23 09:30"
    rows = {ws.cell(r, 2).value: r for r in range(4, ws.max_row + 1)}
    temp = rows["机房温度"]
    assert ws.cell(temp, 5).value == 31 and ws.cell(temp, 5).fill.fgColor.rgb.endswith("FFC7CE")
    assert ws.cell(temp, 6).value == 22 and ws.cell(temp, 6).fill.fill_type is None
    assert ws.cell(rows["消防设施无告警"], 5).value == "正常"
    assert ws.cell(rows["精密空调运行状态"], 6).value == "正常"
    assert ws.cell(temp, 4).value == "18–27"

    d = wb["巡检明细"]
    headers = [c.value for c in d[1]]
    assert headers[:6] == ["巡检编号", "日期", "时段", "巡检模板", "分区", "巡检项"]
    assert d.freeze_panes == "A2" and d.auto_filter.ref
    col = {h: i + 1 for i, h in enumerate(headers)}
    by_item = {}
    for r in range(2, d.max_row + 1):
        by_item.setdefault(d.cell(r, col["巡检项"]).value, []).append(r)
    r0, r1 = by_item["机房温度"]
    note = d.cell(r0, col["备注"])
    assert note.value == '=HYPERLINK("http://x")' and note.data_type == "s"
    assert "\x1b" not in d.cell(r1, col["备注"]).value and d.cell(r1, col["备注"]).value.startswith("bad")
    long_note = d.cell(by_item["机房相对湿度"][0], col["备注"]).value
    assert len(long_note) <= EXCEL_CELL_MAX_CHARS and "truncated" in long_note
    assert isinstance(d.cell(r0, col["日期"]).value, datetime)
    assert isinstance(d.cell(r0, col["记录时间"]).value, datetime)
    assert d.cell(r0, col["记录时间"]).value == datetime(2026, 11, 23, 9, 35)
    assert d.cell(r0, col["结果"]).value == "异常" and d.cell(r0, col["结果"]).fill.fgColor.rgb.endswith("FFC7CE")
    # the unfinished inspection's unanswered items are listed as such
    assert "未填" in [d.cell(r, col["结果"]).value for r in range(2, d.max_row + 1)]
    summary = wb["汇总"]
    assert any(c.value == "完成率(%)" for c in summary[5])


def test_export_refuses_reversed_range(db, pinggu, tmp_path):
    with db.session() as s, pytest.raises(ValidationError):
        export_inspection_log(s, get_contract(s), DAY, date(2026, 11, 1), tmp_path / "x.xlsx")


def test_sheet_names_are_legal_and_unique():
    taken: set[str] = set()
    a = safe_sheet_name("机房/网络[巡检]: 每日*?" + "长" * 40, taken)
    b = safe_sheet_name("机房/网络[巡检]: 每日*?" + "长" * 40, taken)
    for name in (a, b):
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\")
    assert a != b


def test_cli_export(db, pinggu, tmp_path):
    _fill(db)
    url = str(db.engine.url)
    db.close()
    out = tmp_path / "cli.xlsx"
    rc = cli_main(["export", "inspections", "--db", url.replace("sqlite:///", ""), "--from", "2026-11-01",
                   "--to", "2026-11-30", "--out", str(out)])
    assert rc == 0 and out.exists()
    assert "巡检明细" in load_workbook(out).sheetnames
