"""Helpers shared by the CLI command modules: ``--db`` handling, date arguments, output.

``echo(text)`` is the one way the CLI writes what the user reads (stdout; ``err=True`` for
stderr): ``print`` is not used elsewhere in ``app/`` (ruff's T20 rules keep it so).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from app import settings
from app.core.i18n import N_, _
from app.errors import OpsLedgerError, ValidationError
from app.store.db import Database, open_database, sqlite_file


def echo(text: object = "", *, err: bool = False, flush: bool = False) -> None:
    """Write ``text`` and a newline for the user: stdout, or stderr when ``err``."""
    print(text, file=sys.stderr if err else sys.stdout, flush=flush)  # noqa: T201 - the one place


def add_db_arg(parser: argparse.ArgumentParser) -> None:
    """Add ``--db PATH|URL`` to a sub-command (the top-level ``--db`` works too)."""
    parser.add_argument("--db", dest="sub_db", help="database file path or SQLAlchemy URL")


def db_target(args: argparse.Namespace) -> str | None:
    """The ``--db`` the arguments name (sub-command ``--db`` wins over the global one), or None."""
    return getattr(args, "sub_db", None) or getattr(args, "db", None)


def open_db(args: argparse.Namespace, *, create: bool = False, migrate: bool = True) -> Database:
    """Open (and with ``migrate`` upgrade) the database the arguments name (see ``db_target``).

    A SQLite file that does not exist is refused (``OpsLedgerError`` naming the path) instead of
    being created empty, unless ``create``: only commands meant to create a ledger (first start,
    ``contract import``, ``demo``) pass it.  Other refusals: see ``open_database``.
    """
    target = db_target(args)
    file = sqlite_file(target)
    if not create and file is not None and not file.exists():
        raise OpsLedgerError(_("there is no database at {path}; check --db (a new ledger is created "
                               "only by the first start, contract import or demo)", path=file))
    return open_database(target, migrate=migrate)


def _writable(folder: Path) -> bool:
    """Whether files can be created in ``folder``: not on a read-only mount, and writable by us."""
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return False
    except (AttributeError, OSError):  # Windows has no statvfs: the OS answers at write time
        pass
    return os.access(folder, os.W_OK)


#: The sentences for a file the OS would refuse (``os_error_sentence``, ``out_path``).
IS_FOLDER = N_("{path} is a folder; give the name of a file inside it")
READ_ONLY = N_("cannot write {path}: the place is read-only or you have no permission there; choose another folder")
NO_FOLDER = N_("cannot use {path}: the file or its folder does not exist")
NOT_FOLDER = N_("cannot use {path}: part of the path is a file, not a folder")


def out_path(value: str) -> Path:
    """Check an ``--out FILE`` before anything is read or written; returns it as a ``Path``.

    Raises ``ValidationError("--out", …)`` naming the path: a folder, part of the path a file,
    or a read-only place (a read-only mount or no write permission, judged at the nearest folder
    that exists).  Folders of the path that do not exist yet are created by the writer, as every
    exporter does, once the command has its data (a refused command creates nothing).
    """
    path = Path(value).expanduser()
    folder = next((p for p in (path.parent, *path.parent.parents) if p.exists()), Path())
    problem = None
    if path.is_dir():
        problem = IS_FOLDER
    elif not folder.is_dir():
        problem = NOT_FOLDER
    elif not _writable(folder) or (path.exists() and not os.access(path, os.W_OK)):
        problem = READ_ONLY
    if problem:
        raise ValidationError("--out", problem, code="cli.out", path=str(path))
    return path


def os_error_sentence(exc: OSError) -> str:
    """A sentence for a file the command could not read or write (``--out``, ``--to``, a file
    argument), naming the path and what to do, in the user's language."""
    import errno

    from app.errors import render

    path = exc.filename or ""
    if isinstance(exc, IsADirectoryError):
        return render(IS_FOLDER, {"path": path})
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return render(READ_ONLY, {"path": path})
    if isinstance(exc, FileNotFoundError):
        return render(NO_FOLDER, {"path": path})
    if isinstance(exc, NotADirectoryError):
        return render(NOT_FOLDER, {"path": path})
    return _("cannot use {path}: {reason}", path=path, reason=exc.strerror or exc)


def cli_actor() -> str:
    """The name the CLI records in the audit trail: the configured engineer, else ``"cli"``."""
    return settings.get("engineer_name") or "cli"


def parse_date(value: str, field: str) -> date:
    """``YYYY-MM-DD`` → ``date``; raises ``ValidationError`` naming ``field``."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, N_("“{value}” is not a date in the form YYYY-MM-DD"), value=value) from None


def date_range(start: str, end: str) -> tuple[date, date]:
    """Parse ``--from``/``--to``; raises ``ValidationError`` when the range ends before it starts."""
    a, b = parse_date(start, "--from"), parse_date(end, "--to")
    if b < a:
        raise ValidationError("--to", N_("the range ends ({b}) before it starts ({a})"), b=b, a=a)
    return a, b
