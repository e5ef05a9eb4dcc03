"""Table models for the inspection pages: the due list, one inspection's results, the history.

Each model holds plain row objects (no ORM instances, no session) set by its page with
``set_rows``; pages read the database, models only present.  Colours: abnormal/overdue red,
normal/done green, n.a. grey, in progress/due amber.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.core.readings import is_out_of_range, range_text
from app.services.inspection.actions import ResultData

Index = QModelIndex | QPersistentModelIndex

OUTCOME_COLOURS = {"normal": "#d9f2d9", "abnormal": "#f8c9c9", "na": "#e4e4e4"}
STATUS_COLOURS = {
    "done": "#d9f2d9",
    "in_progress": "#fff0c2",
    "due": "#fff0c2",
    "overdue": "#f8c9c9",
    "upcoming": "#eef3fb",
}




def outcome_text(outcome: str | None) -> str:
    """The translated label of a result outcome (``None`` = not answered)."""
    return {
        "normal": QCoreApplication.translate("InspectionModels", "Normal"),
        "abnormal": QCoreApplication.translate("InspectionModels", "Abnormal"),
        "na": QCoreApplication.translate("InspectionModels", "N/A"),
        None: QCoreApplication.translate("InspectionModels", "Not answered"),
    }.get(outcome, outcome or "")


def status_text(status: str) -> str:
    """The translated label of a due-list status."""
    return {
        "done": QCoreApplication.translate("InspectionModels", "Done"),
        "in_progress": QCoreApplication.translate("InspectionModels", "In progress"),
        "due": QCoreApplication.translate("InspectionModels", "Due"),
        "overdue": QCoreApplication.translate("InspectionModels", "Overdue"),
        "upcoming": QCoreApplication.translate("InspectionModels", "Upcoming"),
    }.get(status, status)


class _TableModel(QAbstractTableModel):
    """Read-only table over a list of rows; subclasses give headers and cell functions."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> list[str]:  # pragma: no cover - overridden
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            h = self.headers()
            if 0 <= section < len(h):
                return h[section]
        return None

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace all rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, n: int) -> Any:
        """The row object at ``n``."""
        return self._rows[n]

    def rows(self) -> list[Any]:
        """All row objects (a copy of the list)."""
        return list(self._rows)

    def replace_row(self, n: int, row: Any) -> None:
        """Replace row ``n`` and announce the change."""
        self._rows[n] = row
        self.dataChanged.emit(self.index(n, 0), self.index(n, self.columnCount() - 1))


# -- Today: the due list ------------------------------------------------------------------------
@dataclass
class DueRow:
    """One due slot as the Today page shows it (copied from ``schedule.DueEntry``)."""

    entry: Any
    template_code: str
    template_name: str
    due_date: date
    slot: str
    label: str
    status: str
    inspection_number: str = ""
    engineer: str = ""
    abnormal_count: int = 0
    calendar_warning: str = ""

    @classmethod
    def from_entry(cls, e: Any) -> DueRow:
        """Copy the fields of a ``schedule.DueEntry``."""
        s = e.slot
        return cls(
            entry=e,
            template_code=s.template_code,
            template_name=s.template_name,
            due_date=s.due_date,
            slot=s.slot or "",
            label=s.label or "",
            status=e.status,
            inspection_number=e.inspection_number or "",
            engineer=e.engineer or "",
            abnormal_count=e.abnormal_count or 0,
            calendar_warning=e.calendar_warning or "",
        )


class DueModel(_TableModel):
    """The Today page's due list: when, checklist, status, inspection number, engineer, abnormal."""

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("InspectionModels", "When"),
            QCoreApplication.translate("InspectionModels", "Checklist"),
            QCoreApplication.translate("InspectionModels", "Status"),
            QCoreApplication.translate("InspectionModels", "Inspection"),
            QCoreApplication.translate("InspectionModels", "Engineer"),
            QCoreApplication.translate("InspectionModels", "Abnormal"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r: DueRow = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.label or f"{r.due_date.isoformat()} {r.slot}".strip()
            if col == 1:
                return r.template_name
            if col == 2:
                return status_text(r.status)
            if col == 3:
                return r.inspection_number
            if col == 4:
                return r.engineer
            if col == 5:
                return str(r.abnormal_count) if r.inspection_number else ""
        elif role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATUS_COLOURS.get(r.status, "#ffffff")))
        elif role == Qt.ItemDataRole.ForegroundRole:
            if col == 5 and r.abnormal_count:
                return QBrush(QColor("#b00020"))
        elif role == Qt.ItemDataRole.ToolTipRole:
            return r.calendar_warning or None
        return None


