"""Old import path of the 需求 page, kept only for the main window's page table.

The page lives in :mod:`app.ui.pages.servicedesk.requirements_page`; switch ``PAGE_SPECS`` to it
and delete this.
"""

from app.ui.pages.servicedesk.requirements_page import RequirementsPage

__all__ = ["RequirementsPage"]
