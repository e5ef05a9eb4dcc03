"""Old import path of the 工作日志 page, kept only for the main window's page table.

The page lives in :mod:`app.ui.pages.servicedesk.worklog_page`; switch ``PAGE_SPECS`` to it and
delete this.
"""

from app.ui.pages.servicedesk.worklog_page import WorkLogPage

__all__ = ["WorkLogPage"]
