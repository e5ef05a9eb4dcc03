"""总览 on an empty ledger (the Pinggu contract loaded, nothing recorded): no KPI tile reads 达标 —
系统稳定运行率 says 无法评定 and why; every tile's target is the report's target text."""

from __future__ import annotations

from typing import Any

from app.core.kpi import target_text


def test_an_empty_ledger_shows_no_kpi_met_and_says_why(qtbot: Any, main_window: Any) -> None:
    page = main_window.pages["overview"]
    qtbot.waitUntil(page.is_filled, timeout=20_000)
    tiles = {t.key: t for t in page.kpis.tiles}
    stable = tiles["kpi_availability"]
    assert stable.caption.text() == "系统稳定运行率"
    assert stable.number.text() == "—" or "%" not in stable.number.text()
    assert stable.state.text().startswith("无法评定")
    assert stable.state.text().endswith("本期无任何记录")
    assert not [k for k, t in tiles.items() if t.state.text().startswith("达标")]
    for k in page.month_figures.kpis:  # the tile's target is the one target text
        assert target_text(k.comparison, k.target, k.unit) in tiles[f"kpi_{k.code}"].state.text()


def test_in_english_the_reason_reads_as_a_sentence_of_its_own(qtbot: Any, main_window: Any) -> None:
    from PySide6.QtWidgets import QApplication

    from app.core.i18n import language, set_language
    from app.ui.app_setup import install_translator

    before = language()
    install_translator(QApplication.instance(), "en")
    try:
        page = main_window.pages["overview"]
        page.refresh()
        qtbot.waitUntil(page.is_filled, timeout=20_000)
        state = {t.key: t for t in page.kpis.tiles}["kpi_availability"].state.text()
        assert state.startswith("Cannot be assessed"), state
        assert state.splitlines()[-1] == "Nothing was recorded in the period"
    finally:  # back to the suite's state: no Qt translator, the service texts in ``before``
        install_translator(QApplication.instance(), "en")
        set_language(before)
