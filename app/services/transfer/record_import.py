"""Import an existing Excel fault log (故障台账) or service-request log (工单台账).

The layout is the one ``record_export`` writes (``record_columns``): a header row (row 1) with
Chinese or English header texts, any column order, unknown columns ignored.  The whole file is
checked first; if any row is bad, ``ImportRejected(source, [RowProblem(row, column, message)…])``
lists every bad row and column and nothing is written.  Otherwise every row is inserted in the
caller's transaction (one ``with db.session()`` = one transaction).

Rules (each a ``RowProblem``):

- the file must pass ``xlsx_guard.check_workbook`` first (zip bomb, XML entities, row count);
- formulas are refused ("formula not accepted"): a non-text cell whose value starts with ``=``
  in a workbook loaded with ``data_only=False``;
- merged cells in the sheet are refused, naming the range;
- dates: real Excel dates/datetimes; Excel serial numbers; text ``2024/03/05 14:30``,
  ``2024-03-05 14:30``, ``2024-03-05``, ``2024.3.5``, ``2024年3月5日``, ``2024年3月5日 14:30``
  (seconds optional) — all local (Beijing) time, stored as UTC; any other text is refused;
- names must exist in the contract: severity (code or name), services and assets (code or name),
  engineers (name), request categories (code or name); enumerations by code or label
  (``columns.ENUMS``, labels from ``app.core.vocab``);
- required columns must be filled; texts must fit their database column (a title ≤ 300
  characters; descriptions are unbounded);
- the timeline must be in order by the workflow's own tables (``app.core.timeline``:
  ``INCIDENT_ORDER``, ``REQUEST_ORDER``), so a row is refused exactly when the app would refuse
  the same instants typed by hand; a restored/closed status needs its instant;
- numbers are kept when given, and refused when repeated in the file or already in the database;
  rows without a number get the next one.  The number sequence is advanced past imported numbers.

Incidents take their ``IncidentEvent`` history from the ``处理记录`` sheet when it lists them
(checked: ``created`` first, a status chain ending in the record's status), so pauses and field
changes survive a round trip; otherwise the history is rebuilt from the timeline (``created`` at
the reported instant, then status events along new → assigned → in_progress → [pending] →
restored → closed at the recorded instants) so the SLA clocks read them like records made in the
app.  Closed incidents get their SLA figures stored as ``close_incident`` would.  Downtime
windows come from the ``影响业务系统`` sheet (else occurred → restored).

Writing: one executemany per table and batch (no ORM object per row; ``row_import``), in the
caller's transaction, the incidents' full-text index filled once for all new rows, one audit
event per import; the workbook is read-only and streamed.

The work is split by job: ``import_cells`` (cell values), ``import_sheet`` (reading a sheet into
checked records), ``import_checks`` (timeline, numbers, sequences), ``row_import`` (the one
structure every import runs: read, check, refuse or write, audit), ``incident_import`` and
``request_import`` (each log's spec: side sheets, cross-sheet checks, the rows it writes); this
module names the importers.
"""

from __future__ import annotations

from collections.abc import Callable

from app.services.transfer.import_cells import parse_datetime_text
from app.services.transfer.import_checks import ImportResult
from app.services.transfer.incident_import import import_incidents
from app.services.transfer.request_import import import_requests

IMPORTERS: dict[str, Callable[..., ImportResult]] = {"incidents": import_incidents, "requests": import_requests}

__all__ = ["IMPORTERS", "ImportResult", "import_incidents", "import_requests", "parse_datetime_text"]
