"""Reports (报表): pick a kind and period, preview, edit the narrative, export PDF/XLSX/DOCX.

- Kind and period pickers: every period the CLI accepts (``reports.actions.offered_periods``):
  calendar and contract-year periods (``2026-Q4``, ``CY1-Q2``, ``CY1``) that have started and
  overlap the term, in progress ones marked; the default is the last complete period, or the
  period in progress when none is complete yet (the first contract year's ``CY1``).  When no
  period can be offered the reason is shown and the buttons say it again when pressed.
- Preview (``ReportPreview``): built in a worker (``actions.build_document``; with QtPdf rendered
  to a temporary PDF).
- Narrative (``NarrativeEditor``): saved with ``actions.save_narrative``; unsaved edits are saved
  before an export, and ``confirm_leave`` asks before the page is left with them.
- Export (``ExportPanel``): ``actions.export_report`` in a worker with a ``QProgressDialog`` whose
  Cancel stops the renderer (no file is left); emits the ``report`` change.
- Exported before (``ExportedTable``).
"""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.core.timeutil import local_today
from app.errors import OpsLedgerError
from app.paths import data_dir
from app.reports import actions
from app.reports.actions import PeriodChoice
from app.reports.render.fonts import RenderCancelled
from app.services.contract import actions as contract_actions
from app.ui.context import AppContext
from app.ui.ops import emit_changes, perform
from app.ui.pages.reports.deliveries import DeliveryList
from app.ui.pages.reports.export_panel import ExportPanel
from app.ui.pages.reports.exported import ExportedTable
from app.ui.pages.reports.narrative import NarrativeEditor
from app.ui.pages.reports.preview import HAVE_QTPDF, ReportPreview
from app.ui.tasks import TaskProgress, run_task


