"""A wrong ``--db`` or ``--out`` is refused with a sentence naming it, never a traceback, and a
mistyped ``--db`` is not silently created (issue #9 item 6)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from app.cli import main
from app.cli.common import os_error_sentence
from app.errors import OpsLedgerError
from app.store.db import open_database

pytestmark = pytest.mark.sqlite_only


def test_missing_db_is_refused_by_commands_that_do_not_create(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    typo = tmp_path / "ledgr.sqlite3"
    for argv in (["check", "--db", str(typo)], ["inspect", "due", "--db", str(typo)],
                 ["contract", "list", "--db", str(typo)], ["--db", str(typo), "inspect", "due"]):
        assert main(argv) == 1, argv
        err = capsys.readouterr().err
        assert f"{typo} 处没有数据库" in err and "Traceback" not in err
        assert not typo.exists(), argv


def test_demo_and_contract_import_create_a_new_ledger(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    new = tmp_path / "new.sqlite3"
    assert main(["contract", "import", "pinggu-court-2026", "--db", str(new)]) == 0
    assert new.exists()
    assert main(["contract", "list", "--db", str(new)]) == 0
    capsys.readouterr()


def test_db_naming_a_text_file_is_a_sentence(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    text = tmp_path / "notes.txt"
    text.write_text("meeting notes\n" * 50, encoding="utf-8")
    before = text.read_bytes()
    assert main(["inspect", "due", "--db", str(text)]) == 1
    err = capsys.readouterr().err
    assert f"{text} 不是 OpsLedger 数据库" in err and "Traceback" not in err
    assert text.read_bytes() == before
    with pytest.raises(OpsLedgerError, match="不是 OpsLedger 数据库"):  # from the store itself
        open_database(text)


def test_out_naming_a_folder_is_a_sentence(db, pinggu, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = db.url
    db.close()
    folder = tmp_path / "reports"
    folder.mkdir()
    rc = main(["export", "inspections", "--db", target, "--from", "2026-11-01", "--to", "2026-11-30",
               "--out", str(folder)])
    err = capsys.readouterr().err
    assert rc == 1
    assert f"{folder} 是一个文件夹" in err and "Traceback" not in err


def test_out_in_a_read_only_place_is_a_sentence(db, pinggu, tmp_path: Path, capsys,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from app.services.transfer import inspection_log

    out = tmp_path / "ro" / "log.xlsx"
    out.parent.mkdir()  # the folder exists; the OS refuses the write (a read-only mount)

    def read_only(*_a, **_k):  # type: ignore[no-untyped-def]
        raise OSError(errno.EROFS, "Read-only file system", str(out))

    monkeypatch.setattr(inspection_log, "export_inspection_log", read_only)
    target = db.url
    db.close()
    rc = main(["export", "inspections", "--db", target, "--from", "2026-11-01", "--to", "2026-11-30",
               "--out", str(out)])
    err = capsys.readouterr().err
    assert rc == 1 and f"无法写入 {out}：该位置只读或没有权限" in err


def test_os_error_sentences_name_the_path() -> None:
    assert "没有权限" in os_error_sentence(PermissionError(errno.EACCES, "Permission denied", "/x/a.pdf"))
    assert "/x/a.pdf" in os_error_sentence(FileNotFoundError(errno.ENOENT, "No such file", "/x/a.pdf"))
    assert "不是文件夹" in os_error_sentence(NotADirectoryError(errno.ENOTDIR, "Not a directory", "/x/a.pdf"))


def test_unreachable_server_is_a_sentence_without_the_password(capsys) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("psycopg", reason="the postgres extra is not installed")
    assert main(["check", "--db", "postgresql+psycopg://eng:secret@127.0.0.1:1/ledger"]) == 1
    err = capsys.readouterr().err
    assert "无法连接数据库服务器 postgresql+psycopg://eng:***@127.0.0.1:1/ledger" in err
    assert "secret" not in err and "Traceback" not in err


def test_missing_database_driver_is_a_sentence(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", "--db", "mysql+mysqldb://eng@127.0.0.1/ledger"]) == 1
    err = capsys.readouterr().err
    assert "未安装 mysql 的数据库驱动" in err and "opsledger[postgres]" in err
