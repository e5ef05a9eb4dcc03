"""``opsledger`` command line: the same operations as the GUI, headless.

Each command group lives in its own module exposing ``register(subparsers)``; the module list is
``COMMAND_MODULES``.  With no command, ``opsledger`` starts the GUI.  Exit codes: 0 success,
1 refused input (the message names the field or row), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from app import __version__
from app.errors import ImportRejected, OpsLedgerError

COMMAND_MODULES = (
    "app.cli.contract",
    "app.cli.demo",
    "app.cli.inspect",
    "app.cli.export",
    "app.cli.importing",
    "app.cli.check",
    "app.cli.report",
    "app.cli.calendar",
    "app.cli.backup",
    "app.cli.gui",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every registered command."""
    parser = argparse.ArgumentParser(prog="opsledger", description="OpsLedger 运维台账")
    parser.add_argument("--version", action="version", version=f"opsledger {__version__}")
    parser.add_argument("--db", help="database file path or SQLAlchemy URL (default: OPSLEDGER_DB "
                        "or the embedded file in the user data directory)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        from app.cli.gui import run_gui

        return run_gui(args)
    try:
        return int(args.func(args) or 0)
    except ImportRejected as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except OpsLedgerError as exc:
        print(f"opsledger: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # an --out/--to/file argument the OS refused: a sentence, no traceback
        from app.cli.common import os_error_sentence

        print(f"opsledger: {os_error_sentence(exc)}", file=sys.stderr)
        return 1


def gui_main() -> int:
    """Entry point of the windowed ``opsledger-gui``: the CLI's arguments, GUI by default
    (``opsledger-gui --db PATH`` opens that database)."""
    return main(sys.argv[1:])