# -- Runner and detail: one inspection's results ------------------------------------------------
@dataclass(frozen=True)
class ResultRow(ResultData):
    """One result of an inspection as the runner shows it: the action's ``ResultData`` (the same
    fields, one definition) with its display helpers.  Rows are replaced, never mutated."""

    def answer_text(self) -> str:
        """The recorded value as shown: the reading (with unit), the choice or the text."""
        if self.value_number is not None:
            return f"{self.value_number:g} {self.unit or ''}".strip()
        return self.value_text

    def out_of_range(self, value: float) -> bool:
        """True if the reading ``value`` is outside ``normal_min``..``normal_max``."""
        return is_out_of_range(value, self.normal_min, self.normal_max)


class ResultsModel(_TableModel):
    """Results of one inspection: no., section, item, normal range, answer, outcome, incident, note."""

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("InspectionModels", "No."),
            QCoreApplication.translate("InspectionModels", "Section"),
            QCoreApplication.translate("InspectionModels", "Item"),
            QCoreApplication.translate("InspectionModels", "Normal range"),
            QCoreApplication.translate("InspectionModels", "Answer"),
            QCoreApplication.translate("InspectionModels", "Outcome"),
            QCoreApplication.translate("InspectionModels", "Incident"),
            QCoreApplication.translate("InspectionModels", "Note"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r: ResultRow = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(index.row() + 1)
            if col == 1:
                return r.section
            if col == 2:
                return r.text
            if col == 3:
                if r.kind == "reading":
                    return range_text(r.normal_min, r.normal_max, r.unit or "")
                if r.kind == "choice":
                    return " ".join(f"{n}={c}" for n, c in enumerate(r.choices, 1))
                return ""
            if col == 4:
                return r.answer_text()
            if col == 5:
                return outcome_text(r.outcome)
            if col == 6:
                return r.incident_number
            if col == 7:
                return r.note
        elif role == Qt.ItemDataRole.BackgroundRole:
            colour = OUTCOME_COLOURS.get(r.outcome or "")
            return QBrush(QColor(colour)) if colour else None
        elif role == Qt.ItemDataRole.ForegroundRole:
            if r.outcome == "abnormal" and col in (4, 5):
                return QBrush(QColor("#b00020"))
        elif role == Qt.ItemDataRole.ToolTipRole:
            return r.note or None
        return None


# -- History ------------------------------------------------------------------------------------
@dataclass
class HistoryRow:
    """One inspection in the history list."""

    id: Any
    number: str
    due_date: date
    slot: str
    template_name: str
    engineer: str
    started: str
    finished: str
    abnormal_count: int
    answered: int = 0
    total: int = 0


class HistoryModel(_TableModel):
    """Inspection history: number, date/slot, checklist, engineer, started, finished, abnormal."""

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("InspectionModels", "Number"),
            QCoreApplication.translate("InspectionModels", "Date"),
            QCoreApplication.translate("InspectionModels", "Checklist"),
            QCoreApplication.translate("InspectionModels", "Engineer"),
            QCoreApplication.translate("InspectionModels", "Started"),
            QCoreApplication.translate("InspectionModels", "Finished"),
            QCoreApplication.translate("InspectionModels", "Abnormal"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r: HistoryRow = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                r.number,
                f"{r.due_date.isoformat()} {r.slot}".strip(),
                r.template_name,
                r.engineer,
                r.started,
                r.finished or QCoreApplication.translate("InspectionModels", "In progress"),
                str(r.abnormal_count),
            ][col]
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.abnormal_count:
                return QBrush(QColor(OUTCOME_COLOURS["abnormal"]))
            if not r.finished:
                return QBrush(QColor(STATUS_COLOURS["in_progress"]))
        return None


class PagedHistoryModel(HistoryModel):
    """``HistoryModel`` that loads ``batch`` rows at a time through ``fetcher(offset, limit)``.

    Qt's views call ``canFetchMore``/``fetchMore`` as the user scrolls, so a long history is never
    loaded whole (filtering happens in SQL, in ``app.services.inspection.runs.history``).
    """

    def __init__(self, parent: Any = None, batch: int = 200) -> None:
        super().__init__(parent)
        self.batch = batch
        self._fetcher: Callable[[int, int], list[HistoryRow]] | None = None
        self._exhausted = True

    def set_fetcher(self, fetcher: Callable[[int, int], list[HistoryRow]] | None) -> None:
        """Start over with a new query: loads the first batch at once."""
        self.beginResetModel()
        self._fetcher = fetcher
        self._rows = []
        self._exhausted = fetcher is None
        self.endResetModel()
        if fetcher is not None:
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._exhausted or self._fetcher is None:
            return
        more = self._fetcher(len(self._rows), self.batch)
        if len(more) < self.batch:
            self._exhausted = True
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()