class ReportsPage(QWidget):
    """Preview, narrative and export of the contract's reports."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        """Build, lay out and connect the widgets (long by layout, not by logic: one widget per line)."""
        super().__init__(parent)
        self.ctx = ctx
        self._contract_id: uuid.UUID | None = None
        self._kind_titles: dict[str, str] = {}
        self.export_task: TaskProgress | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.last_error = ""
        self.no_period_reason = ""
        title = QLabel(self.tr("Reports"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.contract_label = QLabel()
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        for key, label in self.kind_labels().items():
            self.kind.addItem(label, key)
        self.period = QComboBox()
        self.period.setObjectName("reportPeriod")
        self.period.setMinimumContentsLength(30)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.period_note = QLabel()
        self.period_note.setObjectName("periodNote")
        self.period_note.setWordWrap(True)
        self.period_note.setStyleSheet("color: #b06000;")
        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("Report")))
        picker.addWidget(self.kind)
        picker.addWidget(QLabel(self.tr("Period")))
        picker.addWidget(self.period, 1)
        picker.addWidget(self.preview_button)
        self.preview_box = ReportPreview()
        self.narrative = NarrativeEditor()
        self.export_panel = ExportPanel()
        self.history = ExportedTable()
        self.deliveries = DeliveryList(ctx)
        history_box = QTabWidget()
        history_box.addTab(self.deliveries, self.tr("Submission and acceptance"))
        history_box.addTab(self.history, self.tr("Exported reports"))
        side = QWidget()
        sv = QVBoxLayout(side)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(self.narrative, 2)
        sv.addWidget(self.export_panel)
        sv.addWidget(history_box, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.preview_box)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.contract_label)
        layout.addLayout(picker)
        layout.addWidget(self.period_note)
        layout.addWidget(splitter, 1)
        self._alias_children()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(300)
        self._preview_timer.timeout.connect(self.preview)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.preview_button.clicked.connect(self.preview)
        self.narrative.save_button.clicked.connect(self.save_narrative)
        self.export_panel.exportRequested.connect(self.export)
        self.folder.setText(settings.get("last_export_dir") or str(data_dir() / "reports"))
        self.refresh()

    def _alias_children(self) -> None:
        """Short names for the child widgets' parts (used by the main window and tests)."""
        self.summary, self.problems, self.plan = self.narrative.summary, self.narrative.problems, self.narrative.plan
        self.save_narrative_button = self.narrative.save_button
        self.folder, self.export_buttons = self.export_panel.folder, self.export_panel.buttons
        self.export_message = self.export_panel.message
        self.open_file_button = self.export_panel.open_file_button
        self.open_folder_button = self.export_panel.open_folder_button
        self.preview_status, self.preview_stack = self.preview_box.status, self.preview_box.stack
        self.browser, self.pdf_doc = self.preview_box.browser, self.preview_box.pdf_doc

    @property
    def last_export(self) -> Path | None:
        """The file of the last successful export."""
        return self.export_panel.last_export

    @property
    def _preview_file(self) -> Path | None:
        return self.preview_box.preview_file

    def kind_labels(self) -> dict[str, str]:
        """Report kind → its name in the UI language: the built-in kinds, then the kinds the
        contract's profile defines (安全周报 …); every kind the profile titles (运维月报 for
        ``monthly``) as the profile titles it — the title its documents carry."""
        return {**self._builtin_kind_labels(), **self._kind_titles}

    def _builtin_kind_labels(self) -> dict[str, str]:
        return {
            "monthly": self.tr("Monthly report"),
            "weekly": self.tr("Weekly report"),
            "quarterly": self.tr("Quarterly report"),
            "half-year": self.tr("Half-year report"),
            "annual": self.tr("Annual report"),
            "requirements": self.tr("Monthly requirements document"),
        }

    # ------------------------------------------------------------------ state
    def current_kind(self) -> str:
        """The selected report kind (``monthly``, ``weekly``, …)."""
        return str(self.kind.currentData())

    def current_period(self) -> PeriodChoice | None:
        """The selected ``PeriodChoice`` (``key``, ``label``, ``start``, ``end`` …) or ``None``."""
        data = self.period.currentData()
        return data if isinstance(data, PeriodChoice) else None

    def select_period(self, key: str) -> bool:
        """Select the offered period ``key`` (e.g. ``CY1``); False if it is not offered."""
        for n in range(self.period.count()):
            if self.period.itemData(n).key == key:
                self.period.setCurrentIndex(n)
                return True
        return False

    def apply_filter(self, *, kind: str = "monthly", period_key: str = "") -> bool:
        """Show report ``kind`` and, when offered, period ``period_key`` (the overview's KPI
        tiles); False if that period is not offered."""
        i = self.kind.findData(kind)
        if i >= 0 and i != self.kind.currentIndex():
            self.kind.setCurrentIndex(i)
        return self.select_period(period_key) if period_key else True

    def refresh(self) -> None:
        """Reload contract, periods, narrative and the exported list (after any change)."""
        row = contract_actions.contract(self.ctx.db, self.ctx.contract_id).value
        if row is None:
            self.contract_label.setText(self.tr("No contract loaded."))
            self._contract_id = None
            self.period.clear()
            self.no_period_reason = self.tr("No contract loaded.")
            self.history.setRowCount(0)
            self.deliveries.refresh()
            return
        self.contract_label.setText(f"{row.title}（{row.client}）")
        changed = self._contract_id != row.id
        self._contract_id = row.id
        if changed:
            self._fill_kinds()
        if changed or self.period.count() == 0:
            self._fill_periods()
        self.history.set_rows(perform(self.ctx, actions.exported_reports, row.id), self.kind_labels())
        self.deliveries.refresh()

    def _fill_kinds(self) -> None:
        """Offer the built-in kinds and the kinds the contract's profile defines, each titled by
        ``kinds_for`` (``ContractProfile.report_title``: 运维月报 where the profile says so),
        keeping the selected kind when the new contract has it."""
        offered: list[tuple[str, str]] = perform(self.ctx, actions.kinds_for, self.ctx.contract_id)
        self._kind_titles = dict(offered)
        keep = self.current_kind()
        self.kind.blockSignals(True)
        self.kind.clear()
        for key, label in self.kind_labels().items():
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(keep)))
        self.kind.blockSignals(False)

    def _fill_periods(self) -> None:
        offer = perform(self.ctx, actions.offered_periods, self.ctx.contract_id, self.current_kind(), local_today())
        self.period.blockSignals(True)
        self.period.clear()
        for p in offer.periods:
            self.period.addItem(p.label + (self.tr(" (in progress)") if p.in_progress else ""), p)
        self.select_period(offer.default_key or "")
        self.period.blockSignals(False)
        self.no_period_reason = offer.reason
        self.period_note.setText(offer.reason)
        self.period_note.setVisible(bool(offer.reason))
        self._load_narrative()

    @Slot(int)
    def _kind_changed(self, _index: int) -> None:
        if self.ctx.contract_id is not None:
            self._fill_periods()
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

    def _cannot(self) -> str:
        """Why nothing can be previewed or exported now ('' when something can)."""
        if self.ctx.contract_id is None:
            return self.tr("No contract loaded.")
        if self.current_period() is None:
            return self.no_period_reason or self.tr("Choose a period first.")
        return ""

    # ------------------------------------------------------------------ narrative
    def _load_narrative(self) -> None:
        period = self.current_period()
        if period is None or self.ctx.contract_id is None:
            self.narrative.load(actions.Narrative())
            return
        self.narrative.load(perform(self.ctx, actions.load_narrative, self.ctx.contract_id, self.current_kind(),
                                    period.key))

    def narrative_dirty(self) -> bool:
        """True when the narrative fields differ from what is saved."""
        return self.narrative.dirty()

    def has_unsaved_changes(self) -> bool:
        """The main window asks before leaving when this is True."""
        return self.narrative_dirty()

    def confirm_leave(self) -> bool:
        """Unsaved narrative: ask save / discard / cancel; True when the page may be left."""
        if not self.narrative_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved narrative"),
            self.tr("The report narrative has unsaved edits. Save them before leaving?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Yes):
            return self.save_narrative()
        if answer == QMessageBox.StandardButton.Discard:
            self.narrative.load(self.narrative.loaded)
            return True
        return False

    @Slot()
    def save_narrative(self) -> bool:
        """Save the narrative of the selected period (one transaction); False on error."""
        period = self.current_period()
        if period is None:
            self.export_panel.say(self._cannot(), error=True)
            return False
        texts = self.narrative.current()
        try:
            perform(self.ctx, actions.save_narrative, self.ctx.contract_id, self.current_kind(), period.key, texts,
                    actor=self.ctx.engineer)
        except OpsLedgerError as exc:
            QMessageBox.warning(self, self.tr("Cannot save the narrative"), str(exc))
            return False
        self.narrative.loaded = texts
        self.export_panel.say(self.tr("Narrative saved."))
        self._schedule_preview()
        return True

    # ------------------------------------------------------------------ preview
    @Slot()
    def preview(self) -> None:
        """Build and compose the selected report in a worker and show it."""
        why = self._cannot()
        if why:
            self.preview_status.setText(why)
            return
        period = self.current_period()
        assert period is not None
        self.preview_box.serial += 1
        serial = self.preview_box.serial
        db, cid, kind, narrative = self.ctx.db, self.ctx.contract_id, self.current_kind(), self.narrative.current()
        want_pdf = HAVE_QTPDF
        self.preview_status.setText(self.tr("Building the preview…"))

        def work(_progress: TaskProgress) -> Any:
            doc = actions.build_document(db, cid, kind, period.key, narrative).value
            pdf_path = None
            if want_pdf:  # pragma: no cover - depends on the installation
                from app.reports.render.pdf import render_pdf

                fd, name = tempfile.mkstemp(prefix="opsledger-preview-", suffix=".pdf")
                os.close(fd)
                pdf_path = render_pdf(doc, Path(name))
            else:
                from app.reports.render.fonts import register_fonts

                register_fonts()  # parse the font now (~0.3 s) so the first export needn't
            return doc, pdf_path

        def ok(result: Any) -> None:
            if shiboken6.isValid(self) and serial == self.preview_box.serial:  # the window may be gone
                self.preview_box.show_document(*result)

        def fail(exc: BaseException) -> None:
            if shiboken6.isValid(self) and serial == self.preview_box.serial:
                self.preview_status.setText(self.tr("Preview failed: %1").replace("%1", str(exc)))

        run_task(work, ok, fail)

    def show_document(self, doc: Any, pdf_path: Path | None = None) -> None:
        """Show a composed document (see ``ReportPreview.show_document``)."""
        self.preview_box.show_document(doc, pdf_path)

    # ------------------------------------------------------------------ export
    def output_path(self, fmt: str) -> Path:
        """Where an export of ``fmt`` goes: ``<folder>/<contract>-<kind>-<period>.<fmt>`` (``-2``…
        rather than overwriting an earlier export)."""
        period = self.current_period()
        assert period is not None
        folder = Path(self.folder.text().strip() or str(data_dir() / "reports")).expanduser()
        return actions.output_path(self.ctx.db, self.ctx.contract_id, self.current_kind(), period.key, fmt, folder)

    @Slot(str)
    def export(self, fmt: str) -> None:
        """Export the selected report as ``fmt`` in a worker with a cancellable progress dialog;
        when it cannot run, the reason is shown (never a silent no-op)."""
        why = self._cannot() or (self.tr("An export is already running.") if self.export_task is not None else "")
        if why:
            self.export_panel.say(why, error=True)
            return
        if self.narrative_dirty() and not self.save_narrative():
            return
        period = self.current_period()
        assert period is not None
        out = self.output_path(fmt)
        kind, cid, db, actor = self.current_kind(), self.ctx.contract_id, self.ctx.db, self.ctx.engineer
        dialog = self._progress_dialog(out.name)
        task = TaskProgress()
        self.export_task = task
        self.last_error = ""

        def step(done: int, total: int) -> None:
            if task.cancelled:
                raise RenderCancelled()
            task.report(done, total)

        def work(_progress: TaskProgress) -> Any:
            return actions.export_report(db, cid, kind, period.key, fmt, out, actor=actor, progress=step)

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

    def _progress_dialog(self, name: str) -> QProgressDialog:
        dialog = QProgressDialog(self.tr("Exporting %1…").replace("%1", name), self.tr("Cancel"), 0, 1000, self)
        dialog.setWindowTitle(self.tr("Export"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setValue(0)
        self.progress_dialog = dialog
        return dialog

    def _end_export(self) -> None:
        self.export_task = None
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        for b in self.export_buttons.values():
            b.setEnabled(True)

    def _exported(self, outcome: Any) -> None:
        self._end_export()
        row = emit_changes(self.ctx, outcome)
        path = Path(row.path)
        self.export_panel.exported(path)
        settings.set_value("last_export_dir", str(path.parent))
        self.export_panel.say(self.tr("Exported %1 (SHA-256 %2…)").replace("%1", str(path))
                              .replace("%2", row.sha256[:12]))
        self.refresh()

    def _export_failed(self, exc: BaseException) -> None:
        self._end_export()
        if isinstance(exc, RenderCancelled):
            self.export_panel.say(self.tr("Export cancelled; no file was written."))
            return
        self.last_error = str(exc)
        self.export_panel.say(self.tr("Export failed: %1").replace("%1", str(exc)), error=True)
        QMessageBox.warning(self, self.tr("Export failed"), str(exc))
