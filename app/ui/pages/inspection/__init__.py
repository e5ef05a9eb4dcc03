"""The inspection pages: Today (due list), the history with the log export, and the runner."""

from app.ui.pages.inspection.history import InspectionsPage
from app.ui.pages.inspection.runner import InspectionRunPage
from app.ui.pages.inspection.today import TodayPage

__all__ = ["InspectionRunPage", "InspectionsPage", "TodayPage"]
