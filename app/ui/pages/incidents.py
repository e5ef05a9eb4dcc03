"""Old import path of the 故障 page, kept only for the main window's page table.

The page lives in :mod:`app.ui.pages.incident.page`; switch ``PAGE_SPECS`` to it and delete this.
"""

from app.ui.pages.incident.page import IncidentsPage

__all__ = ["IncidentsPage"]
