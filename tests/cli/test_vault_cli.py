"""``opsledger vault``: passwords from a hidden prompt, never arguments; a refused keyring names the
KDBX fallback; rotate moves the due date; export writes a KDBX file."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from pykeepass import PyKeePass

from app.cli import build_parser, main
from app.core.timeutil import local_today
from app.services.queries.lookup import get_contract
from app.services.vault import entries
from app.store.db import open_database
from tests.conftest import load_contract
from tests.services.vault.conftest import memory_keyring, vault_store  # noqa: F401


@pytest.fixture
def dbfile(tmp_path: Path) -> str:
    path = tmp_path / "cli.sqlite3"
    db = open_database(path)
    load_contract(db, "pinggu-court-2026")
    db.close()
    return str(path)


def _prompts(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    asked: list[str] = []
    it = iter(answers)

    def fake(prompt: str = "") -> str:
        asked.append(prompt)
        return next(it)

    monkeypatch.setattr("getpass.getpass", fake)
    return asked


def test_no_option_takes_a_password() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices["vault"]  # type: ignore[union-attr]
    for name, p in next(a for a in sub._actions if a.dest == "vault_command").choices.items():  # type: ignore[union-attr]
        options = {o for a in p._actions for o in a.option_strings}
        assert not any("pass" in o or "secret" in o for o in options), name


def test_add_list_rotate(dbfile: str, monkeypatch: pytest.MonkeyPatch, capsys: Any, memory_keyring: Any) -> None:  # noqa: F811
    _prompts(monkeypatch, "Cli-Secret-123", "Cli-Secret-123")
    assert main(["vault", "add", "--db", dbfile, "--system", "OA", "--account", "root", "--host", "10.0.0.9",
                 "--length", "10", "--rotation-days", "30", "--changed-on", "2026-01-05"]) == 0
    assert "2026-02-04" in capsys.readouterr().out
    assert list(memory_keyring.store.values()) == ["Cli-Secret-123"]
    assert main(["vault", "list", "--db", dbfile]) == 0
    listed = capsys.readouterr().out
    assert "root@10.0.0.9" in listed and "Cli-Secret-123" not in listed
    _prompts(monkeypatch, "mismatch-A1", "mismatch-B2")
    assert main(["vault", "rotate", "--db", dbfile, "root@10.0.0.9"]) == 1
    assert "两次输入不一致" in capsys.readouterr().err
    assert main(["vault", "rotate", "--db", dbfile, "root@10.0.0.9", "--generate"]) == 0
    out = capsys.readouterr().out
    due = local_today() + timedelta(days=30)
    assert due.isoformat() in out
    db = open_database(dbfile)
    try:
        with db.session() as s:
            contract_id = get_contract(s, None).id
        [row] = entries.list_credentials(db, contract_id)
        assert row.next_due_on == due
        assert [h.how for h in entries.rotation_history(db, row.id)] == ["generated", "initial"]
    finally:
        db.close()


def test_a_refused_keyring_offers_the_kdbx_file(dbfile: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: Any) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        asked = _prompts(monkeypatch)
        assert main(["vault", "add", "--db", dbfile, "--system", "OA", "--account", "root"]) == 1
        err = capsys.readouterr().err
        assert "没有可用的系统密钥环" in err and "--kdbx" in err
        assert asked == []  # refused before asking for a password
        kdbx = tmp_path / "v.kdbx"
        _prompts(monkeypatch, "Master-Pw-1", "Master-Pw-1", "Kdbx-Secret-9", "Kdbx-Secret-9")
        assert main(["vault", "add", "--db", dbfile, "--kdbx", str(kdbx), "--system", "OA", "--account", "root"]) == 0
        kp = PyKeePass(str(kdbx), password="Master-Pw-1")
        assert [e.password for e in kp.entries] == ["Kdbx-Secret-9"]
    finally:
        keyring.set_keyring(before)


def test_add_names_the_asset_by_code_and_refuses_an_unknown_code(dbfile: str, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: Any, memory_keyring: Any) -> None:  # noqa: F811
    _prompts(monkeypatch, "Ups-Secret-123", "Ups-Secret-123")
    assert main(["vault", "add", "--db", dbfile, "--system", "UPS", "--account", "admin", "--length", "10",
                 "--asset-code", "NOPE-9"]) == 1
    err = capsys.readouterr().err
    assert "NOPE-9" in err and "Traceback" not in err and memory_keyring.store == {}
    _prompts(monkeypatch, "Ups-Secret-123", "Ups-Secret-123")
    assert main(["vault", "add", "--db", dbfile, "--system", "UPS", "--account", "admin", "--length", "10",
                 "--asset-code", "UPS-01"]) == 0
    capsys.readouterr()
    assert main(["vault", "list", "--db", dbfile]) == 0
    assert "UPS-01" in capsys.readouterr().out
