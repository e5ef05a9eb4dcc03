"""The contract page (合同): the profile shown section by section, and re-import with a preview
driven through the widgets (cancel writes nothing, apply writes)."""

from __future__ import annotations

from typing import Any

import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from app import paths
from app.core.profile import profile_of
from app.store.models import AuditEvent, Contract
from tests.conftest import load_contract

PINGGU = paths.resources_dir() / "profiles" / "pinggu-court-2026.yaml"


def _page(main_window: Any) -> Any:
    from app.ui.pages.contract import ContractPage

    page = main_window.show_page("contract")
    assert isinstance(page, ContractPage) and main_window.current_key() == "contract"
    return page


def test_the_pinggu_profile_reads_section_by_section_with_its_clauses(main_window: Any) -> None:
    page = _page(main_window)
    sla = page.section_rows("sla")
    assert sla[0][:5] == ["运行故障", "P1 重大故障", "30 分钟", "120 分钟", "7x24"]
    assert sla[0][-1] == "第七条第1款 及时响应；双方约定"  # the marker is worded, never "practice"
    assert [r[1] for r in sla] == ["P1 重大故障", "P2 一般故障", "P3 轻微故障"] * 2 + ["服务台"]
    assert [r[0] for r in sla[:6]] == ["运行故障"] * 3 + ["安全事件"] * 3
    assert sla[-1][2:4] == ["30 分钟", "480 分钟"]  # service desk response / resolve
    kpis = {r[0]: r for r in page.section_rows("kpis")}
    assert kpis["inspection"][1:] == ["巡检完成率", "巡检完成率", "全合同", "≥ 100%", "第三条 每天两次业务应用系统巡检"]
    assert kpis["availability"][4] == "≥ 96%"
    reports = {r[0]: r for r in page.section_rows("reports")}
    assert reports["年度维护工作报告"][1:4] == ["年度", "期满后 15 天", "是"]  # 第二条第2款: the annual report is accepted by the client
    checklists = {r[0]: r for r in page.section_rows("checklists")}
    assert checklists["app-twice-daily"][2:4] == ["每日两次", "09:00, 14:30"]
    names = [r[0] for r in page.section_rows("engineers")]
    assert names[:2] == ["王建国", "李晓明"] and "驻场运维工程师" in names  # engineers, then the roles
    payments = page.section_rows("payments")  # 第五条: four instalments
    assert len(payments) == 4 and payments[0][:5] == ["第一期（6 个月服务费）", "202140", "2026-05-31", "✓ 2026-05-01 起", "已满足"]
    parties = {r[0]: r[1] for r in page.section_rows("parties")}
    assert parties["甲方"] == "北京市平谷区人民法院" and parties["服务期"] == "2026-05-01 – 2027-04-30"


def test_the_justice_bureau_profile_after_switching_contract(main_window: Any, gui_ctx: Any) -> None:
    justice = load_contract(gui_ctx.db, "beijing-justice-bureau-2024")
    main_window.set_contract(justice.id)
    page = _page(main_window)
    sla = {r[1].split()[0]: r for r in page.section_rows("sla")}
    assert sla["S1"][2:5] == ["30 分钟", "60 分钟", "7x24"] and "§2.5.1.4" in sla["S1"][-1]
    kpis = {r[0]: r for r in page.section_rows("kpis")}
    assert kpis["long-outages"][2:5] == ["长时间中断次数", "全合同", "≤ 2 次"]
    assert kpis["long-outages"][5].startswith("§2.9")
    assert "运维周报" in {r[0] for r in page.section_rows("reports")}


def _modified(tmp_path: Any) -> str:
    data = yaml.safe_load(PINGGU.read_text(encoding="utf-8"))
    data["severities"][0]["response_minutes"] = 20
    data["kpis"][0]["target"] = 98
    data["payments"] = [{"milestone": "第一期", "amount": 60000, "due": "2026-05-31", "depends_on": ["2026-05-31"],
                         "source": "第二条第2款 合同签订之日起 1 个月内"}]
    path = tmp_path / "pinggu-changed.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


def _p1_response(gui_ctx: Any) -> float:
    with gui_ctx.db.session() as s:
        return float(profile_of(s.get(Contract, gui_ctx.contract_id)).severity("P1").response_minutes)


def _updates(gui_ctx: Any) -> int:
    with gui_ctx.db.session() as s:
        return s.query(AuditEvent).filter(AuditEvent.action == "contract.update").count()


def test_reimport_previews_the_changes_cancel_writes_nothing_apply_writes(
        qtbot: Any, main_window: Any, gui_ctx: Any, monkeypatch: Any, tmp_path: Any) -> None:
    from app.ui.pages.contract import ReimportDialog

    page = _page(main_window)
    path = _modified(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (path, ""))
    seen: list[Any] = []
    press = {"button": "cancel"}

    def fake_exec(dialog: Any) -> int:
        seen.append(dialog)
        getattr(dialog, f"{press['button']}_button").click()
        return int(dialog.result())

    monkeypatch.setattr(ReimportDialog, "exec", fake_exec)
    before = _updates(gui_ctx)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    rows = seen[0].rows()
    assert ["SLA 目标", "P1", "修改", "响应时限（分钟）", "30", "20"] in rows
    assert ["考核指标", "availability", "修改", "目标", "96", "98"] in rows
    assert any(r[0] == "付款计划" and r[1] == "第一期" and r[2] == "新增" for r in rows)
    assert seen[0].result() == QDialog.DialogCode.Rejected
    assert _p1_response(gui_ctx) == 30 and _updates(gui_ctx) == before  # cancel: nothing written
    assert page.message.text() == page.tr("Re-import cancelled; nothing was changed.")

    press["button"] = "apply"
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert _p1_response(gui_ctx) == 20 and _updates(gui_ctx) == before + 1
    assert page.section_rows("sla")[0][2] == "20 分钟"
    payments = page.section_rows("payments")
    assert payments[0][:5] == ["第一期", "60000", "2026-05-31", "✓ 2026-05-31 起", "已满足"]


def test_a_refused_file_is_explained_and_nothing_changes(main_window: Any, gui_ctx: Any, tmp_path: Any,
                                                          no_modals: list[str]) -> None:
    page = _page(main_window)
    bad = tmp_path / "bad.yaml"
    bad.write_text(PINGGU.read_text(encoding="utf-8").replace("response_minutes: 30,", "response_minutes: soon,", 1),
                   encoding="utf-8")
    assert page.reimport(bad) is False
    assert "bad.yaml" in no_modals[0] and "bad.yaml" in page.message.text()
    assert _p1_response(gui_ctx) == 30


def test_export_writes_a_profile_that_imports_unchanged(main_window: Any, gui_ctx: Any, tmp_path: Any) -> None:
    from app.services.contract import diff

    page = _page(main_window)
    out = page.export_to(tmp_path / "out.yaml")
    assert out is not None and out.exists()
    assert diff.preview_reimport(gui_ctx.db, gui_ctx.contract_id, out).value.changes == []
