"""What is due (待办) on the overview: ``agenda.due_items`` grouped by kind.

Each group is a top-level row labelled from ``KIND_LABELS`` (a kind no one labelled yet reads
"Due: <kind>"); each item shows its title, due date and state in words and colour.  Activating
an item (double-click, Enter) emits ``dueActivated(kind, entity_kind, entity_id)``; the main
window opens the matching page when there is one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.ui.qt_ints import USER_ROLE

if TYPE_CHECKING:  # ``app.services.agenda`` is imported when the first items arrive, after the paint
    from app.services.agenda import DueItem

ITEM_ROLE = USER_ROLE

#: agenda ``kind`` → English label (translated in context ``OverviewDue``)
KIND_LABELS: dict[str, Any] = {
    "report": QT_TRANSLATE_NOOP("OverviewDue", "Reports to submit"),
    "inspection": QT_TRANSLATE_NOOP("OverviewDue", "Inspections"),
    "credential_rotation": QT_TRANSLATE_NOOP("OverviewDue", "Password rotations"),
    "warranty": QT_TRANSLATE_NOOP("OverviewDue", "Warranties ending"),
    "maintenance": QT_TRANSLATE_NOOP("OverviewDue", "Maintenance contracts ending"),
    "backup": QT_TRANSLATE_NOOP("OverviewDue", "Backups"),
    "drill": QT_TRANSLATE_NOOP("OverviewDue", "Drills"),
    "duty": QT_TRANSLATE_NOOP("OverviewDue", "Duty gaps"),
    "change": QT_TRANSLATE_NOOP("OverviewDue", "Changes"),
    "training": QT_TRANSLATE_NOOP("OverviewDue", "Training"),
    "payment": QT_TRANSLATE_NOOP("OverviewDue", "Payment milestones"),
}

# ``DueState`` value → colour of the state text
STATE_COLOURS = {"overdue": "#a31515", "due": "#7a5200", "upcoming": "#34495e"}


def kind_label(kind: str) -> str:
    """The group title of agenda ``kind`` in the UI language (generic for an unknown kind)."""
    text = KIND_LABELS.get(kind)
    if text is None:
        return QCoreApplication.translate("OverviewDue", "Due: %1").replace("%1", kind)
    return QCoreApplication.translate("OverviewDue", str(text))


def state_text(item: DueItem) -> str:
    """"Overdue 3 days" / "Due today" / "In 5 days" in the UI language."""
    from app.services.agenda import DueState  # noqa: PLC0415 - see the imports

    if item.state == DueState.OVERDUE:
        return QCoreApplication.translate("OverviewDue", "Overdue %1 d").replace("%1", str(-item.days_left))
    if item.state == DueState.DUE:
        return QCoreApplication.translate("OverviewDue", "Due today")
    return QCoreApplication.translate("OverviewDue", "In %1 d").replace("%1", str(item.days_left))


class DueTree(QTreeWidget):
    """The agenda grouped by kind (see module doc)."""

    dueActivated = Signal(str, str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueTree")
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("What"), self.tr("Due on"), self.tr("State")])
        self.setRootIsDecorated(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMinimumHeight(160)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(False)
        self.itemActivated.connect(self._activated)

    def set_groups(self, groups: tuple[tuple[str, tuple[DueItem, ...]], ...]) -> None:
        """Show ``overview.due_groups`` (kind, items) — nothing due shows one line saying so."""
        from PySide6.QtCore import Qt  # noqa: PLC0415 - after the first paint (app.ui.qt_ints)

        self.clear()
        if not groups:
            empty = QTreeWidgetItem([self.tr("Nothing due."), "", ""])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(empty)
            return
        for kind, items in groups:
            top = QTreeWidgetItem([f"{kind_label(kind)} ({len(items)})", "", ""])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(top)
            for item in items:
                row = QTreeWidgetItem([item.title, item.due_on.isoformat(), state_text(item)])
                row.setData(0, ITEM_ROLE, item)
                row.setForeground(2, QBrush(QColor(STATE_COLOURS.get(item.state, "#34495e"))))
                if item.source:
                    row.setToolTip(0, item.source)
                top.addChild(row)
            top.setExpanded(True)

    def items(self) -> list[DueItem]:
        """Every shown item, in display order."""
        out = []
        for n in range(self.topLevelItemCount()):
            top = self.topLevelItem(n)
            if top is not None:
                out += [c.data(0, ITEM_ROLE) for k in range(top.childCount()) if (c := top.child(k)) is not None]
        return out

    def _activated(self, row: QTreeWidgetItem, _col: int = 0) -> None:
        from app.services.agenda import DueItem  # noqa: PLC0415 - see the imports

        item: Any = row.data(0, ITEM_ROLE)
        if isinstance(item, DueItem):
            self.dueActivated.emit(item.kind, item.entity_kind, item.entity_id)
