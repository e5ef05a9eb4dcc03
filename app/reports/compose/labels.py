"""How a report words codes, verdicts, reasons and figures — in the current language.

Every text goes through ``app.core.i18n._`` (English msgids, Chinese in
``resources/locale/zh_CN/reports.po``).  Codes stored in the database (cause category, channel,
status, frequency …) are labelled here for documents; an unknown code is shown as typed.
"""

from __future__ import annotations

from enum import StrEnum

from app.core import kpi as K
from app.core.clauses import CONTRACT_WORD, source_parts
from app.core.i18n import N_, _
from app.core.vocab import (
    CauseCategory,
    Channel,
    Frequency,
    IncidentStatus,
    RequestStatus,
    RequirementStatus,
    codes,
    label_of,
)

#: stored vocabularies are labelled by ``app.core.vocab`` — the one label table (a report says 未知
#: where the fault ledger export does); ``label(CAUSES, code)`` keeps its call shape.
CAUSES = CauseCategory
CHANNELS = Channel
STATUSES = IncidentStatus
REQ_STATUSES = RequirementStatus
FREQUENCIES = Frequency
CLOCK_VERDICTS = {"met": N_("met"), "breached": N_("breached"), "pending": N_("running"),
                  "not_computable": N_("cannot be computed"), "no_target": N_("no target")}
KPI_VERDICTS = {"met": N_("Met"), "missed": N_("Not met"), "not_assessable": N_("Cannot be assessed")}


def label(table: dict[str, str] | type[StrEnum], code: str | None) -> str:
    """``code`` labelled by ``table`` (a msgid table or a vocabulary of ``app.core.vocab``) in the
    current language; an unknown code as typed; an empty cause category reads 未填写."""
    code = code or ""
    if isinstance(table, type):
        if not code:
            return _("Not filled in") if table is CauseCategory else ""
        if table is STATUSES and code in codes(RequestStatus):
            return label_of(RequestStatus, code)
        return label_of(table, code)
    return _(table[code]) if code in table else code


def no_data() -> str:
    """The words for a figure without data (无数据 / no data)."""
    return K.no_data_text()


def value(v: float | None, unit: str = "") -> str:
    """A figure as report text (``98.89%``, ``3 起``); ``None`` → 无数据.  Units typed in the
    profile stay as typed; the units the report itself writes are translated by the caller."""
    return no_data() if v is None else K.fmt_value(v, unit)


def kpi_value(v: float | None, unit_code: str, unit: str = "") -> str:
    """A KPI figure in its unit (``app.core.kpi.fmt_in_unit``: ``0 次`` / ``0 times``, ``1 time``);
    without a unit code, ``unit`` as typed."""
    return K.fmt_in_unit(v, unit_code) if unit_code else value(v, unit)


def minutes(m: float | None) -> str:
    """Service minutes as report text: ``45 分钟`` / ``150 分钟（2.5 小时）``; ``None`` → 无数据."""
    if m is None:
        return no_data()
    if m < 120:
        return _("{minutes} min", minutes=f"{m:.0f}")
    return _("{minutes} min ({hours} h)", minutes=f"{m:.0f}", hours=f"{m / 60:.1f}")


def years_text(years: list[int]) -> str:
    """``2027`` / ``2027、2028`` for a list of years."""
    return _(", ").join(str(y) for y in years)


def reason(code: str, years: list[int] | None = None) -> str:
    """Why a figure is missing, as a client reads it."""
    if code == "not_computable" and years:
        return _("cannot be computed: the official holiday arrangement for {years} has not been entered "
                 "(enter or import it under Settings → Calendar)", years=years_text(years))
    texts = {"not_computable": N_("cannot be computed"), "before_start": N_("before the start of use"),
             "calendar_undefined": N_("service calendar not defined"),
             "no_service_time": N_("no service time in the period"), "no_data": N_("no data"),
             "period_running": N_("the KPI's assessment period is still running"),
             "no_records": N_("nothing was recorded in the period"), "": ""}
    return _(texts.get(code, N_("no data")))


def source(text: str) -> str:
    """A profile ``source`` worded for a client: contract clauses as ``合同条款 §2.9 …`` (a clause
    that names the contract itself — ``合同 §7.1`` — loses that word, so the prefix is never
    doubled: ``合同条款 §7.1``); the marker ``practice`` (the contract gives no figure; a value
    both parties agreed) becomes ``双方约定`` — never "practice"/"行业惯例".  Parts are separated
    by ``;``.  The one place a KPI's 依据 is worded (the report's KPI table in every format)."""
    clauses = [CONTRACT_WORD.sub("", p) for p in source_parts(text)[0]]
    if not clauses:
        return _("Agreed by both parties")
    return _("Contract clause {clause}", clause=_("; ").join(clauses))


def clock_cell(minutes_: float | None, target: float | None, verdict: str) -> str:
    """One SLA clock of one incident: ``12 分钟 / 目标 30 分钟，达标``."""
    actual = minutes(minutes_) if minutes_ is not None else "—"
    if target is None:
        return _("{actual} (no target)", actual=actual)
    return _("{actual} / target {target}, {verdict}", actual=actual, target=minutes(float(target)),
             verdict=label(CLOCK_VERDICTS, verdict))
