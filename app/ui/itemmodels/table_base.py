"""The shared base of the record tables: columns, Qt boilerplate, rows converted when first read.

``ColumnTableModel`` is a read-only ``QAbstractTableModel`` over a list of rows and a list of
``ColumnSpec``s (header, value function, SQL sort key): row/column counts, translated headers
(context ``RecordColumns``), flags, display/tooltip text, ``Qt.UserRole`` = the row's ``id``.
With ``convert`` the rows are kept as they came (a driver's row) and converted the first time one
is read.  ``RecordTableModel`` fills it from one ``app.services.queries.listing`` query, ``BATCH``
rows at a time (``fetchMore``), sorting and filtering in SQL; the work-log day lines
(``worklog_lines``) hold a small list whole.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.core.timeutil import fmt_local
from app.services.ledger import Ledger
from app.services.queries import listing

BATCH = 200
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ColumnSpec:
    """One table column: header (English, translated at display), value function, SQL sort key."""

    header: str
    value: Callable[[Any], str]
    sort_key: str | None = None


def _dt(v: datetime | None) -> str:
    return fmt_local(v)


class ColumnTableModel(QAbstractTableModel):
    """A read-only table of ``rows`` shown through ``columns`` (see module doc)."""

    def __init__(self, columns: Sequence[ColumnSpec], parent: Any = None,
                 convert: Callable[[Any], Any] | None = None) -> None:
        super().__init__(parent)
        self._convert = convert
        self.columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row (a model reset)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    # ---- Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return QCoreApplication.translate("RecordColumns", self.columns[section].header)
            return None
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole})
    """The roles ``data`` answers; any other is ``None`` at once (a view asks ~6 roles per cell)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in self.ROLES or not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (
                0 <= index.column() < len(self.columns)):
            return None
        row = self._row(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.columns[index.column()].value(row)
        if role == Qt.ItemDataRole.UserRole:
            return getattr(row, "id", None)
        return None

    # ---- helpers
    def _row(self, r: int) -> Any:
        row = self._rows[r]
        if self._convert is not None and not isinstance(row, tuple):
            row = self._rows[r] = self._convert(row)
        return row

    def row_at(self, r: int) -> Any:
        """The fetched row tuple at row ``r`` (``IndexError`` if not fetched)."""
        return self._row(r)

    def fetched(self) -> list[Any]:
        """Every fetched row tuple, in order."""
        return [self._row(r) for r in range(len(self._rows))]

    def row_of(self, record_id: uuid.UUID) -> int:
        """The fetched row index of ``record_id``, or -1."""
        for i, row in enumerate(self.fetched()):
            if row.id == record_id:
                return i
        return -1




class RecordTableModel(ColumnTableModel):
    """A read-only table over one ``listing`` query, fetched ``BATCH`` rows at a time.

    ``query(session, contract_id, flt, sort_key, descending, offset, limit) -> list[Row]`` and
    ``count(session, contract_id, flt) -> int`` are the ``listing`` functions; they run through
    ``listing.fetch_page_and_count``/``fetch_page`` on the ledger (the model holds no session).
    ``Qt.UserRole`` gives the row's id; ``row_at(r)`` the whole row tuple.  With ``convert`` the
    query returns the driver's rows and ``convert(raw)`` makes the row tuple the first time a row
    is read (shown, or its id needed), so a re-filter pays its SQL, not the conversion of a whole
    batch.
    """

    def __init__(self, db: Ledger, contract_id: uuid.UUID | None, columns: Sequence[ColumnSpec],
                 query: Callable[..., list[Any]], count: Callable[..., int], flt: Any,
                 sort_key: str, descending: bool = True, parent: Any = None,
                 convert: Callable[[Any], Any] | None = None) -> None:
        super().__init__(columns, parent, convert)
        self.db = db
        self.contract_id = contract_id
        self._query, self._count = query, count
        self.flt = flt
        self.sort_key, self.descending = sort_key, descending
        self._total = 0
        self.reload()

    # ---- loading
    def reload(self) -> None:
        """Re-run COUNT and the first batch with the current filter and sort."""
        self.beginResetModel()
        self._rows = []
        self._total = 0
        if self.contract_id is not None:
            self._total, self._rows = listing.fetch_page_and_count(
                self.db, self._query, self._count, self.contract_id, self._effective_filter(), self.sort_key,
                self.descending, BATCH)
        self._after_reload()
        self.endResetModel()

    def _after_reload(self) -> None:
        """Hook for subclasses (caches)."""

    def _effective_filter(self) -> Any:
        """The filter the SQL runs with (subclasses resolve what SQL cannot see, e.g. SLA states)."""
        return self.flt

    def set_filter(self, flt: Any) -> None:
        """Show the rows matching ``flt`` (a ``listing`` filter dataclass)."""
        self.flt = flt
        self.reload()

    def set_contract(self, contract_id: uuid.UUID | None) -> None:
        """Switch contract and reload."""
        self.contract_id = contract_id
        self.reload()

    @property
    def total(self) -> int:
        """Rows matching the filter in the database (COUNT), fetched or not."""
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        if parent.isValid():
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self.contract_id is None:
            return
        more = listing.fetch_page(self.db, self._query, self.contract_id, self._effective_filter(), self.sort_key,
                                  self.descending, len(self._rows), BATCH)
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.columns)):
            return
        key = self.columns[column].sort_key
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

