"""Helpers shared by the CLI command modules: ``--db`` handling, date arguments, output.

``echo(text)`` is the one way the CLI writes what the user reads (stdout; ``err=True`` for
stderr): ``print`` is not used elsewhere in ``app/`` (ruff's T20 rules keep it so).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from app.errors import ValidationError
from app.core.i18n import N_
from app.store.db import Database, open_database


def echo(text: object = "", *, err: bool = False, flush: bool = False) -> None:
    """Write ``text`` and a newline for the user: stdout, or stderr when ``err``."""
    print(text, file=sys.stderr if err else sys.stdout, flush=flush)  # noqa: T201 - the one place


def add_db_arg(parser: argparse.ArgumentParser) -> None:
    """Add ``--db PATH|URL`` to a sub-command (the top-level ``--db`` works too)."""
    parser.add_argument("--db", dest="sub_db", help="database file path or SQLAlchemy URL")


def open_db(args: argparse.Namespace) -> Database:
    """Open the database the arguments name (sub-command ``--db`` wins over the global one)."""
    return open_database(getattr(args, "sub_db", None) or getattr(args, "db", None))


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
