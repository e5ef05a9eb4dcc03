"""One writer per database FILE: every name that reaches the file meets the same lock, and a
place where no lock can be held is refused with a sentence (issue #9 item 1)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import app.store.db as appdb
from app.core import i18n
from app.errors import DatabaseLockedError, OpsLedgerError
from app.store.db import network_fstype, open_database

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def english():  # type: ignore[no-untyped-def]
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")


def test_hard_link_second_open_is_refused(tmp_path: Path, english) -> None:  # type: ignore[no-untyped-def]
    first = open_database(tmp_path / "a.sqlite3")
    other = tmp_path / "elsewhere"
    other.mkdir()
    os.link(tmp_path / "a.sqlite3", other / "b.sqlite3")
    try:
        with pytest.raises(DatabaseLockedError, match="already open"):
            open_database(other / "b.sqlite3")
    finally:
        first.close()
    open_database(other / "b.sqlite3").close()  # free once the first closed


def test_symlink_url_second_open_is_refused(tmp_path: Path) -> None:
    first = open_database(tmp_path / "a.sqlite3")
    (tmp_path / "link.sqlite3").symlink_to(tmp_path / "a.sqlite3")
    try:
        with pytest.raises(DatabaseLockedError, match="已在另一个 OpsLedger 窗口"):
            open_database(f"sqlite:///{tmp_path / 'link.sqlite3'}")
    finally:
        first.close()


def test_folder_that_is_a_file_is_refused_with_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(OpsLedgerError, match="无法打开或创建数据库文件 .*notes.txt"):
        open_database(tmp_path / "notes.txt" / "ledger.sqlite3")


def test_filesystem_without_locks_is_refused_with_a_sentence(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, english) -> None:  # type: ignore[no-untyped-def]
    def no_locks(_fd: int, _op: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr("fcntl.flock", no_locks)
    with pytest.raises(OpsLedgerError, match="cannot hold a file lock .No locks available") as err:
        open_database(tmp_path / "a.sqlite3")
    assert not isinstance(err.value, DatabaseLockedError)  # not a misleading "already open"


def test_network_share_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, english) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(appdb, "network_fstype", lambda _p: "nfs4")
    with pytest.raises(OpsLedgerError, match=r"network share \(nfs4\)"):
        open_database(tmp_path / "a.sqlite3")
    assert not (tmp_path / "a.sqlite3").exists()  # nothing created there


def test_network_fstype_reads_the_longest_mount() -> None:
    mounts = ("/dev/sda1 / ext4 rw 0 0\n"
              "srv:/export /mnt/share nfs4 rw 0 0\n"
              "//nas/team /mnt/share/smb cifs rw 0 0\n"
              "tmpfs /mnt/share/smb/local tmpfs rw 0 0\n")
    assert network_fstype(Path("/mnt/share/ledger.sqlite3"), mounts) == "nfs4"
    assert network_fstype(Path("/mnt/share/smb/x/ledger.sqlite3"), mounts) == "cifs"
    assert network_fstype(Path("/mnt/share/smb/local/ledger.sqlite3"), mounts) is None
    assert network_fstype(Path("/mnt/sharep/ledger.sqlite3"), mounts) is None
    assert network_fstype(Path("/home/e/ledger.sqlite3"), mounts) is None


def test_another_process_is_refused_through_a_hard_link(tmp_path: Path) -> None:
    import subprocess
    import sys

    first = open_database(tmp_path / "a.sqlite3")
    os.link(tmp_path / "a.sqlite3", tmp_path / "b.sqlite3")
    code = ("import sys\nfrom app.errors import DatabaseLockedError\nfrom app.store.db import open_database\n"
            "try:\n    open_database(sys.argv[1])\nexcept DatabaseLockedError:\n    sys.exit(3)\n")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "OPSLEDGER_HOME": str(tmp_path / "home2")}
    try:
        rc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "b.sqlite3")], check=False,
                            env=env, timeout=60).returncode
    finally:
        first.close()
    assert rc == 3


def test_lock_file_named_by_identity_refuses_a_hard_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(appdb, "LOCK_DATABASE_FILE", False)  # the macOS/Windows way, on this OS
    first = open_database(tmp_path / "a.sqlite3")
    os.link(tmp_path / "a.sqlite3", tmp_path / "b.sqlite3")
    try:
        with pytest.raises(DatabaseLockedError):
            open_database(tmp_path / "b.sqlite3")
        st = (tmp_path / "a.sqlite3").stat()
        assert (appdb.paths.data_dir() / "locks" / f"{st.st_dev:x}-{st.st_ino:x}.lock").exists()
    finally:
        first.close()
    open_database(tmp_path / "b.sqlite3").close()
