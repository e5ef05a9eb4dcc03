"""The main window's page table: which pages exist, where their classes live, what refreshes them,
and the mapping that builds a page the first time it is asked for.

``PAGES`` lists every navigation entry (key, ``"module:Class"`` import path, record kinds that
refresh it) in navigation order (Ctrl+1 … Ctrl+9).  A page's module is imported only when the page
is first built (``PageSpec.load``), so starting the window imports the overview and nothing of the
other pages (issue #12 §1).  A module that fails to import, or a page that fails to build, raises
at that moment — there is no placeholder page hiding it.

``PageTable`` is the window's ``pages``: ``pages["incidents"]`` builds the 故障 page if it is not
built yet and returns it; ``key in pages`` is true for every key of ``PAGES`` (built or not);
iterating, ``len``, ``items()`` and ``values()`` cover the pages built so far only (what a refresh
or a lookup by widget needs: an unbuilt page has nothing to refresh, it builds fresh).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from app.services.changes import KINDS


@dataclass(frozen=True)
class PageSpec:
    """One navigation entry: ``key``, the page class as ``"module:Class"`` (built with the
    ``AppContext``), the record ``kinds`` whose change refreshes it."""

    key: str
    path: str
    kinds: frozenset[str]

    def load(self) -> Callable[..., QWidget]:
        """Import the page's module and return its class (raises ``ImportError`` /
        ``AttributeError`` when the path is wrong or the module is broken)."""
        module, _sep, name = self.path.partition(":")
        cls: Callable[..., QWidget] = getattr(importlib.import_module(module), name)
        return cls


def _kinds(*names: str) -> frozenset[str]:
    return frozenset(("contract", *names))


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "app.ui.pages.overview.page:OverviewPage", _kinds(*KINDS)),
    PageSpec("today", "app.ui.pages.inspection.today:TodayPage", _kinds("inspection", "calendar")),
    PageSpec("inspections", "app.ui.pages.inspection.history:InspectionsPage", _kinds("inspection")),
    PageSpec("incidents", "app.ui.pages.incident.page:IncidentsPage", _kinds("incident")),
    PageSpec("requests", "app.ui.pages.servicedesk.requests_page:RequestsPage", _kinds("service_request")),
    PageSpec("requirements", "app.ui.pages.servicedesk.requirements_page:RequirementsPage",
             _kinds("requirement", "service_request")),
    PageSpec("worklog", "app.ui.pages.servicedesk.worklog_page:WorkLogPage",
             _kinds("worklog", "incident", "service_request", "inspection")),
    PageSpec("reports", "app.ui.pages.reports.page:ReportsPage",
             _kinds("report", "incident", "service_request", "inspection", "requirement", "worklog", "calendar")),
    PageSpec("assets", "app.ui.pages.asset.page:AssetsPage", _kinds("asset", "incident", "inspection", "credential")),
    PageSpec("vault", "app.ui.pages.vault.page:VaultPage", _kinds("credential")),
    PageSpec("contract", "app.ui.pages.contract.page:ContractPage", _kinds("report")),
    PageSpec("audit", "app.ui.pages.audit.audit_page:AuditPage", _kinds(*KINDS)),
    PageSpec("settings", "app.ui.pages.settings.page:SettingsPage", _kinds("calendar")),
)

RUNNER = PageSpec("runner", "app.ui.pages.inspection.runner:InspectionRunPage", frozenset())
"""The inspection runner: a page of the stack without a navigation entry (reached from Today)."""

SPECS: dict[str, PageSpec] = {s.key: s for s in PAGES}

#: agenda item ``entity_kind`` (or ``kind``) → the page that lists it; a kind named like a page
#: key opens that page.
DUE_ROUTES = {"inspection": "today", "incident": "incidents", "service_request": "requests",
              "requirement": "requirements", "report": "reports", "report_record": "reports",
              "worklog": "worklog", "asset": "assets", "warranty": "assets", "maintenance": "assets",
              "credential": "vault", "credential_rotation": "vault"}


class PageTable(Mapping[str, QWidget]):
    """The pages by key, each built on first access by ``build(key)`` (see module doc)."""

    def __init__(self, build: Callable[[str], QWidget]) -> None:
        self._build = build
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is None:
            if key not in SPECS:
                raise KeyError(key)
            page = self._build(key)
            self._built[key] = page
        return page

    def __contains__(self, key: object) -> bool:
        return key in SPECS

    def __iter__(self) -> Iterator[str]:
        return (s.key for s in PAGES if s.key in self._built)

    def __len__(self) -> int:
        return len(self._built)

    def is_built(self, key: str) -> bool:
        """True once page ``key`` has been built (never builds it)."""
        return key in self._built
