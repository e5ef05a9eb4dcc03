"""Reports show the rotation history (dates, accounts, who), never the values."""

from __future__ import annotations

from datetime import date

from app.core.periods import period_containing
from app.reports.compose.composer import compose
from app.reports.data.builder import build_report_data
from app.services.vault import actions
from app.services.vault.actions import CredentialInput
from app.store.models import Contract
from tests.services.vault.conftest import memory_keyring, vault_store  # noqa: F401, E402

SECRET = "Report!Canary-77x"


def test_rotation_history_is_in_the_report_without_the_value(db, pinggu, vault_store) -> None:  # noqa: F811
    cid = actions.add_credential(db, pinggu.id, vault_store, actor="王建国",
                                 entry=CredentialInput("OA 系统", "root", host="10.0.0.8"), secret=SECRET,
                                 changed_on=date(2026, 1, 1)).value
    actions.rotate_credential(db, cid, vault_store, actor="李娜", secret=SECRET + "Y", how="typed")
    from app.core.timeutil import local_today

    today = local_today()
    with db.session() as s:
        contract = s.get(Contract, pinggu.id)
        period = period_containing("monthly", today, contract)
        data = build_report_data(s, contract, period)
    assert [(r["account"], r["actor"], r["how"]) for r in data.credential_rotations][-1] == ("root", "李娜", "typed")
    doc = compose(data)
    text = repr(doc)
    assert "李娜" in text and "root" in text and "密码轮换记录" in text
    assert SECRET not in text
