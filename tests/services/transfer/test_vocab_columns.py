"""Workbook vocabularies: export writes the one label; import reads every label ever written."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app.core import i18n
from app.services.queries.lookup import get_contract
from app.services.transfer.columns import (
    ENUMS,
    INCIDENT_COLUMNS,
    REQUEST_COLUMNS,
    enum_code,
    enum_label,
)
from app.services.transfer.record_export import export_incidents
from app.services.transfer.record_import import import_incidents, import_requests
from app.store.models import Incident, ServiceRequest
from tests.services.transfer.test_record_export import make_closed_incident

INC = {c.key: c.zh for c in INCIDENT_COLUMNS}
REQ = {c.key: c.zh for c in REQUEST_COLUMNS}


def _book(path: Path, headers: list[str], rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(headers)
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def test_old_incident_labels_still_import(db, pinggu, tmp_path):
    t = datetime(2026, 5, 6, 9, 0)
    path = _book(tmp_path / "old.xlsx",
                 [INC["title"], INC["severity"], INC["occurred_at"], INC["services"], INC["cause_category"]],
                 [["旧版导出 1", "P2", t, "oa", "不明"], ["旧版导出 2", "P2", t, "oa", "电力/环境"],
                  ["新版导出", "P2", t, "oa", "未知"]])
    with db.session() as s:
        import_incidents(s, get_contract(s), path)
    with db.session() as s:
        got = dict(s.execute(select(Incident.title, Incident.cause_category)).all())
    assert got == {"旧版导出 1": "unknown", "旧版导出 2": "power_environment", "新版导出": "unknown"}


def test_old_request_labels_still_import(db, pinggu, tmp_path):
    path = _book(tmp_path / "old.xlsx", [REQ["title"], REQ["received_at"], REQ["channel"]],
                 [["邮件报修", "2026-05-07 10:00", "邮件"], ["电子邮件报修", "2026-05-07 10:05", "电子邮件"]])
    with db.session() as s:
        import_requests(s, get_contract(s), path)
    with db.session() as s:
        assert set(s.scalars(select(ServiceRequest.channel))) == {"email"}


def test_export_writes_the_chosen_term(db, pinggu, tmp_path):
    with db.session() as s:
        make_closed_incident(s, pinggu).cause_category = "unknown"
    out = tmp_path / "log.xlsx"
    with db.session() as s:
        export_incidents(s, get_contract(s), date(2026, 5, 1), date(2026, 5, 31), out)
    ws = openpyxl.load_workbook(out)["故障台账"]
    header = [c.value for c in ws[1]]
    row = [c.value for c in ws[2]]
    assert row[header.index(INC["cause_category"])] == "未知"
    assert row[header.index(INC["status"])] == "已关闭"


@pytest.mark.parametrize("kind", list(ENUMS))
def test_every_workbook_label_reads_back_in_both_languages(kind):
    for member in ENUMS[kind]:
        for lang in ("zh_CN", "en"):
            i18n.set_language(lang)
            try:
                text = enum_label(kind, member.value)
            finally:
                i18n.set_language("zh_CN")
            assert enum_code(kind, text) == member.value
