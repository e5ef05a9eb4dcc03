"""Vault actions: add, rotate (history, due date reset), view/copy audited without the secret."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.core.timeutil import local_today
from app.errors import ValidationError
from app.services import agenda
from app.services.vault import actions, entries
from app.services.vault.actions import CredentialInput
from app.services.vault.policy import Policy
from app.store.models import AuditEvent, Credential

SECRET = "Zq7!canary-Secret-4711"


def _add(db, contract, store, **kw):
    entry = CredentialInput("审判流程管理数据库", "sa", host="10.10.1.20", purpose="数据库管理员",
                            owner="王建国", asset_code="UPS-01", policy=Policy(12, ("lower", "upper", "digits"), 90))
    return actions.add_credential(db, contract.id, store, actor="王建国", entry=entry, secret=SECRET, **kw).value


def test_add_keeps_the_secret_in_the_store_only(db, pinggu, vault_store, memory_keyring) -> None:
    cid = _add(db, pinggu, vault_store)
    assert list(memory_keyring.store.values()) == [SECRET]
    with db.session() as s:
        c = s.get(Credential, cid)
        assert c.secret_service == "OpsLedger" and c.secret_key == str(cid) and c.secret_store == "keyring"
        assert c.next_due_on == local_today() + timedelta(days=90)
        events = list(s.scalars(select(AuditEvent)))
        assert SECRET not in json.dumps([(e.summary, e.details) for e in events], ensure_ascii=False)


def test_duplicate_account_is_refused_and_nothing_is_stored(db, pinggu, vault_store, memory_keyring) -> None:
    _add(db, pinggu, vault_store)
    with pytest.raises(ValidationError) as exc:
        _add(db, pinggu, vault_store)
    assert exc.value.field == "credential.account"
    assert len(memory_keyring.store) == 1


def test_a_store_refusal_writes_no_row(db, pinggu, vault_store) -> None:
    with pytest.raises(ValidationError):
        actions.add_credential(db, pinggu.id, vault_store, actor="x", entry=CredentialInput("OA", "root"),
                               secret="x" * 1281)
    assert entries.list_credentials(db, pinggu.id) == []


def test_rotation_resets_due_date_and_records_who_and_when(db, pinggu, vault_store, memory_keyring) -> None:
    cid = _add(db, pinggu, vault_store, changed_on=date(2026, 6, 1))
    assert entries.credential_row(db, cid).next_due_on == date(2026, 8, 30)
    assert entries.credential_row(db, cid).due_state == "overdue"
    due = actions.rotate_credential(db, cid, vault_store, actor="李娜", secret="NewPassw0rdXY", how="typed",
                                    note="季度更换").value
    assert due == local_today() + timedelta(days=90)
    row = entries.credential_row(db, cid)
    assert row.next_due_on == due and row.due_state == "ok"
    history = entries.rotation_history(db, cid)
    assert [(h.actor, h.how) for h in history] == [("李娜", "typed"), ("王建国", "initial")]
    assert history[0].previous_due_on == date(2026, 8, 30) and history[0].next_due_on == due
    assert memory_keyring.store[("OpsLedger", str(cid))] == "NewPassw0rdXY"


def test_a_typed_rotation_below_the_policy_is_refused(db, pinggu, vault_store) -> None:
    cid = _add(db, pinggu, vault_store)
    with pytest.raises(ValidationError) as exc:
        actions.rotate_credential(db, cid, vault_store, actor="x", secret="short", how="typed")
    assert exc.value.field == "credential.secret"
    assert len(entries.rotation_history(db, cid)) == 1


def test_view_and_copy_are_audited_without_the_value(db, pinggu, vault_store) -> None:
    cid = _add(db, pinggu, vault_store)
    assert actions.reveal_secret(db, cid, vault_store, actor="王建国", purpose="view").value == SECRET
    assert actions.reveal_secret(db, cid, vault_store, actor="王建国", purpose="copy").value == SECRET
    with db.session() as s:
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.entity_kind == "credential")))
        assert sorted(e.action for e in events) == ["credential.add", "credential.copy", "credential.view"]
        assert all(SECRET not in json.dumps(e.details) + e.summary for e in events)


def test_overdue_rotation_is_on_the_agenda(db, pinggu, vault_store) -> None:
    _add(db, pinggu, vault_store, changed_on=date(2026, 6, 1))
    items = agenda.due_items(db, pinggu.id, date(2026, 12, 1))
    rot = [i for i in items if i.kind == "credential_rotation"]
    assert len(rot) == 1 and rot[0].state == "overdue" and "sa@10.10.1.20" in rot[0].title
    assert rot[0].source == "司法局 §2.3.1.4"


def test_export_writes_a_kdbx_keepassxc_opens(db, pinggu, vault_store, tmp_path) -> None:
    from pykeepass import PyKeePass

    _add(db, pinggu, vault_store)
    n = actions.export_vault(db, pinggu.id, vault_store, tmp_path / "out.kdbx", "Export-Master-1", actor="x").value
    assert n == 1
    kp = PyKeePass(str(tmp_path / "out.kdbx"), password="Export-Master-1")
    assert [e.password for e in kp.entries] == [SECRET]


def test_reminder_counts_working_days_of_the_official_calendar(db, pinggu, vault_store) -> None:
    """Due Mon 12 Oct 2026, after National Day (1–7 Oct off) with Sat 10 Oct a make-up working day:
    five working days ahead is Tue 29 Sep (30 Sep, 8, 9, 10, 12 Oct), not 7 Oct."""
    _add(db, pinggu, vault_store, changed_on=date(2026, 10, 12) - timedelta(days=90))
    listed = [i for i in agenda.due_items(db, pinggu.id, date(2026, 9, 29)) if i.kind == "credential_rotation"]
    assert len(listed) == 1 and listed[0].state == "upcoming" and listed[0].due_on == date(2026, 10, 12)
    assert "5 个工作日" in listed[0].title and listed[0].days_left == 13
    assert not [i for i in agenda.due_items(db, pinggu.id, date(2026, 9, 28)) if i.kind == "credential_rotation"]
