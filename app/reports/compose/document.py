"""The report document model: what the composer produces and every renderer consumes.

``compose`` (in ``app/reports/compose/composer.py``) turns computed report data into a ``ReportDocument``
of blocks in Chinese; ``pdf``, ``xlsx`` and ``docx`` renderers each render the same document, so
the three formats always say the same thing.  Blocks are plain dataclasses (no Qt, no reportlab).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Union


@dataclass
class Heading:
    """A section heading; ``level`` 1 starts a section (and a sheet in xlsx), 2 a subsection."""

    text: str
    level: int = 1


@dataclass
class Paragraph:
    """A paragraph of plain text (newlines kept)."""

    text: str
    style: str = "body"  # body | note | narrative


@dataclass
class Table:
    """A table; ``header`` repeats on every PDF page it spans.

    Cells are ``str``/``int``/``float``/``date``/``datetime``/``None``.  ``highlight_rows`` are
    0-based data-row indexes to mark (e.g. a KPI not met, a breached SLA).  ``col_widths`` are
    relative weights (optional).
    """

    header: list[str]
    rows: list[list[Any]]
    title: str = ""
    highlight_rows: list[int] = field(default_factory=list)
    col_widths: list[float] | None = None


@dataclass
class Chart:
    """A simple chart: ``kind`` is ``bar`` or ``line`` (or ``pie``); ``series`` maps a series name
    to values aligned with ``categories``.  ``unit`` labels the value axis (e.g. ``"%"``)."""

    title: str
    kind: str
    categories: list[str]
    series: dict[str, list[float]]
    unit: str = ""


@dataclass
class KeyValues:
    """A two-column list of labelled values (cover facts, summary figures)."""

    items: list[tuple[str, Any]]
    title: str = ""


@dataclass
class SignOff:
    """The sign-off block for both parties (甲方 / 乙方: signature, date, seal)."""

    client: str
    provider: str
    audit_line: str = ""  # "审计链 第 N 条 · <hash[:16]>", set by the report service


@dataclass
class PageBreak:
    """Start a new page (PDF/DOCX); ignored in xlsx."""


Block = Union[Heading, Paragraph, Table, Chart, KeyValues, SignOff, PageBreak]


@dataclass
class ReportDocument:
    """A whole report.  ``title`` e.g. "北京市司法局 运维服务月报"; ``period_label`` e.g.
    "2026年11月 (2026-11-01 至 2026-11-30)"; ``cover`` facts shown on the cover page;
    ``with_contents`` asks the PDF/DOCX for a table of contents (long reports)."""

    title: str
    subtitle: str
    period_label: str
    client: str
    provider: str
    generated_at: datetime
    cover: list[tuple[str, str]] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    with_contents: bool = False
    period_start: date | None = None
    period_end: date | None = None
    audit_token: str = ""  # "opsledger-audit:N:<hash>" for the file metadata (app.services.audit)
