"""New audit events are written in the user's language, statuses by their labels (vocab
``label_of``): the 审计日志 page of the Chinese UI reads Chinese — no status code, no English word.
The summary is stored as written (the chain hashes it); ``details`` keep the codes."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.core.i18n import language, set_language
from app.core.timeutil import utcnow
from app.services.demo import run_demo
from app.services.incident import actions as incidents
from app.services.servicedesk import actions as desk
from app.store.db import Database, open_database
from app.store.models import AuditEvent, Contract

#: ASCII words a summary must not carry (status codes of every vocabulary, the English words the
#: services used to write); record numbers (INC-2026-0001) and user text are not words here
ENGLISH = re.compile(r"(?<![A-Z]-)\b(in_progress|pending|restored|closed|resolved|assigned|new|reported|collected"
                     r"|analysed|accepted|done|rejected|satisfied|mostly_satisfied|follow-up|reopened|demo|data|seed"
                     r"|min|abnormal|created|updated|imported|narrative|saved|version|by|of|downtime|affected)\b")


@pytest.fixture
def lang():  # type: ignore[no-untyped-def]
    before = language()
    yield set_language
    set_language(before)


def _summaries(db: Database, after: int = 0) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(AuditEvent.summary).where(AuditEvent.seq > after).order_by(AuditEvent.seq)))


def _workflow(db: Database, c: Contract) -> None:
    now = utcnow()
    inc = incidents.create_incident(db, c.id, actor="张工", title="门户无法访问", severity="P2",
                                    occurred_at=now - timedelta(hours=3)).value
    incidents.move_incident(db, inc, "in_progress", actor="张工", note="已到场", at=now - timedelta(hours=2))
    incidents.close_incident(db, inc, actor="张工", cause_category="software", cause="进程挂起", resolution="重启",
                             restored_at=now - timedelta(hours=1), at=now - timedelta(hours=1))
    incidents.reopen_incident(db, inc, actor="张工", reason="再次出现")
    req = desk.create_request(db, c.id, actor="张工", title="打印机卡纸").value
    desk.respond_request(db, req, actor="张工")
    desk.resolve_request(db, req, actor="张工", resolution="已处理")
    desk.record_followup(db, req, actor="张工", satisfaction="mostly_satisfied")
    desk.close_request(db, req, actor="张工")
    rq = desk.create_requirement(db, c.id, actor="张工", title="新增统计报表").value
    desk.set_requirement_status(db, rq, "analysed", actor="张工")


def test_status_changes_are_summarised_with_labels_in_chinese(db: Database, pinggu: Contract, lang) -> None:
    lang("zh_CN")
    _workflow(db, pinggu)
    texts = _summaries(db, 1)  # after the profile import
    assert not [t for t in texts if ENGLISH.search(t)], texts
    assert any(t.endswith("→ 处理中：已到场") for t in texts)
    assert any("→ 已关闭" in t for t in texts) and any("已重新打开：再次出现" in t for t in texts)
    assert any("回访：基本满意" in t for t in texts)
    assert any(t.endswith("：已收集 → 已分析") for t in texts)


def test_the_english_ui_writes_english_summaries(db: Database, pinggu: Contract, lang) -> None:
    lang("en")
    _workflow(db, pinggu)
    texts = _summaries(db, 1)
    assert any(t.endswith("→ In progress: 已到场") for t in texts), texts
    assert not [t for t in texts if re.search(r"in_progress|mostly_satisfied|analysed →", t)]


def test_demo_data_is_audited_in_chinese(tmp_path, lang) -> None:  # type: ignore[no-untyped-def]
    lang("zh_CN")
    db = open_database(tmp_path / "demo.sqlite3")
    try:
        run_demo(db, "pinggu-court-2026", days=14, end=date(2026, 11, 20), seed=3)
        texts = _summaries(db)
    finally:
        db.close()
    assert any(t.startswith("演示数据 ") for t in texts)
    assert not [t for t in texts if ENGLISH.search(t)]
