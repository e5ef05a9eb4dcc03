"""A vault entry points at its asset (migration 0010): picked by id or code, a code not in the
register is refused for a new entry and kept (visible) on an old one; the backfill matches codes
within the contract and keeps unmatched ones; the asset's accounts never carry a secret."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import select, text

import app.store.db as appdb
from app.errors import ValidationError
from app.services.vault import actions, entries
from app.services.vault.actions import CredentialInput
from app.services.vault.policy import Policy
from app.store.db import _alembic_config
from app.store.models import Asset, Credential

SECRET = "Asset-Link-Pw!42x"


def _asset(db, contract, code: str) -> Asset:
    with db.session() as s:
        return s.scalars(select(Asset).where(Asset.contract_id == contract.id, Asset.code == code)).one()


def _add(db, contract, store, account: str, **kw):
    entry = CredentialInput("机房UPS", account, host="10.0.0.5", policy=Policy(12, ("lower", "upper", "digits"), 30),
                            **kw)
    return actions.add_credential(db, contract.id, store, actor="王建国", entry=entry, secret=SECRET).value


def test_the_asset_is_picked_by_id_or_code_and_lists_its_accounts(db, pinggu, vault_store) -> None:
    ups = _asset(db, pinggu, "UPS-01")
    by_id = _add(db, pinggu, vault_store, "admin", asset_id=ups.id)
    by_code = _add(db, pinggu, vault_store, "operator", asset_code="UPS-01")
    _add(db, pinggu, vault_store, "nobody")
    with db.session() as s:
        assert {c.account: (c.asset_id, c.asset_code) for c in s.scalars(select(Credential))} == {
            "admin": (ups.id, "UPS-01"), "operator": (ups.id, "UPS-01"), "nobody": (None, None)}
    rows = entries.asset_accounts(db, ups.id)
    assert sorted(r.id for r in rows) == sorted([by_id, by_code])
    assert {(r.account, r.host, r.next_due_on is not None) for r in rows} == {("admin", "10.0.0.5", True),
                                                                             ("operator", "10.0.0.5", True)}
    assert SECRET not in repr(rows)
    listed = {r.account: r for r in entries.list_credentials(db, pinggu.id, search="机房UPS主机")}
    assert set(listed) == {"admin", "operator"} and listed["admin"].asset_name == "机房UPS主机"


def test_a_code_not_in_the_register_is_refused_and_nothing_is_written(db, pinggu, vault_store,
                                                                      memory_keyring) -> None:
    with pytest.raises(ValidationError) as err:
        _add(db, pinggu, vault_store, "admin", asset_code="SRV-404")
    assert err.value.field == "credential.asset_code" and "SRV-404" in str(err.value)
    with pytest.raises(ValidationError):
        _add(db, pinggu, vault_store, "admin", asset_id=uuid.uuid4())
    assert entries.list_credentials(db, pinggu.id) == [] and memory_keyring.store == {}


def test_an_unmatched_code_kept_by_the_migration_survives_an_edit(db, pinggu, vault_store) -> None:
    cid = _add(db, pinggu, vault_store, "admin")
    with db.session() as s:
        s.get(Credential, cid).asset_code = "OLD-7"  # as migration 0010 leaves a code it cannot match
    row = entries.credential_row(db, cid)
    assert row is not None and (row.asset_id, row.asset_code) == (None, "OLD-7")
    entry = CredentialInput("机房UPS", "admin", host="10.0.0.5", purpose="改了用途", asset_code="OLD-7",
                            policy=row.policy)
    actions.edit_credential(db, cid, actor="王建国", entry=entry)
    with db.session() as s:
        c = s.get(Credential, cid)
        assert (c.asset_id, c.asset_code, c.purpose) == (None, "OLD-7", "改了用途")
    with pytest.raises(ValidationError):  # a new unknown code is still refused
        actions.edit_credential(db, cid, actor="王建国", entry=CredentialInput(
            "机房UPS", "admin", host="10.0.0.5", asset_code="OLD-8", policy=row.policy))


def test_migration_0010_backfills_from_the_code_and_keeps_unmatched_codes(db, pinggu) -> None:
    ups = _asset(db, pinggu, "UPS-01")
    with db.engine.connect() as conn, appdb._foreign_keys_off(conn), conn.begin():
        command.downgrade(_alembic_config(conn), "0009")
    now = datetime.now(UTC)
    rows = {"matched": "UPS-01", "unmatched": "GONE-1", "none": None}
    with db.engine.begin() as conn:
        for account, code in rows.items():
            conn.execute(text(
                "INSERT INTO credential (id, contract_id, system, host, account, purpose, owner, asset_code, length,"
                " char_classes, rotation_days, secret_store, secret_service, secret_key, notes, created_at,"
                " updated_at) VALUES (:id, :cid, 'UPS', '', :account, '', '', :code, 12, 'lower', 30, 'keyring',"
                " 'OpsLedger', :account, '', :now, :now)"),
                {"id": uuid.uuid4() if db.engine.dialect.name != "sqlite" else uuid.uuid4().hex,
                 "cid": pinggu.id if db.engine.dialect.name != "sqlite" else pinggu.id.hex,
                 "account": account, "code": code, "now": now})
    with db.engine.connect() as conn, appdb._foreign_keys_off(conn), conn.begin():
        command.upgrade(_alembic_config(conn), "0010")
    with db.session() as s:
        got = {c.account: (c.asset_id, c.asset_code) for c in s.scalars(select(Credential))}
    assert got == {"matched": (ups.id, "UPS-01"), "unmatched": (None, "GONE-1"), "none": (None, None)}
    shown = {r.account: r for r in entries.list_credentials(db, pinggu.id)}
    assert shown["unmatched"].asset_code == "GONE-1" and shown["unmatched"].asset_id is None
