"""Engine and session factory: the embedded SQLite file by default, any SQLAlchemy URL otherwise.

``open_database(target)`` resolves the store (argument, then ``OPSLEDGER_DB``, then
``<data_dir>/opsledger.sqlite3``), applies SQLite pragmas (WAL, ``synchronous=FULL``,
``foreign_keys=ON``), takes an exclusive lock on a SQLite file itself (not on its name: a hard
link or symlink meets the same lock; see ``_FileLock``) so a second instance is refused, refuses a
file on a network share, keeps a copy of the file before any schema upgrade, and upgrades to Alembic head.

SQLite and transactions: Python's ``sqlite3`` commits DDL outside an explicit BEGIN, so the engine
switches the driver to autocommit and emits ``BEGIN`` itself; a migration that fails halfway rolls
back whole, and if anything is still wrong the pre-upgrade copy is restored.
"""

from __future__ import annotations

import ast
import functools
import logging
import os
import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy import insert as sa_insert
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app import paths
from app.core.i18n import N_, _
from app.errors import DatabaseLockedError, Msg, OpsLedgerError
from app.store.snapshot import Snapshot, verified_copy
from app.store.versioning import LedgerSession

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
log = logging.getLogger(__name__)


def resolve_url(target: str | os.PathLike[str] | None = None) -> str:
    """Turn a path or URL (or ``None``: ``OPSLEDGER_DB``, then the default file) into a URL."""
    raw = os.fspath(target) if target is not None else os.environ.get("OPSLEDGER_DB") or ""
    if not raw:
        raw = os.fspath(paths.default_db_path())
    if "://" in raw:
        return raw
    return f"sqlite:///{Path(raw).expanduser().resolve()}"


def _sqlite_file(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def sqlite_file(target: str | os.PathLike[str] | None = None) -> Path | None:
    """The SQLite file ``target`` names (see ``resolve_url``), or ``None`` for a server URL."""
    return _sqlite_file(resolve_url(target))


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (transactional DDL)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")


#: Filesystem types (``/proc/mounts``) on which SQLite's locking, and so WAL, cannot be trusted:
#: https://www.sqlite.org/useovernet.html
NETWORK_FSTYPES = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs"})


def network_fstype(path: Path, mounts: str | None = None) -> str | None:
    """The network filesystem type ``path`` lives on (``"nfs4"``, ``"cifs"`` …), else ``None``.

    Linux only: reads ``/proc/mounts`` (or ``mounts``, its text, for tests) and takes the longest
    mount point containing the resolved path; elsewhere, or when unreadable, ``None``.
    """
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    real = os.path.realpath(path)
    best, fstype = "", None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = real == point or real.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, fstype = point, parts[2]
    return fstype if fstype in NETWORK_FSTYPES else None


#: Linux: lock the database file itself (see ``_FileLock._lock``); elsewhere a file named by its id.
LOCK_DATABASE_FILE = sys.platform.startswith("linux")


def _lock_fd(fd: int) -> None:
    """An exclusive, non-blocking OS lock on ``fd``; ``BlockingIOError`` when already held."""
    if os.name != "nt":
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    import errno
    import msvcrt

    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EDEADLK):
            raise BlockingIOError(exc.errno, str(exc)) from exc
        raise


