"""Compose :class:`~app.reports.data.shapes.ReportData` into a :class:`ReportDocument`.

The composer only words and arranges figures the builder computed; it never queries.  Every
text goes through ``app.core.i18n._`` (English msgids, Chinese in ``reports.po``), so a report
composed after ``set_language("en")`` is English but for the names and codes the user typed, and
the Chinese one has no English.  Sections (periodic reports): 一、总体情况 二、考核指标 三、巡检
四、故障（含故障明细） 五、系统可用率 六、服务台 七、需求 八、工作量 九、存在问题 十、下期计划,
then 签字确认.  The ``requirements`` kind (Pinggu 第三条 "每月整理一份需求文档") is a document of
its own.  Figures with no data say so; a figure that cannot be computed says why, and its KPI
reads 无法评定; a period (or part of one) before the start of use says so in words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from app.core import kpi as K
from app.core.i18n import _, language
from app.core.periods import kind_name
from app.core.profile_parts import ReportSpec
from app.core.timeutil import to_local
from app.reports.compose import labels as L
from app.reports.compose import sections
from app.reports.compose.document import (
    Block,
    Heading,
    KeyValues,
    Paragraph,
    ReportDocument,
    SignOff,
    Table,
)
from app.reports.data import backups, credentials
from app.reports.data.shapes import KpiRow, ReportData

LONG_KINDS = ("quarterly", "half-year", "annual", "term")
NARRATIVE_KEYS = ("summary", "problems", "plan")


@dataclass(frozen=True)
class CoverNames:
    """The cover's document number and the 编制/审核/批准 names (empty: a line to sign by hand)."""

    document_number: str = ""
    prepared_by: str = ""
    reviewed_by: str = ""
    approved_by: str = ""


def source_text(source: str) -> str:
    """A KPI's basis as the client reads it (see ``labels.source``)."""
    return L.source(source)


def _title(data: ReportData, kind: str) -> str:
    name = data.profile.report_name(kind) or _("O&M {report}", report=kind_name(kind))
    return f"{data.client} {name}"


def _cover(data: ReportData, names: CoverNames, prepared_on: date) -> list[tuple[str, str]]:
    blank = "________"
    return [
        (_("Contract"), data.contract_title),
        (_("Client"), data.client),
        (_("Provider"), data.provider),
        (_("Contract term"), _("{start} to {end}", start=data.term_start.isoformat(), end=data.term_end.isoformat())),
        (_("Report period"), data.period.label_span),
        (_("Document number"), names.document_number or f"{data.contract_name}-{data.period.key}"),
        (_("Prepared by (organisation)"), data.provider),
        (_("Prepared by"), names.prepared_by or blank),
        (_("Reviewed by"), names.reviewed_by or blank),
        (_("Approved by"), names.approved_by or blank),
        (_("Date prepared"), prepared_on.isoformat()),
    ]


def compose(data: ReportData, *, narrative: dict[str, str] | None = None,
            prepared_on: date | None = None, names: CoverNames | None = None,
            kind: str | None = None) -> ReportDocument:
    """Build the report document for ``data`` in the current language.

    ``kind`` is the report kind printed (default: the period's kind).  A kind the profile defines
    with ``sections`` prints exactly those sections of :data:`SECTIONS`, in the profile's order,
    numbered 一、二、… as they come, under the profile's ``title``; a kind without ``sections``
    (the built-in kinds) prints the builder's default sections.

    ``narrative`` holds the editable texts ``{"summary", "problems", "plan"}`` (missing or empty
    ones get a neutral default sentence).  ``prepared_on`` (default: the local date of
    ``data.generated_at``) is the 编制日期 on the cover; ``names`` the document number and
    编制/审核/批准 (``app.reports.service.cover_names`` reads them from the settings).  Returns a
    ``ReportDocument`` with ``with_contents`` for quarterly and longer reports.
    """
    narrative = {k: (narrative or {}).get(k) or "" for k in NARRATIVE_KEYS}
    p = data.period
    prepared_on = prepared_on or to_local(data.generated_at).date()
    kind = kind or p.kind
    spec = data.profile.report(kind)
    doc = ReportDocument(
        title=_title(data, kind), subtitle=data.contract_title, period_label=p.label_span,
        client=data.client, provider=data.provider, generated_at=data.generated_at,
        cover=_cover(data, names or CoverNames(), prepared_on),
        with_contents=p.kind in LONG_KINDS, period_start=p.start, period_end=p.end,
    )
    if spec is not None and spec.sections:
        doc.blocks = chosen_sections(data, spec, narrative)
    elif p.kind == "requirements":
        doc.blocks = _start_of_use(data) + sections.requirements_document(data)
    else:
        doc.blocks = _periodic(data, narrative)
    doc.blocks.append(SignOff(client=data.client, provider=data.provider))
    return doc


