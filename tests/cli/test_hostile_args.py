"""Every CLI command meets a bad ``--out`` or ``--db`` with a sentence naming it — never a
traceback — and writes nothing (issue #9 item 6): ``--out`` a folder, below a file, in a
read-only place (a folder that does not exist yet is created by the writer, as reports always did); ``--db`` a text file; a ``--db`` that does not exist is created
only by the commands meant to create a ledger (``contract import``, ``demo``; the GUI's first
start), the others refuse it naming the path."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import common
from app.cli import main as cli

pytestmark = pytest.mark.sqlite_only

#: Every command that opens a ledger, with the arguments it needs (``{tmp}`` = a scratch folder).
READERS = [
    ["check"], ["contract", "list"], ["contract", "export", "pinggu-court-2026", "--out", "{tmp}/p.yaml"],
    ["inspect", "due"], ["inspect", "history"],
    ["export", "incidents", "--from", "2026-11-01", "--to", "2026-11-30", "--out", "{tmp}/i.xlsx"],
    ["import", "incidents", "{tmp}/none.xlsx", "--dry-run"],
    ["report", "--kind", "monthly", "--period", "2026-11", "--out", "{tmp}/r.pdf"], ["report", "--list"],
    ["calendar", "list"], ["calendar", "show", "2026"], ["calendar", "export", "2026", "--out", "{tmp}/c.yaml"],
    ["calendar", "remove", "2027"], ["backup"],
]
#: Commands with ``--out FILE``.
WRITERS = [argv for argv in READERS if "--out" in argv]


def _argv(argv: list[str], tmp: Path, db: str, out: str | None = None) -> list[str]:
    args = [a.replace("{tmp}", str(tmp)) for a in argv]
    if out is not None:
        args[args.index("--out") + 1] = out
    return [*args, "--db", db]


def _files(folder: Path) -> set[Path]:
    """Files under ``folder`` (the test's data folder ``home``, which holds the log, left out)."""
    return {p for p in folder.rglob("*") if p.is_file() and "home" not in p.relative_to(folder).parts[:1]}


@pytest.fixture
def ledger(tmp_path: Path) -> str:
    path = tmp_path / "ledger.sqlite3"
    assert cli(["contract", "import", "pinggu-court-2026", "--db", str(path)]) == 0
    return str(path)


@pytest.mark.parametrize("argv", READERS, ids=lambda a: " ".join(a[:2]))
def test_db_naming_a_text_file_is_a_sentence(argv, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    text = tmp_path / "notes.txt"
    text.write_text("会议纪要\n" * 40, encoding="utf-8")
    before = text.read_bytes()
    assert cli(_argv(argv, tmp_path, str(text))) == 1
    err = capsys.readouterr().err
    assert f"{text} 不是 OpsLedger 数据库" in err and "Traceback" not in err
    assert text.read_bytes() == before and _files(tmp_path) == {text}


@pytest.mark.parametrize("argv", READERS, ids=lambda a: " ".join(a[:2]))
def test_a_missing_db_is_refused_naming_the_path(argv, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    typo = tmp_path / "ledgr.sqlite3"
    assert cli(_argv(argv, tmp_path, str(typo))) == 1
    err = capsys.readouterr().err
    assert f"{typo} 处没有数据库" in err and "Traceback" not in err
    assert not typo.exists() and _files(tmp_path) == set()


def test_only_creating_commands_create_a_missing_db(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert cli(["contract", "import", "pinggu-court-2026", "--db", str(a)]) == 0 and a.exists()
    assert cli(["demo", "--db", str(b), "--contract", "pinggu-court-2026", "--days", "3", "--end", "2026-11-20"]) == 0
    assert b.exists()
    capsys.readouterr()


@pytest.mark.parametrize("argv", WRITERS, ids=lambda a: " ".join(a[:2]))
def test_out_naming_a_folder_is_a_sentence(argv, ledger: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    folder.mkdir()
    assert cli(_argv(argv, tmp_path, ledger, str(folder))) == 1
    err = capsys.readouterr().err
    assert f"--out（输出文件）：{folder} 是一个文件夹" in err and "Traceback" not in err
    assert _files(folder) == set()


@pytest.mark.parametrize("argv", WRITERS, ids=lambda a: " ".join(a[:2]))
def test_out_in_a_folder_that_does_not_exist_yet_is_written_there(argv, ledger: str, tmp_path: Path,
                                                                   capsys) -> None:  # type: ignore[no-untyped-def]
    """Every exporter creates the missing folders of ``--out`` (the report command always did),
    but only once it has its data: a command refused earlier creates nothing."""
    out = tmp_path / "new-folder" / "sub" / ("x" + Path(argv[argv.index("--out") + 1]).suffix)
    assert cli(_argv(argv, tmp_path, ledger, str(out))) == 0, capsys.readouterr().err
    assert out.is_file()
    missing = tmp_path / "other-folder" / "x.pdf"
    assert cli(_argv(argv, tmp_path, str(tmp_path / "typo.sqlite3"), str(missing))) == 1
    assert not missing.parent.exists()
    capsys.readouterr()


@pytest.mark.parametrize("argv", WRITERS, ids=lambda a: " ".join(a[:2]))
def test_out_in_a_read_only_place_is_a_sentence(argv, ledger: str, tmp_path: Path, capsys,
                                                monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    ro = tmp_path / "ro"
    ro.mkdir()
    monkeypatch.setattr(common, "_writable", lambda folder: Path(folder) != ro)  # a read-only mount
    out = ro / "x.out"
    assert cli(_argv(argv, tmp_path, ledger, str(out))) == 1
    err = capsys.readouterr().err
    assert f"无法写入 {out}：该位置只读或没有权限" in err and "Traceback" not in err
    assert _files(ro) == set()


def test_out_below_a_file_is_a_sentence(ledger: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    out = blocker / "sub" / "r.pdf"
    assert cli(["report", "--kind", "monthly", "--period", "2026-11", "--out", str(out), "--db", ledger]) == 1
    err = capsys.readouterr().err
    assert "不是文件夹" in err and "Traceback" not in err
