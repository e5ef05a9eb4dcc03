"""总览 — the overview page (``page.OverviewPage``) and its parts: tiles, what is due, the trend."""

from app.ui.pages.overview.page import OverviewPage

__all__ = ["OverviewPage"]
