"""The reports page (报表) and its parts, one widget per module."""

from app.ui.pages.reports.document_html import document_html
from app.ui.pages.reports.page import ReportsPage
from app.ui.pages.reports.preview import HAVE_QTPDF

__all__ = ["HAVE_QTPDF", "ReportsPage", "document_html"]