def _start_of_use(data: ReportData) -> list[Block]:
    """The words for a period (or the part of one) before the start of use."""
    if data.ledger_start is None or (data.counted_from is not None and data.counted_from <= data.period.start):
        return []
    if data.counted_from is None:
        return [Paragraph(_("The whole report period lies before the start of use of the ledger ({start}): "
                            "nothing was recorded then, so nothing is counted, due or missed in this report.",
                            start=data.ledger_start.isoformat()), "note")]
    return [Paragraph(_("The ledger has been kept since {start}: the days {first} to {last} lie before the "
                        "start of use and are not counted; the figures below cover {start} to {end}.",
                        start=data.counted_from.isoformat(), first=data.period.start.isoformat(),
                        last=(data.counted_from - timedelta(days=1)).isoformat(),
                        end=data.period.end.isoformat()), "note")]


def _with_prev(cur: float | None, prev: float | None, unit: str, has_prev: bool) -> str:
    text = L.value(cur, unit)
    return _("{value} (previous period {previous})", value=text, previous=L.value(prev, unit)) if has_prev else text


def _overview(data: ReportData, narrative: dict[str, str]) -> list[Block]:
    """一、总体情况: the narrative and the headline figures."""
    h, ph = data.headline, data.previous_headline
    has_prev = bool(ph)
    b: list[Block] = [Heading(_("1. Overview")), *_start_of_use(data)]
    if not data.has_data and data.counted_from is not None:
        b.append(Paragraph(_("No data in the report period: {period} has no inspection, incident, service "
                             "request, requirement or work-log record.", period=data.period.label), "note"))
    b.append(Paragraph(narrative["summary"] or sections.auto_summary(data), "narrative"))
    n, i, r = _("incidents"), _("items"), _("requests")
    b.append(KeyValues(title=_("Key figures"), items=[
        (_("Inspections due / done / missed"),
         f"{h['inspections.due']} / {h['inspections.done']} / {h['inspections.missed']}"),
        (_("Inspections performed"), L.value(h["inspections.performed"], _("times"))),
        (_("Inspection completion rate"), _with_prev(h["inspections.rate_pct"], ph.get("inspections.rate_pct"), "%",
                                                     has_prev)),
        (_("Abnormal inspection items"), _with_prev(h["inspections.abnormal"], ph.get("inspections.abnormal"), i,
                                                    has_prev)),
        (_("Incidents"), _with_prev(h["incidents.total"], ph.get("incidents.total"), n, has_prev)),
        (_("Major incidents"), _with_prev(h["incidents.major"], ph.get("incidents.major"), n, has_prev)),
        (_("Incidents open at period end"), L.value(h["incidents.open_at_end"], n)),
        (_("Mean time to restore (service time)"), L.minutes(h["incidents.mttr_minutes"])),
        (_("System availability (combined)"), sections.overall_text(data, has_prev)),
        (_("Service requests"), _with_prev(h["requests.total"], ph.get("requests.total"), r, has_prev)),
        (_("User satisfaction"), _with_prev(h["requests.satisfaction_pct"], ph.get("requests.satisfaction_pct"),
                                            "%", has_prev)),
        (_("Complaints"), L.value(h["requests.complaints"], r)),
        (_("New requirements"), L.value(h["requirements.total"], i)),
        (_("Work hours"), L.value(h["worklog.hours"], _("h"))),
    ]))
    if data.previous_period and has_prev:
        b.append(Paragraph(_("The previous period is {period}.", period=data.previous_period.label), "note"))
    if data.uncovered_years:
        b.append(Paragraph(_("Some figures {reason}.", reason=L.reason("not_computable", data.uncovered_years)),
                           "note"))
    return b


