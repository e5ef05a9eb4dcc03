"""Figures a client can trust: no data is never 达标 (an empty ledger, a period before the start of
use), a KPI's 依据 names the contract once, every target text is ``app.core.kpi.target_text``.

Pinggu starts on 2026-05-01; June 2026 is a finished month with 21 working days and inspections due.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import docx
import openpyxl
import pytest
from pypdf import PdfReader

from app.core import kpi
from app.core.i18n import language, set_language
from app.core.periods import parse_period
from app.core.timeutil import local_dt
from app.reports.compose.composer import compose
from app.reports.compose.document import Paragraph, Table
from app.reports.data.builder import build_report_data
from app.reports.render.docx import render_docx
from app.reports.render.pdf import render_pdf
from app.reports.render.xlsx import render_xlsx
from app.services.contract.profiles import import_profile, load_profile_file
from app.store.db import Database
from app.store.models import Contract, WorkLogEntry

IMAGINED = Path(__file__).resolve().parents[1] / "fixtures" / "profiles" / "imagined-v2.yaml"
JULY = local_dt(date(2026, 7, 3), time(9))


@pytest.fixture
def lang():  # type: ignore[no-untyped-def]
    before = language()
    yield set_language
    set_language(before)


@pytest.fixture
def imagined(db: Database) -> Contract:
    with db.session() as s:
        return import_profile(s, load_profile_file(IMAGINED), actor="t")


def build(db: Database, c: Contract, key: str, now=JULY, kind: str = "monthly"):  # type: ignore[no-untyped-def]
    with db.session() as s:
        contract = s.get(Contract, c.id)
        return build_report_data(s, contract, parse_period(kind, key, contract, today=now.date()), now=now)


def kpi_table(data) -> Table:  # type: ignore[no-untyped-def]
    return next(b for b in compose(data).blocks if isinstance(b, Table) and b.title == K_TITLE())


def K_TITLE() -> str:  # noqa: N802 - the table's title in the current language
    return "考核指标" if language().startswith("zh") else "KPI assessment"


def work_log(db: Database, c: Contract, day: date) -> None:
    with db.session() as s:
        s.add(WorkLogEntry(contract_id=c.id, work_date=day, started_at=local_dt(day, time(9)), duration_minutes=60,
                           summary="日常巡查"))


# ------------------------------------------------------------------------------ 1. no data is never 达标
def test_an_empty_ledger_reads_stable_run_rate_cannot_be_assessed_with_its_reason(db: Database,
                                                                                pinggu: Contract) -> None:
    data = build(db, pinggu, "2026-06")
    assert not [k.code for k in data.kpis if k.verdict == "met"]
    stable = next(k for k in data.kpis if k.name == "系统稳定运行率")
    assert stable.actual is None and stable.reason == "no_records" and stable.verdict == "not_assessable"
    assert all(a.pct is None and a.met is None and a.reason == "no_records" for a in data.availability)
    assert data.headline["availability.overall_pct"] is None
    rows = {r[0]: r for r in kpi_table(data).rows}
    assert rows["系统稳定运行率"][2:5] == ["本期无任何记录", "无数据", "无法评定"]
    assert rows["巡检完成率"][2] == "0%" and rows["巡检完成率"][4] == "未达标"  # due and not done: missed
    notes = [b.text for b in compose(data).blocks if isinstance(b, Paragraph)]
    assert any("系统稳定运行率（本期无任何记录）" in t for t in notes)


def test_an_empty_ledger_in_every_format_never_prints_met(db: Database, pinggu: Contract, tmp_path: Path) -> None:
    doc = compose(build(db, pinggu, "2026-06"))
    row = "系统稳定运行率|≥ 96%|本期无任何记录|无数据|无法评定|双方约定"
    pdf = "".join(p.extract_text() or "" for p in PdfReader(str(render_pdf(doc, tmp_path / "r.pdf"))).pages)
    assert row.replace("|", "") in pdf.replace("\n", "")
    tables = docx.Document(str(render_docx(doc, tmp_path / "r.docx"))).tables
    assert row in ["|".join(c.text for c in r.cells) for t in tables for r in t.rows]
    wb = openpyxl.load_workbook(render_xlsx(doc, tmp_path / "r.xlsx"))
    lines = ["|".join(str(v) for v in r if v is not None) for ws in wb for r in ws.iter_rows(values_only=True)]
    assert row in lines
    assert not [line for line in lines if line.endswith("|达标|双方约定") or "|达标|合同条款" in line]


def test_every_kpi_kind_from_absent_records_waits_for_a_record(db: Database, imagined: Contract) -> None:
    """Availability (groups, asset classes), stable-run rate by days, incident and long-outage counts
    are made from records *not* being there: on an empty ledger none reads 达标."""
    data = build(db, imagined, "2026-03", now=local_dt(date(2026, 4, 5), time(9)))
    rows = {k.code: k for k in data.kpis}
    for code in ("core-avail", "aux-avail", "terminal-avail", "core-stable", "major-ops", "major-sec",
                 "infra-faults", "long-outage"):
        assert rows[code].verdict == "not_assessable" and rows[code].reason == "no_records", code
    assert rows["satisfaction"].reason == rows["complaints"].reason == "no_data"
    assert rows["inspection"].verdict == "missed"  # slots due, none done
    assert rows["backups"].actual == 0.0 and rows["backups"].verdict != "met"  # ≥ 12 a year: waits
    assert not [k.code for k in data.kpis if k.verdict == "met"]


def test_one_record_in_the_period_makes_no_downtime_a_legitimate_100(db: Database, pinggu: Contract) -> None:
    """Decision: services in the period and the ledger in use there (one work-log entry) — no
    downtime record then means no downtime (平谷法院 第三条: the engineer checks the systems daily)."""
    work_log(db, pinggu, date(2026, 6, 10))
    data = build(db, pinggu, "2026-06")
    stable = next(k for k in data.kpis if k.name == "系统稳定运行率")
    assert stable.actual == 100.0 and stable.verdict == "met"
    assert next(k for k in data.kpis if k.code == "major-security").actual == 0.0


def test_a_period_before_the_contract_starts_is_never_met(db: Database, imagined: Contract) -> None:
    with db.session() as s:
        s.get(Contract, imagined.id).ledger_start = date(2026, 3, 1)  # 启用日期 after the term start
    work_log(db, imagined, date(2026, 2, 10))  # a record before the start of use counts for nothing
    data = build(db, imagined, "2026-02", now=local_dt(date(2026, 4, 5), time(9)))
    assert {k.reason for k in data.kpis} == {"before_start"} and {k.verdict for k in data.kpis} == {"not_assessable"}


# ------------------------------------------------------------------------------ 2. 依据 names the contract once
@pytest.mark.parametrize(("code", "zh", "en"), [
    ("core-avail", "合同条款 §7.1", "Contract clause §7.1"),
    ("long-outage", "合同条款 §7.5 工作时间内 4 小时以上中断不超过 2 次",
     "Contract clause §7.5 工作时间内 4 小时以上中断不超过 2 次"),
])
def test_the_basis_column_never_doubles_the_contract_word(db: Database, imagined: Contract, lang, code: str,
                                                           zh: str, en: str) -> None:
    data = build(db, imagined, "2026-03", now=local_dt(date(2026, 4, 5), time(9)))
    name = next(k.name for k in data.kpis if k.code == code)
    for language_code, expected in (("zh_CN", zh), ("en", en)):
        lang(language_code)
        row = next(r for r in kpi_table(data).rows if r[0].startswith(name))
        assert row[-1] == expected


def test_the_basis_of_every_shipped_profile_names_the_contract_once(db: Database, lang) -> None:
    from tests.conftest import load_contract

    for name in ("pinggu-court-2026", "beijing-justice-bureau-2024", "sanmenxia-court-2023"):
        c = load_contract(db, name)
        data = build(db, c, c.term_start.strftime("%Y-%m"), now=local_dt(c.term_end, time(9)))
        for language_code in ("zh_CN", "en"):
            lang(language_code)
            for row in kpi_table(data).rows:
                assert "合同条款 合同" not in row[-1] and "Contract clause 合同" not in row[-1], row
                assert "practice" not in row[-1]


# ------------------------------------------------------------------------------ 4. one target text
def test_every_target_cell_is_kpi_target_text(db: Database, imagined: Contract, lang) -> None:
    work_log(db, imagined, date(2026, 3, 10))
    data = build(db, imagined, "2026-03", now=local_dt(date(2026, 4, 5), time(9)))
    for language_code in ("zh_CN", "en"):
        lang(language_code)
        table = kpi_table(data)
        assert [r[1] for r in table.rows] == [kpi.target_text(k.comparison, k.target, k.unit_code) for k in data.kpis]
        signs = {r[1].split(" ")[0] for r in table.rows}
        assert signs == {"≥", "≤", "=", "<", ">"}


def test_the_kpi_table_asks_kpi_target_text_for_every_target(db: Database, imagined: Contract,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """One rule, one place: the table writes no comparison sign of its own."""
    data = build(db, imagined, "2026-03", now=local_dt(date(2026, 4, 5), time(9)))
    monkeypatch.setattr(kpi, "target_text", lambda comparison, target, unit: f"<{comparison}|{target:g}|{unit}>")
    assert [r[1] for r in kpi_table(data).rows] == [f"<{k.comparison}|{k.target:g}|{k.unit_code}>" for k in data.kpis]


def test_the_trend_draws_no_availability_for_a_month_nobody_recorded_anything_in(db: Database,
                                                                                 pinggu: Contract) -> None:
    work_log(db, pinggu, date(2026, 6, 10))
    trend = {t["key"]: t["availability_pct"] for t in build(db, pinggu, "2026-06").trend}
    assert trend == {"2026-05": None, "2026-06": 100.0}


def test_a_monthly_kpi_in_a_quarterly_report_waits_for_its_unrecorded_months(db: Database,
                                                                             imagined: Contract) -> None:
    """Only January holds a record: February and March read 无法评定 (nothing recorded), so the
    quarter's "< 3 faults a month" is not 达标 on their zero."""
    work_log(db, imagined, date(2026, 1, 12))
    data = build(db, imagined, "2026-Q1", now=local_dt(date(2026, 4, 5), time(9)), kind="quarterly")
    row = next(k for k in data.kpis if k.code == "infra-faults")
    assert row.verdict == "not_assessable"
    assert [t[2] for t in data.trace("kpi.infra-faults") if t[0] == "period"] == ["0", "无数据", "无数据"]
