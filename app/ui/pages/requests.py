"""Old import path of the 工单 page, kept only for the main window's page table.

The page lives in :mod:`app.ui.pages.servicedesk.requests_page`; switch ``PAGE_SPECS`` to it and
delete this.
"""

from app.ui.pages.servicedesk.requests_page import RequestsPage

__all__ = ["RequestsPage"]
