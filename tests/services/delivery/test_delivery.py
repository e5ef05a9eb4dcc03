"""Report delivery (报告提交 / 验收): owed periods, due days, the two actions and their refusals,
the agenda items across a period end, and the payment conditions."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from sqlalchemy import select

from app import paths
from app.errors import ValidationError
from app.services import agenda
from app.services.agenda import DueState
from app.services.contract.profiles import import_profile, load_profile_file
from app.services.delivery import actions, payments, queries
from app.services.delivery.due import due_items
from app.store.models import AuditEvent, Contract, ReportDelivery

PINGGU = paths.resources_dir() / "profiles" / "pinggu-court-2026.yaml"
ENGINEER = "王建国"


def _rows(db, contract, today):
    return {(r.kind, r.period_key): r for r in queries.delivery_rows(db, contract.id, today).value}


def test_a_month_is_owed_from_the_day_after_it_ends_and_due_five_calendar_days_later(db, pinggu) -> None:
    # Pinggu: 运维月报 and 月度需求文档 due 5 days after the month, 年度维护工作报告 15 days after CY1
    on_last_day = _rows(db, pinggu, date(2026, 11, 30))
    assert ("monthly", "2026-11") not in on_last_day and ("monthly", "2026-10") in on_last_day
    rows = _rows(db, pinggu, date(2026, 12, 1))
    row = rows[("monthly", "2026-11")]
    assert (row.title, row.due_on, row.status, row.overdue) == ("运维月报", date(2026, 12, 5), "owed", False)
    assert rows[("monthly", "2026-10")].overdue  # due 11-05, nothing handed over
    assert ("annual", "CY1") not in rows  # the contract year is not over
    assert {k for k, _p in rows} == {"monthly", "requirements"}
    after_term = _rows(db, pinggu, date(2027, 5, 2))
    assert after_term[("annual", "CY1")].due_on == date(2027, 5, 15)


def test_submit_then_accept_records_who_when_to_whom_and_audits(db, pinggu) -> None:
    today = date(2026, 12, 3)
    row = actions.mark_submitted(db, pinggu.id, "monthly", "2026-11", on=date(2026, 12, 2), by=ENGINEER,
                                 to="信息中心 张科长", notes="纸质版一份", actor=ENGINEER, today=today).value
    assert (row.status, row.version, row.submitted_by, row.submitted_to) == ("submitted", 1, ENGINEER, "信息中心 张科长")
    row = actions.mark_accepted(db, pinggu.id, "monthly", "2026-11", on=today, by="张科长", actor=ENGINEER,
                                today=today).value
    assert row.status == "accepted" and row.accepted_by == "张科长"
    with db.session() as s:
        d = s.scalars(select(ReportDelivery)).one()
        assert (d.kind, d.period_key, d.period_start, d.period_end) == ("monthly", "2026-11", date(2026, 11, 1),
                                                                        date(2026, 11, 30))
        assert d.submitted_at.tzinfo is not None and d.accepted_at >= d.submitted_at and d.notes == "纸质版一份"
        events = [(e.action, e.actor, e.entity_id) for e in s.scalars(
            select(AuditEvent).where(AuditEvent.entity_kind == "report_delivery").order_by(AuditEvent.at))]
    assert events == [("report.submit", ENGINEER, str(d.id)), ("report.accept", ENGINEER, str(d.id))]


def _count(db) -> tuple[int, int]:
    with db.session() as s:
        return (len(s.scalars(select(ReportDelivery)).all()),
                len(s.scalars(select(AuditEvent).where(AuditEvent.entity_kind == "report_delivery")).all()))


def test_refusals_write_nothing(db, pinggu) -> None:
    today = date(2026, 12, 3)
    with pytest.raises(ValidationError) as exc:  # accept before any handing-over
        actions.mark_accepted(db, pinggu.id, "monthly", "2026-11", on=today, by="张科长", actor=ENGINEER, today=today)
    assert exc.value.field == "report" and "尚未提交" in str(exc.value)
    with pytest.raises(ValidationError) as exc:  # a day before the period's end
        actions.mark_submitted(db, pinggu.id, "monthly", "2026-11", on=date(2026, 11, 29), by=ENGINEER,
                               actor=ENGINEER, today=today)
    assert exc.value.field == "at" and "2026-11-30" in str(exc.value)
    with pytest.raises(ValidationError, match="将来"):  # a day after today
        actions.mark_submitted(db, pinggu.id, "monthly", "2026-11", on=date(2026, 12, 4), by=ENGINEER,
                               actor=ENGINEER, today=today)
    with pytest.raises(ValidationError, match="提交人"):
        actions.mark_submitted(db, pinggu.id, "monthly", "2026-11", on=today, by=" ", actor=ENGINEER, today=today)
    with pytest.raises(ValidationError) as exc:  # a kind the profile does not owe
        actions.mark_submitted(db, pinggu.id, "weekly", "2026-W47", on=today, by=ENGINEER, actor=ENGINEER,
                               today=today)
    assert exc.value.field == "report"
    with pytest.raises(ValidationError) as exc:  # a period outside the term
        actions.mark_submitted(db, pinggu.id, "monthly", "2026-03", on=today, by=ENGINEER, actor=ENGINEER,
                               today=today)
    assert exc.value.field == "period"
    assert _count(db) == (0, 0)
    actions.mark_submitted(db, pinggu.id, "monthly", "2026-11", on=date(2026, 12, 2), by=ENGINEER, actor=ENGINEER,
                           today=today)
    with pytest.raises(ValidationError, match="早于"):  # accepted before it was handed over
        actions.mark_accepted(db, pinggu.id, "monthly", "2026-11", on=date(2026, 11, 30), by="张科长",
                              actor=ENGINEER, today=today)
    assert _count(db) == (1, 1)


def test_handing_over_again_is_a_new_version_until_accepted(db, pinggu) -> None:
    today = date(2026, 12, 10)
    for day in (date(2026, 12, 2), date(2026, 12, 4)):
        row = actions.mark_submitted(db, pinggu.id, "monthly", "2026-11", on=day, by=ENGINEER, actor=ENGINEER,
                                     today=today).value
    assert row.version == 2
    actions.mark_accepted(db, pinggu.id, "monthly", "2026-11", on=today, by="张科长", actor=ENGINEER, today=today)
    with pytest.raises(ValidationError, match="已于 2026-12-10 验收"):
        actions.mark_submitted(db, pinggu.id, "monthly", "2026-11", on=today, by=ENGINEER, actor=ENGINEER,
                               today=today)


def _report_items(db, contract, today):
    return {i.title: i for i in agenda.due_items(db, contract.id, today) if i.kind == "report"}


def test_agenda_lists_a_report_from_its_period_end_until_submitted(db, pinggu) -> None:
    monthly = "运维月报 2026年11月 应于 2026-12-05 前提交"
    assert "app.services.delivery.due:due_items" in agenda.PROVIDERS
    assert monthly not in _report_items(db, pinggu, date(2026, 11, 30))  # the month is not over
    upcoming = _report_items(db, pinggu, date(2026, 12, 1))[monthly]
    assert (upcoming.state, upcoming.days_left, upcoming.due_on) == (DueState.UPCOMING, 4, date(2026, 12, 5))
    assert _report_items(db, pinggu, date(2026, 12, 5))[monthly].state == DueState.DUE
    late = _report_items(db, pinggu, date(2026, 12, 8))[monthly]
    assert (late.state, late.days_left) == (DueState.OVERDUE, -3)
    actions.mark_submitted(db, pinggu.id, "monthly", "2026-11", on=date(2026, 12, 8), by=ENGINEER, actor=ENGINEER,
                           today=date(2026, 12, 8))
    items = _report_items(db, pinggu, date(2026, 12, 8))
    assert monthly not in items  # submitted: no longer owed (acceptance is not awaited on Today)
    assert "月度需求文档 2026年11月 应于 2026-12-05 前提交" in items


def test_upcoming_only_within_five_days_of_the_due_day(db, pinggu) -> None:
    # the annual report (due 15 days after CY1 ends on 2027-04-30) appears from 2027-05-10
    with db.session() as s:
        c = s.get(Contract, pinggu.id)
        titles = {i.title for i in due_items(s, c, date(2027, 5, 9)) if "年度" in i.title}
        assert titles == set()
        items = [i for i in due_items(s, c, date(2027, 5, 10)) if "年度" in i.title]
    assert [(i.days_left, i.state, i.source) for i in items] == [
        (5, DueState.UPCOMING, "第七条第2款 维护合同期满后提交当年的维护工作报告")]


def _with_payments(db, tmp_path) -> Contract:
    data = yaml.safe_load(PINGGU.read_text(encoding="utf-8"))
    data["reports"][0]["acceptance"] = True  # 运维月报 is accepted by the client
    data["payments"] = [
        {"milestone": "第二期", "amount": 10000, "due": "2026-11-30", "depends_on": ["2026-11-30", "monthly"],
         "source": "第二条第2款 第二期"},
        {"milestone": "第四期", "amount": 50000, "depends_on": ["term_end", "annual:CY1"], "source": "第二条第2款 第四期"},
    ]
    path = tmp_path / "pinggu-payments.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with db.session() as s:
        return import_profile(s, load_profile_file(path), actor="test")


def test_payment_milestones_are_met_when_their_reports_and_dates_are(db, tmp_path) -> None:
    c = _with_payments(db, tmp_path)
    today = date(2026, 12, 20)
    second, fourth = payments.payment_rows(db, c.id, today).value
    assert (second.milestone, second.amount, second.met) == ("第二期", 10000.0, False)
    assert [x.met for x in second.conditions] == [True, False]
    assert second.conditions[1].text == "运维月报：6 期中 0 期已验收"  # May … October end by 11-30
    for month in ("2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"):
        actions.mark_submitted(db, c.id, "monthly", month, on=date(2026, 12, 1), by=ENGINEER, actor=ENGINEER,
                               today=today)
    assert not payments.payment_rows(db, c.id, today).value[0].met  # submitted, not yet accepted
    for month in ("2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"):
        actions.mark_accepted(db, c.id, "monthly", month, on=date(2026, 12, 2), by="张科长", actor=ENGINEER,
                              today=today)
    second, fourth = payments.payment_rows(db, c.id, today).value
    assert second.met and second.met_text == "已满足"
    assert not fourth.met and fourth.met_text == "未满足" and [x.met for x in fourth.conditions] == [False, False]


def test_a_handing_over_links_the_exported_file_of_that_report(db, pinggu, tmp_path) -> None:
    from app.reports.service import generate_report

    rec = generate_report(db, pinggu, "monthly", "2026-11", "xlsx", tmp_path / "m.xlsx", actor=ENGINEER,
                          today=date(2026, 12, 2))
    actions.mark_submitted(db, pinggu.id, "monthly", "2026-11", on=date(2026, 12, 2), by=ENGINEER, actor=ENGINEER,
                           today=date(2026, 12, 2))
    actions.mark_submitted(db, pinggu.id, "requirements", "2026-11", on=date(2026, 12, 2), by=ENGINEER,
                           actor=ENGINEER, today=date(2026, 12, 2))
    with db.session() as s:
        linked = {d.kind: d.report_record_id for d in s.scalars(select(ReportDelivery))}
    assert linked == {"monthly": rec.id, "requirements": None}
