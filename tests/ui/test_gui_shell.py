"""The application shell: window, navigation, wiring, first start, settings, language, models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app import settings
from app.store.db import Database
from app.store.models import Contract
from tests.conftest import load_contract
from tests.ui.gui_helpers import ENGINEER, accept_dialog


@pytest.fixture(autouse=True)
def _no_translator_left_behind(qapp: Any) -> Any:
    """``main()`` and the screenshot tool install the zh_CN translator on the shared QApplication;
    remove it after each test so later tests (other modules too) see the English source strings."""
    yield
    from app.ui.app_setup import install_translator

    install_translator(qapp, "en")


NAV_EN = ["Overview", "Today", "Inspections", "Incidents", "Requests", "Requirements", "Work log", "Reports", "Assets", "Vault", "Contract", "Audit trail", "Settings"]
NAV_ZH = ["总览", "今日", "巡检", "故障", "工单", "需求", "工作日志", "报表", "资产", "密码库", "合同", "审计日志", "设置"]


def test_window_navigation_and_status_bar(qtbot: Any, main_window: Any, gui_ctx: Any) -> None:
    win = main_window
    assert win.windowTitle() == "运维台账 OpsLedger"
    texts = [win.nav.item(i).text() for i in range(win.nav.count())]
    assert texts in (NAV_EN, NAV_ZH)
    status = " ".join(w.text() for w in win.statusBar().findChildren(type(win._db_label)))
    assert "北京市平谷区人民法院信息化运维维护" in status
    assert ENGINEER in status and str(gui_ctx.db.file) in status
    assert win.current_key() == "overview"  # the first page a user sees
    win.nav.setCurrentRow(win.page_keys().index("settings"))
    assert win.current_key() == "settings"
    assert win.stack.currentWidget() is win.pages["settings"]


def test_broken_page_import_fails_loudly_when_the_page_is_needed(qtbot: Any, gui_ctx: Any, tmp_path: Path,
                                                                  monkeypatch: Any) -> None:
    """A page module that cannot be imported raises when its page is first needed — the overview at
    start, any other page when visited (no placeholder page hides it)."""
    import sys

    from app.store.db import open_database
    from app.ui import main as main_mod
    from app.ui.main_window import MainWindow

    path = tmp_path / "known.sqlite3"
    db = open_database(path)
    load_contract(db, "pinggu-court-2026")
    db.close()
    monkeypatch.setitem(sys.modules, "app.ui.pages.incident.page", None)  # importing it raises ImportError
    win = MainWindow(gui_ctx)  # the start does not need the 故障 page
    qtbot.addWidget(win)
    with pytest.raises(ImportError, match="app.ui.pages.incident.page"):
        win.show_page("incidents")
    monkeypatch.setitem(sys.modules, "app.ui.pages.overview.page", None)
    monkeypatch.setattr(QApplication, "exec", lambda *_a: 0)
    with pytest.raises(ImportError, match="app.ui.pages.overview.page"):
        main_mod.main(db=str(path))


def test_page_that_fails_to_build_fails_when_visited(qtbot: Any, gui_ctx: Any, monkeypatch: Any) -> None:
    from app.ui import main_window as mw
    from app.ui.pages.reports import ReportsPage

    def broken(self: Any, ctx: Any) -> None:
        raise RuntimeError("reports page broken")

    monkeypatch.setattr(ReportsPage, "__init__", broken)
    win = mw.MainWindow(gui_ctx)
    qtbot.addWidget(win)
    with pytest.raises(RuntimeError, match="reports page broken"):
        win.show_page("reports")


def test_changes_refresh_visible_page_now_and_hidden_pages_when_shown(
    qtbot: Any, main_window: Any, monkeypatch: Any
) -> None:
    win = main_window
    calls: list[str] = []
    for key in ("today", "inspections", "settings"):
        monkeypatch.setattr(win.pages[key], "refresh", lambda key=key: calls.append(key))
    win.show_page("today")
    win.ctx.bus.changed.emit(("inspection",))
    assert calls == ["today"]  # history is hidden: marked stale, settings does not show inspections
    win.show_page("inspections")
    assert calls == ["today", "inspections"]
    win.show_page("today")
    win.ctx.bus.changed.emit(("incident",))
    assert calls == ["today", "inspections"]


def test_first_start_loads_pinggu_and_stores_engineer(qtbot: Any, db: Database) -> None:
    from app.ui.first_start import FirstStartDialog

    dlg = FirstStartDialog(db)
    qtbot.addWidget(dlg)
    dlg.select_profile("pinggu-court-2026")
    names = [dlg.engineer_box.itemText(i) for i in range(dlg.engineer_box.count())]
    assert names == ["王建国", "李晓明"]
    dlg.engineer_box.setCurrentIndex(1)
    dlg.load()
    assert dlg.result() == FirstStartDialog.DialogCode.Accepted
    with db.session() as s:
        c = s.scalars(select(Contract)).one()
        assert c.name == "pinggu-court-2026" and dlg.contract_id == c.id
    assert settings.get("engineer_name") == "李晓明"
    assert settings.get("contract_name") == "pinggu-court-2026"


def test_first_start_refused_profile_shows_problem_and_writes_nothing(qtbot: Any, db: Database, tmp_path: Path) -> None:
    from app.ui.first_start import FirstStartDialog

    bad = tmp_path / "bad.yaml"
    bad.write_text("format: opsledger-contract-profile\nversion: 1\ncontract: {name: x}\n", encoding="utf-8")
    dlg = FirstStartDialog(db)
    qtbot.addWidget(dlg)
    assert dlg.use_file(bad) is False
    assert "bad.yaml" in dlg.error_label.text() and "未导入任何内容" in dlg.error_label.text()  # the refusal in the UI language
    dlg.engineer_box.setEditText("张三")
    dlg.load()  # nothing is chosen after a refusal: Load asks for a profile instead of importing one
    assert dlg.result() != FirstStartDialog.DialogCode.Accepted
    assert dlg.error_label.text() in ("Choose a contract profile first.", "请先选择合同配置。")
    with db.session() as s:
        assert s.scalars(select(Contract)).first() is None


def test_first_start_imports_profile_from_file(qtbot: Any, db: Database, tmp_path: Path) -> None:
    from app import paths
    from app.ui.first_start import FirstStartDialog

    own = tmp_path / "my-contract.yaml"
    text = (paths.profiles_dir() / "sanmenxia-court-2023.yaml").read_text(encoding="utf-8")
    own.write_text(text, encoding="utf-8")
    dlg = FirstStartDialog(db)
    qtbot.addWidget(dlg)
    assert dlg.use_file(own) is True
    assert "my-contract.yaml" in dlg.file_label.text()
    assert dlg.engineer_box.count() >= 1
    assert dlg.engineer_box.currentText() == ""  # offered, never pre-filled
    dlg.engineer_box.setCurrentIndex(0)  # the user picks their own name from the list
    dlg.load()
    assert dlg.result() == FirstStartDialog.DialogCode.Accepted
    with db.session() as s:
        assert s.scalars(select(Contract.name)).all() == ["sanmenxia-court-2023"]


def test_first_start_needs_engineer_name(qtbot: Any, db: Database) -> None:
    from app.ui.first_start import FirstStartDialog

    dlg = FirstStartDialog(db)
    qtbot.addWidget(dlg)
    dlg.select_profile("pinggu-court-2026")
    dlg.engineer_box.setEditText("  ")
    dlg.load()
    assert dlg.error_label.text()
    with db.session() as s:
        assert s.scalars(select(Contract)).first() is None


def test_main_runs_first_start_on_empty_database(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from app.ui import main as main_mod
    from app.ui.first_start import FirstStartDialog

    def fill(dlg: Any) -> None:
        dlg.select_profile("pinggu-court-2026")
        dlg.engineer_box.setCurrentIndex(dlg.engineer_box.findText("王建国"))
        dlg.load()

    seen = accept_dialog(monkeypatch, FirstStartDialog, fill)
    windows: list[Any] = []
    monkeypatch.setattr(QApplication, "exec", lambda *_a: windows.append(QApplication.topLevelWidgets()) or 0)
    path = tmp_path / "fresh.sqlite3"
    assert main_mod.main(db=str(path)) == 0
    assert len(seen) == 1
    from app.store.db import open_database

    db = open_database(path)
    try:
        with db.session() as s:
            assert s.scalars(select(Contract.name)).all() == ["pinggu-court-2026"]
    finally:
        db.close()
    assert settings.get("engineer_name") == "王建国"
    for w in QApplication.topLevelWidgets():
        w.close()


def test_settings_engineer_contract_switch_and_calendar_import(
    qtbot: Any, main_window: Any, gui_ctx: Any, tmp_path: Path
) -> None:
    win = main_window
    page = win.show_page("settings")
    page.engineer.setText("李晓明")
    page.apply_engineer()
    assert gui_ctx.engineer == "李晓明" and settings.get("engineer_name") == "李晓明"
    assert "李晓明" in win._engineer_label.text()
    # a second contract appears in the switcher; choosing it switches every page
    other = load_contract(gui_ctx.db, "sanmenxia-court-2023")
    page.refresh()
    i = page.contract.findData(str(other.id))
    assert i >= 0
    page.contract.setCurrentIndex(i)
    page.contract.activated.emit(i)
    assert gui_ctx.contract_id == other.id
    assert settings.get("contract_name") == "sanmenxia-court-2023"
    assert "三门峡" in win._contract_label.text()
    # calendar year file
    year_file = tmp_path / "2031.yaml"
    year_file.write_text(
        "format: opsledger-holiday-calendar\nversion: 1\nyear: 2031\nsource: 测试通知\n"
        "holidays:\n  - {date: 2031-01-01, name: 元旦}\nmakeup_days: []\n", encoding="utf-8")
    changes: list[tuple] = []
    gui_ctx.bus.changed.connect(changes.append)
    page.import_year_file(year_file, background=False)
    assert any(page.years.item(n).text().startswith("2031") for n in range(page.years.count()))
    assert ("calendar",) in changes


def test_settings_calendar_import_in_worker_reports_refusal(qtbot: Any, main_window: Any, tmp_path: Path) -> None:
    page = main_window.show_page("settings")
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: opsledger-holiday-calendar\nversion: 1\nyear: 2031\nsource: x\n"
                   "holidays:\n  - {date: 2030-01-01}\n", encoding="utf-8")
    page.import_year_file(bad)
    qtbot.waitUntil(lambda: page.import_year.isEnabled())
    assert "2030-01-01" in page.message.text()


def test_language_choice(monkeypatch: Any) -> None:
    from app.ui.app_setup import ui_language

    monkeypatch.setenv("OPSLEDGER_LANG", "en")
    assert ui_language() == "en"
    monkeypatch.delenv("OPSLEDGER_LANG")
    settings.set_value("language", "zh_CN")
    assert ui_language() == "zh_CN"
    settings.set_value("language", "en")
    assert ui_language() == "en"


def test_chinese_translation_and_bundled_font(qtbot: Any, gui_ctx: Any) -> None:
    from PySide6.QtGui import QFontDatabase

    from app.ui.app_setup import install_font, install_translator, load_cjk_font
    from app.ui.main_window import MainWindow

    app = QApplication.instance()
    family = load_cjk_font()
    assert family and family in QFontDatabase.families()
    install_font(app)
    assert family in app.font().families()
    try:
        assert install_translator(app, "zh_CN")
        win = MainWindow(gui_ctx)
        qtbot.addWidget(win)
        assert [win.nav.item(i).text() for i in range(win.nav.count())] == NAV_ZH
    finally:
        install_translator(app, "en")
    win_en = MainWindow(gui_ctx)
    qtbot.addWidget(win_en)
    assert [win_en.nav.item(i).text() for i in range(win_en.nav.count())] == NAV_EN


def test_screenshot_tool_writes_every_page(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("screenshot", Path(__file__).parents[2] / "tools" / "screenshot.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = tmp_path / "shots"
    assert mod.main(["--db", str(tmp_path / "s.sqlite3"), "--out", str(out), "--day", "2026-06-01", "--runner"]) == 0
    names = sorted(p.name for p in out.glob("*.png"))
    from app.ui.main_window import PAGES

    assert names[0] == "00-overview.png" and names[-1].endswith("-runner.png")
    assert len(names) == len(PAGES) + 1
    assert all(p.stat().st_size > 5000 for p in out.glob("*.png"))


def test_main_asks_engineer_when_none_is_set(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QInputDialog

    from app.store.db import open_database
    from app.ui import main as main_mod

    path = tmp_path / "known.sqlite3"
    db = open_database(path)
    load_contract(db, "pinggu-court-2026")
    db.close()
    offered: list[list[str]] = []

    def fake_get_item(_parent: Any, _title: str, _label: str, items: list[str], *_a: Any) -> tuple[str, bool]:
        offered.append(list(items))
        return "李晓明", True

    monkeypatch.setattr(QInputDialog, "getItem", fake_get_item)
    monkeypatch.setattr(QApplication, "exec", lambda *_a: 0)
    assert main_mod.main(db=str(path)) == 0
    assert offered == [["李晓明", "王建国"]]
    assert settings.get("engineer_name") == "李晓明"
    for w in QApplication.topLevelWidgets():
        w.close()


def test_language_follows_system_locale_when_unset(monkeypatch: Any) -> None:
    from PySide6.QtCore import QLocale

    from app.ui import app_setup

    monkeypatch.delenv("OPSLEDGER_LANG", raising=False)

    class FakeLocale:
        def __init__(self, langs: list[str]) -> None:
            self.langs = langs

        def uiLanguages(self) -> list[str]:  # noqa: N802
            return self.langs

        def name(self) -> str:
            return self.langs[0]

    for langs, expected in ((["en-US", "en"], "en"), (["zh-CN"], "zh_CN"), (["C"], "zh_CN"), (["de-DE"], "zh_CN")):
        monkeypatch.setattr(QLocale, "system", staticmethod(lambda langs=langs: FakeLocale(langs)))
        assert app_setup.ui_language() == expected


def test_settings_imports_contract_profile_file(qtbot: Any, main_window: Any, gui_ctx: Any, tmp_path: Path) -> None:
    from app import paths

    page = main_window.show_page("settings")
    bad = tmp_path / "broken.yaml"
    bad.write_text("format: opsledger-contract-profile\nversion: 1\n", encoding="utf-8")
    assert page.import_profile_file(bad) is False
    assert "broken.yaml" in page.message.text()
    good = paths.profiles_dir() / "beijing-justice-bureau-2024.yaml"
    assert page.import_profile_file(good) is True
    with gui_ctx.db.session() as s:
        names = s.scalars(select(Contract.name).order_by(Contract.name)).all()
    assert names == ["beijing-justice-bureau-2024", "pinggu-court-2026"]
    assert page.contract.count() == 2
    assert page.contract.currentData() == str(gui_ctx.contract_id)  # still on Pinggu