class _FileLock:
    """An exclusive OS lock held on the database FILE (whatever name reaches it).

    Linux: ``flock`` on a descriptor of the database file itself, so a hard link or a symlink
    to it meets the same lock (``flock`` and SQLite's own ``fcntl`` locks are independent).
    Elsewhere: a lock file named by the file's identity (see ``_lock``; ``msvcrt`` on Windows).
    The OS drops either if the process dies.  ``acquire``
    creates an empty database file when there is none, and raises ``DatabaseLockedError`` when
    another process holds it, ``OpsLedgerError`` (a sentence naming the reason) when the folder
    or filesystem cannot hold a lock or is a network share.
    """

    def __init__(self, db_file: Path) -> None:
        self.db_file = db_file
        self._fd: int | None = None

    def _create(self) -> None:
        """Make the folder and an empty file, refusing with a sentence when that is impossible."""
        try:
            self.db_file.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.db_file, os.O_RDWR | os.O_CREAT, 0o644)
        except IsADirectoryError:
            raise OpsLedgerError(_("{path} is a folder, not a database file", path=self.db_file)) from None
        except OSError as exc:
            raise OpsLedgerError(_("cannot open or create the database file {path} ({reason})",
                                   path=self.db_file, reason=exc.strerror or exc)) from exc
        self._fd = fd

    def acquire(self) -> None:
        fstype = network_fstype(self.db_file.parent if not self.db_file.exists() else self.db_file)
        if fstype:
            raise OpsLedgerError(_(
                "{path} is on a network share ({fstype}); SQLite cannot lock files there reliably "
                "and the ledger would be corrupted. Keep the database on a local disk, or use the "
                "team server (a PostgreSQL URL).", path=self.db_file, fstype=fstype))
        self._create()
        assert self._fd is not None
        try:
            self._lock(self._fd)
        except BlockingIOError as exc:
            self.release()
            raise DatabaseLockedError(_(
                "database {path} is already open in another OpsLedger window or process "
                "(possibly under another name: a link to the same file); close it first",
                path=self.db_file)) from exc
        except OSError as exc:
            self.release()
            raise OpsLedgerError(_(
                "the folder of {path} cannot hold a file lock ({reason}); without it two windows "
                "could write at once and lose each other's work. Keep the database on a local disk.",
                path=self.db_file, reason=exc.strerror or exc)) from exc

    def _lock(self, fd: int) -> None:
        """Take the lock without waiting; ``BlockingIOError`` when another process holds it.

        Linux locks the database file itself (``flock``, independent of SQLite's ``fcntl``
        locks).  Elsewhere (macOS/BSD, where ``flock`` and ``fcntl`` locks share one list and
        could block SQLite; Windows, where locks are mandatory) a lock file named by the file's
        identity, ``<data_dir>/locks/<st_dev>-<st_ino>.lock``, holds it instead.
        """
        if LOCK_DATABASE_FILE:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        st = os.fstat(fd)
        path = paths.data_dir() / "locks" / f"{st.st_dev:x}-{st.st_ino:x}.lock"
        path.parent.mkdir(parents=True, exist_ok=True)
        lock_fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _lock_fd(lock_fd)
        except OSError:
            os.close(lock_fd)
            raise
        os.close(fd)  # the database file stays unlocked by us; the id-named file holds the lock
        self._fd = lock_fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


