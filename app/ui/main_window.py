"""The main window: menu bar, navigation list, page stack, status bar — the one place that wires pages.

Wiring decision (issue #2 §5): pages never subscribe to ``ctx.bus.changed`` themselves and never
call their parents.  ``MainWindow`` is the single place that

* builds the pages of ``PAGES`` (``app.ui.page_table``: key, ``"module:Class"``, the record kinds
  it shows) lazily: at start only the first page (总览); every other page — and the inspection
  runner — is imported and built the first time it is asked for (navigation click, Ctrl+N,
  ``open_filtered``/``open_due``, a page's request, ``window.pages[key]``).  The navigation lists
  every entry from the start.  A page module that fails to import or a page that fails to build
  raises then, loudly — there is no placeholder;
* connects ``ctx.bus.changed(kinds)`` to the built pages: a page whose kinds intersect the change
  is refreshed at once when it is visible, otherwise marked stale and refreshed when next shown;
  an unbuilt page is left alone (it builds fresh).  The kind ``"contract"`` refreshes every page;
* connects the pages' typed ``…Requested`` signals (``TodayPage.inspectionRequested`` /
  ``adHocRequested`` and ``InspectionsPage.inspectionOpenRequested`` open the runner,
  ``InspectionRunPage.closeRequested`` returns to Today, ``SettingsPage.contractChanged`` /
  ``engineerChanged`` update the shared ``AppContext``);
* asks before leaving a page with unsaved edits: on page switch and window close, a page with
  ``has_unsaved_changes()`` true gets ``confirm_leave()``; False keeps it (and the window) open;
* owns the menu bar (``app.ui.menus``): 文件 (export the inspection log, export a report, quit
  Ctrl+Q), 视图 (every page with its Ctrl+1…9 shortcut), 帮助 (keyboard shortcuts, About with
  version and database path).
* routes the overview's requests: ``OverviewPage.openRequested(key, preset)`` shows page ``key``
  and calls its ``apply_filter(**preset)``; ``dueActivated(kind, entity_kind, entity_id)`` shows
  the page of that kind when there is one (``DUE_ROUTES``); the tray (``app.ui.tray``, only where
  the desktop has one, installed once the ledger is open) watches the overview's figures.

The inspection runner is a page of the stack without a navigation entry: it is reached from Today.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from app.ui.context import AppContext
from app.ui.menus import add_actions, build_menus
from app.ui.page_table import DUE_ROUTES, PAGES, RUNNER, SPECS, PageSpec, PageTable
from app.ui.qt_ints import USER_ROLE

if TYPE_CHECKING:
    import uuid

    from app.ui.pages.inspection.runner import InspectionRunPage
    from app.ui.pages.inspection.today import TodayPage

__all__ = ["DUE_ROUTES", "PAGES", "MainWindow", "PageSpec"]


class MainWindow(QMainWindow):
    """运维台账 OpsLedger main window over one ``AppContext`` (shared by all pages, mutated here)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, first_frame: bool = False) -> None:
        """With ``first_frame`` the window holds what its first paint shows and the caller calls
        :meth:`finish_start` right after that paint (``app.ui.main.paint_window``)."""
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("运维台账 OpsLedger")
        self.resize(1200, 780)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet("QListWidget#nav { font-size: 12pt; } QListWidget#nav::item { padding: 8px 10px; }")
        self.stack = QStackedWidget()
        self.pages = PageTable(self._build_page)
        self._kinds: dict[str, frozenset[str]] = {s.key: s.kinds for s in PAGES}
        self._stale: set[str] = set()
        self._row = 0
        self._runner: InspectionRunPage | None = None
        for n, spec in enumerate(PAGES, 1):
            item = QListWidgetItem(self.title(spec.key))
            item.setData(USER_ROLE, spec.key)
            item.setToolTip(f"Ctrl+{n}")
            self.nav.addItem(item)
        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._contract_label = QLabel()
        self._engineer_label = QLabel()
        self._db_label = QLabel()
        for w in (self._contract_label, self._engineer_label):
            self.statusBar().addWidget(w)
        self.statusBar().addPermanentWidget(self._db_label)
        self.menus = build_menus(self, actions=not first_frame)
        self.nav.currentRowChanged.connect(self._on_nav)
        self.ctx.bus.changed.connect(self.on_changed)
        self.update_status()
        self.pages[PAGES[0].key]  # the first page is built now (an error in it fails the start)
        self.nav.setCurrentRow(0)
        self.tray: Any = None

    def finish_start(self) -> None:
        """Add what the first frame does not show — the menus' entries and their shortcuts — to a
        window built with ``first_frame`` (nothing to do otherwise; idempotent).  Called right
        after the first paint, before the event loop handles any input."""
        add_actions(self, self.menus)

    def install_tray(self) -> None:
        """The tray icon (``app.ui.tray``) where the desktop has one; ``app.ui.main`` calls it once
        the ledger is open (after the first paint)."""
        from app.ui.tray import install_tray

        self.tray = install_tray(self)

    def _focus_today(self) -> None:
        """Put the keyboard on Today's due list, so Enter starts the selected inspection."""
        self.today.table.setFocus()

    @property
    def today(self) -> TodayPage:
        """The Today page (built on first use)."""
        return self.pages["today"]  # type: ignore[return-value]

    @property
    def runner(self) -> InspectionRunPage:
        """The inspection runner (built on first use)."""
        if self._runner is None:
            runner = RUNNER.load()(self.ctx)
            self.stack.addWidget(runner)
            runner.closeRequested.connect(self._close_runner)  # type: ignore[attr-defined]
            runner.inspectionFinished.connect(  # type: ignore[attr-defined]
                lambda text: self.statusBar().showMessage(text, 10000))
            runner.incidentCreated.connect(  # type: ignore[attr-defined]
                lambda number: self.statusBar().showMessage(
                    self.tr("Incident %1 created.").replace("%1", number), 10000))
            self._runner = runner  # type: ignore[assignment]
        assert self._runner is not None
        return self._runner

    # -- construction -------------------------------------------------------------------------
    def title(self, key: str) -> str:
        """The navigation title of page ``key`` in the UI language."""
        titles = {
            "overview": self.tr("Overview"),
            "today": self.tr("Today"),
            "inspections": self.tr("Inspections"),
            "incidents": self.tr("Incidents"),
            "requests": self.tr("Requests"),
            "requirements": self.tr("Requirements"),
            "worklog": self.tr("Work log"),
            "reports": self.tr("Reports"),
            "vault": self.tr("Vault"),
            "settings": self.tr("Settings"),
            "assets": self.tr("Assets"),
            "contract": self.tr("Contract"),
            "audit": self.tr("Audit trail"),
        }
        return titles[key]

    def page_keys(self) -> list[str]:
        """The navigation pages' keys in order (Ctrl+1 … Ctrl+9)."""
        return [s.key for s in PAGES]

    def _build_page(self, key: str) -> QWidget:
        """Import and build page ``key``, put it in the stack and connect its requests (called by
        ``self.pages`` on first access)."""
        page = SPECS[key].load()(self.ctx)
        self.stack.addWidget(page)
        wire = getattr(self, f"_wire_{key}", None)
        if wire is not None:
            wire(page)
        return page

    def _wire_overview(self, page: Any) -> None:
        page.openRequested.connect(self.open_filtered)
        page.dueActivated.connect(self.open_due)

    def _wire_today(self, page: Any) -> None:
        page.inspectionRequested.connect(self.open_runner)
        page.adHocRequested.connect(self.open_ad_hoc)

    def _wire_inspections(self, page: Any) -> None:
        page.inspectionOpenRequested.connect(self.open_inspection)

    def _wire_settings(self, page: Any) -> None:
        page.contractChanged.connect(self.set_contract)
        page.engineerChanged.connect(self.set_engineer)

    def _wire_incidents(self, page: Any) -> None:
        page.detail.assetRequested.connect(lambda aid: self.open_due("asset", "asset", aid))

    def _wire_assets(self, page: Any) -> None:
        page.incidentRequested.connect(lambda iid: self.show_page("incidents").detail.show_incident(iid))  # type: ignore[attr-defined]  # noqa: PLW0108 - builds the page when asked
        page.register.detail.accounts.credentialRequested.connect(
            lambda cid: self.open_due("credential", "credential", cid))

    # -- navigation and refresh ---------------------------------------------------------------
    def show_page(self, key: str) -> QWidget:
        """Show the page ``key`` (one of ``PAGES``' keys) and return the page then visible (the
        current one if it refused to be left).  Builds the page first if needed (a page that
        fails to import or build raises here)."""
        self.pages[key]
        self.nav.setCurrentRow(self.page_keys().index(key))
        return self.pages.get(self.current_key() or "", self.stack.currentWidget())

    @Slot(str, dict)
    def open_filtered(self, key: str, preset: dict) -> None:
        """Show page ``key`` with ``apply_filter(**preset)`` (when the page was left and has one)."""
        page = self.show_page(key)
        apply = getattr(page, "apply_filter", None)
        if page is self.pages.get(key) and preset and callable(apply):
            apply(**preset)

    @Slot(str, str, object)
    def open_due(self, kind: str, entity_kind: str, entity_id: object) -> None:
        """Show the page of an agenda item (``DUE_ROUTES``, or the page named ``kind``); an item
        no page lists yet only says so in the status bar."""
        if kind == "backup":
            from app.ui.menus import open_backup_dialog

            open_backup_dialog(self)
            return
        key = next((k for k in (DUE_ROUTES.get(entity_kind), DUE_ROUTES.get(kind), entity_kind, kind)
                    if k and k in self.pages), None)
        if key is None:
            self.statusBar().showMessage(self.tr("No page lists “%1” yet.").replace("%1", kind), 8000)
            return
        page = self.show_page(key)
        show = getattr(page, "show_record", None)
        if page is self.pages[key] and entity_id is not None and callable(show):
            show(entity_id)

    def current_key(self) -> str | None:
        """The key of the visible navigation page, ``"runner"`` for the runner."""
        w = self.stack.currentWidget()
        if w is not None and w is self._runner:
            return "runner"
        return next((k for k, p in self.pages.items() if p is w), None)

    def may_leave(self, page: QWidget | None = None) -> bool:
        """True unless ``page`` (default the visible one) has unsaved changes and its
        ``confirm_leave()`` says stay."""
        page = page or self.stack.currentWidget()
        unsaved = getattr(page, "has_unsaved_changes", None)
        confirm = getattr(page, "confirm_leave", None)
        if callable(unsaved) and callable(confirm) and unsaved():
            return bool(confirm())
        return True

    @Slot(int)
    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row].key
        page = self.pages[key]
        current = self.stack.currentWidget()
        if current is not page and not self.may_leave(current):
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self._row if current is not self._runner else -1)
            self.nav.blockSignals(False)
            return
        self._row = row
        self.stack.setCurrentWidget(page)
        if key in self._stale:
            self._stale.discard(key)
            self._refresh(key)

    def _refresh(self, key: str) -> None:
        refresh = getattr(self.pages[key], "refresh", None)
        if callable(refresh):
            refresh()

    @Slot(tuple)
    def on_changed(self, kinds: tuple) -> None:
        """Refresh (or mark stale) every page that shows one of ``kinds``."""
        changed = set(kinds)
        if "contract" in changed:
            self.update_status()
        visible = self.stack.currentWidget()
        for key, page_kinds in self._kinds.items():
            if not changed & page_kinds or not self.pages.is_built(key):
                continue  # an unbuilt page has nothing to refresh: it builds fresh
            if self.pages[key] is visible:
                self._refresh(key)
            else:
                self._stale.add(key)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Ask the visible page before closing with unsaved edits; stay if it says so."""
        if self.may_leave():
            event.accept()
        else:
            event.ignore()

    # -- runner ---------------------------------------------------------------------------------
    @Slot(object)
    def open_runner(self, entry: object) -> None:
        """Start or resume the inspection for a due entry (``schedule.DueEntry``) in the runner."""
        if self.runner.open_entry(entry):
            self._show_runner()

    @Slot(object)
    def open_ad_hoc(self, template_id: uuid.UUID) -> None:
        """Start an unscheduled inspection of ``template_id`` in the runner."""
        if self.runner.open_ad_hoc(template_id):
            self._show_runner()

    @Slot(object)
    def open_inspection(self, inspection_id: uuid.UUID) -> None:
        """Open an existing inspection (e.g. resumed from the history) in the runner."""
        self.runner.open_inspection(inspection_id)
        self._show_runner()

    def _show_runner(self) -> None:
        self.stack.setCurrentWidget(self.runner)
        self.runner.focus_current()

    @Slot()
    def _close_runner(self) -> None:
        if self.stack.currentWidget() is self.runner and not self.may_leave(self.runner):
            return
        self.show_page("today")
        self.stack.setCurrentWidget(self.today)
        self._refresh("today")
        self._stale.discard("today")
        self._focus_today()

    # -- context --------------------------------------------------------------------------------
    @Slot(object)
    def set_contract(self, contract_id: uuid.UUID | None) -> None:
        """Switch the current contract; every page refreshes."""
        self.ctx.contract_id = contract_id
        self.ctx.bus.changed.emit(("contract",))

    @Slot(str)
    def set_engineer(self, name: str) -> None:
        """Change the engineer recorded on new work."""
        self.ctx.engineer = name
        self.update_status()

    def database_text(self) -> str:
        """The open database's file path (or URL) as shown in the status bar and About ("" while
        the ledger opens)."""
        if self.ctx.db is None:
            return ""
        return str(self.ctx.db.file or self.ctx.db.url)

    def update_status(self) -> None:
        """Show contract title, engineer and database path in the status bar."""
        self._engineer_label.setText(self.tr("Engineer: %1").replace("%1", self.ctx.engineer or "—"))
        if self.ctx.db is None:  # painted before the ledger opens (``app.ui.main.paint_window``)
            self._contract_label.setText(self.tr("Opening the ledger…"))
            return
        from app.services.contract import actions as contract_actions

        row = contract_actions.contract(self.ctx.db, self.ctx.contract_id).value
        title = row.title if row is not None else self.tr("(no contract)")
        self._contract_label.setText(self.tr("Contract: %1").replace("%1", title))
        self._db_label.setText(self.tr("Database: %1").replace("%1", self.database_text()))