def _kpi_table(data: ReportData) -> list[Block]:
    """二、考核指标: each KPI, its figure and the verdict read from that figure."""
    b: list[Block] = [Heading(_("2. KPI assessment"))]
    has_prev = bool(data.previous_headline)
    rows, hl = [], []
    for idx, k in enumerate(data.kpis):
        def fig(v: float | None, k: KpiRow = k) -> str:
            return L.kpi_value(v, k.unit_code, k.unit)

        actual = fig(k.actual) if k.actual is not None else L.reason(k.reason or "no_data")
        name = _("{kpi} — {scope}", kpi=k.name, scope=k.scope) if k.scope else k.name
        rows.append([name, K.target_text(k.comparison, k.target, k.unit_code),
                     actual, fig(k.previous) if has_prev else "—", L.label(L.KPI_VERDICTS, k.verdict),
                     source_text(k.source)])
        if k.verdict == "missed":
            hl.append(idx)
    if not rows:
        b.append(Paragraph(_("The contract sets no KPI."), "note"))
        return b
    b.append(Table([_("KPI"), _("Target"), _("This period"), _("Previous period"), _("Verdict"), _("Basis")],
                   rows, title=_("KPI assessment"), highlight_rows=hl, col_widths=[3, 2, 2.5, 2, 1.5, 3]))
    unmet = [k.name for k in data.kpis if k.verdict == "missed"]
    if unmet:
        b.append(Paragraph(_("KPIs not met: {names}.", names=_(", ").join(unmet)), "note"))
    unassessed = [k for k in data.kpis if k.verdict == "not_assessable"]
    if unassessed:
        b.append(Paragraph(_("Cannot be assessed: {items}.", items=_("; ").join(
            _("{name} ({reason})", name=k.name, reason=L.reason(k.reason or "no_data", k.uncovered_years))
            for k in unassessed)), "note"))
    return b


def _inspections(data: ReportData) -> list[Block]:
    """三、巡检: counts per template and engineer (``schedule.completion``), abnormal results."""
    ins = data.inspections
    b: list[Block] = [Heading(_("3. Inspections"))]
    if ins["due"] == 0 and ins["performed"] == 0:
        b.append(Paragraph(_("No inspection was due in the report period (no data)."), "note"))
    else:
        b.append(Table(
            [_("Checklist"), _("Frequency"), _("Due"), _("Done"), _("Missed"), _("Window still open"),
             _("Unscheduled"), _("Completion rate")],
            [[t["name"], L.label(L.FREQUENCIES, t["frequency"]), t["due"], t["done"], t["missed"], t["open"],
              t["extra"], L.value(t["rate_pct"], "%")] for t in ins["by_template"]]
            + [[_("Total"), "", ins["due"], ins["done"], ins["missed"], ins["open"], ins["extra"],
                L.value(ins["rate_pct"], "%")]],
            title=_("By checklist"), highlight_rows=[i for i, t in enumerate(ins["by_template"]) if t["missed"]],
            col_widths=[3.5, 1.5, 1, 1, 1, 1.5, 1.2, 1.5]))
        if ins["open"]:
            b.append(Paragraph(_("{n} inspection windows had not yet ended and are not counted as due.",
                                 n=ins["open"]), "note"))
        if ins["by_engineer"]:
            b.append(Table([_("Engineer"), _("Inspections performed")],
                           [[e["name"] or _("not recorded"), e["done"]] for e in ins["by_engineer"]],
                           title=_("By engineer")))
    if ins["abnormal"]:
        b.append(Table([_("Inspection no."), _("Date"), _("Checklist"), _("Item"), _("Result"), _("Note"),
                        _("Incident raised"), _("Incident status")],
                       [[a["inspection"], a["date"], a["template"], a["item"], a["value"], a["note"],
                         a["incident"] or _("none"), L.label(L.STATUSES, a["incident_status"])]
                        for a in ins["abnormal"]],
                       title=_("Abnormal results and their handling"), col_widths=[2.4, 2, 2, 3, 1.2, 2, 2.4, 1.6]))
    elif ins["performed"]:
        b.append(Paragraph(_("No abnormal result was found in the report period's inspections.")))
    return b


