"""The team server (PostgreSQL): engineers at two workstations writing at once.

Runs only on the PostgreSQL run (``OPSLEDGER_TEST_PG``, ``scripts/ci_postgres.sh``): each test
opens a second ``Database`` on the fixture's server database, as a second workstation would.
"""

from __future__ import annotations

import os
import threading
from datetime import UTC, datetime

import pytest

from app.services.incident import workflow as incidents
from app.store.db import open_database

pytestmark = pytest.mark.skipif(not os.environ.get("OPSLEDGER_TEST_PG"),
                                reason="needs the PostgreSQL server (OPSLEDGER_TEST_PG)")

T0 = datetime(2026, 6, 1, 1, 0, tzinfo=UTC)


def _create(db, contract, title: str) -> str:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return incidents.create_incident(s, contract, actor=title, title=title, occurred_at=T0).number


def test_numbers_stay_unique_when_two_workstations_create_at_once(db, pinggu) -> None:  # type: ignore[no-untyped-def]
    first = _create(db, pinggu, "first of the year")  # the year's counter row exists
    other = open_database(db.url)
    got: dict[str, str] = {}
    try:
        with db.session() as s:  # workstation A holds the counter while B tries to create
            a = incidents.create_incident(s, pinggu, actor="A", title="A", occurred_at=T0)
            t = threading.Thread(target=lambda: got.setdefault("b", _create(other, pinggu, "B")))
            t.start()
            t.join(timeout=1.0)
            assert t.is_alive()  # B waits for A's transaction, it does not read a stale counter
            got["a"] = a.number
        t.join(timeout=30)
    finally:
        other.close()
    assert len({first, got["a"], got["b"]}) == 3


def test_two_engineers_editing_the_same_incident_get_a_conflict(db, pinggu) -> None:  # type: ignore[no-untyped-def]
    from app.errors import ConcurrentEditError

    number = _create(db, pinggu, "OA 无法登录")
    other = open_database(db.url)
    try:
        with db.session() as a, other.session() as b:
            shown_a = incidents.get_incident(a, number)  # noqa: F841 - both workstations show the
            shown_b = incidents.get_incident(b, number)  # incident (and keep what they read)
            assert shown_b.version == 1
            incidents.update_incident(a, number, actor="王建国", cause="交换机端口故障")
            a.commit()
            with pytest.raises(ConcurrentEditError, match=r"该故障已被 王建国 于 .* 修改，请刷新后重试") as exc:
                incidents.update_incident(b, number, actor="李晓明", cause="用户密码过期")
                b.flush()  # B saves over A's edit it never saw
            assert exc.value.code == "record.conflict"
        with db.session() as s:
            assert incidents.get_incident(s, number).cause == "交换机端口故障"  # A's edit stands
    finally:
        other.close()


def test_the_first_number_of_a_year_is_unique_when_two_workstations_create_at_once(db, pinggu) -> None:  # type: ignore[no-untyped-def]
    """No counter row yet for 2031: a SELECT … FOR UPDATE has nothing to lock; the upsert does."""
    t_2031 = datetime(2031, 3, 1, 1, 0, tzinfo=UTC)
    other = open_database(db.url)
    got: dict[str, str] = {}
    errors: list[BaseException] = []

    def create_b() -> None:
        try:
            with other.session() as s:
                got["b"] = incidents.create_incident(s, pinggu, actor="B", title="B", occurred_at=t_2031).number
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    try:
        with db.session() as s:
            got["a"] = incidents.create_incident(s, pinggu, actor="A", title="A", occurred_at=t_2031).number
            t = threading.Thread(target=create_b)
            t.start()
            t.join(timeout=1.0)
            assert t.is_alive()  # B waits on A's counter row
        t.join(timeout=30)
    finally:
        other.close()
    assert errors == []
    assert sorted(got.values()) == ["INC-2031-0001", "INC-2031-0002"]
