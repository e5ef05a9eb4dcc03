"""Reports (报告): pick a kind and period, preview, edit the narrative, export PDF/XLSX/DOCX.

- Kind and period pickers: the period list holds the current period and the 11 before it (newest
  first); the default selection is the last complete period (``periods.default_period``).
- Preview: the report is built and composed in a worker (``build_report_data`` + ``compose``);
  with QtPdf (PySide6-Addons) it is rendered to a temporary PDF and shown in a ``QPdfView``,
  otherwise the composed document is shown as rich text (headings, tables, chart pictures) in a
  ``QTextBrowser``.
- Narrative (summary, problems, next period's plan): saved with ``service.save_narrative`` in one
  transaction; unsaved edits are saved before an export so the file carries them.
- Export: ``service.generate_report`` in a worker with a ``QProgressDialog`` whose Cancel stops the
  renderer (no file is left); then "Open file" / "Open folder"; emits ``ctx.bus.changed(("report",))``.
- Exported before: ``service.list_exported`` (when, who, kind, period, format, SHA-256, path).
"""

from __future__ import annotations

import html
import tempfile
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.errors import OpsLedgerError
from app.store.models import Contract
from app.paths import data_dir
from app.reports.compose.document import (
    Chart,
    Heading,
    KeyValues,
    PageBreak,
    Paragraph,
    ReportDocument,
    SignOff,
    Table,
)
from app.reports.render.fonts import RenderCancelled, cell_text
from app.core.timeutil import fmt_local, local_today
from app.ui.context import AppContext
from app.ui.tasks import TaskProgress, run_task

try:  # QtPdf ships with PySide6-Addons; not every installation has it.
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_QTPDF = True
except ImportError:  # pragma: no cover - depends on the installation
    HAVE_QTPDF = False

FORMATS = ("pdf", "xlsx", "docx")
PERIODS_SHOWN = 12


def document_html(doc: ReportDocument, chart_url: Any = None) -> str:
    """Rich-text (Qt HTML subset) view of ``doc`` for the preview; ``chart_url(i, chart)``
    returns the image URL of chart ``i`` (``None``: charts shown as their data tables)."""
    out = [f"<h1 align='center'>{html.escape(doc.title)}</h1>"]
    if doc.subtitle:
        out.append(f"<p align='center'>{html.escape(doc.subtitle)}</p>")
    out.append(f"<p align='center'>{html.escape(doc.period_label)}</p>")
    out.append("<table border='0' cellpadding='3' align='center'>")
    for k, v in doc.cover:
        out.append(f"<tr><td><b>{html.escape(str(k))}</b></td><td>{html.escape(str(v))}</td></tr>")
    out.append("</table><hr/>")
    n_chart = 0

    def table(header: list[str] | None, rows: list[list[Any]], highlight: set[int]) -> str:
        parts = ["<table border='1' cellspacing='0' cellpadding='3' width='100%'>"]
        if header:
            parts.append("<tr>" + "".join(f"<th bgcolor='#DDEBF7'>{html.escape(h)}</th>"
                                          for h in header) + "</tr>")
        for i, r in enumerate(rows[:500]):
            bg = " bgcolor='#FDE2E2'" if i in highlight else ""
            parts.append(f"<tr{bg}>" + "".join(f"<td>{html.escape(cell_text(v))}</td>" for v in r)
                         + "</tr>")
        if len(rows) > 500:
            parts.append(f"<tr><td colspan='{len(rows[0])}'>… {len(rows) - 500} …</td></tr>")
        parts.append("</table>")
        return "".join(parts)

    for b in doc.blocks:
        if isinstance(b, Heading):
            tag = "h2" if b.level <= 1 else "h3"
            out.append(f"<{tag}>{html.escape(b.text)}</{tag}>")
        elif isinstance(b, Paragraph):
            color = " style='color:#555'" if b.style == "note" else ""
            out.append(f"<p{color}>{html.escape(b.text).replace(chr(10), '<br/>')}</p>")
        elif isinstance(b, Table):
            if b.title:
                out.append(f"<p><b>{html.escape(b.title)}</b></p>")
            out.append(table(b.header, b.rows, set(b.highlight_rows)))
        elif isinstance(b, KeyValues):
            if b.title:
                out.append(f"<p><b>{html.escape(b.title)}</b></p>")
            out.append(table(None, [[k, v] for k, v in b.items], set()))
        elif isinstance(b, Chart):
            out.append(f"<p><b>{html.escape(b.title)}</b></p>")
            url = chart_url(n_chart, b) if chart_url else None
            n_chart += 1
            if url:
                out.append(f"<p align='center'><img src='{url}' width='560'/></p>")
            else:
                names = list(b.series)
                rows = [[c] + [b.series[n][i] if i < len(b.series[n]) else None for n in names]
                        for i, c in enumerate(b.categories)]
                out.append(table([""] + names, rows, set()))
        elif isinstance(b, SignOff):
            out.append("<br/><table border='1' cellspacing='0' cellpadding='8' width='100%'><tr>"
                       f"<td>甲方（盖章）：{html.escape(b.client)}<br/><br/>签字：<br/><br/>日期：</td>"
                       f"<td>乙方（盖章）：{html.escape(b.provider)}<br/><br/>签字：<br/><br/>日期：</td>"
                       "</tr></table>")
        elif isinstance(b, PageBreak):
            out.append("<hr/>")
    return "".join(out)