def _periodic(data: ReportData, narrative: dict[str, str]) -> list[Block]:
    b = _overview(data, narrative) + _kpi_table(data) + _inspections(data)
    b += sections.incidents(data) + sections.availability(data) + sections.service_desk(data)
    b += sections.requirements(data) + sections.worklog(data) + credentials.blocks(data) + backups.blocks(data)
    b += sections.closing(data, narrative)
    return b


Section = Callable[[ReportData, dict[str, str]], list[Block]]

#: The catalogue of sections the builder offers (``app.core.profile_parts.REPORT_SECTIONS``, the
#: codes a profile's ``reports[*].sections`` choose from; the import refuses any other code).
SECTIONS: dict[str, Section] = {
    "overview": _overview,
    "kpis": lambda d, n: _kpi_table(d),
    "inspections": lambda d, n: _inspections(d),
    "incidents": lambda d, n: sections.incidents(d),
    "availability": lambda d, n: sections.availability(d, with_extras=False),
    "long_outages": lambda d, n: sections.long_outages(d),
    "service_desk": lambda d, n: sections.service_desk(d),
    "requirements": lambda d, n: sections.requirements(d),
    "worklog": lambda d, n: sections.worklog(d),
    "trends": lambda d, n: sections.trends(d),
    "closing": sections.closing,
    "requirements_document": lambda d, n: sections.requirements_document(d),
}

_NUMBER = re.compile(r"^(?:\d+\.\s*|[一二三四五六七八九十]+、)")
_ZH_NUMERALS = "一二三四五六七八九十"


def _numbered(n: int, text: str) -> str:
    """``text`` (a section heading) numbered ``n`` in the current language: ``三、故障`` / ``3. Incidents``."""
    bare = _NUMBER.sub("", text)
    if language() == "en":
        return f"{n}. {bare}"
    zh = _ZH_NUMERALS[n - 1] if n <= 10 else "十" + _ZH_NUMERALS[n - 11]
    return f"{zh}、{bare}"


def chosen_sections(data: ReportData, spec: ReportSpec, narrative: dict[str, str]) -> list[Block]:
    """The blocks of a profile's report kind: exactly ``spec.sections`` from :data:`SECTIONS`, in
    that order, every first-level heading numbered 一、二、… in order (``closing`` ends with the
    sign-off heading, as in the built-in kinds).
    The start-of-use note leads when the kind has no ``overview`` (which carries it).  Raises
    ``KeyError`` for a code outside the catalogue (refused at import, so only for a hand-made spec)."""
    blocks: list[Block] = [] if "overview" in spec.sections else _start_of_use(data)
    n, sign_off = 0, _("Sign-off")
    for code in spec.sections:
        for block in SECTIONS[code](data, narrative):
            if isinstance(block, Heading) and block.level == 1 and block.text != sign_off:
                n += 1
                blocks.append(Heading(_numbered(n, block.text), block.level))
            else:
                blocks.append(block)
    return blocks
