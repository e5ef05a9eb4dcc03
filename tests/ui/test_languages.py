"""One language at a time: every page of the main window, on a demo database, in zh_CN and in en.

The test visits every page (selecting the first row of each table so the detail panes fill in),
collects every text a user can see — labels, buttons, placeholders, table headers and cells, tab
and group-box titles, window titles, menus — and fails on text of the other script:

* Chinese UI: a run of ASCII letters that is not user data (the contract profile, the demo
  records) and not in ``ZH_ALLOWED`` (codes, units, product names, shortcuts);
* English UI: a CJK character that is not in user data.

``KNOWN_ENGLISH`` / ``KNOWN_CHINESE`` list what is still wrong in pages being rewritten on other
branches: visible debt that only shrinks (a test fails when an entry is no longer needed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from app.core.i18n import language, set_language
from app.core.timeutil import local_today
from app.store.models import AuditEvent, Contract

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
ASCII_WORD = re.compile(r"[A-Za-z]{2,}")
PATH = re.compile(r"(?:[A-Za-z]:)?[/\\][^\s：，；）)]+")  # file paths (the database, exports)
CODE = re.compile(r"\b[A-Z]{2,5}-\d{4}-\d{3,5}\b"  # record numbers INC-2026-0001
                  r"|\b\d+(?:\.\d+)+\b"  # versions, IP addresses, decimals
                  r"|\b\d+x\d+\b")  # calendar codes 5x8, 7x24

ZH_ALLOWED = frozenset({
    # product, formats, standards and units the Chinese UI writes in Latin letters
    "OpsLedger", "SLA", "KPI", "UPS", "OA", "IP", "CPU", "PDF", "Excel", "xlsx", "docx", "pdf", "Word",
    "CSV", "YAML", "JSON", "SQLite", "ID", "chinesecalendar", "kVA", "kW", "Mbps", "GB", "TB", "MB", "RH",
    "Ctrl", "Shift", "Alt", "Enter", "Esc", "Del", "Tab", "PgUp", "PgDn", "Home", "End", "Space",
    "CY", "Q", "H", "W", "min", "SHA",
    "English",  # the language list names each language in its own words
    "KDBX", "KeePass", "KeePassXC",  # the vault's file format and the program that opens it
})
"""ASCII words the Chinese UI may show (codes and names that have no Chinese form)."""

KNOWN_ENGLISH: frozenset[str] = frozenset()
"""English words the Chinese UI still shows in pages other branches are rewriting."""

KNOWN_CHINESE: frozenset[str] = frozenset("运维台账")  # main window title "运维台账 OpsLedger" (shell)
"""Chinese texts the English UI still shows in pages other branches are rewriting."""


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def _keys(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _keys(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _keys(v)


def _user_data(db: Any) -> list[str]:
    """Texts that come from the user: the contract profile and every text column of the demo."""
    from sqlalchemy import String, Text

    from app.store.models import Base

    out: set[str] = set()
    with db.session() as s:
        for c in s.scalars(select(Contract)):
            out.update(_strings(c.profile))
            # a clause of a ``source`` shows on its own, the ``practice`` marker worded apart
            out.update(part.strip() for text in _strings(c.profile) for part in text.split(";"))
            out.update(x for x in (c.name, c.client, c.provider) if isinstance(x, str))
        for mapper in Base.registry.mappers:
            table = mapper.local_table
            cols = [col for col in table.columns if isinstance(col.type, (String, Text))]
            if not cols or table.name in ("audit_events", "alembic_version"):
                continue
            for row in s.execute(select(*cols)):
                out.update(v for v in row if isinstance(v, str) and v.strip())
        # the audit page shows each event as recorded (evidence is not translated): its details too
        for (details,) in s.execute(select(AuditEvent.details)):
            out.update(_strings(details))
            out.update(k for k in _keys(details))
    # longest first, so a long text is removed before a part of it
    return sorted((t for t in out if len(t.strip()) > 1), key=len, reverse=True)


def _visible_texts(win: Any) -> list[tuple[str, str]]:
    """``(where, text)`` of every visible text of ``win`` and its children."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMenu,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
        QWidget,
    )

    out: list[tuple[str, str]] = [("window", win.windowTitle())]
    for w in win.findChildren(QWidget):
        if not w.isVisible() and not isinstance(w, QMenu):
            continue
        name = f"{type(w).__name__}#{w.objectName()}" if w.objectName() else type(w).__name__
        if isinstance(w, QLabel):
            out.append((name, re.sub(r"<[^>]+>", " ", w.text())))
        elif isinstance(w, QAbstractButton):
            out.append((name, w.text()))
        elif isinstance(w, QLineEdit):
            out.append((name + ".placeholder", w.placeholderText()))
            out.append((name, w.text()))
        elif isinstance(w, QAbstractSpinBox):
            out.append((name, w.text()))
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            out.append((name, w.toPlainText()))
            out.append((name + ".placeholder", w.placeholderText()))
        elif isinstance(w, QComboBox):
            out.extend((name, w.itemText(i)) for i in range(w.count()))
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QTabBar):
            out.extend((name, w.tabText(i)) for i in range(w.count()))
        elif isinstance(w, QMenu):
            out.append((name, w.title()))
            out.extend((name, a.text()) for a in w.actions())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            try:
                cols = m.columnCount(QModelIndex())
            except TypeError:  # a list model: one column, and PySide hides its columnCount
                cols = 1
            for c in range(cols):
                out.append((name + ".header", str(m.headerData(c, Qt.Orientation.Horizontal) or "")))
            for r in range(min(m.rowCount(QModelIndex()), 30)):
                for c in range(cols):
                    out.append((name + ".cell", str(m.index(r, c).data() or "")))
        if w.toolTip():
            out.append((name + ".tooltip", re.sub(r"<[^>]+>", " ", w.toolTip())))
    return [(where, t) for where, t in out if t and t.strip()]