@dataclass
class Database:
    """An open store: ``engine``, a ``sessionmaker`` and, for SQLite files, the held lock."""

    url: str
    engine: Engine
    sessionmaker: sessionmaker[Session]
    file: Path | None = None
    pre_upgrade_copy: Path | None = None
    _lock: _FileLock | None = field(default=None, repr=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        with self.sessionmaker.begin() as s:
            yield s

    def close(self) -> None:
        """Dispose the engine and release the lock file."""
        self.engine.dispose()
        if self._lock:
            self._lock.release()
            self._lock = None


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", os.fspath(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


_REVISION_RE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*(?:#.*)?$", re.MULTILINE)


def _shipped_revisions() -> dict[str, tuple[str, ...]]:
    """``_scan_revisions`` of the current ``MIGRATIONS_DIR``."""
    return _scan_revisions(MIGRATIONS_DIR)


@functools.lru_cache(maxsize=4)
def _scan_revisions(migrations: Path) -> dict[str, tuple[str, ...]]:
    """revision → its down revisions, read from the file texts of the versions folder (no Alembic
    import: the start only needs to know whether an upgrade is due).  A file whose ids are not
    plain literals is skipped (``head_revision`` then asks Alembic, which reads every file)."""
    out: dict[str, tuple[str, ...]] = {}
    for f in sorted((migrations / "versions").glob("*.py")):
        found = dict(_REVISION_RE.findall(f.read_text(encoding="utf-8")))
        try:
            rev = ast.literal_eval(found["revision"])
            down = ast.literal_eval(found.get("down_revision", "None"))
        except (KeyError, ValueError, SyntaxError):
            continue
        out[str(rev)] = tuple(down) if isinstance(down, (tuple, list)) else (() if down is None else (str(down),))
    return out


def head_revision() -> str:
    """The newest Alembic revision shipped with this build: the one revision no other names as its
    down revision (from the versions folder's files; Alembic is asked only when they name no
    single head — it then raises as before)."""
    revs = _shipped_revisions()
    downs = {d for ds in revs.values() for d in ds}
    heads = [r for r in revs if r not in downs]
    if len(heads) == 1:
        return heads[0]
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config(None)).get_current_head() or ""


def known_revisions() -> set[str]:
    """Every Alembic revision this build ships (a database stamped otherwise is from a newer build)."""
    return set(_shipped_revisions())


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or ``None`` for an empty store: one query,
    ``SELECT version_num FROM alembic_version`` (Alembic is loaded only for a database stamped
    with several heads, where it raises as before)."""
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("SELECT version_num FROM alembic_version")]
    except DBAPIError:  # no such table: an empty store
        return None
    if len(rows) <= 1:
        return rows[0] if rows else None
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _copy_sqlite(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(src) as s, sqlite3.connect(dest) as d:
        s.backup(d)
    s.close()
    d.close()


class UpgradeRefused(RuntimeError):
    """An upgrade step left the data different from before (rows lost or foreign keys broken)."""


def _row_counts(conn: Any, tables: list[str]) -> dict[str, int]:
    """Rows per table; ``tables`` come from the inspector, never from user input."""
    return {t: conn.exec_driver_sql(f'SELECT COUNT(*) FROM "{t}"').scalar_one() for t in tables}


def _verify_data_kept(conn: Any, before: dict[str, int]) -> None:
    """Raise ``UpgradeRefused`` when a table that existed before has another row count now, or
    (SQLite) ``PRAGMA foreign_key_check`` finds a row pointing at nothing."""
    names = set(inspect(conn).get_table_names())
    after = _row_counts(conn, [t for t in before if t in names])
    changed = [f"{t}: {n} → {after.get(t, 0)}" for t, n in before.items() if after.get(t, 0) != n]
    if changed:
        raise UpgradeRefused(_("rows would be lost ({tables})", tables="; ".join(changed)))
    if conn.dialect.name == "sqlite":
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
        if broken:
            where = "; ".join(sorted({f"{r[0]} → {r[2]}" for r in broken}))
            raise UpgradeRefused(_("{count} rows would point at missing records ({tables})",
                                   count=len(broken), tables=where))


@contextmanager
def _foreign_keys_off(conn: Any) -> Iterator[None]:
    """SQLite: ``PRAGMA foreign_keys=OFF`` on this connection for the block (then ON again).

    The pragma is a no-op inside a transaction, so it is set on the DBAPI connection before
    SQLAlchemy begins one.  Without it, a batch table rebuild's ``DROP TABLE`` cascades: the
    children's rows (``ON DELETE CASCADE``) are deleted and their references (``SET NULL``)
    cleared.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    raw = conn.connection.dbapi_connection
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def _pre_upgrade_copy(db: Database, cur: str | None) -> tuple[Snapshot, datetime]:
    """The verified copy of ``db.file`` kept before an upgrade, in ``<data_dir>/backups``
    (``<stem>.<revision>.<UTC stamp>.sqlite3``); sets ``db.pre_upgrade_copy``.

    Raises ``OpsLedgerError`` when the copy cannot be written or fails verification (the
    integrity check, or a revision other than ``cur``): the upgrade does not start then.
    """
    from app.core.timeutil import utcnow

    assert db.file is not None
    taken_at = utcnow()
    dest = paths.data_dir() / "backups" / f"{db.file.stem}.{cur or 'none'}.{taken_at:%Y%m%dT%H%M%SZ}.sqlite3"
    try:
        snap = verified_copy(db.file, dest)
    except (OSError, sqlite3.Error, OpsLedgerError) as exc:
        raise OpsLedgerError(N_("the copy of the ledger before the schema upgrade failed ({reason}); the "
                                "ledger was not upgraded and is unchanged"), code="db.pre_upgrade_copy",
                             reason=str(exc)) from exc
    if snap.revision != (cur or ""):
        dest.unlink(missing_ok=True)
        raise OpsLedgerError(N_("the copy of the ledger before the schema upgrade failed ({reason}); the "
                                "ledger was not upgraded and is unchanged"), code="db.pre_upgrade_copy",
                             reason=f"{snap.revision} ≠ {cur}")
    db.pre_upgrade_copy = dest
    return snap, taken_at


def _record_pre_upgrade(conn: Any, snap: Snapshot, taken_at: datetime) -> None:
    """Record the pre-upgrade copy in ``backup_record`` (kind ``pre_migration``) in the upgrade's
    own transaction, so a rolled-back upgrade records nothing."""
    import uuid

    from app.store.models import BackupRecord

    conn.execute(sa_insert(BackupRecord).values(
        id=uuid.uuid4(), taken_at=taken_at, kind="pre_migration", file_name=snap.path.name,
        folder=str(snap.path.parent), size_bytes=snap.size_bytes, sha256=snap.sha256, revision=snap.revision,
        verified=True, seconds=round(snap.seconds, 3), error=""))


def upgrade(db: Database) -> None:
    """Upgrade ``db`` to head in ONE transaction; keep a copy of a SQLite file first.

    Migrations run with foreign keys off (SQLite; see ``_foreign_keys_off``).  Before commit, in
    the same transaction, every table that existed before must have as many rows as before and
    ``PRAGMA foreign_key_check`` must find nothing; otherwise everything is rolled back.
    The copy is a verified backup (``app.store.snapshot.verified_copy``: integrity check, schema
    revision, SHA-256) recorded in ``backup_record`` as ``pre_migration`` in the same transaction.
    Raises ``OpsLedgerError`` when the copy fails (nothing is upgraded then), when a migration
    fails or would lose data; its text names the pre-upgrade copy (``db.pre_upgrade_copy``),
    which is also restored over the file.
    """
    cur = current_revision(db.engine)
    head = head_revision()
    if cur == head:
        return
    from alembic import command

    before_tables = [t for t in inspect(db.engine).get_table_names() if t != "alembic_version"]
    snapshot = None
    if db.file is not None and before_tables:
        snapshot = _pre_upgrade_copy(db, cur)
    try:
        # the pragma is set before the transaction begins (inside one SQLite ignores it)
        with db.engine.connect() as conn, _foreign_keys_off(conn), conn.begin():
            before = _row_counts(conn, before_tables)
            command.upgrade(_alembic_config(conn), "head")
            _verify_data_kept(conn, before)
            if snapshot is not None:
                _record_pre_upgrade(conn, *snapshot)
    except Exception as exc:
        if db.pre_upgrade_copy is not None and db.file is not None:
            db.engine.dispose()
            _copy_sqlite(db.pre_upgrade_copy, db.file)
        copy = (Msg(N_(" The copy made before the upgrade is {path}."), path=str(db.pre_upgrade_copy))
                if db.pre_upgrade_copy is not None else "")
        reason = getattr(exc, "orig", None) or exc  # the driver's sentence, not SQLAlchemy's SQL dump
        raise OpsLedgerError(
            N_("schema upgrade {current} → {head} failed and was rolled back: {error}{copy}"),
            code="db.upgrade_failed", current=cur, head=head, error=str(reason), copy=copy,
        ) from exc


def _probe(engine: Engine, file: Path | None) -> None:
    """Connect once, so a bad store is refused with a sentence, not a driver traceback: a file
    that is not a SQLite database (naming it), or a server that cannot be reached (naming the
    URL without its password)."""
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.connect():
            pass
    except DBAPIError as exc:
        engine.dispose()
        reason = getattr(exc, "orig", None) or exc
        if file is not None:
            raise OpsLedgerError(_("{path} is not an OpsLedger database ({reason})",
                                   path=file, reason=reason)) from exc
        raise OpsLedgerError(_("cannot connect to the database server {url} ({reason})",
                               url=engine.url.render_as_string(hide_password=True),
                               reason=str(reason).strip())) from exc


def _create_engine(url: str) -> Engine:
    """``create_engine``; a missing database driver (psycopg …) is a sentence naming the extra."""
    try:
        return create_engine(url, future=True)
    except ImportError as exc:
        raise OpsLedgerError(_("the database driver for {backend} is not installed ({reason}); "
                               "install OpsLedger with the \"postgres\" extra: pip install "
                               "'opsledger[postgres]'", backend=make_url(url).get_backend_name(),
                               reason=exc)) from exc


def open_database(
    target: str | os.PathLike[str] | None = None, *, migrate: bool = True, lock: bool = True
) -> Database:
    """Open (and by default migrate) the store named by ``target``; see the module docstring.

    Raises ``DatabaseLockedError`` if another process holds the SQLite file (by any name),
    ``OpsLedgerError`` if the file cannot be locked or is on a network share (see
    ``_FileLock.acquire``) or if the upgrade fails.
    """
    url = resolve_url(target)
    file = _sqlite_file(url)
    held: _FileLock | None = None
    if file is not None:
        if lock:
            held = _FileLock(file)
            held.acquire()
        else:
            file.parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = _create_engine(url)
        if engine.dialect.name == "sqlite":
            _install_sqlite_hooks(engine)
        _probe(engine, file)
        db = Database(url, engine, sessionmaker(engine, class_=LedgerSession, expire_on_commit=False), file,
                      _lock=held)
        if migrate and current_revision(engine) != head_revision():
            before = current_revision(engine)
            upgrade(db)
            after = current_revision(engine)
            if before != after:
                log.info("database schema upgraded %s → %s (copy kept: %s)", before or "empty",
                         after, db.pre_upgrade_copy or "none needed")
        log.info("database opened: %s", make_url(url).render_as_string(hide_password=True))
        return db
    except BaseException:
        if held:
            held.release()
        raise


def integrity_check(db: Database) -> list[str]:
    """Run SQLite's ``PRAGMA integrity_check`` (``["ok"]`` when sound); other backends: ``["ok"]``."""
    if db.engine.dialect.name != "sqlite":
        return ["ok"]
    with db.engine.connect() as conn:
        return [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]


__all__ = [
    "Database",
    "current_revision",
    "head_revision",
    "integrity_check",
    "known_revisions",
    "open_database",
    "resolve_url",
    "sqlite_file",
    "upgrade",
]
