"""The tray tells each incident once at 75 % of its SLA target and once at its breach, each due
slot once (also across a restart), and nothing while the setting is off — with a fake tray (a list of shown messages)
fed the overview's own figures as time moves on.

Pinggu: a P1 fault reported now (response target 30 min, 7×24); the figures are taken 10, 24, 27,
31 and 40 minutes later (33 %, 80 %, 90 %, breached, still breached).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app import settings
from app.core.timeutil import to_local, utcnow
from app.services.incident import actions as incidents
from app.services.queries import overview as ov
from app.ui.tray import SETTING, TrayNotifier
from tests.ui.gui_helpers import ENGINEER


def _figs(ctx: Any, at: Any) -> ov.NowFigures:
    return ov.now_figures(ctx.db, ctx.contract_id, to_local(at).date(), at)


def test_once_at_75_percent_and_once_at_breach(gui_ctx: Any) -> None:
    t0 = utcnow()
    iid = incidents.create_incident(gui_ctx.db, gui_ctx.contract_id, actor=ENGINEER, title="核心交换机宕机",
                                    occurred_at=t0, reported_at=t0, severity="P1").value
    shown: list[str] = []
    tray = TrayNotifier(lambda _title, text: shown.append(text))
    sla_lines = lambda: [t for t in shown if "SLA" in t]  # noqa: E731 - slots may be due too
    tray.watch(_figs(gui_ctx, t0 + timedelta(minutes=10)))
    assert sla_lines() == []
    told = tray.watch(_figs(gui_ctx, t0 + timedelta(minutes=24)))
    assert [n.key for n in told if n.key[0] == "sla"] == [("sla", str(iid), "75")]
    assert len(sla_lines()) == 1 and "80" in sla_lines()[0] and "INC-" in sla_lines()[0]
    tray.watch(_figs(gui_ctx, t0 + timedelta(minutes=27)))
    assert len(sla_lines()) == 1  # 90 %: told already
    told = tray.watch(_figs(gui_ctx, t0 + timedelta(minutes=31)))
    assert [n.key for n in told if n.key[0] == "sla"] == [("sla", str(iid), "100")]
    assert len(sla_lines()) == 2
    tray.watch(_figs(gui_ctx, t0 + timedelta(minutes=40)))
    assert len(sla_lines()) == 2


def test_switched_off_tells_nothing_and_on_again_tells_what_is_pending(gui_ctx: Any) -> None:
    t0 = utcnow()
    incidents.create_incident(gui_ctx.db, gui_ctx.contract_id, actor=ENGINEER, title="OA 登录失败",
                              occurred_at=t0, reported_at=t0, severity="P1")
    shown: list[str] = []
    tray = TrayNotifier(lambda _title, text: shown.append(text))
    settings.set_value(SETTING, False)
    assert tray.watch(_figs(gui_ctx, t0 + timedelta(minutes=35))) == [] and shown == []
    settings.set_value(SETTING, True)
    told = tray.watch(_figs(gui_ctx, t0 + timedelta(minutes=36)))
    assert any(n.key[0] == "sla" and n.key[2] == "100" for n in told) and len(shown) == 1


def test_the_overview_feeds_the_tray(qtbot: Any, gui_ctx: Any, main_window: Any) -> None:
    t0 = utcnow() - timedelta(minutes=40)
    incidents.create_incident(gui_ctx.db, gui_ctx.contract_id, actor=ENGINEER, title="网站无法访问",
                              occurred_at=t0, reported_at=t0, severity="P1")
    shown: list[str] = []
    told: list[Any] = []
    tray = TrayNotifier(lambda _title, text: shown.append(text), main_window)
    page = main_window.pages["overview"]
    page.figuresChanged.connect(lambda figs: told.extend(tray.watch(figs)))
    page.refresh()
    qtbot.waitUntil(lambda: any(n.key[0] == "sla" and n.key[2] == "100" for n in told), timeout=20_000)
    assert len(shown) == 1


def test_what_was_told_is_not_told_again_after_a_restart(gui_ctx: Any, tmp_path: Any) -> None:
    t0 = utcnow()
    incidents.create_incident(gui_ctx.db, gui_ctx.contract_id, actor=ENGINEER, title="数据库连接池耗尽",
                              occurred_at=t0, reported_at=t0, severity="P1")
    store = tmp_path / "told.json"
    shown: list[str] = []
    figs = _figs(gui_ctx, t0 + timedelta(minutes=26))
    assert TrayNotifier(lambda _t, text: shown.append(text), store=store).watch(figs)
    assert len(shown) == 1 and store.exists()
    again = TrayNotifier(lambda _t, text: shown.append(text), store=store)  # the app started anew
    assert again.watch(figs) == [] and len(shown) == 1
    assert again.watch(_figs(gui_ctx, t0 + timedelta(minutes=31)))  # the breach is new
    store.write_text("{not json", encoding="utf-8")
    assert TrayNotifier(lambda _t, text: shown.append(text), store=store).watch(figs)  # unreadable: afresh
