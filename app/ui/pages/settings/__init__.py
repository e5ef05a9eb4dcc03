"""The settings page (设置) and its parts."""

from app.ui.pages.settings.calendar import CalendarYearsBox
from app.ui.pages.settings.page import SettingsPage

__all__ = ["CalendarYearsBox", "SettingsPage"]