def _strip_user_data(text: str, data: list[str]) -> str:
    text = PATH.sub(" ", text)
    for d in data:
        if d in text:
            text = text.replace(d, " ")
    return CODE.sub(" ", text)


OWN_NAMES = ("中文", "简体中文")
"""Texts the English UI may show in Chinese: the language list names Chinese in Chinese."""


def foreign(text: str, lang: str, data: list[str]) -> set[str]:
    """The pieces of ``text`` that are in the other script for ``lang``."""
    rest = _strip_user_data(text, data)
    if lang == "en" and rest.strip() in OWN_NAMES:
        return set()
    if lang == "zh_CN":
        return {w for w in ASCII_WORD.findall(rest) if w not in ZH_ALLOWED}
    return set(CJK.findall(rest))


@pytest.fixture
def demo_ctx(gui_ctx: Any) -> Any:
    from app.services.demo import generate_demo

    with gui_ctx.db.session() as s:
        generate_demo(s, s.get(Contract, gui_ctx.contract_id), days=10, end=local_today() - timedelta(days=1), seed=3)
    return gui_ctx


def _visit_everything(qtbot: Any, win: Any) -> list[tuple[str, str, str]]:
    """Visit each page, select the first row of its tables; ``(page, where, text)`` seen."""
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from app.ui.main_window import PAGES as PAGE_SPECS

    seen: list[tuple[str, str, str]] = []
    for spec in PAGE_SPECS:
        page = win.show_page(spec.key)
        QApplication.processEvents()
        for view in page.findChildren(QAbstractItemView):
            if view.isVisible() and view.model() is not None and view.model().rowCount(QModelIndex()) > 0:
                view.setCurrentIndex(view.model().index(0, 0))
                QApplication.processEvents()
        compute = getattr(getattr(page, "model", None), "compute_now", None)
        if callable(compute):
            compute(list(range(page.model.rowCount())))
        qtbot.wait(50)
        seen.extend((spec.key, where, text) for where, text in _visible_texts(win))
        for opener in NEW_FORMS:  # the empty "new" form in the detail pane (Ctrl+N)
            if callable(getattr(page, opener, None)):
                getattr(page, opener)()
                QApplication.processEvents()
                seen.extend((f"{spec.key}/new", where, text) for where, text in _visible_texts(win))
    return seen


NEW_FORMS = ("new_incident", "new_request", "new_requirement")


# The reports page's PDF preview raises "QPdfDocument already deleted" from Qt's event loop when
# an earlier window is torn down (a reports-page bug, reported); it is not this test's subject.
@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_page_speaks_one_language(qtbot: Any, demo_ctx: Any, lang: str) -> None:
    from PySide6.QtWidgets import QApplication

    from app.ui.app_setup import install_font, install_translator
    from app.ui.main_window import PAGES as PAGE_SPECS
    from app.ui.main_window import MainWindow

    before = language()
    app = QApplication.instance()
    install_font(app)
    install_translator(app, lang)
    try:
        assert language() == lang  # the service texts follow the UI language
        win = MainWindow(demo_ctx)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        seen = _visit_everything(qtbot, win)
        data = _user_data(demo_ctx.db)
        known = KNOWN_ENGLISH if lang == "zh_CN" else KNOWN_CHINESE
        found: dict[str, str] = {}
        for page, where, text in seen:
            for piece in foreign(text, lang, data):
                found.setdefault(piece, f"{page} {where}: {text[:120]!r}")
        new = {k: v for k, v in found.items() if k not in known}
        assert not new, f"{lang} UI shows text of the other script:\n" + "\n".join(
            f"  {k!r} — {v}" for k, v in sorted(new.items()))
        assert not (known - set(found)), f"fixed, remove from the known list: {sorted(known - set(found))}"
        assert len(seen) > 200  # the walk reached the pages' tables and panes
        pages = {page for page, _w, _t in seen}
        assert {s.key for s in PAGE_SPECS} | {"incidents/new", "requests/new", "requirements/new"} <= pages
        own_script = sum(1 for _p, _w, text in seen if bool(CJK.search(text)) == (lang == "zh_CN"))
        assert own_script > len(seen) // 2  # and it is in the language asked for
    finally:  # back to the suite's state: no Qt translator, the service texts in ``before``
        install_translator(app, "en")
        set_language(before)


def test_the_detector_flags_the_other_script_and_spares_codes_and_user_data() -> None:
    data = ["机房 UPS 巡检", "Zhang Wei"]
    assert foreign("Overdue 35 分钟", "zh_CN", data) == {"Overdue"}
    assert foreign("INC-2026-0001 机房 UPS 巡检 10.1.2.3 5x8 SLA /tmp/a/test.sqlite3 Zhang Wei", "zh_CN", data) == set()
    assert foreign("Restored 已恢复", "en", data) == set("已恢复")
    assert foreign("Inspection 机房 UPS 巡检 by Zhang Wei", "en", data) == set()
