"""The inspection runner (巡检执行): answer a checklist fast from the keyboard.

Keys (shown on screen as a legend), typed into the answer line which always has the focus:

* check items: ``1``/``N`` normal, ``2``/``A`` abnormal, ``3``/``X`` n.a. — saved at once;
* reading items: type the number, ``Enter`` saves (a value outside the normal range turns the line
  red while typing and the row is marked 异常 as soon as it is saved); ``X`` n.a.;
* choice items: the choice's number saves it; ``X`` n.a.;
* text items: type, ``Enter`` saves;
* ``Tab`` moves to the note line of the current item, ``Enter`` there saves the note (the item
  must be answered first) and returns to the answer line;
* ``Up``/``Down`` move, ``Enter`` on an empty line moves on; ``Ctrl+I`` creates an incident from
  an abnormal row (small prefilled form); ``Ctrl+Enter`` finishes (offers to mark unanswered
  items n.a.); ``Esc`` goes back to Today (the inspection stays in progress and can be resumed).

Each answer is one call into ``app.services.inspection.actions`` (its own transaction) through
``app.ui.ops.perform``, which announces the change on the bus.
Signals: ``closeRequested()`` (back to Today), ``incidentCreated(str number)``,
``inspectionFinished(str summary)``.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.readings import range_text
from app.errors import OpsLedgerError
from app.services.inspection import actions
from app.services.inspection.actions import IncidentProposal, ResultData
from app.ui.context import AppContext
from app.ui.itemmodels.inspection_models import ResultRow, ResultsModel, outcome_text
from app.ui.ops import perform
from app.ui.pages.inspection.incident_dialog import IncidentFromResultDialog
from app.ui.widgets.secret_guard import guard_secrets

NORMAL_KEYS = {Qt.Key.Key_1: "normal", Qt.Key.Key_N: "normal", Qt.Key.Key_2: "abnormal",
               Qt.Key.Key_A: "abnormal", Qt.Key.Key_3: "na", Qt.Key.Key_X: "na"}


def result_row(data: ResultData) -> ResultRow:
    """The item-model row of an action's ``ResultData``."""
    return ResultRow(**asdict(data))


