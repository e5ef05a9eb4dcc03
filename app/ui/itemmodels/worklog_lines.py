"""The work-log day lines model (a day's derived and manual lines, held whole), for the work-log page."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.core.durations import format_minutes
from app.core.timeutil import fmt_local
from app.core.vocab import WorkLogSource, label_of

Index = QModelIndex | QPersistentModelIndex


class WorkLogLinesModel(QAbstractTableModel):
    """The lines of one day (derived + manual) as returned by ``worklog.day_entries``; a day is
    small, so the lines are held whole.  Each line needs ``at``, ``engineer``,
    ``duration_minutes``, ``kind``, ``summary`` attributes."""

    HEADERS = (QT_TRANSLATE_NOOP("RecordColumns", "Time"), QT_TRANSLATE_NOOP("RecordColumns", "Engineer"),
               QT_TRANSLATE_NOOP("RecordColumns", "Duration"), QT_TRANSLATE_NOOP("RecordColumns", "Kind"),
               QT_TRANSLATE_NOOP("RecordColumns", "Summary"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[Any] = []

    def set_lines(self, lines: Sequence[Any]) -> None:
        """Replace the shown lines."""
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line_at(self, r: int) -> Any:
        """The line object at row ``r``."""
        return self._lines[r]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.HEADERS):
                return QCoreApplication.translate("RecordColumns", str(self.HEADERS[section]))
            return None
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: PLR0911 - one return per column
        if not index.isValid() or not (0 <= index.row() < len(self._lines)) or not (
                0 <= index.column() < len(self.HEADERS)):
            return None
        line = self._lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            col = index.column()
            if col == 0:
                at = getattr(line, "at", None)
                return fmt_local(at, "%H:%M") if isinstance(at, datetime) else str(at or "")
            if col == 1:
                eng = getattr(line, "engineer", "")
                return getattr(eng, "name", eng) or ""
            if col == 2:
                minutes = getattr(line, "duration_minutes", None)
                return "" if minutes is None else format_minutes(minutes)
            if col == 3:
                return label_of(WorkLogSource, str(getattr(line, "kind", "") or getattr(line, "source_kind", "")))
            return getattr(line, "summary", "")
        return None
