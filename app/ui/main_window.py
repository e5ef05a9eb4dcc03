"""The main window: navigation list, page stack, status bar — and the one place that wires pages.

Wiring decision (issue #2 §5): pages never subscribe to ``ctx.bus.changed`` themselves and never
call their parents.  ``MainWindow`` is the single place that

* builds every page from ``PAGE_SPECS`` (module, class, the record kinds it shows).  A page module
  that is missing or fails to import/construct becomes a placeholder label saying the page is not
  available; the error is printed to stderr, so the application always starts;
* connects ``ctx.bus.changed(kinds)`` to the pages: a page whose kinds intersect the change is
  refreshed at once when it is visible, otherwise marked stale and refreshed when next shown.
  The kind ``"contract"`` refreshes every page;
* connects the pages' ``…Requested`` signals (e.g. ``TodayPage.inspectionRequested`` /
  ``adHocRequested`` and
  ``InspectionsPage.inspectionOpenRequested`` open the inspection runner, ``InspectionRunPage.closeRequested`` returns to Today,
  ``SettingsPage.contractChanged`` / ``engineerChanged`` update the shared ``AppContext``).

The inspection runner is a page of the stack without a navigation entry: it is reached from Today.
"""

from __future__ import annotations

import importlib
import sys
import traceback
import uuid
from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
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


@dataclass(frozen=True)
class PageSpec:
    """One navigation entry: key, module/class to build, English title, kinds that refresh it."""

    key: str
    module: str
    cls: str
    title: str
    kinds: frozenset[str]


def _kinds(*names: str) -> frozenset[str]:
    return frozenset(("contract", *names))


PAGE_SPECS: tuple[PageSpec, ...] = (
    PageSpec("today", "app.ui.pages.today", "TodayPage", "Today", _kinds("inspection", "calendar")),
    PageSpec("inspections", "app.ui.pages.inspections", "InspectionsPage", "Inspections", _kinds("inspection")),
    PageSpec("incidents", "app.ui.pages.incidents", "IncidentsPage", "Incidents", _kinds("incident")),
    PageSpec("requests", "app.ui.pages.requests", "RequestsPage", "Requests", _kinds("service_request")),
    PageSpec("requirements", "app.ui.pages.requirements", "RequirementsPage", "Requirements",
             _kinds("requirement", "service_request")),
    PageSpec("worklog", "app.ui.pages.worklog", "WorkLogPage", "Work log",
             _kinds("worklog", "incident", "service_request", "inspection")),
    PageSpec("reports", "app.ui.pages.reports", "ReportsPage", "Reports",
             _kinds("report", "incident", "service_request", "inspection", "requirement", "worklog", "calendar")),
    PageSpec("settings", "app.ui.pages.settings", "SettingsPage", "Settings", _kinds("calendar")),
)


