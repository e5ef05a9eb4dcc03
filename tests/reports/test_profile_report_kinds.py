"""A report kind the profile defines prints exactly its sections, in its order, under its title
(imagined contract, ``tests/fixtures/profiles/imagined-v2.yaml``): 安全周报 ``weekly-security`` has
``sections: [incidents, kpis]``, 半年专项报告 ``half-year`` six sections in a chosen order, 漏洞扫描报告
``vuln-scan`` (a month) ``[overview, closing]``.  The built-in kinds keep the builder's ten sections.
An unknown section code is refused at import with file and line (``broken/unknown-section.yaml``,
``tests/services/contract/test_profile_v2.py``)."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import docx
import openpyxl
import pytest
from pypdf import PdfReader

from app.core.i18n import set_language
from app.core.timeutil import local_dt
from app.errors import ValidationError
from app.reports.compose.composer import SECTIONS, compose
from app.reports.compose.document import Heading
from app.reports.data.builder import build_report_data
from app.reports.service import generate_report, known_kinds, report_period
from app.services.contract.profiles import import_profile, load_profile_file
from app.store.db import Database
from app.store.models import Contract, Incident

IMAGINED = Path(__file__).resolve().parents[1] / "fixtures" / "profiles" / "imagined-v2.yaml"
NOW = local_dt(date(2026, 7, 20), time(9))
ALL_TEN = ["一、总体情况", "二、考核指标", "三、巡检", "四、故障", "五、系统可用率", "六、服务台", "七、需求",
           "八、工作量", "九、存在问题", "十、下期计划", "签字确认"]


@pytest.fixture
def imagined(db: Database) -> Contract:
    with db.session() as s:
        c = import_profile(s, load_profile_file(IMAGINED), actor="t")
        t = local_dt(date(2026, 3, 10), time(9))  # Tuesday of week 2026-W11
        s.add(Incident(number="INC-2026-0001", contract_id=c.id, title="门户被扫描", severity="P1",
                       incident_class="security", status="restored", occurred_at=t, reported_at=t, responded_at=t,
                       restored_at=local_dt(date(2026, 3, 10), time(10)), created_at=t, updated_at=t))
        return c


def _headings(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1]


def _compose(db: Database, c: Contract, kind: str, key: str):  # type: ignore[no-untyped-def]
    with db.session() as s:
        contract = s.get(Contract, c.id)
        p = report_period(contract, kind, key, today=NOW.date())
        return compose(build_report_data(s, contract, p, now=NOW), kind=kind)


def test_the_catalogue_is_the_one_the_profile_format_offers() -> None:
    from app.core.profile_parts import REPORT_SECTIONS

    assert tuple(SECTIONS) == REPORT_SECTIONS


def test_weekly_security_report_has_exactly_its_two_sections_in_pdf_docx_xlsx(
        db: Database, imagined: Contract, tmp_path: Path) -> None:
    with db.session() as s:
        c = s.get(Contract, imagined.id)
        assert "weekly-security" in known_kinds(c)
        files = {fmt: generate_report(s, c, "weekly-security", "2026-W11", fmt, tmp_path / f"sec.{fmt}",
                                      actor="t", now=NOW, today=NOW.date()) for fmt in ("pdf", "docx", "xlsx")}
        assert {r.kind for r in files.values()} == {"weekly-security"}
        assert files["pdf"].period_key == "2026-W11"
    wb = openpyxl.load_workbook(tmp_path / "sec.xlsx")
    assert wb.sheetnames == ["概览", "一、故障", "二、考核指标"]
    assert wb["概览"]["A1"].value == "某市政务服务数据管理局 安全周报"
    d = docx.Document(str(tmp_path / "sec.docx"))
    heads = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert heads == ["一、故障", "二、考核指标"]
    text = "\n".join(p.extract_text() or "" for p in PdfReader(str(tmp_path / "sec.pdf")).pages)
    assert "某市政务服务数据管理局 安全周报" in text and "INC-2026-0001" in text
    assert text.index("一、故障") < text.index("二、考核指标")
    for absent in ("总体情况", "三、", "五、", "存在问题", "下期计划"):
        assert absent not in text, absent


def test_sections_follow_the_profiles_order_and_numbering(db: Database, imagined: Contract) -> None:
    doc = _compose(db, imagined, "half-year", "2026-H1")
    assert doc.title == "某市政务服务数据管理局 半年专项报告"
    assert _headings(doc) == ["一、总体情况", "二、考核指标", "三、系统可用率", "四、长时中断", "五、趋势",
                              "六、存在问题", "七、下期计划", "签字确认"]
    vuln = _compose(db, imagined, "vuln-scan", "2026-03")
    assert vuln.title.endswith("漏洞扫描报告")
    assert _headings(vuln) == ["一、总体情况", "二、存在问题", "三、下期计划", "签字确认"]


def test_built_in_kinds_keep_the_default_sections(db: Database, imagined: Contract) -> None:
    monthly = _compose(db, imagined, "monthly", "2026-03")
    assert monthly.title.endswith("运维月报")  # the profile's title
    assert _headings(monthly) == ALL_TEN


def test_a_profile_kind_reads_in_english_too(db: Database, imagined: Contract) -> None:
    set_language("en")
    try:
        doc = _compose(db, imagined, "weekly-security", "2026-W11")
    finally:
        set_language("zh_CN")
    assert _headings(doc) == ["1. Incidents", "2. KPI assessment"]


def test_day_and_term_kinds_and_unknown_kinds(db: Database, imagined: Contract) -> None:
    daily = _compose(db, imagined, "daily-record", "2026-03-10")
    assert _headings(daily) == ["一、工作量"]
    final = _compose(db, imagined, "final", "TERM")
    assert final.title.endswith("服务期总结") and len(_headings(final)) == len(ALL_TEN)
    with db.session() as s:
        c = s.get(Contract, imagined.id)
        with pytest.raises(ValidationError, match="weekly-ops"):
            report_period(c, "weekly-ops", "2026-W11")
        with pytest.raises(ValidationError):
            report_period(c, "daily-record", "10 March")


def test_kpi_units_read_in_both_languages(db: Database, imagined: Contract) -> None:
    """The one unit label place (``app.core.kpi.unit_text``): a count reads 次 / times (1 time),
    hours 小时 / hours — never "0 count"."""
    from app.reports.compose.document import Table

    def rows() -> dict[str, list[str]]:
        doc = _compose(db, imagined, "monthly", "2026-03")
        table = next(b for b in doc.blocks if isinstance(b, Table) and b.header[0] in ("指标", "KPI"))
        return {r[0]: r for r in table.rows}

    zh = rows()
    assert zh["重大安全事件"][1:3] == ["= 0 次", "1 次"] and zh["代码级维护工作量"][1] == "≥ 342 小时"
    set_language("en")
    try:
        en = rows()
    finally:
        set_language("zh_CN")
    assert en["重大安全事件"][1:3] == ["= 0 times", "1 time"]
    assert en["重大运行故障"][1:3] == ["≤ 1 time", "0 times"]
    assert en["代码级维护工作量"][1:3] == ["≥ 342 hours", "0 hours"]
    assert not any("count" in cell for r in en.values() for cell in r[1:4])


def test_a_profile_kind_keeps_its_narrative(db: Database, imagined: Contract, tmp_path: Path) -> None:
    from app.reports.service import save_narrative

    with db.session() as s:
        c = s.get(Contract, imagined.id)
        save_narrative(s, c, "vuln-scan", "2026-03", "本月完成漏洞扫描两次。", "发现中危漏洞 3 个。", "", actor="t")
        generate_report(s, c, "vuln-scan", "2026-03", "docx", tmp_path / "v.docx", actor="t", now=NOW,
                        today=NOW.date())
        with pytest.raises(ValidationError):
            save_narrative(s, c, "weekly-ops", "2026-W11", "x", "", "", actor="t")
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "v.docx")).paragraphs)
    assert "本月完成漏洞扫描两次。" in text and "发现中危漏洞 3 个。" in text


def test_the_reports_page_actions_offer_and_preview_profile_kinds(db: Database, imagined: Contract) -> None:
    """What the reports page reads (``app.reports.actions``): the kinds with their titles, each
    profile kind's periods, and a preview with the kind's own sections."""
    from app.reports.actions import build_document, kinds_for, offered_periods

    kinds = dict(kinds_for(db, imagined.id).value)
    assert kinds["monthly"] == "运维月报" and kinds["weekly-security"] == "安全周报" and kinds["weekly"] == "周报"
    weeks = offered_periods(db, imagined.id, "weekly-security", NOW.date()).value
    assert weeks.default_key == "2026-W29" and weeks.periods[0].key == "2026-W30"
    days = offered_periods(db, imagined.id, "daily-record", NOW.date()).value
    assert days.default_key == "2026-07-19" and days.periods[0].key == "2026-07-20"
    term = offered_periods(db, imagined.id, "final", NOW.date()).value
    assert [p.key for p in term.periods] == ["TERM"] and term.periods[0].in_progress
    doc = build_document(db, imagined.id, "weekly-security", "2026-W11", today=NOW.date()).value
    assert _headings(doc) == ["一、故障", "二、考核指标"]
