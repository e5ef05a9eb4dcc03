"""The incident detail pane: summary, workflow buttons, close fields, files, SLA and history.

No silent loss (issue #8.1): the close fields (原因分类 / 故障原因 / 解决方式 / 根因分析) are
stored together with every workflow move (派单, 开始处理, 挂起, 已恢复, 关闭) in the move's own
transaction (``actions.move_incident(edits=…)``); a reload of the same incident keeps what is
typed and not yet stored; ``is_dirty()``/``save_typed()``/``discard_typed()`` let the page ask
before the pane is emptied.  The assignee defaults to the current engineer.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.timeutil import fmt_local, utcnow
from app.core.vocab import CauseCategory, IncidentStatus, choices, label_of
from app.errors import ConcurrentEditError, OpsLedgerError
from app.services.asset.queries import asset_refs
from app.services.incident import actions
from app.services.queries.incident import IncidentView, incident_clocks, incident_view
from app.services.queries.options import record_options
from app.ui.context import AppContext
from app.ui.ops import perform
from app.ui.pages.incident.history import field_labels, history_html, sla_html
from app.ui.widgets.attachment_flow import FileFlow
from app.ui.widgets.errors import FormBase
from app.ui.widgets.pickers import combo, refill, set_combo
from app.ui.widgets.record_files import RecordFiles
from app.ui.widgets.text import esc
from app.ui.widgets.times import now_qdt, qdt_to_utc, to_qdt

TYPED_FIELDS = actions.CLOSE_FIELDS


class IncidentDetail(FormBase):
    """The selected incident.  Emits ``changed(id)`` after a write, ``editRequested(id)``."""

    changed = Signal(object)
    editRequested = Signal(object)
    assetRequested = Signal(object)  # uuid of an affected asset whose link was clicked

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, sla_fn: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.incident_id: uuid.UUID | None = None
        self.view: IncidentView | None = None
        self.status = ""
        self._sla_fn = sla_fn
        self._loaded: dict[str, str] = {}
        self._engineer_id: uuid.UUID | None = None
        self._restored_shown = now_qdt()
        self._init_errors()
        lay = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.LinksAccessibleByMouse
                                             | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.summary.linkActivated.connect(self._link)
        lay.addWidget(self.summary)
        self._build_workflow(lay)
        self._build_close(lay)
        self._build_files(lay)
        lay.addWidget(self.error)
        self.history = QTextBrowser(self)
        lay.addWidget(self.history, 1)
        labels = field_labels()
        self.labels = {k: labels[k] for k in ("assignee_id", "cause_category", "cause", "resolution",
                                              "root_cause_analysis", "reason", "note", "restored_at", "status")}
        self.fields = {"assignee_id": self.assignee, "cause_category": self.cause_category, "cause": self.cause,
                       "resolution": self.resolution, "root_cause_analysis": self.rca,
                       "reason": self.reopen_reason, "note": self.note, "restored_at": self.restored}
        self._connect()
        self.reload_options()
        self.show_incident(None)

    # ---- layout
    def _build_workflow(self, lay: QVBoxLayout) -> None:
        btns = QHBoxLayout()
        self.assignee = combo(self, [])
        self.assign_btn = QPushButton(self.tr("Assign"), self)
        self.start_btn = QPushButton(self.tr("Start"), self)
        self.pause_btn = QPushButton(self.tr("Pending"), self)
        self.pause_btn.setToolTip(self.tr("Pause / resume the SLA clock (Ctrl+P)"))
        self.restore_btn = QPushButton(self.tr("Mark restored"), self)
        self.edit_btn = QPushButton(self.tr("Edit"), self)
        self.edit_btn.setToolTip(self.tr("Edit (F2)"))
        for w in (self.assignee, self.assign_btn, self.start_btn, self.pause_btn, self.restore_btn, self.edit_btn):
            btns.addWidget(w)
        lay.addLayout(btns)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Note for the status change (the reason when pausing)"))
        lay.addWidget(self.note)

    def _build_close(self, lay: QVBoxLayout) -> None:
        close_form = QFormLayout()
        # the one label table; nothing chosen (index -1) shows the placeholder, not an extra item
        self.cause_category = combo(self, choices(CauseCategory))
        self.cause_category.setPlaceholderText(self.tr("(choose)"))
        self.cause_category.setCurrentIndex(-1)
        self.cause = QLineEdit(self)
        self.resolution = QLineEdit(self)
        self.rca = QPlainTextEdit(self)
        self.rca.setMaximumHeight(60)
        self.rca_label = QLabel(self.tr("Root-cause analysis"), self)
        self.restored = QDateTimeEdit(now_qdt(), self)
        self.restored.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.restored.setToolTip(self.tr("When service was restored; closing an incident not yet marked "
                                         "restored records it as restored at this time"))
        close_form.addRow(self.tr("Restored at"), self.restored)
        close_form.addRow(self.tr("Cause category"), self.cause_category)
        close_form.addRow(self.tr("Cause"), self.cause)
        close_form.addRow(self.tr("Resolution"), self.resolution)
        close_form.addRow(self.rca_label, self.rca)
        lay.addLayout(close_form)
        crow = QHBoxLayout()
        self.save_btn = QPushButton(self.tr("Save"), self)
        self.save_btn.setToolTip(self.tr("Store the cause, resolution and root-cause analysis typed here"))
        self.close_btn = QPushButton(self.tr("Close incident"), self)
        self.close_btn.setToolTip(self.tr("Close with cause and resolution (Ctrl+Shift+C)"))
        self.reopen_reason = QLineEdit(self)
        self.reopen_reason.setPlaceholderText(self.tr("Reason to reopen"))
        self.reopen_btn = QPushButton(self.tr("Reopen"), self)
        for w, stretch in ((self.save_btn, 0), (self.close_btn, 0), (self.reopen_reason, 1), (self.reopen_btn, 0)):
            crow.addWidget(w, stretch)
        lay.addLayout(crow)

    def _build_files(self, lay: QVBoxLayout) -> None:
        flow = FileFlow(actions.add_attachments, actions.remove_attachments, actions.write_attachment)
        self.files = RecordFiles(self.ctx, flow, self._fail, self)
        self.attachments = self.files.list
        self.attach_btn = self.files.attach_btn
        self.files.changed.connect(self._files_changed)
        lay.addWidget(self.files)

    def _connect(self) -> None:
        self.assign_btn.clicked.connect(self.assign)
        self.start_btn.clicked.connect(lambda: self.transition("in_progress"))
        self.pause_btn.clicked.connect(self.toggle_pause)
        self.restore_btn.clicked.connect(lambda: self.transition("restored"))
        self.save_btn.clicked.connect(self.save_typed)
        self.close_btn.clicked.connect(self.close_incident)
        self.reopen_btn.clicked.connect(self.reopen)
        self.edit_btn.clicked.connect(lambda: self.incident_id and self.editRequested.emit(self.incident_id))
        self.resolution.returnPressed.connect(self.close_incident)
        self.reopen_reason.returnPressed.connect(self.reopen)
        self.attach_btn.clicked.connect(lambda: self.attach_file())

    def reload_options(self) -> None:
        """Refill the engineer list from the current contract (current engineer first choice)."""
        opts = record_options(self.ctx.db, self.ctx.contract_id, self.ctx.engineer)
        refill(self.assignee, opts.engineers)
        self._engineer_id = opts.engineer_id
        if opts.engineer_id is not None:
            set_combo(self.assignee, opts.engineer_id)

    # ---- typed text
    def _typed(self) -> dict[str, str]:
        return {"cause_category": self.cause_category.currentData() or "", "cause": self.cause.text().strip(),
                "resolution": self.resolution.text().strip(), "root_cause_analysis": self.rca.toPlainText().strip()}

    def typed_edits(self) -> dict[str, str]:
        """The close fields whose typed value differs from the stored one."""
        return {k: v for k, v in self._typed().items() if self._loaded and v != self._loaded.get(k, "")}

    def is_dirty(self) -> bool:
        """Whether the pane holds typed close fields not stored yet."""
        return self.incident_id is not None and self.status != "closed" and bool(self.typed_edits())

    def dirty_what(self) -> str:
        """What the unsaved-changes question names (the incident number)."""
        return self.view.number if self.view else ""

    def save_typed(self) -> bool:
        """Store the typed close fields (no status move); ``True`` when stored or nothing to store."""
        edits = self.typed_edits()
        if self.incident_id is None or not edits:
            return True
        return self._write(actions.save_fields, self.incident_id, edits=edits)

    def discard_typed(self) -> None:
        """Show the stored values again."""
        self.show_incident(self.incident_id, keep_typed=False)

    def _put_typed(self, values: dict[str, str]) -> None:
        if not set_combo(self.cause_category, values.get("cause_category") or None):
            self.cause_category.setCurrentIndex(-1)
        self.cause.setText(values.get("cause", ""))
        self.resolution.setText(values.get("resolution", ""))
        self.rca.setPlainText(values.get("root_cause_analysis", ""))

    # ---- display
    def show_incident(self, incident_id: uuid.UUID | None, keep_typed: bool = True) -> None:
        """Load and show ``incident_id`` (``None`` → empty pane).  Showing the same incident again
        keeps close fields typed and not yet stored, unless ``keep_typed`` is false."""
        typed = self.typed_edits() if keep_typed and incident_id == self.incident_id else {}
        self._ok()
        view = incident_view(self.ctx.db, incident_id) if incident_id is not None else None
        self.incident_id, self.view = (view.id, view) if view else (None, None)
        if view is None:
            self.files.show_rows([], can_attach=False)
        buttons = (self.assign_btn, self.start_btn, self.pause_btn, self.restore_btn, self.close_btn,
                   self.save_btn, self.attach_btn)
        if view is None:
            for w in (*buttons, self.reopen_btn, self.edit_btn):
                w.setEnabled(False)
            self._loaded, self.status = {}, ""
            self._put_typed({})
            self.summary.setText(self.tr("Select an incident, or press Ctrl+N to log a new one."))
            self.history.clear()
            return
        self.status = view.status
        self.summary.setText(self._summary_html(view))
        if not set_combo(self.assignee, view.assignee_id) and self._engineer_id is not None:
            set_combo(self.assignee, self._engineer_id)
        self._loaded = {"cause_category": view.cause_category, "cause": view.cause,
                        "resolution": view.resolution, "root_cause_analysis": view.root_cause_analysis}
        self._put_typed({**self._loaded, **typed})
        self._restored_shown = to_qdt(view.restored_at) if view.restored_at else now_qdt()
        self.restored.setDateTime(self._restored_shown)
        self.rca_label.setText(self.tr("Root-cause analysis") + (" *" if view.major else ""))
        self.rca.setPlaceholderText(self.tr("Required before closing: %1 is a major severity").replace(
            "%1", view.severity) if view.major else "")
        self.pause_btn.setText(self.tr("Resume") if view.status == "pending" else self.tr("Pending"))
        closed = view.status == "closed"
        for w in buttons:
            w.setEnabled(not closed)
        self.edit_btn.setEnabled(not closed)  # a closed incident is read-only until reopened
        self.reopen_btn.setEnabled(closed)
        self.files.show_rows(view.attachments, can_attach=not closed, owner_id=view.id, record=view.number)
        clocks = incident_clocks(self.ctx.db, [view.id], utcnow(), self._sla_fn).get(view.id)
        self.history.setHtml(sla_html(clocks) + history_html(view.history))

    def _link(self, href: str) -> None:
        """An affected asset's link (``asset:<uuid>``) asks for its page in the register."""
        kind, _sep, value = href.partition(":")
        if kind == "asset" and value:
            self.assetRequested.emit(uuid.UUID(value))

    def _summary_html(self, v: IncidentView) -> str:
        return (f"<b>{v.number}</b> [{esc(v.severity)}] {esc(v.title)}<br>"
                + self.tr("Status") + f": {label_of(IncidentStatus, v.status)} · " + self.tr("Assignee")
                + f": {esc(v.assignee or '—')}<br>" + self.tr("Occurred") + f": {fmt_local(v.occurred_at)} · "
                + self.tr("Reported") + f": {fmt_local(v.reported_at)}"
                + (" · " + self.tr("Restored") + f": {fmt_local(v.restored_at)}" if v.restored_at else "")
                + (" · " + self.tr("Closed") + f": {fmt_local(v.closed_at)}" if v.closed_at else "")
                + f"<br>{esc(v.reporter_department)} {esc(v.reporter_name)} {esc(v.reporter_phone)}"
                + ("<br>" + self.tr("Assets") + ": " + ", ".join(
                    f'<a href="asset:{aid}">{esc(label)}</a>' for aid, label in asset_refs(self.ctx.db, v.asset_ids))
                   if v.asset_ids else "")
                + (f"<br>{esc(v.description)}" if v.description else ""))

    # ---- actions
    def _write(self, action: Any, *args: Any, **kwargs: Any) -> bool:
        if self.incident_id is None:
            return False
        if action is not actions.attach_file and self.view is not None:
            kwargs["version"] = self.view.version  # refused if someone saved it since (team server)
        try:
            perform(self.ctx, action, *args, actor=self.ctx.engineer, **kwargs)
        except ConcurrentEditError as exc:  # show what the other engineer saved, keep what was typed
            self.show_incident(self.incident_id, keep_typed=True)
            self._fail(exc)
            self.changed.emit(self.incident_id)
            return False
        except (OpsLedgerError, OSError, ValueError) as exc:
            self._fail(exc)
            return False
        self._ok()
        self.note.clear()
        self.show_incident(self.incident_id, keep_typed=False)
        self.changed.emit(self.incident_id)
        return True

    def transition(self, to_status: str, assignee_id: uuid.UUID | None = None) -> bool:
        """Move to ``to_status`` now, storing the typed close fields in the same transaction."""
        return self._write(actions.move_incident, self.incident_id, to_status, note=self.note.text(),
                           assignee_id=assignee_id, edits=self.typed_edits())

    def assign(self) -> bool:
        """派单 to the engineer picked in the combo (the current engineer unless changed)."""
        return self.transition("assigned", assignee_id=self.assignee.currentData())

    def toggle_pause(self) -> bool:
        """Pending (SLA paused; the note is the reason) ↔ in progress."""
        if self.incident_id is None or self.status == "closed":
            return False
        return self.transition("in_progress" if self.status == "pending" else "pending")

    def close_incident(self) -> bool:
        """Close with the cause category, cause, resolution and root-cause analysis typed here."""
        t = self._typed()
        # the restore time goes with the close when the incident is not restored yet, or was corrected here
        restored = None
        if self.restored.dateTime() != self._restored_shown:
            restored = qdt_to_utc(self.restored.dateTime())
        elif self.view is not None and self.view.restored_at is None:
            restored = utcnow()  # the shown default "now", to the second (not before a move this minute)
        return self._write(actions.close_incident, self.incident_id, cause_category=t["cause_category"] or None,
                           cause=t["cause"], resolution=t["resolution"], root_cause_analysis=t["root_cause_analysis"],
                           restored_at=restored)

    def reopen(self) -> bool:
        """Reopen a closed incident with the typed reason."""
        ok = self._write(actions.reopen_incident, self.incident_id, reason=self.reopen_reason.text())
        if ok:
            self.reopen_reason.clear()
        return ok

    def attach_file(self, path: str | None = None) -> bool:
        """Keep ``path`` (asked for when ``None``) in the ledger, listed on the incident.

        Returns ``True`` when attached; refusals (closed incident, unreadable file) show inline."""
        if self.incident_id is None:
            return False
        self._ok()
        return self.files.add_files([path] if path is not None else None)

    def _files_changed(self) -> None:
        """Files were added or removed: show them, keeping what was typed (attaching is not a
        reason to drop it)."""
        if self.incident_id is None:
            return
        self._ok()
        self.show_incident(self.incident_id, keep_typed=True)
        self.changed.emit(self.incident_id)

    def open_attachment(self, item: QListWidgetItem) -> Path | None:
        """Open a copy of the file, read from the ledger, under its original name (``None``:
        refused, e.g. 文件缺失 — the sentence shows inline)."""
        return self.files.open_item(item)
