from datetime import date

from app.services import agenda
from app.services.agenda import DueItem, DueState, state_of


def test_state_of_orders_overdue_due_upcoming() -> None:
    today = date(2026, 12, 1)
    assert state_of(date(2026, 11, 30), today) is DueState.OVERDUE
    assert state_of(today, today) is DueState.DUE
    assert state_of(date(2026, 12, 2), today) is DueState.UPCOMING


def test_due_items_sorts_overdue_first(db, pinggu, monkeypatch) -> None:
    today = date(2026, 12, 1)

    def provider(session, contract, day):
        yield DueItem("b", "later", date(2026, 12, 9), state_of(date(2026, 12, 9), day), 8)
        yield DueItem("a", "late", date(2026, 11, 20), state_of(date(2026, 11, 20), day), -11)

    monkeypatch.setattr(agenda, "PROVIDERS", ("tests.services.test_agenda:_p",))
    monkeypatch.setattr(agenda, "_load", lambda path: provider)
    items = agenda.due_items(db, pinggu.id, today)
    assert [i.title for i in items] == ["late", "later"]


def test_every_domain_that_owes_by_a_date_is_listed_once_and_loads() -> None:
    domains = {p.split(":")[0] for p in agenda.PROVIDERS}
    assert len(domains) == len(agenda.PROVIDERS)
    assert {"app.services.vault.due", "app.services.asset.due", "app.services.backup_due",
            "app.services.delivery.due"} <= domains
    for path in agenda.PROVIDERS:
        assert callable(agenda._load(path))