class UnavailablePage(QLabel):
    """Placeholder for a page whose module is missing or failed: says so, does nothing else."""

    def __init__(self, title: str, error: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setText(self.tr("The page “%1” is not available in this build.").replace("%1", title))

    def refresh(self) -> None:
        """Nothing to refresh."""


class MainWindow(QMainWindow):
    """运维台账 OpsLedger main window over one ``AppContext`` (shared by all pages, mutated here)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("运维台账 OpsLedger")
        self.resize(1200, 780)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget#nav { font-size: 12pt; } QListWidget#nav::item { padding: 8px 10px; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self._kinds: dict[str, frozenset[str]] = {}
        self._stale: set[str] = set()
        for spec in PAGE_SPECS:
            page = self._build_page(spec)
            self.pages[spec.key] = page
            self._kinds[spec.key] = spec.kinds
            self.stack.addWidget(page)
            item = QListWidgetItem(self._title(spec.key))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        # The runner: in the stack, not in the navigation list.
        from app.ui.pages.inspection_run import InspectionRunPage

        self.runner = InspectionRunPage(ctx)
        self.stack.addWidget(self.runner)
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
        self._wire()
        self.update_status()
        self.nav.setCurrentRow(0)
        self._focus_today()

    def _focus_today(self) -> None:
        """Put the keyboard on Today's due list, so Enter starts the selected inspection."""
        table = getattr(self.pages.get("today"), "table", None)
        if isinstance(table, QWidget):
            table.setFocus()

    # -- construction -------------------------------------------------------------------------
    def _title(self, key: str) -> str:
        titles = {
            "today": self.tr("Today"),
            "inspections": self.tr("Inspections"),
            "incidents": self.tr("Incidents"),
            "requests": self.tr("Requests"),
            "requirements": self.tr("Requirements"),
            "worklog": self.tr("Work log"),
            "reports": self.tr("Reports"),
            "settings": self.tr("Settings"),
        }
        return titles[key]

    def _build_page(self, spec: PageSpec) -> QWidget:
        try:
            module = importlib.import_module(spec.module)
            cls = getattr(module, spec.cls)
            page = cls(self.ctx)
        except Exception as exc:  # noqa: BLE001 - a broken page must not stop the app; reported below
            print(f"opsledger: page {spec.key} ({spec.module}.{spec.cls}) unavailable: {exc!r}", file=sys.stderr)
            if not (isinstance(exc, ModuleNotFoundError) and exc.name == spec.module):
                traceback.print_exc(file=sys.stderr)  # a missing module says enough; others need the trace
            return UnavailablePage(self._title(spec.key), repr(exc))
        if not isinstance(page, QWidget):
            print(f"opsledger: page {spec.key} is not a QWidget", file=sys.stderr)
            return UnavailablePage(self._title(spec.key), "not a QWidget")
        return page

    def _wire(self) -> None:
        self.nav.currentRowChanged.connect(self._on_nav)
        self.ctx.bus.changed.connect(self.on_changed)
        today = self.pages.get("today")
        if today is not None and hasattr(today, "inspectionRequested"):
            today.inspectionRequested.connect(self.open_runner)
            today.adHocRequested.connect(self.open_ad_hoc)
        history = self.pages.get("inspections")
        if history is not None and hasattr(history, "inspectionOpenRequested"):
            history.inspectionOpenRequested.connect(self.open_inspection)
        self.runner.closeRequested.connect(self._close_runner)
        self.runner.inspectionFinished.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.runner.incidentCreated.connect(
            lambda number: self.statusBar().showMessage(self.tr("Incident %1 created.").replace("%1", number), 10000))
        settings_page = self.pages.get("settings")
        if settings_page is not None and hasattr(settings_page, "contractChanged"):
            settings_page.contractChanged.connect(self.set_contract)
            settings_page.engineerChanged.connect(self.set_engineer)
        for n in range(1, len(PAGE_SPECS) + 1):
            sc = QShortcut(QKeySequence(f"Ctrl+{n}"), self)
            sc.activated.connect(lambda row=n - 1: self.nav.setCurrentRow(row))

    # -- navigation and refresh ---------------------------------------------------------------
    def show_page(self, key: str) -> QWidget:
        """Show the page ``key`` (one of ``PAGE_SPECS``' keys) and return it."""
        row = [s.key for s in PAGE_SPECS].index(key)
        self.nav.setCurrentRow(row)
        return self.pages[key]

    def current_key(self) -> str | None:
        """The key of the visible navigation page, ``"runner"`` for the runner."""
        w = self.stack.currentWidget()
        if w is self.runner:
            return "runner"
        for k, p in self.pages.items():
            if p is w:
                return k
        return None

    @Slot(int)
    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        key = PAGE_SPECS[row].key
        page = self.pages[key]
        self.stack.setCurrentWidget(page)
        if key in self._stale:
            self._stale.discard(key)
            self._refresh(key)

    def _refresh(self, key: str) -> None:
        page = self.pages[key]
        refresh = getattr(page, "refresh", None)
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
            if not changed & page_kinds:
                continue
            if self.pages[key] is visible:
                self._refresh(key)
            else:
                self._stale.add(key)

    # -- runner ---------------------------------------------------------------------------------
    @Slot(object)
    def open_runner(self, entry: object) -> None:
        """Start or resume the inspection for a due entry (``schedule.DueEntry``) in the runner."""
        if self.runner.open_entry(entry):
            self.stack.setCurrentWidget(self.runner)
            self.runner.focus_current()

    @Slot(object)
    def open_ad_hoc(self, template_id: uuid.UUID) -> None:
        """Start an unscheduled inspection of ``template_id`` in the runner."""
        if self.runner.open_ad_hoc(template_id):
            self.stack.setCurrentWidget(self.runner)
            self.runner.focus_current()

    @Slot(object)
    def open_inspection(self, inspection_id: uuid.UUID) -> None:
        """Open an existing inspection (e.g. resumed from the history) in the runner."""
        self.runner.open_inspection(inspection_id)
        self.stack.setCurrentWidget(self.runner)
        self.runner.focus_current()

    @Slot()
    def _close_runner(self) -> None:
        self.show_page("today")
        self.stack.setCurrentWidget(self.pages["today"])
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

    def update_status(self) -> None:
        """Show contract title, engineer and database path in the status bar."""
        from app.store.models import Contract

        title = self.tr("(no contract)")
        if self.ctx.contract_id is not None:
            with self.ctx.db.session() as s:
                c = s.get(Contract, self.ctx.contract_id)
                if c is not None:
                    title = c.title
        self._contract_label.setText(self.tr("Contract: %1").replace("%1", title))
        self._engineer_label.setText(self.tr("Engineer: %1").replace("%1", self.ctx.engineer or "—"))
        self._db_label.setText(self.tr("Database: %1").replace("%1", str(self.ctx.db.file or self.ctx.db.url)))
