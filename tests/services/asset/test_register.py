"""The register: codes by scheme, every change in history, IP rules at entry, reminders across
holidays, stocktake discrepancies, labels and the profile export."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from sqlalchemy import select

from app.core.i18n import set_language
from app.core.timeutil import local_today
from app.errors import ValidationError
from app.services import agenda
from app.services.agenda import DueState
from app.services.asset import actions, due, export, labels, stocktake
from app.services.asset.queries import (
    AssetFilter,
    asset_view,
    count_assets,
    query_assets,
    subnet_usage,
)
from app.store.models import AssetChange


def _new(db, cid, **values):
    return actions.create_asset(db, cid, actor="王建国", values=values).value


def test_codes_follow_the_scheme_and_every_change_is_kept(db, pinggu) -> None:
    a = _new(db, pinggu.id, name="核心交换机", asset_class="network", model="S5735")
    b = _new(db, pinggu.id, name="打印机", asset_class="打印机")
    actions.set_code_scheme(db, pinggu.id, actor="t", scheme="PG-{class}{seq:03d}")
    c = _new(db, pinggu.id, name="服务器", asset_class="server")
    year = local_today().year
    codes = [asset_view(db, x).values["code"] for x in (a, b, c)]
    assert codes == [f"NET-{year}-0001", f"PRN-{year}-0001", "PG-SRV001"]
    changed = actions.edit_asset(db, a, actor="李晓明", values={"location": "中心机房", "model": "S5735-L"}).value
    assert changed == {"location": ("", "中心机房"), "model": ("S5735", "S5735-L")}
    assert actions.edit_asset(db, a, actor="李晓明", values={"model": "S5735-L"}).value == {}
    view = asset_view(db, a)
    assert {(h.field, h.old, h.new, h.actor) for h in view.history} == {
        ("created", "", codes[0], "王建国"), ("location", "", "中心机房", "李晓明"), ("model", "S5735", "S5735-L", "李晓明")}
    with pytest.raises(ValidationError) as exc:
        actions.edit_asset(db, b, actor="t", values={"code": codes[0]})
    assert exc.value.field == "code"
    with pytest.raises(ValidationError, match="至少为 1"):
        actions.edit_asset(db, b, actor="t", values={"quantity": 0})
    with pytest.raises(ValidationError) as exc:
        actions.create_asset(db, pinggu.id, actor="t", values={"name": ""})
    assert exc.value.field == "name"


def test_list_filters_and_pages_in_sql(db, pinggu) -> None:
    for i in range(12):
        _new(db, pinggu.id, name=f"终端{i}", asset_class="terminal", location="办公区" if i % 2 else "中心机房",
             status="spare" if i < 3 else "in_service", warranty_end=date(2026, 12, 1 + i))
    with db.session() as s:
        flt = AssetFilter(asset_class="terminal", location="办公区")
        assert count_assets(s, pinggu.id, flt) == 6
        assert count_assets(s, pinggu.id, AssetFilter(status="spare")) == 3
        page = query_assets(s, pinggu.id, AssetFilter(text="终端1"), "name", False, 0, 2)
        assert [r.name for r in page] == ["终端1", "终端10"]
        soon = AssetFilter(warranty="expiring", today=date(2026, 12, 5))
        expired = AssetFilter(warranty="expired", today=date(2026, 12, 5))
        assert count_assets(s, pinggu.id, soon) == 8 and count_assets(s, pinggu.id, expired) == 4
        # the 6 profile assets have no warranty date
        assert count_assets(s, pinggu.id, AssetFilter(warranty="unknown")) == 6


def test_ip_rules_at_entry(db, pinggu) -> None:
    cid = pinggu.id
    with pytest.raises(ValidationError, match="含主机位"):
        actions.add_subnet(db, cid, actor="t", cidr="10.1.1.5/24")
    actions.add_subnet(db, cid, actor="t", cidr="10.1.1.0/24", site="机房", vlan="10")
    with pytest.raises(ValidationError, match="重叠"):
        actions.add_subnet(db, cid, actor="t", cidr="10.1.0.0/16", site="机房")
    actions.add_subnet(db, cid, actor="t", cidr="10.1.0.0/16", site="分院")  # other site: allowed
    actions.add_subnet(db, cid, actor="t", cidr="192.168.5.0/30", site="专线")
    a = _new(db, cid, name="A", ip="10.1.1.10, 10.1.1.11")
    set_language("en")
    for ip, msg in (("10.1.1.10", "already used by"), ("10.1.1.0", "network address of 10.1.1.0/24"),
                    ("10.1.1.255", "broadcast address"), ("172.16.0.1", "outside every declared subnet"),
                    ("10.1.1.300", "not an IP address"), ("10.1.1.12 10.1.1.12", "listed twice"),
                    ("192.168.5.3", "broadcast address of 192.168.5.0/30")):
        with pytest.raises(ValidationError, match=msg) as exc:
            _new(db, cid, name="B", ip=ip)
        assert exc.value.field == "ip"
    b = _new(db, cid, name="B", ip="10.1.2.1")  # only in the /16 of 分院
    actions.edit_asset(db, a, actor="t", values={"ip": "10.1.1.11"})  # keeps its own address
    usage = {u.subnet.cidr: u for u in subnet_usage(db, cid)}
    assert usage["10.1.1.0/24"].size == 254 and [x[0] for x in usage["10.1.1.0/24"].used] == ["10.1.1.11"]
    assert usage["10.1.1.0/24"].free_ranges[0] == ("10.1.1.1", "10.1.1.10", 10)
    assert usage["192.168.5.0/30"].free == 2
    assert [x[1] for x in usage["10.1.0.0/16"].used] == [asset_view(db, b).values["code"]]
    _new(db, cid, name="C", ip="10.1.1.10")  # freed by A
    sid = next(u.subnet.id for u in subnet_usage(db, cid) if u.subnet.cidr == "10.1.1.0/24")
    with pytest.raises(ValidationError, match="still holds 2"):
        actions.remove_subnet(db, sid, actor="t")


def test_reminders_lead_times_deduplicated_and_across_holidays(db, pinggu) -> None:
    cid = pinggu.id
    # ends 2026-10-03, in the National Day holiday (Oct 1–7); its 7-day threshold, Saturday
    # Sep 26, follows the Mid-Autumn holiday (Fri Sep 25): the reminder starts Thursday Sep 24
    holiday = _new(db, cid, name="UPS 电池", warranty_end=date(2026, 10, 3), maintenance_end=date(2027, 3, 1))
    _new(db, cid, name="远期", warranty_end=date(2027, 6, 1))
    gone = _new(db, cid, name="已报废", warranty_end=date(2026, 9, 1))
    actions.edit_asset(db, gone, actor="t", values={"status": "retired"})

    def items(day):
        return [i for i in agenda.due_items(db, cid, day) if i.entity_kind == "asset"]

    assert items(date(2026, 7, 1)) == []
    got = items(date(2026, 7, 6))  # 89 days ahead: the 90-day reminder
    assert [(i.kind, i.days_left) for i in got] == [("warranty", 89)] and "提前 90 天提醒" in got[0].title
    assert "30 天" in items(date(2026, 9, 3))[0].title
    assert "30 天" in items(date(2026, 9, 23))[0].title
    assert "提前 7 天提醒" in items(date(2026, 9, 24))[0].title
    assert [i.entity_id for i in items(date(2026, 9, 24))] == [holiday]  # one item, not three
    late = items(date(2026, 10, 9))
    assert late[0].state is DueState.OVERDUE and late[0].days_left == -6
    # the warranty moved: the next date (maintenance) is the one reminded of
    actions.edit_asset(db, holiday, actor="t", values={"warranty_end": date(2029, 1, 1)})
    nxt = items(date(2027, 2, 20))
    assert [(i.kind, i.due_on) for i in nxt] == [("maintenance", date(2027, 3, 1))]
    weekdays = lambda d: d.weekday() < 5  # noqa: E731 - without the official holidays
    assert due.reached_threshold(date(2026, 10, 3), date(2026, 9, 24), weekdays) == 30
    assert due.reached_threshold(date(2026, 10, 3), date(2026, 9, 25), weekdays) == 7


def test_stocktake_discrepancy_report(db, pinggu, tmp_path) -> None:
    cid = pinggu.id
    room = "中心机房"  # the profile's six assets are there
    sid = stocktake.start_stocktake(db, cid, room, actor="王建国").value
    view = stocktake.stocktake_view(db, sid)
    assert len(view.lines) == 6 and view.count(None) == 6
    lines = {ln.code: ln.id for ln in view.lines}
    for code in ("UPS-01", "AC-01", "DB-01"):
        stocktake.mark_line(db, lines[code], "found", actor="王建国")
    stocktake.mark_line(db, lines["AC-02"], "moved", actor="王建国", moved_to="备件库")
    with pytest.raises(ValidationError):
        stocktake.mark_line(db, lines["STO-01"], "moved", actor="王建国")
    stocktake.add_unregistered(db, sid, "未贴标签的交换机 H3C", actor="王建国")
    stocktake.finish_stocktake(db, sid, actor="王建国")
    view = stocktake.stocktake_view(db, sid)
    report = [(ln.code, ln.result, ln.moved_to, ln.description) for ln in view.discrepancies()]
    assert report == [("AC-02", "moved", "备件库", ""), ("CC-01", "missing", "", ""), ("STO-01", "missing", "", ""),
                      ("", "unregistered", "", "未贴标签的交换机 H3C")]
    with pytest.raises(ValidationError, match="已结束"):
        stocktake.mark_line(db, lines["UPS-01"], "missing", actor="t")
    out = stocktake.write_report(view, tmp_path / "盘点.xlsx")
    ws = load_workbook(out).active
    assert ws["A1"].value == "中心机房 盘点" and ws["C3"].value == "位置变动" and ws["C6"].value == "未登记"
    assert ws.print_title_rows in ("2:2", "$2:$2") and ws.page_setup.orientation == "landscape"


def test_register_exports_with_print_setup_and_profile_section(db, pinggu, tmp_path) -> None:
    _new(db, pinggu.id, name="=cmd|' /C calc'!A0", asset_class="server", location="中心机房")
    n = export.export_register(db, pinggu.id, tmp_path / "r.xlsx")
    ws = load_workbook(tmp_path / "r.xlsx").active
    assert n == 7 and ws["A1"].value == "资产编号" and str(ws.page_setup.paperSize) == "9"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.fitToWidth) == 1 and ws.print_title_rows in ("1:1", "$1:$1")
    assert any(c.value == "=cmd|' /C calc'!A0" and c.data_type == "s" for c in ws["B"])
    export.export_profile_yaml(db, pinggu.id, tmp_path / "assets.yaml")
    data = yaml.safe_load((tmp_path / "assets.yaml").read_text(encoding="utf-8"))
    assert {"code": "DB-01", "name": "业务数据库服务器", "kind": "服务器", "location": "中心机房",
            "ip": "10.1.1.21"} in data["assets"]
    assert next(a for a in data["assets"] if a["name"].startswith("=cmd"))["kind"] == "服务器"


def test_label_sheet_pdf_renders(db, pinggu, tmp_path) -> None:
    data = labels.label_data(db, pinggu.id)
    assert data[0].owner_text == "北京市平谷区人民法院"
    out = tmp_path / "labels.pdf"
    assert labels.write_labels(data * 5, out, "a4-3x8") == 2  # 30 labels: 24 + 6
    assert labels.write_labels(data, tmp_path / "l2.pdf", "a4-2x5", skip=8) == 2
    with pytest.raises(ValidationError):
        labels.write_labels(data, tmp_path / "x.pdf", "a5-1x1")
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")],
                       check=True)
        assert Path(tmp_path / "p-1.png").stat().st_size > 5000


def test_history_rows_are_written_in_the_action_transaction(db, pinggu) -> None:
    a = _new(db, pinggu.id, name="X")
    with pytest.raises(ValidationError):
        actions.edit_asset(db, a, actor="t", values={"model": "M", "warranty_end": "明年"})
    with db.session() as s:
        assert [c.field for c in s.scalars(select(AssetChange).where(AssetChange.asset_id == a))] == ["created"]


def test_a_finished_stocktake_is_in_each_assets_history(db, pinggu) -> None:
    sid = stocktake.start_stocktake(db, pinggu.id, "中心机房", actor="王建国").value
    lines = {ln.code: ln for ln in stocktake.stocktake_view(db, sid).lines}
    stocktake.mark_line(db, lines["UPS-01"].id, "found", actor="李晓明")
    stocktake.mark_line(db, lines["AC-02"].id, "moved", actor="李晓明", moved_to="备件库")
    assert [h.field for h in asset_view(db, lines["UPS-01"].asset_id).history] == ["created"]  # not before the end
    stocktake.finish_stocktake(db, sid, actor="王建国")
    set_language("zh_CN")
    first = {code: asset_view(db, ln.asset_id).history[0] for code, ln in lines.items()}
    assert (first["UPS-01"].field, first["UPS-01"].old, first["UPS-01"].new, first["UPS-01"].actor) == (
        "stocktake", "中心机房", "在位", "李晓明")
    assert first["AC-02"].new == "位置变动 备件库" and first["CC-01"].new == "缺失" and first["CC-01"].actor == "王建国"


def test_pointing_a_checklist_item_is_in_both_assets_histories(db, pinggu) -> None:
    from app.services.asset.queries import checklist_items

    a, b = _new(db, pinggu.id, name="一号UPS"), _new(db, pinggu.id, name="二号UPS")
    item_id, label = checklist_items(db, pinggu.id)[0]
    actions.link_checklist_item(db, item_id, a, actor="王建国")
    actions.link_checklist_item(db, item_id, b, actor="李晓明")
    hist_a = [(h.field, h.old, h.new, h.actor) for h in asset_view(db, a).history if h.field == "checklist_items"]
    hist_b = [(h.field, h.old, h.new, h.actor) for h in asset_view(db, b).history if h.field == "checklist_items"]
    item_text = label.rsplit(" / ", 1)[-1]
    assert [(o.endswith(item_text), n.endswith(item_text), who) for _f, o, n, who in hist_a] == [
        (True, False, "李晓明"), (False, True, "王建国")]
    assert [(n.endswith(item_text), who) for _f, _o, n, who in hist_b] == [(True, "李晓明")]
    actions.link_checklist_item(db, item_id, b, actor="李晓明")  # no change, no entry
    assert len([h for h in asset_view(db, b).history if h.field == "checklist_items"]) == 1