class InspectionRunPage(QWidget):
    """Runs one inspection; opened by ``open_entry(due_entry)``, ``open_ad_hoc(template_id)`` or
    ``open_inspection(id)``."""

    closeRequested = Signal()
    incidentCreated = Signal(str)
    inspectionFinished = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        """Build, lay out and connect the widgets (long by layout, not by logic: one widget per line)."""
        super().__init__(parent)
        self.ctx = ctx
        self.inspection_id: uuid.UUID | None = None
        self.finished = False
        self.header = QLabel()
        self.header.setObjectName("runnerHeader")
        self.header.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.model = ResultsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # clicks select rows; typing stays in the answer line
        self.table.verticalHeader().hide()
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.prompt = QLabel()
        self.prompt.setObjectName("prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setStyleSheet("font-size: 13pt;")
        self.answer = QLineEdit()
        self.answer.setObjectName("answer")
        self.answer.setStyleSheet("font-size: 13pt;")
        self.answer.installEventFilter(self)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("Note for this item (Tab from the answer, Enter saves)"))
        self.note.installEventFilter(self)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.legend = QLabel(self.tr(
            "Keys: 1/N normal · 2/A abnormal · 3/X n.a. · reading: type number + Enter · "
            "choice: its number · Tab note · ↑/↓ move · Ctrl+I incident from abnormal row · "
            "Ctrl+Enter finish · Esc back"))
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #555;")
        self.incident_button = QPushButton(self.tr("Create incident (Ctrl+I)"))
        self.finish_button = QPushButton(self.tr("Finish (Ctrl+Enter)"))
        self.back_button = QPushButton(self.tr("Back (Esc)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.incident_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.finish_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.header)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.prompt)
        lay.addWidget(self.answer)
        lay.addWidget(self.note)
        lay.addWidget(self.message)
        lay.addWidget(self.legend)
        lay.addLayout(buttons)
        self.incident_button.clicked.connect(self.create_incident)
        self.finish_button.clicked.connect(self.finish)
        self.back_button.clicked.connect(self.closeRequested)
        self.answer.textChanged.connect(self._on_typing)
        self.setTabOrder(self.answer, self.note)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        QShortcut(QKeySequence("Ctrl+I"), self, activated=self.create_incident,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self.finish,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._show_current()

    # -- opening --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the open inspection's results."""
        if self.inspection_id is not None:
            self._load(self.inspection_id, keep_row=True)

    def open_entry(self, entry: Any) -> bool:
        """Start or resume the inspection of a ``schedule.DueEntry``; False (message shown) on error."""
        slot = entry.slot
        if getattr(entry, "status", "") == "done" and getattr(entry, "inspection_id", None):
            self.open_inspection(entry.inspection_id)  # finished: shown, answers can still be corrected
            return True
        return self._start(actions.start_due, self.ctx.contract_id, slot.template_id, slot.due_date,
                           slot.slot or "", self.ctx.engineer)

    def open_ad_hoc(self, template_id: uuid.UUID) -> bool:
        """Start an unscheduled inspection of template ``template_id`` now; False (message shown)
        on error."""
        return self._start(actions.start_unscheduled, self.ctx.contract_id, template_id, self.ctx.engineer)

    def _start(self, action: Any, *args: Any) -> bool:
        try:
            iid = perform(self.ctx, action, *args)
        except OpsLedgerError as exc:
            QMessageBox.warning(self, self.tr("Cannot start inspection"), str(exc))
            return False
        self.open_inspection(iid)
        return True

    def open_inspection(self, inspection_id: uuid.UUID) -> None:
        """Show inspection ``inspection_id`` and put the cursor on its first unanswered item."""
        self._load(inspection_id, keep_row=False)

    def _load(self, inspection_id: uuid.UUID, *, keep_row: bool) -> None:
        row = self.current_row()
        view = perform(self.ctx, actions.inspection_view, inspection_id)
        rows = [result_row(r) for r in view.results]
        self.finished = view.finished_at is not None
        head = f"{view.number} · {view.template_name} · {view.due_date.isoformat()} {view.slot}".strip()
        self.inspection_id = inspection_id
        self.header.setText(head + (f" · {self.tr('finished')}" if self.finished else ""))
        self.model.set_rows(rows)
        if not keep_row or row < 0:
            unanswered = [n for n, r in enumerate(rows) if r.outcome is None]
            row = unanswered[0] if unanswered else 0
        self.select_row(min(row, len(rows) - 1))
        self.message.clear()

    # -- cursor ---------------------------------------------------------------------------------
    def current_row(self) -> int:
        """The selected row number, -1 if none."""
        idx = self.table.selectionModel().currentIndex()
        return idx.row() if idx.isValid() else -1

    def current(self) -> ResultRow | None:
        """The selected result row."""
        n = self.current_row()
        return self.model.row(n) if 0 <= n < self.model.rowCount() else None

    def select_row(self, n: int) -> None:
        """Move the cursor to row ``n`` and clear the answer line."""
        if 0 <= n < self.model.rowCount():
            idx = self.model.index(n, 0)
            self.table.selectionModel().setCurrentIndex(
                idx, self.table.selectionModel().SelectionFlag.ClearAndSelect
                | self.table.selectionModel().SelectionFlag.Rows)
            self.table.scrollTo(idx)
        self._show_current()

    def focus_current(self) -> None:
        """Give the answer line the keyboard focus."""
        self.answer.setFocus()

    def _advance(self) -> None:
        n = self.current_row()
        rows = self.model.rows()
        for m in range(n + 1, len(rows)):
            if rows[m].outcome is None:
                self.select_row(m)
                return
        if n + 1 < len(rows):
            self.select_row(n + 1)
        else:
            self._show_current()
            self.message.setText(self.tr("Last item. Ctrl+Enter finishes the inspection."))

    def _show_current(self) -> None:
        r = self.current()
        self.answer.blockSignals(True)
        self.answer.clear()
        self.answer.blockSignals(False)
        self.answer.setStyleSheet("font-size: 13pt;")
        self.note.setText(r.note if r else "")
        self.incident_button.setEnabled(bool(r and r.outcome == "abnormal" and not r.incident_number))
        if r is None:
            self.prompt.setText(self.tr("No inspection open. Choose one on the Today page."))
            return
        hint = {
            "check": self.tr("1/N normal · 2/A abnormal · 3/X n.a."),
            "reading": self.tr("Type the reading and press Enter (normal: %1) · X n.a.").replace(
                "%1", range_text(r.normal_min, r.normal_max, r.unit or "") or "—"),
            "choice": "  ".join(f"{n}={c}" for n, c in enumerate(r.choices, 1)) + self.tr(" · X n.a."),
            "text": self.tr("Type the text and press Enter"),
        }.get(r.kind, "")
        state = outcome_text(r.outcome)
        self.prompt.setText(f"<b>{self.current_row() + 1}. {r.text}</b> [{state}]<br>{hint}")

    # -- keyboard -------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        """Answer-line keys: see the module docstring."""
        if obj is self.answer and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._on_key(event)
        if obj is self.note and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                self.save_note()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.focus_current()
                return True
        return super().eventFilter(obj, event)

    def _on_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and ctrl:
            self.finish()
            return True
        if key == Qt.Key.Key_I and ctrl:
            self.create_incident()
            return True
        if key == Qt.Key.Key_Escape:
            self.closeRequested.emit()
            return True
        if key == Qt.Key.Key_Up:
            self.select_row(max(0, self.current_row() - 1))
            return True
        if key == Qt.Key.Key_Down:
            self.select_row(min(self.model.rowCount() - 1, self.current_row() + 1))
            return True
        r = self.current()
        if r is None or ctrl or mods & Qt.KeyboardModifier.AltModifier:
            return False
        typed = self.answer.text()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if typed.strip() and r.kind in ("reading", "text"):
                self.record(value=typed.strip())
            elif not typed.strip():
                self._advance()
            return True
        if key == Qt.Key.Key_X and not typed:
            self.record(outcome="na")
            return True
        if r.kind == "check" and key in NORMAL_KEYS:
            self.record(outcome=NORMAL_KEYS[key])
            return True
        if r.kind == "check":
            return key not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)  # nothing else to type
        if r.kind == "choice":
            n = key - Qt.Key.Key_0
            if 1 <= n <= len(r.choices):
                self.record(value=r.choices[n - 1])
            return True
        return False  # reading/text: let the line edit take the character

    @Slot(str)
    def _on_typing(self, text: str) -> None:
        r = self.current()
        red = False
        if r is not None and r.kind == "reading" and text.strip():
            try:
                red = r.out_of_range(float(text.strip()))
            except ValueError:
                red = True
        self.answer.setStyleSheet("font-size: 13pt;" + (" color: #b00020; background: #fde2e2;" if red else ""))

    # -- actions --------------------------------------------------------------------------------
    def record(self, *, outcome: str | None = None, value: str | None = None) -> bool:
        """Save the current row's answer (one transaction) and move on; False if refused."""
        r = self.current()
        if r is None or self.inspection_id is None:
            return False
        n = self.current_row()
        try:
            fresh = result_row(perform(self.ctx, actions.answer, r.id, outcome=outcome, value=value,
                                       actor=self.ctx.engineer))
        except OpsLedgerError as exc:
            self._error(exc)
            return False
        self.model.replace_row(n, fresh)
        if fresh.outcome == "abnormal":
            self._advance()
            self.message.setText(self.tr("Item %1 marked abnormal. Ctrl+I on it creates an incident.").replace("%1", str(n + 1)))
        else:
            self.message.clear()
            self._advance()
        return True

    @Slot()
    def save_note(self) -> bool:
        """Store the note line as the current (answered) item's note; focus returns to the answer."""
        r = self.current()
        if r is None or self.inspection_id is None:
            return False
        if r.outcome is None:
            self.message.setText(self.tr("Answer the item first, then add its note."))
            return False
        if not guard_secrets(self, self.ctx, [self.note]):
            return False
        n = self.current_row()
        value: str | float | None = None
        if r.outcome != "na":
            value = r.value_number if r.kind == "reading" else (r.value_text or None)
        try:
            fresh = result_row(perform(self.ctx, actions.answer, r.id, outcome=r.outcome, value=value,
                                       note=self.note.text().strip(), actor=self.ctx.engineer))
        except OpsLedgerError as exc:
            self._error(exc)
            return False
        self.model.replace_row(n, fresh)
        self.message.setText(self.tr("Note saved."))
        self.focus_current()
        return True

    def _error(self, exc: Exception) -> None:
        self.message.setText(f"<span style='color:#b00020'>{exc}</span>")

    def _incident_dialog(self, proposal: IncidentProposal) -> IncidentFromResultDialog:
        return IncidentFromResultDialog(proposal, self)

    @Slot()
    def create_incident(self) -> str | None:
        """Open the prefilled incident form for the current (or last abnormal) row; returns the number."""
        n = self.current_row()
        rows = self.model.rows()
        if not (0 <= n < len(rows)) or rows[n].outcome != "abnormal":
            candidates = [m for m, r in enumerate(rows) if r.outcome == "abnormal" and not r.incident_number]
            if not candidates:
                self.message.setText(self.tr("Incidents are created from abnormal items."))
                return None
            n = max((m for m in candidates if m <= max(n, 0)), default=candidates[0])
        r = rows[n]
        if r.incident_number:
            self.message.setText(self.tr("Incident %1 already records this item.").replace("%1", r.incident_number))
            return None
        proposal = perform(self.ctx, actions.incident_proposal, self.ctx.contract_id, r.id)
        dlg = self._incident_dialog(proposal)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            self.focus_current()
            return None
        v = dlg.values()
        try:
            number = perform(self.ctx, actions.raise_incident, self.ctx.contract_id, r.id, actor=self.ctx.engineer,
                             severity=v["severity"] or None, title=v["title"] or None,
                             description=v["description"], occurred_at=v["occurred_at"])
        except OpsLedgerError as exc:
            self._error(exc)
            return None
        self.model.replace_row(n, replace(r, incident_number=number))
        self.incidentCreated.emit(number)
        self.message.setText(self.tr("Incident %1 created.").replace("%1", number))
        self.focus_current()
        return number

    def has_unsaved_changes(self) -> bool:
        """True when a reading/text is typed but not saved, or the note line differs from the
        current item's saved note (the main window then asks before leaving)."""
        r = self.current()
        if r is None or self.inspection_id is None:
            return False
        typed = bool(self.answer.text().strip()) and r.kind in ("reading", "text")
        return typed or self.note.text().strip() != (r.note or "").strip()

    def confirm_leave(self) -> bool:
        """Ask save / discard / cancel for what is typed; True when the runner may be left."""
        if not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved entry"),
            self.tr("What you typed for this item is not saved yet. Save it before leaving?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Yes):
            return self._save_typed()
        if answer == QMessageBox.StandardButton.Discard:
            self._show_current()
            return True
        self.focus_current()
        return False

    def _save_typed(self) -> bool:
        """Save the typed reading/text together with the note line, else just the note."""
        r = self.current()
        assert r is not None
        typed = self.answer.text().strip()
        if not (typed and r.kind in ("reading", "text")):
            return self.save_note()
        try:
            fresh = perform(self.ctx, actions.answer, r.id, value=typed, note=self.note.text().strip(),
                            actor=self.ctx.engineer)
        except OpsLedgerError as exc:
            self._error(exc)
            return False
        self.model.replace_row(self.current_row(), result_row(fresh))
        return True

    def _confirm_unanswered(self, count: int) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Finish inspection"),
            self.tr("%1 items are not answered. Mark them n.a. and finish?").replace("%1", str(count)),
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def finish(self) -> bool:
        """Finish the inspection (asks before marking unanswered items n.a.); True when finished."""
        if self.inspection_id is None:
            return False
        unanswered = sum(1 for r in self.model.rows() if r.outcome is None)
        allow = False
        if unanswered:
            if not self._confirm_unanswered(unanswered):
                self.focus_current()
                return False
            allow = True
        try:
            done = perform(self.ctx, actions.finish, self.inspection_id, actor=self.ctx.engineer,
                           allow_unanswered=allow)
        except OpsLedgerError as exc:
            self._error(exc)
            return False
        summary = (self.tr("%1 finished: %2 abnormal.").replace("%1", done.number)
                   .replace("%2", str(done.abnormal_count)))
        self.finished = True
        self.inspectionFinished.emit(summary)
        self.closeRequested.emit()
        return True
