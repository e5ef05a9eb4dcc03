"""Free-text search of the incident list finds exactly what ``LIKE '%…%'`` over the searched
columns finds — Chinese words of 1, 2 and 3+ characters, English in any case, numbers, several
words — through the full-text index on SQLite and the trigram indexes on PostgreSQL, and stays
right after records are edited and deleted."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import delete, insert, select, update

from app.core.timeutil import utcnow
from app.services.queries import listing
from app.store.models import Incident

TITLES = ["核心交换机端口故障", "服务器宕机", "打印机卡纸", "UPS Battery low", "空调漏水 机房",
          "网站 502 Bad Gateway", "OA 登录失败", "数据库连接池耗尽", "摄像头离线", "电话交换机无信号",
          "交换机", "换机房", "printer jam 2024", "Router reboot #17", "100% 磁盘 full_disk"]
QUERIES = ["交", "机", "换机", "交换机", "交换机端口", "机房", "服务器宕机", "ups", "UPS", "battery",
           "BAD gateway", "502", "2024", "17", "#17", "100%", "full_disk", "_", "%", "交换机 故障",
           "机 OA", "张三", "用户7", "dept", "没有这个词", "INC-S-0003", "s-00"]


@pytest.fixture
def corpus(db, pinggu):  # type: ignore[no-untyped-def]
    now = utcnow().replace(microsecond=0)
    rows = []
    for i in range(60):
        at = now - timedelta(hours=i)
        rows.append({"id": uuid.uuid4(), "number": f"INC-S-{i:04d}", "contract_id": pinggu.id,
                     "title": TITLES[i % len(TITLES)], "description": TITLES[(i * 7) % len(TITLES)] if i % 3 else "",
                     "severity": "P2", "source": "phone", "status": ("new", "closed")[i % 2],
                     "reporter_department": "Dept 信息科" if i % 4 == 0 else "", "reporter_name": f"用户{i % 9}",
                     "reporter_phone": "", "occurred_at": at, "reported_at": at, "created_at": at, "updated_at": at,
                     "cause_category": "", "cause": "", "resolution": "", "vendor_case_number": "",
                     "root_cause_analysis": ""})
    with db.session() as s:
        s.execute(insert(Incident), rows)
    return pinggu.id


def _like_ids(db, cid, text: str) -> set[uuid.UUID]:  # type: ignore[no-untyped-def]
    cols = [Incident.number, Incident.title, Incident.description, Incident.reporter_name,
            Incident.reporter_department]
    clause = listing._text_clause(text, cols)  # the LIKE form, no index
    with db.session() as s:
        return set(s.scalars(select(Incident.id).where(Incident.contract_id == cid, clause)))


def _search_ids(db, cid, text: str) -> set[uuid.UUID]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        rows = listing.query_incidents(s, cid, listing.IncidentFilter(text=text), limit=None)
        assert listing.count_incidents(s, cid, listing.IncidentFilter(text=text)) == len(rows)
    return {r.id for r in rows}


def test_search_equals_like_on_the_corpus(db, corpus) -> None:  # type: ignore[no-untyped-def]
    found_any = 0
    for q in QUERIES:
        want = _like_ids(db, corpus, q)
        assert _search_ids(db, corpus, q) == want, q
        found_any += bool(want)
    assert found_any >= len(QUERIES) - 3  # the corpus really exercises the queries


def test_search_follows_edits_and_deletes(db, corpus) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        first = s.scalars(select(Incident.id).where(Incident.number == "INC-S-0000")).one()
        s.execute(update(Incident).where(Incident.id == first).values(title="光纤收发器告警"))
        s.execute(delete(Incident).where(Incident.number == "INC-S-0001"))
    for q in ("光纤收发器", "收发", "核心交换机", "服务器宕机"):
        assert _search_ids(db, corpus, q) == _like_ids(db, corpus, q), q
    assert first in _search_ids(db, corpus, "光纤收发器")


@pytest.mark.sqlite_only
def test_sqlite_uses_the_full_text_index_for_three_characters(db, corpus) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        assert listing._incident_fts(s) is not None
        stmt = select(Incident.id).where(listing._text_clause("交换机", [Incident.title], listing._incident_fts(s)))
        sql = str(stmt.compile(s.get_bind()))
    assert "MATCH" in sql and "LIKE" not in sql.upper().replace("MATCH", "")