class ReportsPage(QWidget):
    """Preview, narrative and export of the contract's reports."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._contract_id: uuid.UUID | None = None
        self._preview_serial = 0
        self._narrative_loaded: tuple[str, str, str] = ("", "", "")
        self.export_task: TaskProgress | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.last_export: Path | None = None
        self.last_error: str = ""
        self._preview_file: Path | None = None

        title = QLabel(self.tr("Reports"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.contract_label = QLabel()
        # -- pickers
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        for key, label in self._kind_labels().items():
            self.kind.addItem(label, key)
        self.period = QComboBox()
        self.period.setObjectName("reportPeriod")
        self.period.setMinimumContentsLength(24)
        self.preview_button = QPushButton(self.tr("Preview"))
        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("Report")))
        picker.addWidget(self.kind)
        picker.addWidget(QLabel(self.tr("Period")))
        picker.addWidget(self.period, 1)
        picker.addWidget(self.preview_button)
        # -- preview
        self.preview_stack = QStackedWidget()
        self.browser = QTextBrowser()
        self.browser.setObjectName("reportPreview")
        self.browser.setOpenExternalLinks(False)
        self.preview_stack.addWidget(self.browser)
        self.pdf_view: Any = None
        self.pdf_doc: Any = None
        if HAVE_QTPDF:  # pragma: no cover - depends on the installation
            self.pdf_doc = QPdfDocument(self)
            self.pdf_view = QPdfView(self)
            self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.pdf_view.setDocument(self.pdf_doc)
            self.preview_stack.addWidget(self.pdf_view)
        self.preview_status = QLabel()
        self.preview_status.setStyleSheet("color: #555;")
        preview_box = QGroupBox(self.tr("Preview"))
        pv = QVBoxLayout(preview_box)
        pv.addWidget(self.preview_status)
        pv.addWidget(self.preview_stack, 1)
        # -- narrative
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("narrativeSummary")
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("narrativeProblems")
        self.plan = QPlainTextEdit()
        self.plan.setObjectName("narrativePlan")
        for edit in (self.summary, self.problems, self.plan):
            edit.setPlaceholderText(self.tr("Empty: a neutral default sentence is used"))
        self.save_narrative_button = QPushButton(self.tr("Save narrative"))
        narrative_box = QGroupBox(self.tr("Narrative"))
        nf = QFormLayout(narrative_box)
        nf.addRow(self.tr("Summary"), self.summary)
        nf.addRow(self.tr("Problems"), self.problems)
        nf.addRow(self.tr("Next period's plan"), self.plan)
        nf.addRow("", self.save_narrative_button)
        # -- export
        self.folder = QLineEdit()
        self.folder.setObjectName("exportFolder")
        self.choose_folder = QPushButton(self.tr("Choose folder…"))
        self.export_buttons: dict[str, QPushButton] = {}
        export_box = QGroupBox(self.tr("Export"))
        ev = QVBoxLayout(export_box)
        frow = QHBoxLayout()
        frow.addWidget(QLabel(self.tr("Folder")))
        frow.addWidget(self.folder, 1)
        frow.addWidget(self.choose_folder)
        ev.addLayout(frow)
        brow = QHBoxLayout()
        for fmt, label in (("pdf", self.tr("Export PDF")), ("xlsx", self.tr("Export Excel")),
                           ("docx", self.tr("Export Word"))):
            b = QPushButton(label)
            b.setObjectName(f"export_{fmt}")
            b.clicked.connect(lambda _=False, f=fmt: self.export(f))
            self.export_buttons[fmt] = b
            brow.addWidget(b)
        ev.addLayout(brow)
        self.export_message = QLabel()
        self.export_message.setWordWrap(True)
        self.export_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_file_button = QPushButton(self.tr("Open file"))
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_file_button.setEnabled(False)
        self.open_folder_button.setEnabled(False)
        orow = QHBoxLayout()
        orow.addWidget(self.export_message, 1)
        orow.addWidget(self.open_file_button)
        orow.addWidget(self.open_folder_button)
        ev.addLayout(orow)
        # -- exported before
        self.history = QTableWidget(0, 7)
        self.history.setObjectName("exportedReports")
        self.history.setHorizontalHeaderLabels([
            self.tr("Exported at"), self.tr("By"), self.tr("Report"), self.tr("Period"),
            self.tr("Format"), self.tr("SHA-256"), self.tr("File")])
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.history.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.history.verticalHeader().setVisible(False)
        history_box = QGroupBox(self.tr("Exported reports"))
        QVBoxLayout(history_box).addWidget(self.history)

        side = QWidget()
        sv = QVBoxLayout(side)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(narrative_box, 2)
        sv.addWidget(export_box)
        sv.addWidget(history_box, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(preview_box)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.contract_label)
        layout.addLayout(picker)
        layout.addWidget(splitter, 1)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(300)
        self._preview_timer.timeout.connect(self.preview)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.preview_button.clicked.connect(self.preview)
        self.save_narrative_button.clicked.connect(self.save_narrative)
        self.choose_folder.clicked.connect(self._choose_folder)
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.history.cellDoubleClicked.connect(self._history_open)
        self.folder.setText(settings.get("last_export_dir") or str(data_dir() / "reports"))
        self.refresh()

    # ------------------------------------------------------------------ labels
    def _kind_labels(self) -> dict[str, str]:
        return {
            "monthly": self.tr("Monthly report"),
            "weekly": self.tr("Weekly report"),
            "quarterly": self.tr("Quarterly report"),
            "half-year": self.tr("Half-year report"),
            "annual": self.tr("Annual report"),
            "requirements": self.tr("Monthly requirements document"),
        }

    # ------------------------------------------------------------------ state
    def _contract(self, session: Any) -> Contract | None:
        if self.ctx.contract_id is None:
            return None
        return session.get(Contract, self.ctx.contract_id)

    def current_kind(self) -> str:
        """The selected report kind (``monthly``, ``weekly``, …)."""
        return str(self.kind.currentData())

    def current_period(self) -> Any:
        """The selected ``Period`` or ``None``."""
        return self.period.currentData()

    def refresh(self) -> None:
        """Reload contract, periods, narrative and the exported list (after any change)."""
        with self.ctx.db.session() as s:
            contract = self._contract(s)
            if contract is None:
                self.contract_label.setText(self.tr("No contract loaded."))
                self._contract_id = None
                self.period.clear()
                self._set_enabled(False)
                self.history.setRowCount(0)
                return
            self.contract_label.setText(f"{contract.title}（{contract.client}）")
            changed = self._contract_id != contract.id
            self._contract_id = contract.id
            if changed or self.period.count() == 0:
                self._fill_periods(contract)
            self._load_history(s, contract)
        self._set_enabled(True)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.kind, self.period, self.preview_button, self.save_narrative_button,
                  *self.export_buttons.values()):
            w.setEnabled(on)

    def _fill_periods(self, contract: Contract) -> None:
        from app.core.periods import default_period, last_periods, period_containing

        kind = self.current_kind()
        today = local_today()
        self.period.blockSignals(True)
        self.period.clear()
        try:
            default = default_period(kind, contract, today)
            current = period_containing(kind, today, contract)
            periods = [current] + list(reversed(last_periods(default, contract, PERIODS_SHOWN - 1)))
        except OpsLedgerError:
            periods, default = [], None
        for p in periods:
            if p.end < contract.term_start or p.start > contract.term_end:
                continue
            label = p.display
            if p.end >= today:
                label += self.tr(" (in progress)")
            self.period.addItem(label, p)
        i = next((n for n in range(self.period.count())
                  if default is not None and self.period.itemData(n).key == default.key), 0)
        self.period.setCurrentIndex(i if self.period.count() else -1)
        self.period.blockSignals(False)
        self._load_narrative()

    @Slot(int)
    def _kind_changed(self, _index: int) -> None:
        with self.ctx.db.session() as s:
            contract = self._contract(s)
            if contract is not None:
                self._fill_periods(contract)
        self._schedule_preview()

    @Slot(int)
    def _period_changed(self, _index: int) -> None:
        self._load_narrative()
        self._schedule_preview()

    def _schedule_preview(self) -> None:
        if self.isVisible():
            self._preview_timer.start()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._contract_id is not None and self.period.count():
            self._preview_timer.start()

    # ------------------------------------------------------------------ narrative
    def _narrative_now(self) -> tuple[str, str, str]:
        return (self.summary.toPlainText(), self.problems.toPlainText(), self.plan.toPlainText())

    def _load_narrative(self) -> None:
        from app.reports.service import load_narrative

        period = self.current_period()
        texts = ("", "", "")
        if period is not None and self.ctx.contract_id is not None:
            with self.ctx.db.session() as s:
                contract = self._contract(s)
                if contract is not None:
                    n = load_narrative(s, contract, self.current_kind(), period.key)
                    texts = (n["summary"], n["problems"], n["plan"])
        self.summary.setPlainText(texts[0])
        self.problems.setPlainText(texts[1])
        self.plan.setPlainText(texts[2])
        self._narrative_loaded = texts

    def narrative_dirty(self) -> bool:
        """True when the narrative fields differ from what is saved."""
        return self._narrative_now() != self._narrative_loaded

    @Slot()
    def save_narrative(self) -> bool:
        """Save the narrative of the selected period (one transaction); False on error."""
        from app.reports.service import save_narrative

        period = self.current_period()
        if period is None:
            return False
        texts = self._narrative_now()
        try:
            with self.ctx.db.session() as s:
                contract = self._contract(s)
                if contract is None:
                    return False
                save_narrative(s, contract, self.current_kind(), period.key, *texts,
                               actor=self.ctx.engineer)
        except OpsLedgerError as exc:
            self._error(self.tr("Cannot save the narrative"), str(exc))
            return False
        self._narrative_loaded = texts
        self.export_message.setText(self.tr("Narrative saved."))
        self._schedule_preview()
        return True

    # ------------------------------------------------------------------ preview
    @Slot()
    def preview(self) -> None:
        """Build and compose the selected report in a worker and show it."""
        period = self.current_period()
        if period is None or self.ctx.contract_id is None:
            return
        self._preview_serial += 1
        serial = self._preview_serial
        cid, db = self.ctx.contract_id, self.ctx.db
        narrative = dict(zip(("summary", "problems", "plan"), self._narrative_now()))
        want_pdf = HAVE_QTPDF
        self.preview_status.setText(self.tr("Building the preview…"))

        def work(_progress: TaskProgress) -> Any:
            from app.reports.data.builder import build_report_data
            from app.reports.compose.composer import compose

            with db.session() as s:
                contract = s.get(Contract, cid)
                data = build_report_data(s, contract, period)
                doc = compose(data, narrative=narrative)
            pdf_path = None
            if want_pdf:  # pragma: no cover - depends on the installation
                from app.reports.render.pdf import render_pdf

                fd, name = tempfile.mkstemp(prefix="opsledger-preview-", suffix=".pdf")
                import os

                os.close(fd)
                pdf_path = render_pdf(doc, Path(name))
            else:
                from app.reports.render.fonts import register_fonts

                register_fonts()  # parse the font now (~0.3 s) so the first export needn't
            return doc, pdf_path

        def ok(result: Any) -> None:
            if serial != self._preview_serial:
                return
            doc, pdf_path = result
            self.show_document(doc, pdf_path)

        def fail(exc: BaseException) -> None:
            if serial != self._preview_serial:
                return
            self.preview_status.setText(self.tr("Preview failed: %1").replace("%1", str(exc)))

        run_task(work, ok, fail)

    def show_document(self, doc: ReportDocument, pdf_path: Path | None = None) -> None:
        """Show a composed document (or its rendered PDF when QtPdf is available)."""
        if pdf_path is not None and self.pdf_doc is not None:
            old = self._preview_file
            self.pdf_doc.load(str(pdf_path))
            self.preview_stack.setCurrentWidget(self.pdf_view)
            self._preview_file = pdf_path
            if old is not None:
                old.unlink(missing_ok=True)
        else:
            from app.reports.render.charts import chart_png

            document = self.browser.document()

            def chart_url(i: int, chart: Chart) -> str | None:
                try:
                    img = QImage.fromData(chart_png(chart, 900, 450), "PNG")
                except Exception:  # noqa: BLE001 - a chart must not break the preview
                    return None
                url = f"chart://{self._preview_serial}/{i}"
                document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), img)
                return url

            self.browser.setHtml(document_html(doc, chart_url))
            self.preview_stack.setCurrentWidget(self.browser)
        self.preview_status.setText(doc.title + "  " + doc.period_label)

    # ------------------------------------------------------------------ export
    def output_path(self, fmt: str) -> Path:
        """Where an export of ``fmt`` goes: ``<folder>/<contract>-<kind>-<period>.<fmt>``, with
        ``-2``, ``-3``… added rather than overwriting an earlier export (whose record keeps the
        SHA-256 of that file)."""
        period = self.current_period()
        folder = Path(self.folder.text().strip() or str(data_dir() / "reports")).expanduser()
        with self.ctx.db.session() as s:
            contract = self._contract(s)
            name = contract.name if contract is not None else "report"
        stem = f"{name}-{self.current_kind()}-{period.key}"
        path, n = folder / f"{stem}.{fmt}", 1
        while path.exists():
            n += 1
            path = folder / f"{stem}-{n}.{fmt}"
        return path

    @Slot()
    def export(self, fmt: str) -> None:
        """Export the selected report as ``fmt`` in a worker with a cancellable progress dialog."""
        from app.reports.service import generate_report

        period = self.current_period()
        if period is None or self.ctx.contract_id is None or self.export_task is not None:
            return
        if self.narrative_dirty() and not self.save_narrative():
            return
        out = self.output_path(fmt)
        kind, cid, db, actor = self.current_kind(), self.ctx.contract_id, self.ctx.db, self.ctx.engineer
        dialog = QProgressDialog(self.tr("Exporting %1…").replace("%1", out.name),
                                 self.tr("Cancel"), 0, 1000, self)
        dialog.setWindowTitle(self.tr("Export"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setValue(0)
        self.progress_dialog = dialog
        task = TaskProgress()
        self.export_task = task
        self.last_error = ""

        def step(done: int, total: int) -> None:
            if task.cancelled:
                raise RenderCancelled()
            task.report(done, total)

        def work(progress: TaskProgress) -> dict[str, Any]:
            with db.session() as s:
                contract = s.get(Contract, cid)
                rec = generate_report(s, contract, kind, period, fmt, out, actor=actor,
                                      progress=step)
                s.flush()
                return {"path": rec.path, "sha256": rec.sha256, "id": rec.id}

        def on_progress(done: int, total: int) -> None:
            if self.progress_dialog is not None and total > 0:
                self.progress_dialog.setMaximum(total)
                self.progress_dialog.setValue(min(done, total))

        task.progressed.connect(on_progress)
        dialog.canceled.connect(task.cancel)
        for b in self.export_buttons.values():
            b.setEnabled(False)
        run_task(work, self._exported, self._export_failed, progress=task)
        dialog.show()

    def _end_export(self) -> None:
        self.export_task = None
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        for b in self.export_buttons.values():
            b.setEnabled(True)

    def _exported(self, result: dict[str, Any]) -> None:
        self._end_export()
        path = Path(result["path"])
        self.last_export = path
        settings.set_value("last_export_dir", str(path.parent))
        self.export_message.setText(self.tr("Exported %1 (SHA-256 %2…)")
                                    .replace("%1", str(path)).replace("%2", result["sha256"][:12]))
        self.open_file_button.setEnabled(True)
        self.open_folder_button.setEnabled(True)
        self.ctx.bus.changed.emit(("report",))
        self.refresh()

    def _export_failed(self, exc: BaseException) -> None:
        self._end_export()
        if isinstance(exc, RenderCancelled):
            self.export_message.setText(self.tr("Export cancelled; no file was written."))
            return
        self.last_error = str(exc)
        self.export_message.setText(self.tr("Export failed: %1").replace("%1", str(exc)))
        self._error(self.tr("Export failed"), str(exc))

    def _error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    @Slot()
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    @Slot()
    def open_file(self) -> None:
        """Open the last exported file with the system's application."""
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export)))

    @Slot()
    def open_folder(self) -> None:
        """Open the folder of the last exported file."""
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export.parent)))

    # ------------------------------------------------------------------ history
    def _load_history(self, session: Any, contract: Contract) -> None:
        from app.reports.service import list_exported

        labels = self._kind_labels()
        records = list_exported(session, contract)
        self.history.setRowCount(len(records))
        for r, rec in enumerate(records):
            values = [fmt_local(rec.exported_at), rec.exported_by, labels.get(rec.kind, rec.kind),
                      rec.period_key, rec.format.upper(), rec.sha256[:12], rec.path]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                if c == 5:
                    item.setToolTip(rec.sha256)
                self.history.setItem(r, c, item)
        self.history.resizeColumnsToContents()

    @Slot(int, int)
    def _history_open(self, row: int, _col: int) -> None:
        item = self.history.item(row, 6)
        if item is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(item.text()))
