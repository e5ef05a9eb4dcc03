"""The report preview: the rendered PDF in a ``QPdfView`` when QtPdf (PySide6-Addons) is
installed, else the composed document as rich text in a ``QTextBrowser``.

``ReportPreview.show_document(doc, pdf_path)`` shows what the worker built; ``status`` says what
is shown, what is being built or why the preview failed (in words).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QGroupBox, QLabel, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget

from app.reports.compose.document import Chart, ReportDocument
from app.ui.pages.reports.document_html import document_html

try:  # QtPdf ships with PySide6-Addons; not every installation has it.
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_QTPDF = True
except ImportError:  # pragma: no cover - depends on the installation
    HAVE_QTPDF = False


class ReportPreview(QGroupBox):
    """Preview box: a status line above the PDF view or the rich-text browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Preview"), parent)
        self.serial = 0
        self.preview_file: Path | None = None
        self.stack = QStackedWidget()
        self.browser = QTextBrowser()
        self.browser.setObjectName("reportPreview")
        self.browser.setOpenExternalLinks(False)
        self.stack.addWidget(self.browser)
        self.pdf_view: Any = None
        self.pdf_doc: Any = None
        if HAVE_QTPDF:  # pragma: no cover - depends on the installation
            self.pdf_doc = QPdfDocument(self)
            self.pdf_view = QPdfView(self)
            self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.pdf_view.setDocument(self.pdf_doc)
            self.stack.addWidget(self.pdf_view)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #555;")
        lay = QVBoxLayout(self)
        lay.addWidget(self.status)
        lay.addWidget(self.stack, 1)

    def show_document(self, doc: ReportDocument, pdf_path: Path | None = None) -> None:
        """Show a composed document (or its rendered PDF when QtPdf is available)."""
        if pdf_path is not None and self.pdf_doc is not None:
            old = self.preview_file
            self.pdf_doc.load(str(pdf_path))
            self.stack.setCurrentWidget(self.pdf_view)
            self.preview_file = pdf_path
            if old is not None:
                old.unlink(missing_ok=True)
        else:
            from app.reports.render.charts import chart_png

            document = self.browser.document()
            serial = self.serial

            def chart_url(i: int, chart: Chart) -> str | None:
                try:
                    img = QImage.fromData(chart_png(chart, 900, 450), "PNG")
                except Exception:  # noqa: BLE001 - a chart must not break the preview; its data table is shown
                    return None
                url = f"chart://{serial}/{i}"
                document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), img)
                return url

            self.browser.setHtml(document_html(doc, chart_url))
            self.stack.setCurrentWidget(self.browser)
        self.status.setText(doc.title + "  " + doc.period_label)
